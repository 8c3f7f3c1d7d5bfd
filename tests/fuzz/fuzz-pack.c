/* fuzz-pack.c: libFuzzer harness for the pack loader
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to accord_pack_load_bytes(): every input must load
 * or fail with diagnostics, never crash, leak, hang or trip a sanitizer.
 * When the bytes load, the pack is also searched and compared, as the
 * window would. Build with -Dfuzzing=true (clang), see tests/fuzz/meson.build.
 */

#include "config.h"

#include "accord-core.h"

static void
log_nothing (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  static gboolean initialized;

  if (!initialized)
    {
      /* A CRITICAL is a bug: make it fatal; the rest is noise. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_default_handler (log_nothing, NULL);
      initialized = TRUE;
    }

  pack = accord_pack_load_bytes (bytes, "fuzz.json", NULL, &diagnostics, &error);
  g_assert ((pack == NULL) == (error != NULL));
  g_assert (diagnostics != NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    g_free (accord_diagnostic_to_string (g_ptr_array_index (diagnostics, i)));

  if (pack != NULL)
    {
      g_autoptr(AccordSearchIndex) index = accord_search_index_new (pack);
      GListModel *subjects = accord_pack_get_subjects (pack);
      g_autoptr(GListModel) rows = NULL;
      g_auto(GStrv) common = NULL;

      accord_search_index_query (index, "a");
      accord_search_index_query (index, "peace consent");
      g_ptr_array_unref (accord_search_index_results (index));

      rows = accord_compare_rows_new (pack, subjects);
      common = accord_compare_get_common (pack, subjects);
    }

  return 0;
}
