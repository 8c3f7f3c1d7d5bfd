/* test-search.c: the full-text index
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord-core.h"

static const char *pack_json =
  "{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"s\", \"title\": \"S\",\n"
  "  \"subjects\": [ { \"id\": \"a\", \"name\": \"A\" } ],\n"
  "  \"topics\": [\n"
  "    { \"id\": \"consent\", \"title\": \"Consent of the parties\", \"body\": [] },\n"
  "    { \"id\": \"force\", \"title\": \"Use of force\", \"summary\": \"Only with consent\",\n"
  "      \"body\": [ { \"type\": \"paragraph\", \"text\": \"Self-defence.\" } ],\n"
  "      \"topics\": [\n"
  "        { \"id\": \"geneve\", \"title\": \"Talks in Genève\", \"body\": [\n"
  "            { \"type\": \"list\", \"items\": [\"The parties' CONSENT matters\"] } ] },\n"
  "        { \"id\": \"other\", \"title\": \"Other\", \"body\": [] } ] },\n"
  "    { \"id\": \"cafe\", \"title\": \"Café diplomacy\", \"body\": [] }\n"
  "  ] }\n";

static AccordSearchIndex *
make_index (AccordPack **pack_out)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (pack_json, strlen (pack_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = accord_pack_load_bytes (bytes, "s.json", NULL, NULL, &error);

  g_assert_no_error (error);
  *pack_out = g_object_ref (pack);
  return accord_search_index_new (pack);
}

/* "id:rank id:rank": the ranked results of @query. */
static char *
results (AccordSearchIndex *index,
         const char        *query)
{
  g_autoptr(GPtrArray) found = NULL;
  GString *s = g_string_new (NULL);
  guint n = accord_search_index_query (index, query);

  found = accord_search_index_results (index);
  g_assert_cmpuint (found->len, ==, n);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (s, "%s%s:%d", i ? " " : "", accord_topic_get_id (found->pdata[i]),
                            accord_search_index_rank (index, found->pdata[i]));

  return g_string_free (s, FALSE);
}

#define assert_results(index, query, expected) \
  G_STMT_START { \
    g_autofree char *r_ = results (index, query); \
    g_assert_cmpstr (r_, ==, expected); \
  } G_STMT_END

static void
test_ranking (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);

  /* Title (3) before summary (2) before body (1). */
  assert_results (index, "consent", "consent:3 force:2 geneve:1");
  assert_results (index, "force", "force:3");
  assert_results (index, "", "");
  assert_results (index, "nothing-like-this", "");
}

static void
test_prefixes_while_typing (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);

  assert_results (index, "c", "consent:3 cafe:3 force:2 geneve:1");
  assert_results (index, "con", "consent:3 force:2 geneve:1");
  assert_results (index, "consent of", "consent:3 force:2");
  assert_results (index, "consent of the parties", "consent:3");
  /* Every word must match somewhere. */
  assert_results (index, "consent zebra", "");
}

static void
test_case_and_accents (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);

  assert_results (index, "CONSENT OF", "consent:3 force:2");
  assert_results (index, "geneve", "geneve:3");
  assert_results (index, "Genève", "geneve:3");
  assert_results (index, "CAFÉ", "cafe:3");
  assert_results (index, "cafe", "cafe:3");
  /* An accent in the query finds the word written without one. */
  assert_results (index, "cónsent of the párties", "consent:3");
}

/* Found by tests/fuzz/fuzz-search.c: a query cut in the middle of a UTF-8
 * sequence made the word splitter step past its end. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);

  assert_results (index, "\xc2", "");
  assert_results (index, "\xe2\x82", "");
  assert_results (index, "caf\xc3", "cafe:3");
  assert_results (index, "con\xff\xfe" "sent", "");
  assert_results (index, "\xf4\x90\x80\x80" "consent", "consent:3 force:2 geneve:1");
}

static void
test_ancestors (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);

  accord_search_index_query (index, "genève");
  /* The parent does not match, but keeps its matching child visible. */
  g_assert_cmpint (accord_search_index_rank (index, accord_pack_lookup_topic (pack, "force")), ==,
                   ACCORD_SEARCH_NO_MATCH);
  g_assert_cmpint (accord_search_index_subtree_rank (index, accord_pack_lookup_topic (pack, "force")), ==,
                   ACCORD_SEARCH_IN_TITLE);
  g_assert_cmpint (accord_search_index_subtree_rank (index, accord_pack_lookup_topic (pack, "other")), ==,
                   ACCORD_SEARCH_NO_MATCH);
  g_assert_cmpint (accord_search_index_subtree_rank (index, accord_pack_lookup_topic (pack, "consent")), ==,
                   ACCORD_SEARCH_NO_MATCH);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* The results list keeps its positions: a new query changes what they show
 * and reports only the positions added or removed at the end. */
static void
test_result_list (void)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = make_index (&pack);
  g_autoptr(AccordResultList) list = accord_result_list_new ();
  g_autoptr(GPtrArray) three = NULL, one = NULL;
  g_autoptr(AccordResult) first = NULL, second = NULL, again = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  guint notified = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  accord_search_index_query (index, "consent");
  three = accord_search_index_results (index);
  accord_result_list_set_topics (list, three);
  g_assert_cmpstr (log->str, ==, "0-0+3 ");
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (accord_topic_get_id (accord_result_get_topic (first)), ==, "consent");
  g_assert_cmpstr (accord_topic_get_id (accord_result_get_topic (second)), ==, "force");
  g_signal_connect (first, "notify::topic", G_CALLBACK (count_notify), &notified);

  accord_search_index_query (index, "force");
  one = accord_search_index_results (index);
  accord_result_list_set_topics (list, one);
  /* The same object at position 0 now shows the new first result. */
  g_assert_cmpstr (log->str, ==, "0-0+3 1-2+0 ");
  g_assert_cmpuint (notified, ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);
  g_assert_cmpstr (accord_topic_get_id (accord_result_get_topic (first)), ==, "force");
  g_assert_null (accord_result_get_topic (second));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
  g_assert_cmpuint (accord_result_list_find (list, accord_pack_lookup_topic (pack, "force")), ==, 0);
  g_assert_cmpuint (accord_result_list_find (list, accord_pack_lookup_topic (pack, "consent")), ==, G_MAXUINT);

  /* The same results again: nothing to report. */
  accord_result_list_set_topics (list, one);
  g_assert_cmpstr (log->str, ==, "0-0+3 1-2+0 ");
  g_assert_cmpuint (notified, ==, 1);

  accord_result_list_set_topics (list, NULL);
  g_assert_cmpstr (log->str, ==, "0-0+3 1-2+0 0-1+0 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A position asked for before the ones ahead of it (a selection jumps
   * there) leaves those empty; they go quietly when the results shrink. */
  accord_result_list_set_topics (list, three);
  {
    g_autoptr(AccordResult) last = g_list_model_get_item (G_LIST_MODEL (list), 2);

    g_assert_cmpstr (accord_topic_get_id (accord_result_get_topic (last)), ==,
                     accord_topic_get_id (g_ptr_array_index (three, 2)));
  }
  accord_result_list_set_topics (list, one);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* A pack large enough to be indexed in shards, on several threads: its
 * results must be those of a plain scan of every topic, in pre-order. */

#define BIG_ROOTS 3000  /* each with two children: 9,000 topics */

typedef struct
{
  char *id;
  char *fields[3];  /* body, summary, title: index + 1 is the rank */
} BigTopic;

static void
big_topic_clear (gpointer data)
{
  BigTopic *topic = data;

  g_free (topic->id);
  for (guint f = 0; f < 3; f++)
    g_free (topic->fields[f]);
}

static void
big_topic_add (GArray  *topics,
               GString *json,
               guint    n)
{
  BigTopic topic;

  topic.id = g_strdup_printf ("t%u", n);
  topic.fields[2] = g_strdup_printf ("Topic %u w%u W%u", n, n % 50, (n * 7) % 53);
  topic.fields[1] = g_strdup_printf ("s w%u", n % 13);
  topic.fields[0] = g_strdup_printf ("b w%u w%u", n % 29, n % 31);
  g_array_append_val (topics, topic);

  /* The body in two blocks: a paragraph and a list. */
  g_string_append_printf (json,
                          "{ \"id\": \"%s\", \"title\": \"%s\", \"summary\": \"%s\", \"body\": ["
                          "{ \"type\": \"paragraph\", \"text\": \"b w%u\" },"
                          "{ \"type\": \"list\", \"items\": [ \"w%u\" ] } ]",
                          topic.id, topic.fields[2], topic.fields[1], n % 29, n % 31);
}

/* The rank of @topic for @query by scanning its words. */
static guint
big_topic_rank (const BigTopic     *topic,
                const char * const *query)
{
  guint rank = ACCORD_SEARCH_IN_TITLE;

  for (guint q = 0; query[q] != NULL; q++)
    {
      guint best = ACCORD_SEARCH_NO_MATCH;

      for (guint f = 0; f < 3; f++)
        {
          g_auto(GStrv) words = g_strsplit (topic->fields[f], " ", -1);

          for (guint w = 0; words[w] != NULL; w++)
            {
              g_autofree char *folded = g_ascii_strdown (words[w], -1);

              if (g_str_has_prefix (folded, query[q]))
                best = MAX (best, f + 1);
            }
        }
      rank = MIN (rank, best);
    }

  return rank;
}

static void
test_shards (void)
{
  const char *queries[] = { "w1", "w12 s", "w3 w4", "topic 12", "b w2", "w", "topic 2999 w9", "zz" };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GArray) topics = g_array_new (FALSE, FALSE, sizeof (BigTopic));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = NULL;
  guint n = 0;

  g_array_set_clear_func (topics, big_topic_clear);
  g_string_append (json, "{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"big\", \"title\": \"Big\","
                         " \"subjects\": [ { \"id\": \"a\", \"name\": \"A\" } ], \"topics\": [");
  for (guint r = 0; r < BIG_ROOTS; r++)
    {
      g_string_append (json, r > 0 ? ",\n" : "\n");
      big_topic_add (topics, json, n++);
      g_string_append (json, ", \"topics\": [ ");
      big_topic_add (topics, json, n++);
      g_string_append (json, " }, ");
      big_topic_add (topics, json, n++);
      g_string_append (json, " } ] }");
    }
  g_string_append (json, " ] }\n");

  bytes = g_bytes_new (json->str, json->len);
  pack = accord_pack_load_bytes (bytes, "big.json", NULL, NULL, &error);
  g_assert_no_error (error);
  index = accord_search_index_new (pack);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_auto(GStrv) words = g_strsplit (queries[q], " ", -1);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *found = results (index, queries[q]);

      /* Pre-order is the order the topics were written in. */
      for (guint rank = ACCORD_SEARCH_IN_TITLE; rank > ACCORD_SEARCH_NO_MATCH; rank--)
        for (guint t = 0; t < topics->len; t++)
          {
            const BigTopic *topic = &g_array_index (topics, BigTopic, t);

            if (big_topic_rank (topic, (const char * const *) words) == rank)
              g_string_append_printf (expected, "%s%s:%u", expected->len > 0 ? " " : "", topic->id, rank);
          }

      g_assert_cmpstr (found, ==, expected->str);
    }
}

/* The words of a text, folded as the index folds them, for other filters
 * (the Characteristics table's): lower case, accents and ligatures gone
 * where GLib can transliterate, other scripts as they are, punctuation
 * between words. */
static void
test_append_folded (void)
{
  g_autoptr(GString) out = g_string_new ("x");

  accord_search_append_folded (out, NULL);
  g_assert_cmpstr (out->str, ==, "x");
  accord_search_append_folded (out, "");
  accord_search_append_folded (out, " -- ");
  g_assert_cmpstr (out->str, ==, "x");

  g_string_truncate (out, 0);
  accord_search_append_folded (out, "Use-of-Force, GENÈVE; ŒUVRE 1234 — 中文 السلام");
  g_assert_cmpstr (out->str, ==, " use of force geneve oeuvre 1234 中文 السلام");

  /* Appended after what is there. */
  accord_search_append_folded (out, "Straße");
  g_assert_true (g_str_has_suffix (out->str, " السلام strasse"));
}

/* The words of @text that accord_search_match_words() finds for @query,
 * each followed by a "|". */
static char *
matched_words (const char *text,
               const char *query)
{
  g_autoptr(GArray) spans = accord_search_match_words (text, query);
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (spans->len % 2, ==, 0);
  for (guint i = 0; i < spans->len; i += 2)
    {
      guint start = g_array_index (spans, guint, i);
      guint end = g_array_index (spans, guint, i + 1);

      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, strlen (text));
      g_string_append_len (out, text + start, end - start);
      g_string_append_c (out, '|');
    }

  return g_string_free (out, FALSE);
}

/* What a search found, to highlight in a page: every word that begins
 * with a word of the query, whole, case and accents ignored, as the index
 * matches them. */
static void
test_match_words (void)
{
  const char *text = "Consent, CONSENTING; re-consent and Genève — Œuvre 中文 السلام";
  const struct { const char *query; const char *words; } cases[] = {
    { "consent", "Consent|CONSENTING|consent|" },
    { "CONS gen", "Consent|CONSENTING|consent|Genève|" },
    { "geneve", "Genève|" },
    { "GENÈV", "Genève|" },
    { "oeuv", "Œuvre|" },
    { "السل", "السلام|" },
    { "中", "中文|" },
    { "re", "re|" },
    { "sent", "" },
    { "", "" },
    { " -- ", "" },
    { NULL, "" },
    { "\xff\xfe consent", "Consent|CONSENTING|consent|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = matched_words (text, cases[i].query);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/prefixes", test_prefixes_while_typing);
  g_test_add_func ("/search/case-and-accents", test_case_and_accents);
  g_test_add_func ("/search/ancestors", test_ancestors);
  g_test_add_func ("/search/result-list", test_result_list);
  g_test_add_func ("/search/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/search/shards", test_shards);
  g_test_add_func ("/search/append-folded", test_append_folded);
  g_test_add_func ("/search/match-words", test_match_words);

  return g_test_run ();
}
