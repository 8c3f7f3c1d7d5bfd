/* accord-table-column.h: a column of an AccordTable
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the widget that shows one cell of the column; the table puts it
 * in a cell of its own and reuses it for other rows. */
typedef GtkWidget *(*AccordTableCellSetup) (gpointer user_data);
/* Shows @item in @cell (the widget setup made), or, with @item NULL,
 * nothing: the row was let go and must not keep showing the old one. */
typedef void (*AccordTableCellBind) (GtkWidget *cell,
                                     gpointer   item,
                                     gpointer   user_data);

#define ACCORD_TYPE_TABLE_COLUMN (accord_table_column_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableColumn, accord_table_column, ACCORD, TABLE_COLUMN, GObject)

AccordTableColumn *accord_table_column_new           (const char           *title);

const char        *accord_table_column_get_title     (AccordTableColumn    *self);
void               accord_table_column_set_title     (AccordTableColumn    *self,
                                                      const char           *title);
int                accord_table_column_get_width     (AccordTableColumn    *self);
void               accord_table_column_set_width     (AccordTableColumn    *self,
                                                      int                   width);
gboolean           accord_table_column_get_expand    (AccordTableColumn    *self);
void               accord_table_column_set_expand    (AccordTableColumn    *self,
                                                      gboolean              expand);
gboolean           accord_table_column_get_resizable (AccordTableColumn    *self);
void               accord_table_column_set_resizable (AccordTableColumn    *self,
                                                      gboolean              resizable);
gboolean           accord_table_column_get_visible   (AccordTableColumn    *self);
void               accord_table_column_set_visible   (AccordTableColumn    *self,
                                                      gboolean              visible);
GtkSorter         *accord_table_column_get_sorter    (AccordTableColumn    *self);
void               accord_table_column_set_sorter    (AccordTableColumn    *self,
                                                      GtkSorter            *sorter);

void               accord_table_column_set_cells     (AccordTableColumn    *self,
                                                      AccordTableCellSetup  setup,
                                                      AccordTableCellBind   bind,
                                                      gpointer              user_data,
                                                      GDestroyNotify        destroy);
GtkWidget         *accord_table_column_create_cell   (AccordTableColumn    *self);
void               accord_table_column_bind_cell     (AccordTableColumn    *self,
                                                      GtkWidget            *cell,
                                                      gpointer              item);

G_END_DECLS
