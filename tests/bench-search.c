/* bench-search.c: full-text search while typing, on a large pack
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-search GENERATOR [TOPICS]
 *
 * Generates a pack (100,000 topics by default), loads it, builds the search
 * index, then "types" a query one character at a time and prints how long
 * each keystroke's query takes, with the median and the 95th percentile.
 * A frame is 16 ms. Nothing is asserted: this prints figures.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "accord-core.h"
#include "accord-bench-util.h"

int
main (int   argc,
      char *argv[])
{
  const char *query = "consent of the parties";
  const char *topics = argc > 2 ? argv[2] : "100000";
  g_autofree char *dir = g_dir_make_tmp ("accord-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
  g_autofree char *topics_arg = g_strconcat ("--topics=", topics, NULL);
  const char *gen_argv[] = { argv[1], topics_arg, "--paragraphs=2", path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  double times[64];
  guint n = 0;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("usage: %s GENERATOR [TOPICS]\n", argv[0]);
      return 2;
    }

  accord_bench_spawn (gen_argv, G_SPAWN_DEFAULT);

  start = g_get_monotonic_time ();
  pack = accord_pack_load_file (file, NULL, NULL, &error);
  if (pack == NULL)
    g_error ("%s", error->message);
  g_print ("pack: %u topics, loaded in %.0f ms\n", accord_pack_get_n_topics_total (pack),
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  index = accord_search_index_new (pack);
  g_print ("index built in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  g_print ("%-26s %8s %9s\n", "typed", "matches", "ms");
  for (gsize len = 1; len <= strlen (query); len++)
    {
      g_autofree char *typed = g_strndup (query, len);
      guint matches;

      start = g_get_monotonic_time ();
      matches = accord_search_index_query (index, typed);
      times[n] = (g_get_monotonic_time () - start) / 1000.0;
      g_print ("%-26s %8u %9.2f\n", typed, matches, times[n]);
      n++;
    }

  qsort (times, n, sizeof (double), accord_bench_compare_doubles);
  g_print ("per keystroke: median %.2f ms, p95 %.2f ms, max %.2f ms (a frame is 16 ms)\n",
           times[n / 2], times[(n * 95) / 100], times[n - 1]);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
