/* accord-widget-util.c: small helpers about widgets, shared by the views
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-search.h"
#include "accord-widget-util.h"

/**
 * accord_widget_has_focus_within:
 *
 * Whether the keyboard focus of @widget's window is @widget or inside it.
 * Asked of the window rather than of GTK_STATE_FLAG_FOCUS_WITHIN, which
 * GTK clears while the window is not the active one.
 */
gboolean
accord_widget_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/**
 * accord_widget_release_focus:
 *
 * Takes the keyboard focus away when it is @widget or inside it: the
 * window then has none until it is given or the user moves it. Call it
 * before removing or hiding what holds the focus; left to GTK 4.8, a
 * removed focus widget has the window move the focus at its next layout,
 * through a widget that may no longer be valid.
 *
 * Returns: whether @widget had the focus
 */
gboolean
accord_widget_release_focus (GtkWidget *widget)
{
  if (!accord_widget_has_focus_within (widget))
    return FALSE;

  gtk_root_set_focus (gtk_widget_get_root (widget), NULL);
  return TRUE;
}

/**
 * accord_link_button_new:
 * @label: (transfer floating): the link's text, a #GtkLabel the caller
 *   made (wrapping or ellipsized)
 *
 * A button that looks and reads as a link: GTK's "link" style, a pointing
 * hand under the pointer, the link role with its label as its accessible
 * name (GTK 4.8 names a button only from a label it made itself: a link
 * with a label of our own read as "button"), at the start of its line.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
accord_link_button_new (GtkWidget *label)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_LINK, NULL);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_widget_add_css_class (button, "link");
  gtk_widget_set_cursor_from_name (button, "pointer");
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  return button;
}

/**
 * accord_heading_label_new:
 * @level: 1 for a page's title, 2 for its sections
 *
 * A label that a screen reader calls a heading, of @level. (The role can
 * only be given as a widget is made.)
 *
 * Returns: (transfer floating): the label, without text
 */
GtkWidget *
accord_heading_label_new (int level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  return label;
}

/**
 * accord_list_row_set_name:
 * @child: the widget a list item factory put in a row
 * @name: what a screen reader says of the row
 * @description: (nullable): and after it
 *
 * Names the row of a GtkListView that holds @child. GTK 4.8 names a row
 * from nothing in it: a screen reader said "list item" and no more (GTK
 * 4.12 has gtk_list_item_set_accessible_label() for it).
 */
void
accord_list_row_set_name (GtkWidget  *child,
                          const char *name,
                          const char *description)
{
  GtkAccessible *row = GTK_ACCESSIBLE (gtk_widget_get_parent (child));

  gtk_accessible_update_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (description != NULL && *description != '\0')
    gtk_accessible_update_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * accord_widget_flatten_switcher:
 *
 * Makes the buttons of @switcher flat and apart, as GNOME's view switchers
 * are now: only the page on show, and the button pointed at, have a
 * background. GtkStackSwitcher links raised buttons, which GTK's theme
 * draws with gradients and blurred shadows; the header bar's buttons are
 * flat as well, so the first frame needs none of those.
 *
 * Call it once the switcher has its stack (after the template is built).
 */
void
accord_widget_flatten_switcher (GtkStackSwitcher *switcher)
{
  gtk_widget_remove_css_class (GTK_WIDGET (switcher), "linked");
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (switcher));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    gtk_widget_add_css_class (button, "flat");
}

/**
 * accord_text_insert_mark:
 * @start: byte offset of the mark's start
 * @end: byte offset of its end
 * @mark: what the mark says
 *
 * Marks a span of a text with a background, as highlighters do, and
 * darkens the text on it: a dark style draws text light, and links blue,
 * and neither reads on yellow. The marks are the same in both styles.
 */
void
accord_text_insert_mark (PangoAttrList  *attrs,
                         guint           start,
                         guint           end,
                         AccordTextMark  mark)
{
  /* GNOME's palette: yellow 3 (half of it over white, for a search's
   * words), orange 2; dark 4 for the text. */
  static const PangoColor backgrounds[] = {
    [ACCORD_TEXT_MARK_FOUND] = { 0xf8f8, 0xe6e6, 0x9393 },
    [ACCORD_TEXT_MARK_MATCH] = { 0xf6f6, 0xd3d3, 0x2d2d },
    [ACCORD_TEXT_MARK_CURRENT] = { 0xffff, 0xa3a3, 0x4848 },
  };
  const PangoColor *background = &backgrounds[mark];
  PangoAttribute *added[] = {
    pango_attr_background_new (background->red, background->green, background->blue),
    pango_attr_foreground_new (0x2424, 0x1f1f, 0x3131),
  };

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      added[i]->start_index = start;
      added[i]->end_index = end;
      pango_attr_list_insert (attrs, added[i]);
    }
}

/**
 * accord_text_add_search_marks:
 * @text: valid UTF-8
 * @query: (nullable): a search's query
 *
 * Marks, pale, the words of @text that @query finds (see
 * accord_search_match_words()).
 *
 * Returns: the number of words marked
 */
guint
accord_text_add_search_marks (PangoAttrList *attrs,
                              const char    *text,
                              const char    *query)
{
  g_autoptr(GArray) spans = NULL;

  if (text == NULL || query == NULL)
    return 0;

  spans = accord_search_match_words (text, query);
  for (guint i = 0; i + 1 < spans->len; i += 2)
    accord_text_insert_mark (attrs, g_array_index (spans, guint, i), g_array_index (spans, guint, i + 1),
                             ACCORD_TEXT_MARK_FOUND);

  return spans->len / 2;
}
