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
