/* test-corpus.c: every pack in tests/data/{valid,invalid} against its
 * expected diagnostics
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/invalid/NAME.json must fail to load with exactly the lines of
 * NAME.expected (file names are shown relative to the test's directory, so
 * as bare names). tests/data/valid/NAME.json must load, with exactly the
 * warnings of NAME.expected when that file exists, and none otherwise.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "accord-core.h"

static char *
diagnostics_to_string (GPtrArray *diagnostics)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = accord_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (s, "%s\n", line);
    }

  return g_string_free (s, FALSE);
}

static char *
expected_for (const char *json_name)
{
  g_autofree char *base = g_strndup (json_name, strlen (json_name) - strlen (".json"));
  g_autofree char *name = g_strconcat (base, ".expected", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (name, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static void
test_invalid_pack (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GFile) file = g_file_new_for_path (name);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autofree char *expected = expected_for (name);
  g_autofree char *got = NULL;

  g_assert_nonnull (expected);

  pack = accord_pack_load_file (file, NULL, &diagnostics, &error);
  got = diagnostics_to_string (diagnostics);

  g_assert_null (pack);
  g_assert_error (error, ACCORD_PACK_ERROR, error->code);
  g_assert_cmpstr (got, ==, expected);

  /* The GError carries the first error line, complete. */
  g_assert_true (strstr (got, error->message) != NULL);
  g_assert_true (strstr (error->message, ": error: ") != NULL);
}

static void
test_valid_pack (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GFile) file = g_file_new_for_path (name);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autofree char *expected = expected_for (name);
  g_autofree char *got = NULL;

  pack = accord_pack_load_file (file, NULL, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  got = diagnostics_to_string (diagnostics);
  g_assert_cmpstr (got, ==, expected != NULL ? expected : "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Adds one test per .json file of @dir, in name order. Returns the names,
 * which the tests use until g_test_run() returns. */
static GPtrArray *
add_tests (const char    *dir,
           GTestDataFunc  func)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/corpus/%s/%s", g_getenv ("ACCORD_CORPUS"), (char *) names->pdata[i]);

      g_test_add_data_func (path, names->pdata[i], func);
    }

  return g_steal_pointer (&names);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *which;

  g_test_init (&argc, &argv, NULL);

  /* Run inside the corpus directory, so diagnostics name bare file names. */
  which = g_getenv ("ACCORD_CORPUS");
  g_assert_nonnull (which);
  data_dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_assert_cmpint (g_chdir (data_dir), ==, 0);
  g_assert_cmpint (g_chdir (which), ==, 0);

  if (g_str_equal (which, "invalid"))
    {
      names = add_tests (".", test_invalid_pack);
      g_assert_cmpuint (names->len, >=, 40);
    }
  else
    {
      names = add_tests (".", test_valid_pack);
      g_assert_cmpuint (names->len, >=, 1);
    }

  return g_test_run ();
}
