/* accord-recent.c: the packs opened lately
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `recent-packs` setting lists (path, title) pairs, most recent first,
 * at most ACCORD_RECENT_MAX: the title so the menu can name a pack without
 * opening it, the path to open it again. The built-in pack has no file and
 * is never listed. A file that has gone stays listed, marked missing:
 * opening it says what happened, as any failed open does.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-recent.h"

/**
 * accord_recent_add:
 * @settings: (nullable): Accord's settings
 * @file: a pack file that has just opened
 * @title: the pack's title
 *
 * Puts @file first in the recent packs.
 */
void
accord_recent_add (GSettings  *settings,
                   GFile      *file,
                   const char *title)
{
  g_autofree char *path = NULL;
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *old_path, *old_title;
  guint n = 1;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  /* Only local files: a path is what can be opened again. */
  if (settings == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", path, title != NULL ? title : "");

  old = g_settings_get_value (settings, "recent-packs");
  g_variant_iter_init (&iter, old);
  while (n < ACCORD_RECENT_MAX && g_variant_iter_next (&iter, "(&s&s)", &old_path, &old_title))
    if (!g_str_equal (old_path, path))
      {
        g_variant_builder_add (&builder, "(ss)", old_path, old_title);
        n++;
      }

  g_settings_set_value (settings, "recent-packs", g_variant_builder_end (&builder));
}

/* @text, with its underscores doubled so the menu shows them. */
static char *
escape_mnemonic (const char *text)
{
  GString *s = g_string_new (text);

  g_string_replace (s, "_", "__", 0);
  return g_string_free (s, FALSE);
}

/**
 * accord_recent_fill_menu:
 * @settings: (nullable): Accord's settings
 * @menu: the Open Recent submenu
 *
 * Fills @menu with an item per recent pack, which activates
 * win.open-recent with its path. Packs whose file is gone say so.
 */
void
accord_recent_fill_menu (GSettings *settings,
                         GMenu     *menu)
{
  g_autoptr(GVariant) recent = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantIter iter;
  const char *path, *title;

  g_return_if_fail (G_IS_MENU (menu));

  g_menu_remove_all (menu);

  if (settings != NULL)
    recent = g_settings_get_value (settings, "recent-packs");

  if (recent == NULL || g_variant_n_children (recent) == 0)
    {
      /* No action: shown, insensitive. */
      g_menu_append (menu, _("No Recent Packs"), NULL);
      return;
    }

  /* Titles that more than one pack has: those add their file's name. */
  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &path, &title))
    g_hash_table_insert (titles, (gpointer) title,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (titles, title)) + 1));

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &path, &title))
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autofree char *escaped = NULL;

      if (*title == '\0' || GPOINTER_TO_UINT (g_hash_table_lookup (titles, title)) > 1)
        {
          g_autofree char *basename = g_path_get_basename (path);

          name = *title == '\0' ? g_strdup (basename)
                 /* Translators: a recent pack whose title another one has too: its title, then its file name */
                 : g_strdup_printf (_("%s (%s)"), title, basename);
        }
      else
        name = g_strdup (title);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        label = g_steal_pointer (&name);
      else
        /* Translators: a recent pack whose file is no longer there; %s is its title */
        label = g_strdup_printf (_("%s (missing)"), name);

      escaped = escape_mnemonic (label);
      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (path));
      g_menu_append_item (menu, item);
    }
}
