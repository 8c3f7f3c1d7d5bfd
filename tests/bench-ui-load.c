/* bench-ui-load.c: the window stays responsive while a large pack loads
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ui-load GENERATOR [SIZE-MB]   (needs a display: run it under
 * xvfb-run)
 *
 * Generates a pack of about 100 MB (accord-gen-pack --size-mb=100), shows
 * the real window (1280×800) with the built-in pack, then opens the
 * generated pack through the window's own path (accord_window_open_file:
 * the loader runs in a worker thread and reports progress). Throughout, a
 * tick callback on the window redraws the progress bar on every frame, so
 * the frame clock runs continuously, and each GdkFrameClock::after-paint is
 * timed. Reported:
 *
 *  - the baseline: the frame interval of the idle window with the same
 *    tick callback, for 2 s before opening;
 *  - while loading (from accord_window_open_file until the window's pack
 *    changes), and for the swap (until the first frame painted with the
 *    new pack) and the 2 s after it: the longest gap between two painted
 *    frames, p50 and p95, as ratios to the 50 ms target and to the
 *    baseline;
 *  - the time until the pack is shown, and the main thread's CPU time;
 *  - in each phase, how often the toplevel was laid out again
 *    (GdkToplevel::compute-size): on X11 GDK 4.8 asks the X server for the
 *    monitor and its work area each time, round trips to a display server
 *    that shares the processors with the loader.
 *
 * Nothing is asserted: this prints figures.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "accord-test-util.h"
#include "accord-window.h"
#include "accord-bench-util.h"

#define TARGET_MS 50.0

typedef enum { PHASE_IDLE, PHASE_LOADING, PHASE_SWAP, PHASE_AFTER, N_PHASES } Phase;

static const char *phase_names[] = { "idle (baseline)", "loading", "swap (pack set -> first frame)", "2 s after" };

typedef struct
{
  GArray *paints;    /* gint64 µs: every after-paint */
  GArray *phases;    /* guint8: the phase each paint was in */
  GArray *cpu;       /* gint64 µs: the main thread's CPU time at each */
  Phase phase;
  gint64 last_paint;
  GtkWidget *progress_bar;
  gint64 pack_set;
  gint64 shown;
  guint layouts[N_PHASES];   /* of the toplevel: GdkToplevel::compute-size */
} Bench;

static double
percentile (GArray *values,
            guint   p)
{
  return accord_bench_percentile ((const double *) values->data, values->len, p);
}

static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       data)
{
  Bench *b = data;

  /* Something to draw on every frame, as a moving progress bar has. The
   * window builds its loading card when a pack starts loading; until then
   * the tick alone keeps the frame clock running. */
  if (b->progress_bar == NULL)
    b->progress_bar = accord_test_find_by_type (widget, GTK_TYPE_PROGRESS_BAR);
  if (b->progress_bar != NULL)
    gtk_widget_queue_draw (b->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = accord_bench_thread_cpu_us ();
  guint8 phase = b->phase;

  g_array_append_val (b->paints, now);
  g_array_append_val (b->cpu, cpu);
  g_array_append_val (b->phases, phase);
  if (b->phase == PHASE_SWAP && now > b->pack_set)
    {
      b->shown = now;
      b->phase = PHASE_AFTER;
    }
}

static void
on_compute_size (GdkToplevel     *toplevel,
                 GdkToplevelSize *size,
                 Bench           *b)
{
  b->layouts[b->phase]++;
}

static void
on_pack_changed (AccordWindow *window,
                 GParamSpec   *pspec,
                 Bench        *b)
{
  b->pack_set = g_get_monotonic_time ();
  b->phase = PHASE_SWAP;
}

/* The gaps between painted frames that end in @phase (a gap belongs to
 * the phase of the frame that ends it). */
static GArray *
gaps_of (Bench *b,
         Phase  phase,
         double *longest_at)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (double));
  double longest = -1;

  for (guint i = 1; i < b->paints->len; i++)
    {
      double gap;

      if (g_array_index (b->phases, guint8, i) != phase ||
          (g_array_index (b->phases, guint8, i - 1) == PHASE_IDLE && phase != PHASE_IDLE))
        continue;
      gap = (g_array_index (b->paints, gint64, i) - g_array_index (b->paints, gint64, i - 1)) / 1000.0;
      g_array_append_val (gaps, gap);
      if (gap > longest)
        {
          longest = gap;
          if (longest_at != NULL)
            *longest_at = (g_array_index (b->paints, gint64, i - 1) - g_array_index (b->paints, gint64, 0)) / 1000.0;
        }
    }
  g_array_sort (gaps, accord_bench_compare_doubles);
  return gaps;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = argc > 2 ? argv[2] : "100";
  g_autofree char *dir = g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
  g_autofree char *size_arg = g_strconcat ("--size-mb=", size, NULL);
  const char *gen_argv[] = { argv[1], size_arg, path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordPack) builtin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  AccordWindow *window;
  GdkFrameClock *clock;
  Bench b = { 0 };
  double baseline;
  gint64 open, open_cpu, set_cpu, shown_cpu, end;

  if (argc < 2)
    {
      g_printerr ("usage: %s GENERATOR [SIZE-MB]\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui-load: no display (run it under xvfb-run)\n");
      return 77;
    }

  accord_bench_spawn (gen_argv, G_SPAWN_DEFAULT);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_print ("pack file: %.1f MB\n", g_file_info_get_size (info) / 1e6);

  b.paints = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.phases = g_array_new (FALSE, FALSE, sizeof (guint8));
  b.cpu = g_array_new (FALSE, FALSE, sizeof (gint64));

  builtin = accord_test_load_builtin ();
  window = accord_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  accord_window_set_pack (window, builtin);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  /* The search entry's cursor stops blinking after 10 s; it would redraw
   * the window in the baseline and not later. Give the table the focus. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  accord_test_iterate (500);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &b);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick, &b, NULL);
  g_signal_connect (window, "notify::pack", G_CALLBACK (on_pack_changed), &b);
  g_signal_connect (gtk_native_get_surface (GTK_NATIVE (window)), "compute-size",
                    G_CALLBACK (on_compute_size), &b);

  /* The baseline: the idle window, frames forced the same way. */
  b.phase = PHASE_IDLE;
  accord_test_iterate (2000);

  b.phase = PHASE_LOADING;
  open = g_get_monotonic_time ();
  open_cpu = accord_bench_thread_cpu_us ();
  accord_window_open_file (window, file);
  while (b.phase != PHASE_SWAP)
    g_main_context_iteration (NULL, TRUE);
  set_cpu = accord_bench_thread_cpu_us ();
  while (b.phase != PHASE_AFTER)
    g_main_context_iteration (NULL, TRUE);
  shown_cpu = accord_bench_thread_cpu_us ();
  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &b);
  g_signal_handlers_disconnect_by_data (gtk_native_get_surface (GTK_NATIVE (window)), &b);

  g_print ("pack set %.0f ms after opening (main thread CPU %.0f ms), shown (first frame with it) at %.0f ms (CPU %.0f ms)\n",
           (b.pack_set - open) / 1000.0, (set_cpu - open_cpu) / 1000.0,
           (b.shown - open) / 1000.0, (shown_cpu - open_cpu) / 1000.0);

  {
    g_autoptr(GArray) idle = gaps_of (&b, PHASE_IDLE, NULL);

    baseline = percentile (idle, 50);
    g_print ("%-32s %6s %8s %8s %9s %9s %9s %8s\n", "frame gaps", "frames", "p50", "p95", "longest",
             "/50 ms", "p95/base", "layouts");
    for (Phase phase = PHASE_IDLE; phase < N_PHASES; phase++)
      {
        double at = 0;
        g_autoptr(GArray) gaps = gaps_of (&b, phase, &at);
        double longest = gaps->len ? g_array_index (gaps, double, gaps->len - 1) : 0;

        g_print ("%-32s %6u %6.1f ms %6.1f ms %6.1f ms %8.2fx %8.2fx %8u   (longest from %.0f ms)\n",
                 phase_names[phase], gaps->len, percentile (gaps, 50), percentile (gaps, 95),
                 longest, longest / TARGET_MS, percentile (gaps, 95) / baseline, b.layouts[phase],
                 at - (open - g_array_index (b.paints, gint64, 0)) / 1000.0);
      }
  }

  {
    /* The whole time the window could not be used: loading and the swap. */
    g_autoptr(GArray) loading = gaps_of (&b, PHASE_LOADING, NULL);
    g_autoptr(GArray) swap = gaps_of (&b, PHASE_SWAP, NULL);
    g_autoptr(GArray) after = gaps_of (&b, PHASE_AFTER, NULL);
    double longest = 0;

    if (loading->len)
      longest = MAX (longest, g_array_index (loading, double, loading->len - 1));
    if (swap->len)
      longest = MAX (longest, g_array_index (swap, double, swap->len - 1));
    if (after->len)
      longest = MAX (longest, g_array_index (after, double, after->len - 1));
    g_print ("longest frame gap from opening until 2 s after the pack is shown: %.1f ms = %.2f x the %.0f ms target; "
             "loading p95 %.1f ms = %.2f x the idle frame (%.1f ms)\n",
             longest, longest / TARGET_MS, TARGET_MS, percentile (loading, 95),
             percentile (loading, 95) / baseline, baseline);
  }

  /* The longest gaps after opening, and how much of each the main thread
   * spent working (the rest it waited: for the CPU, or for the renderer). */
  g_print ("longest gaps after opening (ms from opening: gap, main thread CPU in it):");
  g_autofree gboolean *used = g_new0 (gboolean, b.paints->len);
  for (guint top = 0; top < 6; top++)
    {
      guint best = 0;
      gint64 best_gap = 0;

      for (guint i = 1; i < b.paints->len; i++)
        {
          gint64 gap = g_array_index (b.paints, gint64, i) - g_array_index (b.paints, gint64, i - 1);

          if (!used[i] && g_array_index (b.paints, gint64, i - 1) >= open && gap > best_gap)
            best = i, best_gap = gap;
        }
      if (best == 0)
        break;
      g_print ("%s %.0f: %.1f, CPU %.1f", top ? ";" : "",
               (g_array_index (b.paints, gint64, best - 1) - open) / 1000.0, best_gap / 1000.0,
               (g_array_index (b.cpu, gint64, best) - g_array_index (b.cpu, gint64, best - 1)) / 1000.0);
      used[best] = TRUE;
    }
  g_print ("\n");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
