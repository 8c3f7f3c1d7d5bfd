/* test-ui-compare-view.c: the Compare view, driven through its real widgets
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test shows an AccordCompareView in a window, clicks its buttons and
 * drop-downs, and reads back what a person would see.
 */

#include "config.h"

#include <string.h>

#include "accord-compare-view.h"
#include "accord-table.h"
#include "accord-test-util.h"

/* No comparison: the texts decide. With pk and dip: nature is common (equal
 * once case and spaces are folded), purpose differs, consent is only pk's
 * and scope is nobody's. Pack text that looks like markup must stay text. */
static const char *small_pack =
  "{\n"
  "  \"format\": \"accord-pack\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"small\",\n"
  "  \"title\": \"Small\",\n"
  "  \"subjects\": [\n"
  "    { \"id\": \"pk\", \"name\": \"Peacekeeping\" },\n"
  "    { \"id\": \"dip\", \"name\": \"Diplomacy\" },\n"
  "    { \"id\": \"med\", \"name\": \"Mediation\" }\n"
  "  ],\n"
  "  \"aspects\": [\n"
  "    { \"id\": \"nature\", \"name\": \"Nature\" },\n"
  "    { \"id\": \"purpose\", \"name\": \"Purpose\" },\n"
  "    { \"id\": \"consent\", \"name\": \"Consent\" },\n"
  "    { \"id\": \"scope\", \"name\": \"Scope <i>&amp;</i>\" }\n"
  "  ],\n"
  "  \"characteristics\": [\n"
  "    { \"subject\": \"pk\", \"aspect\": \"nature\", \"text\": \"A tool for peace\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"nature\", \"text\": \"a tool  for PEACE\" },\n"
  "    { \"subject\": \"med\", \"aspect\": \"nature\", \"text\": \"Talks between parties\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"purpose\", \"text\": \"<b>bold</b> &amp;\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"purpose\", \"text\": \"Talks\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"consent\", \"text\": \"Needed\" }\n"
  "  ]\n"
  "}\n";

static const char *single_pack =
  "{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"single\", \"title\": \"Single\",\n"
  "  \"subjects\": [ { \"id\": \"pk\", \"name\": \"Peacekeeping\" } ],\n"
  "  \"aspects\": [ { \"id\": \"nature\", \"name\": \"Nature\" } ],\n"
  "  \"characteristics\": [ { \"subject\": \"pk\", \"aspect\": \"nature\", \"text\": \"A tool\" } ] }\n";

static AccordPack *
load_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  pack = accord_pack_load_bytes (bytes, "test.json", NULL, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

typedef struct
{
  GtkWindow *window;
  AccordCompareView *view;
  guint location_notifies;
  char *navigated;
} Fixture;

static void
on_location_notify (AccordCompareView *view,
                    GParamSpec        *pspec,
                    Fixture           *fixture)
{
  fixture->location_notifies++;
}

static void
on_navigate (AccordCompareView *view,
             const char        *location,
             Fixture           *fixture)
{
  g_free (fixture->navigated);
  fixture->navigated = g_strdup (location);
}

/* Tall enough that every row of these packs has its widgets. */
static void
fixture_show (Fixture    *fixture,
              AccordPack *pack)
{
  fixture->view = g_object_new (ACCORD_TYPE_COMPARE_VIEW, "pack", pack, NULL);
  g_signal_connect (fixture->view, "notify::location", G_CALLBACK (on_location_notify), fixture);
  g_signal_connect (fixture->view, "navigate", G_CALLBACK (on_navigate), fixture);
  fixture->window = accord_test_show (GTK_WIDGET (fixture->view), 1000, 2400);
}

static void
fixture_setup_builtin (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AccordPack) pack = accord_test_load_builtin ();

  fixture_show (fixture, pack);
}

static void
fixture_setup_small (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AccordPack) pack = load_string (small_pack);

  fixture_show (fixture, pack);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_free (fixture->navigated);
  accord_test_iterate (10);
}

static char *
subjects_string (AccordCompareView *view)
{
  g_auto(GStrv) ids = accord_compare_view_get_subjects (view);

  return g_strjoinv (" ", ids);
}

#define assert_subjects(view, expected) G_STMT_START { \
  g_autofree char *subjects__ = subjects_string (view); \
  g_assert_cmpstr (subjects__, ==, expected); \
} G_STMT_END

static char *
visible_text (Fixture *fixture)
{
  accord_test_iterate (50);
  return accord_test_visible_text (GTK_WIDGET (fixture->view));
}

/* How many lines of @text are exactly @line. */
static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strcmp0 (lines[i], line) == 0)
      n++;

  return n;
}

static guint
count_marks (GListModel *rows,
             AccordMark  mark)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);

      if (accord_compare_row_get_mark (row) == mark)
        n++;
    }

  return n;
}

static gboolean
is_shown_button_labelled (GtkWidget     *widget,
                          gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) && accord_test_is_button_labelled (widget, text);
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *text)
{
  return accord_test_find (widget, is_shown_button_labelled, text);
}

static void
collect_with_tooltip (GtkWidget  *widget,
                      GType       type,
                      const char *tooltip,
                      GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_tooltip (child, type, tooltip, found);
}

/* The mapped widgets of @type under the view, in widget order. */
static GPtrArray *
find_all (Fixture    *fixture,
          GType       type,
          const char *tooltip)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_with_tooltip (GTK_WIDGET (fixture->view), type, tooltip, found);
  return found;
}

static GtkWidget *
find_one (Fixture    *fixture,
          GType       type,
          const char *tooltip)
{
  g_autoptr(GPtrArray) found = find_all (fixture, type, tooltip);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  accord_test_iterate (50);
}

/* The visible text of the list row whose first line is @aspect_name. */
static char *
row_text (Fixture    *fixture,
          const char *aspect_name)
{
  g_autofree char *prefix = g_strconcat (aspect_name, "\n", NULL);
  GtkWidget *list;

  accord_test_iterate (50);
  /* The rows the list shows. */
  list = find_one (fixture, ACCORD_TYPE_TABLE, NULL);
  for (GtkWidget *lines = gtk_widget_get_first_child (list); lines != NULL;
       lines = gtk_widget_get_next_sibling (lines))
    for (GtkWidget *child = gtk_widget_get_first_child (lines); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        g_autofree char *text = accord_test_visible_text (child);

        if (gtk_widget_get_mapped (child) && g_str_has_prefix (text, prefix))
          return g_steal_pointer (&text);
      }

  return NULL;
}

static const char *
drop_down_name (GtkWidget *drop_down)
{
  AccordSubject *subject = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));

  g_assert_nonnull (subject);
  return accord_subject_get_name (subject);
}

/* The focus goes to a toggle button inside a drop-down: it must be named. */
static void
assert_drop_down_button (GtkWidget  *drop_down,
                         const char *name,
                         const char *subject)
{
  GtkWidget *button = gtk_widget_get_first_child (drop_down);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_true (gtk_widget_get_focusable (button));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subject);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = visible_text (fixture);
  g_autoptr(GPtrArray) drop_downs = find_all (fixture, GTK_TYPE_DROP_DOWN, NULL);
  g_autofree char *location = NULL;

  assert_subjects (fixture->view, "peacekeeping diplomacy");
  g_object_get (fixture->view, "location", &location, NULL);
  g_assert_cmpstr (location, ==, "compare:peacekeeping,diplomacy");

  g_assert_nonnull (strstr (text, "Common ground\n"));
  g_assert_nonnull (strstr (text, "Differs\n"));
  g_assert_nonnull (strstr (text, "Only Peacekeeping\n"));
  /* The pack's common points and its difference text for an aspect */
  g_assert_nonnull (strstr (text, "Both are tools to maintain international peace and security.\n"));
  g_assert_nonnull (strstr (text, "Peacekeeping is a United Nations tool for maintaining "
                                  "international peace and security; diplomacy is a tool a "
                                  "country uses to protect itself and its citizens.\n"));

  /* One drop-down per subject, showing it; both subjects are shown, so
   * there is nothing to add. */
  g_assert_cmpuint (drop_downs->len, ==, 2);
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 0)), ==, "Peacekeeping");
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 1)), ==, "Diplomacy");
  gtk_test_accessible_assert_property (g_ptr_array_index (drop_downs, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "First subject");
  gtk_test_accessible_assert_property (g_ptr_array_index (drop_downs, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Second subject");
  /* The button in each that takes the focus says so too, and which subject
   * it shows. */
  assert_drop_down_button (g_ptr_array_index (drop_downs, 0), "First subject", "Peacekeeping");
  assert_drop_down_button (g_ptr_array_index (drop_downs, 1), "Second subject", "Diplomacy");
  gtk_test_accessible_assert_property (find_one (fixture, GTK_TYPE_BUTTON, "Swap"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Swap the first two subjects");
  gtk_test_accessible_assert_property (find_one (fixture, GTK_TYPE_CHECK_BUTTON, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Show differences only");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (drop_downs, 1)), ==, "Diplomacy");
  g_assert_false (gtk_widget_is_sensitive (find_one (fixture, GTK_TYPE_BUTTON, "Add a column for another subject")));

  /* One row per aspect, in pack order */
  g_assert_cmpuint (g_list_model_get_n_items (accord_compare_view_get_rows (fixture->view)), ==, 11);
}

static void
test_consent_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *consent = row_text (fixture, "Consent");
  g_autofree char *nature = row_text (fixture, "Nature");

  g_assert_nonnull (consent);
  g_test_message ("%s", consent);
  /* Aspect, mark, peacekeeping's text, then diplomacy's column */
  g_assert_true (g_str_has_prefix (consent, "Consent\nOnly Peacekeeping\n"));
  g_assert_true (g_str_has_suffix (consent, "\nNot covered\n"));
  g_assert_cmpuint (count_lines (consent, "Not covered"), ==, 1);

  g_assert_nonnull (nature);
  g_assert_true (g_str_has_prefix (nature, "Nature\nDiffers\nA tool for maintaining international peace and security.\n"));
  g_assert_null (strstr (nature, "Not covered"));
}

static void
test_differences_only_builtin (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *check = find_one (fixture, GTK_TYPE_CHECK_BUTTON, NULL);
  GListModel *rows = accord_compare_view_get_rows (fixture->view);
  AccordTable *list = ACCORD_TABLE (find_one (fixture, ACCORD_TYPE_TABLE, NULL));
  GListModel *items = G_LIST_MODEL (accord_table_get_model (list));
  g_autoptr(GObject) common = g_list_model_get_item (items, 0);
  g_autoptr(GObject) common_again = NULL;
  g_autofree char *before = visible_text (fixture);
  g_autofree char *after = NULL;

  /* Only the heading of the common points says "Common ground" here: every
   * aspect that both cover differs. */
  g_assert_cmpuint (count_lines (before, "Common ground"), ==, 1);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (common), ==, "AccordCompareSection");

  g_assert_true (gtk_widget_activate (check));
  accord_test_iterate (50);
  g_assert_true (accord_compare_view_get_differences_only (fixture->view));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  after = visible_text (fixture);
  g_assert_cmpuint (count_lines (after, "Common ground"), ==, 0);
  g_assert_cmpuint (count_marks (rows, ACCORD_MARK_COMMON), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 11);
  g_assert_nonnull (strstr (after, "Only Peacekeeping\n"));

  /* And back: the common points are the same section as before, not a new
   * one, so the table knows its height (it remembers its items') and the
   * toggle does not measure it again. */
  accord_compare_view_set_differences_only (fixture->view, FALSE);
  common_again = g_list_model_get_item (items, 0);
  g_assert_true (common_again == common);
}

static void
test_differences_only (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *check = find_one (fixture, GTK_TYPE_CHECK_BUTTON, NULL);
  GListModel *rows = accord_compare_view_get_rows (fixture->view);
  g_autofree char *before = visible_text (fixture);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;

  /* nature:common purpose:differs consent:only(pk) scope:none */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpuint (count_marks (rows, ACCORD_MARK_COMMON), ==, 1);
  g_assert_cmpuint (count_lines (before, "Common ground"), ==, 1);
  g_assert_nonnull (strstr (before, "Nature\n"));

  g_assert_true (gtk_widget_activate (check));
  g_assert_true (accord_compare_view_get_differences_only (fixture->view));

  after = visible_text (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (count_marks (rows, ACCORD_MARK_COMMON), ==, 0);
  g_assert_cmpuint (count_marks (rows, ACCORD_MARK_NONE), ==, 0);
  g_assert_cmpuint (count_lines (after, "Common ground"), ==, 0);
  g_assert_null (strstr (after, "Nature\n"));
  g_assert_null (strstr (after, "Scope"));
  g_assert_nonnull (strstr (after, "Purpose\nDiffers\n"));
  g_assert_nonnull (strstr (after, "Consent\nOnly Peacekeeping\n"));

  /* And back, through the property this time */
  accord_compare_view_set_differences_only (fixture->view, FALSE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  again = visible_text (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  g_assert_cmpuint (count_lines (again, "Common ground"), ==, 1);
}

static void
test_swap (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) drop_downs = NULL;
  g_autofree char *consent = NULL;
  const char *location;

  fixture->location_notifies = 0;
  click (find_one (fixture, GTK_TYPE_BUTTON, "Swap"));

  assert_subjects (fixture->view, "diplomacy peacekeeping");
  location = accord_compare_view_get_location (fixture->view);
  g_assert_cmpstr (location, ==, "compare:diplomacy,peacekeeping");
  g_assert_cmpuint (fixture->location_notifies, ==, 1);

  drop_downs = find_all (fixture, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 0)), ==, "Diplomacy");
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 1)), ==, "Peacekeeping");
  assert_drop_down_button (g_ptr_array_index (drop_downs, 0), "First subject", "Diplomacy");
  assert_drop_down_button (g_ptr_array_index (drop_downs, 1), "Second subject", "Peacekeeping");

  /* The columns follow: diplomacy's "Not covered" now comes first. */
  consent = row_text (fixture, "Consent");
  g_assert_nonnull (consent);
  g_assert_true (g_str_has_prefix (consent, "Consent\nOnly Peacekeeping\nNot covered\n"));

  /* Swapping back */
  click (find_one (fixture, GTK_TYPE_BUTTON, "Swap"));
  assert_subjects (fixture->view, "peacekeeping diplomacy");
  g_assert_cmpuint (fixture->location_notifies, ==, 2);
}

static void
test_drop_down (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) drop_downs = find_all (fixture, GTK_TYPE_DROP_DOWN, NULL);

  /* Picking the subject the other column shows swaps the two. */
  gtk_drop_down_set_selected (g_ptr_array_index (drop_downs, 0), 1);
  accord_test_iterate (50);
  assert_subjects (fixture->view, "diplomacy peacekeeping");
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 1)), ==, "Peacekeeping");
  assert_drop_down_button (g_ptr_array_index (drop_downs, 0), "First subject", "Diplomacy");
  g_assert_cmpstr (accord_compare_view_get_location (fixture->view), ==, "compare:diplomacy,peacekeeping");
}

static void
test_set_subjects (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *unknown[] = { "diplomacy", "no-such-subject", "peacekeeping", NULL };
  const char *only_unknown[] = { "no-such-subject", NULL };
  const char *same[] = { "peacekeeping", "diplomacy", NULL };

  fixture->location_notifies = 0;
  accord_compare_view_set_subjects (fixture->view, unknown);
  assert_subjects (fixture->view, "diplomacy peacekeeping");
  g_assert_cmpstr (accord_compare_view_get_location (fixture->view), ==, "compare:diplomacy,peacekeeping");
  g_assert_cmpuint (fixture->location_notifies, ==, 1);

  /* Fewer than two known: the pack's first subjects fill up. */
  accord_compare_view_set_subjects (fixture->view, only_unknown);
  assert_subjects (fixture->view, "peacekeeping diplomacy");
  g_assert_cmpuint (fixture->location_notifies, ==, 2);

  /* No change, no notification */
  accord_compare_view_set_subjects (fixture->view, same);
  g_assert_cmpuint (fixture->location_notifies, ==, 2);
}

static void
test_navigate (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *link = find_button_with_label (GTK_WIDGET (fixture->view), "Nature");

  g_assert_nonnull (link);
  g_assert_true (gtk_widget_has_css_class (link, "link"));
  click (link);
  g_assert_cmpstr (fixture->navigated, ==, "aspect:nature");

  click (find_button_with_label (GTK_WIDGET (fixture->view), "Consent"));
  g_assert_cmpstr (fixture->navigated, ==, "aspect:consent");

  /* From the keyboard: a row is the stop (its link is not), the arrows
   * move between rows and Enter opens the row's aspect; on a section,
   * Enter does nothing. */
  {
    AccordTable *list = ACCORD_TABLE (find_one (fixture, ACCORD_TYPE_TABLE, NULL));
    GtkWidget *focus;

    g_assert_false (gtk_widget_get_focusable (link));
    g_free (fixture->navigated);
    fixture->navigated = NULL;
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
    focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));
    g_assert_true (gtk_widget_activate_action (focus, "grid.activate-cursor", NULL));
    g_assert_null (fixture->navigated);  /* Common ground, a section */
    for (guint i = 0; i < 3 && fixture->navigated == NULL; i++)
      {
        g_assert_true (gtk_widget_activate_action (focus, "grid.move-cursor", "s", "down"));
        accord_test_iterate (50);
        focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));
        g_assert_true (gtk_widget_activate_action (focus, "grid.activate-cursor", NULL));
      }
    g_assert_cmpstr (fixture->navigated, ==, "aspect:nature");
    /* Named after its aspect, for a screen reader. */
    g_assert_nonnull (gtk_widget_get_ancestor (focus, ACCORD_TYPE_TABLE));
  }
}

static void
test_markup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = visible_text (fixture);
  g_autofree char *purpose = row_text (fixture, "Purpose");

  g_assert_nonnull (strstr (text, "<b>bold</b> &amp;\n"));
  g_assert_nonnull (strstr (text, "Scope <i>&amp;</i>\n"));
  g_assert_nonnull (purpose);
  g_assert_cmpstr (purpose, ==, "Purpose\nDiffers\n<b>bold</b> &amp;\nTalks\n");
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *add = find_one (fixture, GTK_TYPE_BUTTON, "Add a column for another subject");
  g_autoptr(GPtrArray) drop_downs = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *text = NULL;

  g_autoptr(GPtrArray) removes = find_all (fixture, GTK_TYPE_BUTTON, "Remove Subject");

  g_assert_cmpuint (removes->len, ==, 0);

  click (add);
  assert_subjects (fixture->view, "pk dip med");
  g_assert_cmpstr (accord_compare_view_get_location (fixture->view), ==, "compare:pk,dip,med");
  g_assert_false (gtk_widget_is_sensitive (add));

  drop_downs = find_all (fixture, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_cmpuint (drop_downs->len, ==, 3);
  g_assert_cmpstr (drop_down_name (g_ptr_array_index (drop_downs, 2)), ==, "Mediation");
  gtk_test_accessible_assert_property (g_ptr_array_index (drop_downs, 2), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Third subject");
  gtk_test_accessible_assert_property (find_one (fixture, GTK_TYPE_BUTTON, "Remove Subject"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove subject 3");

  /* Three columns now; nature no longer agrees, consent is still pk's only */
  text = visible_text (fixture);
  g_assert_cmpuint (count_lines (text, "Common ground"), ==, 0);
  consent = row_text (fixture, "Consent");
  g_assert_cmpstr (consent, ==, "Consent\nOnly Peacekeeping\nNeeded\nNot covered\nNot covered\n");

  click (find_one (fixture, GTK_TYPE_BUTTON, "Remove Subject"));
  assert_subjects (fixture->view, "pk dip");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_ptr_array_unref (removes);
  removes = find_all (fixture, GTK_TYPE_BUTTON, "Remove Subject");
  g_assert_cmpuint (removes->len, ==, 0);
  drop_downs = (g_ptr_array_unref (drop_downs), find_all (fixture, GTK_TYPE_DROP_DOWN, NULL));
  g_assert_cmpuint (drop_downs->len, ==, 2);
}

static void
test_only_two (Fixture       *fixture,
               gconstpointer  data)
{
  const char *ids[] = { "med", "dip", "pk", NULL };
  g_autofree char *mark = NULL;

  /* A mark that names two of three subjects */
  accord_compare_view_set_subjects (fixture->view, ids);
  mark = row_text (fixture, "Purpose");
  g_assert_cmpstr (mark, ==, "Purpose\nOnly Diplomacy and Peacekeeping\nNot covered\nTalks\n<b>bold</b> &amp;\n");
}

static void
test_single_subject (void)
{
  g_autoptr(AccordPack) pack = load_string (single_pack);
  Fixture fixture = { 0, };
  g_autofree char *text = NULL;

  fixture_show (&fixture, pack);
  text = visible_text (&fixture);
  g_assert_nonnull (strstr (text, "This pack has only one subject: there is nothing to compare\n"));
  g_assert_null (strstr (text, "Nature"));
  assert_subjects (fixture.view, "pk");

  /* Without a pack, then with a bigger one: nothing breaks. */
  accord_compare_view_set_pack (fixture.view, NULL);
  g_assert_null (accord_compare_view_get_pack (fixture.view));
  {
    g_autoptr(AccordPack) builtin = accord_test_load_builtin ();
    g_autofree char *after = NULL;

    accord_compare_view_set_pack (fixture.view, builtin);
    assert_subjects (fixture.view, "peacekeeping diplomacy");
    after = visible_text (&fixture);
    g_assert_nonnull (strstr (after, "Common ground\n"));
    g_assert_nonnull (strstr (after, "Nature\n"));
    g_assert_cmpuint (g_list_model_get_n_items (accord_compare_view_get_rows (fixture.view)), ==, 11);
  }

  fixture_teardown (&fixture, NULL);
}

static void
test_subjects_before_pack (void)
{
  g_autoptr(AccordPack) pack = accord_test_load_builtin ();
  const char *ids[] = { "diplomacy", "peacekeeping", NULL };
  AccordCompareView *view = g_object_ref_sink (g_object_new (ACCORD_TYPE_COMPARE_VIEW, NULL));

  accord_compare_view_set_subjects (view, ids);
  g_assert_cmpstr (accord_compare_view_get_location (view), ==, "compare:diplomacy,peacekeeping");
  accord_compare_view_set_pack (view, pack);
  assert_subjects (view, "diplomacy peacekeeping");
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add ("/compare-view/" path, Fixture, NULL, setup, func, fixture_teardown)

  ADD ("defaults", fixture_setup_builtin, test_defaults);
  ADD ("consent-row", fixture_setup_builtin, test_consent_row);
  ADD ("differences-only-builtin", fixture_setup_builtin, test_differences_only_builtin);
  ADD ("differences-only", fixture_setup_small, test_differences_only);
  ADD ("swap", fixture_setup_builtin, test_swap);
  ADD ("drop-down", fixture_setup_builtin, test_drop_down);
  ADD ("set-subjects", fixture_setup_builtin, test_set_subjects);
  ADD ("navigate", fixture_setup_builtin, test_navigate);
  ADD ("markup", fixture_setup_small, test_markup);
  ADD ("add-remove", fixture_setup_small, test_add_remove);
  ADD ("only-two", fixture_setup_small, test_only_two);
  g_test_add_func ("/compare-view/single-subject", test_single_subject);
  g_test_add_func ("/compare-view/subjects-before-pack", test_subjects_before_pack);

  return g_test_run ();
}
