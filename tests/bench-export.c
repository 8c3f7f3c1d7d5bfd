/* bench-export.c: how fast summaries become PDFs
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-export GENERATOR BUILTIN.json
 *
 * Prints, for the built-in pack's whole summary and for the characteristics
 * table of a generated 10,000-aspect pack, the median time of a complete
 * export (pagination, drawing, PDF file written), the pages per second,
 * and the targets beside them (under 500 ms; 500 pages/s or more).
 * The time of loading the packs is not counted.
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "accord-core.h"
#include "accord-export.h"
#include "accord-bench-util.h"

#define ROUNDS 5

static AccordPack *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordPack *pack = accord_pack_load_file (file, NULL, NULL, &error);

  if (pack == NULL)
    g_error ("%s: %s", path, error->message);
  return pack;
}

/* The median of ROUNDS exports of @parts of @pack, in ms; the page count
 * in @n_pages. Each round exports a new summary, as `accord --export-pdf`
 * and Print… do; freeing it afterwards is not counted. */
static double
time_export (AccordPack         *pack,
             AccordSummaryParts  parts,
             const char         *out,
             guint              *n_pages)
{
  double times[ROUNDS];

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(AccordSummary) summary = accord_summary_new (pack);
      g_autoptr(GError) error = NULL;
      gint64 start;

      accord_summary_set_parts (summary, parts);
      start = g_get_monotonic_time ();
      if (!accord_export_pdf (summary, out, ACCORD_SUMMARY_A4_WIDTH, ACCORD_SUMMARY_A4_HEIGHT, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      *n_pages = accord_summary_get_n_pages (summary);
    }

  qsort (times, ROUNDS, sizeof times[0], accord_bench_compare_doubles);
  return times[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *out = NULL;
  g_autoptr(AccordPack) builtin = NULL;
  g_autoptr(AccordPack) big = NULL;
  g_autoptr(GError) error = NULL;
  const char *gen_argv[6];
  guint pages;
  double ms;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("usage: %s GENERATOR BUILTIN.json\n", argv[0]);
      return 2;
    }

  dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  generated = g_build_filename (dir, "aspects.json", NULL);
  out = g_build_filename (dir, "out.pdf", NULL);

  gen_argv[0] = argv[1];
  gen_argv[1] = "--topics=1";
  gen_argv[2] = "--aspects=10000";
  gen_argv[3] = "--subjects=3";
  gen_argv[4] = generated;
  gen_argv[5] = NULL;
  accord_bench_spawn (gen_argv, G_SPAWN_STDOUT_TO_DEV_NULL);

  builtin = load (argv[2]);
  ms = time_export (builtin, ACCORD_SUMMARY_ALL_PARTS, out, &pages);
  g_print ("built-in pack, whole summary: %u pages in %.1f ms (median of %d; target < 500 ms)\n",
           pages, ms, ROUNDS);

  big = load (generated);
  ms = time_export (big, ACCORD_SUMMARY_TABLE, out, &pages);
  g_print ("10,000 aspects × 3 subjects, table: %u pages in %.0f ms = %.0f pages/s "
           "(median of %d; target ≥ 500 pages/s)\n",
           pages, ms, pages / (ms / 1000.0), ROUNDS);

  g_unlink (out);
  g_unlink (generated);
  g_rmdir (dir);
  return 0;
}
