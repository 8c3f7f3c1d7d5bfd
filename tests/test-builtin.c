/* test-builtin.c: the built-in peacekeeping and diplomacy pack
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack must carry the whole of its source article, organised as the
 * Foundation issue asks, and nothing invented.
 */

#include "config.h"

#include <string.h>

#include "accord-core.h"

static AccordPack *pack;

static char *
ids (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (item, "id", &id, NULL);
      g_string_append_printf (s, "%s%s", i ? " " : "", id);
    }

  return g_string_free (s, FALSE);
}

static gboolean
topic_mentions (AccordTopic *topic,
                const char  *needle)
{
  GListModel *body = accord_topic_get_body (topic);

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(AccordBlock) block = g_list_model_get_item (body, i);
      const char * const *items = accord_block_get_items (block);

      if (accord_block_get_text (block) != NULL && strstr (accord_block_get_text (block), needle))
        return TRUE;
      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        if (strstr (items[j], needle))
          return TRUE;
    }

  return FALSE;
}

static void
test_subjects (void)
{
  g_autofree char *s = ids (accord_pack_get_subjects (pack));

  g_assert_cmpstr (s, ==, "peacekeeping diplomacy");
  g_assert_cmpstr (accord_pack_get_id (pack), ==, "peace-and-security");
  g_assert_cmpstr (accord_pack_get_translation_domain (pack), ==, "accord-content");
}

static void
test_aspects (void)
{
  const char *required[] = {
    "nature", "purpose", "participants", "means", "consent", "impartiality",
    "use-of-force", "legitimacy", "timing", "activities", "scope",
  };
  GListModel *aspects = accord_pack_get_aspects (pack);
  const char *previous_group = NULL;
  g_autoptr(GHashTable) groups_seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (accord_pack_lookup_aspect (pack, required[i]));

  /* Groups are contiguous, so each gets one heading. */
  for (guint i = 0; i < g_list_model_get_n_items (aspects); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      const char *group = accord_aspect_get_group (aspect);

      g_assert_nonnull (group);
      g_assert_nonnull (accord_aspect_get_description (aspect));
      if (previous_group == NULL || strcmp (group, previous_group) != 0)
        {
          g_assert_false (g_hash_table_contains (groups_seen, group));
          g_hash_table_add (groups_seen, (char *) group);
        }
      previous_group = group;
    }
}

static const char *
text_of (const char *subject,
         const char *aspect)
{
  AccordCharacteristic *c =
    accord_pack_get_characteristic (pack, accord_pack_lookup_subject (pack, subject),
                                    accord_pack_lookup_aspect (pack, aspect));

  return c != NULL ? accord_characteristic_get_text (c) : NULL;
}

static void
test_characteristics_table (void)
{
  /* Every row of the article's table, under the right subject. */
  g_assert_nonnull (strstr (text_of ("peacekeeping", "nature"),
                            "A tool for maintaining international peace and security"));
  g_assert_nonnull (strstr (text_of ("peacekeeping", "participants"), "General Assembly"));
  g_assert_nonnull (strstr (text_of ("peacekeeping", "participants"), "host governments"));
  g_assert_nonnull (strstr (text_of ("peacekeeping", "legitimacy"), "legitimate and flexible"));
  g_assert_nonnull (strstr (text_of ("peacekeeping", "timing"), "last resort"));
  g_assert_nonnull (strstr (text_of ("diplomacy", "nature"), "protect a country and its citizens"));
  g_assert_nonnull (strstr (text_of ("diplomacy", "purpose"), "mutual understanding"));
  g_assert_nonnull (strstr (text_of ("diplomacy", "purpose"), "economic prosperity"));
  g_assert_nonnull (strstr (text_of ("diplomacy", "scope"), "environmental stewardship"));

  /* Where the article says nothing, the pair is left out, not invented. */
  g_assert_null (text_of ("diplomacy", "consent"));
  g_assert_null (text_of ("diplomacy", "impartiality"));
}

static void
test_topic_tree (void)
{
  const char *tree[][2] = {
    { "introduction", NULL },
    { "tools-for-peace", NULL },
    { "global-partnership", "tools-for-peace" },
    { "three-principles", "tools-for-peace" },
    { "what-peacekeepers-do", "tools-for-peace" },
    { "consent-of-the-parties", NULL },
    { "challenges-of-consent", "consent-of-the-parties" },
    { "impartial-operations", NULL },
    { "impartiality-not-neutrality", "impartial-operations" },
    { "non-use-of-force", NULL },
    { "mutual-understanding", NULL },
    { "people-to-people-exchanges", "mutual-understanding" },
    { "cultural-diplomacy", "mutual-understanding" },
    { "diplomacy-beyond-states", "mutual-understanding" },
    { "conclusion", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tree); i++)
    {
      AccordTopic *topic = accord_pack_lookup_topic (pack, tree[i][0]);
      AccordTopic *parent;

      g_assert_nonnull (topic);
      g_assert_cmpuint (g_list_model_get_n_items (accord_topic_get_body (topic)), >, 0);
      parent = accord_topic_get_parent (topic);
      if (tree[i][1] == NULL)
        g_assert_null (parent);
      else
        g_assert_cmpstr (accord_topic_get_id (parent), ==, tree[i][1]);
    }
}

static void
test_article_substance (void)
{
  AccordTopic *what = accord_pack_lookup_topic (pack, "what-peacekeepers-do");
  const char *activities[] = { "civilians", "isarmament", "emobili", "eintegration", "lections",
                               "uman rights", "ule of law" };

  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    g_assert_true (topic_mentions (what, activities[i]));

  /* The article's history is corrected: the first operation was in 1948. */
  g_assert_true (topic_mentions (accord_pack_lookup_topic (pack, "tools-for-peace"), "1948"));
  g_assert_true (topic_mentions (accord_pack_lookup_topic (pack, "tools-for-peace"), "UNTSO") ||
                 topic_mentions (accord_pack_lookup_topic (pack, "tools-for-peace"), "Truce Supervision"));

}

/* Nothing from the scraped page's ads and link lists. */
static void
check_no_debris (GListModel *topics)
{
  const char *debris[] = { "You may want to see also", "Explore related products", "Pickaxe",
                           "Social Media", "Workplace", "Blu-ray", "amazon" };

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);

      for (guint j = 0; j < G_N_ELEMENTS (debris); j++)
        {
          g_assert_false (topic_mentions (topic, debris[j]));
          g_assert_null (strstr (accord_topic_get_title (topic), debris[j]));
        }
      check_no_debris (accord_topic_get_children (topic));
    }
}

static void
test_no_debris (void)
{
  check_no_debris (accord_pack_get_topics (pack));
}

static void
test_sources (void)
{
  GListModel *sources = accord_pack_get_sources (pack);
  gboolean principles = FALSE, charter = FALSE, state = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordSource) source = g_list_model_get_item (sources, i);
      const char *url = accord_source_get_url (source);

      g_assert_true (g_str_has_prefix (url, "https://"));
      principles |= strcmp (url, "https://peacekeeping.un.org/en/principles-of-peacekeeping") == 0;
      charter |= g_str_has_prefix (url, "https://www.un.org/en/about-us/un-charter");
      state |= g_str_has_prefix (url, "https://www.state.gov/");
    }

  g_assert_true (principles && charter && state);
}

static void
test_comparison (void)
{
  AccordComparison *comparison =
    accord_pack_find_comparison (pack, accord_pack_lookup_subject (pack, "peacekeeping"),
                                 accord_pack_lookup_subject (pack, "diplomacy"));
  GListModel *differences;

  g_assert_nonnull (comparison);
  g_assert_cmpuint (g_strv_length ((char **) accord_comparison_get_common (comparison)), >=, 2);

  differences = accord_comparison_get_differences (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (differences), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (differences); i++)
    {
      g_autoptr(AccordDifference) difference = g_list_model_get_item (differences, i);

      g_assert_nonnull (accord_difference_get_aspect (difference));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "content", "peace-and-security.json", NULL);
  file = g_file_new_for_path (path);
  pack = accord_pack_load_file (file, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  /* No warnings either: the built-in pack is the model for others. */
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_test_add_func ("/builtin/subjects", test_subjects);
  g_test_add_func ("/builtin/aspects", test_aspects);
  g_test_add_func ("/builtin/characteristics", test_characteristics_table);
  g_test_add_func ("/builtin/topic-tree", test_topic_tree);
  g_test_add_func ("/builtin/article-substance", test_article_substance);
  g_test_add_func ("/builtin/no-debris", test_no_debris);
  g_test_add_func ("/builtin/sources", test_sources);
  g_test_add_func ("/builtin/comparison", test_comparison);

  status = g_test_run ();
  g_clear_object (&pack);

  return status;
}
