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

/* How a span of text is marked, as highlighters do. */
typedef enum
{
  ACCORD_TEXT_MARK_FOUND,    /* a word a search found: pale yellow */
  ACCORD_TEXT_MARK_MATCH,    /* what the find bar finds: yellow */
  ACCORD_TEXT_MARK_CURRENT,  /* the find bar's current match: orange */
} AccordTextMark;

void       accord_text_insert_mark        (PangoAttrList    *attrs,
                                           guint             start,
                                           guint             end,
                                           AccordTextMark    mark);
guint      accord_text_add_search_marks   (PangoAttrList    *attrs,
                                           const char       *text,
                                           const char       *query);

G_END_DECLS
