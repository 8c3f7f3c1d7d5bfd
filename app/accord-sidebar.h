/* accord-sidebar.h: the topic tree, with search
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-bookmarks.h"
#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_SIDEBAR (accord_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AccordSidebar, accord_sidebar, ACCORD, SIDEBAR, GtkWidget)

void         accord_sidebar_set_pack       (AccordSidebar *self,
                                            AccordPack    *pack);
AccordPack  *accord_sidebar_get_pack       (AccordSidebar *self);
gboolean     accord_sidebar_select_topic   (AccordSidebar *self,
                                            AccordTopic   *topic);
AccordTopic *accord_sidebar_get_selected   (AccordSidebar *self);
void         accord_sidebar_focus_search   (AccordSidebar *self);
gboolean     accord_sidebar_type_to_search (AccordSidebar         *self,
                                            GtkEventControllerKey *controller);
void         accord_sidebar_set_query      (AccordSidebar *self,
                                            const char    *query);
const char  *accord_sidebar_get_query      (AccordSidebar *self);
GListModel  *accord_sidebar_get_rows       (AccordSidebar *self);
void         accord_sidebar_set_bookmarks  (AccordSidebar   *self,
                                            AccordBookmarks *bookmarks);
GListModel  *accord_sidebar_get_bookmark_rows (AccordSidebar *self);
void         accord_sidebar_set_page       (AccordSidebar *self,
                                            const char    *page);
const char  *accord_sidebar_get_page       (AccordSidebar *self);
gboolean     accord_sidebar_is_searchable  (AccordSidebar *self);

G_END_DECLS
