/* accord-test-util.h: helpers for tests that drive real widgets
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-cell-text.h"
#include "accord-core.h"

/* Accord's style sheet, as the application adds it at start-up, for a
 * window made without the application. */
static inline void
accord_test_add_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/io/github/accord/Accord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The built-in pack, from the GResource compiled into the app. */
static inline AccordPack *
accord_test_load_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  bytes = g_resources_lookup_data ("/io/github/accord/Accord/content/peace-and-security.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  pack = accord_pack_load_bytes (bytes, "peace-and-security.json", NULL, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

static inline gboolean
accord_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, for @seconds at most, asleep
 * whenever nothing is to be done: a loop that spins would take the
 * processor from the threads it waits for (a pack's loader runs at a lower
 * priority). Evaluates to whether @condition held. */
#define accord_test_wait_for(condition, seconds) \
  ({ \
    gboolean accord_test_timed_out_ = FALSE; \
    guint accord_test_timeout_ = g_timeout_add_seconds ((seconds), accord_test_timeout_cb, \
                                                         &accord_test_timed_out_); \
    while (!(condition) && !accord_test_timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    if (!accord_test_timed_out_) \
      g_source_remove (accord_test_timeout_); \
    (condition); \
  })

/* Runs the main loop for @ms milliseconds: layout, frames, idles. */
static inline void
accord_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, accord_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
accord_test_count_frame (GdkFrameClock *clock,
                         gpointer       data)
{
  (*(guint *) data)++;
}

/* Runs the main loop until @widget's window has painted @n frames more,
 * asking for them: what was changed before is laid out and drawn. */
static inline void
accord_test_wait_frames (GtkWidget *widget,
                         guint      n)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);
  guint frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (accord_test_count_frame), &frames);
  while (frames < n)
    {
      gtk_widget_queue_draw (root);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* Shows @child in a window of the given size and waits until it is drawn:
 * two frames painted (a list may bind rows for its first frame in the
 * next), then 100 ms more. */
static inline GtkWindow *
accord_test_show (GtkWidget *child,
                  int        width,
                  int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  accord_test_wait_frames (child, 2);
  accord_test_iterate (100);

  return window;
}

/* The text a label, an inscription or a table cell shows, or NULL for
 * other widgets. */
static inline const char *
accord_test_text_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (ACCORD_IS_CELL_TEXT (widget))
    return accord_cell_text_get_text (ACCORD_CELL_TEXT (widget));
  return NULL;
}

static inline void
accord_test_collect (GtkWidget *widget,
                     GString   *out)
{
  const char *text;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  text = accord_test_text_of (widget);
  if (text != NULL && *text != '\0')
    {
      /* Less the bidi isolates around pack text put into a sentence
       * (accord_i18n_isolate): they show nothing. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) != 0x2068 && g_utf8_get_char (p) != 0x2069)
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
      g_string_append_c (out, '\n');
    }
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    return;  /* its GtkText child would repeat it */

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    accord_test_collect (child, out);
}

/* The text of every visible label under @widget, one per line, in widget
 * order: what a person sees (so without invisible bidi isolates). */
static inline char *
accord_test_visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  accord_test_collect (widget, out);
  return g_string_free (out, FALSE);
}

/* Appends to @out each piece of @text that @attrs mark with a background
 * (the marks of a search, a filter or the find bar), each followed by a
 * "|". */
static inline void
accord_test_append_marked (GString       *out,
                           const char    *text,
                           PangoAttrList *attrs)
{
  GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_BACKGROUND)
        g_string_append_printf (out, "%.*s|", (int) (attr->end_index - attr->start_index),
                                text + attr->start_index);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
}

/* Asserts that each row @list shows is named for a screen reader by the
 * first text it shows, and described by the second (or not at all).
 * Returns how many rows there are. */
static inline guint
accord_test_assert_rows_named (GtkWidget *list)
{
  guint n = 0;

  g_assert_true (GTK_IS_LIST_VIEW (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!gtk_widget_get_child_visible (row) || gtk_widget_get_first_child (row) == NULL)
        continue;  /* not a row, or one kept aside */

      text = accord_test_visible_text (row);
      lines = g_strsplit (text, "\n", 3);
      g_assert_cmpstr (lines[0], !=, "");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[0]);
      if (lines[1] != NULL && *lines[1] != '\0')
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lines[1]);
      else
        g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      n++;
    }

  return n;
}

typedef gboolean (*AccordTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

/* The first widget under @widget (itself included), depth first, that
 * @match accepts. */
static inline GtkWidget *
accord_test_find (GtkWidget       *widget,
                  AccordTestMatch  match,
                  gconstpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = accord_test_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
accord_test_is_of_type (GtkWidget     *widget,
                        gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (type));
}

static inline GtkWidget *
accord_test_find_by_type (GtkWidget *widget,
                          GType      type)
{
  return accord_test_find (widget, accord_test_is_of_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
accord_test_activates (GtkWidget     *widget,
                       gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static inline gboolean
accord_test_is_button_labelled (GtkWidget     *widget,
                                gconstpointer  text)
{
  GtkWidget *child = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;

  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0;
}

/* The first button under @widget whose label is @text. */
static inline GtkWidget *
accord_test_find_button (GtkWidget  *widget,
                         const char *text)
{
  return accord_test_find (widget, accord_test_is_button_labelled, text);
}

/* The first widget under @widget that activates @action ("win.search"). */
static inline GtkWidget *
accord_test_find_by_action (GtkWidget  *widget,
                            const char *action)
{
  return accord_test_find (widget, accord_test_activates, action);
}
