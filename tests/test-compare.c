/* test-compare.c: lining subjects up aspect by aspect
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the style of GTK's model tests: build the rows for a choice of subjects,
 * then assert on a compact string of their marks, such as
 * "nature:differs consent:only(pk) scope:none".
 */

#include "config.h"

#include <string.h>

#include "accord-core.h"

/* Four subjects. Two comparisons: {pk, dip} and {pk, dip, med}, in that
 * order, so accord_pack_find_comparison (pk, dip) returns the first, which
 * does not involve med. Nothing compares san with anyone. */
static const char *sample_pack =
  "{\n"
  "  \"format\": \"accord-pack\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"compare-sample\",\n"
  "  \"title\": \"Compare sample\",\n"
  "  \"subjects\": [\n"
  "    { \"id\": \"pk\", \"name\": \"Peacekeeping\" },\n"
  "    { \"id\": \"dip\", \"name\": \"Diplomacy\" },\n"
  "    { \"id\": \"med\", \"name\": \"Mediation\" },\n"
  "    { \"id\": \"san\", \"name\": \"Sanctions\" }\n"
  "  ],\n"
  "  \"aspects\": [\n"
  "    { \"id\": \"nature\", \"name\": \"Nature\" },\n"
  "    { \"id\": \"purpose\", \"name\": \"Purpose\" },\n"
  "    { \"id\": \"means\", \"name\": \"Means\" },\n"
  "    { \"id\": \"consent\", \"name\": \"Consent\" },\n"
  "    { \"id\": \"force\", \"name\": \"Use of force\" },\n"
  "    { \"id\": \"scope\", \"name\": \"Scope\" },\n"
  "    { \"id\": \"legit\", \"name\": \"Legitimacy\" }\n"
  "  ],\n"
  "  \"characteristics\": [\n"
  "    { \"subject\": \"pk\", \"aspect\": \"nature\", \"text\": \"A UN tool\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"nature\", \"text\": \"A national tool\" },\n"
  "    { \"subject\": \"med\", \"aspect\": \"nature\", \"text\": \"A go-between\" },\n"
  "    { \"subject\": \"san\", \"aspect\": \"nature\", \"text\": \"a un \\t\\n TOOL\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"purpose\", \"text\": \"Keep the peace\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"purpose\", \"text\": \"keep   the PEACE\" },\n"
  "    { \"subject\": \"med\", \"aspect\": \"purpose\", \"text\": \"Resolve disputes\" },\n"
  "    { \"subject\": \"san\", \"aspect\": \"purpose\", \"text\": \"Pressure\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"means\", \"text\": \"Troops\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"means\", \"text\": \"Talks\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"consent\", \"text\": \"Needed\" },\n"
  "    { \"subject\": \"med\", \"aspect\": \"consent\", \"text\": \"Needed too\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"force\", \"text\": \"Self-defence only\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"force\", \"text\": \"None\" },\n"
  "    { \"subject\": \"pk\", \"aspect\": \"legit\", \"text\": \"Security Council\" },\n"
  "    { \"subject\": \"dip\", \"aspect\": \"legit\", \"text\": \"Sovereignty\" },\n"
  "    { \"subject\": \"med\", \"aspect\": \"legit\", \"text\": \"The parties\" },\n"
  "    { \"subject\": \"san\", \"aspect\": \"legit\", \"text\": \"  security  COUNCIL \" }\n"
  "  ],\n"
  "  \"comparisons\": [\n"
  "    { \"subjects\": [\"pk\", \"dip\"],\n"
  "      \"common\": [\"Both keep peace\"],\n"
  "      \"differences\": [\n"
  "        { \"aspect\": \"nature\", \"text\": \"Ground against talks\" },\n"
  "        { \"aspect\": \"force\", \"text\": \"Arms against words\" },\n"
  "        { \"text\": \"General one\" } ] },\n"
  "    { \"subjects\": [\"med\", \"pk\", \"dip\"],\n"
  "      \"common\": [\"All three seek peace\", \"Both keep peace\"],\n"
  "      \"differences\": [\n"
  "        { \"aspect\": \"legit\", \"text\": \"Different sources\" },\n"
  "        { \"aspect\": \"nature\", \"text\": \"Ground against talks\" },\n"
  "        { \"text\": \"General two\" } ] }\n"
  "  ]\n"
  "}\n";

static AccordPack *
load_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  pack = accord_pack_load_bytes (bytes, "compare.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

static AccordPack *
load_sample (void)
{
  return load_string (sample_pack);
}

/* A model of the subjects named in @ids, space-separated. */
static GListModel *
choose (AccordPack *pack,
        const char *ids)
{
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);
  GListStore *store = g_list_store_new (ACCORD_TYPE_SUBJECT);

  for (guint i = 0; split[i] != NULL; i++)
    {
      AccordSubject *subject;

      if (*split[i] == '\0')
        continue;
      subject = accord_pack_lookup_subject (pack, split[i]);
      g_assert_nonnull (subject);
      g_list_store_append (store, subject);
    }

  return G_LIST_MODEL (store);
}

static const char *
mark_nick (AccordMark mark)
{
  GEnumClass *klass = g_type_class_peek (ACCORD_TYPE_MARK);

  return g_enum_get_value (klass, mark)->value_nick;
}

/* "nature:differs consent:only(pk,med) scope:none" */
static char *
marks_string (GListModel *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);
      AccordMark mark = accord_compare_row_get_mark (row);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%s",
                              accord_aspect_get_id (accord_compare_row_get_aspect (row)),
                              mark_nick (mark));

      if (mark == ACCORD_MARK_ONLY)
        {
          GListModel *covering = accord_compare_row_get_covering (row);

          g_string_append_c (out, '(');
          for (guint j = 0; j < g_list_model_get_n_items (covering); j++)
            {
              g_autoptr(AccordSubject) subject = g_list_model_get_item (covering, j);

              g_string_append_printf (out, "%s%s", j > 0 ? "," : "", accord_subject_get_id (subject));
            }
          g_string_append_c (out, ')');
        }
    }

  return g_string_free (out, FALSE);
}

/* "A UN tool|-" : the values of the row for @aspect_id, "-" when not covered */
static char *
values_string (GListModel *rows,
               const char *aspect_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);
      GString *out;

      if (g_strcmp0 (accord_aspect_get_id (accord_compare_row_get_aspect (row)), aspect_id) != 0)
        continue;

      out = g_string_new (NULL);
      for (guint j = 0; j < accord_compare_row_get_n_values (row); j++)
        {
          AccordCharacteristic *value = accord_compare_row_get_value (row, j);

          g_string_append_printf (out, "%s%s", j > 0 ? "|" : "",
                                  value != NULL ? accord_characteristic_get_text (value) : "-");
        }
      return g_string_free (out, FALSE);
    }

  g_assert_not_reached ();
}

static const char *
difference_of (GListModel *rows,
               const char *aspect_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (accord_aspect_get_id (accord_compare_row_get_aspect (row)), aspect_id) == 0)
        return accord_compare_row_get_difference (row);  /* the model keeps the row */
    }

  g_assert_not_reached ();
}

static char *
strv_string (char **strv)
{
  return g_strjoinv ("|", strv);
}

#define assert_marks(rows, expected) G_STMT_START { \
  g_autofree char *marks__ = marks_string (rows); \
  g_assert_cmpstr (marks__, ==, expected); \
} G_STMT_END

#define assert_values(rows, aspect, expected) G_STMT_START { \
  g_autofree char *values__ = values_string (rows, aspect); \
  g_assert_cmpstr (values__, ==, expected); \
} G_STMT_END

#define assert_strv(strv, expected) G_STMT_START { \
  g_auto(GStrv) strv__ = (strv); \
  g_autofree char *joined__ = strv_string (strv__); \
  g_assert_cmpstr (joined__, ==, expected); \
} G_STMT_END

static void
test_with_comparison (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) subjects = choose (pack, "pk dip");
  g_autoptr(GListModel) rows = accord_compare_rows_new (pack, subjects);

  g_assert_true (g_list_model_get_item_type (rows) == ACCORD_TYPE_COMPARE_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);

  /* Both comparisons involve pk and dip: legit's difference comes from the
   * second. "means" says different things but no comparison lists a
   * difference, so the pack's authors call it common ground. */
  assert_marks (rows, "nature:differs purpose:common means:common consent:only(pk) "
                      "force:differs scope:none legit:differs");
  assert_values (rows, "nature", "A UN tool|A national tool");
  assert_values (rows, "consent", "Needed|-");
  assert_values (rows, "scope", "-|-");

  /* The same text in two comparisons is given once. */
  g_assert_cmpstr (difference_of (rows, "nature"), ==, "Ground against talks");
  g_assert_cmpstr (difference_of (rows, "force"), ==, "Arms against words");
  g_assert_cmpstr (difference_of (rows, "legit"), ==, "Different sources");
  g_assert_null (difference_of (rows, "purpose"));
  g_assert_null (difference_of (rows, "scope"));

  assert_strv (accord_compare_get_common (pack, subjects), "Both keep peace|All three seek peace");
  assert_strv (accord_compare_get_general_differences (pack, subjects), "General one|General two");
}

static void
test_without_comparison (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) subjects = choose (pack, "pk san");
  g_autoptr(GListModel) rows = accord_compare_rows_new (pack, subjects);

  g_assert_null (accord_pack_find_comparison (pack, accord_pack_lookup_subject (pack, "pk"),
                                              accord_pack_lookup_subject (pack, "san")));

  /* "A UN tool" = "a un \t\n TOOL" and "Security Council" = "  security
   * COUNCIL ": equal once case and white space are folded. */
  assert_marks (rows, "nature:common purpose:differs means:only(pk) consent:only(pk) "
                      "force:only(pk) scope:none legit:common");
  assert_values (rows, "nature", "A UN tool|a un \t\n TOOL");
  assert_values (rows, "purpose", "Keep the peace|Pressure");
  g_assert_null (difference_of (rows, "purpose"));

  assert_strv (accord_compare_get_common (pack, subjects), "");
  assert_strv (accord_compare_get_general_differences (pack, subjects), "");
}

static void
test_three_subjects (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) subjects = choose (pack, "pk dip med");
  g_autoptr(GListModel) rows = accord_compare_rows_new (pack, subjects);

  /* Only the second comparison involves all three; find_comparison (pk,
   * dip) would have given the first. Its differences for nature and force
   * do not count: force is "only" anyway and carries no difference text. */
  g_assert_false (accord_comparison_involves (accord_pack_find_comparison (pack,
                                                accord_pack_lookup_subject (pack, "pk"),
                                                accord_pack_lookup_subject (pack, "dip")),
                                              accord_pack_lookup_subject (pack, "med")));

  assert_marks (rows, "nature:differs purpose:common means:only(pk,dip) consent:only(pk,med) "
                      "force:only(pk,dip) scope:none legit:differs");
  assert_values (rows, "means", "Troops|Talks|-");
  assert_values (rows, "consent", "Needed|-|Needed too");
  g_assert_null (difference_of (rows, "force"));
  g_assert_cmpstr (difference_of (rows, "legit"), ==, "Different sources");

  assert_strv (accord_compare_get_common (pack, subjects), "All three seek peace|Both keep peace");
  assert_strv (accord_compare_get_general_differences (pack, subjects), "General two");

  /* A fourth subject that no comparison names: texts decide, and a row
   * covered by three of the four is "only" those three. */
  {
    g_autoptr(GListModel) four = choose (pack, "pk dip med san");
    g_autoptr(GListModel) four_rows = accord_compare_rows_new (pack, four);

    assert_marks (four_rows, "nature:differs purpose:differs means:only(pk,dip) consent:only(pk,med) "
                             "force:only(pk,dip) scope:none legit:differs");
    assert_strv (accord_compare_get_common (pack, four), "");
  }
}

static void
test_swap (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) forward = choose (pack, "pk dip");
  g_autoptr(GListModel) backward = choose (pack, "dip pk");
  g_autoptr(GListModel) rows = accord_compare_rows_new (pack, forward);
  g_autoptr(GListModel) swapped = accord_compare_rows_new (pack, backward);
  g_autofree char *marks = marks_string (rows);

  assert_marks (swapped, marks);
  assert_values (swapped, "nature", "A national tool|A UN tool");
  assert_values (swapped, "consent", "-|Needed");
  g_assert_cmpstr (difference_of (swapped, "nature"), ==, "Ground against talks");

  assert_strv (accord_compare_get_common (pack, backward), "Both keep peace|All three seek peace");
}

static void
test_few_subjects (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) one = choose (pack, "pk");
  g_autoptr(GListModel) none = choose (pack, "");
  g_autoptr(GListModel) twice = choose (pack, "pk pk");
  g_autoptr(GListModel) rows = NULL;

  rows = accord_compare_rows_new (pack, one);
  assert_marks (rows, "nature:only(pk) purpose:only(pk) means:only(pk) consent:only(pk) "
                      "force:only(pk) scope:none legit:only(pk)");
  assert_values (rows, "nature", "A UN tool");
  assert_strv (accord_compare_get_common (pack, one), "");
  assert_strv (accord_compare_get_general_differences (pack, one), "");
  g_clear_object (&rows);

  rows = accord_compare_rows_new (pack, none);
  assert_marks (rows, "nature:none purpose:none means:none consent:none "
                      "force:none scope:none legit:none");
  assert_values (rows, "nature", "");
  assert_strv (accord_compare_get_common (pack, none), "");
  g_clear_object (&rows);

  rows = accord_compare_rows_new (pack, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
  g_clear_object (&rows);

  /* The same subject twice agrees with itself; no comparison applies. */
  rows = accord_compare_rows_new (pack, twice);
  assert_marks (rows, "nature:common purpose:common means:common consent:common "
                      "force:common scope:none legit:common");
  g_assert_null (difference_of (rows, "nature"));
  assert_strv (accord_compare_get_common (pack, twice), "");
}

static void
test_properties (void)
{
  g_autoptr(AccordPack) pack = load_sample ();
  g_autoptr(GListModel) subjects = choose (pack, "pk dip med");
  g_autoptr(GListModel) rows = accord_compare_rows_new (pack, subjects);
  g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, 3);  /* consent */
  g_autoptr(AccordAspect) aspect = NULL;
  g_autoptr(GListModel) covering = NULL;
  g_autofree char *difference = NULL;
  AccordMark mark;
  guint n_values;

  g_object_get (row,
                "aspect", &aspect,
                "mark", &mark,
                "difference", &difference,
                "covering", &covering,
                "n-values", &n_values,
                NULL);

  g_assert_cmpstr (accord_aspect_get_id (aspect), ==, "consent");
  g_assert_cmpint (mark, ==, ACCORD_MARK_ONLY);
  g_assert_null (difference);
  g_assert_true (covering == accord_compare_row_get_covering (row));
  g_assert_cmpuint (g_list_model_get_n_items (covering), ==, 2);
  g_assert_cmpuint (n_values, ==, 3);
  g_assert_null (accord_compare_row_get_value (row, 1));
  g_assert_cmpstr (accord_characteristic_get_text (accord_compare_row_get_value (row, 2)), ==, "Needed too");
}

/* The built-in pack, read from the source tree. */
static void
test_builtin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "content",
                                                 "peace-and-security.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(GListModel) subjects = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_auto(GStrv) common = NULL;
  g_autofree char *marks = NULL;

  pack = accord_pack_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  subjects = choose (pack, "peacekeeping diplomacy");
  rows = accord_compare_rows_new (pack, subjects);
  g_assert_cmpuint (g_list_model_get_n_items (rows),
                    ==, g_list_model_get_n_items (accord_pack_get_aspects (pack)));

  marks = marks_string (rows);
  g_test_message ("built-in marks: %s", marks);
  g_assert_true (g_str_has_prefix (marks, "nature:differs "));
  g_assert_nonnull (strstr (marks, " consent:only(peacekeeping) "));
  g_assert_nonnull (difference_of (rows, "nature"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AccordCompareRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (accord_aspect_get_id (accord_compare_row_get_aspect (row)), "consent") != 0)
        continue;
      g_assert_nonnull (accord_compare_row_get_value (row, 0));
      g_assert_null (accord_compare_row_get_value (row, 1));
      g_assert_null (accord_compare_row_get_difference (row));
    }

  common = accord_compare_get_common (pack, subjects);
  g_assert_cmpuint (g_strv_length (common), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/with-comparison", test_with_comparison);
  g_test_add_func ("/compare/without-comparison", test_without_comparison);
  g_test_add_func ("/compare/three-subjects", test_three_subjects);
  g_test_add_func ("/compare/swap", test_swap);
  g_test_add_func ("/compare/few-subjects", test_few_subjects);
  g_test_add_func ("/compare/properties", test_properties);
  g_test_add_func ("/compare/builtin", test_builtin);

  return g_test_run ();
}
