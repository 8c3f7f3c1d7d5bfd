/* test-ui-print.c: Print… and Export PDF… from the real window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary follows what the window shows, and GtkPrintOperation draws
 * the same pages as the PDF export (they share one renderer): the print
 * operation is run in its export mode, without a dialog, and both files
 * are read back with pdftotext.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord-export.h"
#include "accord-print.h"
#include "accord-table-view.h"
#include "accord-test-util.h"
#include "accord-window.h"

static AccordWindow *
new_window (void)
{
  AccordWindow *window = accord_window_new (NULL);
  g_autoptr(AccordPack) pack = accord_test_load_builtin ();

  accord_window_set_pack (window, pack);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (100);

  return window;
}

/* The text of a PDF, as pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_summary_follows_location (void)
{
  AccordWindow *window = new_window ();
  struct {
    const char *location;
    AccordSummaryParts parts;
  } cases[] = {
    { "home", ACCORD_SUMMARY_ALL_PARTS },
    { "topic:three-principles", ACCORD_SUMMARY_TOPICS },
    { "table", ACCORD_SUMMARY_TABLE },
    { "aspect:consent", ACCORD_SUMMARY_TABLE },
    { "compare:diplomacy,peacekeeping", ACCORD_SUMMARY_COMPARISON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordSummary) summary = NULL;

      g_assert_true (accord_window_navigate (window, cases[i].location));
      summary = accord_window_create_summary (window);
      g_assert_cmpint (accord_summary_get_parts (summary), ==, cases[i].parts);

      if (g_str_has_prefix (cases[i].location, "topic:"))
        {
          GListModel *topics = accord_summary_get_topics (summary);
          g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, 0);

          g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 1);
          g_assert_cmpstr (accord_topic_get_id (topic), ==, "three-principles");
          g_assert_true (accord_summary_get_with_subtopics (summary));
        }
      else if (g_str_has_prefix (cases[i].location, "compare:"))
        {
          GListModel *subjects = accord_summary_get_subjects (summary);
          g_autoptr(AccordSubject) first = g_list_model_get_item (subjects, 0);

          /* In the order the window shows them. */
          g_assert_cmpuint (g_list_model_get_n_items (subjects), ==, 2);
          g_assert_cmpstr (accord_subject_get_id (first), ==, "diplomacy");
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The print operation, exported without a dialog, gives the same pages and
 * text as `Export PDF…`. */
static void
test_print_matches_export (void)
{
  AccordWindow *window = new_window ();
  g_autoptr(AccordSummary) summary = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  GtkPrintOperationResult result;
  guint n_pages;

  g_assert_true (accord_window_navigate (window, "compare:peacekeeping,diplomacy"));
  summary = accord_window_create_summary (window);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  operation = accord_print_operation_new (summary);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  n_pages = accord_summary_get_n_pages (summary);
  g_assert_cmpuint (n_pages, >=, 2);

  g_assert_true (accord_export_pdf (summary, exported, ACCORD_SUMMARY_A4_WIDTH, ACCORD_SUMMARY_A4_HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (accord_summary_get_n_pages (summary), ==, n_pages);

  printed_text = pdf_text (printed);
  exported_text = pdf_text (exported);
  g_assert_nonnull (strstr (printed_text, "Common ground"));
  g_assert_nonnull (strstr (printed_text, "Only Peacekeeping"));
  g_assert_cmpstr (printed_text, ==, exported_text);

  g_unlink (printed);
  g_unlink (exported);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The print dialog's Summary tab: the parts and the table's groups. */
static void
test_summary_tab (void)
{
  AccordWindow *window = new_window ();
  g_autoptr(AccordSummary) summary = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GObject) tab = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  GString *labels = g_string_new (NULL);
  g_autofree char *all_labels = NULL;
  const char * const *groups;

  g_assert_true (accord_window_navigate (window, "table"));
  summary = accord_window_create_summary (window);
  operation = accord_print_operation_new (summary);

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);   /* the dialog would take it */
  checks = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tab)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child))
      g_ptr_array_add (checks, child);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      g_string_append_printf (labels, "%s%s|", gtk_check_button_get_label (check),
                              gtk_check_button_get_active (check) ? "+" : "");
    }
  all_labels = g_string_free (labels, FALSE);
  /* What the window shows is checked; the groups follow the table. */
  g_assert_cmpstr (all_labels, ==, "C_haracteristics table+|Overview+|Principles+|In practice+|"
                                   "C_omparison|_Topics|_With their sub-topics+|_Sources|");

  /* Leave out the principles, add the sources. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), FALSE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 7), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_assert_cmpint (accord_summary_get_parts (summary), ==, ACCORD_SUMMARY_TABLE | ACCORD_SUMMARY_SOURCES);
  groups = accord_summary_get_groups (summary);
  g_assert_nonnull (groups);
  g_assert_cmpuint (g_strv_length ((char **) groups), ==, 2);
  g_assert_true (g_strv_contains (groups, "Overview"));
  g_assert_true (g_strv_contains (groups, "In practice"));

  gtk_print_operation_set_export_filename (operation, printed);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "Purpose"));        /* Overview */
  g_assert_nonnull (strstr (text, "Activities"));     /* In practice */
  g_assert_null (strstr (text, "Impartiality"));      /* Principles */
  g_assert_nonnull (strstr (text, "https://peacekeeping.un.org"));

  g_unlink (printed);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text of @summary exported as a PDF. */
static char *
summary_text (AccordSummary *summary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("accord-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "table.pdf", NULL);
  char *text;

  g_assert_true (accord_export_pdf (summary, path, ACCORD_SUMMARY_A4_WIDTH, ACCORD_SUMMARY_A4_HEIGHT, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

/* The table prints in the order the window's is sorted: grouped, with a
 * row above each group; by name, each aspect's group under its name. */
static void
test_table_order (void)
{
  AccordWindow *window = new_window ();
  AccordTableView *view;
  g_autoptr(AccordSummary) by_group = NULL;
  g_autoptr(AccordSummary) by_name = NULL;
  g_autoptr(AccordAspect) first = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *named = NULL;

  g_assert_true (accord_window_navigate (window, "table"));
  view = accord_window_get_table_view (window);

  gtk_widget_activate_action (GTK_WIDGET (view), "table.sort", "s", "group-descending");
  by_group = accord_window_create_summary (window);
  first = g_list_model_get_item (accord_summary_get_aspects (by_group), 0);
  g_assert_cmpstr (accord_aspect_get_group (first), ==, "Principles");
  grouped = summary_text (by_group);
  g_assert_nonnull (strstr (grouped, "PRINCIPLES"));
  g_assert_true (strstr (grouped, "PRINCIPLES") < strstr (grouped, "OVERVIEW"));
  g_assert_true (strstr (grouped, "OVERVIEW") < strstr (grouped, "IN PRACTICE"));

  gtk_widget_activate_action (GTK_WIDGET (view), "table.sort", "s", "aspect-descending");
  by_name = accord_window_create_summary (window);
  named = summary_text (by_name);
  /* (The pack's order has them the other way round.) */
  g_assert_nonnull (strstr (named, "Nature"));
  g_assert_true (strstr (named, "Use of force") < strstr (named, "Scope"));
  g_assert_true (strstr (named, "Scope") < strstr (named, "Purpose"));
  g_assert_true (strstr (named, "Purpose") < strstr (named, "Nature"));
  /* No group rows, the groups under the names. */
  g_assert_null (strstr (named, "PRINCIPLES"));
  g_assert_nonnull (strstr (named, "Principles"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/summary-follows-location", test_summary_follows_location);
  g_test_add_func ("/print/print-matches-export", test_print_matches_export);
  g_test_add_func ("/print/summary-tab", test_summary_tab);
  g_test_add_func ("/print/table-order", test_table_order);

  return g_test_run ();
}
