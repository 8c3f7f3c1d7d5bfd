/* accord-export.h: summaries as PDF files, and `accord --export-pdf`
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-summary.h"

G_BEGIN_DECLS

gboolean accord_export_pdf                 (AccordSummary  *summary,
                                            const char     *path,
                                            double          page_width_pt,
                                            double          page_height_pt,
                                            GError        **error);
void     accord_export_default_page_size   (double         *width_pt,
                                            double         *height_pt);
int      accord_export_pdf_command         (GVariantDict   *options,
                                            AccordPack     *builtin_pack);

G_END_DECLS
