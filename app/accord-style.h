/* accord-style.h: light or dark, as chosen or as the desktop prefers
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_STYLE (accord_style_get_type ())
G_DECLARE_FINAL_TYPE (AccordStyle, accord_style, ACCORD, STYLE, GObject)

AccordStyle *accord_style_new        (GSettings       *settings,
                                      GDBusConnection *bus);
GAction     *accord_style_get_action (AccordStyle     *self);
gboolean     accord_style_is_dark    (AccordStyle     *self);

G_END_DECLS
