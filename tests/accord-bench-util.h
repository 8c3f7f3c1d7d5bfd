/* accord-bench-util.h: what the benchmarks share
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib.h>

/* For qsort() and g_array_sort() over doubles. */
static inline int
accord_bench_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The CPU time of the calling thread, in µs: what other processes on the
 * machine disturb far less than the wall clock. */
static inline gint64
accord_bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The @p-th percentile (nearest rank) of @n values, left as they are; 0
 * for none. */
static inline double
accord_bench_percentile (const double *values,
                         guint         n,
                         guint         p)
{
  g_autofree double *sorted = NULL;

  if (n == 0)
    return 0;

  sorted = g_memdup2 (values, n * sizeof (double));
  qsort (sorted, n, sizeof (double), accord_bench_compare_doubles);
  return sorted[MIN (n - 1, (n * p + 99) / 100 - (p > 0 ? 1 : 0))];
}

/* Runs @argv (the pack generator and its arguments) to its end; a failure
 * ends the benchmark. */
static inline void
accord_bench_spawn (const char * const *argv,
                    GSpawnFlags         flags)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, flags, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}
