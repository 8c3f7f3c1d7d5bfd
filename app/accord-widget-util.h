/* accord-widget-util.h: small helpers about widgets, shared by the views
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean accord_widget_has_focus_within (GtkWidget        *widget);
gboolean accord_widget_release_focus    (GtkWidget        *widget);
void     accord_widget_flatten_switcher (GtkStackSwitcher *switcher);

G_END_DECLS
