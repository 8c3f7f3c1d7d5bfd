/* bench-load.c: Accord's pack loader against a bare json-glib parse
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-load GENERATOR [ROUNDS]
 *
 * Generates packs with tests/accord-gen-pack, then for each one times, in
 * the same run and on the same bytes:
 *   bare    g_file_get_contents() + json_parser_load_from_data()
 *   accord  accord_pack_load_file() (checks, parse, validation, objects)
 *   index   then, in the same child, the search index of that pack (which
 *           the window builds in a thread once the pack is shown), as a
 *           share of Accord's load time
 * Each measurement runs in a fresh child process, so its peak resident
 * memory (VmHWM) is its own. Rounds alternate the two; medians are printed
 * with their ratios: of the time on the wall ("time") and of the CPU time
 * of the loading thread ("cpu"), which other processes on the machine
 * disturb much less. Nothing is asserted: this prints figures.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accord-core.h"
#include "accord-bench-util.h"

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* In the child: load once, print "MILLISECONDS CPU_MILLISECONDS PEAK_KB
 * INDEX_MILLISECONDS" (the load's time on the wall and its CPU time, and the
 * peak before the index is built). */
static int
measure (const char *mode,
         const char *path)
{
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = accord_bench_thread_cpu_us ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = NULL;
  double load_ms, cpu_ms, index_ms = 0;
  gint64 loaded;
  long peak;

  /* Both free their bytes and JSON tree before the time is taken, as
   * accord_pack_load_file() does. */
  if (g_str_equal (mode, "bare"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *data = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, &error) ||
          !json_parser_load_from_data (parser, data, length, &error))
        g_error ("%s", error->message);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if ((pack = accord_pack_load_file (file, NULL, NULL, &error)) == NULL)
        g_error ("%s", error->message);
    }

  loaded = g_get_monotonic_time ();
  load_ms = (loaded - start) / 1000.0;
  cpu_ms = (accord_bench_thread_cpu_us () - start_cpu) / 1000.0;
  peak = peak_rss_kb ();
  if (pack != NULL)
    {
      index = accord_search_index_new (pack);
      index_ms = (g_get_monotonic_time () - loaded) / 1000.0;
    }
  g_print ("%.1f %.1f %ld %.1f\n", load_ms, cpu_ms, peak, index_ms);
  return 0;
}

static void
run_child (const char *self,
           const char *mode,
           const char *path,
           double     *ms,
           double     *cpu_ms,
           long       *kb,
           double     *index_ms)
{
  const char *argv[] = { self, "--child", mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", mode, path, error->message);

  if (sscanf (out, "%lf %lf %ld %lf", ms, cpu_ms, kb, index_ms) != 4)
    g_error ("unexpected output: %s", out);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), accord_bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  struct { const char *label; const char *args[3]; } cases[] = {
    { "1k topics", { "--topics=1000", "--paragraphs=1", NULL } },
    { "10k topics", { "--topics=10000", "--paragraphs=1", NULL } },
    { "100k topics", { "--topics=100000", "--paragraphs=1", NULL } },
    { "50 MB", { "--size-mb=50", NULL, NULL } },
    { "100 MB", { "--size-mb=100", NULL, NULL } },
  };
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  guint rounds;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return measure (argv[2], argv[3]);

  if (argc < 2)
    {
      g_printerr ("usage: %s GENERATOR [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 5;
  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("accord-bench-XXXXXX", NULL);

  g_print ("%-12s %9s  %10s %10s %6s  %6s  %10s %10s %6s  %9s %6s\n", "pack", "size",
           "bare ms", "accord ms", "time", "cpu", "bare MB", "accord MB", "memory", "index ms", "index");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
      const char *gen_argv[6] = { argv[1], NULL };
      double bare_ms[16], accord_ms[16], bare_cpu[16], accord_cpu[16], bare_kb[16], accord_kb[16];
      double index_ms[16], unused;
      GStatBuf st;
      guint n = 1;

      for (guint i = 0; cases[c].args[i] != NULL; i++)
        gen_argv[n++] = cases[c].args[i];
      gen_argv[n++] = path;
      gen_argv[n] = NULL;
      accord_bench_spawn (gen_argv, G_SPAWN_DEFAULT);
      g_stat (path, &st);

      rounds = CLAMP (rounds, 1, G_N_ELEMENTS (bare_ms));
      for (guint r = 0; r < rounds; r++)
        {
          long kb;

          run_child (self, "bare", path, &bare_ms[r], &bare_cpu[r], &kb, &unused);
          bare_kb[r] = kb;
          run_child (self, "accord", path, &accord_ms[r], &accord_cpu[r], &kb, &index_ms[r]);
          accord_kb[r] = kb;
        }

      {
        double bm = median (bare_ms, rounds), am = median (accord_ms, rounds);
        double bk = median (bare_kb, rounds), ak = median (accord_kb, rounds);
        double bc = median (bare_cpu, rounds), ac = median (accord_cpu, rounds);
        double im = median (index_ms, rounds);

        g_print ("%-12s %7.1fMB  %10.1f %10.1f %5.2fx  %5.2fx  %10.1f %10.1f %5.2fx  %9.1f %5.0f%%\n", cases[c].label,
                 st.st_size / 1e6, bm, am, am / bm, ac / bc, bk / 1024, ak / 1024, ak / bk, im, 100 * im / am);
      }

      g_unlink (path);
    }

  g_rmdir (dir);
  return 0;
}
