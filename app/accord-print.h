/* accord-print.h: Print… (with preview) and Export PDF… for a summary
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-summary.h"

G_BEGIN_DECLS

GtkPrintOperation *accord_print_operation_new (AccordSummary *summary);
void               accord_print_summary       (GtkWindow     *parent,
                                              AccordSummary *summary);
void               accord_export_pdf_dialog   (GtkWindow     *parent,
                                              AccordSummary *summary);

G_END_DECLS
