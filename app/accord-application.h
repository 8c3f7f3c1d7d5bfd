/* accord-application.h: the GtkApplication, command line and app actions
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_APPLICATION (accord_application_get_type ())
G_DECLARE_FINAL_TYPE (AccordApplication, accord_application, ACCORD, APPLICATION, GtkApplication)

AccordApplication *accord_application_new              (void);
AccordPack        *accord_application_get_builtin_pack (AccordApplication *self);
GSettings         *accord_application_get_settings     (AccordApplication *self);

G_END_DECLS
