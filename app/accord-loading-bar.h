/* accord-loading-bar.h: the card that shows a pack loading, with Cancel
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_LOADING_BAR (accord_loading_bar_get_type ())
G_DECLARE_FINAL_TYPE (AccordLoadingBar, accord_loading_bar, ACCORD, LOADING_BAR, GtkWidget)

GtkWidget *accord_loading_bar_new          (void);
void       accord_loading_bar_start        (AccordLoadingBar *self,
                                            const char       *text);
void       accord_loading_bar_set_fraction (AccordLoadingBar *self,
                                            double            fraction);

G_END_DECLS
