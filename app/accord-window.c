/* accord-window.c: the main window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pack per window, shown through three views in a GtkStack (Topics,
 * Characteristics, Compare) beside the topic tree (AccordSidebar).
 *
 * Navigation is by location, a short string each view reports:
 *   home · topic:ID · table · aspect:ID · subject:ID · compare:A,B[,C]
 * The window watches the views; whenever the location changes it goes into
 * the back/forward history, however it changed (a click in the tree, a link,
 * the view switcher). Going back or forward shows a location again without
 * recording it.
 *
 * Only what the first screen shows is built before the first frame: the
 * Characteristics and Compare views are created the first time they are
 * needed (accord_window_get_table_view(), accord_window_get_compare_view()),
 * into the empty boxes the template gives their stack pages.
 *
 * The place on show can be bookmarked (win.bookmark, the star); the
 * sidebar lists the pack's bookmarks (AccordBookmarks).
 *
 * Loading another pack happens in a worker thread, with progress and
 * Cancel. The pack on screen is only replaced once the new one has loaded
 * without error; otherwise a banner shows the first errors. Reload
 * (win.reload) loads the pack's file again, for its author: the place on
 * show and the history stay.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-banner.h"
#include "accord-bookmarks.h"
#include "accord-compare-view.h"
#include "accord-loading-bar.h"
#include "accord-print.h"
#include "accord-recent.h"
#include "accord-sidebar.h"
#include "accord-table-view.h"
#include "accord-topic-page.h"
#include "accord-widget-util.h"
#include "accord-window.h"

/* Below this width the sidebar hides behind its toggle. */
#define NARROW_WIDTH 700

#define ZOOM_MIN 50
#define ZOOM_MAX 300
#define ZOOM_STEP 10

struct _AccordWindow
{
  GtkApplicationWindow parent_instance;

  AccordPack *pack;
  GCancellable *loading;
  char *pending_location;   /* shown once the pack being loaded arrives */

  GSettings *settings;      /* nullable */
  AccordBookmarks *bookmarks;
  GMenu *recent_menu;       /* Open Recent, in the primary menu */
  char *location;           /* where the window is now */
  GPtrArray *back;          /* of locations, most recent last */
  GPtrArray *forward;
  guint narrow_idle;
  guint restoring : 1;      /* showing a location: do not record it */
  guint narrow : 1;
  guint narrow_changed : 1; /* crossed the threshold since apply_narrow */
  guint bookmarked : 1;     /* the place on show is bookmarked */
  guint reloading : 1;      /* the load under way is the pack's own file again */
  int zoom;                 /* percent */

  /* template children */
  GtkRevealer *banner_revealer;    /* its AccordBanner is built when first needed */
  GtkRevealer *progress_revealer;  /* its AccordLoadingBar too */
  GtkPaned *paned;
  GtkButton *bookmark_button;
  GtkWidget *search_button;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GtkWidget *view_switcher_scroller;
  GtkStackSwitcher *view_switcher;
  GtkWidget *view_switcher_bar;
  AccordSidebar *sidebar;
  GtkStack *views;
  AccordTopicPage *topic_page;
  GtkWidget *table_slot;
  GtkWidget *compare_slot;

  /* built on first use: NULL until then */
  AccordTableView *table_view;
  AccordCompareView *compare_view;
};

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PACK,
  PROP_LOCATION,
  PROP_SHOW_SIDEBAR,
  PROP_VIEW,
  PROP_BOOKMARKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char     *remembered_location         (AccordWindow *self,
                                              AccordPack   *pack);
static gboolean  accord_window_close_request (GtkWindow    *window);
static void      location_changed            (AccordWindow *self);
static void      on_navigate                 (AccordWindow *self,
                                              const char   *location);

/* Lazy views */

static GtkTextDirection
pack_direction (AccordPack *pack)
{
  /* The pack's text reads in its own language's direction, whatever the
   * direction of the interface around it. */
  return pack != NULL && accord_pack_is_right_to_left (pack) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_NONE;
}

/* Puts a freshly built @view into its stack page's @slot and gives it the
 * pack. Whatever the view reports while it settles is not a move of the
 * user's, so the history does not see it. */
static void
adopt_view (AccordWindow *self,
            GtkWidget    *slot,
            GtkWidget    *view)
{
  gboolean restoring = self->restoring;

  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_widget_add_css_class (view, "accord-view");
  gtk_widget_set_direction (view, pack_direction (self->pack));
  gtk_box_append (GTK_BOX (slot), view);

  self->restoring = TRUE;
  if (self->pack != NULL)
    g_object_set (view, "pack", self->pack, NULL);
  self->restoring = restoring;

  g_signal_connect_object (view, "notify::location", G_CALLBACK (location_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "navigate", G_CALLBACK (on_navigate), self, G_CONNECT_SWAPPED);
}

/**
 * accord_window_get_table_view:
 *
 * The Characteristics view, built now if it was not yet.
 *
 * Returns: (transfer none): the view
 */
AccordTableView *
accord_window_get_table_view (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  if (self->table_view == NULL)
    {
      self->table_view = ACCORD_TABLE_VIEW (accord_table_view_new ());
      adopt_view (self, self->table_slot, GTK_WIDGET (self->table_view));
      /* In the order the last window closed had it. */
      if (self->settings != NULL)
        {
          g_autofree char *sort = g_settings_get_string (self->settings, "table-sort");

          g_object_set (self->table_view, "sort", sort, NULL);
        }
    }

  return self->table_view;
}

/**
 * accord_window_get_compare_view:
 *
 * The Compare view, built now if it was not yet.
 *
 * Returns: (transfer none): the view
 */
AccordCompareView *
accord_window_get_compare_view (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  if (self->compare_view == NULL)
    {
      self->compare_view = g_object_new (ACCORD_TYPE_COMPARE_VIEW, NULL);
      adopt_view (self, self->compare_slot, GTK_WIDGET (self->compare_view));
      if (self->settings != NULL)
        accord_compare_view_set_differences_only (self->compare_view,
                                                  g_settings_get_boolean (self->settings,
                                                                          "compare-differences-only"));
    }

  return self->compare_view;
}

/* Builds the view a stack page is about to show. */
static void
ensure_view (AccordWindow *self,
             const char   *name)
{
  if (g_strcmp0 (name, "table") == 0)
    accord_window_get_table_view (self);
  else if (g_strcmp0 (name, "compare") == 0)
    accord_window_get_compare_view (self);
}

/* Locations */

static char *
current_location (AccordWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->views);

  if (g_strcmp0 (view, "table") == 0)
    return g_strdup (accord_table_view_get_location (accord_window_get_table_view (self)));

  if (g_strcmp0 (view, "compare") == 0)
    {
      g_auto(GStrv) ids = accord_compare_view_get_subjects (accord_window_get_compare_view (self));
      g_autofree char *joined = g_strjoinv (",", ids);

      return g_strconcat ("compare:", joined, NULL);
    }

  if (accord_topic_page_get_topic (self->topic_page) != NULL)
    return g_strconcat ("topic:", accord_topic_get_id (accord_topic_page_get_topic (self->topic_page)), NULL);

  return g_strdup ("home");
}

static void
update_history_actions (AccordWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward", self->forward->len > 0);
}

/* The window is now at @location (taken), with the history as the caller
 * left it. */
static void
set_location (AccordWindow *self,
              char         *location)
{
  g_free (self->location);
  self->location = location;
  update_history_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

/* Called whenever a view may have moved: records the move in the history. */
static void
location_changed (AccordWindow *self)
{
  g_autofree char *location = NULL;

  if (self->restoring || self->pack == NULL)
    return;

  location = current_location (self);
  if (g_strcmp0 (location, self->location) == 0)
    return;

  if (self->location != NULL)
    g_ptr_array_add (self->back, g_steal_pointer (&self->location));
  g_ptr_array_set_size (self->forward, 0);
  set_location (self, g_steal_pointer (&location));
}

/* Shows @location without recording it. Returns FALSE when the pack has no
 * such thing; the window then stays where it is. */
static gboolean
show_location (AccordWindow *self,
               const char   *location)
{
  gboolean shown = FALSE;

  if (self->pack == NULL || location == NULL)
    return FALSE;

  self->restoring = TRUE;

  if (g_str_equal (location, "home"))
    {
      accord_sidebar_select_topic (self->sidebar, NULL);
      accord_topic_page_show_pack (self->topic_page, self->pack);
      gtk_stack_set_visible_child_name (self->views, "topics");
      shown = TRUE;
    }
  else if (g_str_has_prefix (location, "topic:"))
    {
      AccordTopic *topic = accord_pack_lookup_topic (self->pack, location + strlen ("topic:"));

      if (topic != NULL)
        {
          accord_sidebar_select_topic (self->sidebar, topic);
          accord_topic_page_set_topic (self->topic_page, topic);
          gtk_stack_set_visible_child_name (self->views, "topics");
          shown = TRUE;
        }
    }
  else if (g_str_equal (location, "table"))
    {
      accord_table_view_show_table (accord_window_get_table_view (self));
      gtk_stack_set_visible_child_name (self->views, "table");
      shown = TRUE;
    }
  else if (g_str_has_prefix (location, "aspect:"))
    {
      shown = accord_table_view_show_aspect (accord_window_get_table_view (self), location + strlen ("aspect:"));
      if (shown)
        gtk_stack_set_visible_child_name (self->views, "table");
    }
  else if (g_str_has_prefix (location, "subject:"))
    {
      shown = accord_table_view_show_subject (accord_window_get_table_view (self), location + strlen ("subject:"));
      if (shown)
        gtk_stack_set_visible_child_name (self->views, "table");
    }
  else if (g_str_has_prefix (location, "compare:"))
    {
      g_auto(GStrv) ids = g_strsplit (location + strlen ("compare:"), ",", -1);
      guint known = 0;

      for (guint i = 0; ids[i] != NULL; i++)
        if (accord_pack_lookup_subject (self->pack, ids[i]) != NULL)
          known++;

      if (known >= 2 && known == g_strv_length (ids))
        {
          accord_compare_view_set_subjects (accord_window_get_compare_view (self), (const char * const *) ids);
          gtk_stack_set_visible_child_name (self->views, "compare");
          shown = TRUE;
        }
    }

  self->restoring = FALSE;

  return shown;
}

/**
 * accord_window_navigate:
 * @location: `home`, `topic:ID`, `table`, `aspect:ID`, `subject:ID` or
 *   `compare:A,B[,C…]`
 *
 * Shows @location and records it in the history.
 *
 * Returns: %FALSE when the pack has no such topic, aspect or subject
 */
gboolean
accord_window_navigate (AccordWindow *self,
                        const char   *location)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), FALSE);

  if (!show_location (self, location))
    return FALSE;

  location_changed (self);
  return TRUE;
}

/**
 * accord_window_get_location:
 *
 * Returns: (transfer none) (nullable): where the window is
 */
const char *
accord_window_get_location (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return self->location;
}

static void
go_back_or_forward (AccordWindow *self,
                    GPtrArray    *from,
                    GPtrArray    *to)
{
  g_autofree char *target = NULL;

  /* Skip places that no longer exist. */
  while (from->len > 0)
    {
      target = g_ptr_array_steal_index (from, from->len - 1);
      if (show_location (self, target))
        break;
      g_clear_pointer (&target, g_free);
    }

  if (target == NULL)
    return;

  g_ptr_array_add (to, g_steal_pointer (&self->location));
  set_location (self, g_steal_pointer (&target));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  go_back_or_forward (self, self->back, self->forward);
}

static void
forward_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  go_back_or_forward (self, self->forward, self->back);
}

static void
on_mouse_button (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 AccordWindow    *self)
{
  /* The back and forward buttons of a mouse. */
  switch (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)))
    {
    case 8:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
      break;
    case 9:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.forward", NULL);
      break;
    default:
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_view_changed (AccordWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->views);

  /* The view switcher changes the page directly. */
  ensure_view (self, view);
  /* Find is the topic page's find bar, or the table's filter: Compare has
   * neither, and Ctrl+F there does not take the user to another view. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", g_strcmp0 (view, "compare") != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  location_changed (self);
}

static void
on_navigate (AccordWindow *self,
             const char   *location)
{
  accord_window_navigate (self, location);
}

/* Shows or hides the sidebar. @focus_search: shown to search in it, the
 * focus goes to its search (by the caller), not to the tree first. */
static void
show_sidebar (AccordWindow *self,
              gboolean      visible,
              gboolean      focus_search)
{
  if (visible == gtk_widget_get_visible (GTK_WIDGET (self->sidebar)))
    return;

  /* Hidden with the focus in it, the sidebar leaves none: GTK would hand it
   * to the paned, or to the page's title, selecting its text. */
  if (!visible && accord_widget_has_focus_within (GTK_WIDGET (self->sidebar)))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), visible);
  /* The start page lists the top-level topics when the sidebar does not. */
  accord_topic_page_set_show_contents (self->topic_page, !visible);
  /* A narrow window's sidebar is shown to choose from it. A wide window's
   * takes the focus if nothing has it (as when a narrow window hid it with
   * the focus in it), so that typing searches again. */
  if (visible && !focus_search && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (self->narrow || gtk_window_get_focus (GTK_WINDOW (self)) == NULL))
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
set_sidebar_visible (AccordWindow *self,
                     gboolean      visible)
{
  show_sidebar (self, visible, FALSE);
}

/* The search cleared, its words are no longer marked in the page. */
static void
on_sidebar_query (AccordWindow *self)
{
  if (accord_sidebar_get_query (self->sidebar) == NULL)
    accord_topic_page_set_highlight (self->topic_page, NULL);
}

static void
on_sidebar_selected (AccordWindow *self)
{
  AccordTopic *topic = accord_sidebar_get_selected (self->sidebar);

  if (self->restoring || topic == NULL)
    return;

  accord_topic_page_set_topic (self->topic_page, topic);
  /* Chosen from a search's results: the page shows what it found. */
  accord_topic_page_set_highlight (self->topic_page, accord_sidebar_get_query (self->sidebar));
  gtk_stack_set_visible_child_name (self->views, "topics");
  location_changed (self);
}

/* On a narrow window the sidebar covers the page: once a topic is chosen
 * (not when the arrow keys go through the tree), it gets out of the way. */
static void
on_sidebar_topic_chosen (AccordWindow *self)
{
  if (self->narrow)
    set_sidebar_visible (self, FALSE);
}

/* The window's title follows the place on show: what it shows, then the
 * pack ("Consent — Peacekeeping and Diplomacy"), as the overview, Alt+Tab
 * and a screen reader name the window; the pack alone on its start page
 * and in the views. */
static void
update_title (AccordWindow *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  if (self->pack == NULL)
    return;

  shown = accord_location_get_title (self->pack, self->location, NULL);
  if (shown == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), accord_pack_get_title (self->pack));
      return;
    }

  /* Translators: the window's title: what it shows (a topic, an aspect,
   * the subjects compared…), then the pack's title */
  title = g_strdup_printf (C_("window title", "%s — %s"), shown, accord_pack_get_title (self->pack));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Bookmarks */

/* The star follows the place on show. */
static void
update_bookmark_state (AccordWindow *self)
{
  gboolean can = self->pack != NULL && accord_bookmarks_can_bookmark (self->location);
  gboolean bookmarked = can && accord_bookmarks_contains (self->bookmarks, self->location);
  const char *icon = bookmarked ? "starred-symbolic" : "non-starred-symbolic";
  const char *tooltip = !can ? _("Only topics, aspects, subjects and comparisons can be bookmarked")
                        : bookmarked ? _("Remove Bookmark")
                        : _("Bookmark This Page");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", can);
  /* Only when they change: GTK 4.8 clears and loads the icon again (and the
   * window lays itself out again) for every icon set, and asks the display
   * server where the pointer is for every tooltip set. */
  if (g_strcmp0 (gtk_button_get_icon_name (self->bookmark_button), icon) != 0)
    gtk_button_set_icon_name (self->bookmark_button, icon);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->bookmark_button)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button), tooltip);

  if (self->bookmarked != bookmarked)
    {
      self->bookmarked = bookmarked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
    }
}

static void
set_bookmarked (AccordWindow *self,
                gboolean      bookmarked)
{
  if (self->pack == NULL || !accord_bookmarks_can_bookmark (self->location))
    return;

  if (bookmarked)
    accord_bookmarks_add (self->bookmarks, self->location);
  else
    accord_bookmarks_remove (self->bookmarks, self->location);
  update_bookmark_state (self);
}

static void
on_sidebar_navigate (AccordWindow *self,
                     const char   *location)
{
  accord_window_navigate (self, location);

  if (self->narrow)
    set_sidebar_visible (self, FALSE);
}

/* The pack */

/* Shows @pack at @place (or its start page, if it has no such place),
 * keeping the history as it is. */
static void
show_pack (AccordWindow *self,
           AccordPack   *pack,
           const char   *place)
{
  if (!g_set_object (&self->pack, pack))
    return;

  self->restoring = TRUE;
  accord_bookmarks_set_pack (self->bookmarks, pack);
  accord_sidebar_set_pack (self->sidebar, pack);
  if (self->table_view != NULL)
    accord_table_view_set_pack (self->table_view, pack);
  if (self->compare_view != NULL)
    accord_compare_view_set_pack (self->compare_view, pack);
  self->restoring = FALSE;

  gtk_widget_set_direction (GTK_WIDGET (self->topic_page), pack_direction (pack));
  if (self->table_view != NULL)
    gtk_widget_set_direction (GTK_WIDGET (self->table_view), pack_direction (pack));
  if (self->compare_view != NULL)
    gtk_widget_set_direction (GTK_WIDGET (self->compare_view), pack_direction (pack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", accord_pack_get_file (pack) != NULL);

  if (place == NULL || !show_location (self, place))
    show_location (self, "home");
  set_location (self, current_location (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * accord_window_set_pack:
 * @pack: the pack to show
 *
 * Shows @pack where it was left last time, or from its start page, with a
 * fresh history.
 */
void
accord_window_set_pack (AccordWindow *self,
                        AccordPack   *pack)
{
  g_autofree char *remembered = NULL;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ACCORD_IS_PACK (pack));

  if (pack == self->pack)
    return;

  g_ptr_array_set_size (self->back, 0);
  g_ptr_array_set_size (self->forward, 0);
  remembered = remembered_location (self, pack);
  show_pack (self, pack, remembered);
}

/**
 * accord_window_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack on show
 */
AccordPack *
accord_window_get_pack (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return self->pack;
}

/**
 * accord_window_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic on the topic page
 */
AccordTopic *
accord_window_get_topic (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return accord_topic_page_get_topic (self->topic_page);
}

/* Loading */

static void
show_banner (AccordWindow *self,
             const char   *text,
             const char   *details)
{
  if (gtk_revealer_get_child (self->banner_revealer) == NULL)
    gtk_revealer_set_child (self->banner_revealer, accord_banner_new ());

  accord_banner_set_message (ACCORD_BANNER (gtk_revealer_get_child (self->banner_revealer)), text, details);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static AccordLoadingBar *
loading_bar (AccordWindow *self)
{
  if (gtk_revealer_get_child (self->progress_revealer) == NULL)
    gtk_revealer_set_child (self->progress_revealer, accord_loading_bar_new ());

  return ACCORD_LOADING_BAR (gtk_revealer_get_child (self->progress_revealer));
}

static void
dismiss_banner_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (ACCORD_WINDOW (widget)->banner_revealer, FALSE);
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  AccordWindow *self = user_data;

  accord_loading_bar_set_fraction (loading_bar (self), fraction);
}

/* "file:line:col: error: ...", with the file's name isolated: a
 * right-to-left override in it must not reverse the message after it. */
static char *
diagnostic_line (AccordDiagnostic *diagnostic)
{
  g_autofree char *line = accord_diagnostic_to_string (diagnostic);
  const char *file = accord_diagnostic_get_file (diagnostic);
  g_autofree char *isolated = NULL;

  if (file == NULL || !g_str_has_prefix (line, file))
    return g_steal_pointer (&line);

  isolated = accord_i18n_isolate (file);
  return g_strconcat (isolated, line + strlen (file), NULL);
}

static char *
diagnostics_text (GPtrArray *diagnostics,
                  guint      limit)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len && i < limit; i++)
    {
      g_autofree char *line = diagnostic_line (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (s, "%s%s", i ? "\n" : "", line);
    }

  return g_string_free (s, FALSE);
}

static void
on_pack_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  gboolean reloading;

  pack = accord_pack_load_finish (result, &diagnostics, &error);

  /* A newer load replaced this one, or the window is closing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->loading != NULL && g_cancellable_is_cancelled (self->loading))
        {
          g_clear_object (&self->loading);
          gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
        }
      return;
    }

  g_clear_object (&self->loading);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  pending = g_steal_pointer (&self->pending_location);
  reloading = self->reloading;
  self->reloading = FALSE;

  if (pack == NULL)
    {
      g_autofree char *details = diagnostics_text (diagnostics, 100);
      g_autofree char *first = NULL;

      /* The first error, as in error->message. */
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len && first == NULL; i++)
        if (accord_diagnostic_get_severity (g_ptr_array_index (diagnostics, i)) == ACCORD_SEVERITY_ERROR)
          first = diagnostic_line (g_ptr_array_index (diagnostics, i));

      /* The pack on screen stays; the banner says what went wrong. */
      show_banner (self, first != NULL ? first : error->message,
                   diagnostics != NULL && diagnostics->len > 1 ? details : NULL);
      return;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (reloading)
    {
      /* The same place, in the new version; Back skips what it lost. */
      g_autofree char *here = g_strdup (self->location);

      show_pack (self, pack, here);
    }
  else
    accord_window_set_pack (self, pack);
  if (accord_pack_get_file (pack) != NULL)
    accord_recent_add (self->settings, accord_pack_get_file (pack), accord_pack_get_title (pack));

  if (pending != NULL && !accord_window_navigate (self, pending))
    g_printerr (_("accord: this pack has nothing called “%s”\n"), pending);
}

/**
 * accord_window_open_file:
 * @file: a pack file
 *
 * Loads @file in the background and shows it when it has loaded; on error
 * the current pack stays and a banner explains.
 */
void
accord_window_open_file (AccordWindow *self,
                         GFile        *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  self->reloading = FALSE;

  /* A file's name is as untrusted as its contents: it may not be UTF-8,
   * or hold a right-to-left override ("gnp.\u202Ejson"). */
  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  name = accord_i18n_isolate (display);
  /* Translators: shown while a pack file loads; %s is its file name */
  text = g_strdup_printf (_("Opening “%s”…"), name);
  accord_loading_bar_start (loading_bar (self), text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  accord_pack_load_async (file, self->loading,
                          on_load_progress, g_object_ref (self), g_object_unref,
                          on_pack_loaded, g_object_ref (self));
}

/**
 * accord_window_set_pending_location:
 * @location: (nullable): where to go once the pack being loaded arrives
 */
void
accord_window_set_pending_location (AccordWindow *self,
                                    const char   *location)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));

  g_free (self->pending_location);
  self->pending_location = g_strdup (location);
}

static void
cancel_load_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  g_cancellable_cancel (self->loading);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

static GListModel *
pack_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (packs, _("Accord Packs"));
  gtk_file_filter_add_mime_type (packs, "application/json");
  gtk_file_filter_add_suffix (packs, "json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, packs);
  g_list_store_append (filters, all);

  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* 4.10 API above the 4.8 floor */
static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    accord_window_open_file (self, file);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = pack_file_filters ();

  gtk_file_dialog_set_title (dialog, _("Open Pack"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_open (dialog, GTK_WINDOW (widget), NULL, on_open_chosen, g_object_ref (widget));
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  AccordWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      accord_window_open_file (self, file);
    }

  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GListModel) filters = pack_file_filters ();

  dialog = gtk_file_chooser_native_new (_("Open Pack"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  GFile *file = self->pack != NULL ? accord_pack_get_file (self->pack) : NULL;

  /* (Disabled for a pack without a file: the built-in one.) */
  g_return_if_fail (file != NULL);

  /* A file that has errors now fails like any other: a banner, the
   * version on show stays. */
  accord_window_open_file (self, file);
  self->reloading = TRUE;
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  /* A file that has gone fails like any other: a banner, the pack stays. */
  accord_window_open_file (ACCORD_WINDOW (widget), file);
}

static void
update_recent_menu (AccordWindow *self)
{
  accord_recent_fill_menu (self->settings, self->recent_menu);
}

/* Each time the primary menu opens. GTK builds a menu model's popover as
 * soon as it is given the model, so the model is given here, the first
 * time, rather than before the window is first shown. */
static void
on_primary_menu_opening (GtkMenuButton *button,
                         gpointer       user_data)
{
  AccordWindow *self = user_data;

  update_recent_menu (self);
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AccordWindow  *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;

  accord_window_open_file (self, files->data);
  return TRUE;
}

/* Typing where nothing takes the keys (a topic's page, the Compare view, a
 * narrow window with its sidebar hidden) searches the topics, as typing in
 * the sidebar does. (The table's filter takes what is typed in the table.) */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AccordWindow          *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !g_unichar_isgraph (c) ||
      self->pack == NULL)
    return FALSE;

  show_sidebar (self, TRUE, TRUE);
  return accord_sidebar_type_to_search (self->sidebar, controller);
}

/* Other actions */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  show_sidebar (self, TRUE, TRUE);
  accord_sidebar_focus_search (self->sidebar);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  /* In the Characteristics view, finding is filtering its table. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->views), "table") == 0)
    {
      accord_table_view_focus_filter (accord_window_get_table_view (self));
      return;
    }

  accord_topic_page_find (self->topic_page);
}

/* Printing */

/**
 * accord_window_create_summary:
 *
 * A summary of what the window shows, for Print… and Export PDF…: the
 * topic on screen with its sub-topics, the characteristics table (in the
 * order it is sorted), or the subjects being compared; from the home
 * page, everything. The print dialog can change the parts.
 *
 * Returns: (transfer full): a new summary
 */
AccordSummary *
accord_window_create_summary (AccordWindow *self)
{
  AccordSummary *summary;
  const char *location;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  summary = accord_summary_new (self->pack);
  location = self->location != NULL ? self->location : "home";

  if (g_str_has_prefix (location, "topic:"))
    {
      g_autoptr(GListStore) topics = g_list_store_new (ACCORD_TYPE_TOPIC);

      g_list_store_append (topics, accord_topic_page_get_topic (self->topic_page));
      accord_summary_set_topics (summary, G_LIST_MODEL (topics), TRUE);
      accord_summary_set_parts (summary, ACCORD_SUMMARY_TOPICS);
    }
  else if (g_str_has_prefix (location, "compare:"))
    {
      g_autoptr(GListStore) subjects = g_list_store_new (ACCORD_TYPE_SUBJECT);
      g_auto(GStrv) ids = accord_compare_view_get_subjects (accord_window_get_compare_view (self));

      for (guint i = 0; ids[i] != NULL; i++)
        {
          AccordSubject *subject = accord_pack_lookup_subject (self->pack, ids[i]);

          if (subject != NULL)
            g_list_store_append (subjects, subject);
        }
      accord_summary_set_subjects (summary, G_LIST_MODEL (subjects));
      accord_summary_set_parts (summary, ACCORD_SUMMARY_COMPARISON);
    }
  else if (g_strcmp0 (location, "home") != 0)
    {
      /* The table, in the order the window's is sorted. */
      g_autoptr(GListModel) aspects = accord_table_view_list_aspects (accord_window_get_table_view (self));

      accord_summary_set_aspects (summary, aspects);
      accord_summary_set_parts (summary, ACCORD_SUMMARY_TABLE);
    }

  return summary;
}

/* The Keyboard Shortcuts window, built the first time it is asked for
 * rather than with every window, as GtkApplication would build a
 * gtk/help-overlay.ui: 5 ms of start-up. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/accord/Accord/accord-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  g_autoptr(AccordSummary) summary = accord_window_create_summary (self);

  if (g_strcmp0 (action_name, "win.print") == 0)
    accord_print_summary (GTK_WINDOW (self), summary);
  else
    accord_export_pdf_dialog (GTK_WINDOW (self), summary);
}

/* The sizes GTK's default theme gives its type classes, in points: not
 * relative to the text around them, so a view's zoomed font size does not
 * reach them by itself. */
static const struct
{
  const char *css_class;
  double points;
} zoomed_type[] = {
  { "title-1", 20 }, { "title-2", 15 }, { "title-3", 15 }, { "title-4", 13 },
  { "heading", 11 }, { "body", 11 }, { "caption-heading", 9 }, { "caption", 9 },
};

/* Text zoom: a zoom-N class on the window scales the text of its views
 * (.accord-view), headings and titles included. The rules live in one
 * style provider per display and cover the levels some window has used:
 * at 100%, where every window starts, there are none to parse or match. */
typedef struct
{
  GtkCssProvider *provider;
  guint64 levels;  /* zoom_bit() of each level that has rules */
} ZoomCss;

G_STATIC_ASSERT ((ZOOM_MAX - ZOOM_MIN) / ZOOM_STEP < 64);

static guint64
zoom_bit (int zoom)
{
  return G_GUINT64_CONSTANT (1) << ((zoom - ZOOM_MIN) / ZOOM_STEP);
}

static void
zoom_css_free (gpointer data)
{
  ZoomCss *css = data;

  g_object_unref (css->provider);
  g_free (css);
}

static void
ensure_zoom_css (GdkDisplay *display,
                 int         zoom)
{
  ZoomCss *css = g_object_get_data (G_OBJECT (display), "accord-zoom-css");
  g_autoptr(GString) rules = NULL;

  if (zoom == 100 || (css != NULL && (css->levels & zoom_bit (zoom))))
    return;

  if (css == NULL)
    {
      css = g_new0 (ZoomCss, 1);
      css->provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css->provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "accord-zoom-css", css, zoom_css_free);
    }
  css->levels |= zoom_bit (zoom);

  rules = g_string_new (NULL);
  for (int z = ZOOM_MIN; z <= ZOOM_MAX; z += ZOOM_STEP)
    {
      if (!(css->levels & zoom_bit (z)))
        continue;

      g_string_append_printf (rules, "window.zoom-%d .accord-view { font-size: %d%%; }\n", z, z);
      for (guint i = 0; i < G_N_ELEMENTS (zoomed_type); i++)
        {
          char points[G_ASCII_DTOSTR_BUF_SIZE];

          /* Not printf's %f: the locale's decimal comma is no CSS. */
          g_ascii_formatd (points, sizeof points, "%.1f", zoomed_type[i].points * z / 100);
          g_string_append_printf (rules, "window.zoom-%d .accord-view .%s { font-size: %spt; }\n",
                                  z, zoomed_type[i].css_class, points);
        }
    }
  gtk_css_provider_load_from_data (css->provider, rules->str, -1);
}

static void
apply_zoom (AccordWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *css_class = g_strdup_printf ("zoom-%d", self->zoom);

  for (int z = ZOOM_MIN; z <= ZOOM_MAX; z += ZOOM_STEP)
    {
      g_autofree char *name = g_strdup_printf ("zoom-%d", z);

      gtk_widget_remove_css_class (widget, name);
    }
  ensure_zoom_css (gtk_widget_get_display (widget), self->zoom);
  gtk_widget_add_css_class (widget, css_class);

  gtk_widget_action_set_enabled (widget, "win.zoom-in", self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", self->zoom != 100);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    self->zoom = MIN (self->zoom + ZOOM_STEP, ZOOM_MAX);
  else if (g_str_equal (action_name, "win.zoom-out"))
    self->zoom = MAX (self->zoom - ZOOM_STEP, ZOOM_MIN);
  else
    self->zoom = 100;

  apply_zoom (self);
}

static gboolean
apply_narrow (gpointer data)
{
  AccordWindow *self = data;

  self->narrow_idle = 0;
  if (self->narrow_changed)
    {
      self->narrow_changed = FALSE;
      set_sidebar_visible (self, !self->narrow);
      gtk_widget_set_visible (self->view_switcher_scroller, !self->narrow);
      gtk_widget_set_visible (self->view_switcher_bar, self->narrow);
    }
  gtk_widget_set_visible (self->search_button, !self->narrow);

  return G_SOURCE_REMOVE;
}

/* Notes whether a window @width wide is narrow. Returns whether what is
 * shown must change for it (apply_narrow). */
static gboolean
note_width (AccordWindow *self,
            int           width)
{
  gboolean narrow = width < NARROW_WIDTH;

  /* Only on crossing the threshold, so the user's choice stays. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      self->narrow_changed = TRUE;
    }

  return self->narrow_changed || gtk_widget_get_visible (self->search_button) == narrow;
}

static void
accord_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  AccordWindow *self = ACCORD_WINDOW (widget);

  GTK_WIDGET_CLASS (accord_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating, which must not change what is visible. */
  if (note_width (self, width) && self->narrow_idle == 0)
    self->narrow_idle = g_idle_add (apply_narrow, self);
}

/* The first frame is laid out for the width the window asks for, so a wide
 * window has its search button from the start, not a frame later. (A
 * maximized window's width is the monitor's, known at its first
 * allocation.) */
static void
accord_window_show (GtkWidget *widget)
{
  AccordWindow *self = ACCORD_WINDOW (widget);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && !gtk_window_is_maximized (GTK_WINDOW (self)) && note_width (self, width))
    {
      g_clear_handle_id (&self->narrow_idle, g_source_remove);
      apply_narrow (self);
    }

  GTK_WIDGET_CLASS (accord_window_parent_class)->show (widget);
}

/* The object */

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);
  self->table_view = NULL;     /* went with their slots */
  self->compare_view = NULL;

  g_clear_object (&self->pack);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->pending_location, g_free);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->sidebar != NULL && gtk_widget_get_visible (GTK_WIDGET (self->sidebar)));
      break;
    case PROP_VIEW:
      /* Never NULL: the action's state is a string. */
      g_value_set_string (value, self->views != NULL && gtk_stack_get_visible_child_name (self->views) != NULL
                                   ? gtk_stack_get_visible_child_name (self->views) : "topics");
      break;
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      accord_window_set_pack (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SIDEBAR:
      set_sidebar_visible (self, g_value_get_boolean (value));
      break;
    case PROP_VIEW:
      ensure_view (self, g_value_get_string (value));
      gtk_stack_set_visible_child_name (self->views, g_value_get_string (value));
      break;
    case PROP_BOOKMARKED:
      set_bookmarked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_window_dispose;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;
  widget_class->show = accord_window_show;
  widget_class->size_allocate = accord_window_size_allocate;
  GTK_WINDOW_CLASS (klass)->close_request = accord_window_close_request;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The visible view, by name: topics, table or compare. */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "topics",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the place on show is bookmarked; setting it (un)bookmarks it. */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* GtkBuilder finds a class that is not registered yet by looking its
   * get_type() up by name in every loaded library (~0.1 ms each at
   * start-up): the template's classes are registered here first. */
  g_type_ensure (ACCORD_TYPE_SIDEBAR);
  g_type_ensure (ACCORD_TYPE_TOPIC_PAGE);
  g_type_ensure (GTK_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_STACK_SWITCHER);
  g_type_ensure (GTK_TYPE_STACK_PAGE);
  g_type_ensure (GTK_TYPE_REVEALER);
  g_type_ensure (GTK_TYPE_OVERLAY);
  g_type_ensure (GTK_TYPE_PANED);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, view_switcher_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, view_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, views);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, topic_page);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, table_slot);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, compare_slot);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_activated);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, print_activated);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_activated);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
}

static void
accord_window_init (AccordWindow *self)
{
  GtkEventController *keys;
  GtkGesture *mouse_buttons;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  accord_widget_flatten_switcher (self->view_switcher);

  self->back = g_ptr_array_new_with_free_func (g_free);
  self->forward = g_ptr_array_new_with_free_func (g_free);
  self->zoom = 100;
  apply_zoom (self);
  update_history_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);

  self->bookmarks = accord_bookmarks_new ();
  accord_sidebar_set_bookmarks (self->sidebar, self->bookmarks);
  g_signal_connect_object (accord_bookmarks_get_model (self->bookmarks), "items-changed",
                           G_CALLBACK (update_bookmark_state), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::location", G_CALLBACK (update_bookmark_state), NULL);
  g_signal_connect (self, "notify::location", G_CALLBACK (update_title), NULL);
  g_signal_connect_object (self->sidebar, "navigate", G_CALLBACK (on_sidebar_navigate), self,
                           G_CONNECT_SWAPPED);
  update_bookmark_state (self);

  /* Open Recent, after Open… in the primary menu. Rebuilt when the list
   * changes and each time the menu opens, to see which files have gone. */
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (self->primary_menu, 0, G_MENU_LINK_SECTION);

    self->recent_menu = g_menu_new ();
    g_menu_insert_submenu (G_MENU (section), 1, _("Open _Recent"), G_MENU_MODEL (self->recent_menu));
    update_recent_menu (self);
    gtk_menu_button_set_create_popup_func (self->primary_menu_button, on_primary_menu_opening, self, NULL);
  }

  g_signal_connect_object (self->sidebar, "notify::selected", G_CALLBACK (on_sidebar_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::query", G_CALLBACK (on_sidebar_query), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "topic-chosen", G_CALLBACK (on_sidebar_topic_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->views, "notify::visible-child-name", G_CALLBACK (on_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->topic_page, "navigate", G_CALLBACK (on_navigate), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  mouse_buttons = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse_buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse_buttons), GTK_PHASE_CAPTURE);
  g_signal_connect_object (mouse_buttons, "pressed", G_CALLBACK (on_mouse_button), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse_buttons));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Settings: the window's size, sidebar and zoom, the table's order and
 * Compare's "differences only", and where each pack was left, are
 * remembered across sessions. */

static void
restore_state (AccordWindow *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (settings, "sidebar-width"));
  set_sidebar_visible (self, g_settings_get_boolean (settings, "sidebar-visible"));
  self->zoom = g_settings_get_int (settings, "text-zoom");
  apply_zoom (self);
}

/* Where @pack was left last time, if anywhere. */
static char *
remembered_location (AccordWindow *self,
                     AccordPack   *pack)
{
  g_autoptr(GVariant) places = NULL;
  char *location = NULL;

  if (self->settings == NULL)
    return NULL;

  places = g_settings_get_value (self->settings, "last-locations");
  g_variant_lookup (places, accord_pack_get_id (pack), "s", &location);

  return location;
}

static void
save_state (AccordWindow *self)
{
  GSettings *settings = self->settings;
  int width, height;

  if (settings == NULL)
    return;

  g_settings_delay (settings);

  /* The size it would have unmaximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!self->narrow)
    {
      g_settings_set_int (settings, "sidebar-width", gtk_paned_get_position (self->paned));
      g_settings_set_boolean (settings, "sidebar-visible", gtk_widget_get_visible (GTK_WIDGET (self->sidebar)));
    }
  g_settings_set_int (settings, "text-zoom", self->zoom);
  /* The views' choices, if they were ever shown. */
  if (self->table_view != NULL)
    {
      g_autofree char *sort = NULL;

      g_object_get (self->table_view, "sort", &sort, NULL);
      g_settings_set_string (settings, "table-sort", sort);
    }
  if (self->compare_view != NULL)
    g_settings_set_boolean (settings, "compare-differences-only",
                            accord_compare_view_get_differences_only (self->compare_view));

  if (self->pack != NULL && self->location != NULL)
    {
      g_autoptr(GVariant) old = g_settings_get_value (settings, "last-locations");
      GVariantBuilder builder;
      GVariantIter iter;
      const char *id, *location;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
      g_variant_iter_init (&iter, old);
      while (g_variant_iter_next (&iter, "{&s&s}", &id, &location))
        if (!g_str_equal (id, accord_pack_get_id (self->pack)))
          g_variant_builder_add (&builder, "{ss}", id, location);
      g_variant_builder_add (&builder, "{ss}", accord_pack_get_id (self->pack), self->location);
      g_settings_set_value (settings, "last-locations", g_variant_builder_end (&builder));
    }

  g_settings_apply (settings);
}

static gboolean
accord_window_close_request (GtkWindow *window)
{
  save_state (ACCORD_WINDOW (window));

  return GTK_WINDOW_CLASS (accord_window_parent_class)->close_request (window);
}

AccordWindow *
accord_window_new (AccordApplication *application)
{
  AccordWindow *self = g_object_new (ACCORD_TYPE_WINDOW, "application", application, NULL);

  if (application != NULL)
    g_set_object (&self->settings, accord_application_get_settings (application));
  accord_bookmarks_set_settings (self->bookmarks, self->settings);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-packs", G_CALLBACK (update_recent_menu), self,
                             G_CONNECT_SWAPPED);
  update_recent_menu (self);
  restore_state (self);

  return self;
}
