/* accord-table.h: a table that only builds the rows on screen
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-table-column.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_TABLE (accord_table_get_type ())
G_DECLARE_FINAL_TYPE (AccordTable, accord_table, ACCORD, TABLE, GtkWidget)

GtkWidget         *accord_table_new                (void);

GtkSelectionModel *accord_table_get_model          (AccordTable       *self);
void               accord_table_set_model          (AccordTable       *self,
                                                    GtkSelectionModel *model);

gboolean           accord_table_get_show_titles    (AccordTable       *self);
void               accord_table_set_show_titles    (AccordTable       *self,
                                                    gboolean           show_titles);

GListModel        *accord_table_get_columns        (AccordTable       *self);
void               accord_table_append_column      (AccordTable       *self,
                                                    AccordTableColumn *column);
void               accord_table_insert_column      (AccordTable       *self,
                                                    guint              position,
                                                    AccordTableColumn *column);
void               accord_table_remove_column      (AccordTable       *self,
                                                    AccordTableColumn *column);

GtkSorter         *accord_table_get_sorter         (AccordTable       *self);
void               accord_table_sort_by_column     (AccordTable       *self,
                                                    AccordTableColumn *column,
                                                    GtkSortType        order);
AccordTableColumn *accord_table_get_sort_column    (AccordTable       *self);
GtkSortType        accord_table_get_sort_order     (AccordTable       *self);

guint              accord_table_get_cursor         (AccordTable       *self);
void               accord_table_set_cursor         (AccordTable       *self,
                                                    guint              position);
void               accord_table_scroll_to_column   (AccordTable       *self,
                                                    AccordTableColumn *column);

gboolean           accord_table_is_measuring_ahead (AccordTable       *self);

G_END_DECLS
