/* accord-topic-page.c: one topic, as a page to read
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is built from native widgets: labels for headings, paragraphs,
 * list items and notes, link-styled buttons for the subjects, aspects and
 * related topics (they emit "navigate") and for sources (they open http and
 * https addresses in the browser, only when clicked). Pack text is untrusted
 * and only ever set as plain text.
 *
 * Find in page (Ctrl+F) highlights every match with Pango attributes, the
 * current one in a colour of its own; Enter and Shift+Enter step through them.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-topic-page.h"
#include "accord-widget-util.h"
#include "accord-wrap-box.h"

typedef struct
{
  GtkLabel *label;
  guint     start;  /* in bytes */
  guint     end;
} Match;

struct _AccordTopicPage
{
  GtkWidget parent_instance;

  AccordTopic *topic;
  AccordPack *start_pack;  /* the pack whose start page is on show, if it is */
  gboolean show_contents;
  char *highlight;         /* the query of the search that found the topic */
  GPtrArray *text_labels;  /* GtkLabel with searchable text, in page order */
  GArray *matches;         /* Match */
  guint current_match;
  GtkWidget *link_menu;    /* a source link's context menu, made when first wanted */
  GtkWidget *menu_link;    /* (weak) the link whose menu is open */

  /* template children */
  GtkSearchBar *find_bar;
  GtkSearchEntry *find_entry;
  GtkLabel *find_status;
  GtkScrolledWindow *scroller;
  GtkBox *content;
};

G_DEFINE_FINAL_TYPE (AccordTopicPage, accord_topic_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TOPIC, N_PROPS };
enum { NAVIGATE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Puts @label in @parent with a text of the page: selectable, wrapping,
 * found by Find. */
static GtkWidget *
add_text (AccordTopicPage *self,
          GtkWidget       *parent,
          GtkWidget       *label,
          const char      *text,
          const char      *css_class)
{
  /* Untrusted text: plain, never markup. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  g_ptr_array_add (self->text_labels, label);

  return label;
}

static GtkWidget *
add_label (AccordTopicPage *self,
           GtkWidget       *parent,
           const char      *text,
           const char      *css_class)
{
  return add_text (self, parent, gtk_label_new (NULL), text, css_class);
}

static GtkWidget *
add_heading (AccordTopicPage *self,
             const char      *text,
             const char      *css_class,
             int              level)
{
  return add_text (self, GTK_WIDGET (self->content), accord_heading_label_new (level), text, css_class);
}

static void
on_link_clicked (GtkButton       *button,
                 AccordTopicPage *self)
{
  const char *location = g_object_get_data (G_OBJECT (button), "accord-location");

  g_signal_emit (self, signals[NAVIGATE], 0, location);
}

static GtkWidget *
link_button (AccordTopicPage *self,
             const char      *label_text,
             const char      *location,
             const char      *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button;

  gtk_label_set_text (GTK_LABEL (label), label_text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Text of the page too: found and marked as the rest. */
  g_ptr_array_add (self->text_labels, label);
  button = accord_link_button_new (label);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "accord-location", g_strdup (location), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_link_clicked), self, 0);

  return button;
}

static GtkWidget *
section (AccordTopicPage *self,
         const char      *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = accord_heading_label_new (2);

  gtk_label_set_text (GTK_LABEL (label), heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (self->content, box);

  return box;
}

/* The subjects and aspects a topic concerns, as links side by side. */
static void
add_concerns (AccordTopicPage *self)
{
  GListModel *subjects = accord_topic_get_subjects (self->topic);
  GListModel *aspects = accord_topic_get_aspects (self->topic);
  GtkWidget *links;
  guint n_subjects = g_list_model_get_n_items (subjects);
  guint n_aspects = g_list_model_get_n_items (aspects);

  if (n_subjects + n_aspects == 0)
    return;

  links = accord_wrap_box_new (18, 0);
  /* Translators: accessible name of the links to the subjects and aspects a topic concerns */
  gtk_accessible_update_property (GTK_ACCESSIBLE (links), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concerns"), -1);

  for (guint i = 0; i < n_subjects; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, i);
      g_autofree char *location = g_strconcat ("subject:", accord_subject_get_id (subject), NULL);

      accord_wrap_box_append (ACCORD_WRAP_BOX (links),
                              link_button (self, accord_subject_get_name (subject), location,
                                           _("Show this subject in the characteristics table")));
    }

  for (guint i = 0; i < n_aspects; i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      g_autofree char *location = g_strconcat ("aspect:", accord_aspect_get_id (aspect), NULL);

      accord_wrap_box_append (ACCORD_WRAP_BOX (links),
                              link_button (self, accord_aspect_get_name (aspect), location,
                                           _("Show how each subject handles this aspect")));
    }

  gtk_box_append (self->content, links);
}

static void
add_block (AccordTopicPage *self,
           AccordBlock     *block)
{
  switch (accord_block_get_kind (block))
    {
    case ACCORD_BLOCK_HEADING:
      add_heading (self, accord_block_get_text (block), "title-3", 2);
      break;

    case ACCORD_BLOCK_NOTE:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

        gtk_widget_add_css_class (box, "accord-note");
        gtk_widget_set_valign (icon, GTK_ALIGN_START);
        /* Translators: accessible name of a note's icon in a topic page */
        gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
        gtk_box_append (GTK_BOX (box), icon);
        gtk_widget_set_hexpand (add_label (self, box, accord_block_get_text (block), NULL), TRUE);
        gtk_box_append (self->content, box);
      }
      break;

    case ACCORD_BLOCK_LIST:
      {
        const char * const *items = accord_block_get_items (block);
        GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

        gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION,
                                        _("List"), -1);
        for (guint i = 0; items[i] != NULL; i++)
          {
            GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
            GtkWidget *bullet = gtk_label_new ("•");

            gtk_widget_set_valign (bullet, GTK_ALIGN_START);
            gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
            gtk_box_append (GTK_BOX (row), bullet);
            gtk_widget_set_hexpand (add_label (self, row, items[i], NULL), TRUE);
            gtk_box_append (GTK_BOX (list), row);
          }
        gtk_widget_set_margin_start (list, 12);
        gtk_box_append (self->content, list);
      }
      break;

    case ACCORD_BLOCK_PARAGRAPH:
    default:
      add_label (self, GTK_WIDGET (self->content), accord_block_get_text (block), NULL);
      break;
    }
}

/* At most this many links in a section: a large pack's start page would
 * otherwise build thousands of them (a pack of 100,000 topics has 10,000
 * at its top level), in the frame that shows the pack. The sidebar has
 * them all. */
#define MAX_TOPIC_LINKS 20

/* A section of links to @topics, each with its summary beneath: a topic's
 * sub-topics and related topics, or the pack's contents on the start page,
 * so that a topic's neighbours can be reached from its page, as from the
 * sidebar (which a narrow window hides). */
static void
add_topic_links (AccordTopicPage *self,
                 const char      *heading,
                 GListModel      *topics)
{
  guint n = g_list_model_get_n_items (topics);
  GtkWidget *box;

  if (n == 0)
    return;

  box = section (self, heading);
  for (guint i = 0; i < MIN (n, MAX_TOPIC_LINKS); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *location = g_strconcat ("topic:", accord_topic_get_id (topic), NULL);
      const char *summary = accord_topic_get_summary (topic);
      GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (entry), link_button (self, accord_topic_get_title (topic), location, NULL));
      if (summary != NULL)
        add_label (self, entry, summary, "dim-label");
      gtk_box_append (GTK_BOX (box), entry);
    }

  if (n > MAX_TOPIC_LINKS)
    {
      guint more = n - MAX_TOPIC_LINKS;
      /* Translators: ends a list of links to topics that shows only the first ones */
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more topic", "and %u more topics", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
}

static gboolean
is_web_address (const char *url)
{
  g_autofree char *scheme = url != NULL ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

/* Opens @url in the browser, if it is a web address: the loader only lets
 * http and https through; checked again right before handing the address
 * to the desktop. */
static void
open_web_address (GtkWidget  *widget,
                  const char *url)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (is_web_address (url))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
on_source_clicked (GtkButton       *button,
                   AccordTopicPage *self)
{
  open_web_address (GTK_WIDGET (self), g_object_get_data (G_OBJECT (button), "accord-url"));
}

/* A source link's context menu (a right click on it, a long press on a
 * touchscreen, or the Menu key or Shift+F10 while it has the focus): Open
 * Link, Copy Link Address. */

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_web_address (widget, g_variant_get_string (parameter, NULL));
}

static void
copy_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

/* The link's tooltip, hidden while its menu is open (GTK would show it
 * over the menu), is back. */
static void
forget_menu_link (AccordTopicPage *self)
{
  if (self->menu_link != NULL)
    gtk_widget_set_has_tooltip (self->menu_link, TRUE);
  g_clear_weak_pointer (&self->menu_link);
}

/* And the focus is back on the link: the menu's parent is the page, which
 * takes none, and GTK would hand it to the window's paned. */
static void
on_link_menu_closed (AccordTopicPage *self)
{
  if (self->menu_link != NULL)
    gtk_widget_grab_focus (self->menu_link);
  forget_menu_link (self);
}

static void
popup_link_menu (AccordTopicPage *self,
                 GtkWidget       *link,
                 double           x,
                 double           y)
{
  const char *url = g_object_get_data (G_OBJECT (link), "accord-url");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open Link"), NULL);
  g_autoptr(GMenuItem) copy = g_menu_item_new (_("_Copy Link Address"), NULL);
  graphene_point_t point;

  if (url == NULL ||
      !gtk_widget_compute_point (link, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  g_menu_item_set_action_and_target (open, "page.open-link", "s", url);
  g_menu_item_set_action_and_target (copy, "page.copy-link", "s", url);
  g_menu_append_item (menu, open);
  g_menu_append_item (menu, copy);

  if (self->link_menu == NULL)
    {
      self->link_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->link_menu), FALSE);
      gtk_widget_set_halign (self->link_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->link_menu, GTK_WIDGET (self));
      g_signal_connect_object (self->link_menu, "closed", G_CALLBACK (on_link_menu_closed), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->link_menu), G_MENU_MODEL (menu));
  forget_menu_link (self);
  g_set_weak_pointer (&self->menu_link, link);
  gtk_widget_set_has_tooltip (link, FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->link_menu));
}

static void
on_source_menu_gesture (GtkGesture      *gesture,
                        double           x,
                        double           y,
                        AccordTopicPage *self)
{
  GtkWidget *link = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  popup_link_menu (self, link, x, y);
}

static void
on_source_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AccordTopicPage *self)
{
  on_source_menu_gesture (GTK_GESTURE (gesture), x, y, self);
}

/* From the keyboard: the menu of the source link with the focus. */
static void
link_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (focus != NULL && g_object_get_data (G_OBJECT (focus), "accord-url") != NULL &&
      gtk_widget_is_ancestor (focus, widget))
    popup_link_menu (ACCORD_TOPIC_PAGE (widget), focus,
                     gtk_widget_get_width (focus) / 2.0, gtk_widget_get_height (focus));
}

static void
add_sources (AccordTopicPage *self)
{
  GListModel *sources = accord_topic_get_sources (self->topic);
  GtkWidget *box;

  if (g_list_model_get_n_items (sources) == 0)
    return;

  box = section (self, _("Sources"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordSource) source = g_list_model_get_item (sources, i);
      const char *publisher = accord_source_get_publisher (source);
      const char *url = accord_source_get_url (source);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      add_label (self, row, accord_source_get_title (source), NULL);
      if (publisher != NULL)
        add_label (self, row, publisher, "dim-label");
      if (is_web_address (url))
        {
          GtkWidget *url_label = gtk_label_new (url);
          GtkGesture *menu_click, *menu_press;
          GtkWidget *link;

          gtk_label_set_ellipsize (GTK_LABEL (url_label), PANGO_ELLIPSIZE_MIDDLE);
          g_ptr_array_add (self->text_labels, url_label);
          link = accord_link_button_new (url_label);
          gtk_widget_set_tooltip_text (link, _("Open in the web browser"));
          g_object_set_data_full (G_OBJECT (link), "accord-url", g_strdup (url), g_free);
          g_signal_connect_object (link, "clicked", G_CALLBACK (on_source_clicked), self, 0);
          menu_click = gtk_gesture_click_new ();
          gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu_click), GDK_BUTTON_SECONDARY);
          g_signal_connect_object (menu_click, "pressed", G_CALLBACK (on_source_pressed), self, 0);
          gtk_widget_add_controller (link, GTK_EVENT_CONTROLLER (menu_click));
          menu_press = gtk_gesture_long_press_new ();
          gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (menu_press), TRUE);
          g_signal_connect_object (menu_press, "pressed", G_CALLBACK (on_source_menu_gesture), self, 0);
          gtk_widget_add_controller (link, GTK_EVENT_CONTROLLER (menu_press));
          gtk_box_append (GTK_BOX (row), link);
        }
      gtk_box_append (GTK_BOX (box), row);
    }
}

static void
clear_content (AccordTopicPage *self)
{
  GtkWidget *child;

  /* The focus in the old content (a link followed from the keyboard)
   * goes with it: the window has none until the user moves it. */
  accord_widget_release_focus (GTK_WIDGET (self->content));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  g_ptr_array_set_size (self->text_labels, 0);
  g_array_set_size (self->matches, 0);
}

static void refresh_find (AccordTopicPage *self);

static void
rebuild (AccordTopicPage *self)
{
  GListModel *body;

  clear_content (self);
  if (self->topic == NULL)
    return;

  add_heading (self, accord_topic_get_title (self->topic), "title-1", 1);
  if (accord_topic_get_summary (self->topic) != NULL)
    add_label (self, GTK_WIDGET (self->content), accord_topic_get_summary (self->topic), "accord-summary");
  add_concerns (self);

  body = accord_topic_get_body (self->topic);
  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(AccordBlock) block = g_list_model_get_item (body, i);

      add_block (self, block);
    }

  /* Translators: heading of the links to a topic's sub-topics on its page */
  add_topic_links (self, _("Subtopics"), accord_topic_get_children (self->topic));
  add_topic_links (self, _("Related Topics"), accord_topic_get_related (self->topic));
  add_sources (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  refresh_find (self);
}

static void
build_start_page (AccordTopicPage *self)
{
  AccordPack *pack = self->start_pack;

  clear_content (self);
  if (pack == NULL)
    return;

  add_heading (self, accord_pack_get_title (pack), "title-1", 1);
  if (accord_pack_get_description (pack) != NULL)
    add_label (self, GTK_WIDGET (self->content), accord_pack_get_description (pack), "accord-summary");
  add_label (self, GTK_WIDGET (self->content),
             _("Choose a topic in the sidebar, compare the subjects aspect by aspect in the "
               "Characteristics table, or line them up side by side in Compare."),
             "dim-label");
  if (self->show_contents)
    /* Translators: heading of the links to the pack's top-level topics on the start page */
    add_topic_links (self, _("Contents"), accord_pack_get_topics (pack));
  refresh_find (self);
}

/**
 * accord_topic_page_show_pack:
 * @pack: the pack on show
 *
 * Shows the pack's title and description, and its top-level topics if
 * the page lists them (accord_topic_page_set_show_contents()): the page
 * before any topic is chosen.
 */
void
accord_topic_page_show_pack (AccordTopicPage *self,
                             AccordPack      *pack)
{
  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  g_clear_object (&self->topic);
  g_set_object (&self->start_pack, pack);
  build_start_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/**
 * accord_topic_page_set_show_contents:
 * @show_contents: whether the start page lists the pack's top-level topics
 *
 * The window's sidebar lists them when it is shown, and the start page
 * when it is not (in a narrow window): listing them twice side by side
 * would only make the first screen slower to come.
 */
void
accord_topic_page_set_show_contents (AccordTopicPage *self,
                                     gboolean         show_contents)
{
  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  show_contents = !!show_contents;
  if (self->show_contents == show_contents)
    return;

  self->show_contents = show_contents;
  if (self->start_pack != NULL)
    build_start_page (self);
}

/* Find in page */

static gboolean
chars_match (const char *text,
             const char *needle)
{
  while (*needle != '\0')
    {
      if (*text == '\0' ||
          g_unichar_tolower (g_utf8_get_char (text)) != g_unichar_tolower (g_utf8_get_char (needle)))
        return FALSE;
      text = g_utf8_next_char (text);
      needle = g_utf8_next_char (needle);
    }

  return TRUE;
}

/* Marks @label's text: the search's words, then the find bar's matches
 * in it, matches[first] to matches[end - 1], over them, the current one
 * apart. Marked, not selected: GTK draws a label's selection over its
 * marks, and in the text's colour only while the label has the focus,
 * which the find entry keeps. */
static void
mark_label (AccordTopicPage *self,
            GtkLabel        *label,
            guint            first,
            guint            end)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  accord_text_add_search_marks (attrs, gtk_label_get_text (label), self->highlight);
  for (guint i = first; i < end; i++)
    {
      Match *match = &g_array_index (self->matches, Match, i);

      accord_text_insert_mark (attrs, match->start, match->end,
                               i == self->current_match ? ACCORD_TEXT_MARK_CURRENT : ACCORD_TEXT_MARK_MATCH);
    }

  gtk_label_set_attributes (label, attrs);
}

/* Marks again the label of matches[index], whose matches are next to it
 * (they are in page order). */
static void
mark_label_of_match (AccordTopicPage *self,
                     guint            index)
{
  GtkLabel *label = g_array_index (self->matches, Match, index).label;
  guint first = index, end = index + 1;

  while (first > 0 && g_array_index (self->matches, Match, first - 1).label == label)
    first--;
  while (end < self->matches->len && g_array_index (self->matches, Match, end).label == label)
    end++;
  mark_label (self, label, first, end);
}

/* Brings the current match into view, without taking the focus from the
 * find entry. */
static void
scroll_to_current_match (AccordTopicPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *label;
  double x, y;

  if (self->matches->len == 0)
    return;

  label = GTK_WIDGET (g_array_index (self->matches, Match, self->current_match).label);
  if (gtk_widget_translate_coordinates (label, GTK_WIDGET (self->content), 0, 0, &x, &y))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      if (y < value || y + 40 > value + page)
        gtk_adjustment_set_value (adjustment, MAX (0, y - page / 3));
    }
}

static void
update_find_status (AccordTopicPage *self,
                    const char      *needle)
{
  g_autofree char *status = NULL;

  if (needle == NULL || *needle == '\0')
    status = g_strdup ("");
  else if (self->matches->len == 0)
    status = g_strdup (_("Not found"));
  else
    /* Translators: the current match and the number of matches, “2 of 5” */
    status = g_strdup_printf (_("%u of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_text (self->find_status, status);
}

/**
 * accord_topic_page_find_text:
 * @text: what to find, ignoring case
 *
 * Highlights every occurrence of @text in the page, the first as current,
 * over the words the search found (accord_topic_page_set_highlight()).
 *
 * Returns: the number of matches
 */
guint
accord_topic_page_find_text (AccordTopicPage *self,
                             const char      *text)
{
  glong length = text != NULL ? g_utf8_strlen (text, -1) : 0;

  g_return_val_if_fail (ACCORD_IS_TOPIC_PAGE (self), 0);

  g_array_set_size (self->matches, 0);
  self->current_match = 0;

  for (guint i = 0; i < self->text_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->text_labels, i);
      const char *s = gtk_label_get_text (label);
      guint first = self->matches->len;

      if (length > 0)
        for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
          if (chars_match (p, text))
            {
              Match match = { label, p - s, g_utf8_offset_to_pointer (p, length) - s };

              g_array_append_val (self->matches, match);
            }
      mark_label (self, label, first, self->matches->len);
    }

  update_find_status (self, text);
  scroll_to_current_match (self);

  return self->matches->len;
}

void
accord_topic_page_find_next (AccordTopicPage *self,
                             gboolean         backwards)
{
  guint previous;

  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  if (self->matches->len == 0)
    return;

  previous = self->current_match;
  if (backwards)
    self->current_match = (self->current_match + self->matches->len - 1) % self->matches->len;
  else
    self->current_match = (self->current_match + 1) % self->matches->len;

  mark_label_of_match (self, previous);
  if (g_array_index (self->matches, Match, previous).label !=
      g_array_index (self->matches, Match, self->current_match).label)
    mark_label_of_match (self, self->current_match);

  update_find_status (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  scroll_to_current_match (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

/* Marks the page again: the search's words, and the find bar's matches
 * while it is open. */
static void
mark_page (AccordTopicPage *self)
{
  gboolean finding = gtk_search_bar_get_search_mode (self->find_bar);

  accord_topic_page_find_text (self, finding ? gtk_editable_get_text (GTK_EDITABLE (self->find_entry)) : NULL);
}

/* Marks a page just built, when there is anything to mark. */
static void
refresh_find (AccordTopicPage *self)
{
  if (gtk_search_bar_get_search_mode (self->find_bar) || self->highlight != NULL)
    mark_page (self);
}

/**
 * accord_topic_page_set_highlight:
 * @query: (nullable): the query of a search, or %NULL
 *
 * Highlights the words that @query finds (accord_search_match_words()), in
 * this page and the next ones shown, until set to %NULL: the window sets
 * the sidebar's search, so that a topic found shows why.
 */
void
accord_topic_page_set_highlight (AccordTopicPage *self,
                                 const char      *query)
{
  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (self->highlight, query) == 0)
    return;

  g_free (self->highlight);
  self->highlight = g_strdup (query);
  mark_page (self);
}

/**
 * accord_topic_page_find:
 *
 * Opens the find bar (Ctrl+F).
 */
void
accord_topic_page_find (AccordTopicPage *self)
{
  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
on_find_changed (AccordTopicPage *self)
{
  accord_topic_page_find_text (self, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

static void
on_find_mode_changed (AccordTopicPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    accord_topic_page_find_text (self, NULL);
}

static void
find_next_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  accord_topic_page_find_next (ACCORD_TOPIC_PAGE (widget), g_str_equal (action_name, "page.find-previous"));
}

static gboolean
on_find_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             AccordTopicPage       *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      accord_topic_page_find_next (self, (state & GDK_SHIFT_MASK) != 0);
      return TRUE;
    }

  return FALSE;
}

/* The object */

/**
 * accord_topic_page_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic on show
 */
AccordTopic *
accord_topic_page_get_topic (AccordTopicPage *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC_PAGE (self), NULL);

  return self->topic;
}

void
accord_topic_page_set_topic (AccordTopicPage *self,
                             AccordTopic     *topic)
{
  g_return_if_fail (ACCORD_IS_TOPIC_PAGE (self));

  if (!g_set_object (&self->topic, topic))
    return;

  g_clear_object (&self->start_pack);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

static void
accord_topic_page_dispose (GObject *object)
{
  GtkWidget *child;
  AccordTopicPage *self = ACCORD_TOPIC_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_TOPIC_PAGE);
  /* GTK 4.8 leaves the template's unnamed root to us (and the link menu
   * is ours too). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->link_menu = NULL;
  g_clear_weak_pointer (&self->menu_link);
  g_clear_object (&self->topic);
  g_clear_object (&self->start_pack);
  g_clear_pointer (&self->highlight, g_free);
  g_clear_pointer (&self->text_labels, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (accord_topic_page_parent_class)->dispose (object);
}

static void
accord_topic_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordTopicPage *self = ACCORD_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_topic_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordTopicPage *self = ACCORD_TOPIC_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      accord_topic_page_set_topic (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_topic_page_class_init (AccordTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_topic_page_dispose;
  object_class->get_property = accord_topic_page_get_property;
  object_class->set_property = accord_topic_page_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, ACCORD_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordTopicPage::navigate:
   * @location: where to go: `topic:ID`, `subject:ID` or `aspect:ID`
   */
  signals[NAVIGATE] = g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Registered before the template looks it up (see accord-window.c). */
  g_type_ensure (GTK_TYPE_SEARCH_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordTopicPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordTopicPage, find_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordTopicPage, find_status);
  gtk_widget_class_bind_template_child (widget_class, AccordTopicPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordTopicPage, content);

  gtk_widget_class_install_action (widget_class, "page.find-next", NULL, find_next_activated);
  gtk_widget_class_install_action (widget_class, "page.find-previous", NULL, find_next_activated);
  gtk_widget_class_install_action (widget_class, "page.open-link", "s", open_link_activated);
  gtk_widget_class_install_action (widget_class, "page.copy-link", "s", copy_link_activated);
  gtk_widget_class_install_action (widget_class, "page.link-menu", NULL, link_menu_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "page.link-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "page.link-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accord_topic_page_init (AccordTopicPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->text_labels = g_ptr_array_new ();
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_object (self->find_entry, "search-changed", G_CALLBACK (on_find_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_bar, "notify::search-mode-enabled", G_CALLBACK (on_find_mode_changed),
                           self, G_CONNECT_SWAPPED);

  /* Enter and Shift+Enter step through the matches. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_find_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
}
