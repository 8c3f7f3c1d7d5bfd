/* accord-i18n.h: where Accord finds its translations
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     accord_i18n_init             (void);
gboolean accord_i18n_is_uninstalled   (void);
char    *accord_i18n_isolate          (const char *text);
char    *accord_i18n_join_list        (const char * const *items);

G_END_DECLS
