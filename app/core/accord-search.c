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

/* FNV-1a, for the vocabulary */
#define HASH_START 2166136261u
#define HASH_STEP(hash, byte) (((hash) ^ (guchar) (byte)) * 16777619u)

static guint32
hash_word (const char *word,
           gsize       length)
{
  guint32 hash = HASH_START;

  for (gsize i = 0; i < length; i++)
    hash = HASH_STEP (hash, word[i]);
  return hash;
}

/* @word has @length bytes, NUL-terminated only when not @ascii; @hash is
 * hash_word() of it when @ascii, 0 otherwise. */
typedef void (*WordFunc) (const char *word,
                          gsize       length,
                          guint32     hash,
                          gboolean    ascii,
                          gpointer    data);

/* ASCII letters and digits, lowered; 0 for anything else. */
static const char ascii_word_chars[128] = {
  ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
  ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
  ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
  ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
  ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
  ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
  ['y'] = 'y', ['z'] = 'z',
  ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
  ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
  ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
  ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
  ['Y'] = 'y', ['Z'] = 'z',
};

static inline char
ascii_word_char (char c)
{
  return (guchar) c < 0x80 ? ascii_word_chars[(guchar) c] : 0;
}

/* Puts the ASCII word characters from @start to @end into @scratch, lowered. */
static void
scratch_set_lowered (GString    *scratch,
                     const char *start,
                     const char *end)
{
  g_string_truncate (scratch, 0);
  for (const char *q = start; q < end; q++)
    g_string_append_c (scratch, ascii_word_char (*q));
}

/* Calls @func with the word in @scratch, if there is one. */
static void
scratch_emit (GString  *scratch,
              gboolean  ascii,
              WordFunc  func,
              gpointer  data)
{
  if (scratch->len > 0)
    func (scratch->str, scratch->len, ascii ? hash_word (scratch->str, scratch->len) : 0, ascii, data);
}

/* Calls @func with each word of @text: runs of letters, digits and
 * combining marks, ASCII ones lowered. A word outside ASCII comes as it
 * is, for fold_word(). */
static void
for_each_word (const char *text,
               GString    *scratch,
               WordFunc    func,
               gpointer    data)
{
  const char *p = text;

  for (;;)
    {
      const char *start = p;
      guint32 hash = HASH_START;
      gboolean lower = TRUE;
      gboolean ascii = TRUE;
      char c;

      /* Most words: a run of ASCII letters and digits, most of them in
       * lower case already, given as they are in @text. */
      while ((c = ascii_word_char (*p)) != 0)
        {
          lower &= c == *p;
          hash = HASH_STEP (hash, c);
          p++;
        }

      if ((guchar) *p < 0x80)
        {
          if (p > start && lower)
            func (start, p - start, hash, TRUE, data);
          else if (p > start)
            {
              scratch_set_lowered (scratch, start, p);
              func (scratch->str, scratch->len, hash, TRUE, data);
            }

          if (*p == '\0')
            return;
          p++;
          continue;
        }

      /* A character outside ASCII, in this word or after it: the rest of
       * the word a character at a time. */
      scratch_set_lowered (scratch, start, p);
      for (;;)
        {
          gunichar ch;
          const char *next;

          if ((guchar) *p < 0x80)
            {
              c = ascii_word_char (*p);
              if (c == 0)
                break;
              g_string_append_c (scratch, c);
              p++;
              continue;
            }

          ch = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
          if (!g_unichar_isalnum (ch) && !g_unichar_ismark (ch))
            break;
          g_string_append_len (scratch, p, next - p);
          ascii = FALSE;
          p = next;
        }
      scratch_emit (scratch, ascii, func, data);

      /* *p ends the word: the end of @text, or a character to step over. */
      if (*p == '\0')
        return;
      p = g_utf8_next_char (p);
    }
}

/* Building
 *
 * A walk of the tree numbers the topics in pre-order; then the entries are
 * cut into as many contiguous shards as there are processors (when there
 * are enough of them), each tokenized into a vocabulary of its own on a
 * thread of its own; the shards' vocabularies are merged in entry order,
 * so every word's postings stay sorted by entry. */

#define ENTRIES_PER_SHARD 2000  /* fewer are not worth a thread */
#define MAX_SHARDS 8

/* A shard's vocabulary: open addressing on a hash of the folded word,
 * which GHashTable would compute and compare again with strcmp. */
typedef struct
{
  guint32  hash;
  guint32  length;
  Word    *word;   /* NULL: empty */
} Slot;

typedef struct
{
  Slot  *slots;
  guint  mask;     /* capacity - 1, a power of two */
  guint  n_words;
} Vocabulary;

typedef struct
{
  AccordTopic **topics;
  guint       start, end;  /* entries */
  Vocabulary  vocabulary;
  GHashTable *folded;      /* words outside ASCII → folded, as met */
  guint       entry;
  guint       rank;
  GString    *scratch;
} Shard;

static void
vocabulary_init (Vocabulary *vocabulary)
{
  vocabulary->mask = 1023;
  vocabulary->slots = g_new0 (Slot, vocabulary->mask + 1);
  vocabulary->n_words = 0;
}

static Slot *
vocabulary_find (Vocabulary *vocabulary,
                 const char *text,
                 gsize       length,
                 guint32     hash)
{
  for (guint i = hash & vocabulary->mask;; i = (i + 1) & vocabulary->mask)
    {
      Slot *slot = &vocabulary->slots[i];

      if (slot->word == NULL ||
          (slot->hash == hash && slot->length == length && memcmp (slot->word->text, text, length) == 0))
        return slot;
    }
}

/* Puts @word in @slot, an empty slot vocabulary_find() returned. */
static void
vocabulary_insert (Vocabulary *vocabulary,
                   Slot       *slot,
                   guint32     hash,
                   guint32     length,
                   Word       *word)
{
  slot->hash = hash;
  slot->length = length;
  slot->word = word;

  /* At most half full: probes stay short. */
  if (++vocabulary->n_words * 2 > vocabulary->mask)
    {
      Slot *old = vocabulary->slots;
      guint old_size = vocabulary->mask + 1;

      vocabulary->mask = old_size * 2 - 1;
      vocabulary->slots = g_new0 (Slot, old_size * 2);
      for (guint i = 0; i < old_size; i++)
        if (old[i].word != NULL)
          {
            guint j = old[i].hash & vocabulary->mask;

            while (vocabulary->slots[j].word != NULL)
              j = (j + 1) & vocabulary->mask;
            vocabulary->slots[j] = old[i];
          }
      g_free (old);
    }
}

static void
add_word (const char *text,
          gsize       length,
          guint32     hash,
          gboolean    ascii,
          gpointer    data)
{
  Shard *shard = data;
  guint32 posting = (shard->entry << 2) | shard->rank;
  Slot *slot;
  Word *word;

  if (!ascii)
    {
      const char *folded = g_hash_table_lookup (shard->folded, text);

      if (folded == NULL)
        {
          folded = fold_word (text, length);
          g_hash_table_insert (shard->folded, g_strndup (text, length), (char *) folded);
        }
      text = folded;
      length = strlen (folded);
      hash = hash_word (text, length);
    }

  slot = vocabulary_find (&shard->vocabulary, text, length, hash);
  word = slot->word;

  if (word == NULL)
    {
      word = g_new0 (Word, 1);
      word->text = g_strndup (text, length);
      word->postings = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4);
      vocabulary_insert (&shard->vocabulary, slot, hash, length, word);
    }

  /* Fields come best first (title, summary, body), so the entry's first
   * posting already has its best rank. */
  if (word->postings->len > 0 &&
      (g_array_index (word->postings, guint32, word->postings->len - 1) >> 2) == shard->entry)
    return;

  g_array_append_val (word->postings, posting);
}

static void
add_field (Shard      *shard,
           const char *text,
           guint       rank)
{
  if (text == NULL)
    return;

  shard->rank = rank;
  for_each_word (text, shard->scratch, add_word, shard);
}

static gpointer
shard_tokenize (gpointer data)
{
  Shard *shard = data;

  vocabulary_init (&shard->vocabulary);
  shard->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  shard->scratch = g_string_new (NULL);

  for (guint entry = shard->start; entry < shard->end; entry++)
    {
      AccordTopic *topic = shard->topics[entry];
      GListModel *body = accord_topic_get_body (topic);

      shard->entry = entry;
      add_field (shard, accord_topic_get_title (topic), ACCORD_SEARCH_IN_TITLE);
      add_field (shard, accord_topic_get_summary (topic), ACCORD_SEARCH_IN_SUMMARY);
      for (guint j = 0; j < g_list_model_get_n_items (body); j++)
        {
          g_autoptr(AccordBlock) block = g_list_model_get_item (body, j);
          const char * const *items = accord_block_get_items (block);

          add_field (shard, accord_block_get_text (block), ACCORD_SEARCH_IN_BODY);
          for (guint k = 0; items != NULL && items[k] != NULL; k++)
            add_field (shard, items[k], ACCORD_SEARCH_IN_BODY);
        }
    }

  g_string_free (shard->scratch, TRUE);
  g_hash_table_unref (shard->folded);
  return NULL;
}

/* Numbers the topics of @model and their descendants in pre-order. */
static void
add_topics (AccordSearchIndex *self,
            GPtrArray         *topics,
            GArray            *parents,
            GListModel        *model,
            guint              parent)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (model, i);
      guint entry = topics->len;

      g_ptr_array_add (topics, topic);
      g_array_append_val (parents, parent);
      g_hash_table_insert (self->positions, topic, GUINT_TO_POINTER (entry + 1));

      add_topics (self, topics, parents, accord_topic_get_children (topic), entry);
    }
}

/* Moves the words of @shards, in order, into the first one's vocabulary. */
static Vocabulary *
merge_shards (Shard *shards,
              guint  n_shards)
{
  Vocabulary *into = &shards[0].vocabulary;

  for (guint i = 1; i < n_shards; i++)
    {
      Vocabulary *from = &shards[i].vocabulary;

      for (guint j = 0; j <= from->mask; j++)
        {
          Word *word = from->slots[j].word;
          guint32 hash = from->slots[j].hash;
          guint32 length = from->slots[j].length;
          Slot *slot;

          if (word == NULL)
            continue;

          slot = vocabulary_find (into, word->text, length, hash);
          if (slot->word == NULL)
            {
              vocabulary_insert (into, slot, hash, length, word);
              continue;
            }

          g_array_append_vals (slot->word->postings, word->postings->data, word->postings->len);
          g_array_unref (word->postings);
          g_free (word->text);
          g_free (word);
        }
      g_free (from->slots);
    }

  return into;
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
 * Indexes every topic of @pack, on as many threads as there are processors
 * for a large pack. Safe to call from a worker thread.
 */
AccordSearchIndex *
accord_search_index_new (AccordPack *pack)
{
  AccordSearchIndex *self = g_new0 (AccordSearchIndex, 1);
  GPtrArray *topics = g_ptr_array_new ();
  GArray *parents = g_array_new (FALSE, FALSE, sizeof (guint));
  Shard shards[MAX_SHARDS] = { { 0 } };
  GThread *threads[MAX_SHARDS];
  guint n_shards;
  Vocabulary *vocabulary;
  guint i = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->pack = g_object_ref (pack);
  self->positions = g_hash_table_new (NULL, NULL);

  add_topics (self, topics, parents, accord_pack_get_topics (pack), G_MAXUINT);
  self->n_entries = topics->len;
  self->topics = (AccordTopic **) g_ptr_array_free (topics, FALSE);
  self->parents = (guint *) g_array_free (parents, FALSE);
  self->rank = g_new0 (guint8, MAX (1, self->n_entries));
  self->subtree_rank = g_new0 (guint8, MAX (1, self->n_entries));
  self->scratch = g_new0 (guint8, MAX (1, self->n_entries));

  n_shards = MIN (g_get_num_processors (), MAX_SHARDS);
  n_shards = CLAMP (self->n_entries / ENTRIES_PER_SHARD, 1, n_shards);
  for (guint s = 0; s < n_shards; s++)
    {
      shards[s].topics = self->topics;
      shards[s].start = (guint) ((guint64) self->n_entries * s / n_shards);
      shards[s].end = (guint) ((guint64) self->n_entries * (s + 1) / n_shards);
    }

  /* This thread tokenizes the first shard. */
  for (guint s = 1; s < n_shards; s++)
    threads[s] = g_thread_new ("accord-index", shard_tokenize, &shards[s]);
  shard_tokenize (&shards[0]);
  for (guint s = 1; s < n_shards; s++)
    g_thread_join (threads[s]);
  vocabulary = merge_shards (shards, n_shards);

  /* The vocabulary, sorted, so a prefix is one range. */
  self->n_words = vocabulary->n_words;
  self->words = g_new (Word, MAX (1, self->n_words));
  for (guint j = 0; j <= vocabulary->mask; j++)
    if (vocabulary->slots[j].word != NULL)
      {
        self->words[i++] = *vocabulary->slots[j].word;
        g_free (vocabulary->slots[j].word);
      }
  g_free (vocabulary->slots);
  qsort (self->words, self->n_words, sizeof (Word), compare_words);

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

static void
append_folded_word (const char *word,
                    gsize       length,
                    guint32     hash,
                    gboolean    ascii,
                    gpointer    data)
{
  GString *out = data;

  g_string_append_c (out, ' ');
  if (ascii)
    {
      g_string_append_len (out, word, length);
    }
  else
    {
      g_autofree char *folded = fold_word (word, length);

      g_string_append (out, folded);
    }
}

/**
 * accord_search_append_folded:
 * @out: where to append
 * @text: (nullable): valid UTF-8
 *
 * Appends each word of @text to @out, folded as the index folds words,
 * each after a space: " word word". A folded query word then matches
 * where " WORD" occurs in it, as a prefix of one of its words.
 */
void
accord_search_append_folded (GString    *out,
                             const char *text)
{
  g_autoptr(GString) scratch = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  scratch = g_string_new (NULL);
  for_each_word (text, scratch, append_folded_word, out);
}

static void
collect_query_word (const char *word,
                    gsize       length,
                    guint32     hash,
                    gboolean    ascii,
                    gpointer    data)
{
  g_ptr_array_add (data, ascii ? g_strndup (word, length) : fold_word (word, length));
}

/* The words of @query, folded as the index's words are. The words are cut
 * a character at a time: a sequence cut short would step past the end.
 * Pack text is checked at load; a query is not. */
static GPtrArray *
query_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *valid = NULL;

  if (query == NULL)
    return words;
  if (!g_utf8_validate (query, -1, NULL))
    query = valid = g_utf8_make_valid (query, -1);
  for_each_word (query, scratch, collect_query_word, words);

  return words;
}

/* Whether @ch belongs to a word, as for_each_word() cuts them. */
static gboolean
is_word_char (gunichar ch)
{
  if (ch < 0x80)
    return ascii_word_char ((char) ch) != 0;
  return g_unichar_isalnum (ch) || g_unichar_ismark (ch);
}

/**
 * accord_search_match_words:
 * @text: valid UTF-8
 * @query: (nullable): what the user typed
 *
 * Where @query matches in @text as the index matches it: the words of
 * @text that begin with a word of @query, folded alike (case and accents
 * ignored). For highlighting what a search found.
 *
 * Returns: (transfer full) (element-type guint): byte offsets into @text,
 *   the start and the end of each matching word, in order
 */
GArray *
accord_search_match_words (const char *text,
                           const char *query)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) scratch = NULL;
  const char *p = text;

  g_return_val_if_fail (text != NULL, spans);

  words = query_words (query);
  if (words->len == 0)
    return spans;
  scratch = g_string_new (NULL);

  while (*p != '\0')
    {
      const char *start = p;
      gboolean ascii = TRUE;
      g_autofree char *folded = NULL;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        {
          ascii &= (guchar) *p < 0x80;
          p = g_utf8_next_char (p);
        }

      if (ascii)
        scratch_set_lowered (scratch, start, p);
      else
        {
          folded = fold_word (start, p - start);
          g_string_assign (scratch, folded);
        }

      for (guint i = 0; i < words->len; i++)
        if (g_str_has_prefix (scratch->str, g_ptr_array_index (words, i)))
          {
            guint span[2] = { start - text, p - text };

            g_array_append_vals (spans, span, 2);
            break;
          }
    }

  return spans;
}

/* Querying */

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
  g_autoptr(GPtrArray) words = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (self != NULL, 0);

  words = query_words (query);

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
