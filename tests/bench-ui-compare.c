/* bench-ui-compare.c: the Compare view of a large pack in the real window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ui-compare GENERATOR [ASPECTS [SUBJECTS]]   (needs a display:
 * run it under xvfb-run)
 *
 * Generates a pack of 2,000 aspects × 8 subjects (by default), shows it in
 * the real window (1280×800) and measures, in the Compare view:
 *
 *  - the baseline: the list painted again with nothing to lay out (its
 *    background tinted and untinted), the cost of a frame itself;
 *  - showing the view the first time, on two subjects;
 *  - "Show differences only", on and off in turn: until the rows' filter
 *    has settled, and until the next frame is painted;
 *  - other subjects chosen (what a drop-down does): until painted;
 *  - scrolling: steps of 60 px down and up again, each to its frame, with
 *    the row widgets the list holds.
 *
 * Prints p50/p95, the ratio of each p95 to a 60 Hz frame and of the painted
 * times to the baseline frame's, with the main thread's CPU time for each.
 * Nothing is asserted: this prints figures.
 */

#include "config.h"

#include "accord-bench-ui.h"
#include "accord-compare-view.h"
#include "accord-table.h"
#include "accord-test-util.h"
#include "accord-window.h"

/* The rows the list has made, shown or not, and those on screen. */
static void
count_rows (GtkWidget *table,
            guint     *n_rows,
            guint     *n_visible)
{
  *n_rows = *n_visible = 0;
  for (GtkWidget *list = gtk_widget_get_first_child (table); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (list), "listview") != 0 || !gtk_widget_get_visible (list))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          graphene_rect_t bounds;

          (*n_rows)++;
          if (gtk_widget_get_mapped (row) && gtk_widget_compute_bounds (row, list, &bounds) &&
              bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (list))
            (*n_visible)++;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *aspects = argc > 2 ? argv[2] : "2000";
  const char *subjects = argc > 3 ? argv[3] : "8";
  const char *choices[] = { "compare:subject-3,subject-4", "compare:subject-1,subject-2",
                            "compare:subject-5,subject-6,subject-7", "compare:subject-1,subject-2" };
  g_autoptr(AccordPack) pack = NULL;
  AccordWindow *window;
  AccordCompareView *view;
  GtkWidget *list;
  GtkAdjustment *vadj;
  GtkFilterListModel *rows;
  AccordBenchFrame f = { 0 };
  AccordBenchSamples base_painted = { 0 }, base_cpu = { 0 };
  AccordBenchSamples toggle_settled = { 0 }, toggle_painted = { 0 }, toggle_cpu = { 0 };
  AccordBenchSamples choose_painted = { 0 }, choose_cpu = { 0 };
  AccordBenchSamples scroll_frame = { 0 }, scroll_cpu = { 0 };
  guint n_rows, n_visible, max_rows = 0;
  gint64 t0, c0;

  if (argc < 2)
    {
      g_printerr ("usage: %s GENERATOR [ASPECTS [SUBJECTS]]\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui-compare: no display (run it under xvfb-run)\n");
      return 77;
    }

  window = accord_bench_show_generated (argv[1], aspects, subjects, &pack);
  accord_test_iterate (500);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (accord_bench_on_after_paint), &f);

  /* Shown the first time. */
  t0 = g_get_monotonic_time ();
  c0 = accord_bench_thread_cpu_us ();
  g_assert_true (accord_window_navigate (window, "compare:subject-1,subject-2"));
  accord_bench_wait_paint (GTK_WIDGET (window), &f);
  g_print ("compare shown: %.1f ms (CPU %.1f ms)\n", (f.painted - t0) / 1000.0, (f.painted_cpu - c0) / 1000.0);
  accord_test_iterate (500);

  view = accord_window_get_compare_view (window);
  list = accord_test_find_by_type (GTK_WIDGET (view), ACCORD_TYPE_TABLE);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  rows = GTK_FILTER_LIST_MODEL (accord_compare_view_get_rows (view));

  accord_bench_measure_baseline (list, &f, &base_painted, &base_cpu);

  /* "Show differences only", on and off. */
  for (guint i = 0; i < 12; i++)
    {
      t0 = g_get_monotonic_time ();
      c0 = accord_bench_thread_cpu_us ();
      accord_compare_view_set_differences_only (view, i % 2 == 0);
      while (gtk_filter_list_model_get_pending (rows) > 0)
        g_main_context_iteration (NULL, TRUE);
      accord_bench_add (&toggle_settled, (g_get_monotonic_time () - t0) / 1000.0);
      accord_bench_wait_paint (GTK_WIDGET (window), &f);
      accord_bench_add (&toggle_painted, (f.painted - t0) / 1000.0);
      accord_bench_add (&toggle_cpu, (f.painted_cpu - c0) / 1000.0);
      accord_test_iterate (30);
    }

  /* Other subjects, as the drop-downs choose them. */
  for (guint i = 0; i < 2 * G_N_ELEMENTS (choices); i++)
    {
      t0 = g_get_monotonic_time ();
      c0 = accord_bench_thread_cpu_us ();
      g_assert_true (accord_window_navigate (window, choices[i % G_N_ELEMENTS (choices)]));
      accord_bench_wait_paint (GTK_WIDGET (window), &f);
      accord_bench_add (&choose_painted, (f.painted - t0) / 1000.0);
      accord_bench_add (&choose_cpu, (f.painted_cpu - c0) / 1000.0);
      accord_test_iterate (30);
    }

  /* Scrolling: a step a frame, down 150 steps and up again. */
  for (guint i = 0; i < 300; i++)
    {
      t0 = g_get_monotonic_time ();
      c0 = accord_bench_thread_cpu_us ();
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + (i < 150 ? 60 : -60));
      accord_bench_wait_paint (GTK_WIDGET (window), &f);
      accord_bench_add (&scroll_frame, (f.painted - t0) / 1000.0);
      accord_bench_add (&scroll_cpu, (f.painted_cpu - c0) / 1000.0);
      count_rows (list, &n_rows, &n_visible);
      max_rows = MAX (max_rows, n_rows);
    }
  count_rows (list, &n_rows, &n_visible);
  g_print ("rows: %u in the list; %u row widgets (%u on screen), %u at most while scrolling\n",
           g_list_model_get_n_items (G_LIST_MODEL (rows)), n_rows, n_visible, max_rows);

  accord_bench_report ("baseline: the list repainted, nothing laid out", &base_painted);
  accord_bench_report ("baseline: a frame, CPU of the main thread", &base_cpu);
  accord_bench_report ("differences only: filter settled", &toggle_settled);
  accord_bench_report ("differences only: next frame painted", &toggle_painted);
  accord_bench_report ("differences only: to painted, CPU", &toggle_cpu);
  accord_bench_report ("other subjects: next frame painted", &choose_painted);
  accord_bench_report ("other subjects: to painted, CPU", &choose_cpu);
  accord_bench_report ("scroll: frame (step to painted)", &scroll_frame);
  accord_bench_report ("scroll: frame, CPU of the main thread", &scroll_cpu);
  accord_bench_report_ratio ("differences only: next frame painted", &toggle_painted, &base_painted);
  accord_bench_report_ratio ("other subjects: next frame painted", &choose_painted, &base_painted);
  accord_bench_report_ratio ("scroll: frame", &scroll_frame, &base_painted);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
