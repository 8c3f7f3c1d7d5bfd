/* accord-compare-view.h: subjects side by side, aspect by aspect
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_COMPARE_VIEW (accord_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (AccordCompareView, accord_compare_view, ACCORD, COMPARE_VIEW, GtkWidget)

AccordPack *accord_compare_view_get_pack             (AccordCompareView  *self);
void        accord_compare_view_set_pack             (AccordCompareView  *self,
                                                      AccordPack         *pack);

void        accord_compare_view_set_subjects         (AccordCompareView  *self,
                                                      const char * const *ids);
char      **accord_compare_view_get_subjects         (AccordCompareView  *self);

const char *accord_compare_view_get_location         (AccordCompareView  *self);

gboolean    accord_compare_view_get_differences_only (AccordCompareView  *self);
void        accord_compare_view_set_differences_only (AccordCompareView  *self,
                                                      gboolean            differences_only);

GListModel *accord_compare_view_get_rows             (AccordCompareView  *self);

G_END_DECLS
