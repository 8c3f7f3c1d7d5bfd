/* accord-search.c: full-text search over a pack's topics
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <string.h>

#include "accord-search.h"

typedef struct
{
  AccordTopic *topic;     /* unowned: the index holds the pack */
  guint        parent;    /* index into entries, G_MAXUINT for a root */
  char       **words[3];  /* folded words of body, summary, title (by rank - 1) */
  guint8       rank;      /* of the last query */
  guint8       subtree_rank;
} Entry;

struct _AccordSearchIndex
{
  gatomicrefcount  ref_count;
  AccordPack      *pack;
  GArray          *entries;   /* Entry, in tree order (pre-order) */
  GHashTable      *positions; /* AccordTopic → index + 1 */
  const char      *language;
};

/* Folded words of @text, with their ASCII alternates (“cafe” for “café”). */
static char **
fold_words (const char *text,
            const char *language)
{
  g_auto(GStrv) alternates = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *all;

  if (text == NULL)
    return NULL;

  words = g_str_tokenize_and_fold (text, language, &alternates);
  all = g_ptr_array_new ();
  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (all, g_steal_pointer (&words[i]));
  for (guint i = 0; alternates[i] != NULL; i++)
    g_ptr_array_add (all, g_steal_pointer (&alternates[i]));
  g_ptr_array_add (all, NULL);

  return (char **) g_ptr_array_free (all, FALSE);
}

static char *
body_text (AccordTopic *topic)
{
  GListModel *body = accord_topic_get_body (topic);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(AccordBlock) block = g_list_model_get_item (body, i);
      const char * const *items = accord_block_get_items (block);

      if (accord_block_get_text (block) != NULL)
        g_string_append_printf (s, "%s\n", accord_block_get_text (block));
      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        g_string_append_printf (s, "%s\n", items[j]);
    }

  return g_string_free (s, FALSE);
}

static void
add_topics (AccordSearchIndex *self,
            GListModel        *topics,
            guint              parent)
{
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *body = body_text (topic);
      Entry entry = { topic, parent, { NULL, }, 0, 0 };
      guint position = self->entries->len;

      entry.words[ACCORD_SEARCH_IN_TITLE - 1] = fold_words (accord_topic_get_title (topic), self->language);
      entry.words[ACCORD_SEARCH_IN_SUMMARY - 1] = fold_words (accord_topic_get_summary (topic), self->language);
      entry.words[ACCORD_SEARCH_IN_BODY - 1] = fold_words (body, self->language);
      g_array_append_val (self->entries, entry);
      g_hash_table_insert (self->positions, topic, GUINT_TO_POINTER (position + 1));

      add_topics (self, accord_topic_get_children (topic), position);
    }
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < G_N_ELEMENTS (entry->words); i++)
    g_strfreev (entry->words[i]);
}

/**
 * accord_search_index_new:
 * @pack: the pack to index
 *
 * Indexes every topic of @pack. Safe to call from a worker thread.
 */
AccordSearchIndex *
accord_search_index_new (AccordPack *pack)
{
  AccordSearchIndex *self = g_new0 (AccordSearchIndex, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->pack = g_object_ref (pack);
  self->language = accord_pack_get_language (pack);
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), accord_pack_get_n_topics_total (pack));
  g_array_set_clear_func (self->entries, entry_clear);
  self->positions = g_hash_table_new (NULL, NULL);

  add_topics (self, accord_pack_get_topics (pack), G_MAXUINT);

  return self;
}

AccordSearchIndex *
accord_search_index_ref (AccordSearchIndex *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
accord_search_index_unref (AccordSearchIndex *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->entries);
  g_hash_table_unref (self->positions);
  g_object_unref (self->pack);
  g_free (self);
}

static gboolean
has_word_with_prefix (char       **words,
                      const char  *prefix)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], prefix))
      return TRUE;

  return FALSE;
}

/* The best place where every query word is found, or no match. A word found
 * only in the body ranks the topic as a body match. */
static AccordSearchRank
rank_entry (Entry       *entry,
            char       **query)
{
  AccordSearchRank worst = ACCORD_SEARCH_IN_TITLE;

  for (guint q = 0; query[q] != NULL; q++)
    {
      AccordSearchRank best = ACCORD_SEARCH_NO_MATCH;

      for (int r = ACCORD_SEARCH_IN_TITLE; r >= ACCORD_SEARCH_IN_BODY && best == ACCORD_SEARCH_NO_MATCH; r--)
        if (has_word_with_prefix (entry->words[r - 1], query[q]))
          best = r;

      if (best == ACCORD_SEARCH_NO_MATCH)
        return ACCORD_SEARCH_NO_MATCH;
      worst = MIN (worst, best);
    }

  return worst;
}

guint
accord_search_index_query (AccordSearchIndex *self,
                           const char        *query)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) alternates = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (self != NULL, 0);

  words = g_str_tokenize_and_fold (query != NULL ? query : "", self->language, &alternates);

  /* “Genève” must find “Geneve” too: match with the ASCII form of a query
   * word, when GLib offers one; the index holds both forms of its words. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *ascii = g_str_to_ascii (words[i], self->language);

      if (g_strv_contains ((const char * const *) alternates, ascii))
        g_free (g_steal_pointer (&words[i])), words[i] = g_steal_pointer (&ascii);
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      entry->rank = words[0] != NULL ? rank_entry (entry, words) : ACCORD_SEARCH_NO_MATCH;
      entry->subtree_rank = entry->rank;
      if (entry->rank != ACCORD_SEARCH_NO_MATCH)
        n_matches++;
    }

  /* Pre-order: children come after their parent, so walking backwards
   * carries each best rank up to every ancestor. */
  for (guint i = self->entries->len; i-- > 0;)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->parent != G_MAXUINT)
        {
          Entry *parent = &g_array_index (self->entries, Entry, entry->parent);

          parent->subtree_rank = MAX (parent->subtree_rank, entry->subtree_rank);
        }
    }

  return n_matches;
}

static Entry *
lookup (AccordSearchIndex *self,
        AccordTopic       *topic)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, topic));

  return position > 0 ? &g_array_index (self->entries, Entry, position - 1) : NULL;
}

AccordSearchRank
accord_search_index_rank (AccordSearchIndex *self,
                          AccordTopic       *topic)
{
  Entry *entry = lookup (self, topic);

  return entry != NULL ? entry->rank : ACCORD_SEARCH_NO_MATCH;
}

AccordSearchRank
accord_search_index_subtree_rank (AccordSearchIndex *self,
                                  AccordTopic       *topic)
{
  Entry *entry = lookup (self, topic);

  return entry != NULL ? entry->subtree_rank : ACCORD_SEARCH_NO_MATCH;
}

/**
 * accord_search_index_results:
 *
 * Returns: (transfer container) (element-type AccordTopic): the matches of
 *   the last query, title matches first, each rank in tree order
 */
GPtrArray *
accord_search_index_results (AccordSearchIndex *self)
{
  GPtrArray *results = g_ptr_array_new ();

  for (int r = ACCORD_SEARCH_IN_TITLE; r >= ACCORD_SEARCH_IN_BODY; r--)
    for (guint i = 0; i < self->entries->len; i++)
      {
        Entry *entry = &g_array_index (self->entries, Entry, i);

        if (entry->rank == r)
          g_ptr_array_add (results, entry->topic);
      }

  return results;
}
