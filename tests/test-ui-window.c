/* test-ui-window.c: the real window, driven as a person would
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions are activated, text is typed into entries, and what the window
 * shows is read back from its widgets.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "accord-loading-bar.h"
#include "accord-sidebar.h"
#include "accord-test-util.h"
#include "accord-topic-page.h"
#include "accord-widget-util.h"
#include "accord-application.h"
#include "accord-window.h"

#ifdef ACCORD_TEST_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

/* A window with the built-in pack, shown at @location (NULL: its start
 * page) as `accord --topic` and the like open it. */
static AccordWindow *
new_window_at (const char *location,
               int         width,
               int         height)
{
  AccordWindow *window = accord_window_new (NULL);
  g_autoptr(AccordPack) pack = accord_test_load_builtin ();

  accord_window_set_pack (window, pack);
  if (location != NULL)
    g_assert_true (accord_window_navigate (window, location));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (200);

  return window;
}

static AccordWindow *
new_window (int width,
            int height)
{
  return new_window_at (NULL, width, height);
}

static AccordSidebar *
sidebar_of (AccordWindow *window)
{
  return ACCORD_SIDEBAR (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_SIDEBAR));
}

static GtkWidget *
page_of (AccordWindow *window)
{
  return accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_TOPIC_PAGE);
}

/* The topic of a row of the sidebar: the tree's or the search results'. */
static AccordTopic *
row_topic (GObject *row)
{
  if (GTK_IS_TREE_LIST_ROW (row))
    {
      /* The row holds it. */
      g_autoptr(AccordTopic) topic = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row));

      return topic;
    }
  return accord_result_get_topic (ACCORD_RESULT (row));
}

/* The ids of the sidebar's visible rows, one per line: the tree's indented
 * by depth, the search results' flat. */
static char *
sidebar_rows (AccordWindow *window)
{
  GListModel *rows = accord_sidebar_get_rows (sidebar_of (window));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (GTK_IS_TREE_LIST_ROW (item))
        for (guint d = 0; d < gtk_tree_list_row_get_depth (GTK_TREE_LIST_ROW (item)); d++)
          g_string_append (s, "  ");
      g_string_append_printf (s, "%s\n", accord_topic_get_id (row_topic (item)));
    }

  return g_string_free (s, FALSE);
}

static GtkEditable *
sidebar_entry (AccordWindow *window)
{
  return GTK_EDITABLE (accord_test_find_by_type (GTK_WIDGET (sidebar_of (window)), GTK_TYPE_SEARCH_ENTRY));
}

static void
type_search (AccordWindow *window,
             const char   *text)
{
  gtk_editable_set_text (sidebar_entry (window), text);
  /* GtkSearchEntry waits a moment before it reports a change. */
  accord_test_iterate (400);
}

static gboolean
has_model (GtkWidget     *widget,
           gconstpointer  model)
{
  return GTK_IS_LIST_VIEW (widget) && (gconstpointer) gtk_list_view_get_model (GTK_LIST_VIEW (widget)) == model;
}

/* Selects the sidebar's row of @topic_id, as a click or the arrow keys do;
 * with @choose, chooses it as well, as a click or Enter does. */
static void
pick_row (AccordWindow *window,
          const char   *topic_id,
          gboolean      choose)
{
  GListModel *rows = accord_sidebar_get_rows (sidebar_of (window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (g_str_equal (accord_topic_get_id (row_topic (row)), topic_id))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
          if (choose)
            g_signal_emit_by_name (accord_test_find (GTK_WIDGET (sidebar_of (window)), has_model, rows),
                                   "activate", i);
          accord_test_iterate (50);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
select_row (AccordWindow *window,
            const char   *topic_id)
{
  pick_row (window, topic_id, FALSE);
}

static void
choose_row (AccordWindow *window,
            const char   *topic_id)
{
  pick_row (window, topic_id, TRUE);
}

/* Every hidden GtkRevealer under @widget takes no room (a crossfading one
 * keeps its height on GTK 4.8 and left an empty band under the header). */
static void
assert_hidden_revealers_empty (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget) && !gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    g_assert_cmpint (gtk_widget_get_height (widget), ==, 0);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_hidden_revealers_empty (child);
}

static void
test_select_topic (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *text = NULL;

  select_row (window, "consent-of-the-parties");

  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:consent-of-the-parties");
  text = accord_test_visible_text (page_of (window));
  /* The title first, then the body. */
  g_assert_true (g_str_has_prefix (text, "Peacekeeping requires consent of the parties\n"));
  g_assert_nonnull (strstr (text, "Related Topics"));
  g_assert_nonnull (strstr (text, "Sources"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_by_type (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_by_type (child, type);

  return n;
}

/* A pack of @n_topics topics at the top level. */
static AccordPack *
generate_topics (guint n_topics)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"accord-pack\",\"version\":1,\"id\":\"many\","
                                          "\"title\":\"Many topics\",\"subjects\":[{\"id\":\"s\",\"name\":\"S\"}],"
                                          "\"aspects\":[{\"id\":\"a\",\"name\":\"A\"}],"
                                          "\"characteristics\":[],\"topics\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  for (guint i = 0; i < n_topics; i++)
    g_string_append_printf (json, "%s{\"id\":\"t%u\",\"title\":\"Topic %u\",\"body\":[]}",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  pack = accord_pack_load_bytes (bytes, "many.json", NULL, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

typedef struct
{
  GListModel *rows;
  guint n_laid_out;   /* at the first layout, or 0 */
} FirstLayout;

static void
record_first_layout (GdkFrameClock *clock,
                     FirstLayout   *first)
{
  if (first->n_laid_out == 0)
    first->n_laid_out = g_list_model_get_n_items (first->rows);
}

/* Makes @change, then checks that the frame after it lays out a first
 * screenful of the sidebar's rows only: more come in later frames. */
static void
assert_first_screenful (AccordWindow *window,
                        void        (*change) (AccordWindow *window,
                                               gpointer      data),
                        gpointer      data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FirstLayout first = { NULL, 0 };
  gulong handler = g_signal_connect (clock, "layout", G_CALLBACK (record_first_layout), &first);
  guint n;

  change (window, data);
  first.rows = accord_sidebar_get_rows (sidebar_of (window));
  n = g_list_model_get_n_items (first.rows);
  g_assert_cmpuint (n, >=, 20);
  g_assert_cmpuint (n, <, 100);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (first.n_laid_out, ==, n);
}

static void
change_pack (AccordWindow *window,
             gpointer      pack)
{
  accord_window_set_pack (window, pack);
}

static void
change_query (AccordWindow *window,
              gpointer      query)
{
  accord_sidebar_set_query (sidebar_of (window), query);
}

/* A large pack's tree is built a screenful of rows a frame, so the frame
 * that shows the pack stays short (it lays out the first screenful only);
 * a topic beyond those rows can still be chosen at once, and in the end
 * every topic is there, with widgets only for the rows GTK keeps. */
static void
test_large_pack_tree (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autoptr(AccordPack) pack = generate_topics (1000);
  g_autoptr(AccordPack) builtin = accord_test_load_builtin ();
  AccordSidebar *sidebar = sidebar_of (window);
  GListModel *rows = accord_sidebar_get_rows (sidebar);
  AccordTopic *last_but_one;

  assert_first_screenful (window, change_pack, pack);
  accord_test_iterate (20);
  g_assert_cmpuint (count_by_type (GTK_WIDGET (sidebar), GTK_TYPE_TREE_EXPANDER), <, 100);

  accord_test_iterate (1000);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1000);
  g_assert_cmpuint (count_by_type (GTK_WIDGET (sidebar), GTK_TYPE_TREE_EXPANDER), <=, 260);

  /* Again, and a topic near the end chosen before the tree has grown. */
  accord_window_set_pack (window, builtin);
  accord_test_iterate (50);
  accord_window_set_pack (window, pack);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 1000);
  last_but_one = g_list_model_get_item (accord_pack_get_topics (pack), 998);
  g_assert_true (accord_sidebar_select_topic (sidebar, last_but_one));
  g_assert_true (accord_sidebar_get_selected (sidebar) == last_but_one);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1000);
  g_object_unref (last_but_one);
  accord_test_iterate (200);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:t998");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search that finds many more topics than there are rows shows them a
 * screenful a frame, as the tree does after a new pack; a topic beyond
 * those rows can still be chosen at once. */
static void
test_large_search_results (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autoptr(AccordPack) pack = generate_topics (1000);
  AccordSidebar *sidebar = sidebar_of (window);
  AccordTopic *last_but_one = accord_pack_lookup_topic (pack, "t998");
  GListModel *rows;

  accord_window_set_pack (window, pack);
  g_assert_true (accord_test_wait_for (accord_sidebar_is_searchable (sidebar), 10));
  accord_test_iterate (200);

  assert_first_screenful (window, change_query, "topic");
  rows = accord_sidebar_get_rows (sidebar);
  g_assert_true (accord_test_wait_for (g_list_model_get_n_items (rows) == 1000, 10));

  /* Again after a search that found nothing, and a topic near the end
   * chosen before the results have grown. */
  accord_sidebar_set_query (sidebar, "zzzz");
  accord_test_iterate (50);
  accord_sidebar_set_query (sidebar, "topic");
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 1000);
  g_assert_true (accord_sidebar_select_topic (sidebar, last_but_one));
  g_assert_true (accord_sidebar_get_selected (sidebar) == last_but_one);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1000);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A new pack on screen is indexed after the frame that shows it, so the
 * index's threads do not take the processors that frame needs; a window
 * hidden before it drew the pack still indexes it. */
static void
test_index_after_first_frame (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autoptr(AccordPack) pack = generate_topics (20000);
  g_autoptr(AccordPack) builtin = accord_test_load_builtin ();
  AccordSidebar *sidebar = sidebar_of (window);
  guint threads;

  g_assert_true (accord_test_wait_for (accord_sidebar_is_searchable (sidebar), 10));
  accord_test_iterate (100);
  threads = count_threads ();

  /* No thread started yet: had one started, it would still be indexing
   * 20,000 topics when the threads are counted. */
  accord_window_set_pack (window, pack);
  g_assert_false (accord_sidebar_is_searchable (sidebar));
  g_assert_cmpuint (count_threads (), ==, threads);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
  g_assert_true (accord_test_wait_for (accord_sidebar_is_searchable (sidebar), 10));

  accord_window_set_pack (window, builtin);
  accord_window_set_pack (window, pack);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_true (accord_test_wait_for (accord_sidebar_is_searchable (sidebar), 10));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *all = sidebar_rows (window);
  g_autofree char *rows = NULL;
  g_autofree char *status = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *none = NULL;
  g_autofree char *back = NULL;

  type_search (window, "consent");
  rows = sidebar_rows (window);
  /* A flat list of the matches: title matches first, then the others; each
   * says where it sits in the tree. */
  g_assert_cmpstr (rows, ==,
                   "consent-of-the-parties\n"
                   "challenges-of-consent\n"
                   "three-principles\n"
                   "introduction\n"
                   "tools-for-peace\n"
                   "impartial-operations\n"
                   "non-use-of-force\n"
                   "conclusion\n");
  status = accord_test_visible_text (GTK_WIDGET (sidebar_of (window)));
  g_assert_true (g_regex_match_simple ("^8 topics found$", status, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (status, "Challenges of obtaining consent\n"
                                    "Peacekeeping requires consent of the parties\n"));
  g_assert_nonnull (strstr (status, "Three basic principles\n"
                                    "Peacekeeping and diplomacy are tools to maintain international peace and security\n"));

  /* Accents and case do not matter. */
  type_search (window, "CONSÉNT");
  folded = sidebar_rows (window);
  g_assert_cmpstr (folded, ==, rows);

  type_search (window, "zzzzqqq");
  none = accord_test_visible_text (GTK_WIDGET (sidebar_of (window)));
  g_assert_nonnull (strstr (none, "No topics found for “zzzzqqq”"));
  g_assert_cmpuint (g_list_model_get_n_items (accord_sidebar_get_rows (sidebar_of (window))), ==, 0);

  /* Escape clears the search: every topic is back, as before. */
  g_signal_emit_by_name (sidebar_entry (window), "stop-search");
  accord_test_iterate (400);
  back = sidebar_rows (window);
  g_assert_cmpstr (back, ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history (void)
{
  AccordWindow *window = new_window (1280, 800);

  g_assert_cmpstr (accord_window_get_location (window), ==, "home");
  select_row (window, "introduction");
  g_assert_true (accord_window_navigate (window, "topic:three-principles"));
  g_assert_true (accord_window_navigate (window, "table"));
  g_assert_false (accord_window_navigate (window, "topic:no-such-topic"));
  g_assert_cmpstr (accord_window_get_location (window), ==, "table");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:three-principles");
  g_assert_cmpstr (accord_topic_get_id (accord_window_get_topic (window)), ==, "three-principles");
  /* The sidebar follows the page. */
  g_assert_cmpstr (accord_topic_get_id (accord_sidebar_get_selected (sidebar_of (window))), ==,
                   "three-principles");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:introduction");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:three-principles");

  /* Going somewhere new drops the forward history. */
  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's title says what it shows, then the pack, wherever it got
 * there from; on the start page and in the views (a subject is a column
 * of the table), the pack alone. */
static void
test_title (void)
{
  AccordWindow *window = new_window (1280, 800);
  const struct { const char *location, *title; } places[] = {
    { "topic:three-principles", "Three basic principles — Peacekeeping and Diplomacy" },
    { "aspect:consent", "Consent — Peacekeeping and Diplomacy" },
    { "compare:diplomacy,peacekeeping", "Diplomacy and Peacekeeping — Peacekeeping and Diplomacy" },
    { "table", "Peacekeeping and Diplomacy" },
    { "subject:diplomacy", "Peacekeeping and Diplomacy" },
    { "home", "Peacekeeping and Diplomacy" },
  };

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Peacekeeping and Diplomacy");
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_assert_true (accord_window_navigate (window, places[i].location));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, places[i].title);
    }

  /* Back, and a topic chosen in the sidebar. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Peacekeeping and Diplomacy");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Diplomacy and Peacekeeping — Peacekeeping and Diplomacy");
  select_row (window, "introduction");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Introduction — Peacekeeping and Diplomacy");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_related_link (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *target = NULL;
  GtkWidget *page;

  g_assert_true (accord_window_navigate (window, "topic:what-peacekeepers-do"));
  page = page_of (window);

  /* Click the first related-topic link on the page. */
  {
    GtkWidget *box = accord_test_find_by_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GPtrArray *stack = g_ptr_array_new ();
    GtkWidget *link = NULL;

    g_ptr_array_add (stack, box);
    while (stack->len > 0 && link == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, 0);
        const char *location = g_object_get_data (G_OBJECT (w), "accord-location");

        if (location != NULL && g_str_has_prefix (location, "topic:"))
          link = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);

    g_assert_nonnull (link);
    /* The click rebuilds the page, link included. */
    target = g_strdup (g_object_get_data (G_OBJECT (link), "accord-location"));
    g_signal_emit_by_name (link, "clicked");
    accord_test_iterate (50);
    g_assert_cmpstr (accord_window_get_location (window), ==, target);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:what-peacekeepers-do");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_load (AccordWindow *window,
               GtkRevealer  *banner,
               const char   *pack_id)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      if (banner != NULL && gtk_revealer_get_reveal_child (banner))
        return;
      if (pack_id != NULL && g_str_equal (accord_pack_get_id (accord_window_get_pack (window)), pack_id))
        return;
      g_usleep (1000);
    }

  g_assert_not_reached ();
}

static void
test_invalid_pack_keeps_content (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", "topic-related-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AccordPack *before;
  GtkRevealer *banner;
  g_autofree char *banner_text = NULL;

  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  before = accord_window_get_pack (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Conclusion — Peacekeeping and Diplomacy");

  accord_window_open_file (window, file);
  banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  wait_for_load (window, banner, NULL);
  accord_test_iterate (300);

  /* The banner names the file, line and column of the first error ... */
  banner_text = accord_test_visible_text (GTK_WIDGET (banner));
  g_test_message ("banner: %s", banner_text);
  g_assert_true (g_regex_match_simple ("topic-related-unknown\\.json:[0-9]+:[0-9]+: error: topics\\[[0-9]+\\]\\.related",
                                       banner_text, 0, 0));
  /* ... and what was open stays open, where it was. */
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Conclusion — Peacekeeping and Diplomacy");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reload loads the pack's file again, for its author at work on it: the
 * place on show and the history stay; a version with errors leaves the
 * one on show, and the banner says where the errors are; the built-in
 * pack has no file to load again. */
static void
test_reload (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("accord-reload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *banner_text = NULL;
  GtkRevealer *banner;
  AccordPack *before;

  /* The built-in pack: disabled (were it not, its handler's check would
   * fail the test). */
  before = accord_window_get_pack (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  accord_test_iterate (50);
  g_assert_true (accord_window_get_pack (window) == before);

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  accord_window_open_file (window, file);
  wait_for_load (window, NULL, "full-pack.v1_test");
  g_assert_true (accord_window_navigate (window, "topic:level-2"));
  g_assert_true (accord_window_navigate (window, "topic:level-3"));

  /* The author renames the topic on show. */
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "\"Level 3\"", "\"The third level\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
  before = accord_window_get_pack (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (accord_test_wait_for (accord_window_get_pack (window) != before, 10));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-3");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "The third level — "));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-2");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-3");

  /* A mistake: the banner says where, and the version on show stays. */
  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"accord-pack\",\n  \"version\": 1,,\n}\n", -1, NULL));
  before = accord_window_get_pack (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  wait_for_load (window, banner, NULL);
  accord_test_iterate (300);
  banner_text = accord_test_visible_text (GTK_WIDGET (banner));
  g_test_message ("banner: %s", banner_text);
  g_assert_true (g_regex_match_simple ("pack\\.json:3:[0-9]+: error", banner_text, 0, 0));
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-3");

  /* Mended, it loads; the banner goes. */
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (accord_test_wait_for (accord_window_get_pack (window) != before, 10));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-3");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Level 3 — "));

  /* Gone: the banner says so, and the version on show stays. */
  g_assert_true (g_remove (path) == 0);
  before = accord_window_get_pack (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait_for_load (window, banner, NULL);
  accord_test_iterate (300);
  g_clear_pointer (&banner_text, g_free);
  banner_text = accord_test_visible_text (GTK_WIDGET (banner));
  g_test_message ("banner: %s", banner_text);
  g_assert_nonnull (strstr (banner_text, "pack.json"));
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:level-3");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (g_rmdir (dir) == 0);
}

/* A source's link: it has the address it opens. */
static gboolean
is_source_link (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_object_get_data (G_OBJECT (widget), "accord-url") != NULL;
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

/* A source's link has a context menu (the Menu key, Shift+F10, a right
 * click): Open Link, Copy Link Address; the copy is the address. */
static void
test_link_menu (void)
{
  AccordWindow *window = new_window_at ("topic:consent-of-the-parties", 1280, 800);
  GtkWidget *page = page_of (window);
  GtkWidget *link = accord_test_find (page, is_source_link, NULL);
  GtkWidget *popover;
  GMenuModel *menu;
  const char *url;
  g_autofree char *copied = NULL;
  const char *actions[] = { "page.open-link", "page.copy-link" };

  g_assert_nonnull (link);
  url = g_object_get_data (G_OBJECT (link), "accord-url");
  g_assert_true (g_str_has_prefix (url, "https://"));

  /* From the keyboard, on the link with the focus. */
  g_assert_null (accord_test_find_by_type (page, GTK_TYPE_POPOVER_MENU));
  gtk_widget_grab_focus (link);
  g_assert_true (gtk_widget_activate_action (link, "page.link-menu", NULL));
  accord_test_iterate (50);
  popover = accord_test_find_by_type (page, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_false (gtk_widget_get_has_tooltip (link));   /* not over the menu */
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target));
      g_assert_cmpstr (action, ==, actions[i]);
      g_assert_cmpstr (target, ==, url);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  accord_test_iterate (50);
  g_assert_true (gtk_widget_get_has_tooltip (link));
  /* The focus is back on the link. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == link);

  /* Copy Link Address. */
  g_assert_true (gtk_widget_activate_action (popover, "page.copy-link", "s", url));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (page), NULL, on_text_read, &copied);
  g_assert_true (accord_test_wait_for (copied != NULL, 5));
  g_assert_cmpstr (copied, ==, url);

  /* Nothing with the focus elsewhere. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (sidebar_entry (window))));
  gtk_widget_activate_action (page, "page.link-menu", NULL);
  accord_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (popover));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_valid_pack (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordPack) expected = accord_pack_load_file (file, NULL, NULL, NULL);

  accord_window_open_file (window, file);
  wait_for_load (window, NULL, accord_pack_get_id (expected));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, accord_pack_get_title (expected));
  g_assert_cmpstr (accord_window_get_location (window), ==, "home");
  /* A new pack starts a new history. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (accord_window_get_location (window), ==, "home");

  /* Loaded: the progress bar and the banner are gone, and so is their room. */
  accord_test_iterate (500);
  assert_hidden_revealers_empty (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The loading bar shows a fraction at once, then at most one more each
 * interval, the latest; a new load starts from nothing at once. */
static void
test_loading_bar_interval (void)
{
  AccordLoadingBar *bar = g_object_ref_sink (ACCORD_LOADING_BAR (accord_loading_bar_new ()));
  GtkProgressBar *progress = GTK_PROGRESS_BAR (accord_test_find_by_type (GTK_WIDGET (bar), GTK_TYPE_PROGRESS_BAR));
  gint64 start, deadline;

  accord_loading_bar_start (bar, "Opening “a.json”…");
  accord_loading_bar_set_fraction (bar, 0.1);
  accord_loading_bar_set_fraction (bar, 0.2);
  accord_loading_bar_set_fraction (bar, 0.3);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0.1);

  start = g_get_monotonic_time ();
  deadline = start + 2 * G_USEC_PER_SEC;
  while (gtk_progress_bar_get_fraction (progress) == 0.1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0.3);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 90 * 1000);

  accord_loading_bar_start (bar, "Opening “b.json”…");
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0);
  accord_loading_bar_set_fraction (bar, 0.5);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 0.5);

  /* Its timeout goes with it. */
  g_object_unref (bar);
  accord_test_iterate (200);
}

/* The background colour of a @mark. */
static PangoColor
mark_color (AccordTextMark mark)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(PangoAttrIterator) iterator = NULL;

  accord_text_insert_mark (attrs, 0, 1, mark);
  iterator = pango_attr_list_get_iterator (attrs);
  return ((PangoAttrColor *) pango_attr_iterator_get (iterator, PANGO_ATTR_BACKGROUND))->color;
}

/* Appends to @out the pieces of @label's text the find bar marks, each
 * as "text|", or "[text]|" for the current match. Every mark darkens the
 * text it holds, to stay readable in a dark style. */
static void
append_found (GString  *out,
              GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  PangoColor match = mark_color (ACCORD_TEXT_MARK_MATCH);
  PangoColor current = mark_color (ACCORD_TEXT_MARK_CURRENT);
  const char *text = gtk_label_get_text (label);
  GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *background = l->data;
      PangoColor *color = &((PangoAttrColor *) background)->color;
      gboolean darkened = FALSE;

      if (background->klass->type != PANGO_ATTR_BACKGROUND)
        continue;
      for (GSList *m = list; m != NULL; m = m->next)
        {
          PangoAttribute *other = m->data;

          darkened |= other->klass->type == PANGO_ATTR_FOREGROUND &&
                      other->start_index == background->start_index && other->end_index == background->end_index;
        }
      g_assert_true (darkened);
      if (memcmp (color, &match, sizeof match) == 0 || memcmp (color, &current, sizeof current) == 0)
        g_string_append_printf (out, memcmp (color, &current, sizeof current) == 0 ? "[%.*s]|" : "%.*s|",
                                (int) (background->end_index - background->start_index),
                                text + background->start_index);
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
}

/* Appends to @out each piece of @label's text that is marked (by a search,
 * a filter or the find bar), each followed by a "|". */
static void
append_marked (GString  *out,
               GtkLabel *label)
{
  accord_test_append_marked (out, gtk_label_get_text (label), gtk_label_get_attributes (label));
}

static void
collect_labels (GtkWidget *widget,
                void     (*append) (GString *out, GtkLabel *label),
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    append (out, GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, append, out);
}

/* What @append says of each label of the page on show, in order. */
static char *
page_labels_text (AccordWindow *window,
                  void        (*append) (GString *out, GtkLabel *label))
{
  GString *out = g_string_new (NULL);

  collect_labels (page_of (window), append, out);
  return g_string_free (out, FALSE);
}

/* The text the find bar marks in the page, "[current]|" and "other|". */
static char *
found_text (AccordWindow *window)
{
  return page_labels_text (window, append_found);
}

/* The text marked in the page, each piece followed by a "|". */
static char *
marked_text (AccordWindow *window)
{
  return page_labels_text (window, append_marked);
}

/* The find bar marks every match, and the current one apart: the first,
 * then each in turn as Enter steps through them, round to the first (its
 * text links' included); Shift+Enter steps back. */
static void
test_find_in_page (void)
{
  AccordWindow *window = new_window (1280, 800);
  AccordTopicPage *page = ACCORD_TOPIC_PAGE (page_of (window));
  guint n;

  g_assert_true (accord_window_navigate (window, "topic:consent-of-the-parties"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  accord_test_iterate (50);

  n = accord_topic_page_find_text (page, "CONSENT");
  g_assert_cmpuint (n, >=, 4);
  for (guint i = 0; i <= n; i++)
    {
      g_autofree char *found = found_text (window);
      g_auto(GStrv) pieces = g_strsplit (found, "|", -1);

      g_assert_cmpuint (g_strv_length (pieces), ==, n + 1);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *folded = g_utf8_casefold (pieces[j], -1);

          g_assert_cmpstr (folded, ==, j == i % n ? "[consent]" : "consent");
        }
      accord_topic_page_find_next (page, FALSE);
    }

  /* From the second back to the first, and round to the last. */
  accord_topic_page_find_next (page, TRUE);
  accord_topic_page_find_next (page, TRUE);
  {
    g_autofree char *found = found_text (window);
    g_autofree char *folded = g_utf8_casefold (found, -1);

    g_assert_true (g_str_has_suffix (folded, "[consent]|"));
  }

  g_assert_cmpuint (accord_topic_page_find_text (page, "no such words here"), ==, 0);
  {
    g_autofree char *found = found_text (window);

    g_assert_cmpstr (found, ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In the Characteristics view, Find (Ctrl+F) is the table's filter: the
 * focus goes into it, back on the table from an aspect's page, and the
 * view stays. In Compare, it is nothing. */
static void
test_find_in_table (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *entry;

  g_assert_true (accord_window_navigate (window, "aspect:consent"));
  accord_test_iterate (50);
  entry = accord_test_find_by_type (GTK_WIDGET (accord_window_get_table_view (window)), GTK_TYPE_SEARCH_ENTRY);
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "table");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));

  /* Typing filters. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "consent");
  accord_test_iterate (400);
  {
    g_autofree char *text = accord_test_visible_text (GTK_WIDGET (window));

    g_assert_nonnull (strstr (text, " of 11 aspects"));
  }

  /* Compare has nothing to find in: Find does not take the user away to
   * the topic page's find bar, and is back in the other views. */
  g_assert_true (accord_window_navigate (window, "compare:diplomacy,peacekeeping"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "compare:diplomacy,peacekeeping");
  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  accord_test_iterate (50);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), page_of (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* The first widget under @widget with @css_class. */
static GtkWidget *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  return accord_test_find (widget, has_css_class, css_class);
}

/* The size of @widget's font, in points. */
static double
font_points (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);

  return pango_font_description_get_size (pango_context_get_font_description (context)) / (double) PANGO_SCALE;
}

static void
test_zoom (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *page = page_of (window);
  GtkWidget *title = find_by_class (page, "title-1");
  GtkWidget *summary = find_by_class (page, "accord-view");
  double title_points, text_points;

  g_assert_nonnull (title);
  g_assert_nonnull (summary);
  title_points = font_points (title);
  text_points = font_points (summary);

  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "zoom-100"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "zoom-120"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "zoom-100"));
  accord_test_iterate (50);

  /* The text grows, and the titles with it. */
  g_test_message ("text %.1f -> %.1f pt, title %.1f -> %.1f pt", text_points, font_points (summary),
                  title_points, font_points (title));
  g_assert_cmpfloat_with_epsilon (font_points (summary), text_points * 1.2, 0.1);
  g_assert_cmpfloat_with_epsilon (font_points (title), title_points * 1.2, 0.1);

  /* Another window at another zoom: the rules for its level come in beside
   * the first window's, which keeps its own. */
  {
    AccordWindow *other = new_window (1280, 800);
    GtkWidget *other_summary = find_by_class (page_of (other), "accord-view");

    for (int i = 0; i < 5; i++)
      gtk_widget_activate_action (GTK_WIDGET (other), "win.zoom-in", NULL);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (other), "zoom-150"));
    accord_test_iterate (50);
    g_assert_cmpfloat_with_epsilon (font_points (other_summary), text_points * 1.5, 0.1);
    g_assert_cmpfloat_with_epsilon (font_points (summary), text_points * 1.2, 0.1);
    gtk_window_destroy (GTK_WINDOW (other));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "zoom-100"));
  accord_test_iterate (50);
  g_assert_cmpfloat_with_epsilon (font_points (title), title_points, 0.01);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Widgets drawn that can take the focus: a link to @location, or with
 * @location NULL a selectable label. */
static gboolean
is_focusable (GtkWidget     *widget,
              gconstpointer  location)
{
  if (!gtk_widget_is_drawable (widget) || !gtk_widget_get_focusable (widget))
    return FALSE;
  if (location != NULL)
    return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "accord-location"), location) == 0;
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

/* The page is built anew for each place, and the focus can be on what
 * goes: a link followed from the keyboard, the text of a title. The
 * window then has no focus, never one on a widget that is gone (GTK
 * would complain of it, and the test with it). */
static void
test_follow_focused_link (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *link;
  GtkWidget *title;

  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  link = accord_test_find (page_of (window), is_focusable, "topic:introduction");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_grab_focus (link));
  /* Enter on it: the button looks pressed a moment, then is clicked. */
  gtk_widget_activate (link);
  g_assert_true (accord_test_wait_for (g_strcmp0 (accord_window_get_location (window), "topic:introduction") == 0, 5));
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));

  title = accord_test_find (page_of (window), is_focusable, NULL);
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_grab_focus (title));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's section headed @heading: a box whose first child says it. */
static gboolean
is_section_headed (GtkWidget     *widget,
                   gconstpointer  heading)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);

  return GTK_IS_BOX (widget) && GTK_IS_LABEL (first) && gtk_widget_has_css_class (first, "heading") &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (first)), heading) == 0;
}

static void
collect_locations (GtkWidget *widget,
                   GString   *out)
{
  const char *location = g_object_get_data (G_OBJECT (widget), "accord-location");

  if (location != NULL)
    g_string_append_printf (out, "%s\n", location);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_locations (child, out);
}

/* Where the links of the page's section headed @heading lead, one per
 * line, or NULL without such a section. */
static char *
section_links (AccordWindow *window,
               const char   *heading)
{
  GtkWidget *section = accord_test_find (page_of (window), is_section_headed, heading);
  GString *out;

  if (section == NULL)
    return NULL;
  out = g_string_new (NULL);
  collect_locations (section, out);
  return g_string_free (out, FALSE);
}

/* Clicks the page's link to @location. */
static void
follow_link (AccordWindow *window,
             const char   *location)
{
  GtkWidget *link = accord_test_find (page_of (window), is_focusable, location);

  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  g_assert_cmpstr (accord_window_get_location (window), ==, location);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
}

/* Every topic can be reached from the pages, as from the sidebar: a
 * topic's page lists its sub-topics, each link with the topic's summary,
 * and the start page the pack's top-level topics when the sidebar is
 * hidden (in a narrow window, or by F9). */
static void
test_topic_links (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autoptr(AccordPack) many = generate_topics (25);
  AccordWindow *narrow;
  g_autofree char *contents = NULL;
  g_autofree char *subtopics = NULL;
  g_autofree char *text = NULL;
  g_autofree char *many_contents = NULL;
  g_auto(GStrv) many_links = NULL;

  /* The sidebar beside the start page lists the topics: the page does not. */
  g_assert_null (section_links (window, "Contents"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
  contents = section_links (window, "Contents");
  g_assert_cmpstr (contents, ==,
                   "topic:introduction\n"
                   "topic:tools-for-peace\n"
                   "topic:consent-of-the-parties\n"
                   "topic:impartial-operations\n"
                   "topic:non-use-of-force\n"
                   "topic:mutual-understanding\n"
                   "topic:conclusion\n");

  follow_link (window, "topic:tools-for-peace");
  subtopics = section_links (window, "Subtopics");
  g_assert_cmpstr (subtopics, ==,
                   "topic:global-partnership\n"
                   "topic:three-principles\n"
                   "topic:what-peacekeepers-do\n");
  /* Each link, then its topic's summary. */
  text = accord_test_visible_text (accord_test_find (page_of (window), is_section_headed, "Subtopics"));
  g_assert_true (g_str_has_prefix (text, "Subtopics\nA global partnership\n"
                                         "The UN bodies, contributors and host governments"));

  follow_link (window, "topic:global-partnership");
  g_assert_null (section_links (window, "Subtopics"));

  /* A long list stops at twenty links, and says how many more there are. */
  accord_window_set_pack (window, many);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
  many_contents = section_links (window, "Contents");
  many_links = g_strsplit (many_contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (many_links), ==, 20 + 1);
  g_assert_cmpstr (many_links[0], ==, "topic:t0");
  g_assert_cmpstr (many_links[19], ==, "topic:t19");
  g_clear_pointer (&text, g_free);
  text = accord_test_visible_text (page_of (window));
  g_assert_true (g_str_has_suffix (text, "Topic 19\nand 5 more topics\n"));

  /* The sidebar back: the page's list goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_null (section_links (window, "Contents"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A narrow window starts with its sidebar hidden, the list on the page. */
  narrow = new_window (360, 720);
  g_clear_pointer (&contents, g_free);
  contents = section_links (narrow, "Contents");
  g_assert_nonnull (contents);
  g_assert_true (g_str_has_prefix (contents, "topic:introduction\n"));
  gtk_window_destroy (GTK_WINDOW (narrow));
}

static void
collect_headings (GtkWidget *widget,
                  GString   *out)
{
  if (gtk_widget_get_visible (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING)
    {
      g_assert_true (GTK_IS_LABEL (widget));
      for (int level = 1; level <= 3; level++)
        {
          g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                         GTK_ACCESSIBLE_PROPERTY_LEVEL, level);

          if (problem == NULL)
            g_string_append_printf (out, "%d %s\n", level, gtk_label_get_text (GTK_LABEL (widget)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_headings (child, out);
}

/* A screen reader can tell a page's headings, and their levels: a topic's
 * title, the headings of its text, its sections; an aspect's name and what
 * follows it. */
static void
test_headings (void)
{
  AccordWindow *window = new_window_at ("topic:tools-for-peace", 1280, 800);
  g_autoptr(GString) headings = g_string_new (NULL);

  collect_headings (page_of (window), headings);
  g_assert_cmpstr (headings->str, ==,
                   "1 Peacekeeping and diplomacy are tools to maintain international peace and security\n"
                   "2 Peacekeeping\n"
                   "2 Diplomacy\n"
                   "2 How they work together\n"
                   "2 Subtopics\n"
                   "2 Related Topics\n"
                   "2 Sources\n");

  /* An aspect's page: its name, each subject's card, the topics. */
  g_assert_true (accord_window_navigate (window, "aspect:consent"));
  accord_test_iterate (50);
  g_string_truncate (headings, 0);
  collect_headings (GTK_WIDGET (accord_window_get_table_view (window)), headings);
  g_assert_cmpstr (headings->str, ==, "1 Consent\n2 Peacekeeping\n2 Diplomacy\n2 Discussed in\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_shown_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* Each row of the sidebar's lists is named for a screen reader (GTK 4.8
 * read "list item" and no more): a topic's title, and for a search
 * result, where it sits in the tree as its description. */
static void
test_row_names (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *tree = accord_test_find (GTK_WIDGET (sidebar_of (window)), is_shown_list, NULL);
  GtkWidget *results;
  g_autofree char *text = NULL;

  g_assert_cmpuint (accord_test_assert_rows_named (tree), ==, 7);

  type_search (window, "consent");
  results = accord_test_find (GTK_WIDGET (sidebar_of (window)), is_shown_list, NULL);
  g_assert_true (results != tree);
  g_assert_cmpuint (accord_test_assert_rows_named (results), >=, 3);
  /* One of them with its place in the tree: it was checked as described. */
  text = accord_test_visible_text (results);
  g_assert_nonnull (strstr (text, "Challenges of obtaining consent\nPeacekeeping requires consent of the parties\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_underlined (PangoAttrList *attrs)
{
  GSList *list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean underlined = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE && ((PangoAttrInt *) attr)->value != PANGO_UNDERLINE_NONE)
        underlined = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return underlined;
}

/* Checks every link shown under @widget, and returns how many there are. */
static guint
check_links (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "link"))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (widget));
      GdkCursor *cursor = gtk_widget_get_cursor (widget);

      g_assert_true (GTK_IS_LABEL (label));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_LINK);
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                           label, NULL);
      g_assert_nonnull (cursor);
      g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "pointer");
      g_assert_false (is_underlined (pango_layout_get_attributes (gtk_label_get_layout (GTK_LABEL (label)))));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_links (child);

  return n;
}

/* A link reads the same everywhere: a link named by its text for a screen
 * reader (GTK 4.8 read the topic page's as "button"), the pointer turns
 * into a hand over it, and it is drawn alike in every view (GTK 4.8
 * underlined the Compare view's headings, not the topic page's links). */
static void
test_links (void)
{
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  AccordWindow *window;

  /* With Accord's style sheet, as the application has it (and only for
   * this test). */
  gtk_css_provider_load_from_resource (style, "/io/github/accord/Accord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = new_window_at ("topic:consent-of-the-parties", 1280, 800);

  /* Its subject and aspects, a sub-topic, related topics, two sources. */
  g_assert_cmpuint (check_links (page_of (window)), >=, 9);

  /* The views build what they show as they are shown. */
  g_assert_true (accord_window_navigate (window, "aspect:consent"));
  g_assert_true (accord_test_wait_for (check_links (GTK_WIDGET (accord_window_get_table_view (window))) >= 1, 10));

  g_assert_true (accord_window_navigate (window, "compare:diplomacy,peacekeeping"));
  g_assert_true (accord_test_wait_for (check_links (GTK_WIDGET (accord_window_get_compare_view (window))) >= 2, 10));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style));
}

/* A topic chosen from a search's results shows what the search found: the
 * words that begin with the query's, whatever their case, links included;
 * on the next pages too, until the search is cleared. A topic chosen from
 * the tree has nothing marked. */
static void
test_search_highlight (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;
  g_autofree char *followed = NULL;
  g_autofree char *cleared = NULL;

  select_row (window, "impartial-operations");
  none = marked_text (window);
  g_assert_cmpstr (none, ==, "");

  type_search (window, "MANDAT");
  select_row (window, "impartiality-not-neutrality");
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:impartiality-not-neutrality");
  found = marked_text (window);
  g_assert_cmpstr (found, ==, "mandate|mandate|");

  g_assert_true (accord_window_navigate (window, "topic:impartial-operations"));
  followed = marked_text (window);
  g_assert_nonnull (strstr (followed, "mandate|"));

  /* Find in page marks over them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_cmpuint (accord_topic_page_find_text (ACCORD_TOPIC_PAGE (page_of (window)), "peace"), >, 0);
  g_clear_pointer (&followed, g_free);
  followed = marked_text (window);
  g_assert_nonnull (strstr (followed, "mandate|"));
  g_assert_nonnull (strstr (followed, "peace|"));
  /* (and every mark, the search's too, darkens the text it holds) */
  g_clear_pointer (&followed, g_free);
  followed = found_text (window);
  g_assert_true (g_str_has_prefix (followed, "[Peace]|") || g_str_has_prefix (followed, "[peace]|"));
  accord_topic_page_find_text (ACCORD_TOPIC_PAGE (page_of (window)), NULL);

  /* The links' text is the page's too: a sub-topic's title is marked. */
  type_search (window, "consent");
  select_row (window, "consent-of-the-parties");
  {
    GtkWidget *link = accord_test_find (page_of (window), is_focusable, "topic:challenges-of-consent");
    GtkLabel *label;
    g_autoptr(GString) marks = g_string_new (NULL);

    g_assert_nonnull (link);
    label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link)));
    accord_test_append_marked (marks, gtk_label_get_text (label), gtk_label_get_attributes (label));
    g_assert_cmpstr (marks->str, ==, "consent|");
  }

  type_search (window, "");
  cleared = marked_text (window);
  g_assert_cmpstr (cleared, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *search_button;
  GtkWidget *sidebar;
  gboolean painted;
  gboolean search_button_shown;   /* in the first frame painted */
  gboolean sidebar_shown;
} FirstFrame;

static void
note_first_frame (GdkFrameClock *clock,
                  FirstFrame    *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  first->search_button_shown = gtk_widget_get_visible (first->search_button);
  first->sidebar_shown = gtk_widget_get_visible (first->sidebar);
}

static void
watch_first_frame (GtkWidget  *window,
                   FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (note_first_frame), first);
}

/* The first frame shows the window as it stays: a wide window's search
 * button is there from the start, a narrow window has no sidebar. */
static void
test_first_frame_final (void)
{
  const int widths[] = { 1280, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      AccordWindow *window = accord_window_new (NULL);
      g_autoptr(AccordPack) pack = accord_test_load_builtin ();
      gboolean wide = widths[i] >= 700;
      FirstFrame first = { 0 };

      accord_window_set_pack (window, pack);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 720);
      first.search_button = accord_test_find_by_action (GTK_WIDGET (window), "win.search");
      first.sidebar = GTK_WIDGET (sidebar_of (window));
      g_signal_connect_after (window, "realize", G_CALLBACK (watch_first_frame), &first);
      gtk_window_present (GTK_WINDOW (window));
      while (!first.painted)
        g_main_context_iteration (NULL, TRUE);
      accord_test_iterate (200);

      g_assert_cmpint (gtk_widget_get_visible (first.search_button), ==, wide);
      g_assert_cmpint (gtk_widget_get_visible (first.sidebar), ==, wide);
      g_assert_cmpint (first.search_button_shown, ==, wide);
      g_assert_cmpint (first.sidebar_shown, ==, wide);

      g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &first);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_narrow (void)
{
  AccordWindow *window = new_window (360, 720);
  GtkWidget *sidebar = GTK_WIDGET (sidebar_of (window));

  /* Usable at 360 pixels: nothing makes the window wider. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  /* Below 700 px the sidebar hides behind its toggle. */
  g_assert_false (gtk_widget_get_visible (sidebar));
  /* The header's toggle (F9). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));

  /* Going through the topics with the arrow keys shows them, and the
   * sidebar stays; choosing one gets it out of the way again. */
  select_row (window, "introduction");
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:introduction");
  choose_row (window, "conclusion");
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_right_to_left (void)
{
  AccordWindow *window;
  double sidebar_x, page_x;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = new_window (1280, 800);

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (sidebar_of (window)), GTK_WIDGET (window),
                                                   0, 0, &sidebar_x, NULL));
  g_assert_true (gtk_widget_translate_coordinates (page_of (window), GTK_WIDGET (window), 0, 0, &page_x, NULL));
  /* Mirrored: the sidebar is on the right. */
  g_assert_cmpfloat (sidebar_x, >, page_x);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static void
test_settings_round_trip (void)
{
  /* A real application, for its settings (the memory backend in tests). */
  g_autoptr(AccordApplication) app = accord_application_new ();
  AccordWindow *window;
  GSettings *settings;
  int width, height;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  settings = accord_application_get_settings (app);
  g_assert_nonnull (settings);

  window = accord_window_new (app);
  accord_window_set_pack (window, accord_application_get_builtin_pack (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_window_present (GTK_WINDOW (window));
  accord_test_iterate (100);
  /* The table sorted, Compare with differences only. */
  g_assert_true (accord_window_navigate (window, "table"));
  gtk_widget_activate_action (GTK_WIDGET (accord_window_get_table_view (window)), "table.sort", "s",
                              "group-descending");
  g_assert_true (accord_window_navigate (window, "compare:diplomacy,peacekeeping"));
  gtk_widget_activate_action (GTK_WIDGET (accord_window_get_compare_view (window)),
                              "compare.differences-only", NULL);
  g_assert_true (accord_compare_view_get_differences_only (accord_window_get_compare_view (window)));
  g_assert_true (accord_window_navigate (window, "topic:cultural-diplomacy"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_window_close (GTK_WINDOW (window));
  accord_test_iterate (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "text-zoom"), ==, 110);
  {
    g_autofree char *sort = g_settings_get_string (settings, "table-sort");

    g_assert_cmpstr (sort, ==, "group-descending");
  }

  /* A new window opens the same pack where it was left, at that size. */
  window = accord_window_new (app);
  accord_window_set_pack (window, accord_application_get_builtin_pack (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:cultural-diplomacy");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "zoom-110"));
  /* Its views, as they are built, as they were left. */
  {
    g_autofree char *sort = NULL;

    g_object_get (accord_window_get_table_view (window), "sort", &sort, NULL);
    g_assert_cmpstr (sort, ==, "group-descending");
    g_assert_true (accord_compare_view_get_differences_only (accord_window_get_compare_view (window)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "text-zoom");
  g_settings_reset (settings, "table-sort");
  g_settings_reset (settings, "compare-differences-only");
}


/* Only the first screen is built before the first frame: the other views
 * come into being when they are first shown, however they are reached. */
static void
test_lazy_views (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *table, *compare;
  g_autofree char *text = NULL;

  g_assert_null (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_TABLE_VIEW));
  g_assert_null (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_COMPARE_VIEW));

  /* The view switcher, through its action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "table");
  accord_test_iterate (100);
  table = accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_TABLE_VIEW);
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_get_mapped (table));
  g_assert_cmpstr (accord_window_get_location (window), ==, "table");
  text = accord_test_visible_text (table);
  g_assert_nonnull (strstr (text, "Peacekeeping"));
  g_assert_null (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_COMPARE_VIEW));

  /* A location, as a link or the history would give it. */
  g_assert_true (accord_window_navigate (window, "compare:diplomacy,peacekeeping"));
  accord_test_iterate (100);
  compare = accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_COMPARE_VIEW);
  g_assert_nonnull (compare);
  g_assert_true (gtk_widget_get_mapped (compare));
  g_assert_cmpstr (accord_window_get_location (window), ==, "compare:diplomacy,peacekeeping");

  /* Each is built once, and the history holds only the moves made. */
  g_assert_true (accord_window_get_table_view (window) == ACCORD_TABLE_VIEW (table));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "table");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "home");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing a result shows it; clearing the search goes back to the tree,
 * with that topic selected in it and its ancestors expanded. */
static void
test_search_keeps_selection (void)
{
  AccordWindow *window = new_window (1280, 800);
  AccordSidebar *sidebar = sidebar_of (window);
  g_autofree char *tree = NULL;

  select_row (window, "impartial-operations");
  type_search (window, "obtaining consent");
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:impartial-operations");
  /* The topic on show is not among the results: nothing is selected. */
  g_assert_null (accord_sidebar_get_selected (sidebar));

  /* Enter in the entry goes to the best result. */
  g_signal_emit_by_name (sidebar_entry (window), "activate");
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:challenges-of-consent");

  g_signal_emit_by_name (sidebar_entry (window), "stop-search");
  accord_test_iterate (400);
  tree = sidebar_rows (window);
  g_assert_nonnull (strstr (tree, "consent-of-the-parties\n  challenges-of-consent\n"));
  g_assert_true (accord_sidebar_get_selected (sidebar) ==
                 accord_pack_lookup_topic (accord_window_get_pack (window), "challenges-of-consent"));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:challenges-of-consent");

  /* A search the shown topic matches keeps it selected among the results;
   * going back through the history selects in the results too. */
  type_search (window, "consent");
  g_assert_true (accord_sidebar_get_selected (sidebar) ==
                 accord_pack_lookup_topic (accord_window_get_pack (window), "challenges-of-consent"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:impartial-operations");
  g_assert_true (accord_sidebar_get_selected (sidebar) ==
                 accord_pack_lookup_topic (accord_window_get_pack (window), "impartial-operations"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The topic of the tree row that has the keyboard focus (its expander or
 * the row), or NULL. */
static const char *
focused_topic (AccordWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *expander = focus == NULL || GTK_IS_TREE_EXPANDER (focus) ? focus : gtk_widget_get_first_child (focus);
  GtkTreeListRow *row;

  if (!GTK_IS_TREE_EXPANDER (expander))
    return NULL;
  row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
  return accord_topic_get_id (ACCORD_TOPIC (gtk_tree_list_row_get_item (row)));
}

/* The window opens with the focus on the topics, where typing searches
 * (the entry's key capture), on the topic on show if there is one; a
 * narrow window's sidebar takes the focus when it is shown. */
static void
test_initial_focus (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *capture = gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (sidebar_entry (window)));
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, capture));
  g_assert_cmpstr (focused_topic (window), ==, "introduction");

  /* Made narrow, the window hides the sidebar and the focus in it; made
   * wide again, the focus is back in the sidebar, and typing searches. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (accord_test_wait_for (!gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))), 5));
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (accord_test_wait_for (gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))), 5));
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (focused_topic (window), ==, "introduction");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Opened on a topic (accord --topic). */
  window = new_window_at ("topic:impartial-operations", 1280, 800);
  g_assert_cmpstr (focused_topic (window), ==, "impartial-operations");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Narrow: the sidebar is hidden, and shown to choose from it. */
  window = new_window (360, 720);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar_of (window))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (focused_topic (window), ==, "introduction");
  /* A topic chosen, the sidebar goes, and the focus with it (not to the
   * paned or the page's title). */
  choose_row (window, "conclusion");
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))));
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The topic tree and the search results are one stop each of the Tab
 * chain: Tab leaves them for the page, Shift+Tab for the search entry. */
static void
test_list_tab_stop (void)
{
  AccordWindow *window = new_window (1280, 800);
  GtkWidget *sidebar = GTK_WIDGET (sidebar_of (window));
  GtkWidget *focus;

  g_assert_cmpstr (focused_topic (window), ==, "introduction");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, page_of (window)));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (focused_topic (window), ==, "introduction");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar_entry (window))));

  /* The same from the results. */
  type_search (window, "consent");
  g_signal_emit_by_name (sidebar_entry (window), "activate");   /* to the best result */
  accord_test_iterate (50);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_false (gtk_widget_is_ancestor (focus, sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses @keyval in the topic tree, which has the focus, as its key
 * controller sees it. */
static void
press_in_tree (AccordWindow *window,
               guint         keyval)
{
  GtkWidget *tree = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_LIST_VIEW);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (tree);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
  accord_test_wait_frames (GTK_WIDGET (window), 1);
}

/* Right and Left in the tree, as in trees elsewhere: Right unfolds a
 * topic, then goes to its first sub-topic; Left goes back to the parent,
 * then folds it. Mirrored right to left. */
static void
test_tree_keys (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *folded = sidebar_rows (window);
  g_autofree char *unfolded = NULL;
  g_autofree char *again = NULL;

  select_row (window, "tools-for-peace");
  gtk_widget_grab_focus (GTK_WIDGET (sidebar_of (window)));
  g_assert_cmpstr (focused_topic (window), ==, "tools-for-peace");

  press_in_tree (window, GDK_KEY_Right);
  unfolded = sidebar_rows (window);
  g_assert_nonnull (strstr (unfolded, "tools-for-peace\n  global-partnership\n  three-principles\n"));
  g_assert_cmpstr (focused_topic (window), ==, "tools-for-peace");

  press_in_tree (window, GDK_KEY_Right);
  g_assert_cmpstr (focused_topic (window), ==, "global-partnership");
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:global-partnership");

  press_in_tree (window, GDK_KEY_Left);
  g_assert_cmpstr (focused_topic (window), ==, "tools-for-peace");
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:tools-for-peace");

  press_in_tree (window, GDK_KEY_Left);
  again = sidebar_rows (window);
  g_assert_cmpstr (again, ==, folded);

  /* Right to left, Left goes in. */
  gtk_widget_set_direction (gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_LIST_VIEW),
                            GTK_TEXT_DIR_RTL);
  press_in_tree (window, GDK_KEY_Left);
  press_in_tree (window, GDK_KEY_Left);
  g_assert_cmpstr (focused_topic (window), ==, "global-partnership");
  press_in_tree (window, GDK_KEY_Right);
  g_assert_cmpstr (focused_topic (window), ==, "tools-for-peace");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing starts a search and the results take the focus from the tree,
 * on a row not selected: Enter on it opens its topic. */
static void
test_result_enter (void)
{
  AccordWindow *window = new_window (1280, 800);
  GListModel *rows;
  GtkWidget *results;

  type_search (window, "consent");
  rows = accord_sidebar_get_rows (sidebar_of (window));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, GTK_INVALID_LIST_POSITION);
  results = accord_test_find (GTK_WIDGET (sidebar_of (window)), has_model, rows);
  g_signal_emit_by_name (results, "activate", 0);   /* what Enter on the first row does */
  accord_test_iterate (50);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:consent-of-the-parties");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @text (ASCII letters) into @window through the X server, as a
 * keyboard does. Returns FALSE where it cannot (no XTest, or not X11). */
static gboolean
type_keys (AccordWindow *window,
           const char   *text)
{
#ifdef ACCORD_TEST_XTEST
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  Display *xdisplay;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xdisplay = gdk_x11_display_get_xdisplay (display);
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  for (const char *c = text; *c != '\0'; c++)
    {
      KeyCode code = XKeysymToKeycode (xdisplay, gdk_unicode_to_keyval ((guchar) *c));

      XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
      XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
    }
  XFlush (xdisplay);
  /* GtkSearchEntry waits a moment before it reports a change. */
  accord_test_iterate (400);
  return TRUE;
#else
  return FALSE;
#endif
}

/* Appends the type of the widget that has the focus, and a "|". */
static void
record_focus (GtkWindow  *window,
              GParamSpec *pspec,
              GString    *moves)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_string_append_printf (moves, "%s|", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "none");
}

/* Typing where nothing takes the keys searches the topics: in a topic's
 * page, and in a narrow window whose sidebar is hidden (which shows it).
 * A new search replaces the last one. */
static void
test_type_to_search (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autoptr(GString) focus_moves = NULL;
  GtkWidget *focus;

  g_assert_true (accord_window_navigate (window, "topic:conclusion"));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  if (!type_keys (window, "cons"))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no XTest to type with");
      return;
    }
  g_assert_cmpstr (gtk_editable_get_text (sidebar_entry (window)), ==, "cons");
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar_entry (window))));
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:conclusion");
  gtk_window_destroy (GTK_WINDOW (window));

  window = new_window (360, 720);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  type_keys (window, "consent");
  choose_row (window, "challenges-of-consent");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))));
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));

  /* The focus goes to the search, and nowhere on the way (a screen reader
   * says each place it goes). */
  focus_moves = g_string_new (NULL);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (record_focus), focus_moves);
  type_keys (window, "dip");
  g_signal_handlers_disconnect_by_func (window, record_focus, focus_moves);
  g_assert_cmpstr (focus_moves->str, ==, "GtkText|");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))));
  g_assert_cmpstr (gtk_editable_get_text (sidebar_entry (window)), ==, "dip");

  /* Ctrl+K too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar_of (window))));
  g_string_truncate (focus_moves, 0);
  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (record_focus), focus_moves);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_signal_handlers_disconnect_by_func (window, record_focus, focus_moves);
  g_assert_cmpstr (focus_moves->str, ==, "GtkText|");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape in the search results, as in the entry, clears the search: the
 * tree is back, with the focus on the result that was chosen. */
static void
test_search_escape (void)
{
  AccordWindow *window = new_window (1280, 800);
  g_autofree char *back = NULL;
  GtkWidget *focus;

  type_search (window, "obtaining consent");
  g_signal_emit_by_name (sidebar_entry (window), "activate");   /* to the best result */
  accord_test_iterate (50);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW));
  g_assert_null (focused_topic (window));   /* a result, not a tree row */
  g_assert_cmpstr (gtk_editable_get_text (sidebar_entry (window)), ==, "obtaining consent");

  /* What Escape is bound to in the sidebar. */
  g_assert_true (gtk_widget_activate_action (focus, "sidebar.clear-search", NULL));
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_editable_get_text (sidebar_entry (window)), ==, "");
  back = sidebar_rows (window);
  g_assert_nonnull (strstr (back, "consent-of-the-parties\n  challenges-of-consent\n"));
  g_assert_cmpstr (focused_topic (window), ==, "challenges-of-consent");
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:challenges-of-consent");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/select-topic", test_select_topic);
  g_test_add_func ("/window/lazy-views", test_lazy_views);
  g_test_add_func ("/window/large-pack-tree", test_large_pack_tree);
  g_test_add_func ("/window/large-search-results", test_large_search_results);
  g_test_add_func ("/window/index-after-first-frame", test_index_after_first_frame);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/search-keeps-selection", test_search_keeps_selection);
  g_test_add_func ("/window/search-escape", test_search_escape);
  g_test_add_func ("/window/history", test_history);
  g_test_add_func ("/window/title", test_title);
  g_test_add_func ("/window/related-link", test_related_link);
  g_test_add_func ("/window/topic-links", test_topic_links);
  g_test_add_func ("/window/links", test_links);
  g_test_add_func ("/window/row-names", test_row_names);
  g_test_add_func ("/window/headings", test_headings);
  g_test_add_func ("/window/invalid-pack-keeps-content", test_invalid_pack_keeps_content);
  g_test_add_func ("/window/open-valid-pack", test_open_valid_pack);
  g_test_add_func ("/window/reload", test_reload);
  g_test_add_func ("/window/link-menu", test_link_menu);
  g_test_add_func ("/window/loading-bar-interval", test_loading_bar_interval);
  g_test_add_func ("/window/find-in-page", test_find_in_page);
  g_test_add_func ("/window/search-highlight", test_search_highlight);
  g_test_add_func ("/window/find-in-table", test_find_in_table);
  g_test_add_func ("/window/zoom", test_zoom);
  g_test_add_func ("/window/first-frame-final", test_first_frame_final);
  g_test_add_func ("/window/follow-focused-link", test_follow_focused_link);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/initial-focus", test_initial_focus);
  g_test_add_func ("/window/list-tab-stop", test_list_tab_stop);
  g_test_add_func ("/window/tree-keys", test_tree_keys);
  g_test_add_func ("/window/result-enter", test_result_enter);
  g_test_add_func ("/window/type-to-search", test_type_to_search);
  g_test_add_func ("/window/right-to-left", test_right_to_left);
  g_test_add_func ("/window/settings-round-trip", test_settings_round_trip);

  return g_test_run ();
}
