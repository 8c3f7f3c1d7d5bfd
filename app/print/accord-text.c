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

/* The settings every context of @context has, on any thread. */
static PangoContext *
context_new_pango (AccordTextContext *context,
                   PangoFontMap      *font_map)
{
  PangoContext *pango = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (pango, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pango, FALSE);
  pango_context_set_language (pango, context->language);
  pango_context_set_base_dir (pango, context->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  return pango;
}

AccordTextContext *
accord_text_context_new (const char *language,
                         gboolean    rtl)
{
  AccordTextContext *context = g_new0 (AccordTextContext, 1);

  context->language = pango_language_from_string (language != NULL ? language : "en");
  context->rtl = rtl;
  context->pango = context_new_pango (context, pango_cairo_font_map_get_default ());

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
layout_new (AccordText   *self,
            PangoContext *pango)
{
  PangoLayout *layout = pango_layout_new (pango);

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

  return layout;
}

static PangoLayout *
ensure_layout_with (AccordText   *self,
                    PangoContext *pango)
{
  if (self->layout == NULL)
    self->layout = layout_new (self, pango);
  return self->layout;
}

static PangoLayout *
ensure_layout (AccordText *self)
{
  return ensure_layout_with (self, self->style->context->pango);
}

/* Lays @self out with @pango, unless it has been already. */
static void
measure_with (AccordText   *self,
              PangoContext *pango)
{
  if (self->measured)
    return;

  self->n_lines = pango_layout_get_line_count (ensure_layout_with (self, pango));
  self->measured = TRUE;
}

static void
measure (AccordText *self)
{
  measure_with (self, self->style->context->pango);
}

/* Measuring on several threads. Pango objects are not thread-safe, so
 * each worker lays out with a context on a font map of its own; a layout
 * keeps its context (and font map) alive, and is drawn only after every
 * worker has finished, by one thread at a time.
 *
 * That is not quite enough with Pango (1.50, and still in 1.57). The first
 * time a font is asked for its metrics in a language, Pango derives its
 * approximate character width by laying out a sample text, under a
 * recursion guard that is one unsynchronised static variable for the whole
 * process: a thread that asks while another is inside the guard gets a
 * width of 0, and the font keeps it. The line breaker looks for breaks
 * within three of those widths of the end of a line, so a word cut across
 * lines of a narrow column is then cut elsewhere than it would be alone.
 * (Found by tests/test-text.c, which compares with texts laid out one by
 * one.) So:
 *
 * - the calling thread does not lay out while the workers do: its font map
 *   is the process's default one, which GTK's widgets use too;
 * - a worker lays a text out alone (metrics_lock held for writing) when
 *   its fonts may not know their metrics yet: when itemizing it finds a
 *   font and language the worker has not laid out with before; otherwise
 *   together with the others (held for reading);
 * - if a font that was laid out together turns out to have no width after
 *   all, the worker starts again on a new font map, alone. */

#define MEASURE_CHUNK 32            /* texts taken at a time */
#define MEASURE_TEXTS_PER_THREAD 512 /* fewer are not worth a thread */
#define MEASURE_MAX_THREADS 8

static GRWLock metrics_lock;

typedef struct
{
  AccordTextContext *context;
  GPtrArray *texts;
  guint next;           /* atomic: the first text not yet taken */
  guint n_alone;        /* atomic: texts laid out holding metrics_lock to write */
  guint n_restarts;     /* atomic: workers started again on a new font map */
} MeasureJob;

/* What a worker knows of a font in a language: that it has its metrics,
 * and whether a character width of 0 is what it got alone (a font first
 * asked within the sample text of another has none, on any thread). */
enum
{
  FONT_UNKNOWN,          /* not in the table */
  FONT_KNOWN,
  FONT_KNOWN_WIDTHLESS,
};

typedef struct
{
  PangoFontMap *font_map;
  PangoContext *pango;
  GHashTable *fonts;        /* font and language → FONT_KNOWN… */
  GHashTable *ascii_styles; /* styles whose ASCII text has been laid out */
} Worker;

static void
worker_init (Worker            *worker,
             AccordTextContext *context)
{
  worker->font_map = pango_cairo_font_map_new ();
  worker->pango = context_new_pango (context, worker->font_map);
  worker->fonts = g_hash_table_new (NULL, NULL);
  worker->ascii_styles = g_hash_table_new (NULL, NULL);
}

static void
worker_clear (Worker *worker)
{
  g_clear_pointer (&worker->ascii_styles, g_hash_table_unref);
  g_clear_pointer (&worker->fonts, g_hash_table_unref);
  g_clear_object (&worker->pango);
  g_clear_object (&worker->font_map);
}

/* Fonts live as long as their font map: pointers are keys enough. */
static gpointer
font_key (const PangoAnalysis *analysis)
{
  return GSIZE_TO_POINTER (GPOINTER_TO_SIZE (analysis->font) * 31 ^
                           GPOINTER_TO_SIZE (analysis->language));
}

static int
font_width (const PangoAnalysis *analysis)
{
  PangoFontMetrics *metrics = pango_font_get_metrics (analysis->font, analysis->language);
  int width = pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return width;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether every font laying @text out will use is known to @worker;
 * @ascii: whether @text is all ASCII. */
static gboolean
worker_knows_fonts (Worker     *worker,
                    AccordText *text,
                    gboolean    ascii)
{
  PangoAttrList *attrs;
  gboolean known = TRUE;
  GList *items;

  /* Itemizing costs a tenth of laying out: ASCII text needs the same
   * fonts as ASCII text of its style before. */
  if (ascii && g_hash_table_contains (worker->ascii_styles, text->style))
    return TRUE;

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (text->style->font));
  items = pango_itemize_with_base_dir (worker->pango, pango_context_get_base_dir (worker->pango),
                                       text->text, 0, (int) strlen (text->text), attrs, NULL);
  for (GList *l = items; l != NULL && known; l = l->next)
    known = g_hash_table_contains (worker->fonts, font_key (&((PangoItem *) l->data)->analysis));

  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  pango_attr_list_unref (attrs);
  return known;
}

typedef gboolean (*RunFunc) (Worker              *worker,
                             const PangoAnalysis *analysis);

/* Calls @func with every run of @text's layout while it returns TRUE;
 * returns whether it always did. */
static gboolean
worker_for_each_run (Worker     *worker,
                     AccordText *text,
                     RunFunc     func)
{
  for (GSList *l = pango_layout_get_lines_readonly (text->layout); l != NULL; l = l->next)
    for (GSList *r = ((PangoLayoutLine *) l->data)->runs; r != NULL; r = r->next)
      if (!func (worker, &((PangoGlyphItem *) r->data)->item->analysis))
        return FALSE;

  return TRUE;
}

/* Whether the font of a run laid out together with other threads has the
 * metrics it would have had alone. */
static gboolean
font_sound (Worker              *worker,
            const PangoAnalysis *analysis)
{
  guint known = GPOINTER_TO_UINT (g_hash_table_lookup (worker->fonts, font_key (analysis)));

  return known == FONT_KNOWN_WIDTHLESS || font_width (analysis) > 0;
}

/* Records the font of a run laid out alone. */
static gboolean
learn_font (Worker              *worker,
            const PangoAnalysis *analysis)
{
  gpointer key = font_key (analysis);

  if (!g_hash_table_contains (worker->fonts, key))
    g_hash_table_insert (worker->fonts, key,
                         GUINT_TO_POINTER (font_width (analysis) > 0 ? FONT_KNOWN : FONT_KNOWN_WIDTHLESS));
  return TRUE;
}

static void
worker_measure (Worker     *worker,
                MeasureJob *job,
                AccordText *text)
{
  gboolean ascii = is_ascii (text->text);

  if (worker_knows_fonts (worker, text, ascii))
    {
      g_rw_lock_reader_lock (&metrics_lock);
      measure_with (text, worker->pango);
      g_rw_lock_reader_unlock (&metrics_lock);

      if (worker_for_each_run (worker, text, font_sound))
        goto done;

      /* A font was new after all, and may have been given no width. */
      invalidate (text);
      worker_clear (worker);
      worker_init (worker, job->context);
      g_atomic_int_inc ((int *) &job->n_restarts);
    }

  g_atomic_int_inc ((int *) &job->n_alone);
  g_rw_lock_writer_lock (&metrics_lock);
  measure_with (text, worker->pango);
  worker_for_each_run (worker, text, learn_font);
  g_rw_lock_writer_unlock (&metrics_lock);

done:
  if (ascii)
    g_hash_table_add (worker->ascii_styles, text->style);
}

static gpointer
measure_thread (gpointer data)
{
  MeasureJob *job = data;
  Worker worker;

  worker_init (&worker, job->context);

  for (;;)
    {
      guint start = (guint) g_atomic_int_add ((int *) &job->next, MEASURE_CHUNK);
      guint end = MIN (start + MEASURE_CHUNK, job->texts->len);

      if (start >= job->texts->len)
        break;
      for (guint i = start; i < end; i++)
        worker_measure (&worker, job, g_ptr_array_index (job->texts, i));
    }

  worker_clear (&worker);
  return NULL;
}

/**
 * accord_text_measure_all:
 * @texts: (element-type AccordText): texts of @context's styles
 * @max_threads: how many threads may lay out; 0: as many as there are
 *   processors
 *
 * Lays out every text of @texts, as accord_text_get_n_lines() would one
 * by one, on worker threads when there are enough of them. The lines
 * come out the same either way.
 */
void
accord_text_measure_all (AccordTextContext *context,
                         GPtrArray         *texts,
                         guint              max_threads)
{
  MeasureJob job = { context, texts, 0, 0, 0 };
  guint n_threads = max_threads > 0 ? max_threads : g_get_num_processors ();
  GThread *threads[MEASURE_MAX_THREADS];

  n_threads = MIN (n_threads, MEASURE_MAX_THREADS);
  n_threads = MIN (n_threads, texts->len / MEASURE_TEXTS_PER_THREAD);

  if (n_threads < 2)
    {
      for (guint i = 0; i < texts->len; i++)
        measure (g_ptr_array_index (texts, i));
      return;
    }

  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new ("accord-measure", measure_thread, &job);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);

  g_debug ("%u texts laid out on %u threads, %u of them alone, %u fresh starts",
           texts->len, n_threads, job.n_alone, job.n_restarts);
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
