/* accord-compare.h: lining subjects up aspect by aspect
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free: the Compare view, printing and tests all use this.
 *
 * For chosen subjects, one row per aspect of the pack (pack order), marked:
 *  - ACCORD_MARK_COMMON: every chosen subject covers the aspect and they
 *    agree. With a pack comparison that involves all the chosen subjects,
 *    "agree" means the comparison lists no difference for that aspect;
 *    without one, that the texts are equal once case and white space are
 *    folded.
 *  - ACCORD_MARK_DIFFERS: every chosen subject covers it and they do not
 *    agree (the comparison's difference text, if any, explains how).
 *  - ACCORD_MARK_ONLY: some but not all chosen subjects cover it (the row
 *    names which).
 *  - ACCORD_MARK_NONE: none covers it.
 *
 * "A comparison that involves all the chosen subjects" is every comparison of
 * the pack whose subjects include each chosen one (it may name more). When
 * several do, their differences and common points are all taken, in pack
 * order, without repeats. Comparisons only count with two or more distinct
 * chosen subjects. With fewer than two chosen subjects there is nothing to
 * compare: a covered row is ONLY and an uncovered one NONE.
 */

#pragma once

#include "accord-pack.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_MARK_COMMON,
  ACCORD_MARK_DIFFERS,
  ACCORD_MARK_ONLY,
  ACCORD_MARK_NONE,
} AccordMark;

#define ACCORD_TYPE_MARK (accord_mark_get_type ())
GType accord_mark_get_type (void) G_GNUC_CONST;

#define ACCORD_TYPE_COMPARE_ROW (accord_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (AccordCompareRow, accord_compare_row, ACCORD, COMPARE_ROW, GObject)

AccordAspect         *accord_compare_row_get_aspect     (AccordCompareRow *self);
AccordMark            accord_compare_row_get_mark       (AccordCompareRow *self);
guint                 accord_compare_row_get_n_values   (AccordCompareRow *self);
AccordCharacteristic *accord_compare_row_get_value      (AccordCompareRow *self,
                                                         guint             index);
GListModel           *accord_compare_row_get_covering   (AccordCompareRow *self);
const char           *accord_compare_row_get_difference (AccordCompareRow *self);
char                 *accord_compare_row_describe_mark  (AccordCompareRow *self);

GListModel           *accord_compare_rows_new           (AccordPack       *pack,
                                                         GListModel       *subjects);
char                **accord_compare_get_common         (AccordPack       *pack,
                                                         GListModel       *subjects);
char                **accord_compare_get_general_differences (AccordPack  *pack,
                                                              GListModel  *subjects);
char                 *accord_compare_join_names         (GListModel       *subjects);

G_END_DECLS
