/* bench-ui-load.c: the window stays responsive while a large pack loads
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-ui-load GENERATOR [SIZE-MB]   (needs a display: run it under
 * xvfb-run)
 *
 * Generates a pack of about 100 MB (accord-gen-pack --size-mb=100), shows
 * the real window (1280×800, with Accord's style sheet) with the built-in
 * pack, then opens the generated pack through the window's own path
 * (accord_window_open_file: the loader runs in a worker thread and reports
 * progress). Throughout, a tick callback on the window redraws the progress
 * bar on every frame, so the frame clock runs continuously, and each frame
 * is timed from GdkFrameClock's before-paint, through its layout, to its
 * after-paint. Reported, for each phase:
 *
 *  - idle: the idle window, 2 s before opening: frames with nothing new,
 *    which GTK does not draw (the frame interval);
 *  - repainted: the idle window, 2 s more, its header bar tinted and
 *    untinted on every frame: what drawing the window costs when nothing
 *    else runs, the baseline of the loading frames;
 *  - loading (from accord_window_open_file until the window's pack
 *    changes), the swap (until the first frame painted with the new pack)
 *    and the 2 s after it;
 *
 * the gaps between painted frames (p50, p95, the longest, against the 50 ms
 * target and against the idle frame); the frames that drew anything (their
 * paint took over 2 ms: one with nothing new takes well under one) and
 * their painting time; how often the toplevel was laid out again
 * (GdkToplevel::compute-size: on X11 GDK 4.8 asks the X server for the
 * monitor and its work area each time). Then the time until the pack is
 * shown with the main thread's CPU time, and the longest gaps after
 * opening, each split into waiting for the frame, layout and painting.
 *
 * Nothing is asserted: this prints figures.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gstdio.h>

#include "accord-bench-ui.h"

#define TARGET_MS 50.0

#define DRAWN_MS 2.0

typedef enum { PHASE_IDLE, PHASE_REPAINTED, PHASE_LOADING, PHASE_SWAP, PHASE_AFTER, N_PHASES } Phase;

static const char *phase_names[] = {
  "idle (baseline)", "idle, repainted", "loading", "swap (pack set -> first frame)", "2 s after"
};

typedef struct
{
  gint64 started;    /* µs: before-paint */
  gint64 laid_out;   /* µs: the layout phase done */
  gint64 painted;    /* µs: after-paint */
  gint64 cpu;        /* µs: the main thread's CPU time at after-paint */
  Phase phase;
} Frame;

typedef struct
{
  GArray *frames;    /* Frame */
  Frame current;
  Phase phase;
  GtkWidget *progress_bar;
  GtkWidget *header_bar;
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
  /* A change that needs no layout, and a repaint of the window. */
  if (b->phase == PHASE_REPAINTED)
    accord_bench_toggle_tint (b->header_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *b)
{
  b->current.started = b->current.laid_out = g_get_monotonic_time ();
}

static void
on_layout_done (GdkFrameClock *clock,
                Bench         *b)
{
  b->current.laid_out = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  b->current.painted = g_get_monotonic_time ();
  b->current.cpu = accord_bench_thread_cpu_us ();
  b->current.phase = b->phase;
  g_array_append_val (b->frames, b->current);
  if (b->phase == PHASE_SWAP && b->current.painted > b->pack_set)
    {
      b->shown = b->current.painted;
      b->phase = PHASE_AFTER;
    }
}

static Frame *
frame_at (Bench *b,
          guint  i)
{
  return &g_array_index (b->frames, Frame, i);
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
 * the phase of the frame that ends it; none spans two of the idle phases
 * and the next). */
static GArray *
gaps_of (Bench *b,
         Phase  phase,
         double *longest_at)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (double));
  double longest = -1;

  for (guint i = 1; i < b->frames->len; i++)
    {
      Frame *f = frame_at (b, i), *before = frame_at (b, i - 1);
      double gap;

      if (f->phase != phase || (before->phase != phase && before->phase <= PHASE_REPAINTED))
        continue;
      gap = (f->painted - before->painted) / 1000.0;
      g_array_append_val (gaps, gap);
      if (gap > longest)
        {
          longest = gap;
          if (longest_at != NULL)
            *longest_at = (before->painted - frame_at (b, 0)->painted) / 1000.0;
        }
    }
  g_array_sort (gaps, accord_bench_compare_doubles);
  return gaps;
}

/* How long the frames of @phase that drew anything took to paint. */
static GArray *
draws_of (Bench *b,
          Phase  phase)
{
  GArray *draws = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < b->frames->len; i++)
    {
      Frame *f = frame_at (b, i);
      double paint = (f->painted - f->laid_out) / 1000.0;

      if (f->phase == phase && paint > DRAWN_MS)
        g_array_append_val (draws, paint);
    }
  g_array_sort (draws, accord_bench_compare_doubles);
  return draws;
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
  GtkCssProvider *tint;
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

  b.frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  builtin = accord_test_load_builtin ();
  accord_test_add_style ();
  tint = accord_bench_add_tint ();
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

  b.header_bar = accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_HEADER_BAR);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &b);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_done), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &b);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick, &b, NULL);
  g_signal_connect (window, "notify::pack", G_CALLBACK (on_pack_changed), &b);
  g_signal_connect (gtk_native_get_surface (GTK_NATIVE (window)), "compute-size",
                    G_CALLBACK (on_compute_size), &b);

  /* The baselines: the idle window, frames forced the same way; then
   * repainted on every frame. */
  b.phase = PHASE_IDLE;
  accord_test_iterate (2000);
  b.phase = PHASE_REPAINTED;
  accord_test_iterate (2000);
  accord_bench_remove_tint (tint, b.header_bar);

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
    g_print ("%-32s %6s %8s %8s %9s %9s %9s %8s %6s %8s %8s\n", "frame gaps", "frames", "p50", "p95", "longest",
             "/50 ms", "p95/base", "layouts", "drawn", "draw p50", "draw p95");
    for (Phase phase = PHASE_IDLE; phase < N_PHASES; phase++)
      {
        double at = 0;
        g_autoptr(GArray) gaps = gaps_of (&b, phase, &at);
        g_autoptr(GArray) draws = draws_of (&b, phase);
        double longest = gaps->len ? g_array_index (gaps, double, gaps->len - 1) : 0;

        g_print ("%-32s %6u %6.1f ms %6.1f ms %6.1f ms %8.2fx %8.2fx %8u %6u %5.1f ms %5.1f ms   (longest from %.0f ms)\n",
                 phase_names[phase], gaps->len, percentile (gaps, 50), percentile (gaps, 95),
                 longest, longest / TARGET_MS, percentile (gaps, 95) / baseline, b.layouts[phase],
                 draws->len, percentile (draws, 50), percentile (draws, 95),
                 at - (open - frame_at (&b, 0)->painted) / 1000.0);
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

  /* The longest gaps after opening: how much of each the main thread spent
   * working (the rest it waited: for the CPU, or for the renderer), and
   * how each divides into waiting for the frame to start, its layout and
   * its painting. */
  g_print ("longest gaps after opening (ms from opening: gap, main thread CPU in it; wait, layout, paint):");
  g_autofree gboolean *used = g_new0 (gboolean, b.frames->len);
  for (guint top = 0; top < 6; top++)
    {
      guint best = 0;
      gint64 best_gap = 0;
      Frame *f, *before;

      for (guint i = 1; i < b.frames->len; i++)
        {
          gint64 gap = frame_at (&b, i)->painted - frame_at (&b, i - 1)->painted;

          if (!used[i] && frame_at (&b, i - 1)->painted >= open && gap > best_gap)
            best = i, best_gap = gap;
        }
      if (best == 0)
        break;
      f = frame_at (&b, best);
      before = frame_at (&b, best - 1);
      g_print ("%s %.0f: %.1f, CPU %.1f; %.1f, %.1f, %.1f", top ? ";" : "",
               (before->painted - open) / 1000.0, best_gap / 1000.0, (f->cpu - before->cpu) / 1000.0,
               (f->started - before->painted) / 1000.0, (f->laid_out - f->started) / 1000.0,
               (f->painted - f->laid_out) / 1000.0);
      used[best] = TRUE;
    }
  g_print ("\n");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (b.frames);
  return 0;
}
