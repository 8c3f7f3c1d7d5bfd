/* accord-widget-util.h: small helpers about widgets, shared by the views
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   accord_widget_has_focus_within (GtkWidget        *widget);
gboolean   accord_widget_release_focus    (GtkWidget        *widget);
void       accord_widget_flatten_switcher (GtkStackSwitcher *switcher);
GtkWidget *accord_link_button_new         (GtkWidget        *label);
GtkWidget *accord_heading_label_new       (int               level);
void       accord_list_row_set_name       (GtkWidget        *child,
                                           const char       *name,
                                           const char       *description);

void       accord_text_insert_mark        (PangoAttrList    *attrs,
                                           guint             start,
                                           guint             end,
                                           guint16           alpha);
guint      accord_text_add_search_marks   (PangoAttrList    *attrs,
                                           const char       *text,
                                           const char       *query);

G_END_DECLS
