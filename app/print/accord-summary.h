/* accord-summary.h: a pack's summary, typeset onto pages with pango-cairo
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one renderer behind Print…, its preview and PDF export: GTK-free, it
 * draws on any cairo context (a printer's, a preview's, a PDF surface).
 *
 *   summary = accord_summary_new (pack);          everything, as `accord --export-pdf`
 *   accord_summary_set_parts (summary, …);        or only some parts
 *   n = accord_summary_paginate (summary, w, h);  page size in points
 *   accord_summary_draw_page (summary, cr, i);    for i < n, in any order
 *
 * Pagination needs no cairo context: text is measured with a PangoContext at
 * 72 dpi with unhinted metrics, so one point is one user unit on every
 * target and the pages come out the same wherever they are drawn.
 */

#pragma once

#include <cairo.h>

#include "accord-core.h"

G_BEGIN_DECLS

/**
 * AccordSummaryParts:
 * @ACCORD_SUMMARY_TABLE: the characteristics table (all aspects, or the
 *   groups given to accord_summary_set_groups())
 * @ACCORD_SUMMARY_COMPARISON: the comparison of the chosen subjects
 * @ACCORD_SUMMARY_TOPICS: the chosen topics
 * @ACCORD_SUMMARY_SOURCES: the pack's sources, with their URLs
 */
typedef enum
{
  ACCORD_SUMMARY_TABLE      = 1 << 0,
  ACCORD_SUMMARY_COMPARISON = 1 << 1,
  ACCORD_SUMMARY_TOPICS     = 1 << 2,
  ACCORD_SUMMARY_SOURCES    = 1 << 3,
} AccordSummaryParts;

#define ACCORD_SUMMARY_ALL_PARTS (ACCORD_SUMMARY_TABLE | ACCORD_SUMMARY_COMPARISON | \
                                  ACCORD_SUMMARY_TOPICS | ACCORD_SUMMARY_SOURCES)

/* A4 and US Letter, in points */
#define ACCORD_SUMMARY_A4_WIDTH      595.2756
#define ACCORD_SUMMARY_A4_HEIGHT     841.8898
#define ACCORD_SUMMARY_LETTER_WIDTH  612.0
#define ACCORD_SUMMARY_LETTER_HEIGHT 792.0

#define ACCORD_TYPE_SUMMARY (accord_summary_get_type ())
G_DECLARE_FINAL_TYPE (AccordSummary, accord_summary, ACCORD, SUMMARY, GObject)

AccordSummary      *accord_summary_new                (AccordPack         *pack);
AccordPack         *accord_summary_get_pack           (AccordSummary      *self);

void                accord_summary_set_parts          (AccordSummary      *self,
                                                       AccordSummaryParts  parts);
AccordSummaryParts  accord_summary_get_parts          (AccordSummary      *self);
void                accord_summary_set_groups         (AccordSummary      *self,
                                                       const char * const *groups);
const char * const *accord_summary_get_groups         (AccordSummary      *self);
void                accord_summary_set_aspects        (AccordSummary      *self,
                                                       GListModel         *aspects);
GListModel         *accord_summary_get_aspects        (AccordSummary      *self);
void                accord_summary_set_subjects       (AccordSummary      *self,
                                                       GListModel         *subjects);
GListModel         *accord_summary_get_subjects       (AccordSummary      *self);
void                accord_summary_set_topics         (AccordSummary      *self,
                                                       GListModel         *topics,
                                                       gboolean            with_subtopics);
GListModel         *accord_summary_get_topics         (AccordSummary      *self);
gboolean            accord_summary_get_with_subtopics (AccordSummary      *self);
void                accord_summary_set_date           (AccordSummary      *self,
                                                       GDateTime          *date);
void                accord_summary_set_margins        (AccordSummary      *self,
                                                       double              top,
                                                       double              end,
                                                       double              bottom,
                                                       double              start);

guint               accord_summary_paginate           (AccordSummary      *self,
                                                       double              page_width,
                                                       double              page_height);
guint               accord_summary_get_n_pages        (AccordSummary      *self);
void                accord_summary_draw_page          (AccordSummary      *self,
                                                       cairo_t            *cr,
                                                       guint               page_nr);
void                accord_summary_render             (AccordSummary      *self,
                                                       cairo_t            *cr);

G_END_DECLS
