/* accord-wrap-box.h: children side by side, in lines that wrap like words
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_WRAP_BOX (accord_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (AccordWrapBox, accord_wrap_box, ACCORD, WRAP_BOX, GtkWidget)

GtkWidget *accord_wrap_box_new    (int            spacing,
                                   int            line_spacing);
void       accord_wrap_box_append (AccordWrapBox *self,
                                   GtkWidget     *child);

G_END_DECLS
