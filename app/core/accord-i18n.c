/* accord-i18n.c: where Accord finds its translations
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two gettext domains: the interface (accord) and the built-in pack's texts
 * (accord-content, the pack's "translation-domain"). Installed, both are in
 * LOCALEDIR. Run from the build tree (the README's run command, the tests),
 * the catalogs meson built there are used, so translations show without
 * installing anything.
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <glib/gi18n-lib.h>

#include "accord-i18n.h"

/**
 * accord_i18n_is_uninstalled:
 *
 * Returns: whether this program runs from Accord's build tree
 */
gboolean
accord_i18n_is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S);
}

/**
 * accord_i18n_init:
 *
 * Binds both of Accord's gettext domains, in UTF-8. Call it once, early,
 * after setlocale().
 */
void
accord_i18n_init (void)
{
  gboolean uninstalled = accord_i18n_is_uninstalled ();

  bindtextdomain (GETTEXT_PACKAGE, uninstalled ? BUILD_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  bindtextdomain (CONTENT_GETTEXT_PACKAGE, uninstalled ? BUILD_CONTENT_LOCALEDIR : LOCALEDIR);
  bind_textdomain_codeset (CONTENT_GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * accord_i18n_isolate:
 * @text: (nullable): text from a pack (or a file name), to be put into a
 *   sentence of the interface such as "Only %s"
 *
 * Wraps @text in FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE
 * (U+2069): it then reads in its own direction, and whatever bidi controls
 * it holds (a stray RIGHT-TO-LEFT OVERRIDE) end with it, so it cannot
 * reorder the words around it. Both characters are invisible.
 *
 * Returns: (transfer full): the isolated text
 */
char *
accord_i18n_isolate (const char *text)
{
  return g_strconcat ("\u2068", text != NULL ? text : "", "\u2069", NULL);
}

/**
 * accord_i18n_join_list:
 * @items: (array zero-terminated=1): the items, in order
 *
 * A list for people, in the user's language: "A", "A and B",
 * "A, B and C". The items are joined as they are: isolate pack text first
 * where it goes into a sentence.
 *
 * Returns: (transfer full): the list ("" for none)
 */
char *
accord_i18n_join_list (const char * const *items)
{
  guint n = g_strv_length ((char **) items);
  char *joined = g_strdup (n > 0 ? items[0] : "");

  for (guint i = 1; i < n; i++)
    {
      char *next;

      if (i + 1 < n)
        /* Translators: joins the first items of a list of names: "A, B" */
        next = g_strdup_printf (C_("list", "%s, %s"), joined, items[i]);
      else
        /* Translators: joins the last item of a list of names: "A and B", "A, B and C" */
        next = g_strdup_printf (C_("list", "%s and %s"), joined, items[i]);

      g_free (joined);
      joined = next;
    }

  return joined;
}
