/* bench-ui-table.c: sorting, filtering and scrolling a large
 * Characteristics table in the real window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ui-table GENERATOR [ASPECTS [SUBJECTS]]   (needs a display:
 * run it under xvfb-run)
 *
 * Generates a pack of 2,000 aspects × 8 subjects (by default), shows its
 * Characteristics table in the real window (1280×800), waits until the
 * table has measured its rows ahead while idle (as it does while the user
 * looks at it first; the time it took is printed), and measures:
 *
 *  - the baseline: frames that paint the table again with nothing to lay
 *    out (its background tinted and untinted), the cost of a frame itself
 *    on this machine (on Xvfb, llvmpipe draws every frame on the CPU);
 *  - sort: what a click on a column's title does
 *    (accord_table_sort_by_column), by aspect name and by group, each
 *    ascending and descending, several rounds; the time until the table's
 *    list model has settled (the sort and filter models have nothing
 *    pending), and until the next frame has been painted (GdkFrameClock
 *    after-paint), with the main thread's CPU time for each;
 *  - filter: the entry focused, which has the filter's index built on a
 *    worker thread (how long, and the main thread's CPU time meanwhile);
 *    then typing a query into the table's filter entry a character at a
 *    time (its debounce set to 0, as bench-ui-search does), then clearing
 *    it; the same times per keystroke;
 *  - scroll: the row widgets the table holds (against the rows of the
 *    table), then the table scrolled step by step down and up again
 *    through its vertical adjustment, each step waiting for its frame: the
 *    time of each frame, on the wall clock and in CPU time of the main
 *    thread.
 *
 * Prints p50/p95, the ratio of each p95 to a 60 Hz frame (16 ms) and of
 * the painted times to the baseline frame's. Nothing is asserted: this
 * prints figures.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accord-cell-text.h"
#include "accord-test-util.h"
#include "accord-table.h"
#include "accord-table-view.h"
#include "accord-window.h"
#include "accord-bench-ui.h"

static GtkSortListModel *sort_model;
static GtkFilterListModel *filter_model;

/* Until the sort and filter models have nothing left to do. */
static void
wait_settled (void)
{
  while (gtk_sort_list_model_get_pending (sort_model) > 0 ||
         gtk_filter_list_model_get_pending (filter_model) > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The list of the table's rows on screen. */
static GtkWidget *
find_row_list (GtkWidget *table)
{
  for (GtkWidget *child = gtk_widget_get_first_child (table); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "listview") == 0 && gtk_widget_get_visible (child))
      return child;
  return NULL;
}

/* The row widgets of the table's list: how many exist, how many are
 * mapped (drawn at all), and how many intersect the visible area. */
static void
count_rows (GtkWidget *list,
            guint     *n_rows,
            guint     *n_mapped,
            guint     *n_visible)
{
  int height = gtk_widget_get_height (list);

  *n_rows = *n_mapped = *n_visible = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      (*n_rows)++;
      if (!gtk_widget_get_mapped (row))
        continue;
      (*n_mapped)++;
      if (gtk_widget_compute_bounds (row, list, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height)
        (*n_visible)++;
    }
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* A keystroke at the end of the entry's text. */
static void
type_next (GtkEditable *entry,
           const char  *query,
           gsize        len)
{
  int position = (int) len - 1;

  gtk_editable_insert_text (entry, query + len - 1, 1, &position);
}

int
main (int   argc,
      char *argv[])
{
  const char *aspects = argc > 2 ? argv[2] : "2000";
  const char *subjects = argc > 3 ? argv[3] : "8";
  const char *query = "local ownership 12";
  g_autoptr(AccordPack) pack = NULL;
  AccordWindow *window;
  AccordTableView *table;
  AccordTable *grid;
  GtkWidget *list;
  GtkEditable *entry;
  GtkAdjustment *vadj;
  GListModel *columns;
  AccordBenchFrame f = { 0 };
  AccordBenchSamples base_painted = { 0 }, base_cpu = { 0 };
  AccordBenchSamples sort_settled = { 0 }, sort_painted = { 0 }, sort_cpu = { 0 }, sort_painted_cpu = { 0 };
  AccordBenchSamples filter_settled = { 0 }, filter_painted = { 0 }, filter_cpu = { 0 }, filter_painted_cpu = { 0 };
  AccordBenchSamples scroll_frame = { 0 }, scroll_cpu = { 0 };
  guint n_rows, n_mapped, n_visible, max_rows = 0;
  guint laid_out;
  gint64 start, start_cpu;
  /* ACCORD_BENCH_ROUNDS=N: fewer (or more) rounds of sorting and filtering;
   * ACCORD_BENCH_FILTER_ROUNDS=N: rounds of filtering (half the former by
   * default); ACCORD_BENCH_STEPS=N: scroll steps each way (for profiling). */
  guint sort_rounds = g_getenv ("ACCORD_BENCH_ROUNDS") ? atoi (g_getenv ("ACCORD_BENCH_ROUNDS")) : 3;
  guint filter_rounds = g_getenv ("ACCORD_BENCH_FILTER_ROUNDS") ? (guint) atoi (g_getenv ("ACCORD_BENCH_FILTER_ROUNDS")) : (sort_rounds + 1) / 2;

  if (argc < 2)
    {
      g_printerr ("usage: %s GENERATOR [ASPECTS [SUBJECTS]]\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui-table: no display (run it under xvfb-run)\n");
      return 77;
    }

  window = accord_bench_show_generated (argv[1], aspects, subjects, &pack);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (accord_bench_on_after_paint), &f);

  start = g_get_monotonic_time ();
  start_cpu = accord_bench_thread_cpu_us ();
  g_assert_true (accord_window_navigate (window, "table"));
  accord_bench_wait_paint (GTK_WIDGET (window), &f);
  g_print ("table shown: %.1f ms (CPU %.1f ms)\n", (f.painted - start) / 1000.0,
           (f.painted_cpu - start_cpu) / 1000.0);
  table = accord_window_get_table_view (window);
  {
    /* The view measures its rows' texts while idle, as it would while the
     * user looks at the table before sorting it. */
    gint64 t0 = g_get_monotonic_time ();

    laid_out = accord_cell_text_get_n_laid_out ();
    while (accord_table_view_is_measuring_ahead (table))
      g_main_context_iteration (NULL, TRUE);
    g_print ("texts measured ahead while idle: %u in %.0f ms\n",
             accord_cell_text_get_n_laid_out () - laid_out, (g_get_monotonic_time () - t0) / 1000.0);
  }
  accord_test_iterate (300);

  grid = ACCORD_TABLE (accord_test_find_by_type (GTK_WIDGET (table), ACCORD_TYPE_TABLE));
  list = find_row_list (GTK_WIDGET (grid));
  entry = GTK_EDITABLE (accord_test_find_by_type (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (accord_table_get_model (grid));

    sort_model = GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (selection));
    filter_model = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sort_model));
  }
  columns = accord_table_get_columns (grid);
  g_print ("rows in the table: %u, columns: %u\n",
           g_list_model_get_n_items (G_LIST_MODEL (sort_model)), g_list_model_get_n_items (columns));

  /* The baseline: the table repainted with nothing to lay out. */
  accord_bench_measure_baseline (GTK_WIDGET (grid), &f, &base_painted, &base_cpu);

  /* Sorting: a click on a title, by aspect name and by group, ascending
   * and descending, then back to pack order. */
  laid_out = accord_cell_text_get_n_laid_out ();
  for (guint round = 0; round < sort_rounds; round++)
    for (guint c = 0; c < 2; c++)
      for (guint d = 0; d < 2; d++)
        {
          g_autoptr(AccordTableColumn) column = g_list_model_get_item (columns, c);
          gint64 t0 = g_get_monotonic_time (), c0 = accord_bench_thread_cpu_us ();

          accord_table_sort_by_column (grid, column, d == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING);
          wait_settled ();
          accord_bench_add (&sort_settled, (g_get_monotonic_time () - t0) / 1000.0);
          accord_bench_add (&sort_cpu, (accord_bench_thread_cpu_us () - c0) / 1000.0);
          accord_bench_wait_paint (GTK_WIDGET (window), &f);
          accord_bench_add (&sort_painted, (f.painted - t0) / 1000.0);
          accord_bench_add (&sort_painted_cpu, (f.painted_cpu - c0) / 1000.0);
          if (round == 0)
            g_print ("sort by %-12s %-10s settled %6.2f ms, painted %6.2f ms\n",
                     accord_table_column_get_title (column), d == 0 ? "ascending" : "descending",
                     sort_settled.values[sort_settled.n - 1], sort_painted.values[sort_painted.n - 1]);
          accord_test_iterate (30);
        }
  accord_table_sort_by_column (grid, NULL, GTK_SORT_ASCENDING);
  accord_test_iterate (100);
  g_print ("texts laid out to be measured while sorting: %u\n", accord_cell_text_get_n_laid_out () - laid_out);

  /* Filtering: the entry focused, as a click or Ctrl+F does, has the
   * filter's index built on a worker thread; then typing into the entry,
   * and clearing it. */
  {
    gint64 t0 = g_get_monotonic_time (), c0 = accord_bench_thread_cpu_us ();

    gtk_widget_grab_focus (GTK_WIDGET (entry));
    if (accord_table_view_is_indexing (table))
      {
        while (accord_table_view_is_indexing (table))
          g_main_context_iteration (NULL, TRUE);
        g_print ("filter index: built %.1f ms after the entry took the focus, main thread CPU meanwhile %.1f ms\n",
                 (g_get_monotonic_time () - t0) / 1000.0, (accord_bench_thread_cpu_us () - c0) / 1000.0);
      }
  }
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  for (guint round = 0; round < filter_rounds; round++)
    {
      for (gsize len = 1; len <= strlen (query) + 1; len++)
        {
          gint64 t0 = g_get_monotonic_time (), c0 = accord_bench_thread_cpu_us ();

          if (len <= strlen (query))
            type_next (entry, query, len);
          else
            gtk_editable_set_text (entry, "");
          /* The entry reports the change from its own handler at once
           * (delay 0); the filter then runs synchronously (2,000 rows are
           * below the view's incremental threshold) or in steps. */
          wait_settled ();
          accord_bench_add (&filter_settled, (g_get_monotonic_time () - t0) / 1000.0);
          accord_bench_add (&filter_cpu, (accord_bench_thread_cpu_us () - c0) / 1000.0);
          accord_bench_wait_paint (GTK_WIDGET (window), &f);
          accord_bench_add (&filter_painted, (f.painted - t0) / 1000.0);
          accord_bench_add (&filter_painted_cpu, (f.painted_cpu - c0) / 1000.0);
          if (round == 0)
            g_print ("filter %-22s %5u rows  settled %6.2f ms, painted %6.2f ms\n",
                     len <= strlen (query) ? gtk_editable_get_text (entry) : "(cleared)",
                     g_list_model_get_n_items (G_LIST_MODEL (sort_model)),
                     filter_settled.values[filter_settled.n - 1],
                     filter_painted.values[filter_painted.n - 1]);
          accord_test_iterate (30);
        }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sort_model)), ==,
                        g_list_model_get_n_items (accord_pack_get_aspects (pack)));
    }

  /* Scrolling: a step a frame, down 150 steps and up again. */
  count_rows (list, &n_rows, &n_mapped, &n_visible);
  g_print ("before scrolling: %u row widgets (%u mapped, %u on screen) for %u rows; %u widgets in the table\n",
           n_rows, n_mapped, n_visible, g_list_model_get_n_items (G_LIST_MODEL (sort_model)),
           count_widgets (GTK_WIDGET (grid)));
  {
    double step = 60;  /* px a frame: 3,600 px a second, a brisk fling */
    guint steps = g_getenv ("ACCORD_BENCH_STEPS") ? atoi (g_getenv ("ACCORD_BENCH_STEPS")) : 150;

    for (guint i = 0; i < 2 * steps; i++)
      {
        double value = gtk_adjustment_get_value (vadj) + (i < steps ? step : -step);
        gint64 t0 = g_get_monotonic_time (), c0 = accord_bench_thread_cpu_us ();

        gtk_adjustment_set_value (vadj, value);
        accord_bench_wait_paint (GTK_WIDGET (window), &f);
        accord_bench_add (&scroll_frame, (f.painted - t0) / 1000.0);
        accord_bench_add (&scroll_cpu, (f.painted_cpu - c0) / 1000.0);
        count_rows (list, &n_rows, &n_mapped, &n_visible);
        max_rows = MAX (max_rows, n_rows);
        if (i == steps - 1)
          g_print ("after %u steps down (%.0f of %.0f px): %u row widgets (%u mapped, %u on screen)\n",
                   steps, gtk_adjustment_get_value (vadj), gtk_adjustment_get_upper (vadj),
                   n_rows, n_mapped, n_visible);
      }
  }
  g_print ("most row widgets at any time while scrolling: %u (for %u rows)\n",
           max_rows, g_list_model_get_n_items (G_LIST_MODEL (sort_model)));

  accord_bench_report ("baseline: the table repainted, nothing laid out", &base_painted);
  accord_bench_report ("baseline: a frame, CPU of the main thread", &base_cpu);
  accord_bench_report ("sort: model settled", &sort_settled);
  accord_bench_report ("sort: model settled, CPU of the main thread", &sort_cpu);
  accord_bench_report ("sort: next frame painted", &sort_painted);
  accord_bench_report ("sort: to painted, CPU of the main thread", &sort_painted_cpu);
  accord_bench_report ("filter: model settled", &filter_settled);
  accord_bench_report ("filter: model settled, CPU of the main thread", &filter_cpu);
  accord_bench_report ("filter: next frame painted", &filter_painted);
  accord_bench_report ("filter: to painted, CPU of the main thread", &filter_painted_cpu);
  accord_bench_report ("scroll: frame (step to painted)", &scroll_frame);
  accord_bench_report ("scroll: frame, CPU of the main thread", &scroll_cpu);
  accord_bench_report_ratio ("sort: next frame painted", &sort_painted, &base_painted);
  accord_bench_report_ratio ("filter: next frame painted", &filter_painted, &base_painted);
  accord_bench_report_ratio ("scroll: frame", &scroll_frame, &base_painted);
  g_print ("targets: sort and filter settled p95 <= 1.00 x a frame; painted, and scrolling frames, "
           "<= 1.00 x the baseline frame\n");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
