/* accord-table.c: a table that only builds the rows on screen
 *
 * The characteristics table has thousands of rows of wrapped text, each
 * row as tall as its longest cell. GTK 4.8's GtkColumnView keeps about
 * 200 rows of widgets around the ones on screen, whatever their height,
 * and binds, measures and allocates all of them after every sort, every
 * filter and many scroll steps (docs/performance.md has the figures): ten
 * times a frame and more. GTK 4.12 changed that; Debian 12 has 4.8. So
 * Accord has its own table, which builds widgets for the rows on screen
 * and no others:
 *
 *   columnview                 the table (GtkScrollable: put it directly
 *   ├── header                 in a GtkScrolledWindow)
 *   │   ╰── button ×columns    titles (unless show-titles is off): a click
 *   │                          sorts, a drag on an edge resizes, a drag
 *   │                          elsewhere moves the column
 *   ├── listview               the rows on screen, clipped under the
 *   │   ╰── row ×on screen     header (AccordTableRow: a cell per column)
 *   ╰── [listview]             hidden: a sample row, for measuring rows
 *                              that have no widgets
 *
 * The CSS names are GtkColumnView's, so the theme draws the table as it
 * draws a column view.
 *
 * Scrolling. The scroll position is kept as the row at the top of the view
 * and how far it is scrolled out (top, top_offset). The rows' heights are
 * measured as rows are shown, and ahead of time while idle, with the
 * sample row, and kept by item, so a sort or a filter finds them known;
 * rows not yet measured count as the average height. The vertical
 * adjustment is derived from those heights after every layout, so the
 * scrollbar is exact once every row has been measured and close before.
 * Small moves of the adjustment (a wheel, a drag) walk the rows by their
 * heights; large ones (the scrollbar dragged far, Home, End) jump to the
 * row the estimate puts there.
 *
 * Sideways, the position is kept as the distance from the start edge, so
 * a right-to-left table starts at its right edge, with its first column;
 * a table scrolled to its other end stays there when it is resized.
 *
 * The model is a GtkSelectionModel (single selection is what Accord uses):
 * a click selects a row, a double click or Enter emits ::activate. The
 * arrow keys, Page Up/Down, Home and End move the keyboard focus from row
 * to row, selecting as they go, and Left and Right scroll a wide table a
 * column at a time (the actions grid.move-cursor, grid.activate-cursor
 * and grid.scroll-sideways); the table is one stop of the Tab chain.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <math.h>
#include <string.h>

#include "accord-table.h"
#include "accord-table-private.h"
#include "accord-table-row.h"
#include "accord-widget-util.h"

/* Rows kept for reuse beyond those on screen. */
#define SPARE_ROWS          4
/* What a row counts as before any row has been measured, and the view's
 * height before it has been laid out. */
#define DEFAULT_ROW_HEIGHT  48
#define FIRST_VIEW_HEIGHT   1200
/* A move of the adjustment up to this many views is walked row by row. */
#define WALK_VIEWS          2
/* Measuring ahead: after the last change of widths or font, in slices of
 * this much work at idle priority, for tables of at most this many cells
 * (beyond, the scrollbar's estimate will do). */
#define AHEAD_DELAY_MS      250
#define AHEAD_SLICE_US      3000
#define AHEAD_MAX_CELLS     32768
/* Column resizing: the grip around a title's end edge, the least width. */
#define RESIZE_GRIP         8
#define MIN_COLUMN_WIDTH    40

/* The rows' parent ---------------------------------------------------- */

#define ACCORD_TYPE_TABLE_LIST (accord_table_list_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableList, accord_table_list, ACCORD, TABLE_LIST, GtkWidget)

struct _AccordTableList
{
  GtkWidget parent_instance;

  AccordTable *table;    /* its parent: not a reference */
};

G_DEFINE_FINAL_TYPE (AccordTableList, accord_table_list, GTK_TYPE_WIDGET)

static void allocate_rows (AccordTable *self);

static void
accord_table_list_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AccordTableList *self = ACCORD_TABLE_LIST (widget);

  if (self->table != NULL)
    allocate_rows (self->table);
}

static void
accord_table_list_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* The table gives it the room under the header. */
  *minimum = *natural = 0;
}

static void
accord_table_list_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_table_list_parent_class)->dispose (object);
}

static void
accord_table_list_class_init (AccordTableListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_list_dispose;
  widget_class->measure = accord_table_list_measure;
  widget_class->size_allocate = accord_table_list_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "listview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
accord_table_list_init (AccordTableList *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "separators");
}

static GtkWidget *
accord_table_list_new (AccordTable *table)
{
  AccordTableList *self = g_object_new (ACCORD_TYPE_TABLE_LIST, NULL);

  self->table = table;
  return GTK_WIDGET (self);
}

/* The table ------------------------------------------------------------ */

/* A row on screen, where it goes. */
typedef struct
{
  AccordTableRow *row;
  int y;
  int height;
} Placed;

struct _AccordTable
{
  GtkWidget parent_instance;

  GtkSelectionModel *model;
  guint n_items;

  GListStore *columns;
  GArray *slots;              /* AccordTableSlot, the shown columns */
  int total_width;
  guint geometry;             /* of the slots: their widths, in order */
  gboolean slots_moved;       /* since the last layout */

  GtkCustomSorter *sorter;
  AccordTableColumn *sort_column;
  GtkSortType sort_order;

  GtkWidget *header;          /* AccordTableHeader */
  gboolean show_titles;
  GtkWidget *list;            /* AccordTableList: the rows on screen */
  GtkWidget *measure_list;    /* AccordTableList, hidden: the sample */
  AccordTableRow *sample;

  GPtrArray *rows;            /* bound AccordTableRows */
  GPtrArray *spare;           /* unbound ones, not shown */
  GArray *placed;             /* Placed: the rows on screen, top down */

  /* Heights: by position (-1: not measured) and by item, for the widths
   * and the font in layout_key. */
  GArray *heights;
  GHashTable *item_heights;   /* item (a reference) → height + 1 */
  gint64 known_sum;
  guint known_count;
  guint layout_key;
  guint font_key;

  /* The scroll position: see the top of the file. */
  guint top;
  int top_offset;
  int from_start;
  gboolean at_end;            /* scrolled sideways to the end: stays there */
  double vvalue;              /* the vertical value last given */
  int list_height;            /* the rows' view, at the last layout */
  int view_width;
  AccordTableColumn *pending_column;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;
  gboolean adjusting;

  guint cursor;               /* the row the keyboard focus is on or goes to */
  gboolean refocus;
  guint update_source;        /* update_rows() after a layout that lacked rows */

  /* Dragging a title: resizing its column, or moving it. */
  AccordTableColumn *resizing;
  int resize_start_width;
  AccordTableColumn *moving;
  double drag_start_x;
  gboolean move_started;

  guint ahead_source;
  guint ahead_position;
};

static void accord_table_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordTable, accord_table, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, accord_table_scrollable_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SHOW_TITLES,
  N_PROPS,
  /* GtkScrollable's */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void     measure_ahead_later (AccordTable *self);
static void     update_rows         (AccordTable *self);
static gboolean focus_cursor        (AccordTable *self);

/* Columns -------------------------------------------------------------- */

const AccordTableSlot *
accord_table_get_slots (AccordTable *self,
                        guint       *n_slots,
                        int         *total_width)
{
  if (n_slots != NULL)
    *n_slots = self->slots->len;
  if (total_width != NULL)
    *total_width = self->total_width;
  return (const AccordTableSlot *) self->slots->data;
}

/* Shares @width among the shown columns: each its width, and what is left
 * over among those that expand (the last of them takes the pixels that do
 * not divide evenly). */
static void
fit_slots (AccordTable *self,
           int          width)
{
  int sum = 0, spare, given = 0;
  guint n_expand = 0, n_given = 0;
  guint geometry = 0;

  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);

      slot->width = accord_table_column_get_width (slot->column);
      sum += slot->width;
      if (accord_table_column_get_expand (slot->column))
        n_expand++;
    }

  spare = MAX (width - sum, 0);
  self->total_width = 0;
  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);

      if (n_expand > 0 && accord_table_column_get_expand (slot->column))
        {
          int share = spare / (int) n_expand;

          if (++n_given == n_expand)
            share = spare - given;
          given += share;
          slot->width += share;
        }
      slot->start = self->total_width;
      self->total_width += slot->width;
      geometry = geometry * 31 + (guint) slot->width;
    }

  if (geometry != self->geometry)
    {
      self->geometry = geometry;
      self->slots_moved = TRUE;
    }
}

static void
release_all_rows (AccordTable *self)
{
  g_array_set_size (self->placed, 0);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < self->spare->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->spare, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->spare, 0);
  if (self->sample != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->sample)));
}

static void forget_heights   (AccordTable *self);
static void check_layout_key (AccordTable *self);

/* The shown columns changed (one came, went, was hidden or renamed): new
 * titles, new rows. */
static void
columns_changed (AccordTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  release_all_rows (self);
  g_array_set_size (self->slots, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordTableColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);
      AccordTableSlot slot = { column, 0, 0 };

      if (accord_table_column_get_visible (column))
        g_array_append_val (self->slots, slot);
    }
  fit_slots (self, self->view_width);
  self->slots_moved = TRUE;

  if (self->header != NULL)
    gtk_widget_unparent (self->header);
  self->header = accord_table_header_new (self);
  gtk_widget_set_visible (self->header, self->show_titles);
  gtk_widget_insert_after (self->header, GTK_WIDGET (self), NULL);
  accord_table_header_show_sort (ACCORD_TABLE_HEADER (self->header), self->sort_column, self->sort_order);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) self->slots->len,
                                  -1);
  /* Rows' heights are measured again if the columns' widths changed (see
   * check_layout_key()), not when they only changed places. */
  update_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The columns' widths changed: a row's height and the header's depend on
 * them, which GTK cannot tell, so their measurements must go. (Here,
 * where a column changes, not in the layout that follows: GTK must not be
 * asked for a new layout from inside one.) The columns are fitted to the
 * view again at once, so that nothing is measured in between at the old
 * widths (measuring ahead, when idle, might). */
static void
lines_resized (AccordTable *self)
{
  fit_slots (self, self->view_width);
  check_layout_key (self);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_queue_resize (g_ptr_array_index (self->rows, i));
  for (guint i = 0; i < self->spare->len; i++)
    gtk_widget_queue_resize (g_ptr_array_index (self->spare, i));
  if (self->sample != NULL)
    gtk_widget_queue_resize (GTK_WIDGET (self->sample));
  if (self->header != NULL)
    gtk_widget_queue_resize (self->header);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_column_notify (AccordTableColumn *column,
                  GParamSpec        *pspec,
                  AccordTable       *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "visible") || g_str_equal (name, "title"))
    columns_changed (self);
  else if (g_str_equal (name, "width") || g_str_equal (name, "expand"))
    lines_resized (self);
  else if (g_str_equal (name, "sorter") && column == self->sort_column)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Heights -------------------------------------------------------------- */

static int
estimated_height (AccordTable *self)
{
  return self->known_count > 0 ? (int) (self->known_sum / self->known_count) : DEFAULT_ROW_HEIGHT;
}

static void
set_height (AccordTable *self,
            guint        position,
            gpointer     item,
            int          height)
{
  int *known = &g_array_index (self->heights, int, position);

  if (*known >= 0)
    self->known_sum -= *known;
  else
    self->known_count++;
  self->known_sum += height;
  *known = height;
  g_hash_table_insert (self->item_heights, g_object_ref (item), GINT_TO_POINTER (height + 1));
}

/* Every row is to be measured again: other widths, another font. */
static void
forget_heights (AccordTable *self)
{
  for (guint i = 0; i < self->heights->len; i++)
    g_array_index (self->heights, int, i) = -1;
  g_hash_table_remove_all (self->item_heights);
  self->known_sum = 0;
  self->known_count = 0;
  measure_ahead_later (self);
}

/* What the heights depend on besides the items: the columns' widths, and
 * the font and resolution (which the text zoom changes). */
static guint
font_key (AccordTable *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  return pango_font_description_hash (pango_context_get_font_description (context)) ^
         (guint) (pango_cairo_context_get_resolution (context) * 64);
}

static void
check_layout_key (AccordTable *self)
{
  guint key = font_key (self);
  guint fonts = key;

  /* A sum: the columns' order changes no row's height. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);

      key += (GPOINTER_TO_UINT (slot->column) * 2654435761u) ^ (guint) slot->width;
    }

  if (fonts != self->font_key && self->sample != NULL)
    /* A new sample, whose cells take the new font from the start. */
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->sample)));
  self->font_key = fonts;

  if (key == self->layout_key)
    return;

  self->layout_key = key;
  forget_heights (self);
}

static AccordTableRow *
find_row (AccordTable *self,
          guint        position)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AccordTableRow *row = g_ptr_array_index (self->rows, i);

      if (accord_table_row_get_position (row) == position)
        return row;
    }

  return NULL;
}

static int
measure_row (AccordTable    *self,
             AccordTableRow *row)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, self->total_width,
                      NULL, &height, NULL, NULL);
  return height;
}

/* The sample row lives in a hidden list: what its cells change stops
 * there, and never asks the window for a new layout. */
static AccordTableRow *
get_sample (AccordTable *self)
{
  if (self->sample == NULL)
    {
      self->sample = ACCORD_TABLE_ROW (accord_table_row_new (self));
      gtk_widget_set_parent (GTK_WIDGET (self->sample), self->measure_list);
    }

  return self->sample;
}

/* The height of the row at @position: known, or measured now (with its
 * widget if it has one, else with the sample). */
static int
row_height (AccordTable *self,
            guint        position)
{
  int height = g_array_index (self->heights, int, position);
  g_autoptr(GObject) item = NULL;
  AccordTableRow *row;

  if (height >= 0)
    return height;

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  row = find_row (self, position);
  if (row == NULL)
    {
      row = get_sample (self);
      accord_table_row_bind (row, position, item);
    }
  height = measure_row (self, row);
  set_height (self, position, item, height);

  return height;
}

/* The heights of the rows before @position, as far as they are known. */
static double
height_before (AccordTable *self,
               guint        position)
{
  int estimate = estimated_height (self);
  double y = 0;

  for (guint i = 0; i < position && i < self->heights->len; i++)
    {
      int height = g_array_index (self->heights, int, i);

      y += height >= 0 ? height : estimate;
    }

  return y;
}

static double
total_height (AccordTable *self)
{
  return self->known_sum + (double) (self->n_items - self->known_count) * estimated_height (self);
}

/* Measuring ahead ------------------------------------------------------ */

static gboolean
measure_ahead_step (gpointer data)
{
  AccordTable *self = data;
  gint64 deadline = g_get_monotonic_time () + AHEAD_SLICE_US;

  for (; self->ahead_position < self->n_items; self->ahead_position++)
    {
      if (g_get_monotonic_time () > deadline)
        return G_SOURCE_CONTINUE;
      row_height (self, self->ahead_position);
    }

  /* The scrollbar's range is exact now. */
  self->ahead_source = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static gboolean
start_measuring_ahead (gpointer data)
{
  AccordTable *self = data;

  self->ahead_source = g_idle_add_full (G_PRIORITY_LOW, measure_ahead_step, self, NULL);
  return G_SOURCE_REMOVE;
}

/* (Re)starts measuring every row not yet measured, after a delay. */
static void
measure_ahead_later (AccordTable *self)
{
  g_clear_handle_id (&self->ahead_source, g_source_remove);
  self->ahead_position = 0;

  if (self->known_count >= self->n_items || self->slots->len == 0 ||
      (gsize) self->n_items * self->slots->len > AHEAD_MAX_CELLS)
    return;

  self->ahead_source = g_timeout_add_full (G_PRIORITY_LOW, AHEAD_DELAY_MS, start_measuring_ahead, self, NULL);
}

/* Rows ----------------------------------------------------------------- */

static void
update_selected (AccordTable    *self,
                 AccordTableRow *row)
{
  gboolean selected = gtk_selection_model_is_selected (self->model, accord_table_row_get_position (row));

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/* Lets a row go: emptied, hidden, kept for reuse or dropped. */
static void
release_row (AccordTable    *self,
             AccordTableRow *row)
{
  if (accord_widget_has_focus_within (GTK_WIDGET (row)))
    self->refocus = TRUE;

  g_ptr_array_remove_fast (self->rows, row);
  accord_table_row_unbind (row);
  if (self->spare->len < SPARE_ROWS)
    {
      gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
      g_ptr_array_add (self->spare, row);
    }
  else
    gtk_widget_unparent (GTK_WIDGET (row));
}

/* The row for @position, bound to its item: the one that shows it, a
 * spare one, or a new one. */
static AccordTableRow *
ensure_row (AccordTable *self,
            guint        position)
{
  AccordTableRow *row = find_row (self, position);
  g_autoptr(GObject) item = NULL;

  if (row != NULL)
    return row;

  if (self->spare->len > 0)
    row = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
  else
    {
      row = ACCORD_TABLE_ROW (accord_table_row_new (self));
      gtk_widget_set_parent (GTK_WIDGET (row), self->list);
    }

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  accord_table_row_bind (row, position, item);
  update_selected (self, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* Settles the scroll position for a view @height high: the top row is the
 * one the view's top edge crosses, and no space is left below the last
 * row while rows above could fill it. Returns the position after the last
 * row in view. */
static guint
settle (AccordTable *self,
        int          height)
{
  guint last;
  int y;

  self->top = MIN (self->top, self->n_items - 1);
  self->top_offset = MAX (self->top_offset, 0);
  while (self->top + 1 < self->n_items && self->top_offset > 0 &&
         self->top_offset >= row_height (self, self->top))
    {
      self->top_offset -= row_height (self, self->top);
      self->top++;
    }

  y = -self->top_offset;
  for (last = self->top; last < self->n_items && y < height; last++)
    y += row_height (self, last);

  /* The end of the table: rows from above fill the view. */
  if (y < height)
    {
      int space = height - y;
      int from_offset = MIN (space, self->top_offset);

      self->top_offset -= from_offset;
      space -= from_offset;
      while (space > 0 && self->top > 0)
        {
          int above = row_height (self, --self->top);

          if (above <= space)
            space -= above;
          else
            {
              self->top_offset = above - space;
              space = 0;
            }
        }
    }

  return last;
}

/* Binds the rows the view shows and lets go of the others; then the view
 * is laid out again. Never while GTK lays out: binding a row changes its
 * cells' texts, which asks for a new layout, and GTK 4.8 does not expect
 * that from inside one (its own list view binds rows when the adjustment
 * moves, too). The view's height is the last layout's; the first time,
 * its window's (see view_height()), which the first layout corrects. */
/* The height of the view of rows: the last layout's, or before the first
 * one, a height it will not exceed: its window's, or a guess. */
static int
view_height (AccordTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = 0;

  if (self->list_height > 0)
    return self->list_height;

  if (GTK_IS_WINDOW (root))
    {
      /* Both out arguments: GTK 4.8 does not take NULL for either. */
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      height = MAX (height, gtk_widget_get_height (GTK_WIDGET (root)));
    }

  return height > 0 ? height : FIRST_VIEW_HEIGHT;
}

static void
update_rows (AccordTable *self)
{
  int height = view_height (self);
  guint last = 0;

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->n_items > 0 && self->slots->len > 0)
    {
      last = settle (self, height);
      for (guint position = self->top; position < last; position++)
        ensure_row (self, position);
    }
  else
    {
      self->top = 0;
      self->top_offset = 0;
    }

  /* The row with the focus stays (out of sight) until the focus moves. */
  for (guint i = self->rows->len; i > 0; i--)
    {
      AccordTableRow *row = g_ptr_array_index (self->rows, i - 1);
      guint position = accord_table_row_get_position (row);

      if ((position < self->top || position >= last) && !accord_widget_has_focus_within (GTK_WIDGET (row)))
        release_row (self, row);
    }

  if (self->refocus)
    {
      /* The row with the focus went: the focus goes to the cursor's. */
      self->refocus = FALSE;
      focus_cursor (self);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
update_rows_idle (gpointer data)
{
  AccordTable *self = data;

  self->update_source = 0;
  update_rows (self);
  return G_SOURCE_REMOVE;
}

/* In the layout: places the rows that are bound, in the view settled for
 * its height. Rows the view needs and does not have (it grew taller, or
 * is shown for the first time) are bound before the next frame, and
 * rows it no longer needs let go then. */
static void
place_rows (AccordTable *self)
{
  int height = self->list_height;
  gboolean missing = FALSE, stale = FALSE;
  guint last = 0;
  int y;

  g_array_set_size (self->placed, 0);

  if (self->n_items > 0 && self->slots->len > 0 && height > 0)
    {
      settle (self, height);
      y = -self->top_offset;
      for (last = self->top; last < self->n_items && y < height; last++)
        {
          AccordTableRow *row = find_row (self, last);
          Placed placed = { row, y, row_height (self, last) };

          if (row != NULL)
            g_array_append_val (self->placed, placed);
          else
            missing = TRUE;
          y += placed.height;
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      AccordTableRow *row = g_ptr_array_index (self->rows, i);
      guint position = accord_table_row_get_position (row);

      if (position >= self->top && position < last)
        gtk_widget_set_child_visible (GTK_WIDGET (row), TRUE);
      else if (accord_widget_has_focus_within (GTK_WIDGET (row)))
        {
          /* Out of sight above the view, but not hidden: a hidden widget
           * loses the focus. */
          Placed placed = { row, 0, measure_row (self, row) };

          placed.y = -placed.height - height;
          g_array_append_val (self->placed, placed);
        }
      else
        {
          gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
          stale = TRUE;
        }
    }

  if ((missing || stale) && self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_rows_idle, self, NULL);
}

/* The x of the view's left edge in the table's width. */
static int
view_left (AccordTable *self)
{
  int scroll = MAX (self->total_width - self->view_width, 0);

  self->from_start = CLAMP (self->from_start, 0, scroll);
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
         ? scroll - self->from_start : self->from_start;
}

static void
allocate_rows (AccordTable *self)
{
  int left = view_left (self);

  for (guint i = 0; i < self->placed->len; i++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, i);

      gtk_widget_size_allocate (GTK_WIDGET (placed->row),
                                &(GtkAllocation) { -left, placed->y, self->total_width, placed->height },
                                -1);
    }
}

/* Scrolling ------------------------------------------------------------ */

static void
configure_adjustments (AccordTable *self)
{
  double value = height_before (self, self->top) + self->top_offset;
  double upper = MAX (total_height (self), value + self->list_height);
  int width = self->view_width;

  self->adjusting = TRUE;
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                              self->list_height * 0.1, self->list_height * 0.9, self->list_height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, view_left (self), 0, MAX (self->total_width, width),
                              width * 0.1, width * 0.9, width);
  self->adjusting = FALSE;
  self->vvalue = value;
}

/* Moves the view by @delta pixels, row by row. */
static void
walk (AccordTable *self,
      double       delta)
{
  self->top_offset += (int) round (delta);
  while (self->top_offset < 0 && self->top > 0)
    self->top_offset += row_height (self, --self->top);
  self->top_offset = MAX (self->top_offset, 0);
  while (self->top + 1 < self->n_items && self->top_offset > 0 &&
         self->top_offset >= row_height (self, self->top))
    {
      self->top_offset -= row_height (self, self->top);
      self->top++;
    }
}

/* Puts the view at @value by the estimated heights. */
static void
jump (AccordTable *self,
      double       value)
{
  int estimate = estimated_height (self);
  double y = 0;

  self->top = 0;
  self->top_offset = 0;
  if (value <= 0)
    return;
  if (value >= gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_page_size (self->vadjustment) - 0.5)
    {
      /* The end: place_rows() fills the view from the last row up. */
      self->top = self->n_items > 0 ? self->n_items - 1 : 0;
      return;
    }

  for (guint i = 0; i < self->n_items; i++)
    {
      int height = g_array_index (self->heights, int, i);

      if (height < 0)
        height = estimate;
      if (y + height > value)
        {
          self->top = i;
          self->top_offset = (int) (value - y);
          return;
        }
      y += height;
    }
  self->top = self->n_items > 0 ? self->n_items - 1 : 0;
}

static void
on_vadjustment_value_changed (GtkAdjustment *adjustment,
                              AccordTable   *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double delta = value - self->vvalue;

  if (self->adjusting || self->n_items == 0)
    return;

  if (fabs (delta) <= WALK_VIEWS * MAX (self->list_height, 1))
    walk (self, delta);
  else
    jump (self, value);
  self->vvalue = value;
  update_rows (self);
}

static void
on_hadjustment_value_changed (GtkAdjustment *adjustment,
                              AccordTable   *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  int scroll = MAX (self->total_width - self->view_width, 0);

  if (self->adjusting)
    return;

  self->from_start = (int) round (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                  ? scroll - value : value);
  self->at_end = scroll > 0 && self->from_start >= scroll;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (AccordTable    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GCallback       callback)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", callback, self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Brings the row at @position wholly into view, moving as little as
 * possible. */
static void
scroll_to_row (AccordTable *self,
               guint        position)
{
  int height = self->list_height;
  int y;

  if (position >= self->n_items)
    return;

  if (height <= 0 || position < self->top || (position == self->top && self->top_offset > 0))
    {
      self->top = position;
      self->top_offset = 0;
    }
  else
    {
      y = -self->top_offset;
      for (guint i = self->top; i < position && y < height; i++)
        y += row_height (self, i);
      if (y + row_height (self, position) > height)
        {
          /* Below the view: its bottom edge on the view's. */
          self->top = position;
          self->top_offset = row_height (self, position) - height;
          while (self->top_offset < 0 && self->top > 0)
            self->top_offset += row_height (self, --self->top);
          self->top_offset = MAX (self->top_offset, 0);
        }
    }

  update_rows (self);
}

/* Layout --------------------------------------------------------------- */

static void
accord_table_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  AccordTable *self = ACCORD_TABLE (widget);
  int header = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* It scrolls: as narrow as asked, as wide as its columns. */
      int width = 0;

      for (guint i = 0; i < self->slots->len; i++)
        width += accord_table_column_get_width (g_array_index (self->slots, AccordTableSlot, i).column);
      *minimum = 0;
      *natural = width;
      return;
    }

  if (self->header != NULL)
    gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, -1, NULL, &header, NULL, NULL);
  *minimum = header;
  *natural = header + (int) MIN (total_height (self), G_MAXINT / 2);
}

static void
accord_table_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AccordTable *self = ACCORD_TABLE (widget);
  int header = 0;

  self->view_width = width;
  fit_slots (self, width);
  check_layout_key (self);
  if (self->at_end)
    self->from_start = self->total_width - width;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, self->total_width, NULL, &header, NULL, NULL);
  self->list_height = MAX (height - header, 0);

  if (self->pending_column != NULL)
    accord_table_scroll_to_column (self, g_steal_pointer (&self->pending_column));

  place_rows (self);
  configure_adjustments (self);

  /* Columns that moved or changed width move the titles and cells in
   * them, although the header and the rows may keep their sizes. */
  if (self->slots_moved)
    {
      self->slots_moved = FALSE;
      gtk_widget_queue_allocate (self->header);
      for (guint i = 0; i < self->placed->len; i++)
        gtk_widget_queue_allocate (GTK_WIDGET (g_array_index (self->placed, Placed, i).row));
    }
  gtk_widget_measure (self->header, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->header,
                            &(GtkAllocation) { -view_left (self), 0, self->total_width, header }, -1);
  /* The list's own size rarely changes, but its rows move: it must lay
   * them out again even so. */
  gtk_widget_queue_allocate (self->list);
  gtk_widget_measure (self->list, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->list, &(GtkAllocation) { 0, header, width, self->list_height }, -1);
}

/* In a window at last: rows for its height, before the first layout
 * (which would otherwise find them missing, and show them a frame late). */
static void
accord_table_root (GtkWidget *widget)
{
  AccordTable *self = ACCORD_TABLE (widget);

  GTK_WIDGET_CLASS (accord_table_parent_class)->root (widget);

  if (self->list_height == 0 && self->n_items > 0)
    update_rows (self);
}

static void
accord_table_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
}

/* Focus and keys ------------------------------------------------------- */

/* Gives the keyboard focus to the cursor's row, in view. */
static gboolean
focus_cursor (AccordTable *self)
{
  if (self->n_items == 0)
    return FALSE;

  if (self->cursor >= self->n_items)
    self->cursor = MIN (self->top, self->n_items - 1);
  scroll_to_row (self, self->cursor);

  return gtk_widget_grab_focus (GTK_WIDGET (ensure_row (self, self->cursor)));
}

static gboolean
accord_table_grab_focus (GtkWidget *widget)
{
  return focus_cursor (ACCORD_TABLE (widget));
}

static gboolean
accord_table_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  /* One stop in the Tab chain: from a row, the focus leaves the table. */
  if (accord_widget_has_focus_within (widget))
    return FALSE;

  return focus_cursor (ACCORD_TABLE (widget));
}

/* Moves the focus to the row at @position, selecting it. */
static void
move_cursor_to (AccordTable *self,
                guint        position)
{
  if (self->n_items == 0)
    return;

  self->cursor = MIN (position, self->n_items - 1);
  gtk_selection_model_select_item (self->model, self->cursor, TRUE);
  scroll_to_row (self, self->cursor);
  focus_cursor (self);
}

/* How many rows from the cursor a page away is: the rows that fit. */
static guint
page_rows (AccordTable *self,
           int          direction)
{
  guint position = self->cursor < self->n_items ? self->cursor : self->top;
  int y = 0;
  guint n = 0;

  while (y < self->list_height)
    {
      if ((direction < 0 && position == 0) || (direction > 0 && position + 1 >= self->n_items))
        break;
      position += direction;
      y += row_height (self, position);
      n++;
    }

  return MAX (n, 1);
}

/* grid.move-cursor: where to, from the row with the focus. */
static void
move_cursor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordTable *self = ACCORD_TABLE (widget);
  const char *where = g_variant_get_string (parameter, NULL);
  guint cursor;

  if (self->n_items == 0)
    return;

  cursor = self->cursor < self->n_items ? self->cursor : self->top;
  if (g_str_equal (where, "up"))
    move_cursor_to (self, cursor > 0 ? cursor - 1 : 0);
  else if (g_str_equal (where, "down"))
    move_cursor_to (self, cursor + 1);
  else if (g_str_equal (where, "page-up"))
    move_cursor_to (self, cursor - MIN (cursor, page_rows (self, -1)));
  else if (g_str_equal (where, "page-down"))
    move_cursor_to (self, cursor + page_rows (self, 1));
  else if (g_str_equal (where, "first"))
    move_cursor_to (self, 0);
  else if (g_str_equal (where, "last"))
    move_cursor_to (self, self->n_items - 1);
  else
    g_warning ("grid.move-cursor: no such place as “%s”", where);
}

/* grid.scroll-sideways: "left" or "right", a column at a time, so that a
 * table wider than its view can be read from the keyboard. */
static void
scroll_sideways_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordTable *self = ACCORD_TABLE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean to_end = g_str_equal (g_variant_get_string (parameter, NULL), "right") != rtl;
  int scroll = MAX (self->total_width - self->view_width, 0);
  int target = to_end ? scroll : 0;

  /* The next column edge in that direction. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      int start = g_array_index (self->slots, AccordTableSlot, i).start;

      if (to_end && start > self->from_start)
        {
          target = MIN (start, scroll);
          break;
        }
      if (!to_end && start < self->from_start)
        target = start;
    }

  self->from_start = target;
  self->at_end = scroll > 0 && target >= scroll;
  gtk_widget_queue_allocate (widget);
}

/* grid.activate-cursor: Enter on a row. */
static void
activate_cursor_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AccordTable *self = ACCORD_TABLE (widget);

  if (self->cursor >= self->n_items)
    return;

  gtk_selection_model_select_item (self->model, self->cursor, TRUE);
  g_signal_emit (self, signals[ACTIVATE], 0, self->cursor);
}

static void
on_list_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 AccordTable     *self)
{
  GtkWidget *picked = gtk_widget_pick (self->list, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, ACCORD_TYPE_TABLE_ROW) : NULL;
  guint position;

  if (row == NULL)
    return;

  position = accord_table_row_get_position (ACCORD_TABLE_ROW (row));
  self->cursor = position;
  gtk_selection_model_select_item (self->model, position, TRUE);
  gtk_widget_grab_focus (row);
  if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE], 0, position);
}

/* Dragging titles ------------------------------------------------------
 *
 * Near a title's end edge a drag resizes the column. Elsewhere on a title,
 * once the pointer has moved past the drag threshold, it moves the column:
 * the column takes the place of the one under the pointer. A click that
 * does not move sorts, as the title's own gesture does.
 */

/* The header's x for the table's @x: the header scrolls sideways. */
static double
header_x (AccordTable *self,
          double       x)
{
  return x + view_left (self);
}

static gboolean
in_header (AccordTable *self,
           double       y)
{
  return y >= 0 && y < gtk_widget_get_height (self->header);
}

/* The shown column whose title is at @x in the header. */
static AccordTableColumn *
column_at (AccordTable *self,
           double       x)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);
      int left = rtl ? self->total_width - slot->start - slot->width : slot->start;

      if (x >= left && x < left + slot->width)
        return slot->column;
    }

  return NULL;
}

/* The column whose end edge is at @x, @y (the table's coordinates), if it
 * is in the header and resizable. The last column's end is the table's:
 * it has none to drag. */
static AccordTableColumn *
column_edge_at (AccordTable *self,
                double       x,
                double       y)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (!in_header (self, y))
    return NULL;
  x = header_x (self, x);

  for (guint i = 0; i + 1 < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);
      int edge = rtl ? self->total_width - slot->start - slot->width : slot->start + slot->width;

      if (accord_table_column_get_resizable (slot->column) && fabs (x - edge) <= RESIZE_GRIP / 2.0)
        return slot->column;
    }

  return NULL;
}

static void
on_header_motion (GtkEventControllerMotion *motion,
                  double                    x,
                  double                    y,
                  AccordTable              *self)
{
  if (self->resizing == NULL && self->moving == NULL)
    gtk_widget_set_cursor_from_name (self->header, column_edge_at (self, x, y) != NULL ? "col-resize" : NULL);
}

/* Puts @column where @target is, and @target one place towards where
 * @column was. */
static void
move_column (AccordTable       *self,
             AccordTableColumn *column,
             AccordTableColumn *target)
{
  g_autoptr(AccordTableColumn) moved = g_object_ref (column);
  guint from, to;

  if (!g_list_store_find (self->columns, column, &from) ||
      !g_list_store_find (self->columns, target, &to))
    return;

  /* Once @column is out, @to is @target's place if @target came before
   * it, and the place after @target if it came after. */
  g_list_store_remove (self->columns, from);
  g_list_store_insert (self->columns, to, moved);
  columns_changed (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AccordTable    *self)
{
  AccordTableColumn *column = column_edge_at (self, x, y);

  if (column != NULL)
    {
      /* The sequence is the drag's: the title under it does not sort. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->resizing = column;
      for (guint i = 0; i < self->slots->len; i++)
        if (g_array_index (self->slots, AccordTableSlot, i).column == column)
          self->resize_start_width = g_array_index (self->slots, AccordTableSlot, i).width;
      return;
    }

  if (in_header (self, y) && (column = column_at (self, header_x (self, x))) != NULL)
    {
      /* Perhaps a move, perhaps a click: the threshold will tell. */
      self->moving = column;
      self->drag_start_x = x;
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AccordTable    *self)
{
  AccordTableColumn *target;

  if (self->resizing != NULL)
    {
      int width;

      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        dx = -dx;
      width = MAX (MIN_COLUMN_WIDTH, self->resize_start_width + (int) round (dx));
      /* The user's width, from now on. */
      accord_table_column_set_expand (self->resizing, FALSE);
      accord_table_column_set_width (self->resizing, width);
      return;
    }

  if (self->moving == NULL)
    return;
  if (!self->move_started)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->move_started = TRUE;
    }

  target = column_at (self, header_x (self, self->drag_start_x + dx));
  if (target != NULL && target != self->moving)
    move_column (self, self->moving, target);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AccordTable    *self)
{
  self->resizing = NULL;
  self->moving = NULL;
  self->move_started = FALSE;
}

/* Sorting -------------------------------------------------------------- */

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  AccordTable *self = user_data;
  GtkSorter *sorter;
  GtkOrdering order;

  if (self->sort_column == NULL || (sorter = accord_table_column_get_sorter (self->sort_column)) == NULL)
    return GTK_ORDERING_EQUAL;

  order = gtk_sorter_compare (sorter, (gpointer) a, (gpointer) b);
  return self->sort_order == GTK_SORT_DESCENDING ? -order : order;
}

/* The model ------------------------------------------------------------ */

static void
on_items_changed (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  AccordTable *self)
{
  guint end = position + removed;
  guint old_n = self->n_items;

  for (guint i = position; i < end; i++)
    {
      int height = g_array_index (self->heights, int, i);

      if (height >= 0)
        {
          self->known_sum -= height;
          self->known_count--;
        }
    }
  g_array_remove_range (self->heights, position, removed);
  if (added > 0)
    {
      g_array_set_size (self->heights, self->heights->len + added);
      memmove (&g_array_index (self->heights, int, position + added),
               &g_array_index (self->heights, int, position),
               (self->heights->len - added - position) * sizeof (int));
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);
      gpointer known = g_hash_table_lookup (self->item_heights, item);

      g_array_index (self->heights, int, position + i) = -1;
      if (known != NULL)
        set_height (self, position + i, item, GPOINTER_TO_INT (known) - 1);
    }
  self->n_items = g_list_model_get_n_items (model);
  if (self->n_items == 0)
    /* Let the items go: a model emptied is often a pack let go. */
    g_hash_table_remove_all (self->item_heights);

  /* Rows after the change move; rows in it go. */
  for (guint i = self->rows->len; i > 0; i--)
    {
      AccordTableRow *row = g_ptr_array_index (self->rows, i - 1);
      guint at = accord_table_row_get_position (row);

      if (at >= end)
        accord_table_row_set_position (row, at + added - removed);
      else if (at >= position)
        release_row (self, row);
    }
  g_array_set_size (self->placed, 0);

  if (self->top >= old_n)
    self->top = 0;  /* there was no row on top */
  else if (self->top >= end)
    self->top += added - removed;
  else if (self->top >= position)
    {
      self->top = position;
      self->top_offset = 0;
    }
  if (self->cursor != GTK_INVALID_LIST_POSITION)
    {
      if (self->cursor >= end)
        self->cursor += added - removed;
      else if (self->cursor >= position)
        self->cursor = GTK_INVALID_LIST_POSITION;
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) self->n_items + 1,
                                  -1);
  if (self->known_count < self->n_items)
    measure_ahead_later (self);
  update_rows (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      AccordTable       *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      AccordTableRow *row = g_ptr_array_index (self->rows, i);
      guint at = accord_table_row_get_position (row);

      if (at >= position && at - position < n_items)
        update_selected (self, row);
    }
}

/* GObject -------------------------------------------------------------- */

static void
accord_table_dispose (GObject *object)
{
  AccordTable *self = ACCORD_TABLE (object);

  g_clear_handle_id (&self->ahead_source, g_source_remove);
  g_clear_handle_id (&self->update_source, g_source_remove);
  accord_table_set_model (self, NULL);
  release_all_rows (self);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->list, gtk_widget_unparent);
  g_clear_pointer (&self->measure_list, gtk_widget_unparent);

  if (self->columns != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordTableColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);

          g_signal_handlers_disconnect_by_data (column, self);
        }
      g_clear_object (&self->columns);
    }

  if (self->sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);
  g_clear_object (&self->sorter);
  self->sort_column = NULL;
  self->pending_column = NULL;
  self->resizing = NULL;
  self->moving = NULL;

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (accord_table_parent_class)->dispose (object);
}

static void
accord_table_finalize (GObject *object)
{
  AccordTable *self = ACCORD_TABLE (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->spare);
  g_array_unref (self->placed);
  g_array_unref (self->slots);
  g_array_unref (self->heights);
  g_hash_table_unref (self->item_heights);

  G_OBJECT_CLASS (accord_table_parent_class)->finalize (object);
}

static void
accord_table_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordTable *self = ACCORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SHOW_TITLES:
      g_value_set_boolean (value, self->show_titles);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_table_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordTable *self = ACCORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      accord_table_set_model (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TITLES:
      accord_table_set_show_titles (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value),
                      G_CALLBACK (on_hadjustment_value_changed));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value),
                      G_CALLBACK (on_vadjustment_value_changed));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
accord_table_get_border (GtkScrollable *scrollable,
                         GtkBorder     *border)
{
  AccordTable *self = ACCORD_TABLE (scrollable);

  /* The header is not scrolled under: scrollbars and edges start below. */
  border->top = self->header != NULL && gtk_widget_get_visible (self->header) ? gtk_widget_get_height (self->header) : 0;
  return TRUE;
}

static void
accord_table_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = accord_table_get_border;
}

static void
accord_table_class_init (AccordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct {
    guint key;
    GdkModifierType modifiers;
    const char *where;
  } moves[] = {
    { GDK_KEY_Up, 0, "up" }, { GDK_KEY_KP_Up, 0, "up" },
    { GDK_KEY_Down, 0, "down" }, { GDK_KEY_KP_Down, 0, "down" },
    { GDK_KEY_Page_Up, 0, "page-up" }, { GDK_KEY_KP_Page_Up, 0, "page-up" },
    { GDK_KEY_Page_Down, 0, "page-down" }, { GDK_KEY_KP_Page_Down, 0, "page-down" },
    { GDK_KEY_Home, 0, "first" }, { GDK_KEY_KP_Home, 0, "first" },
    { GDK_KEY_Home, GDK_CONTROL_MASK, "first" },
    { GDK_KEY_End, 0, "last" }, { GDK_KEY_KP_End, 0, "last" },
    { GDK_KEY_End, GDK_CONTROL_MASK, "last" },
  };
  const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter };

  object_class->dispose = accord_table_dispose;
  object_class->finalize = accord_table_finalize;
  object_class->get_property = accord_table_get_property;
  object_class->set_property = accord_table_set_property;

  widget_class->measure = accord_table_measure;
  widget_class->size_allocate = accord_table_size_allocate;
  widget_class->direction_changed = accord_table_direction_changed;
  widget_class->root = accord_table_root;
  widget_class->grab_focus = accord_table_grab_focus;
  widget_class->focus = accord_table_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the row of column titles shows: a table of one column can be
   * a list. */
  properties[PROP_SHOW_TITLES] =
    g_param_spec_boolean ("show-titles", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * AccordTable::activate:
   * @position: the row's position in the model
   *
   * Emitted when a row is activated: a double click, or Enter on it.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "grid.move-cursor", "s", move_cursor_action);
  gtk_widget_class_install_action (widget_class, "grid.activate-cursor", NULL, activate_cursor_action);
  gtk_widget_class_install_action (widget_class, "grid.scroll-sideways", "s", scroll_sideways_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.scroll-sideways", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "grid.scroll-sideways", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.scroll-sideways", "s", "right");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "grid.scroll-sideways", "s", "right");
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, moves[i].modifiers,
                                         "grid.move-cursor", "s", moves[i].where);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, activate_keys[i], 0, "grid.activate-cursor", NULL);

  gtk_widget_class_set_css_name (widget_class, "columnview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
accord_table_init (AccordTable *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->columns = g_list_store_new (ACCORD_TYPE_TABLE_COLUMN);
  self->slots = g_array_new (FALSE, FALSE, sizeof (AccordTableSlot));
  self->rows = g_ptr_array_new ();
  self->spare = g_ptr_array_new ();
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->heights = g_array_new (FALSE, FALSE, sizeof (int));
  self->item_heights = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->cursor = GTK_INVALID_LIST_POSITION;
  self->show_titles = TRUE;
  self->sorter = gtk_custom_sorter_new (compare_rows, self, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_widget_add_css_class (GTK_WIDGET (self), "column-separators");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->list = accord_table_list_new (self);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  self->measure_list = accord_table_list_new (self);
  gtk_widget_set_visible (self->measure_list, FALSE);
  gtk_widget_set_parent (self->measure_list, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_list_pressed), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (click));

  columns_changed (self);

  /* On the table, not the header: the header is made anew with the
   * columns. The drag runs before the titles see the click. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_header_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  set_adjustment (self, &self->hadjustment, NULL, G_CALLBACK (on_hadjustment_value_changed));
  set_adjustment (self, &self->vadjustment, NULL, G_CALLBACK (on_vadjustment_value_changed));
}

/* Public API ----------------------------------------------------------- */

/**
 * accord_table_new:
 *
 * Returns: (transfer floating): a new table with no columns and no model
 */
GtkWidget *
accord_table_new (void)
{
  return g_object_new (ACCORD_TYPE_TABLE, NULL);
}

/**
 * accord_table_get_model:
 *
 * Returns: (transfer none) (nullable): the rows
 */
GtkSelectionModel *
accord_table_get_model (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), NULL);

  return self->model;
}

/**
 * accord_table_set_model:
 * @model: (nullable): the rows, one item each
 */
void
accord_table_set_model (AccordTable       *self,
                        GtkSelectionModel *model)
{
  guint old_n;

  g_return_if_fail (ACCORD_IS_TABLE (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  old_n = self->n_items;
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->model, self);
      g_clear_object (&self->model);
    }
  self->n_items = 0;

  for (guint i = self->rows->len; i > 0; i--)
    release_row (self, g_ptr_array_index (self->rows, i - 1));
  g_array_set_size (self->placed, 0);
  if (self->sample != NULL)
    accord_table_row_unbind (self->sample);
  g_array_set_size (self->heights, 0);
  g_hash_table_remove_all (self->item_heights);
  self->known_sum = 0;
  self->known_count = 0;
  self->top = 0;
  self->top_offset = 0;
  self->cursor = GTK_INVALID_LIST_POSITION;

  if (model != NULL)
    {
      self->model = g_object_ref (model);
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect (model, "selection-changed", G_CALLBACK (on_selection_changed), self);
      on_items_changed (G_LIST_MODEL (model), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (model)), self);
    }
  else if (old_n > 0)
    gtk_widget_queue_resize (GTK_WIDGET (self));

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
accord_table_get_show_titles (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), FALSE);

  return self->show_titles;
}

void
accord_table_set_show_titles (AccordTable *self,
                              gboolean     show_titles)
{
  g_return_if_fail (ACCORD_IS_TABLE (self));

  show_titles = !!show_titles;
  if (self->show_titles == show_titles)
    return;

  self->show_titles = show_titles;
  gtk_widget_set_visible (self->header, show_titles);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLES]);
}

/**
 * accord_table_get_columns:
 *
 * Returns: (transfer none): the columns, shown or not, in order
 */
GListModel *
accord_table_get_columns (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), NULL);

  return G_LIST_MODEL (self->columns);
}

/**
 * accord_table_insert_column:
 * @position: where among the columns
 * @column: a column that is in no table
 */
void
accord_table_insert_column (AccordTable       *self,
                            guint              position,
                            AccordTableColumn *column)
{
  g_return_if_fail (ACCORD_IS_TABLE (self));
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (column));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->columns)));
  g_list_store_insert (self->columns, position, column);
  g_signal_connect (column, "notify", G_CALLBACK (on_column_notify), self);
  columns_changed (self);
}

void
accord_table_append_column (AccordTable       *self,
                            AccordTableColumn *column)
{
  g_return_if_fail (ACCORD_IS_TABLE (self));

  accord_table_insert_column (self, G_MAXUINT, column);
}

void
accord_table_remove_column (AccordTable       *self,
                            AccordTableColumn *column)
{
  guint position;

  g_return_if_fail (ACCORD_IS_TABLE (self));
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (column));

  if (!g_list_store_find (self->columns, column, &position))
    return;

  g_signal_handlers_disconnect_by_data (column, self);
  if (self->pending_column == column)
    self->pending_column = NULL;
  if (self->resizing == column)
    self->resizing = NULL;
  if (self->moving == column)
    self->moving = NULL;
  if (self->sort_column == column)
    accord_table_sort_by_column (self, NULL, GTK_SORT_ASCENDING);
  g_list_store_remove (self->columns, position);
  columns_changed (self);
}

/**
 * accord_table_get_sorter:
 *
 * Returns: (transfer none): the sorter the table's model should be sorted
 *   by: it follows the column chosen (a click on a title, or
 *   accord_table_sort_by_column()), and keeps the model's order when none is
 */
GtkSorter *
accord_table_get_sorter (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), NULL);

  return GTK_SORTER (self->sorter);
}

/**
 * accord_table_sort_by_column:
 * @column: (nullable): a column of the table with a sorter, or NULL for
 *   the model's own order
 * @order: ascending or descending
 */
void
accord_table_sort_by_column (AccordTable       *self,
                             AccordTableColumn *column,
                             GtkSortType        order)
{
  GtkSorterChange change = GTK_SORTER_CHANGE_DIFFERENT;

  g_return_if_fail (ACCORD_IS_TABLE (self));
  g_return_if_fail (column == NULL || ACCORD_IS_TABLE_COLUMN (column));

  if (column != NULL && accord_table_column_get_sorter (column) == NULL)
    column = NULL;
  if (column == self->sort_column && (column == NULL || order == self->sort_order))
    return;

  if (column != NULL && column == self->sort_column)
    change = GTK_SORTER_CHANGE_INVERTED;
  self->sort_column = column;
  self->sort_order = order;
  if (self->header != NULL)
    accord_table_header_show_sort (ACCORD_TABLE_HEADER (self->header), column, order);
  gtk_sorter_changed (GTK_SORTER (self->sorter), change);
}

/**
 * accord_table_get_sort_column:
 *
 * Returns: (transfer none) (nullable): the column the rows are sorted by
 */
AccordTableColumn *
accord_table_get_sort_column (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), NULL);

  return self->sort_column;
}

GtkSortType
accord_table_get_sort_order (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), GTK_SORT_ASCENDING);

  return self->sort_order;
}

/**
 * accord_table_get_cursor:
 *
 * Returns: the position of the row that has the keyboard focus, or gets
 *   it when the table does; %GTK_INVALID_LIST_POSITION for none yet
 */
guint
accord_table_get_cursor (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), GTK_INVALID_LIST_POSITION);

  return self->cursor;
}

/**
 * accord_table_set_cursor:
 * @position: a row's position
 *
 * Scrolls the row into view and makes it the one that gets the keyboard
 * focus when the table does (gtk_widget_grab_focus()).
 */
void
accord_table_set_cursor (AccordTable *self,
                         guint        position)
{
  g_return_if_fail (ACCORD_IS_TABLE (self));

  if (position >= self->n_items)
    return;

  self->cursor = position;
  scroll_to_row (self, position);
  if (accord_widget_has_focus_within (GTK_WIDGET (self)))
    focus_cursor (self);
}

/**
 * accord_table_scroll_to_column:
 * @column: a column of the table
 *
 * Scrolls sideways until the whole column is in view, moving as little as
 * possible; once the table has been laid out if it has not been yet.
 */
void
accord_table_scroll_to_column (AccordTable       *self,
                               AccordTableColumn *column)
{
  g_return_if_fail (ACCORD_IS_TABLE (self));
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (column));

  if (self->view_width <= 0)
    {
      self->pending_column = column;
      return;
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordTableSlot *slot = &g_array_index (self->slots, AccordTableSlot, i);

      if (slot->column != column)
        continue;

      if (slot->start + slot->width > self->from_start + self->view_width)
        self->from_start = slot->start + slot->width - self->view_width;
      if (slot->start < self->from_start)
        self->from_start = slot->start;
      self->at_end = FALSE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

/**
 * accord_table_is_measuring_ahead:
 *
 * For tests and benchmarks.
 *
 * Returns: whether the table has rows it is yet to measure while idle
 */
gboolean
accord_table_is_measuring_ahead (AccordTable *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE (self), FALSE);

  return self->ahead_source != 0;
}
