/* fuzz-search.c: libFuzzer harness for search and lookups over a loaded pack
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads fixed packs once (the built-in one, a right-to-left one with
 * accents and other scripts, and one with markup-looking text, bidi
 * overrides and a 400-character word), then treats each input as what a person might
 * type or what a link or saved setting might name:
 *
 *  - the whole input is a query to the search index, as the sidebar runs it
 *    on every keystroke; every topic's rank and subtree rank is read back,
 *    and the results must agree with the count and the ranks;
 *  - it is looked up as a topic, subject, aspect and source id, as the
 *    window does with a link or where a pack was left;
 *  - its first byte picks subjects for the Compare view's rows, common
 *    points and general differences.
 *
 * Build with -Dfuzzing=true (clang), see tests/fuzz/meson.build.
 */

#include "config.h"

#include <string.h>

#include "accord-core.h"

static void
log_nothing (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
}

static AccordPack *packs[3];
static AccordSearchIndex *indexes[3];

static AccordPack *
load_pack (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordPack *pack = accord_pack_load_file (file, NULL, NULL, &error);

  if (pack == NULL)
    g_error ("%s: %s", path, error->message);

  return pack;
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  packs[0] = load_pack (ACCORD_FUZZ_SRCDIR "/data/content/peace-and-security.json");
  packs[1] = load_pack (ACCORD_FUZZ_SRCDIR "/tests/data/valid/arabic.json");
  packs[2] = load_pack (ACCORD_FUZZ_SRCDIR "/tests/data/valid/hostile-text.json");

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    indexes[i] = accord_search_index_new (packs[i]);

  /* A CRITICAL is a bug: make it fatal; the rest is noise. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (log_nothing, NULL);

  return 0;
}

/* Every topic of @model and below: its ranks agree with the results. */
static guint
check_ranks (AccordSearchIndex *index,
             GListModel        *model,
             GHashTable        *found)
{
  guint n_matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (model, i);
      AccordSearchRank rank = accord_search_index_rank (index, topic);
      AccordSearchRank subtree = accord_search_index_subtree_rank (index, topic);

      g_assert (rank <= ACCORD_SEARCH_IN_TITLE);
      g_assert (subtree >= rank && subtree <= ACCORD_SEARCH_IN_TITLE);
      g_assert ((rank != ACCORD_SEARCH_NO_MATCH) == g_hash_table_contains (found, topic));
      if (rank != ACCORD_SEARCH_NO_MATCH)
        n_matches++;

      n_matches += check_ranks (index, accord_topic_get_children (topic), found);
    }

  return n_matches;
}

static void
search (AccordPack        *pack,
        AccordSearchIndex *index,
        const char        *query)
{
  guint n = accord_search_index_query (index, query);
  g_autoptr(GPtrArray) results = accord_search_index_results (index);
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (results->len, ==, n);
  for (guint i = 0; i < results->len; i++)
    {
      /* Best first. */
      if (i > 0)
        g_assert (accord_search_index_rank (index, results->pdata[i - 1]) >=
                  accord_search_index_rank (index, results->pdata[i]));
      g_assert (g_hash_table_add (found, results->pdata[i]));
    }

  g_assert_cmpuint (check_ranks (index, accord_pack_get_topics (pack), found), ==, n);
}

static void
look_up (AccordPack *pack,
         const char *id)
{
  AccordTopic *topic = accord_pack_lookup_topic (pack, id);
  AccordSubject *subject = accord_pack_lookup_subject (pack, id);
  AccordAspect *aspect = accord_pack_lookup_aspect (pack, id);
  AccordSource *source = accord_pack_lookup_source (pack, id);

  g_assert (topic == NULL || strcmp (accord_topic_get_id (topic), id) == 0);
  g_assert (subject == NULL || strcmp (accord_subject_get_id (subject), id) == 0);
  g_assert (aspect == NULL || strcmp (accord_aspect_get_id (aspect), id) == 0);
  g_assert (source == NULL || strcmp (accord_source_get_id (source), id) == 0);
}

static void
compare (AccordPack *pack,
         guint8      choice)
{
  GListModel *subjects = accord_pack_get_subjects (pack);
  g_autoptr(GListStore) chosen = g_list_store_new (ACCORD_TYPE_SUBJECT);
  g_autoptr(GListModel) rows = NULL;
  g_auto(GStrv) common = NULL;
  g_auto(GStrv) general = NULL;

  /* Bit i picks subject i; the high bit repeats the first pick, as a
   * hostile setting might. */
  for (guint i = 0; i < MIN (7, g_list_model_get_n_items (subjects)); i++)
    if (choice & (1 << i))
      {
        g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, i);

        g_list_store_append (chosen, subject);
        if (choice & 0x80)
          g_list_store_append (chosen, subject);
      }

  rows = accord_compare_rows_new (pack, G_LIST_MODEL (chosen));
  common = accord_compare_get_common (pack, G_LIST_MODEL (chosen));
  general = accord_compare_get_general_differences (pack, G_LIST_MODEL (chosen));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);

      for (guint j = 0; j < accord_compare_row_get_n_values (row); j++)
        accord_compare_row_get_value (row, j);
      accord_compare_row_get_difference (row);
      g_assert (accord_compare_row_get_mark (row) <= ACCORD_MARK_NONE);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* What a person types is text: a C string, cut at any NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    {
      search (packs[i], indexes[i], text);
      look_up (packs[i], text);
      compare (packs[i], size > 0 ? data[0] : 0);
    }

  return 0;
}
