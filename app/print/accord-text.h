/* accord-text.h: measured, line-addressable text for the summary renderer
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to app/print. An AccordText is plain text wrapped to a width in
 * one style; every line has the style's pitch, so any run of lines can be
 * drawn anywhere (a table row continued on the next page).
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _AccordTextContext AccordTextContext;
typedef struct _AccordTextStyle AccordTextStyle;
typedef struct _AccordText AccordText;

typedef enum
{
  ACCORD_TEXT_ALIGN_START,
  ACCORD_TEXT_ALIGN_END,
  ACCORD_TEXT_ALIGN_CENTER,
} AccordTextAlign;

AccordTextContext *accord_text_context_new   (const char        *language,
                                              gboolean           rtl);
void               accord_text_context_free  (AccordTextContext *context);

AccordTextStyle   *accord_text_style_new     (AccordTextContext *context,
                                              const char        *font,
                                              guint32            color,
                                              double             pitch,
                                              AccordTextAlign    align);
void               accord_text_style_free    (AccordTextStyle   *style);

AccordText        *accord_text_new           (AccordTextStyle   *style,
                                              const char        *text,
                                              double             width);
void               accord_text_free          (AccordText        *text);
void               accord_text_set_align     (AccordText        *text,
                                              AccordTextAlign    align);
void               accord_text_set_max_lines (AccordText        *text,
                                              guint              max_lines);
void               accord_text_set_uri       (AccordText        *text,
                                              const char        *uri);
void               accord_text_measure_all   (AccordTextContext *context,
                                              GPtrArray         *texts,
                                              guint              max_threads);
guint              accord_text_get_n_lines   (AccordText        *text);
double             accord_text_get_pitch     (AccordText        *text);
double             accord_text_get_width     (AccordText        *text);
void               accord_text_draw          (AccordText        *text,
                                              cairo_t           *cr,
                                              double             x,
                                              double             y,
                                              guint              from,
                                              guint              to,
                                              gboolean           links);

G_END_DECLS
