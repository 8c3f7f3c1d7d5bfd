/* accord-text.c: measured, line-addressable text for the summary renderer
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is laid out with a PangoContext of its own: 72 dpi, so a font's
 * size in points is its size in user units, and unhinted metrics with
 * fractional glyph positions, so line breaks do not depend on the device
 * (a printer, a preview, a PDF file) the lines are later drawn on.
 *
 * Each line is drawn at its own baseline, a fixed pitch below the one
 * before: the layout's own line spacing, which grows with fallback fonts,
 * is not used.
 */

#define G_LOG_DOMAIN "accord-print"

#include "config.h"

#include <string.h>
#include <pango/pangocairo.h>

#include "accord-text.h"

struct _AccordTextContext
{
  PangoContext *pango;
  PangoLanguage *language;
  gboolean rtl;
};

struct _AccordTextStyle
{
  AccordTextContext *context;
  PangoFontDescription *font;
  double red, green, blue;
  double pitch;         /* points */
  double baseline;      /* from the top of a line */
  AccordTextAlign align;
};

struct _AccordText
{
  AccordTextStyle *style;
  const char *text;     /* not owned: the summary keeps it alive */
  char *uri;
  double width;         /* points; wrapping width */
  AccordTextAlign align;
  guint max_lines;
  guint n_lines;
  gboolean measured;
  PangoLayout *layout;
};

AccordTextContext *
accord_text_context_new (const char *language,
                         gboolean    rtl)
{
  AccordTextContext *context = g_new0 (AccordTextContext, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  context->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  context->language = pango_language_from_string (language != NULL ? language : "en");
  context->rtl = rtl;

  pango_cairo_context_set_resolution (context->pango, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context->pango, FALSE);
  pango_context_set_language (context->pango, context->language);
  pango_context_set_base_dir (context->pango, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  return context;
}

void
accord_text_context_free (AccordTextContext *context)
{
  if (context == NULL)
    return;

  g_object_unref (context->pango);
  g_free (context);
}

/* @pitch: the line height, as a multiple of the font size */
AccordTextStyle *
accord_text_style_new (AccordTextContext *context,
                       const char        *font,
                       guint32            color,
                       double             pitch,
                       AccordTextAlign    align)
{
  AccordTextStyle *style = g_new0 (AccordTextStyle, 1);
  PangoFontMetrics *metrics;
  double size, ascent, descent;

  style->context = context;
  style->font = pango_font_description_from_string (font);
  style->red = ((color >> 16) & 0xff) / 255.0;
  style->green = ((color >> 8) & 0xff) / 255.0;
  style->blue = (color & 0xff) / 255.0;
  style->align = align;

  metrics = pango_context_get_metrics (context->pango, style->font, context->language);
  ascent = pango_font_metrics_get_ascent (metrics) / (double) PANGO_SCALE;
  descent = pango_font_metrics_get_descent (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  size = pango_font_description_get_size (style->font) / (double) PANGO_SCALE;
  style->pitch = size * pitch;
  style->baseline = (style->pitch - (ascent + descent)) / 2 + ascent;

  return style;
}

void
accord_text_style_free (AccordTextStyle *style)
{
  if (style == NULL)
    return;

  pango_font_description_free (style->font);
  g_free (style);
}

AccordText *
accord_text_new (AccordTextStyle *style,
                 const char      *text,
                 double           width)
{
  AccordText *self = g_new0 (AccordText, 1);

  self->style = style;
  self->text = text != NULL ? text : "";
  self->width = width;
  self->align = style->align;

  return self;
}

void
accord_text_free (AccordText *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->layout);
  g_free (self->uri);
  g_free (self);
}

static void
invalidate (AccordText *self)
{
  g_clear_object (&self->layout);
  self->measured = FALSE;
}

void
accord_text_set_align (AccordText      *self,
                       AccordTextAlign  align)
{
  self->align = align;
  invalidate (self);
}

/* More lines are cut, the last one ending with an ellipsis. */
void
accord_text_set_max_lines (AccordText *self,
                           guint       max_lines)
{
  self->max_lines = max_lines;
  invalidate (self);
}

/* Drawn as a link on a PDF surface. */
void
accord_text_set_uri (AccordText *self,
                     const char *uri)
{
  g_free (self->uri);
  self->uri = g_strdup (uri);
}

static PangoAlignment
pango_alignment (AccordText *self)
{
  gboolean rtl = self->style->context->rtl;

  switch (self->align)
    {
    case ACCORD_TEXT_ALIGN_CENTER: return PANGO_ALIGN_CENTER;
    case ACCORD_TEXT_ALIGN_END: return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
    case ACCORD_TEXT_ALIGN_START:
    default: return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    }
}

static PangoLayout *
ensure_layout (AccordText *self)
{
  PangoLayout *layout;

  if (self->layout != NULL)
    return self->layout;

  layout = pango_layout_new (self->style->context->pango);
  pango_layout_set_font_description (layout, self->style->font);
  /* The direction is the pack's, for every paragraph: columns and bullets
   * are mirrored with it, so the text must not decide on its own. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, pango_alignment (self));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (self->width > 0)
    pango_layout_set_width (layout, (int) (self->width * PANGO_SCALE));
  if (self->max_lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -(int) self->max_lines);
    }
  /* Plain text, never markup. */
  pango_layout_set_text (layout, self->text, -1);

  self->layout = layout;
  return layout;
}

static void
measure (AccordText *self)
{
  if (self->measured)
    return;

  self->n_lines = pango_layout_get_line_count (ensure_layout (self));
  self->measured = TRUE;
}

guint
accord_text_get_n_lines (AccordText *self)
{
  measure (self);
  return self->n_lines;
}

double
accord_text_get_pitch (AccordText *self)
{
  return self->style->pitch;
}

double
accord_text_get_width (AccordText *self)
{
  return self->width;
}

/* A cairo tag attribute string: single quotes and backslashes escaped. */
static char *
link_attributes (const char *uri)
{
  GString *out = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');

  return g_string_free (out, FALSE);
}

/**
 * accord_text_draw:
 * @x: the left edge of the text's box
 * @y: the top of line @from
 * @from: the first line to draw
 * @to: the line after the last one
 * @links: whether to make the text a link (on a PDF surface), if it has a URI
 */
void
accord_text_draw (AccordText *self,
                  cairo_t    *cr,
                  double      x,
                  double      y,
                  guint       from,
                  guint       to,
                  gboolean    links)
{
  PangoLayout *layout = ensure_layout (self);
  PangoLayoutIter *iter;
  g_autofree char *attributes = NULL;
  guint i = 0;

  measure (self);
  to = MIN (to, self->n_lines);
  if (from >= to)
    return;

  if (links && self->uri != NULL)
    {
      attributes = link_attributes (self->uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }

  cairo_set_source_rgb (cr, self->style->red, self->style->green, self->style->blue);

  iter = pango_layout_get_iter (layout);
  do
    {
      if (i >= from && i < to)
        {
          PangoRectangle logical;
          double baseline = y + (i - from) * self->style->pitch + self->style->baseline;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < to && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (attributes != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}
