/* accord-cell-text.h: wrapped text for the cells of a long table
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many heights (a text at a width in a font) the cells of a process
 * keep at most. */
#define ACCORD_CELL_TEXT_CACHE_SIZE 65536

#define ACCORD_TYPE_CELL_TEXT (accord_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (AccordCellText, accord_cell_text, ACCORD, CELL_TEXT, GtkWidget)

GtkWidget  *accord_cell_text_new      (void);
void        accord_cell_text_set_text (AccordCellText *self,
                                       const char     *text);
const char *accord_cell_text_get_text (AccordCellText *self);
void        accord_cell_text_set_marks (AccordCellText *self,
                                        const char     *query);
PangoAttrList *accord_cell_text_get_attributes (AccordCellText *self);
guint       accord_cell_text_get_n_laid_out (void);

G_END_DECLS
