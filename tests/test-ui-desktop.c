/* test-ui-desktop.c: bookmarks, recent packs and the style, in the real window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One application for the whole run, with its settings in memory
 * (GSETTINGS_BACKEND=memory); every test starts from the defaults of the
 * keys it uses. Windows are driven through their actions and widgets, and
 * read back from what they show.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accord-application.h"
#include "accord-bookmarks.h"
#include "accord-sidebar.h"
#include "accord-test-util.h"
#include "accord-window.h"

/* After GTK's own headers: it is not in <gtk/gtk.h>. */
#include <gsk/gl/gskglrenderer.h>

#define BUILTIN_ID "peace-and-security"

static AccordApplication *app;

static GSettings *
settings (void)
{
  return accord_application_get_settings (app);
}

static void
wait_until_mapped (AccordWindow *window)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (200);
}

/* A window of the application on the built-in pack, on screen. */
static AccordWindow *
new_window (int width,
            int height)
{
  AccordWindow *window = accord_window_new (app);

  accord_window_set_pack (window, accord_application_get_builtin_pack (app));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_until_mapped (window);

  return window;
}

static void
close_window (AccordWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  accord_test_iterate (50);
}

static AccordSidebar *
sidebar_of (AccordWindow *window)
{
  return ACCORD_SIDEBAR (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_SIDEBAR));
}

/* The first widget under @widget of @type whose tooltip is @tooltip. */
static GtkWidget *
find_with_tooltip (GtkWidget  *widget,
                   GType       type,
                   const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_bookmarked (AccordWindow *window)
{
  gboolean bookmarked;

  g_object_get (window, "bookmarked", &bookmarked, NULL);
  return bookmarked;
}

/* The star of the header bar. */
static GtkWidget *
star_of (AccordWindow *window)
{
  GtkWidget *star = accord_test_find_by_action (gtk_window_get_titlebar (GTK_WINDOW (window)), "win.bookmark");

  g_assert_nonnull (star);
  return star;
}

/* The bookmarks the sidebar lists, as "location|title|kind" lines. */
static char *
bookmark_rows (AccordWindow *window)
{
  GListModel *rows = accord_sidebar_get_bookmark_rows (sidebar_of (window));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordBookmark) bookmark = g_list_model_get_item (rows, i);

      g_string_append_printf (s, "%s|%s|%s\n", accord_bookmark_get_location (bookmark),
                              accord_bookmark_get_title (bookmark), accord_bookmark_get_kind (bookmark));
    }

  return g_string_free (s, FALSE);
}

/* The bookmarks stored for @pack_id, one per line. */
static char *
stored_bookmarks (const char *pack_id)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings (), "bookmarks");
  g_autofree const char **locations = NULL;
  g_autofree char *joined = NULL;

  if (!g_variant_lookup (all, pack_id, "^a&s", &locations))
    return g_strdup ("");
  joined = g_strjoinv ("\n", (char **) locations);
  return g_strconcat (joined, "\n", NULL);
}

/* The list of the sidebar's Bookmarks page (found by a row's remove button). */
static GtkWidget *
bookmarks_list (AccordWindow *window)
{
  GtkWidget *remove = find_with_tooltip (GTK_WIDGET (sidebar_of (window)), GTK_TYPE_BUTTON, "Remove Bookmark");

  g_assert_nonnull (remove);
  return gtk_widget_get_ancestor (remove, GTK_TYPE_LIST_VIEW);
}

/* What the Bookmarks page of the sidebar shows, once on screen. */
static char *
bookmarks_page_text (AccordWindow *window)
{
  AccordSidebar *sidebar = sidebar_of (window);

  accord_sidebar_set_page (sidebar, "bookmarks");
  accord_test_iterate (300);
  return accord_test_visible_text (GTK_WIDGET (sidebar));
}

static void
test_bookmark_toggle (void)
{
  AccordWindow *window;
  GtkWidget *star;
  g_autofree char *none = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;

  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "last-locations");
  window = new_window (1280, 800);
  star = star_of (window);

  /* The start page cannot be bookmarked, nor can the table. */
  g_assert_cmpstr (accord_window_get_location (window), ==, "home");
  g_assert_false (gtk_widget_get_sensitive (star));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==,
                   "Only topics, aspects, subjects and comparisons can be bookmarked");
  g_assert_true (accord_window_navigate (window, "table"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_false (is_bookmarked (window));
  none = stored_bookmarks (BUILTIN_ID);
  g_assert_cmpstr (none, ==, "");

  /* Ctrl+D on a topic stars it. */
  g_assert_true (accord_window_navigate (window, "topic:consent-of-the-parties"));
  g_assert_true (gtk_widget_get_sensitive (star));
  g_assert_false (is_bookmarked (window));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Bookmark This Page");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  accord_test_iterate (20);
  g_assert_true (is_bookmarked (window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (star)), ==, "starred-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Remove Bookmark");

  /* An aspect and a comparison too. */
  g_assert_true (accord_window_navigate (window, "aspect:consent"));
  g_assert_false (is_bookmarked (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_true (accord_window_navigate (window, "compare:peacekeeping,diplomacy"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_true (is_bookmarked (window));

  rows = bookmark_rows (window);
  g_assert_cmpstr (rows, ==,
                   "topic:consent-of-the-parties|Peacekeeping requires consent of the parties|Topic\n"
                   "aspect:consent|Consent|Aspect\n"
                   "compare:peacekeeping,diplomacy|Peacekeeping and Diplomacy|Comparison\n");

  /* Persisted under the pack's id, in the order they were made. */
  stored = stored_bookmarks (BUILTIN_ID);
  g_assert_cmpstr (stored, ==,
                   "topic:consent-of-the-parties\naspect:consent\ncompare:peacekeeping,diplomacy\n");

  /* The sidebar's Bookmarks page shows their titles. */
  shown = bookmarks_page_text (window);
  g_assert_nonnull (strstr (shown, "Peacekeeping requires consent of the parties\nTopic\n"));
  g_assert_nonnull (strstr (shown, "Peacekeeping and Diplomacy\nComparison\n"));
  g_assert_null (strstr (shown, "No Bookmarks"));
  /* Each row named by its title, described by its kind. */
  g_assert_cmpuint (accord_test_assert_rows_named (bookmarks_list (window)), ==, 3);

  /* Ctrl+D again removes the bookmark. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  accord_test_iterate (20);
  g_assert_false (is_bookmarked (window));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (star)));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (star)), ==, "non-starred-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Bookmark This Page");
  after = stored_bookmarks (BUILTIN_ID);
  g_assert_cmpstr (after, ==, "topic:consent-of-the-parties\naspect:consent\n");

  /* Going back to a bookmarked place lights the star again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "aspect:consent");
  g_assert_true (is_bookmarked (window));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (star)), ==, "starred-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (star), ==, "Remove Bookmark");

  close_window (window);
  g_settings_reset (settings (), "bookmarks");
}

static void
test_bookmark_list (void)
{
  AccordWindow *window;
  GtkListView *list;
  GtkWidget *remove;
  g_autofree char *empty = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *stored = NULL;

  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "last-locations");
  window = new_window (1280, 800);

  /* No bookmarks yet: the page says how to make one. */
  empty = bookmarks_page_text (window);
  g_assert_nonnull (strstr (empty, "No Bookmarks"));

  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_true (accord_window_navigate (window, "aspect:purpose"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_true (accord_window_navigate (window, "home"));
  accord_test_iterate (300);

  /* Activating a row (a click, or Enter) goes there. */
  list = GTK_LIST_VIEW (bookmarks_list (window));
  g_signal_emit_by_name (list, "activate", 0);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  g_assert_true (is_bookmarked (window));
  g_signal_emit_by_name (list, "activate", 1);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "aspect:purpose");

  /* The row's remove button removes the bookmark: the star goes out. */
  remove = find_with_tooltip (GTK_WIDGET (list), GTK_TYPE_BUTTON, "Remove Bookmark");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  accord_test_iterate (300);
  rows = bookmark_rows (window);
  g_assert_cmpstr (rows, ==, "aspect:purpose|Purpose|Aspect\n");
  stored = stored_bookmarks (BUILTIN_ID);
  g_assert_cmpstr (stored, ==, "aspect:purpose\n");
  g_assert_true (is_bookmarked (window));

  remove = find_with_tooltip (GTK_WIDGET (list), GTK_TYPE_BUTTON, "Remove Bookmark");
  g_signal_emit_by_name (remove, "clicked");
  accord_test_iterate (300);
  g_assert_false (is_bookmarked (window));
  g_free (empty);
  empty = accord_test_visible_text (GTK_WIDGET (sidebar_of (window)));
  g_assert_nonnull (strstr (empty, "No Bookmarks"));

  close_window (window);
  g_settings_reset (settings (), "bookmarks");
}

static void
test_bookmark_narrow (void)
{
  AccordWindow *window;
  GtkWidget *sidebar;
  GtkListView *list;

  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "last-locations");
  window = new_window (360, 720);
  sidebar = GTK_WIDGET (sidebar_of (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  /* The star is there in a narrow window too. */
  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  g_assert_true (gtk_widget_get_mapped (star_of (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  g_assert_true (accord_window_navigate (window, "home"));

  /* The sidebar opens over the page, on its Bookmarks page ... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));
  accord_sidebar_set_page (ACCORD_SIDEBAR (sidebar), "bookmarks");
  accord_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  /* ... and choosing a bookmark gets it out of the way. */
  list = GTK_LIST_VIEW (gtk_widget_get_ancestor (find_with_tooltip (sidebar, GTK_TYPE_BUTTON, "Remove Bookmark"),
                                                 GTK_TYPE_LIST_VIEW));
  g_signal_emit_by_name (list, "activate", 0);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  g_assert_false (gtk_widget_get_visible (sidebar));

  close_window (window);
  g_settings_reset (settings (), "bookmarks");
}

static void
test_bookmark_restore (void)
{
  AccordWindow *window, *other;
  g_autofree char *rows = NULL;
  g_autofree char *other_rows = NULL;
  g_autofree char *restored = NULL;

  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "last-locations");

  window = new_window (1280, 800);
  other = new_window (1280, 800);
  g_assert_true (accord_window_navigate (window, "topic:cultural-diplomacy"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  rows = bookmark_rows (window);

  /* Another window on the same pack follows at once. */
  other_rows = bookmark_rows (other);
  g_assert_cmpstr (other_rows, ==, rows);
  g_assert_true (accord_window_navigate (other, "topic:cultural-diplomacy"));
  g_assert_true (is_bookmarked (other));
  close_window (other);
  close_window (window);

  /* A new window, as after a restart, has them. */
  window = new_window (1280, 800);
  restored = bookmark_rows (window);
  g_assert_cmpstr (restored, ==, "topic:cultural-diplomacy|Cultural diplomacy|Topic\n");
  g_assert_true (accord_window_navigate (window, "topic:cultural-diplomacy"));
  g_assert_true (is_bookmarked (window));

  close_window (window);
  g_settings_reset (settings (), "bookmarks");
}

static void
test_bookmark_unknown_ids (void)
{
  AccordWindow *window;
  g_autofree char *rows = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other_pack = NULL;
  g_autofree char *shown = NULL;

  g_settings_reset (settings (), "last-locations");
  /* Places the pack does not have, or never could: hidden, not fatal. */
  g_settings_set_value (settings (), "bookmarks",
                        g_variant_new_parsed ("{'" BUILTIN_ID "': ['topic:no-such-topic', 'aspect:nope', "
                                              "'subject:nope', 'compare:peacekeeping,nope', 'compare:peacekeeping', "
                                              "'compare:', 'topic:', 'garbage', '', 'topic:conclusion', 'subject:diplomacy'], "
                                              "'another-pack': ['topic:x']}"));
  window = new_window (1280, 800);

  rows = bookmark_rows (window);
  /* A subject's bookmark shows its column of the table. */
  g_assert_cmpstr (rows, ==, "topic:conclusion|Conclusion|Topic\nsubject:diplomacy|Diplomacy|Subject\n");
  shown = bookmarks_page_text (window);
  g_assert_nonnull (strstr (shown, "Conclusion\nTopic\n"));

  /* Bookmarking more keeps the hidden ones and other packs' bookmarks. */
  g_assert_true (accord_window_navigate (window, "aspect:means"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  after = stored_bookmarks (BUILTIN_ID);
  g_assert_cmpstr (after, ==,
                   "topic:no-such-topic\naspect:nope\nsubject:nope\ncompare:peacekeeping,nope\ncompare:peacekeeping\n"
                   "compare:\ntopic:\ngarbage\n\ntopic:conclusion\nsubject:diplomacy\naspect:means\n");
  other_pack = stored_bookmarks ("another-pack");
  g_assert_cmpstr (other_pack, ==, "topic:x\n");

  close_window (window);
  g_settings_reset (settings (), "bookmarks");
}

/* The pack opened from @path in @window, once loaded. */
static void
open_and_wait (AccordWindow *window,
               const char   *path,
               const char   *pack_id)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  accord_window_open_file (window, file);
  while (g_strcmp0 (accord_pack_get_id (accord_window_get_pack (window)), pack_id) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  accord_test_iterate (50);
}

static void
test_bookmark_pack_moved (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("accord-test-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *none = NULL;
  g_autofree char *rows = NULL;
  gsize length;
  AccordWindow *window;

  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "last-locations");
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (first, contents, length, NULL));

  window = new_window (1280, 800);
  open_and_wait (window, first, "full-pack.v1_test");
  g_assert_true (accord_window_navigate (window, "topic:later-topic"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  close_window (window);

  /* The file moves: opened from its new place, the pack has its bookmark. */
  g_assert_cmpint (g_rename (first, moved), ==, 0);
  window = new_window (1280, 800);
  none = bookmark_rows (window);
  g_assert_cmpstr (none, ==, "");
  open_and_wait (window, moved, "full-pack.v1_test");
  rows = bookmark_rows (window);
  g_assert_true (g_str_has_prefix (rows, "topic:later-topic|"));

  close_window (window);
  g_unlink (moved);
  g_rmdir (dir);
  g_settings_reset (settings (), "bookmarks");
  g_settings_reset (settings (), "recent-packs");
}

/* Recent packs */

static char *
test_pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
}

/* The recent packs stored, as "path|title" lines. */
static char *
stored_recent (void)
{
  g_autoptr(GVariant) recent = g_settings_get_value (settings (), "recent-packs");
  GString *s = g_string_new (NULL);
  GVariantIter iter;
  const char *path, *title;

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &path, &title))
    g_string_append_printf (s, "%s|%s\n", path, title);

  return g_string_free (s, FALSE);
}

/* The items of Open Recent in the primary menu, as "label|target" lines:
 * the menu is opened, as a click would, read and closed. */
static char *
recent_menu_items (AccordWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (accord_test_find_by_type (gtk_window_get_titlebar (GTK_WINDOW (window)),
                                                                     GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu;
  g_autoptr(GMenuModel) submenu = NULL;
  GString *s = g_string_new (NULL);

  gtk_menu_button_popup (button);
  accord_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
  gtk_menu_button_popdown (button);
  menu = gtk_menu_button_get_menu_model (button);

  for (int i = 0; i < g_menu_model_get_n_items (menu) && submenu == NULL; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section) && submenu == NULL; j++)
        {
          g_autofree char *label = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
              g_str_equal (label, "Open _Recent"))
            submenu = g_menu_model_get_item_link (section, j, G_MENU_LINK_SUBMENU);
        }
    }
  g_assert_nonnull (submenu);

  for (int i = 0; i < g_menu_model_get_n_items (submenu); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      if (g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          g_assert_cmpstr (action, ==, "win.open-recent");
          g_assert_true (g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
        }
      g_string_append_printf (s, "%s|%s\n", label, target != NULL ? target : "");
    }

  return g_string_free (s, FALSE);
}

static void
wait_for_banner (AccordWindow *window)
{
  GtkRevealer *banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_revealer_get_reveal_child (banner))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  accord_test_iterate (300);
}

static void
test_recent_records (void)
{
  g_autofree char *full = test_pack_path ("full.json");
  g_autofree char *minimal = test_pack_path ("minimal.json");
  g_autofree char *full_title = NULL;
  g_autofree char *none = NULL;
  g_autofree char *empty_menu = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *expected_menu = NULL;
  AccordWindow *window;

  g_settings_reset (settings (), "recent-packs");
  g_settings_reset (settings (), "last-locations");
  window = new_window (1280, 800);

  /* The built-in pack is not a recent pack. */
  none = stored_recent ();
  g_assert_cmpstr (none, ==, "");
  empty_menu = recent_menu_items (window);
  g_assert_cmpstr (empty_menu, ==, "No Recent Packs|\n");

  open_and_wait (window, full, "full-pack.v1_test");
  full_title = g_strdup (accord_pack_get_title (accord_window_get_pack (window)));
  one = stored_recent ();
  expected = g_strdup_printf ("%s|%s\n", full, full_title);
  g_assert_cmpstr (one, ==, expected);

  /* Most recent first; opening one again moves it up, once. */
  open_and_wait (window, minimal, "minimal");
  two = stored_recent ();
  g_free (expected);
  expected = g_strdup_printf ("%s|Minimal pack\n%s|%s\n", minimal, full, full_title);
  g_assert_cmpstr (two, ==, expected);

  g_settings_set_value (settings (), "recent-packs", g_variant_new_parsed ("[(%s, 'Minimal pack')]", minimal));
  open_and_wait (window, full, "full-pack.v1_test");
  again = stored_recent ();
  g_free (expected);
  expected = g_strdup_printf ("%s|%s\n%s|Minimal pack\n", full, full_title, minimal);
  g_assert_cmpstr (again, ==, expected);

  /* The menu lists them by title, in that order. */
  menu = recent_menu_items (window);
  expected_menu = g_strdup_printf ("%s|%s\nMinimal pack|%s\n", full_title, full, minimal);
  g_assert_cmpstr (menu, ==, expected_menu);

  close_window (window);
  g_settings_reset (settings (), "recent-packs");
}

static void
test_recent_capped (void)
{
  g_autofree char *minimal = test_pack_path ("minimal.json");
  GVariantBuilder builder;
  g_autoptr(GVariant) recent = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  AccordWindow *window;

  g_settings_reset (settings (), "last-locations");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("/nonexistent/pack-%d.json", i);

      g_variant_builder_add (&builder, "(ss)", path, "Old");
    }
  g_settings_set_value (settings (), "recent-packs", g_variant_builder_end (&builder));

  window = new_window (1280, 800);
  open_and_wait (window, minimal, "minimal");

  /* Ten at most: the newest comes in first, the oldest goes. */
  recent = g_settings_get_value (settings (), "recent-packs");
  g_assert_cmpuint (g_variant_n_children (recent), ==, 10);
  g_variant_get_child (recent, 0, "(ss)", &first, NULL);
  g_assert_cmpstr (first, ==, minimal);
  g_variant_get_child (recent, 9, "(ss)", &last, NULL);
  g_assert_cmpstr (last, ==, "/nonexistent/pack-8.json");

  close_window (window);
  g_settings_reset (settings (), "recent-packs");
}

static void
test_recent_missing (void)
{
  g_autofree char *minimal = test_pack_path ("minimal.json");
  g_autofree char *dir = g_dir_make_tmp ("accord-test-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone.json", NULL);
  g_autofree char *menu = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *banner_text = NULL;
  g_autofree char *kept = NULL;
  AccordPack *before;
  AccordWindow *window;

  g_settings_reset (settings (), "last-locations");
  g_settings_set_value (settings (), "recent-packs",
                        g_variant_new_parsed ("[(%s, 'Gone_Pack'), (%s, 'Minimal pack')]", gone, minimal));
  window = new_window (1280, 800);
  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  before = accord_window_get_pack (window);

  /* Listed, and marked missing (underscores shown as such, not mnemonics). */
  menu = recent_menu_items (window);
  expected = g_strdup_printf ("Gone__Pack (missing)|%s\nMinimal pack|%s\n", gone, minimal);
  g_assert_cmpstr (menu, ==, expected);

  /* Opening it fails like any open: a banner, and the pack stays, where it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", gone);
  wait_for_banner (window);
  banner_text = accord_test_visible_text (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_test_message ("banner: %s", banner_text);
  g_assert_nonnull (strstr (banner_text, "gone.json"));
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  kept = stored_recent ();
  g_free (expected);
  expected = g_strdup_printf ("%s|Gone_Pack\n%s|Minimal pack\n", gone, minimal);
  g_assert_cmpstr (kept, ==, expected);

  /* The file comes back: it is no longer missing, and opens. */
  g_assert_true (g_file_set_contents (gone, "{\"format\": \"accord-pack\"}", -1, NULL));
  g_clear_pointer (&menu, g_free);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", minimal);
  open_and_wait (window, minimal, "minimal");
  menu = recent_menu_items (window);
  g_free (expected);
  expected = g_strdup_printf ("Minimal pack|%s\nGone__Pack|%s\n", minimal, gone);
  g_assert_cmpstr (menu, ==, expected);

  close_window (window);
  g_unlink (gone);
  g_rmdir (dir);
  g_settings_reset (settings (), "recent-packs");
}

/* Style */

/* A stand-in for the desktop's Settings portal, on the test's session bus:
 * it says what `portal_scheme` says, and announces its changes. */

static guint portal_scheme = 1;  /* prefer dark */
static GDBusConnection *portal_bus;

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='ReadOne'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  const char *namespace, *key;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(v)", g_variant_new_uint32 (portal_scheme)));
  else
    g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound", "no such key");
}

static void
on_portal_name (GDBusConnection *connection,
                const char      *name,
                gpointer         user_data)
{
  *(int *) user_data = 1;
}

static void
on_portal_name_lost (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  *(int *) user_data = -1;
}

static void
start_fake_portal (void)
{
  static const GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  int owned = 0;

  portal_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (portal_bus, "/org/freedesktop/portal/desktop", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (portal_bus, "org.freedesktop.portal.Desktop", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_portal_name, on_portal_name_lost, &owned, NULL);
  while (owned == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (owned, ==, 1);
}

static void
portal_set_scheme (guint scheme)
{
  g_autoptr(GError) error = NULL;

  portal_scheme = scheme;
  g_dbus_connection_emit_signal (portal_bus, NULL, "/org/freedesktop/portal/desktop",
                                 "org.freedesktop.portal.Settings", "SettingChanged",
                                 g_variant_new ("(ssv)", "org.freedesktop.appearance", "color-scheme",
                                                g_variant_new_uint32 (scheme)),
                                 &error);
  g_assert_no_error (error);
}

static gboolean
prefers_dark (void)
{
  gboolean dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

/* Runs the main loop until GTK's preference is @dark, or fails. */
static void
wait_for_dark (gboolean dark)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (prefers_dark () != dark)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
style_state (void)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), "style");

  return g_variant_dup_string (state, NULL);
}

static void
set_style (const char *style)
{
  g_action_group_change_action_state (G_ACTION_GROUP (app), "style", g_variant_new_string (style));
  accord_test_iterate (20);
}

static void
test_style_choice (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *state = NULL;
  g_autofree char *stored = NULL;

  g_settings_reset (settings (), "style");

  set_style ("dark");
  g_assert_true (prefers_dark ());
  stored = g_settings_get_string (settings (), "style");
  g_assert_cmpstr (stored, ==, "dark");

  set_style ("light");
  g_assert_false (prefers_dark ());
  g_free (stored);
  stored = g_settings_get_string (settings (), "style");
  g_assert_cmpstr (stored, ==, "light");

  /* Not a style: nothing changes. */
  set_style ("purple");
  state = style_state ();
  g_assert_cmpstr (state, ==, "light");
  g_assert_false (prefers_dark ());

  /* The setting changed elsewhere (another Accord): followed. */
  g_settings_set_string (settings (), "style", "dark");
  accord_test_iterate (20);
  g_free (state);
  state = style_state ();
  g_assert_cmpstr (state, ==, "dark");
  g_assert_true (prefers_dark ());

  close_window (window);
  g_settings_reset (settings (), "style");
}

static void
test_style_system (void)
{
  AccordWindow *window = new_window (1280, 800);

  g_settings_reset (settings (), "style");
  set_style ("light");
  g_assert_false (prefers_dark ());

  /* The portal said "prefer dark" when Accord started. */
  set_style ("system");
  wait_for_dark (TRUE);

  /* The desktop changes its mind; Accord follows. */
  portal_set_scheme (2);
  wait_for_dark (FALSE);
  portal_set_scheme (1);
  wait_for_dark (TRUE);

  /* A choice of light wins over the desktop. */
  set_style ("light");
  g_assert_false (prefers_dark ());
  portal_set_scheme (1);
  accord_test_iterate (100);
  g_assert_false (prefers_dark ());

  close_window (window);
  g_settings_reset (settings (), "style");
}

/* Run without the portal (ACCORD_TEST_NO_PORTAL): GNOME's own setting,
 * when its schema is installed, is what "system" follows. */
static void
test_style_gnome_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) desktop = NULL;
  AccordWindow *window;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    {
      g_test_skip ("no org.gnome.desktop.interface color-scheme installed");
      return;
    }
  desktop = g_settings_new_full (schema, NULL, NULL);

  window = new_window (1280, 800);
  g_settings_reset (settings (), "style");

  /* main() made the desktop prefer dark before Accord started. */
  wait_for_dark (TRUE);
  g_settings_set_string (desktop, "color-scheme", "prefer-light");
  wait_for_dark (FALSE);
  g_settings_set_string (desktop, "color-scheme", "prefer-dark");
  wait_for_dark (TRUE);
  set_style ("light");
  g_assert_false (prefers_dark ());

  close_window (window);
  g_settings_reset (settings (), "style");
  g_settings_reset (desktop, "color-scheme");
}

/* Whether @node draws an inset shadow over the whole of a @width × @height
 * window, looking through the nodes that only group, move or clip. */
static gboolean
has_window_wide_inset_shadow (GskRenderNode *node,
                              float          width,
                              float          height)
{
  graphene_rect_t bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_INSET_SHADOW_NODE:
      gsk_render_node_get_bounds (node, &bounds);
      return bounds.size.width >= width && bounds.size.height >= height;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_window_wide_inset_shadow (gsk_container_node_get_child (node, i), width, height))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return has_window_wide_inset_shadow (gsk_transform_node_get_child (node), width, height);
    case GSK_CLIP_NODE:
      return has_window_wide_inset_shadow (gsk_clip_node_get_child (node), width, height);
    case GSK_ROUNDED_CLIP_NODE:
      return has_window_wide_inset_shadow (gsk_rounded_clip_node_get_child (node), width, height);
    case GSK_OPACITY_NODE:
      return has_window_wide_inset_shadow (gsk_opacity_node_get_child (node), width, height);
    case GSK_DEBUG_NODE:
      return has_window_wide_inset_shadow (gsk_debug_node_get_child (node), width, height);
    default:
      return FALSE;
    }
}

/* What @window draws now: its render nodes, and their pixels (ARGB32,
 * @width × @height) as @renderer draws them. */
static guchar *
draw_window (GtkWidget      *window,
             GskRenderer    *renderer,
             int             width,
             int             height,
             GskRenderNode **node)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels = g_malloc (width * height * 4);

  /* The style and the layout brought up to date, past the theme's 200 ms
   * transitions. */
  accord_test_iterate (300);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  *node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, *node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  gdk_texture_download (texture, pixels, width * 4);

  return pixels;
}

/* Without a compositor the theme frames a window ("solid-csd") with
 * inset box-shadows, each a fill of the whole window in GTK 4.8's GL
 * renderer. Accord's window draws without them, and every pixel as the
 * theme's (to 1/255), in each of GTK's theme variants, focused and in the
 * backdrop, as the GL renderer draws them (the tests' cairo renderer draws
 * the theme's inset shadows a few levels darker than GL). */
static void
test_window_frame (void)
{
  const char *themes[] = { "Default", "Default-dark", "Default-hc", "Default-hc-dark" };
  AccordWindow *window = new_window (800, 600);
  GtkWidget *widget = GTK_WIDGET (window);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSettings *gtk_settings = gtk_widget_get_settings (widget);
  g_autofree char *theme_name = NULL;
  g_autoptr(GskRenderer) gl = gsk_gl_renderer_new ();
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_has_css_class (widget, "solid-csd"))
    {
      g_test_skip ("a compositor draws the window's frame here");
      close_window (window);
      return;
    }
  if (!gsk_renderer_realize (gl, gtk_native_get_surface (GTK_NATIVE (window)), &error))
    {
      g_test_skip_printf ("no GL renderer here: %s", error->message);
      close_window (window);
      return;
    }

  g_object_get (gtk_settings, "gtk-theme-name", &theme_name, NULL);
  set_style ("light");   /* the variant is the theme's name */
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint backdrop = 0; backdrop < 2; backdrop++)
      {
        g_autoptr(GskRenderNode) ours_node = NULL;
        g_autoptr(GskRenderNode) theme_node = NULL;
        g_autofree guchar *ours = NULL;
        g_autofree guchar *theme = NULL;

        g_object_set (gtk_settings, "gtk-theme-name", themes[t], NULL);
        if (backdrop)
          gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_BACKDROP, FALSE);
        else
          gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_BACKDROP);

        ours = draw_window (widget, gl, width, height, &ours_node);
        g_assert_false (has_window_wide_inset_shadow (ours_node, width, height));

        /* The theme's own frame, in the same window. */
        gtk_widget_remove_css_class (widget, "accord-window");
        theme = draw_window (widget, gl, width, height, &theme_node);
        gtk_widget_add_css_class (widget, "accord-window");
        g_assert_true (has_window_wide_inset_shadow (theme_node, width, height));

        for (int i = 0; i < width * height * 4; i++)
          if (ABS (ours[i] - theme[i]) > 1)
            g_error ("%s%s: the window at %d,%d differs from the theme's (channel %d: %d, not %d)",
                     themes[t], backdrop ? ", backdrop" : "", i / 4 % width, i / 4 / width, i % 4,
                     ours[i], theme[i]);
      }

  g_object_set (gtk_settings, "gtk-theme-name", theme_name, NULL);
  gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_BACKDROP);
  set_style ("system");
  gsk_renderer_unrealize (gl);
  close_window (window);
}

/* The window icon is in the GResource as PNGs of the sizes GTK draws it
 * at for an X11 window manager (every size the theme has, and 48 for the
 * SVG), so that start-up decodes PNGs instead of loading librsvg. */
static void
test_window_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree int *sizes = gtk_icon_theme_get_icon_sizes (theme, APP_ID);
  const int expected[] = { 16, 32, 48 };

  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; sizes[j] != 0; j++)
        listed |= sizes[j] == expected[i];
      g_assert_true (listed);
    }

  for (guint i = 0; sizes[i] != 0; i++)
    {
      int size = sizes[i] == -1 ? 48 : sizes[i];
      g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, size, 1,
                                                                    GTK_TEXT_DIR_NONE, 0);
      g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      g_assert_true (g_str_has_prefix (uri, "resource:///io/github/accord/Accord/icons/"));
      g_assert_true (g_str_has_suffix (uri, ".png"));
      texture = gdk_texture_new_from_file (file, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, size);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, size);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  /* Before the application starts, so its style can ask the portal; or
   * no portal, and GNOME's setting. */
  if (g_getenv ("ACCORD_TEST_NO_PORTAL") == NULL)
    start_fake_portal ();
  else
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source != NULL
        ? g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;

      if (schema != NULL && g_settings_schema_has_key (schema, "color-scheme"))
        {
          g_autoptr(GSettings) desktop = g_settings_new_full (schema, NULL, NULL);

          g_settings_set_string (desktop, "color-scheme", "prefer-dark");
        }
    }

  /* A real application, for its settings and actions; non-unique so it
   * does not meet another test's on the bus. */
  app = accord_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_nonnull (settings ());

  if (g_getenv ("ACCORD_TEST_NO_PORTAL") != NULL)
    {
      g_test_add_func ("/desktop/style/gnome-setting", test_style_gnome_setting);
      status = g_test_run ();
      g_object_unref (app);
      return status;
    }

  g_test_add_func ("/desktop/bookmark/toggle", test_bookmark_toggle);
  g_test_add_func ("/desktop/bookmark/list", test_bookmark_list);
  g_test_add_func ("/desktop/bookmark/narrow", test_bookmark_narrow);
  g_test_add_func ("/desktop/bookmark/restore", test_bookmark_restore);
  g_test_add_func ("/desktop/bookmark/unknown-ids", test_bookmark_unknown_ids);
  g_test_add_func ("/desktop/bookmark/pack-moved", test_bookmark_pack_moved);
  g_test_add_func ("/desktop/recent/records", test_recent_records);
  g_test_add_func ("/desktop/recent/capped", test_recent_capped);
  g_test_add_func ("/desktop/recent/missing", test_recent_missing);
  g_test_add_func ("/desktop/style/choice", test_style_choice);
  g_test_add_func ("/desktop/style/system", test_style_system);
  g_test_add_func ("/desktop/style/window-frame", test_window_frame);
  g_test_add_func ("/desktop/icon/window", test_window_icon);

  status = g_test_run ();
  g_object_unref (app);
  g_clear_object (&portal_bus);

  return status;
}
