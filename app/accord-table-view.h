/* accord-table-view.h
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_TABLE_VIEW (accord_table_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableView, accord_table_view, ACCORD, TABLE_VIEW, GtkWidget)

GtkWidget  *accord_table_view_new          (void);

AccordPack *accord_table_view_get_pack     (AccordTableView *self);
void        accord_table_view_set_pack     (AccordTableView *self,
                                            AccordPack      *pack);

gboolean    accord_table_view_show_aspect  (AccordTableView *self,
                                            const char      *aspect_id);
gboolean    accord_table_view_show_subject (AccordTableView *self,
                                            const char      *subject_id);
void        accord_table_view_show_table   (AccordTableView *self);
void        accord_table_view_focus_filter (AccordTableView *self);
GListModel *accord_table_view_list_aspects (AccordTableView *self);

const char *accord_table_view_get_location (AccordTableView *self);

gboolean    accord_table_view_is_measuring_ahead (AccordTableView *self);
gboolean    accord_table_view_is_indexing        (AccordTableView *self);

G_END_DECLS
