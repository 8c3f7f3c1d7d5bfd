/* accord-recent.h: the packs opened lately
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORD_RECENT_MAX 10

void accord_recent_add       (GSettings  *settings,
                              GFile      *file,
                              const char *title);
void accord_recent_fill_menu (GSettings  *settings,
                              GMenu      *menu);

G_END_DECLS
