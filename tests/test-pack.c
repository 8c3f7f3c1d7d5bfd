/* test-pack.c: the pack's list models, lookups and lifetime
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the style of GTK's model tests: load a pack, then assert on a compact
 * string of a model's contents.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord-core.h"

static const char *sample_pack =
  "{\n"
  "  \"format\": \"accord-pack\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"sample\",\n"
  "  \"title\": \"  Sample <b>pack</b>  \",\n"
  "  \"language\": \"fr\",\n"
  "  \"sources\": [\n"
  "    { \"id\": \"s1\", \"title\": \"One\", \"url\": \"https://example.org/1\", \"accessed\": \"2024-02-29\" },\n"
  "    { \"id\": \"s2\", \"title\": \"Two\", \"publisher\": \"P\" }\n"
  "  ],\n"
  "  \"subjects\": [\n"
  "    { \"id\": \"pk\", \"name\": \"Peacekeeping\", \"sources\": [\"s1\"] },\n"
  "    { \"id\": \"dip\", \"name\": \"Diplomacy\" },\n"
  "    { \"id\": \"med\", \"name\": \"Mediation\" }\n"
  "  ],\n"
  "  \"aspects\": [\n"
  "    { \"id\": \"nature\", \"name\": \"Nature\", \"group\": \"Overview\" },\n"
  "    { \"id\": \"consent\", \"name\": \"Consent\", \"group\": \"Principles\" },\n"
  "    { \"id\": \"force\", \"name\": \"Use of force\", \"group\": \"Principles\" }\n"
  "  ],\n"
  "  \"characteristics\": [\n"
  "    { \"subject\": \"pk\", \"aspect\": \"nature\", \"text\": \"A tool\", \"sources\": [\"s1\", \"s2\"] },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"nature\", \"text\": \"Another tool\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"consent\", \"text\": \"Needed\" }\n"
  "  ],\n"
  "  \"comparisons\": [\n"
  "    { \"subjects\": [\"pk\", \"dip\"], \"common\": [\"Both keep peace\"],\n"
  "      \"differences\": [ { \"aspect\": \"nature\", \"text\": \"Ground vs talks\" }, { \"text\": \"General\" } ] }\n"
  "  ],\n"
  "  \"topics\": [\n"
  "    { \"id\": \"a\", \"title\": \"A\", \"body\": [], \"related\": [\"c2\"],\n"
  "      \"topics\": [\n"
  "        { \"id\": \"b\", \"title\": \"B\", \"body\": [] },\n"
  "        { \"id\": \"c\", \"title\": \"C\", \"body\": [],\n"
  "          \"topics\": [ { \"id\": \"c2\", \"title\": \"C2\", \"body\": [], \"related\": [\"a\"] } ] }\n"
  "      ] },\n"
  "    { \"id\": \"d\", \"title\": \"D\", \"subjects\": [\"dip\", \"pk\"], \"aspects\": [\"force\"],\n"
  "      \"sources\": [\"s2\"], \"summary\": \"About D\",\n"
  "      \"body\": [\n"
  "        { \"type\": \"heading\", \"text\": \"H\" },\n"
  "        { \"type\": \"paragraph\", \"text\": \"P &amp; [x](y)\" },\n"
  "        { \"type\": \"list\", \"items\": [\"one\", \"two\"] },\n"
  "        { \"type\": \"note\", \"text\": \"N\" }\n"
  "      ] }\n"
  "  ]\n"
  "}\n";

static AccordPack *
load_string (const char  *json,
             GPtrArray  **diagnostics,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return accord_pack_load_bytes (bytes, "test.json", NULL, diagnostics, error);
}

static AccordPack *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  AccordPack *pack = load_string (sample_pack, &diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  return pack;
}

/* "a b c": one string property of every item. */
static char *
model_to_string (GListModel *model,
                 const char *property)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, value != NULL ? value : "-");
    }

  return g_string_free (s, FALSE);
}

/* "a(b c(c2)) d": the topic tree, through the children models. */
static void
append_tree (GString    *s,
             GListModel *topics)
{
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, accord_topic_get_id (topic));
      if (accord_topic_get_n_children (topic) > 0)
        {
          g_string_append_c (s, '(');
          append_tree (s, accord_topic_get_children (topic));
          g_string_append_c (s, ')');
        }
    }
}

static char *
tree_to_string (GListModel *topics)
{
  GString *s = g_string_new (NULL);

  append_tree (s, topics);
  return g_string_free (s, FALSE);
}

#define assert_model(model, property, expected) \
  G_STMT_START { \
    g_autofree char *s_ = model_to_string (G_LIST_MODEL (model), property); \
    g_assert_cmpstr (s_, ==, expected); \
  } G_STMT_END

static void
test_top_level (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autofree char *title = NULL;

  /* Outer white space trimmed; markup kept as it is, literally. */
  g_assert_cmpstr (accord_pack_get_title (pack), ==, "Sample <b>pack</b>");
  g_assert_cmpstr (accord_pack_get_id (pack), ==, "sample");
  g_assert_cmpstr (accord_pack_get_language (pack), ==, "fr");
  g_assert_null (accord_pack_get_description (pack));
  g_assert_null (accord_pack_get_translation_domain (pack));
  g_assert_null (accord_pack_get_file (pack));

  g_object_get (pack, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Sample <b>pack</b>");
}

static void
test_text_direction (void)
{
  struct { const char *language; gboolean rtl; } cases[] = {
    { "en", FALSE }, { "ar", TRUE }, { "ar-EG", TRUE }, { "he", TRUE }, { "fa", TRUE },
    { "ur", TRUE }, { "fr", FALSE }, { "zh-Hans-CN", FALSE }, { "az-Arab", TRUE }, { "ku-Latn", FALSE },
    { "AR", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"x\", "
                                               "\"title\": \"T\", \"language\": \"%s\", "
                                               "\"subjects\": [ { \"id\": \"s\", \"name\": \"S\" } ] }",
                                               cases[i].language);
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordPack) pack = load_string (json, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (accord_pack_is_right_to_left (pack), ==, cases[i].rtl);
    }
}

static void
test_lists (void)
{
  g_autoptr(AccordPack) pack = load_sample ();

  assert_model (accord_pack_get_subjects (pack), "id", "pk dip med");
  assert_model (accord_pack_get_subjects (pack), "name", "Peacekeeping Diplomacy Mediation");
  assert_model (accord_pack_get_aspects (pack), "id", "nature consent force");
  assert_model (accord_pack_get_aspects (pack), "group", "Overview Principles Principles");
  assert_model (accord_pack_get_characteristics (pack), "text", "A tool Another tool Needed");
  assert_model (accord_pack_get_topics (pack), "id", "a d");
}

static void
test_sources (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  AccordSource *s1 = accord_pack_lookup_source (pack, "s1");

  assert_model (accord_pack_get_sources (pack), "id", "s1 s2");
  assert_model (accord_pack_get_sources (pack), "publisher", "- P");
  assert_model (accord_pack_get_sources (pack), "accessed", "2024-02-29 -");
  g_assert_cmpstr (accord_source_get_url (s1), ==, "https://example.org/1");
  assert_model (accord_subject_get_sources (accord_pack_lookup_subject (pack, "pk")), "id", "s1");
  assert_model (accord_subject_get_sources (accord_pack_lookup_subject (pack, "dip")), "id", "");
}

static void
test_characteristics (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  AccordSubject *pk = accord_pack_lookup_subject (pack, "pk");
  AccordSubject *dip = accord_pack_lookup_subject (pack, "dip");
  AccordSubject *med = accord_pack_lookup_subject (pack, "med");
  AccordAspect *nature = accord_pack_lookup_aspect (pack, "nature");
  AccordAspect *consent = accord_pack_lookup_aspect (pack, "consent");
  AccordCharacteristic *c;

  g_assert_cmpuint (accord_subject_get_position (med), ==, 2);
  g_assert_cmpuint (accord_aspect_get_position (consent), ==, 1);

  c = accord_pack_get_characteristic (pack, pk, nature);
  g_assert_cmpstr (accord_characteristic_get_text (c), ==, "A tool");
  g_assert_true (accord_characteristic_get_subject (c) == pk);
  g_assert_true (accord_characteristic_get_aspect (c) == nature);
  assert_model (accord_characteristic_get_sources (c), "id", "s1 s2");

  g_assert_cmpstr (accord_characteristic_get_text (accord_pack_get_characteristic (pack, dip, nature)), ==,
                   "Another tool");
  g_assert_cmpstr (accord_characteristic_get_text (accord_pack_get_characteristic (pack, pk, consent)), ==,
                   "Needed");
  /* Not covered: no characteristic, never an empty one. */
  g_assert_null (accord_pack_get_characteristic (pack, dip, consent));
  g_assert_null (accord_pack_get_characteristic (pack, med, nature));
}

static void
test_comparisons (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  AccordSubject *pk = accord_pack_lookup_subject (pack, "pk");
  AccordSubject *dip = accord_pack_lookup_subject (pack, "dip");
  AccordSubject *med = accord_pack_lookup_subject (pack, "med");
  AccordComparison *comparison = accord_pack_find_comparison (pack, dip, pk);
  GListModel *differences;
  g_autoptr(AccordDifference) general = NULL;

  g_assert_nonnull (comparison);
  g_assert_null (accord_pack_find_comparison (pack, pk, med));
  assert_model (accord_comparison_get_subjects (comparison), "id", "pk dip");
  g_assert_cmpstrv (accord_comparison_get_common (comparison), ((const char *[]) { "Both keep peace", NULL }));

  differences = accord_comparison_get_differences (comparison);
  assert_model (differences, "text", "Ground vs talks General");
  general = g_list_model_get_item (differences, 1);
  g_assert_null (accord_difference_get_aspect (general));
}

static void
test_topic_tree (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autofree char *tree = tree_to_string (accord_pack_get_topics (pack));
  AccordTopic *c2 = accord_pack_lookup_topic (pack, "c2");
  AccordTopic *a = accord_pack_lookup_topic (pack, "a");

  g_assert_cmpstr (tree, ==, "a(b c(c2)) d");
  g_assert_cmpuint (accord_pack_get_n_topics_total (pack), ==, 5);

  g_assert_cmpuint (accord_topic_get_depth (c2), ==, 2);
  g_assert_cmpstr (accord_topic_get_id (accord_topic_get_parent (c2)), ==, "c");
  g_assert_null (accord_topic_get_parent (a));

  /* Forward and backward related links both resolve. */
  assert_model (accord_topic_get_related (a), "id", "c2");
  assert_model (accord_topic_get_related (c2), "id", "a");

  /* The same model each time: views can rely on it. */
  g_assert_true (accord_topic_get_children (a) == accord_topic_get_children (a));
}

static void
test_topic_page (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  AccordTopic *d = accord_pack_lookup_topic (pack, "d");
  GListModel *body = accord_topic_get_body (d);
  g_autoptr(AccordBlock) list = g_list_model_get_item (body, 2);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (ACCORD_TYPE_BLOCK_KIND);
  GString *s = g_string_new (NULL);
  g_autofree char *kinds_string = NULL;

  g_assert_cmpstr (accord_topic_get_summary (d), ==, "About D");
  assert_model (accord_topic_get_subjects (d), "id", "dip pk");
  assert_model (accord_topic_get_aspects (d), "id", "force");
  assert_model (accord_topic_get_sources (d), "id", "s2");

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(AccordBlock) block = g_list_model_get_item (body, i);

      g_string_append_printf (s, "%s%s", i ? " " : "",
                              g_enum_get_value (kinds, accord_block_get_kind (block))->value_nick);
    }
  kinds_string = g_string_free (s, FALSE);
  g_assert_cmpstr (kinds_string, ==, "heading paragraph list note");

  g_assert_null (accord_block_get_text (list));
  g_assert_cmpstrv (accord_block_get_items (list), ((const char *[]) { "one", "two", NULL }));
  assert_model (body, "text", "H P &amp; [x](y) - N");
}

static void
test_related_cycles_are_freed (void)
{
  AccordPack *pack = load_sample ();
  gpointer a = accord_pack_lookup_topic (pack, "a");
  gpointer c2 = accord_pack_lookup_topic (pack, "c2");

  /* a and c2 name each other as related: a cycle the pack must break. */
  g_object_add_weak_pointer (a, &a);
  g_object_add_weak_pointer (c2, &c2);
  g_object_unref (pack);

  g_assert_null (a);
  g_assert_null (c2);
}

static void
test_held_model_keeps_its_items (void)
{
  AccordPack *pack = load_sample ();
  gpointer a = accord_pack_lookup_topic (pack, "a");
  GListModel *related = g_object_ref (accord_topic_get_related (accord_pack_lookup_topic (pack, "c2")));

  g_object_add_weak_pointer (a, &a);
  g_object_unref (pack);

  /* A model a view still holds keeps its items alive, and nothing leaks
   * once it lets go. */
  g_assert_nonnull (a);
  g_assert_cmpuint (g_list_model_get_n_items (related), ==, 1);
  g_object_unref (related);
  g_assert_null (a);
}

static void
test_child_outlives_parent (void)
{
  AccordPack *pack = load_sample ();
  g_autoptr(AccordTopic) c2 = g_object_ref (accord_pack_lookup_topic (pack, "c2"));

  g_object_unref (pack);
  /* The parent is gone: the link is cleared, not left dangling. */
  g_assert_null (accord_topic_get_parent (c2));
  g_assert_cmpuint (g_list_model_get_n_items (accord_topic_get_related (c2)), ==, 0);
}

static void
test_error_leaves_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AccordPack) pack = NULL;
  const char *json =
    "{\n"
    "  \"format\": \"accord-pack\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"x\",\n"
    "  \"title\": \"T\",\n"
    "  \"bonus\": true,\n"
    "  \"subjects\": [ { \"id\": \"s\", \"name\": \"S\" } ],\n"
    "  \"topics\": [ { \"id\": \"t\", \"title\": \"T\", \"body\": [], \"related\": [\"nope\"] },\n"
    "              { \"id\": \"t\", \"title\": \"Again\", \"body\": [] } ]\n"
    "}\n";
  const char *expected[] = {
    "test.json:6:3: warning: bonus: unknown member “bonus” is ignored",
    "test.json:8:66: error: topics[0].related[0]: no topic with id “nope”",
    "test.json:9:23: error: topics[1].id: another topic already has the id “t”",
  };

  pack = load_string (json, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, ACCORD_PACK_ERROR, ACCORD_PACK_ERROR_REFERENCE);
  g_assert_cmpstr (error->message, ==, expected[1]);

  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = accord_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_cmpstr (line, ==, expected[i]);
    }
}

static void
test_too_many_problems (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"x\", "
                                          "\"title\": \"T\", \"subjects\": [");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AccordPack) pack = NULL;
  AccordDiagnostic *last;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (json, "%s{ \"id\": \"BAD%u\", \"name\": \"n\" }", i ? ", " : "", i);
  g_string_append (json, "] }");

  pack = load_string (json->str, &diagnostics, NULL);
  g_assert_null (pack);
  /* A bounded list, and a last line that says how many more there are. */
  g_assert_cmpuint (diagnostics->len, ==, 101);
  last = g_ptr_array_index (diagnostics, 100);
  g_assert_cmpstr (accord_diagnostic_get_message (last), ==, "too many problems: 400 more are not shown");
  g_assert_cmpint (accord_diagnostic_get_severity (last), ==, ACCORD_SEVERITY_ERROR);
}

static void
test_warnings_never_hide_errors (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"x\", "
                                          "\"title\": \"T\", \"subjects\": [ { \"id\": \"s\", \"name\": \"S\" } ],");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;

  /* 150 unknown members first, then an error at the very end. */
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (json, " \"x%u\": %u,", i, i);
  g_string_append (json, " \"topics\": [ { \"id\": \"t\", \"title\": \"T\", \"body\": [], \"related\": [\"gone\"] } ] }");

  pack = load_string (json->str, &diagnostics, &error);
  /* Warnings never stop validation: the pack is refused, and the error is
   * listed after the first 100 problems and reported in the GError. */
  g_assert_null (pack);
  g_assert_error (error, ACCORD_PACK_ERROR, ACCORD_PACK_ERROR_REFERENCE);
  g_assert_cmpuint (diagnostics->len, ==, 102);
  g_assert_cmpint (accord_diagnostic_get_severity (g_ptr_array_index (diagnostics, 100)), ==,
                   ACCORD_SEVERITY_ERROR);
  g_assert_cmpstr (accord_diagnostic_get_message (g_ptr_array_index (diagnostics, 101)), ==,
                   "too many problems: 50 more are not shown");
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (fractions, fraction);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Loads @file in a thread, telling @progress (when not NULL) of each
 * report, and waits for the result and the last report. */
static GAsyncResult *
load_async (GFile              *file,
            GCancellable       *cancellable,
            AccordProgressFunc  progress,
            gpointer            progress_data)
{
  GAsyncResult *result = NULL;

  accord_pack_load_async (file, cancellable, progress, progress_data, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE));

  return result;
}

static char *
write_temp_pack (const char *json)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("accord-test-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_async (void)
{
  g_autofree char *path = write_temp_pack (sample_pack);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;

  result = load_async (file, NULL, on_progress, fractions);

  pack = accord_pack_load_finish (result, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accord_pack_get_id (pack), ==, "sample");
  g_assert_true (g_file_equal (accord_pack_get_file (pack), file));
  g_assert_cmpuint (diagnostics->len, ==, 0);

  /* Progress is reported in the caller's context and never goes back. */
  g_assert_cmpuint (fractions->len, >, 0);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));

  g_unlink (path);
}

/* Large enough for every phase to report more than once: 5,000 topics,
 * 25,000 objects and 75,000 values. */
static char *
many_topics_pack (void)
{
  GString *json = g_string_new ("{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"many\",\n"
                                "  \"title\": \"Many\", \"subjects\": [ { \"id\": \"s\", \"name\": \"S\" } ],\n"
                                "  \"aspects\": [ { \"id\": \"a\", \"name\": \"A\" } ], \"topics\": [\n");

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s    { \"id\": \"t%u\", \"title\": \"Topic %u\", \"body\": [\n"
                                  "      { \"type\": \"paragraph\", \"text\": \"One of many.\" },\n"
                                  "      { \"type\": \"list\", \"items\": [\"a\", \"b\"] },\n"
                                  "      { \"type\": \"note\", \"text\": \"Noted.\" } ],\n"
                                  "      \"topics\": [ { \"id\": \"t%u-1\", \"title\": \"Sub\", \"body\": [] } ] }",
                            i > 0 ? ",\n" : "", i, i, i);
  g_string_append (json, "\n  ]\n}\n");

  return g_string_free (json, FALSE);
}

/* The bar moves all through the load, parsing included: no phase is one
 * jump. */
static void
test_async_progress (void)
{
  g_autofree char *json = many_topics_pack ();
  g_autofree char *path = write_temp_pack (json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  double previous = 0;

  result = load_async (file, NULL, on_progress, fractions);
  pack = accord_pack_load_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accord_pack_get_topics (pack)), ==, 5000);

  g_assert_cmpuint (fractions->len, >=, 20);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >=, previous);
      g_assert_cmpfloat (fraction - previous, <=, 0.1);
      previous = fraction;
    }
  g_assert_cmpfloat (previous, ==, 1.0);

  g_unlink (path);
}

typedef struct
{
  GCancellable *cancellable;
  guint         reports;
} CancelOnProgress;

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  CancelOnProgress *c = user_data;

  c->reports++;
  g_cancellable_cancel (c->cancellable);
}

/* Nothing is reported once a load is cancelled, though its thread goes on
 * to the end of the parse. */
static void
test_async_cancel_progress (void)
{
  g_autofree char *json = many_topics_pack ();
  g_autofree char *path = write_temp_pack (json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelOnProgress c = { cancellable, 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AccordPack) pack = NULL;

  result = load_async (file, cancellable, cancel_on_progress, &c);

  g_assert_cmpuint (c.reports, ==, 1);
  /* Cancelled, unless the thread was done before the first report came. */
  pack = accord_pack_load_finish (result, NULL, NULL);

  g_unlink (path);
}

static void
test_async_error (void)
{
  g_autofree char *path = write_temp_pack ("{\"format\": \"accord-pack\",\n \"version\": 3}");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;

  result = load_async (file, NULL, NULL, NULL);

  pack = accord_pack_load_finish (result, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, ACCORD_PACK_ERROR, ACCORD_PACK_ERROR_VERSION);
  g_assert_true (g_str_has_suffix (error->message, ":2:13: error: version: this pack needs a newer Accord (format 3)"));
  g_assert_cmpuint (diagnostics->len, ==, 1);

  g_unlink (path);
}

static void
test_async_cancel (void)
{
  g_autofree char *path = write_temp_pack (sample_pack);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;

  g_cancellable_cancel (cancellable);
  result = load_async (file, cancellable, NULL, NULL);

  pack = accord_pack_load_finish (result, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack/top-level", test_top_level);
  g_test_add_func ("/pack/lists", test_lists);
  g_test_add_func ("/pack/text-direction", test_text_direction);
  g_test_add_func ("/pack/sources", test_sources);
  g_test_add_func ("/pack/characteristics", test_characteristics);
  g_test_add_func ("/pack/comparisons", test_comparisons);
  g_test_add_func ("/pack/topic-tree", test_topic_tree);
  g_test_add_func ("/pack/topic-page", test_topic_page);
  g_test_add_func ("/pack/related-cycles-freed", test_related_cycles_are_freed);
  g_test_add_func ("/pack/held-model-keeps-items", test_held_model_keeps_its_items);
  g_test_add_func ("/pack/child-outlives-parent", test_child_outlives_parent);
  g_test_add_func ("/pack/error-leaves-nothing", test_error_leaves_nothing);
  g_test_add_func ("/pack/too-many-problems", test_too_many_problems);
  g_test_add_func ("/pack/warnings-never-hide-errors", test_warnings_never_hide_errors);
  g_test_add_func ("/pack/async", test_async);
  g_test_add_func ("/pack/async-progress", test_async_progress);
  g_test_add_func ("/pack/async-cancel-progress", test_async_cancel_progress);
  g_test_add_func ("/pack/async-error", test_async_error);
  g_test_add_func ("/pack/async-cancel", test_async_cancel);

  return g_test_run ();
}
