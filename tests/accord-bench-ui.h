/* accord-bench-ui.h: what the benchmarks of the real window share
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated pack in the real window; samples of times, their report
 * (p50, p95, against a 60 Hz frame and against a baseline frame); waiting
 * for the window's next painted frame, with the main thread's CPU time at
 * that moment.
 */

#pragma once

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "accord-bench-util.h"
#include "accord-test-util.h"
#include "accord-window.h"

#define ACCORD_BENCH_FRAME_MS 16.0
#define ACCORD_BENCH_MAX_SAMPLES 1024

typedef struct
{
  double values[ACCORD_BENCH_MAX_SAMPLES];
  guint n;
} AccordBenchSamples;

static inline void
accord_bench_add (AccordBenchSamples *s,
                  double              value)
{
  if (s->n < ACCORD_BENCH_MAX_SAMPLES)
    s->values[s->n++] = value;
}

static inline void
accord_bench_report (const char         *what,
                     AccordBenchSamples *s)
{
  double p50 = accord_bench_percentile (s->values, s->n, 50), p95 = accord_bench_percentile (s->values, s->n, 95);

  g_print ("%-46s p50 %7.2f ms, p95 %7.2f ms = %5.2f x a %.0f ms frame (n=%u)\n",
           what, p50, p95, p95 / ACCORD_BENCH_FRAME_MS, ACCORD_BENCH_FRAME_MS, s->n);
}

/* @s's p50 and p95 against the baseline's. */
static inline void
accord_bench_report_ratio (const char         *what,
                           AccordBenchSamples *s,
                           AccordBenchSamples *baseline)
{
  g_print ("%-46s p50 %5.2f x, p95 %5.2f x the baseline frame\n", what,
           accord_bench_percentile (s->values, s->n, 50) / accord_bench_percentile (baseline->values, baseline->n, 50),
           accord_bench_percentile (s->values, s->n, 95) / accord_bench_percentile (baseline->values, baseline->n, 95));
}

/* The next painted frame of a window: connect accord_bench_on_after_paint
 * to its frame clock's "after-paint" with an AccordBenchFrame. */
typedef struct
{
  gboolean waiting_paint;
  gint64 painted;
  gint64 painted_cpu;
} AccordBenchFrame;

static inline void
accord_bench_on_after_paint (GdkFrameClock    *clock,
                             AccordBenchFrame *f)
{
  if (!f->waiting_paint)
    return;
  f->waiting_paint = FALSE;
  f->painted = g_get_monotonic_time ();
  f->painted_cpu = accord_bench_thread_cpu_us ();
}

static inline void
accord_bench_wait_paint (GtkWidget        *widget,
                         AccordBenchFrame *f)
{
  f->waiting_paint = TRUE;
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (widget), GDK_FRAME_CLOCK_PHASE_PAINT);
  while (f->waiting_paint)
    g_main_context_iteration (NULL, TRUE);
}

/* A style class that changes a widget's background so slightly nothing
 * moves: toggling it makes the window paint a frame without laying out.
 * Returns the provider, for accord_bench_remove_tint(). */
static inline GtkCssProvider *
accord_bench_add_tint (void)
{
  GtkCssProvider *tint = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (tint, ".accord-bench-tint { background-color: #fdfdfd; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (tint),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return tint;
}

static inline void
accord_bench_toggle_tint (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "accord-bench-tint"))
    gtk_widget_remove_css_class (widget, "accord-bench-tint");
  else
    gtk_widget_add_css_class (widget, "accord-bench-tint");
}

static inline void
accord_bench_remove_tint (GtkCssProvider *tint,
                          GtkWidget      *widget)
{
  gtk_widget_remove_css_class (widget, "accord-bench-tint");
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (tint));
  g_object_unref (tint);
}

/* The baseline: @widget painted again 30 times with nothing to lay out,
 * its background tinted and untinted in turn (asking for a frame with
 * nothing changed paints nothing: GTK draws only what differs). The
 * painted times into @painted, the main thread's CPU into @cpu. */
static inline void
accord_bench_measure_baseline (GtkWidget          *widget,
                               AccordBenchFrame   *f,
                               AccordBenchSamples *painted,
                               AccordBenchSamples *cpu)
{
  GtkCssProvider *tint = accord_bench_add_tint ();

  for (guint i = 0; i < 30; i++)
    {
      gint64 t0 = g_get_monotonic_time (), c0 = accord_bench_thread_cpu_us ();

      accord_bench_toggle_tint (widget);
      accord_bench_wait_paint (widget, f);
      accord_bench_add (painted, (f->painted - t0) / 1000.0);
      accord_bench_add (cpu, (f->painted_cpu - c0) / 1000.0);
      accord_test_iterate (30);
    }
  accord_bench_remove_tint (tint, widget);
}

/* Generates a pack of @aspects × @subjects (12 groups, 10 topics) with
 * @generator, loads it into @pack and shows it in the real window at
 * 1280×800, which it returns mapped. A failure ends the benchmark. */
static inline AccordWindow *
accord_bench_show_generated (const char  *generator,
                             const char  *aspects,
                             const char  *subjects,
                             AccordPack **pack)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
  g_autofree char *aspects_arg = g_strconcat ("--aspects=", aspects, NULL);
  g_autofree char *subjects_arg = g_strconcat ("--subjects=", subjects, NULL);
  const char *gen_argv[] = { generator, aspects_arg, subjects_arg, "--topics=10", "--groups=12", path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordWindow *window;

  accord_bench_spawn (gen_argv, G_SPAWN_DEFAULT);
  *pack = accord_pack_load_file (file, NULL, NULL, &error);
  if (*pack == NULL)
    g_error ("%s", error->message);
  g_unlink (path);
  g_rmdir (dir);
  g_print ("pack: %u aspects x %u subjects\n",
           g_list_model_get_n_items (accord_pack_get_aspects (*pack)),
           g_list_model_get_n_items (accord_pack_get_subjects (*pack)));

  accord_test_add_style ();
  window = accord_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  accord_window_set_pack (window, *pack);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  return window;
}
