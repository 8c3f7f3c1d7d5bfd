/* accord-banner.h: the error banner at the top of a window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_BANNER (accord_banner_get_type ())
G_DECLARE_FINAL_TYPE (AccordBanner, accord_banner, ACCORD, BANNER, GtkWidget)

GtkWidget *accord_banner_new         (void);
void       accord_banner_set_message (AccordBanner *self,
                                      const char   *message,
                                      const char   *details);

G_END_DECLS
