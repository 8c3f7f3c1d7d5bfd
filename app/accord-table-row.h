/* accord-table-row.h: the lines of an AccordTable
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-table.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_TABLE_ROW (accord_table_row_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableRow, accord_table_row, ACCORD, TABLE_ROW, GtkWidget)

GtkWidget *accord_table_row_new          (AccordTable    *table);
void       accord_table_row_bind         (AccordTableRow *self,
                                          guint           position,
                                          gpointer        item);
void       accord_table_row_unbind       (AccordTableRow *self);
gpointer   accord_table_row_get_item     (AccordTableRow *self);
guint      accord_table_row_get_position (AccordTableRow *self);
void       accord_table_row_set_position (AccordTableRow *self,
                                          guint           position);
GtkWidget *accord_table_row_get_cell     (AccordTableRow *self,
                                          guint           column);

#define ACCORD_TYPE_TABLE_HEADER (accord_table_header_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableHeader, accord_table_header, ACCORD, TABLE_HEADER, GtkWidget)

GtkWidget *accord_table_header_new       (AccordTable       *table);
void       accord_table_header_show_sort (AccordTableHeader *self,
                                          AccordTableColumn *column,
                                          GtkSortType        order);

G_END_DECLS
