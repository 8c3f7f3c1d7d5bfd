/* test-json-scan.c: the strict byte-level JSON check and path locator
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accord-core.h"
#include "accord-json-scan.h"

/* Checks @json and returns "ok" or "CODE@LINE:COL". */
static char *
check (const char *json,
       gssize      length)
{
  AccordJsonProblem problem = { 0, };
  gsize len = length < 0 ? strlen (json) : (gsize) length;
  guint line, column;
  char *result;

  if (accord_json_check (json, len, NULL, NULL, NULL, NULL, &problem))
    return g_strdup ("ok");

  g_assert_nonnull (problem.message);
  accord_json_offset_to_position (json, len, problem.offset, &line, &column);
  result = g_strdup_printf ("%d@%u:%u", problem.code, line, column);
  accord_json_problem_clear (&problem);

  return result;
}

#define assert_check(json, expected) \
  G_STMT_START { \
    g_autofree char *r_ = check (json, -1); \
    g_assert_cmpstr (r_, ==, expected); \
  } G_STMT_END

static char *
code_at (int         code,
         const char *where)
{
  return g_strdup_printf ("%d@%s", code, where);
}

#define assert_problem(json, code, where) \
  G_STMT_START { \
    g_autofree char *r_ = check (json, -1); \
    g_autofree char *e_ = code_at (code, where); \
    g_assert_cmpstr (r_, ==, e_); \
  } G_STMT_END

static void
test_accepts_valid_json (void)
{
  assert_check ("{}", "ok");
  assert_check ("  {\"a\": [1, -2.5e+3, 0, true, false, null, \"x\"]}\n", "ok");
  assert_check ("{\"e\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\udd4a\"}", "ok");
  assert_check ("\xEF\xBB\xBF{}", "ok");
  assert_check ("{\"caf\xC3\xA9\": \"\xE2\x98\xAE\"}", "ok");
}

static void
test_rejects_non_json (void)
{
  /* What json-glib 1.6 lets through: comments, single quotes, leading zeros,
   * several top-level values, trailing commas. */
  assert_problem ("{} // c", ACCORD_PACK_ERROR_SYNTAX, "1:4");
  assert_problem ("{\n  /* c */ }", ACCORD_PACK_ERROR_SYNTAX, "2:3");
  assert_problem ("{'a': 1}", ACCORD_PACK_ERROR_SYNTAX, "1:2");
  assert_problem ("{\"a\": 01}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": 1}{\"b\": 2}", ACCORD_PACK_ERROR_SYNTAX, "1:9");
  assert_problem ("{\"a\": [1, 2,]}", ACCORD_PACK_ERROR_SYNTAX, "1:13");
  assert_problem ("{\"a\": 1,}", ACCORD_PACK_ERROR_SYNTAX, "1:9");
  assert_problem ("{\"a\": .5}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": 1.}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": 1e}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": +1}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": tru}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\": NaN}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  assert_problem ("{\"a\" 1}", ACCORD_PACK_ERROR_SYNTAX, "1:6");
  assert_problem ("{a: 1}", ACCORD_PACK_ERROR_SYNTAX, "1:2");
  assert_problem ("{\"a\": \"x", ACCORD_PACK_ERROR_SYNTAX, "1:9");
  assert_problem ("{\"a\": \"\\x\"}", ACCORD_PACK_ERROR_SYNTAX, "1:8");
  assert_problem ("{\"a\": \"\\u12\"}", ACCORD_PACK_ERROR_SYNTAX, "1:8");
  assert_problem ("{\"a\": \"tab\there\"}", ACCORD_PACK_ERROR_SYNTAX, "1:11");
  assert_problem ("{\"a\":\n\"line\nbreak\"}", ACCORD_PACK_ERROR_SYNTAX, "2:6");
  assert_problem ("{\"a\": [1, 2}", ACCORD_PACK_ERROR_SYNTAX, "1:12");
  assert_problem ("{\"a\": 1", ACCORD_PACK_ERROR_SYNTAX, "1:8");
}

static void
test_rejects_bad_text (void)
{
  assert_problem ("{\"a\": \"\xFF\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  assert_problem ("{\"a\":\n \"\xC3\xA9\xC3\"}", ACCORD_PACK_ERROR_ENCODING, "2:4");
  assert_problem ("{\"a\": \"\\ud800\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  assert_problem ("{\"a\": \"\\udc00\\ud800\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  assert_problem ("{\"a\": \"\\u0000\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  /* A raw NUL byte is a control character, in a string or outside. */
  {
    g_autofree char *r = check ("{\"a\": \"\0\"}", 10);
    g_autofree char *e = code_at (ACCORD_PACK_ERROR_SYNTAX, "1:8");
    g_assert_cmpstr (r, ==, e);
  }
  {
    g_autofree char *r = check ("{\"a\": \0}", 8);
    g_autofree char *e = code_at (ACCORD_PACK_ERROR_SYNTAX, "1:7");
    g_assert_cmpstr (r, ==, e);
  }
  /* Invalid UTF-8 outside a string, and a valid but misplaced character. */
  assert_problem ("{\"a\": \xC3}", ACCORD_PACK_ERROR_ENCODING, "1:7");
  assert_problem ("{\"a\": \xC3\xA9}", ACCORD_PACK_ERROR_SYNTAX, "1:7");
  /* Overlong forms and encoded surrogates are not UTF-8. */
  assert_problem ("{\"a\": \"\xC0\xAF\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  assert_problem ("{\"a\": \"\xED\xA0\x80\"}", ACCORD_PACK_ERROR_ENCODING, "1:8");
  assert_problem ("{\"a\": \"ok \xE2\x98\xAE then \xE2\x98\"}", ACCORD_PACK_ERROR_ENCODING, "1:18");
}

/* Long strings are scanned eight bytes at a time: whatever needs a look
 * is found at every place in such a word, and at its column. */
static void
test_long_strings (void)
{
  struct { const char *bytes; int code; guint after; } cases[] = {
    { "\x01", ACCORD_PACK_ERROR_SYNTAX, 0 },     /* a control character */
    { "\x7f", 0, 0 },                            /* DEL is allowed */
    { "\xff", ACCORD_PACK_ERROR_ENCODING, 0 },   /* not UTF-8 */
    { "é", 0, 0 },
    { "\\n", 0, 0 },
    { "\\q", ACCORD_PACK_ERROR_SYNTAX, 0 },     /* an invalid escape */
    { "\"", ACCORD_PACK_ERROR_SYNTAX, 1 },       /* the end, then no “,” or “}” */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint at = 0; at < 24; at++)
      {
        g_autoptr(GString) json = g_string_new ("{\"a\": \"");
        g_autofree char *result = NULL;
        g_autofree char *expected = NULL;
        guint column;

        for (guint i = 0; i < at; i++)
          g_string_append_c (json, 'a' + i % 26);
        column = json->len + 1 + cases[c].after;
        g_string_append (json, cases[c].bytes);
        g_string_append (json, "abcdefghijklmnopqrstuvwxyz\"}");

        result = check (json->str, json->len);
        expected = cases[c].code == 0 ? g_strdup ("ok") : g_strdup_printf ("%d@1:%u", cases[c].code, column);
        g_assert_cmpstr (result, ==, expected);
      }
}

static void
test_rejects_non_packs (void)
{
  assert_problem ("", ACCORD_PACK_ERROR_EMPTY, "1:1");
  assert_problem (" \n\t ", ACCORD_PACK_ERROR_EMPTY, "2:3");
  assert_problem ("[1, 2]", ACCORD_PACK_ERROR_NOT_A_PACK, "1:1");
  assert_problem ("\"text\"", ACCORD_PACK_ERROR_NOT_A_PACK, "1:1");
  assert_problem ("42", ACCORD_PACK_ERROR_NOT_A_PACK, "1:1");
  /* Not JSON at all is a syntax error, not "not a pack". */
  assert_problem ("[1, 2", ACCORD_PACK_ERROR_SYNTAX, "1:6");
}

static void
test_repeated_member (void)
{
  assert_problem ("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}", ACCORD_PACK_ERROR_DUPLICATE, "3:2");
  /* The same name in different objects is fine. */
  assert_check ("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}", "ok");
  /* Escapes are compared by their meaning. */
  assert_problem ("{\"id\": 1, \"\\u0069d\": 2}", ACCORD_PACK_ERROR_DUPLICATE, "1:11");
}

static void
test_repeated_member_large_object (void)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree char *r = NULL;
  g_autofree char *e = NULL;
  g_autofree char *where = NULL;

  /* Past the linear scan: the hashed set must catch it too. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json, "\"m%u\": %u, ", i, i);
  where = g_strdup_printf ("1:%" G_GSIZE_FORMAT, json->len + 1);
  g_string_append (json, "\"m57\": 0}");

  r = check (json->str, json->len);
  e = code_at (ACCORD_PACK_ERROR_DUPLICATE, where);
  g_assert_cmpstr (r, ==, e);
}

static void
test_depth_limit (void)
{
  g_autoptr(GString) ok = g_string_new ("{\"a\": ");
  g_autoptr(GString) deep = NULL;
  g_autofree char *r = NULL;
  g_autofree char *e = NULL;

  /* The object is level 1: 63 arrays inside it make 64, the limit. */
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (ok, ']');
  g_string_append_c (ok, '}');
  assert_check (ok->str, "ok");

  deep = g_string_new ("{\"a\": ");
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  r = check (deep->str, deep->len);
  e = code_at (ACCORD_PACK_ERROR_TOO_DEEP, "1:70");
  g_assert_cmpstr (r, ==, e);
}

static void
test_very_deep_input_does_not_crash (void)
{
  gsize n = 200000;
  g_autofree char *json = g_malloc (n);
  g_autofree char *r = NULL;

  memset (json, '[', n);
  r = check (json, n);
  /* An array at the top is reported as soon as the depth limit is hit. */
  g_assert_true (g_str_has_prefix (r, "5@1:"));
}

static void
test_cancellable (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) json = g_string_new ("{\"a\": [");
  AccordJsonProblem problem = { 0, };

  for (guint i = 0; i < 200000; i++)
    g_string_append (json, "1,");
  g_string_append (json, "1]}");

  g_cancellable_cancel (cancellable);
  g_assert_false (accord_json_check (json->str, json->len, cancellable, NULL, NULL, NULL, &problem));
  accord_json_problem_clear (&problem);
}

static void
on_check_progress (gsize    offset,
                   gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, offset);
}

/* The check counts the objects, and tells how far it is as it goes. */
static void
test_objects_and_progress (void)
{
  g_autoptr(GString) json = g_string_new ("{\"a\": [");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  AccordJsonProblem problem = { 0, };
  guint n_objects = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, i % 2 ? "1," : "{\"b\": {}},");
  g_string_append (json, "[]]}");

  g_assert_true (accord_json_check (json->str, json->len, NULL, on_check_progress, offsets,
                                    &n_objects, &problem));
  g_assert_cmpuint (n_objects, ==, 1 + 2 * 50000);
  /* 150,003 values, a report every 65,536: two, in order, within the bytes. */
  g_assert_cmpuint (offsets->len, ==, 2);
  for (guint i = 0; i < offsets->len; i++)
    {
      g_assert_cmpuint (g_array_index (offsets, gsize, i), <, json->len);
      if (i > 0)
        g_assert_cmpuint (g_array_index (offsets, gsize, i), >, g_array_index (offsets, gsize, i - 1));
    }
}

static void
test_locate (void)
{
  const char *json =
    "{\n"
    "  \"topics\": [\n"
    "    { \"id\": \"a\", \"related\": [\"x\", \"y\"] },\n"
    "    { \"odd key\": 1 }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *paths[] = { "", "topics", "topics[0].related[1]", "topics[1][\"odd key\"]", "nowhere" };
  const char *expected[] = { "1:1 1:1", "2:3 2:13", "3:35 3:35", "4:7 4:18", "-" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_hash_table_insert (wanted, (char *) paths[i], g_new0 (AccordJsonLocation, 1));

  accord_json_locate (json, strlen (json), wanted);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      AccordJsonLocation *location = g_hash_table_lookup (wanted, paths[i]);
      g_autofree char *got = NULL;
      guint kl, kc, vl, vc;

      if (!location->found)
        {
          got = g_strdup ("-");
        }
      else
        {
          accord_json_offset_to_position (json, strlen (json), location->key_offset, &kl, &kc);
          accord_json_offset_to_position (json, strlen (json), location->value_offset, &vl, &vc);
          got = g_strdup_printf ("%u:%u %u:%u", kl, kc, vl, vc);
        }
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_columns_count_characters (void)
{
  const char *json = "{\"é☮\": \"x\"}";
  guint line, column;

  /* The value starts after 7 characters, but 10 bytes. */
  accord_json_offset_to_position (json, strlen (json), strchr (json, ':') + 2 - json, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 8);
}

static char *
problem_path (const char *json)
{
  AccordJsonProblem problem = { 0, };
  char *path;

  g_assert_false (accord_json_check (json, strlen (json), NULL, NULL, NULL, NULL, &problem));
  path = g_strdup (problem.path != NULL ? problem.path : "");
  accord_json_problem_clear (&problem);

  return path;
}

static void
test_problem_paths (void)
{
  struct { const char *json; const char *path; } cases[] = {
    { "{\"a\": {\"b\": [1, 2, tru]}}", "a.b[2]" },
    { "{\"a\": 1, \"a\": 2}", "a" },
    { "{\"a\": 1 /* c */}", "" },
    { "{\"a\": {\"b\": 1,}}", "a" },
    { "{\"t\": [{\"x\": \"\xFF\"}]}", "t[0].x" },
    { "{\"a\": 1} 2", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = problem_path (cases[i].json);

      g_assert_cmpstr (path, ==, cases[i].path);
    }
}

static void
test_paths (void)
{
  g_autoptr(GString) path = g_string_new (NULL);

  accord_json_path_append_member (path, "topics");
  accord_json_path_append_index (path, 3);
  accord_json_path_append_member (path, "related");
  accord_json_path_append_index (path, 0);
  g_assert_cmpstr (path->str, ==, "topics[3].related[0]");

  g_string_truncate (path, 0);
  accord_json_path_append_member (path, "translation-domain");
  accord_json_path_append_member (path, "a \"b\".c");
  g_assert_cmpstr (path->str, ==, "translation-domain[\"a \\\"b\\\".c\"]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/valid", test_accepts_valid_json);
  g_test_add_func ("/json-scan/non-json", test_rejects_non_json);
  g_test_add_func ("/json-scan/bad-text", test_rejects_bad_text);
  g_test_add_func ("/json-scan/long-strings", test_long_strings);
  g_test_add_func ("/json-scan/non-packs", test_rejects_non_packs);
  g_test_add_func ("/json-scan/repeated-member", test_repeated_member);
  g_test_add_func ("/json-scan/repeated-member-large", test_repeated_member_large_object);
  g_test_add_func ("/json-scan/depth-limit", test_depth_limit);
  g_test_add_func ("/json-scan/very-deep", test_very_deep_input_does_not_crash);
  g_test_add_func ("/json-scan/cancellable", test_cancellable);
  g_test_add_func ("/json-scan/objects-and-progress", test_objects_and_progress);
  g_test_add_func ("/json-scan/locate", test_locate);
  g_test_add_func ("/json-scan/columns", test_columns_count_characters);
  g_test_add_func ("/json-scan/paths", test_paths);
  g_test_add_func ("/json-scan/problem-paths", test_problem_paths);

  return g_test_run ();
}
