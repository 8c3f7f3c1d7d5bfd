/* accord-table-private.h: what the table's rows and header need of it
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-table.h"

G_BEGIN_DECLS

/* Where a shown column lies, counted from the table's start edge (the
 * left in a left-to-right interface, the right in a right-to-left one). */
typedef struct
{
  AccordTableColumn *column;
  int start;
  int width;
} AccordTableSlot;

const AccordTableSlot *accord_table_get_slots (AccordTable *self,
                                               guint       *n_slots,
                                               int         *total_width);

/* Lays @widget's children out side by side in the table's shown columns,
 * one child per column in order; for rows and the header. */
void accord_table_allocate_in_columns (AccordTable *self,
                                       GtkWidget   *widget,
                                       int          height);
/* The height @widget's children need in their columns. */
int  accord_table_measure_in_columns  (AccordTable *self,
                                       GtkWidget   *widget);

G_END_DECLS
