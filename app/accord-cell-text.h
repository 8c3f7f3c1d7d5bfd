/* accord-cell-text.h: wrapped text for the cells of a long table
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_CELL_TEXT (accord_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (AccordCellText, accord_cell_text, ACCORD, CELL_TEXT, GtkWidget)

GtkWidget  *accord_cell_text_new      (void);
void        accord_cell_text_set_text (AccordCellText *self,
                                       const char     *text);
const char *accord_cell_text_get_text (AccordCellText *self);

G_END_DECLS
