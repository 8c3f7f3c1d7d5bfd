/* accord-search.c: full-text search over a pack's topics
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inverted index, built once per pack:
 *
 *  - every topic's title, summary and body is cut into words, and each word
 *    folded: lower case, and for other scripts case-folded, normalized and,
 *    where GLib can, transliterated to ASCII (“Genève” → “geneve”), so a
 *    search ignores case and accents;
 *  - a sorted vocabulary holds each distinct word once, with its postings:
 *    the topics that contain it and where (title 3, summary 2, body 1).
 *
 * A query word matches every vocabulary word it is a prefix of: a binary
 * search finds that range, and its postings say which topics match. Typing
 * "consent of the parties" into a 100,000-topic pack stays well within a
 * frame per keystroke (tests/bench-search.c prints the figures).
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <string.h>

#include "accord-search.h"

typedef struct
{
  char   *text;
  GArray *postings;  /* guint32: entry << 2 | rank, one per entry, best rank */
} Word;

struct _AccordSearchIndex
{
  gatomicrefcount  ref_count;
  AccordPack      *pack;

  guint            n_entries;
  AccordTopic    **topics;     /* per entry, pre-order; unowned (the index holds the pack) */
  guint           *parents;    /* per entry, G_MAXUINT for a root */
  GHashTable      *positions;  /* AccordTopic → entry + 1 */

  Word            *words;      /* sorted by text */
  guint            n_words;

  guint8          *rank;       /* per entry, for the last query */
  guint8          *subtree_rank;
  guint8          *scratch;
};

/* Folding */

/* A word outside ASCII: case-folded, normalized, and transliterated when
 * GLib can do it without losing letters. */
static char *
fold_word (const char *word,
           gsize       length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  char *ascii = g_str_to_ascii (normal, "C");

  if (strchr (ascii, '?') == NULL)
    return ascii;

  g_free (ascii);
  return g_steal_pointer (&normal);
}

typedef void (*WordFunc) (const char *word,
                          gpointer    data);

/* Calls @func with each folded word of @text: runs of letters, digits and
 * combining marks. Plain ASCII, most of any text, takes a fast path. */
static void
for_each_word (const char *text,
               GString    *scratch,
               WordFunc    func,
               gpointer    data)
{
  const char *p = text;
  gboolean ascii = TRUE;

  g_string_truncate (scratch, 0);

  for (;;)
    {
      guchar c = *p;
      gboolean in_word;

      if (c < 0x80)
        {
          in_word = g_ascii_isalnum (c);
          if (in_word)
            g_string_append_c (scratch, g_ascii_tolower (c));
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          in_word = g_unichar_isalnum (ch) || g_unichar_ismark (ch);
          if (in_word)
            {
              g_string_append_len (scratch, p, next - p);
              ascii = FALSE;
            }
          p = next;
        }

      if (!in_word && scratch->len > 0)
        {
          if (ascii)
            {
              func (scratch->str, data);
            }
          else
            {
              g_autofree char *folded = fold_word (scratch->str, scratch->len);

              func (folded, data);
            }
          g_string_truncate (scratch, 0);
          ascii = TRUE;
        }

      if (c == '\0')
        break;
    }
}

/* Building */

typedef struct
{
  GHashTable *table;  /* text → Word */
  guint       entry;
  guint       rank;
  GString    *scratch;
} Builder;

static void
add_word (const char *text,
          gpointer    data)
{
  Builder *b = data;
  Word *word = g_hash_table_lookup (b->table, text);
  guint32 posting = (b->entry << 2) | b->rank;

  if (word == NULL)
    {
      word = g_new0 (Word, 1);
      word->text = g_strdup (text);
      word->postings = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4);
      g_hash_table_insert (b->table, word->text, word);
    }

  /* Fields come best first (title, summary, body), so the entry's first
   * posting already has its best rank. */
  if (word->postings->len > 0 &&
      (g_array_index (word->postings, guint32, word->postings->len - 1) >> 2) == b->entry)
    return;

  g_array_append_val (word->postings, posting);
}

static void
add_field (Builder    *b,
           const char *text,
           guint       rank)
{
  if (text == NULL)
    return;

  b->rank = rank;
  for_each_word (text, b->scratch, add_word, b);
}

static void
add_topics (AccordSearchIndex *self,
            Builder           *b,
            GPtrArray         *topics,
            GArray            *parents,
            GListModel        *model,
            guint              parent)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (model, i);
      GListModel *body = accord_topic_get_body (topic);
      guint entry = topics->len;

      g_ptr_array_add (topics, topic);
      g_array_append_val (parents, parent);
      g_hash_table_insert (self->positions, topic, GUINT_TO_POINTER (entry + 1));

      b->entry = entry;
      add_field (b, accord_topic_get_title (topic), ACCORD_SEARCH_IN_TITLE);
      add_field (b, accord_topic_get_summary (topic), ACCORD_SEARCH_IN_SUMMARY);
      for (guint j = 0; j < g_list_model_get_n_items (body); j++)
        {
          g_autoptr(AccordBlock) block = g_list_model_get_item (body, j);
          const char * const *items = accord_block_get_items (block);

          add_field (b, accord_block_get_text (block), ACCORD_SEARCH_IN_BODY);
          for (guint k = 0; items != NULL && items[k] != NULL; k++)
            add_field (b, items[k], ACCORD_SEARCH_IN_BODY);
        }

      add_topics (self, b, topics, parents, accord_topic_get_children (topic), entry);
    }
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Word *) a)->text, ((const Word *) b)->text);
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
  GPtrArray *topics = g_ptr_array_new ();
  GArray *parents = g_array_new (FALSE, FALSE, sizeof (guint));
  Builder b = { NULL, 0, 0, NULL };
  GHashTableIter iter;
  gpointer value;
  guint i = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->pack = g_object_ref (pack);
  self->positions = g_hash_table_new (NULL, NULL);

  b.table = g_hash_table_new (g_str_hash, g_str_equal);
  b.scratch = g_string_new (NULL);
  add_topics (self, &b, topics, parents, accord_pack_get_topics (pack), G_MAXUINT);

  self->n_entries = topics->len;
  self->topics = (AccordTopic **) g_ptr_array_free (topics, FALSE);
  self->parents = (guint *) g_array_free (parents, FALSE);
  self->rank = g_new0 (guint8, MAX (1, self->n_entries));
  self->subtree_rank = g_new0 (guint8, MAX (1, self->n_entries));
  self->scratch = g_new0 (guint8, MAX (1, self->n_entries));

  /* The vocabulary, sorted, so a prefix is one range. */
  self->n_words = g_hash_table_size (b.table);
  self->words = g_new (Word, MAX (1, self->n_words));
  g_hash_table_iter_init (&iter, b.table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      self->words[i++] = *(Word *) value;
      g_free (value);
    }
  qsort (self->words, self->n_words, sizeof (Word), compare_words);

  g_hash_table_unref (b.table);
  g_string_free (b.scratch, TRUE);

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

  for (guint i = 0; i < self->n_words; i++)
    {
      g_free (self->words[i].text);
      g_array_unref (self->words[i].postings);
    }
  g_free (self->words);
  g_free (self->topics);
  g_free (self->parents);
  g_free (self->rank);
  g_free (self->subtree_rank);
  g_free (self->scratch);
  g_hash_table_unref (self->positions);
  g_object_unref (self->pack);
  g_free (self);
}

/* Querying */

static void
collect_query_word (const char *word,
                    gpointer    data)
{
  g_ptr_array_add (data, g_strdup (word));
}

/* The first vocabulary word not below @prefix. */
static guint
lower_bound (AccordSearchIndex *self,
             const char        *prefix)
{
  guint lo = 0, hi = self->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (self->words[mid].text, prefix) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Sets scratch[e] to the best rank at which entry e has a word beginning
 * with @prefix. */
static void
match_prefix (AccordSearchIndex *self,
              const char        *prefix)
{
  gsize length = strlen (prefix);

  memset (self->scratch, 0, self->n_entries);

  for (guint w = lower_bound (self, prefix);
       w < self->n_words && strncmp (self->words[w].text, prefix, length) == 0;
       w++)
    {
      GArray *postings = self->words[w].postings;
      const guint32 *p = (const guint32 *) postings->data;

      for (guint i = 0; i < postings->len; i++)
        {
          guint entry = p[i] >> 2;
          guint8 rank = p[i] & 3;

          if (self->scratch[entry] < rank)
            self->scratch[entry] = rank;
        }
    }
}

/**
 * accord_search_index_query:
 * @query: (nullable): what the user typed; bytes that are not UTF-8
 *   separate words
 *
 * A topic matches when every word of @query begins a word of the topic. Its
 * rank is the worst of the places where the query's words are found best.
 *
 * Returns: the number of matching topics
 */
guint
accord_search_index_query (AccordSearchIndex *self,
                           const char        *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *valid = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (query == NULL)
    query = "";

  /* The words are cut a character at a time: a sequence cut short would
   * step past the end. Pack text is checked at load; a query is not. */
  if (!g_utf8_validate (query, -1, NULL))
    query = valid = g_utf8_make_valid (query, -1);

  for_each_word (query, scratch, collect_query_word, words);

  memset (self->rank, 0, self->n_entries);
  for (guint q = 0; q < words->len; q++)
    {
      match_prefix (self, g_ptr_array_index (words, q));

      if (q == 0)
        memcpy (self->rank, self->scratch, self->n_entries);
      else
        for (guint e = 0; e < self->n_entries; e++)
          self->rank[e] = MIN (self->rank[e], self->scratch[e]);
    }

  /* Pre-order: children come after their parent, so walking backwards
   * carries each best rank up to every ancestor. */
  memcpy (self->subtree_rank, self->rank, self->n_entries);
  for (guint e = self->n_entries; e-- > 0;)
    {
      if (self->rank[e] != ACCORD_SEARCH_NO_MATCH)
        n_matches++;
      if (self->parents[e] != G_MAXUINT)
        self->subtree_rank[self->parents[e]] = MAX (self->subtree_rank[self->parents[e]],
                                                    self->subtree_rank[e]);
    }

  return n_matches;
}

static guint
entry_of (AccordSearchIndex *self,
          AccordTopic       *topic)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, topic));
}

AccordSearchRank
accord_search_index_rank (AccordSearchIndex *self,
                          AccordTopic       *topic)
{
  guint entry = entry_of (self, topic);

  return entry > 0 ? self->rank[entry - 1] : ACCORD_SEARCH_NO_MATCH;
}

AccordSearchRank
accord_search_index_subtree_rank (AccordSearchIndex *self,
                                  AccordTopic       *topic)
{
  guint entry = entry_of (self, topic);

  return entry > 0 ? self->subtree_rank[entry - 1] : ACCORD_SEARCH_NO_MATCH;
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
  guint start[ACCORD_SEARCH_IN_TITLE + 1] = { 0 };
  guint count[ACCORD_SEARCH_IN_TITLE + 1] = { 0 };
  GPtrArray *results;
  gpointer *out;

  /* One pass to count each rank, one to place each match: a large result
   * list is filled without growing. */
  for (guint e = 0; e < self->n_entries; e++)
    count[self->rank[e]]++;
  start[ACCORD_SEARCH_IN_TITLE] = 0;
  start[ACCORD_SEARCH_IN_SUMMARY] = count[ACCORD_SEARCH_IN_TITLE];
  start[ACCORD_SEARCH_IN_BODY] = start[ACCORD_SEARCH_IN_SUMMARY] + count[ACCORD_SEARCH_IN_SUMMARY];

  results = g_ptr_array_sized_new (start[ACCORD_SEARCH_IN_BODY] + count[ACCORD_SEARCH_IN_BODY]);
  g_ptr_array_set_size (results, start[ACCORD_SEARCH_IN_BODY] + count[ACCORD_SEARCH_IN_BODY]);
  out = results->pdata;

  for (guint e = 0; e < self->n_entries; e++)
    if (self->rank[e] != ACCORD_SEARCH_NO_MATCH)
      out[start[self->rank[e]]++] = self->topics[e];

  return results;
}
