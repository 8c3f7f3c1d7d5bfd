/* test-i18n.c: packs translated through their translation domain
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A third-party pack ships its catalogs in locale/ beside it; the loader
 * translates every text with its JSON path as context, and the pack takes
 * the catalog's language (and so its text direction).
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "accord-core.h"

static const char *pack_json =
  "{ \"format\": \"accord-pack\", \"version\": 1, \"id\": \"t\", \"title\": \"Tools\",\n"
  "  \"translation-domain\": \"accord-i18n-test\",\n"
  "  \"subjects\": [ { \"id\": \"a\", \"name\": \"Peacekeeping\" }, { \"id\": \"b\", \"name\": \"Diplomacy\" } ],\n"
  "  \"topics\": [ { \"id\": \"x\", \"title\": \"Untranslated\", \"body\": [\n"
  "    { \"type\": \"list\", \"items\": [\"One\", \"Two\"] } ] } ] }\n";

static const char *fr_po =
  "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\nLanguage: fr\\n\"\n"
  "msgctxt \"title\"\nmsgid \"Tools\"\nmsgstr \"Outils\"\n"
  "msgctxt \"subjects[0].name\"\nmsgid \"Peacekeeping\"\nmsgstr \"Maintien de la paix\"\n"
  "msgctxt \"topics[0].body[0].items[1]\"\nmsgid \"Two\"\nmsgstr \"Deux\"\n"
  /* The same text in another place: the context keeps them apart. */
  "msgctxt \"subjects[9].name\"\nmsgid \"Diplomacy\"\nmsgstr \"WRONG PLACE\"\n";

static const char *ar_po =
  "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\nLanguage: ar\\n\"\n"
  "msgctxt \"title\"\nmsgid \"Tools\"\nmsgstr \"أدوات\"\n";

static char *dir;

static void
write_catalog (const char *language,
               const char *po)
{
  g_autofree char *messages = g_build_filename (dir, "locale", language, "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (dir, "catalog.po", NULL);
  g_autofree char *mo_path = g_build_filename (messages, "accord-i18n-test.mo", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  int status;

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_file_set_contents (po_path, po, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static AccordPack *
load_in (const char *language)
{
  g_autofree char *path = g_build_filename (dir, "pack.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  pack = accord_pack_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

static const char *
subject_name (AccordPack *pack,
              const char *id)
{
  return accord_subject_get_name (accord_pack_lookup_subject (pack, id));
}

static void
test_translated (void)
{
  g_autoptr(AccordPack) pack = load_in ("fr");
  g_autoptr(AccordBlock) list = g_list_model_get_item (accord_topic_get_body (accord_pack_lookup_topic (pack, "x")), 0);

  g_assert_cmpstr (accord_pack_get_title (pack), ==, "Outils");
  g_assert_cmpstr (subject_name (pack, "a"), ==, "Maintien de la paix");
  /* Looked up by place: a translation for another place is not used. */
  g_assert_cmpstr (subject_name (pack, "b"), ==, "Diplomacy");
  g_assert_cmpstrv (accord_block_get_items (list), ((const char *[]) { "One", "Deux", NULL }));
  g_assert_cmpstr (accord_topic_get_title (accord_pack_lookup_topic (pack, "x")), ==, "Untranslated");
  /* The pack now speaks French. */
  g_assert_cmpstr (accord_pack_get_language (pack), ==, "fr");
  g_assert_false (accord_pack_is_right_to_left (pack));
}

static void
test_right_to_left (void)
{
  g_autoptr(AccordPack) pack = load_in ("ar");

  g_assert_cmpstr (accord_pack_get_title (pack), ==, "أدوات");
  g_assert_cmpstr (accord_pack_get_language (pack), ==, "ar");
  g_assert_true (accord_pack_is_right_to_left (pack));
}

static void
test_no_catalog (void)
{
  g_autoptr(AccordPack) pack = load_in ("de");

  g_assert_cmpstr (accord_pack_get_title (pack), ==, "Tools");
  g_assert_cmpstr (accord_pack_get_language (pack), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pack_path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  accord_i18n_init ();

  dir = g_dir_make_tmp ("accord-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  pack_path = g_build_filename (dir, "pack.json", NULL);
  g_file_set_contents (pack_path, pack_json, -1, &error);
  g_assert_no_error (error);
  write_catalog ("fr", fr_po);
  write_catalog ("ar", ar_po);

  g_test_add_func ("/i18n/pack/translated", test_translated);
  g_test_add_func ("/i18n/pack/right-to-left", test_right_to_left);
  g_test_add_func ("/i18n/pack/no-catalog", test_no_catalog);

  status = g_test_run ();

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
  g_free (dir);

  return status;
}
