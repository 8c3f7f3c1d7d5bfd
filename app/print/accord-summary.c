/* accord-summary.c: a pack's summary, typeset onto pages with pango-cairo
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stages. Pagination turns the chosen parts into a list of blocks
 * (headings, paragraphs, list items, notes, tables), measures their text
 * and flows them onto pages as positioned operations: "draw lines 3–7 of
 * this text here", "fill this rectangle". Drawing a page replays its
 * operations and adds the running header and the footer, which need the
 * page count.
 *
 * Typesetting rules: text never breaks inside a line; a heading moves to
 * the next page with what follows it rather than end a page; a paragraph
 * leaves no single line alone at either end of a page; a table row moves
 * whole to the next page, and only a row taller than a page is split, at
 * line boundaries, each cell continuing on the next page under the
 * repeated table header.
 *
 * Every line of a block has the same height (its style's line pitch), so a
 * block's lines can be split across pages and its baselines line up across
 * table cells whichever font a script falls back to.
 *
 * Right-to-left packs: pango lays out each line (bidi included); the page
 * itself is mirrored here: columns run from the right, bullets and notes'
 * bars sit on the right. Positions are computed from the start edge and
 * turned into physical x only when an operation is recorded.
 *
 * Pack text is plain text: it goes into layouts with pango_layout_set_text,
 * never as markup.
 */

#define G_LOG_DOMAIN "accord-print"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "accord-summary.h"
#include "accord-text.h"

/* Styles */

typedef enum
{
  STYLE_TITLE,
  STYLE_LEAD,
  STYLE_META,
  STYLE_SECTION,
  STYLE_TOPIC,
  STYLE_SUBTOPIC,
  STYLE_BODY_HEADING,
  STYLE_BODY,
  STYLE_SUMMARY,
  STYLE_NOTE,
  STYLE_BULLET,
  STYLE_SMALL,
  STYLE_LINK,
  STYLE_TH,
  STYLE_TD,
  STYLE_TD_ASPECT,
  STYLE_TD_MISSING,
  STYLE_TD_GROUP,
  STYLE_TD_NOTE,
  STYLE_MARK_COMMON,
  STYLE_MARK_DIFFERS,
  STYLE_MARK_ONLY,
  STYLE_MARK_NONE,
  STYLE_RUNNING,
  N_STYLES
} StyleId;

typedef struct
{
  const char *font;
  guint32 color;
  double pitch;         /* line height, in units of the font size */
  AccordTextAlign align;
} StyleSpec;

#define SERIF "Noto Serif, DejaVu Serif, serif"
#define SANS "Noto Sans, DejaVu Sans, sans-serif"

#define INK        0x1d1d1f
#define HEADING    0x1b365d
#define GREY       0x5a5a5a
#define DIM        0x8a8a8a
#define LINK       0x1a4f8b

static const StyleSpec style_specs[N_STYLES] = {
  [STYLE_TITLE]        = { SANS " Bold 21",            HEADING, 1.15, ACCORD_TEXT_ALIGN_START },
  [STYLE_LEAD]         = { SERIF " Italic 11",         GREY,    1.35, ACCORD_TEXT_ALIGN_START },
  [STYLE_META]         = { SANS " 9",                  GREY,    1.35, ACCORD_TEXT_ALIGN_START },
  [STYLE_SECTION]      = { SANS " Bold 15",            HEADING, 1.2,  ACCORD_TEXT_ALIGN_START },
  [STYLE_TOPIC]        = { SANS " Bold 12.5",          HEADING, 1.25, ACCORD_TEXT_ALIGN_START },
  [STYLE_SUBTOPIC]     = { SANS " Bold 11",            HEADING, 1.25, ACCORD_TEXT_ALIGN_START },
  [STYLE_BODY_HEADING] = { SANS " Semi-Bold 10",       INK,     1.3,  ACCORD_TEXT_ALIGN_START },
  [STYLE_BODY]         = { SERIF " 10",                INK,     1.42, ACCORD_TEXT_ALIGN_START },
  [STYLE_SUMMARY]      = { SERIF " Italic 10",         GREY,    1.42, ACCORD_TEXT_ALIGN_START },
  [STYLE_NOTE]         = { SERIF " 9.5",               INK,     1.4,  ACCORD_TEXT_ALIGN_START },
  [STYLE_BULLET]       = { SERIF " 10",                GREY,    1.42, ACCORD_TEXT_ALIGN_END },
  [STYLE_SMALL]        = { SANS " 8.5",                GREY,    1.35, ACCORD_TEXT_ALIGN_START },
  [STYLE_LINK]         = { SANS " 8.5",                LINK,    1.35, ACCORD_TEXT_ALIGN_START },
  [STYLE_TH]           = { SANS " Bold 9",             HEADING, 1.3,  ACCORD_TEXT_ALIGN_START },
  [STYLE_TD]           = { SANS " 9",                  INK,     1.33, ACCORD_TEXT_ALIGN_START },
  [STYLE_TD_ASPECT]    = { SANS " Semi-Bold 9",        INK,     1.33, ACCORD_TEXT_ALIGN_START },
  [STYLE_TD_MISSING]   = { SANS " Italic 9",           DIM,     1.33, ACCORD_TEXT_ALIGN_START },
  [STYLE_TD_GROUP]     = { SANS " Bold 8",             HEADING, 1.3,  ACCORD_TEXT_ALIGN_START },
  [STYLE_TD_NOTE]      = { SANS " Italic 8.5",         GREY,    1.33, ACCORD_TEXT_ALIGN_START },
  [STYLE_MARK_COMMON]  = { SANS " Bold 8",             0x2d6a31, 1.3, ACCORD_TEXT_ALIGN_START },
  [STYLE_MARK_DIFFERS] = { SANS " Bold 8",             0x9c4f00, 1.3, ACCORD_TEXT_ALIGN_START },
  [STYLE_MARK_ONLY]    = { SANS " Bold 8",             0x1f4f8f, 1.3, ACCORD_TEXT_ALIGN_START },
  [STYLE_MARK_NONE]    = { SANS " Italic 8",           DIM,     1.3,  ACCORD_TEXT_ALIGN_START },
  [STYLE_RUNNING]      = { SANS " 8",                  GREY,    1.3,  ACCORD_TEXT_ALIGN_START },
};

/* Measures, in points */
#define CELL_PAD_X       5.0
#define CELL_PAD_Y       3.5
#define BULLET_INDENT   15.0
#define NOTE_INDENT     11.0
#define NOTE_BAR         2.0
#define RULE_COLOR  0xc4c9d0
#define TH_FILL     0xe9eef4
#define GROUP_FILL  0xf5f6f8
#define NOTE_FILL   0xf4f6f9

/* Operations: what a page draws */

typedef enum
{
  OP_TEXT,
  OP_FILL,
  OP_RULE,
} OpKind;

typedef struct
{
  OpKind kind;
  guint from, to;       /* OP_TEXT: lines [from, to) */
  AccordText *text;
  double x, y;          /* OP_TEXT: left edge, top of line `from` */
  double w, h;          /* OP_FILL: size; OP_RULE: end point offset and width */
  guint32 color;
} Op;

typedef struct
{
  char *title;          /* owned */
  int level;            /* 0: a part of the summary; 1 and more: topics */
  guint page;
  double x, y;
} OutlineEntry;

/* A vertical stack of texts: a paragraph, a table cell (an aspect's name
 * and its mark), a source (its title and URL). Lines are numbered across
 * the stack. */
typedef struct
{
  AccordText *parts[3];
  double gaps[3];       /* space above each part but the first */
  guint n_parts;
} Cell;

typedef enum
{
  DECO_NONE,
  DECO_LABEL,           /* a bullet or number beside the first line */
  DECO_NOTE,            /* a tinted box with a bar on the start side */
  DECO_RULE,            /* a rule under the block */
} Deco;

typedef enum
{
  ROW_BODY,
  ROW_GROUP,
} RowKind;

typedef struct
{
  RowKind kind;
  Cell *cells;          /* n_cols; ROW_GROUP: one, spanning all columns */
  Cell span;            /* under the cells, from span_col to the end; n_parts 0: none */
  guint span_col;
} Row;

typedef struct
{
  guint n_cols;
  double *col_x;        /* from the start edge of the body */
  double *col_w;
  Row header;
  GArray *rows;         /* Row */
} Table;

typedef enum
{
  BLOCK_TEXT,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  double space_before;
  double space_after;
  gboolean keep_with_next;
  Cell cell;            /* BLOCK_TEXT */
  double indent;        /* from the start edge */
  Deco deco;
  AccordText *label;
  const char *outline;  /* a heading: its entry in the PDF outline */
  int outline_level;
  Table *table;         /* BLOCK_TABLE */
} Block;

typedef struct
{
  GArray *ops;          /* Op */
} Page;

typedef struct
{
  AccordTextContext *tc;
  AccordTextStyle *styles[N_STYLES];
  GStringChunk *strings;
  GPtrArray *texts;     /* AccordText, owned */
  GPtrArray *blocks;    /* Block */
  GPtrArray *pages;     /* Page */
  GArray *outline;      /* OutlineEntry */
  gboolean rtl;
  double page_w, page_h;
  double x0, x1, y0, y1; /* the body: inside the margins */
  AccordText *running;  /* the running header */

  /* flowing */
  Page *page;
  double y;
  gboolean page_fresh;  /* nothing in the body of this page yet */
} Doc;

struct _AccordSummary
{
  GObject parent_instance;

  AccordPack *pack;
  AccordSummaryParts parts;
  char **groups;
  GListModel *aspects;  /* the table's, in its order; NULL for the pack's */
  GListModel *subjects;
  GListModel *topics;
  gboolean with_subtopics;
  GDateTime *date;
  double margins[4];    /* top, end, bottom, start */

  Doc *doc;
};

G_DEFINE_FINAL_TYPE (AccordSummary, accord_summary, G_TYPE_OBJECT)

/* Documents */

static void
table_free (Table *table)
{
  if (table == NULL)
    return;
  g_free (table->col_x);
  g_free (table->col_w);
  g_free (table->header.cells);
  for (guint i = 0; i < table->rows->len; i++)
    g_free (g_array_index (table->rows, Row, i).cells);
  g_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  table_free (block->table);
  g_free (block);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
outline_entry_clear (gpointer data)
{
  g_free (((OutlineEntry *) data)->title);
}

static void
doc_free (Doc *doc)
{
  if (doc == NULL)
    return;

  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->pages, g_ptr_array_unref);
  g_clear_pointer (&doc->outline, g_array_unref);
  g_clear_pointer (&doc->texts, g_ptr_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&doc->styles[i], accord_text_style_free);
  g_clear_pointer (&doc->tc, accord_text_context_free);
  g_clear_pointer (&doc->strings, g_string_chunk_free);
  g_free (doc);
}

static Doc *
doc_new (AccordPack *pack)
{
  Doc *doc = g_new0 (Doc, 1);

  doc->rtl = accord_pack_is_right_to_left (pack);
  doc->tc = accord_text_context_new (accord_pack_get_language (pack), doc->rtl);
  for (guint i = 0; i < N_STYLES; i++)
    doc->styles[i] = accord_text_style_new (doc->tc, style_specs[i].font, style_specs[i].color,
                                            style_specs[i].pitch, style_specs[i].align);
  doc->strings = g_string_chunk_new (4096);
  doc->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_text_free);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->pages = g_ptr_array_new_with_free_func (page_free);
  doc->outline = g_array_new (FALSE, TRUE, sizeof (OutlineEntry));
  g_array_set_clear_func (doc->outline, outline_entry_clear);

  return doc;
}

/* A string that lives as long as the document. */
static const char *
doc_keep (Doc        *doc,
          const char *string)
{
  return g_string_chunk_insert (doc->strings, string);
}

static AccordText *
doc_text (Doc        *doc,
          StyleId     style,
          const char *string,
          double      width)
{
  AccordText *text = accord_text_new (doc->styles[style], string, width);

  g_ptr_array_add (doc->texts, text);
  return text;
}

/* Cells */

static void
cell_add (Cell       *cell,
          AccordText *text,
          double      gap)
{
  g_assert (cell->n_parts < G_N_ELEMENTS (cell->parts));
  cell->gaps[cell->n_parts] = cell->n_parts > 0 ? gap : 0;
  cell->parts[cell->n_parts++] = text;
}

static guint
cell_n_lines (const Cell *cell)
{
  guint n = 0;

  for (guint i = 0; i < cell->n_parts; i++)
    n += accord_text_get_n_lines (cell->parts[i]);
  return n;
}

/* Where line @line starts (top) and ends (bottom), from the top of the cell. */
static void
cell_line_extent (const Cell *cell,
                  guint       line,
                  double     *top,
                  double     *bottom)
{
  double y = 0;

  for (guint i = 0; i < cell->n_parts; i++)
    {
      AccordText *text = cell->parts[i];
      guint n = accord_text_get_n_lines (text);
      double pitch = accord_text_get_pitch (text);

      y += cell->gaps[i];
      if (line < n)
        {
          *top = y + line * pitch;
          *bottom = *top + pitch;
          return;
        }
      line -= n;
      y += n * pitch;
    }

  *top = *bottom = y;
}

/* The height of lines [from, to). */
static double
cell_span_height (const Cell *cell,
                  guint       from,
                  guint       to)
{
  double top, bottom, first_top, unused;

  if (to <= from)
    return 0;

  cell_line_extent (cell, from, &first_top, &unused);
  cell_line_extent (cell, to - 1, &top, &bottom);
  return bottom - first_top;
}

static double
cell_height (const Cell *cell)
{
  return cell_span_height (cell, 0, cell_n_lines (cell));
}

/* How many lines from @from fit in @height. */
static guint
cell_fit (const Cell *cell,
          guint       from,
          double      height)
{
  guint n = cell_n_lines (cell);
  guint to = from;

  while (to < n && cell_span_height (cell, from, to + 1) <= height + 0.01)
    to++;
  return to;
}

/* Flowing */

static double
phys_x (Doc    *doc,
        double  start,
        double  width)
{
  return doc->rtl ? doc->x1 - start - width : doc->x0 + start;
}

static void
page_add (Doc      *doc,
          const Op *op)
{
  g_array_append_val (doc->page->ops, *op);
}

static void
add_fill (Doc     *doc,
          double   start,
          double   y,
          double   width,
          double   height,
          guint32  color)
{
  Op op = { .kind = OP_FILL, .x = phys_x (doc, start, width), .y = y, .w = width, .h = height, .color = color };

  page_add (doc, &op);
}

static void
add_rule (Doc     *doc,
          double   start,
          double   y,
          double   width,
          double   thickness,
          guint32  color)
{
  Op op = { .kind = OP_RULE, .x = phys_x (doc, start, width), .y = y, .w = width, .h = thickness, .color = color };

  page_add (doc, &op);
}

/* Draws lines [from, to) of @cell with the top of line @from at @y,
 * between @start and @start + @width. Returns the height used. */
static double
add_cell (Doc        *doc,
          const Cell *cell,
          guint       from,
          guint       to,
          double      start,
          double      width,
          double      y)
{
  double origin, unused;
  guint first = 0;

  if (to <= from)
    return 0;

  cell_line_extent (cell, from, &origin, &unused);

  for (guint i = 0; i < cell->n_parts; i++)
    {
      AccordText *text = cell->parts[i];
      guint n = accord_text_get_n_lines (text);
      guint a = MAX (from, first), b = MIN (to, first + n);

      if (a < b)
        {
          double top, bottom;
          double w = accord_text_get_width (text);
          Op op = { .kind = OP_TEXT, .text = text, .from = a - first, .to = b - first };

          cell_line_extent (cell, a, &top, &bottom);
          op.x = phys_x (doc, start, w > 0 ? w : width);
          op.y = y + top - origin;
          page_add (doc, &op);
        }
      first += n;
    }

  return cell_span_height (cell, from, to);
}

static void
new_page (Doc *doc)
{
  doc->page = g_new0 (Page, 1);
  doc->page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_ptr_array_add (doc->pages, doc->page);
  doc->y = doc->y0;
  doc->page_fresh = TRUE;
}

static double
body_height (Doc *doc)
{
  return doc->y1 - doc->y0;
}

static void
add_outline (Doc        *doc,
             const char *title,
             int         level,
             double      y)
{
  OutlineEntry entry = {
    .title = g_strdup (title),
    .level = level,
    .page = doc->pages->len,
    .x = doc->rtl ? doc->x1 : doc->x0,
    .y = y,
  };

  g_array_append_val (doc->outline, entry);
}

/* Blocks */

static Block *
block_new (Doc       *doc,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

static Block *
add_paragraph (Doc        *doc,
               StyleId     style,
               const char *string,
               double      indent,
               double      space_before,
               double      space_after)
{
  Block *block = block_new (doc, BLOCK_TEXT);

  block->indent = indent;
  block->space_before = space_before;
  block->space_after = space_after;
  cell_add (&block->cell, doc_text (doc, style, string, doc->x1 - doc->x0 - indent), 0);
  return block;
}

static Block *
add_heading (Doc        *doc,
             StyleId     style,
             const char *string,
             int         outline_level,
             double      space_before,
             double      space_after)
{
  Block *block = add_paragraph (doc, style, string, 0, space_before, space_after);

  block->keep_with_next = TRUE;
  block->outline = string;
  block->outline_level = outline_level;
  return block;
}

static Block *
add_list_item (Doc        *doc,
               const char *label,
               StyleId     style,
               const char *string,
               double      indent,
               double      space_after)
{
  Block *block = add_paragraph (doc, style, string, indent + BULLET_INDENT, 0, space_after);

  block->deco = DECO_LABEL;
  block->label = doc_text (doc, STYLE_BULLET, label, BULLET_INDENT - 5);
  return block;
}

/* The height of what must stay together at the start of @block. */
static double
block_first_unit (Doc   *doc,
                  guint  index);

static double
row_height (const Table *table,
            const Row   *row)
{
  double h = 0;

  if (row->kind == ROW_GROUP)
    return cell_height (&row->cells[0]) + 2 * CELL_PAD_Y;

  for (guint c = 0; c < table->n_cols; c++)
    h = MAX (h, cell_height (&row->cells[c]));
  if (row->span.n_parts > 0)
    h += cell_height (&row->span) + CELL_PAD_Y;

  return h + 2 * CELL_PAD_Y;
}

static double
block_first_unit (Doc   *doc,
                  guint  index)
{
  Block *block;
  double h;

  if (index >= doc->blocks->len)
    return 0;

  block = g_ptr_array_index (doc->blocks, index);
  if (block->kind == BLOCK_TABLE)
    {
      Table *table = block->table;

      h = block->space_before + row_height (table, &table->header);
      for (guint i = 0; i < table->rows->len; i++)
        {
          Row *row = &g_array_index (table->rows, Row, i);

          h += row_height (table, row);
          if (row->kind != ROW_GROUP)
            break;
        }
    }
  else
    {
      guint n = cell_n_lines (&block->cell);

      h = block->space_before + cell_span_height (&block->cell, 0, MIN (n, 2));
      if (block->keep_with_next)
        h = block->space_before + cell_height (&block->cell) + block->space_after +
            block_first_unit (doc, index + 1);
    }

  return MIN (h, body_height (doc));
}

static void
place_text_fragment (Doc   *doc,
                     Block *block,
                     guint  from,
                     guint  to)
{
  double width = doc->x1 - doc->x0 - block->indent;
  double height = cell_span_height (&block->cell, from, to);
  double y = doc->y;

  if (block->deco == DECO_NOTE)
    {
      add_fill (doc, block->indent - NOTE_INDENT, y - 4, width + NOTE_INDENT, height + 8, NOTE_FILL);
      add_fill (doc, block->indent - NOTE_INDENT, y - 4, NOTE_BAR, height + 8, HEADING);
      y += 0;
    }

  if (block->deco == DECO_LABEL && from == 0)
    {
      Cell label = { 0 };

      cell_add (&label, block->label, 0);
      add_cell (doc, &label, 0, 1, block->indent - BULLET_INDENT, BULLET_INDENT - 5, y);
    }

  if (block->outline != NULL && from == 0)
    add_outline (doc, block->outline, block->outline_level, y);

  add_cell (doc, &block->cell, from, to, block->indent, width, y);
  doc->y += height;
  doc->page_fresh = FALSE;

  if (block->deco == DECO_RULE && to == cell_n_lines (&block->cell))
    {
      doc->y += 6;
      add_rule (doc, 0, doc->y, doc->x1 - doc->x0, 0.8, HEADING);
    }
}

static void
place_text (Doc   *doc,
            guint  index)
{
  Block *block = g_ptr_array_index (doc->blocks, index);
  guint n = cell_n_lines (&block->cell);
  guint from = 0;
  double extra = block->deco == DECO_NOTE ? 8 : 0;

  /* A heading with what follows it, or nothing of it. */
  if (block->keep_with_next && !doc->page_fresh &&
      doc->y + block_first_unit (doc, index) > doc->y1)
    new_page (doc);

  if (!doc->page_fresh)
    doc->y += block->space_before;
  if (block->deco == DECO_NOTE)
    doc->y += 4;

  while (from < n)
    {
      guint to = cell_fit (&block->cell, from, doc->y1 - doc->y - extra);

      if (to < n)
        {
          /* No lone line at the bottom or top of a page. */
          if (n - from >= 2 && to - from < 2)
            to = from;
          else if (n - to == 1 && to - from >= 3)
            to--;
          else if (n - to == 1)
            to = from;
        }

      if (to == from)
        {
          if (doc->page_fresh)
            to = MAX (cell_fit (&block->cell, from, body_height (doc)), from + 1);
          else
            {
              new_page (doc);
              if (block->deco == DECO_NOTE)
                doc->y += 4;
              continue;
            }
        }

      place_text_fragment (doc, block, from, to);
      from = to;
      if (from < n)
        {
          new_page (doc);
          if (block->deco == DECO_NOTE)
            doc->y += 4;
        }
    }

  if (block->deco == DECO_NOTE)
    doc->y += 4;
  doc->y += block->space_after;
}

/* Tables */

typedef struct
{
  guint *next;          /* per column: the next line to draw */
  guint span_next;
} RowState;

static gboolean
row_done (const Table    *table,
          const Row      *row,
          const RowState *state)
{
  guint n_cells = row->kind == ROW_GROUP ? 1 : table->n_cols;

  for (guint c = 0; c < n_cells; c++)
    if (state->next[c] < cell_n_lines (&row->cells[c]))
      return FALSE;

  return state->span_next >= cell_n_lines (&row->span);
}

static double
row_remaining (const Table    *table,
               const Row      *row,
               const RowState *state)
{
  guint n_cells = row->kind == ROW_GROUP ? 1 : table->n_cols;
  double h = 0, span;

  for (guint c = 0; c < n_cells; c++)
    h = MAX (h, cell_span_height (&row->cells[c], state->next[c], cell_n_lines (&row->cells[c])));

  span = cell_span_height (&row->span, state->span_next, cell_n_lines (&row->span));
  if (span > 0)
    h += span + (h > 0 ? CELL_PAD_Y : 0);

  return h + 2 * CELL_PAD_Y;
}

static double
table_width (Doc *doc)
{
  return doc->x1 - doc->x0;
}

/* Places what fits of @row in @avail (the whole row if it fits). */
static void
place_row (Doc      *doc,
           Table    *table,
           Row      *row,
           RowState *state,
           double    avail,
           gboolean  header)
{
  guint n_cells = row->kind == ROW_GROUP ? 1 : table->n_cols;
  double inner = avail - 2 * CELL_PAD_Y;
  double top = doc->y, used = 0;
  guint to[n_cells];
  gboolean main_done = TRUE;

  for (guint c = 0; c < n_cells; c++)
    {
      to[c] = cell_fit (&row->cells[c], state->next[c], inner);
      used = MAX (used, cell_span_height (&row->cells[c], state->next[c], to[c]));
      if (to[c] < cell_n_lines (&row->cells[c]))
        main_done = FALSE;
    }

  if (header)
    add_fill (doc, 0, top, table_width (doc), avail, TH_FILL);
  else if (row->kind == ROW_GROUP)
    add_fill (doc, 0, top, table_width (doc), avail, GROUP_FILL);

  for (guint c = 0; c < n_cells; c++)
    {
      double x = row->kind == ROW_GROUP ? 0 : table->col_x[c];
      double w = row->kind == ROW_GROUP ? table_width (doc) : table->col_w[c];

      add_cell (doc, &row->cells[c], state->next[c], to[c], x + CELL_PAD_X, w - 2 * CELL_PAD_X,
                top + CELL_PAD_Y);
      state->next[c] = to[c];
    }

  if (main_done && row->span.n_parts > 0)
    {
      double gap = used > 0 ? CELL_PAD_Y : 0;
      double x = table->col_x[row->span_col];
      guint span_to = cell_fit (&row->span, state->span_next, inner - used - gap);

      add_cell (doc, &row->span, state->span_next, span_to, x + CELL_PAD_X,
                table_width (doc) - x - 2 * CELL_PAD_X, top + CELL_PAD_Y + used + gap);
      state->span_next = span_to;
    }

  doc->y = top + avail;
  add_rule (doc, 0, doc->y, table_width (doc), header ? 0.9 : 0.4, header ? HEADING : RULE_COLOR);
  doc->page_fresh = FALSE;
}

static void
place_header (Doc   *doc,
              Table *table)
{
  guint next[table->n_cols];
  RowState state = { next, 0 };

  memset (next, 0, sizeof next);
  place_row (doc, table, &table->header, &state, row_height (table, &table->header), TRUE);
}

static void
place_table (Doc   *doc,
             guint  index)
{
  Block *block = g_ptr_array_index (doc->blocks, index);
  Table *table = block->table;
  double header_h = row_height (table, &table->header);
  gboolean header_on_page = FALSE;

  if (!doc->page_fresh)
    doc->y += block->space_before;

  if (doc->y + block_first_unit (doc, index) - block->space_before > doc->y1 && !doc->page_fresh)
    new_page (doc);

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      guint next[table->n_cols];
      RowState state = { next, 0 };
      guint guard = 0;

      memset (next, 0, sizeof next);

      while (!row_done (table, row, &state))
        {
          double h = row_remaining (table, row, &state);
          double need = h + (header_on_page ? 0 : header_h);
          double whole = header_h + h;
          double avail;

          /* A group heading stays with its first row. */
          if (row->kind == ROW_GROUP && i + 1 < table->rows->len)
            {
              double next_h = row_height (table, &g_array_index (table->rows, Row, i + 1));

              if (whole + next_h <= body_height (doc))
                {
                  need += next_h;
                  whole += next_h;
                }
            }

          if (doc->y + need <= doc->y1 + 0.01)
            {
              if (!header_on_page)
                place_header (doc, table);
              header_on_page = TRUE;
              place_row (doc, table, row, &state, h, FALSE);
              break;
            }

          /* Move the whole row to the next page if it fits there… */
          if (whole <= body_height (doc) && !doc->page_fresh)
            {
              new_page (doc);
              header_on_page = FALSE;
              continue;
            }

          /* …or split it at line boundaries: it is taller than a page. */
          if (!header_on_page)
            place_header (doc, table);
          header_on_page = TRUE;
          avail = doc->y1 - doc->y;
          if (avail < 3 * accord_text_get_pitch (row->cells[0].parts[0]) + 2 * CELL_PAD_Y &&
              guard++ == 0 && !doc->page_fresh)
            {
              new_page (doc);
              header_on_page = FALSE;
              continue;
            }
          {
            /* Trim the fragment to the lines that fit. */
            guint n_cells = row->kind == ROW_GROUP ? 1 : table->n_cols;
            double used = 0;

            for (guint c = 0; c < n_cells; c++)
              {
                guint to = cell_fit (&row->cells[c], state.next[c], avail - 2 * CELL_PAD_Y);

                if (to == state.next[c] && state.next[c] < cell_n_lines (&row->cells[c]) && doc->page_fresh)
                  to = state.next[c] + 1;  /* a line taller than a page: let it overflow */
                used = MAX (used, cell_span_height (&row->cells[c], state.next[c], to));
              }
            if (used == 0)
              used = MIN (avail - 2 * CELL_PAD_Y,
                          cell_span_height (&row->span, state.span_next, cell_n_lines (&row->span)));
            place_row (doc, table, row, &state, MIN (avail, used + 2 * CELL_PAD_Y + 0.01), FALSE);
          }

          if (!row_done (table, row, &state))
            {
              new_page (doc);
              header_on_page = FALSE;
            }
        }
    }

  doc->y += block->space_after;
}

/* Building the summary */

static char *
format_date (GDateTime *date)
{
  /* Translators: the date on a printed summary, as g_date_time_format()
   * writes it: "%-d %B %Y" is "5 March 2026", "%B %-d, %Y" is "March 5, 2026" */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The subjects the comparison lines up: the chosen ones, or the first two. */
static GListModel *
compared_subjects (AccordSummary *self)
{
  GListModel *all = accord_pack_get_subjects (self->pack);
  GListStore *store;

  if (self->subjects != NULL)
    return g_object_ref (self->subjects);

  store = g_list_store_new (ACCORD_TYPE_SUBJECT);
  for (guint i = 0; i < MIN (2, g_list_model_get_n_items (all)); i++)
    {
      g_autoptr(GObject) subject = g_list_model_get_item (all, i);

      g_list_store_append (store, subject);
    }

  return G_LIST_MODEL (store);
}

static void
build_title (AccordSummary *self,
             Doc           *doc)
{
  g_autoptr(GListModel) subjects = NULL;
  g_autofree char *names = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  const char *description = accord_pack_get_description (self->pack);
  Block *block;

  if (self->parts & ACCORD_SUMMARY_COMPARISON)
    subjects = compared_subjects (self);
  else
    subjects = g_object_ref (accord_pack_get_subjects (self->pack));

  names = accord_compare_join_names (subjects);
  date = format_date (self->date);
  /* Translators: under the title of a printed summary: the chosen subjects, then the date */
  meta = g_strdup_printf (_("%s · %s"), names, date);

  block = add_paragraph (doc, STYLE_TITLE, accord_pack_get_title (self->pack), 0, 0, 4);
  block->keep_with_next = TRUE;
  if (description != NULL)
    {
      block = add_paragraph (doc, STYLE_LEAD, description, 0, 0, 3);
      block->keep_with_next = TRUE;
    }
  block = add_paragraph (doc, STYLE_META, doc_keep (doc, meta), 0, 2, 16);
  block->deco = DECO_RULE;
}

static Table *
table_new (Doc    *doc,
           guint   n_cols,
           double  first_fraction)
{
  Table *table = g_new0 (Table, 1);
  double width = table_width (doc);
  double first = n_cols > 1 ? MAX (width * first_fraction, MIN (100, width / n_cols)) : width;

  table->n_cols = n_cols;
  table->col_x = g_new0 (double, n_cols);
  table->col_w = g_new0 (double, n_cols);
  table->col_w[0] = first;
  for (guint c = 1; c < n_cols; c++)
    {
      table->col_x[c] = first + (c - 1) * (width - first) / (n_cols - 1);
      table->col_w[c] = (width - first) / (n_cols - 1);
    }
  table->header.cells = g_new0 (Cell, n_cols);
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));

  return table;
}

static AccordText *
cell_text (Doc        *doc,
           Table      *table,
           guint       col,
           StyleId     style,
           const char *string)
{
  return doc_text (doc, style, string, table->col_w[col] - 2 * CELL_PAD_X);
}

static Row *
table_add_row (Table   *table,
               RowKind  kind)
{
  Row row = { .kind = kind };

  row.cells = g_new0 (Cell, kind == ROW_GROUP ? 1 : table->n_cols);
  g_array_append_val (table->rows, row);
  return &g_array_index (table->rows, Row, table->rows->len - 1);
}

static void
add_group_row (Doc        *doc,
               Table      *table,
               const char *group)
{
  Row *row = table_add_row (table, ROW_GROUP);
  g_autofree char *upper = g_utf8_strup (group, -1);

  cell_add (&row->cells[0], doc_text (doc, STYLE_TD_GROUP, doc_keep (doc, upper),
                                      table_width (doc) - 2 * CELL_PAD_X), 0);
}

static gboolean
group_chosen (AccordSummary *self,
              const char    *group)
{
  return self->groups == NULL || (group != NULL && g_strv_contains ((const char * const *) self->groups, group));
}

/* Whether each group's aspects come together in @aspects, as in a pack
 * (whose groups are contiguous) or a table sorted by group. */
static gboolean
groups_together (GListModel *aspects)
{
  g_autoptr(GHashTable) ended = g_hash_table_new (g_str_hash, g_str_equal);
  const char *group = NULL;

  for (guint a = 0; a < g_list_model_get_n_items (aspects); a++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, a);
      const char *aspect_group = accord_aspect_get_group (aspect);

      if (g_strcmp0 (aspect_group, group) == 0)
        continue;
      if (aspect_group != NULL && g_hash_table_contains (ended, aspect_group))
        return FALSE;
      if (group != NULL)
        g_hash_table_add (ended, (gpointer) group);
      group = aspect_group;
    }

  return TRUE;
}

static void
build_table (AccordSummary *self,
             Doc           *doc)
{
  GListModel *subjects = accord_pack_get_subjects (self->pack);
  GListModel *aspects = self->aspects != NULL ? self->aspects : accord_pack_get_aspects (self->pack);
  guint n_subjects = g_list_model_get_n_items (subjects);
  guint n_aspects = g_list_model_get_n_items (aspects);
  g_autoptr(GPtrArray) subject_array = g_ptr_array_new_with_free_func (g_object_unref);
  /* A row above each group's aspects; or, in an order that scatters the
   * groups (by name), each aspect's group under its name. */
  gboolean group_rows = groups_together (aspects);
  const char *group = NULL;
  Table *table;
  Block *block;
  gboolean any = FALSE;

  add_heading (doc, STYLE_SECTION, _("Characteristics"), 0, 6, 8);

  table = table_new (doc, n_subjects + 1, n_subjects > 3 ? 0.18 : 0.22);
  block = block_new (doc, BLOCK_TABLE);
  block->table = table;
  block->space_after = 18;

  cell_add (&table->header.cells[0], cell_text (doc, table, 0, STYLE_TH, _("Aspect")), 0);
  for (guint s = 0; s < n_subjects; s++)
    {
      AccordSubject *subject = g_list_model_get_item (subjects, s);

      g_ptr_array_add (subject_array, subject);
      cell_add (&table->header.cells[s + 1],
                cell_text (doc, table, s + 1, STYLE_TH, accord_subject_get_name (subject)), 0);
    }

  for (guint a = 0; a < n_aspects; a++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, a);
      const char *aspect_group = accord_aspect_get_group (aspect);
      Row *row;

      if (!group_chosen (self, aspect_group))
        continue;

      if (group_rows && aspect_group != NULL && g_strcmp0 (aspect_group, group) != 0)
        add_group_row (doc, table, aspect_group);
      group = aspect_group;

      row = table_add_row (table, ROW_BODY);
      cell_add (&row->cells[0], cell_text (doc, table, 0, STYLE_TD_ASPECT, accord_aspect_get_name (aspect)), 0);
      if (!group_rows && aspect_group != NULL)
        cell_add (&row->cells[0], cell_text (doc, table, 0, STYLE_TD_NOTE, aspect_group), 1);
      for (guint s = 0; s < n_subjects; s++)
        {
          AccordCharacteristic *value = accord_pack_get_characteristic (self->pack, g_ptr_array_index (subject_array, s),
                                                                        aspect);

          if (value != NULL)
            cell_add (&row->cells[s + 1],
                      cell_text (doc, table, s + 1, STYLE_TD, accord_characteristic_get_text (value)), 0);
          else
            /* Translators: in a subject's column when the pack says nothing about that aspect */
            cell_add (&row->cells[s + 1], cell_text (doc, table, s + 1, STYLE_TD_MISSING, _("Not covered")), 0);
        }
      any = TRUE;
    }

  if (!any)
    {
      g_ptr_array_remove_index (doc->blocks, doc->blocks->len - 1);
      add_paragraph (doc, STYLE_SUMMARY, _("This pack does not compare its subjects on any aspect."), 0, 0, 18);
    }
}

static StyleId
mark_style (AccordMark mark)
{
  switch (mark)
    {
    case ACCORD_MARK_COMMON: return STYLE_MARK_COMMON;
    case ACCORD_MARK_DIFFERS: return STYLE_MARK_DIFFERS;
    case ACCORD_MARK_ONLY: return STYLE_MARK_ONLY;
    case ACCORD_MARK_NONE:
    default: return STYLE_MARK_NONE;
    }
}

static void
add_bullets (Doc         *doc,
             const char  *heading,
             char       **items)
{
  if (items == NULL || items[0] == NULL)
    return;

  add_heading (doc, STYLE_BODY_HEADING, heading, -1, 4, 4);
  for (guint i = 0; items[i] != NULL; i++)
    add_list_item (doc, "•", STYLE_BODY, doc_keep (doc, items[i]), 0, items[i + 1] != NULL ? 3 : 10);
}

static void
build_comparison (AccordSummary *self,
                  Doc           *doc)
{
  g_autoptr(GListModel) subjects = compared_subjects (self);
  g_autoptr(GListModel) rows = accord_compare_rows_new (self->pack, subjects);
  g_auto(GStrv) common = accord_compare_get_common (self->pack, subjects);
  g_auto(GStrv) general = accord_compare_get_general_differences (self->pack, subjects);
  g_autofree char *names = accord_compare_join_names (subjects);
  guint n_subjects = g_list_model_get_n_items (subjects);
  guint n_rows = g_list_model_get_n_items (rows);
  /* The characteristics table already shows every text: say only how they compare. */
  gboolean compact = (self->parts & ACCORD_SUMMARY_TABLE) != 0 && self->groups == NULL;
  Table *table;
  Block *block;

  add_heading (doc, STYLE_SECTION, _("Comparison"), 0, 6, 3);
  add_paragraph (doc, STYLE_SUMMARY, doc_keep (doc, names), 0, 0, 8)->keep_with_next = TRUE;

  /* Translators: heading above the points the chosen subjects have in common */
  add_bullets (doc, _("Common ground"), common);
  /* Translators: heading above the differences that concern no single aspect */
  add_bullets (doc, _("How They Differ"), general);

  if (n_rows == 0)
    {
      add_paragraph (doc, STYLE_SUMMARY, _("This pack has no aspects to compare"), 0, 0, 18);
      return;
    }

  table = compact ? table_new (doc, 2, 0.28) : table_new (doc, n_subjects + 1, n_subjects > 3 ? 0.18 : 0.22);
  block = block_new (doc, BLOCK_TABLE);
  block->table = table;
  block->space_before = 4;
  block->space_after = 18;

  cell_add (&table->header.cells[0], cell_text (doc, table, 0, STYLE_TH, _("Aspect")), 0);
  if (compact)
    cell_add (&table->header.cells[1], cell_text (doc, table, 1, STYLE_TH, _("Comparison")), 0);
  else
    for (guint s = 0; s < n_subjects; s++)
      {
        g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, s);

        cell_add (&table->header.cells[s + 1],
                  cell_text (doc, table, s + 1, STYLE_TH, accord_subject_get_name (subject)), 0);
      }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(AccordCompareRow) compare_row = g_list_model_get_item (rows, r);
      AccordAspect *aspect = accord_compare_row_get_aspect (compare_row);
      AccordMark mark = accord_compare_row_get_mark (compare_row);
      /* The row goes with the model: keep its text. */
      const char *difference = accord_compare_row_get_difference (compare_row);

      g_autofree char *words = accord_compare_row_describe_mark (compare_row);
      Row *row = table_add_row (table, ROW_BODY);

      if (difference != NULL)
        difference = doc_keep (doc, difference);

      cell_add (&row->cells[0], cell_text (doc, table, 0, STYLE_TD_ASPECT, accord_aspect_get_name (aspect)), 0);

      if (compact)
        {
          cell_add (&row->cells[1], cell_text (doc, table, 1, mark_style (mark), doc_keep (doc, words)), 0);
          if (difference != NULL)
            cell_add (&row->cells[1], cell_text (doc, table, 1, STYLE_TD, difference), 1.5);
          continue;
        }

      cell_add (&row->cells[0], cell_text (doc, table, 0, mark_style (mark), doc_keep (doc, words)), 1.5);
      for (guint s = 0; s < n_subjects; s++)
        {
          AccordCharacteristic *value = accord_compare_row_get_value (compare_row, s);

          if (value != NULL)
            cell_add (&row->cells[s + 1],
                      cell_text (doc, table, s + 1, STYLE_TD, accord_characteristic_get_text (value)), 0);
          else
            cell_add (&row->cells[s + 1], cell_text (doc, table, s + 1, STYLE_TD_MISSING, _("Not covered")), 0);
        }

      if (difference != NULL && n_subjects > 0)
        {
          row->span_col = 1;
          cell_add (&row->span, doc_text (doc, STYLE_TD_NOTE, difference,
                                          table_width (doc) - table->col_x[1] - 2 * CELL_PAD_X), 0);
        }
    }
}

static void
build_topic (AccordSummary *self,
             Doc           *doc,
             AccordTopic   *topic,
             guint          level)
{
  GListModel *body = accord_topic_get_body (topic);
  GListModel *sources = accord_topic_get_sources (topic);
  const char *summary = accord_topic_get_summary (topic);
  guint n_blocks = g_list_model_get_n_items (body);
  guint n_sources = g_list_model_get_n_items (sources);

  add_heading (doc, level == 0 ? STYLE_TOPIC : STYLE_SUBTOPIC, accord_topic_get_title (topic),
               level + 1, level == 0 ? 14 : 10, 4);
  if (summary != NULL)
    add_paragraph (doc, STYLE_SUMMARY, summary, 0, 0, 6);

  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(AccordBlock) item = g_list_model_get_item (body, i);
      const char *text = accord_block_get_text (item);
      Block *block;

      switch (accord_block_get_kind (item))
        {
        case ACCORD_BLOCK_HEADING:
          add_heading (doc, STYLE_BODY_HEADING, text, -1, 4, 3);
          break;

        case ACCORD_BLOCK_NOTE:
          block = add_paragraph (doc, STYLE_NOTE, text, NOTE_INDENT, 4, 10);
          block->deco = DECO_NOTE;
          break;

        case ACCORD_BLOCK_LIST:
          {
            const char * const *items = accord_block_get_items (item);

            for (guint j = 0; items != NULL && items[j] != NULL; j++)
              add_list_item (doc, "•", STYLE_BODY, items[j], 4, items[j + 1] != NULL ? 2 : 7);
          }
          break;

        case ACCORD_BLOCK_PARAGRAPH:
        default:
          add_paragraph (doc, STYLE_BODY, text, 0, 0, 6);
          break;
        }
    }

  if (n_sources > 0)
    {
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < n_sources; i++)
        {
          g_autoptr(AccordSource) source = g_list_model_get_item (sources, i);

          g_ptr_array_add (titles, accord_i18n_isolate (accord_source_get_title (source)));
        }
      g_ptr_array_add (titles, NULL);
      /* Translators: between the titles of a printed topic's sources */
      joined = g_strjoinv (C_("sources", "; "), (char **) titles->pdata);
      /* Translators: under a printed topic: the titles of its sources */
      line = g_strdup_printf (_("Sources: %s"), joined);
      add_paragraph (doc, STYLE_SMALL, doc_keep (doc, line), 0, 0, 6);
    }

  if (self->with_subtopics)
    {
      GListModel *children = accord_topic_get_children (topic);
      guint n = g_list_model_get_n_items (children);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordTopic) child = g_list_model_get_item (children, i);

          build_topic (self, doc, child, level + 1);
        }
    }
}

static gboolean
has_chosen_ancestor (GListModel  *topics,
                     AccordTopic *topic)
{
  guint n = g_list_model_get_n_items (topics);

  for (AccordTopic *parent = accord_topic_get_parent (topic); parent != NULL;
       parent = accord_topic_get_parent (parent))
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AccordTopic) chosen = g_list_model_get_item (topics, i);

        if (chosen == parent)
          return TRUE;
      }

  return FALSE;
}

static void
build_topics (AccordSummary *self,
              Doc           *doc)
{
  GListModel *topics = self->topics != NULL ? self->topics : accord_pack_get_topics (self->pack);
  guint n = g_list_model_get_n_items (topics);

  if (n == 0)
    return;

  add_heading (doc, STYLE_SECTION, _("Topics"), 0, 6, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);

      /* A sub-topic printed with its parent is not printed again. */
      if (self->with_subtopics && has_chosen_ancestor (topics, topic))
        continue;
      build_topic (self, doc, topic, 0);
    }
  ((Block *) g_ptr_array_index (doc->blocks, doc->blocks->len - 1))->space_after += 12;
}

static gboolean
is_web_url (const char *url)
{
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static void
build_sources (AccordSummary *self,
               Doc           *doc)
{
  GListModel *sources = accord_pack_get_sources (self->pack);
  guint n = g_list_model_get_n_items (sources);

  if (n == 0)
    return;

  add_heading (doc, STYLE_SECTION, _("Sources"), 0, 6, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordSource) source = g_list_model_get_item (sources, i);
      const char *publisher = accord_source_get_publisher (source);
      const char *accessed = accord_source_get_accessed (source);
      const char *url = accord_source_get_url (source);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      double width = doc->x1 - doc->x0 - BULLET_INDENT - 4;
      Block *block;

      block = add_list_item (doc, doc_keep (doc, number), STYLE_BODY, accord_source_get_title (source), 4,
                             i + 1 < n ? 7 : 0);

      if (publisher != NULL)
        g_string_append (details, publisher);
      if (accessed != NULL)
        {
          g_autoptr(GDateTime) when = NULL;
          g_autofree char *iso = g_strconcat (accessed, "T00:00:00Z", NULL);
          g_autofree char *formatted = NULL;
          g_autofree char *line = NULL;

          when = g_date_time_new_from_iso8601 (iso, NULL);
          formatted = when != NULL ? format_date (when) : g_strdup (accessed);
          /* Translators: after a source's publisher on a printed summary: when the page was read */
          line = g_strdup_printf (_("accessed %s"), formatted);
          if (details->len > 0)
            /* Translators: separates a source's publisher from when it was accessed */
            g_string_append (details, _(", "));
          g_string_append (details, line);
        }
      if (details->len > 0)
        cell_add (&block->cell, doc_text (doc, STYLE_SMALL, doc_keep (doc, details->str), width), 1);

      if (is_web_url (url))
        {
          AccordText *link = doc_text (doc, STYLE_LINK, url, width);

          accord_text_set_uri (link, url);
          cell_add (&block->cell, link, 0.5);
        }
    }
  ((Block *) g_ptr_array_index (doc->blocks, doc->blocks->len - 1))->space_after = 0;
}

static void
build (AccordSummary *self,
       Doc           *doc)
{
  build_title (self, doc);

  if (self->parts & ACCORD_SUMMARY_TABLE)
    build_table (self, doc);
  /* A pack with a single subject has nothing to compare. */
  if ((self->parts & ACCORD_SUMMARY_COMPARISON) &&
      g_list_model_get_n_items (accord_pack_get_subjects (self->pack)) >= 2)
    build_comparison (self, doc);
  if (self->parts & ACCORD_SUMMARY_TOPICS)
    build_topics (self, doc);
  if (self->parts & ACCORD_SUMMARY_SOURCES)
    build_sources (self, doc);
}

static void
flow (Doc *doc)
{
  new_page (doc);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      if (block->kind == BLOCK_TABLE)
        place_table (doc, i);
      else
        place_text (doc, i);
    }
}

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static gboolean
is_pdf (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
}

static void
draw_op (cairo_t  *cr,
         const Op *op,
         gboolean  links)
{
  switch (op->kind)
    {
    case OP_FILL:
      set_color (cr, op->color);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;

    case OP_RULE:
      set_color (cr, op->color);
      cairo_set_line_width (cr, op->h);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->w, op->y);
      cairo_stroke (cr);
      break;

    case OP_TEXT:
      accord_text_draw (op->text, cr, op->x, op->y, op->from, op->to, links);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_furniture (AccordSummary *self,
                cairo_t       *cr,
                guint          page_nr)
{
  Doc *doc = self->doc;
  double width = doc->x1 - doc->x0;
  g_autofree char *footer = NULL;
  AccordText *text;

  /* The running header, from page 2 */
  if (page_nr > 0)
    {
      double y = doc->y0 - 14 - accord_text_get_pitch (doc->running);

      accord_text_draw (doc->running, cr, doc->x0, y, 0, 1, FALSE);
      set_color (cr, RULE_COLOR);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, doc->x0, doc->y0 - 10);
      cairo_line_to (cr, doc->x1, doc->y0 - 10);
      cairo_stroke (cr);
    }

  /* Translators: the footer of every printed page */
  footer = g_strdup_printf (_("Page %u of %u"), page_nr + 1, doc->pages->len);
  text = accord_text_new (doc->styles[STYLE_RUNNING], footer, width);
  accord_text_set_align (text, ACCORD_TEXT_ALIGN_CENTER);
  accord_text_draw (text, cr, doc->x0, doc->y1 + 16, 0, 1, FALSE);
  accord_text_free (text);
}

/* GObject */

static void
accord_summary_finalize (GObject *object)
{
  AccordSummary *self = ACCORD_SUMMARY (object);

  g_clear_pointer (&self->doc, doc_free);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->groups, g_strfreev);
  g_clear_object (&self->aspects);
  g_clear_object (&self->subjects);
  g_clear_object (&self->topics);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (accord_summary_parent_class)->finalize (object);
}

static void
accord_summary_class_init (AccordSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_summary_finalize;
}

static void
accord_summary_init (AccordSummary *self)
{
  self->parts = ACCORD_SUMMARY_ALL_PARTS;
  self->with_subtopics = TRUE;
  self->date = g_date_time_new_now_local ();
  /* top, end, bottom, start: 2 cm at the sides, room for the header and footer */
  self->margins[0] = 62;
  self->margins[1] = 56.7;
  self->margins[2] = 62;
  self->margins[3] = 56.7;
}

/**
 * accord_summary_new:
 * @pack: the pack to summarise
 *
 * A summary of everything: the characteristics table, a comparison of the
 * pack's first two subjects, every topic with its sub-topics and the
 * sources, dated today.
 *
 * Returns: (transfer full): a new #AccordSummary
 */
AccordSummary *
accord_summary_new (AccordPack *pack)
{
  AccordSummary *self;

  g_return_val_if_fail (ACCORD_IS_PACK (pack), NULL);

  self = g_object_new (ACCORD_TYPE_SUMMARY, NULL);
  self->pack = g_object_ref (pack);

  return self;
}

/**
 * accord_summary_get_pack:
 *
 * Returns: (transfer none): the summarised pack
 */
AccordPack *
accord_summary_get_pack (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), NULL);

  return self->pack;
}

static void
invalidate (AccordSummary *self)
{
  g_clear_pointer (&self->doc, doc_free);
}

/**
 * accord_summary_set_parts:
 * @parts: which parts to print, in this order: table, comparison, topics,
 *   sources (the header with the title, subjects and date is always there)
 */
void
accord_summary_set_parts (AccordSummary      *self,
                          AccordSummaryParts  parts)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));

  self->parts = parts & ACCORD_SUMMARY_ALL_PARTS;
  invalidate (self);
}

AccordSummaryParts
accord_summary_get_parts (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), 0);

  return self->parts;
}

/**
 * accord_summary_set_groups:
 * @groups: (nullable) (array zero-terminated=1): the aspect groups the
 *   characteristics table shows, or %NULL for every aspect
 */
void
accord_summary_set_groups (AccordSummary      *self,
                           const char * const *groups)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));

  g_strfreev (self->groups);
  self->groups = g_strdupv ((char **) groups);
  invalidate (self);
}

/**
 * accord_summary_get_groups:
 *
 * Returns: (nullable) (transfer none): the chosen aspect groups, or %NULL for all
 */
const char * const *
accord_summary_get_groups (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), NULL);

  return (const char * const *) self->groups;
}

/**
 * accord_summary_set_aspects:
 * @aspects: (nullable): a #GListModel of the pack's #AccordAspect, in the
 *   order the characteristics table lists them (the window's table, as it
 *   is sorted), or %NULL for all of them in the pack's order
 *
 * The aspects of the characteristics table, and their order. (The groups
 * chosen with accord_summary_set_groups() still apply.)
 */
void
accord_summary_set_aspects (AccordSummary *self,
                            GListModel    *aspects)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (aspects == NULL || G_IS_LIST_MODEL (aspects));

  g_set_object (&self->aspects, aspects);
  invalidate (self);
}

/**
 * accord_summary_get_aspects:
 *
 * Returns: (nullable) (transfer none): the table's aspects in order, or
 *   %NULL for the pack's
 */
GListModel *
accord_summary_get_aspects (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), NULL);

  return self->aspects;
}

/**
 * accord_summary_set_subjects:
 * @subjects: (nullable): a #GListModel of the pack's #AccordSubject to
 *   compare, in column order, or %NULL for the pack's first two
 *
 * The subjects the comparison lines up; the first page names them. (The
 * characteristics table always shows every subject.)
 */
void
accord_summary_set_subjects (AccordSummary *self,
                             GListModel    *subjects)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (subjects == NULL || G_IS_LIST_MODEL (subjects));

  g_set_object (&self->subjects, subjects);
  invalidate (self);
}

/**
 * accord_summary_get_subjects:
 *
 * Returns: (nullable) (transfer none): the chosen subjects, or %NULL
 */
GListModel *
accord_summary_get_subjects (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), NULL);

  return self->subjects;
}

/**
 * accord_summary_set_topics:
 * @topics: (nullable): a #GListModel of the pack's #AccordTopic to print,
 *   in this order, or %NULL for every top-level topic
 * @with_subtopics: whether each topic is followed by its sub-topics
 */
void
accord_summary_set_topics (AccordSummary *self,
                           GListModel    *topics,
                           gboolean       with_subtopics)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (topics == NULL || G_IS_LIST_MODEL (topics));

  g_set_object (&self->topics, topics);
  self->with_subtopics = !!with_subtopics;
  invalidate (self);
}

/**
 * accord_summary_get_topics:
 *
 * Returns: (nullable) (transfer none): the chosen topics, or %NULL for all
 */
GListModel *
accord_summary_get_topics (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), NULL);

  return self->topics;
}

gboolean
accord_summary_get_with_subtopics (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), FALSE);

  return self->with_subtopics;
}

/**
 * accord_summary_set_date:
 * @date: the date printed on the first page (today by default)
 */
void
accord_summary_set_date (AccordSummary *self,
                         GDateTime     *date)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
  invalidate (self);
}

/**
 * accord_summary_set_margins:
 *
 * The page margins in points; @end and @start are the right and left ones
 * of a left-to-right pack (mirrored for a right-to-left one). The running
 * header and the footer sit in the top and bottom margins.
 */
void
accord_summary_set_margins (AccordSummary *self,
                            double         top,
                            double         end,
                            double         bottom,
                            double         start)
{
  g_return_if_fail (ACCORD_IS_SUMMARY (self));

  self->margins[0] = MAX (top, 36);
  self->margins[1] = MAX (end, 0);
  self->margins[2] = MAX (bottom, 36);
  self->margins[3] = MAX (start, 0);
  invalidate (self);
}

/**
 * accord_summary_paginate:
 * @page_width: in points
 * @page_height: in points
 *
 * Lays the summary out on pages of this size.
 *
 * Returns: the number of pages (at least 1)
 */
guint
accord_summary_paginate (AccordSummary *self,
                         double         page_width,
                         double         page_height)
{
  Doc *doc;
  double start, end;

  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  invalidate (self);
  doc = self->doc = doc_new (self->pack);
  doc->page_w = page_width;
  doc->page_h = page_height;

  /* Keep a readable body on small pages. */
  start = MIN (self->margins[3], page_width / 6);
  end = MIN (self->margins[1], page_width / 6);
  doc->x0 = doc->rtl ? end : start;
  doc->x1 = page_width - (doc->rtl ? start : end);
  doc->y0 = MIN (self->margins[0], page_height / 5);
  doc->y1 = page_height - MIN (self->margins[2], page_height / 5);

  doc->running = doc_text (doc, STYLE_RUNNING, accord_pack_get_title (self->pack), doc->x1 - doc->x0);
  accord_text_set_max_lines (doc->running, 1);

  build (self, doc);
  accord_text_measure_all (doc->tc, doc->texts, 0);
  flow (doc);

  return doc->pages->len;
}

/**
 * accord_summary_get_n_pages:
 *
 * Returns: the number of pages from the last accord_summary_paginate(), or 0
 */
guint
accord_summary_get_n_pages (AccordSummary *self)
{
  g_return_val_if_fail (ACCORD_IS_SUMMARY (self), 0);

  return self->doc != NULL ? self->doc->pages->len : 0;
}

/**
 * accord_summary_draw_page:
 * @cr: where to draw, in points, with the page's top left corner at the origin
 * @page_nr: the page, from 0
 *
 * Draws one page laid out by accord_summary_paginate(). On a PDF surface,
 * the sources' web addresses are links.
 */
void
accord_summary_draw_page (AccordSummary *self,
                          cairo_t       *cr,
                          guint          page_nr)
{
  Page *page;
  gboolean links;

  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->doc != NULL);
  g_return_if_fail (page_nr < self->doc->pages->len);

  page = g_ptr_array_index (self->doc->pages, page_nr);
  links = is_pdf (cr);

  cairo_save (cr);
  for (guint i = 0; i < page->ops->len; i++)
    draw_op (cr, &g_array_index (page->ops, Op, i), links);
  draw_furniture (self, cr, page_nr);
  cairo_restore (cr);
}

static void
add_pdf_outline (Doc             *doc,
                 cairo_surface_t *surface)
{
  int parents[16] = { CAIRO_PDF_OUTLINE_ROOT };
  int current_level = -1;

  for (guint i = 0; i < doc->outline->len; i++)
    {
      OutlineEntry *entry = &g_array_index (doc->outline, OutlineEntry, i);
      int level = CLAMP (entry->level, 0, (int) G_N_ELEMENTS (parents) - 2);
      g_autofree char *link = NULL;
      int id;

      if (entry->level < 0)
        continue;

      /* A level never skips: a child hangs under the nearest shallower entry. */
      level = MIN (level, current_level + 1);
      /* Whole points: cairo 1.16 parses decimals in the locale's format,
       * so "72.5" is refused where the decimal separator is a comma. */
      link = g_strdup_printf ("page=%u pos=[%d %d]", entry->page,
                              (int) (entry->x + 0.5), (int) (entry->y + 0.5));
      id = cairo_pdf_surface_add_outline (surface, parents[level], entry->title, link,
                                          level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      parents[level + 1] = id;
      current_level = level;
    }
}

/**
 * accord_summary_render:
 * @cr: a context on a surface of the page size given to
 *   accord_summary_paginate(), with nothing drawn yet
 *
 * Draws every page in order, ending each with cairo_show_page(). On a PDF
 * surface it also sets the document's title and adds an outline of the
 * parts and topics.
 */
void
accord_summary_render (AccordSummary *self,
                       cairo_t       *cr)
{
  cairo_surface_t *surface;

  g_return_if_fail (ACCORD_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->doc != NULL);

  surface = cairo_get_target (cr);
  if (is_pdf (cr))
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, accord_pack_get_title (self->pack));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Accord " PACKAGE_VERSION);
    }

  for (guint i = 0; i < self->doc->pages->len; i++)
    {
      accord_summary_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  if (is_pdf (cr))
    add_pdf_outline (self->doc, surface);
}
