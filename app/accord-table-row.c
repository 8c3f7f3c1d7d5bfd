/* accord-table-row.c: the lines of an AccordTable
 *
 * The two kinds of line the table lays out in its columns, with the small
 * widgets they hold:
 *
 *   row      one per row on screen: a "cell" per shown column, each holding
 *            the widget the column's setup made, filled by its bind
 *   header   the column titles ("button"s, which sort when clicked)
 *
 * Both ask the table where its columns lie (accord-table-private.h), so a
 * row's cells always line up with the titles above them. The CSS names are
 * those of GtkColumnView's parts (columnview > header > button, listview >
 * row > cell), so the theme styles the table as it styles a column view:
 * padding, separators, selection, hover, focus, dark and high contrast.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-table-private.h"
#include "accord-table-row.h"

/* A cell: one child, given the cell's whole size. -------------------- */

#define ACCORD_TYPE_TABLE_CELL (accord_table_cell_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableCell, accord_table_cell, ACCORD, TABLE_CELL, GtkWidget)

struct _AccordTableCell
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordTableCell, accord_table_cell, GTK_TYPE_WIDGET)

static void
accord_table_cell_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_table_cell_parent_class)->dispose (object);
}

static void
accord_table_cell_class_init (AccordTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
accord_table_cell_init (AccordTableCell *self)
{
  /* A long word is cut at the cell's edge, not drawn over its neighbour. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Laying out in the table's columns ---------------------------------- */

/**
 * accord_table_measure_in_columns:
 * @widget: a row or the header, one child per shown column
 *
 * Returns: the height the children need at their columns' widths
 */
int
accord_table_measure_in_columns (AccordTable *table,
                                 GtkWidget   *widget)
{
  const AccordTableSlot *slots;
  guint n_slots, i = 0;
  int height = 0;

  slots = accord_table_get_slots (table, &n_slots, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < n_slots;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int natural;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, slots[i].width, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  return height;
}

/**
 * accord_table_allocate_in_columns:
 * @widget: a row or the header, one child per shown column
 * @height: the height to give each child
 *
 * Gives each child its column's place: from the left in a left-to-right
 * interface, from the right in a right-to-left one.
 */
void
accord_table_allocate_in_columns (AccordTable *table,
                                  GtkWidget   *widget,
                                  int          height)
{
  const AccordTableSlot *slots;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n_slots, i = 0;
  int total;

  slots = accord_table_get_slots (table, &n_slots, &total);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && i < n_slots;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      int x = rtl ? total - slots[i].start - slots[i].width : slots[i].start;

      /* Measured first, as GTK expects of every allocation. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, slots[i].width, height }, -1);
    }
}

/* What rows and the header share: they are laid out in the columns of
 * the table they are in. A line asks for no width: the table gives it its
 * columns' width. (Had it asked for that width, GTK would keep the
 * answer, and clamp later heights-for-width to it after the columns
 * narrowed.) */

static GtkSizeRequestMode
line_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
line_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  GtkWidget *table = gtk_widget_get_ancestor (widget, ACCORD_TYPE_TABLE);

  if (table == NULL || orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = accord_table_measure_in_columns (ACCORD_TABLE (table), widget);
}

static void
line_size_allocate (GtkWidget *widget,
                    int        width,
                    int        height,
                    int        baseline)
{
  GtkWidget *table = gtk_widget_get_ancestor (widget, ACCORD_TYPE_TABLE);

  if (table != NULL)
    accord_table_allocate_in_columns (ACCORD_TABLE (table), widget, height);
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* The row ------------------------------------------------------------ */

struct _AccordTableRow
{
  GtkWidget parent_instance;

  AccordTable *table;    /* its parent's parent: not a reference */
  guint position;
  gpointer item;         /* a reference while bound */
};

G_DEFINE_FINAL_TYPE (AccordTableRow, accord_table_row, GTK_TYPE_WIDGET)

static void
accord_table_row_dispose (GObject *object)
{
  AccordTableRow *self = ACCORD_TABLE_ROW (object);

  remove_children (GTK_WIDGET (self));
  g_clear_object (&self->item);

  G_OBJECT_CLASS (accord_table_row_parent_class)->dispose (object);
}

static void
accord_table_row_class_init (AccordTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_row_dispose;
  widget_class->get_request_mode = line_get_request_mode;
  widget_class->measure = line_measure;
  widget_class->size_allocate = line_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
accord_table_row_init (AccordTableRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/**
 * accord_table_row_new:
 * @table: the table the row is for
 *
 * Returns: (transfer floating): a row with a cell for each column the
 *   table shows now, bound to nothing
 */
GtkWidget *
accord_table_row_new (AccordTable *table)
{
  AccordTableRow *self = g_object_new (ACCORD_TYPE_TABLE_ROW, NULL);
  const AccordTableSlot *slots;
  guint n_slots;

  self->table = table;
  slots = accord_table_get_slots (table, &n_slots, NULL);
  for (guint i = 0; i < n_slots; i++)
    {
      GtkWidget *cell = g_object_new (ACCORD_TYPE_TABLE_CELL, NULL);
      GtkWidget *content = accord_table_column_create_cell (slots[i].column);

      gtk_widget_set_parent (content, cell);
      gtk_widget_set_parent (cell, GTK_WIDGET (self));
      /* Named by what they show: a screen reader says "Consent", not the
       * widgets' type names. A row is named by its first cell. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, content, NULL,
                                      -1);
      if (i == 0)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, content, NULL,
                                        -1);
    }

  return GTK_WIDGET (self);
}

/**
 * accord_table_row_set_position:
 *
 * Tells the row where its item is now, after rows before it came or went.
 */
void
accord_table_row_set_position (AccordTableRow *self,
                               guint           position)
{
  g_return_if_fail (ACCORD_IS_TABLE_ROW (self));

  self->position = position;
  /* Counted from 1, the row of titles first: "row 3 of 2,001". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) position + 2,
                                  -1);
}

/**
 * accord_table_row_bind:
 * @position: where @item is in the table's model
 * @item: (type GObject): the row's item
 *
 * Fills the row's cells with @item, through its columns' bind functions.
 * A cell is named, to accessibility, by the widget its column made (a
 * label's text is its name); a column whose widget is not a label names
 * it itself.
 */
void
accord_table_row_bind (AccordTableRow *self,
                       guint           position,
                       gpointer        item)
{
  const AccordTableSlot *slots;
  guint n_slots, i = 0;

  g_return_if_fail (ACCORD_IS_TABLE_ROW (self));
  g_return_if_fail (G_IS_OBJECT (item));

  accord_table_row_set_position (self, position);
  if (self->item == item)
    return;

  g_set_object (&self->item, item);
  slots = accord_table_get_slots (self->table, &n_slots, NULL);
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self));
       cell != NULL && i < n_slots;
       cell = gtk_widget_get_next_sibling (cell), i++)
    accord_table_column_bind_cell (slots[i].column, gtk_widget_get_first_child (cell), item);
}

/**
 * accord_table_row_unbind:
 *
 * Empties the row's cells: a row that is let go never shows an item it
 * no longer stands for.
 */
void
accord_table_row_unbind (AccordTableRow *self)
{
  const AccordTableSlot *slots;
  guint n_slots, i = 0;

  g_return_if_fail (ACCORD_IS_TABLE_ROW (self));

  if (self->item == NULL)
    return;

  slots = accord_table_get_slots (self->table, &n_slots, NULL);
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self));
       cell != NULL && i < n_slots;
       cell = gtk_widget_get_next_sibling (cell), i++)
    accord_table_column_bind_cell (slots[i].column, gtk_widget_get_first_child (cell), NULL);
  g_clear_object (&self->item);
}

/**
 * accord_table_row_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the item the row
 *   shows
 */
gpointer
accord_table_row_get_item (AccordTableRow *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_ROW (self), NULL);

  return self->item;
}

guint
accord_table_row_get_position (AccordTableRow *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_ROW (self), GTK_INVALID_LIST_POSITION);

  return self->position;
}

/**
 * accord_table_row_get_cell:
 * @column: which of the shown columns, from 0
 *
 * Returns: (transfer none) (nullable): the widget the column's setup made
 *   for this row
 */
GtkWidget *
accord_table_row_get_cell (AccordTableRow *self,
                           guint           column)
{
  GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self));

  g_return_val_if_fail (ACCORD_IS_TABLE_ROW (self), NULL);

  for (guint i = 0; cell != NULL && i < column; i++)
    cell = gtk_widget_get_next_sibling (cell);

  return cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
}

/* A column's title: its name and, when the table is sorted by it, an
 * arrow; a click sorts by it. ------------------------------------------ */

#define ACCORD_TYPE_TABLE_TITLE (accord_table_title_get_type ())
G_DECLARE_FINAL_TYPE (AccordTableTitle, accord_table_title, ACCORD, TABLE_TITLE, GtkWidget)

struct _AccordTableTitle
{
  GtkWidget parent_instance;

  AccordTable *table;
  AccordTableColumn *column;
  GtkWidget *label;
  GtkWidget *indicator;
};

G_DEFINE_FINAL_TYPE (AccordTableTitle, accord_table_title, GTK_TYPE_WIDGET)

static void
on_title_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   AccordTableTitle *self)
{
  GtkSortType order = GTK_SORT_ASCENDING;

  if (accord_table_column_get_sorter (self->column) == NULL)
    return;

  /* A second click on the same title turns the order round. */
  if (accord_table_get_sort_column (self->table) == self->column &&
      accord_table_get_sort_order (self->table) == GTK_SORT_ASCENDING)
    order = GTK_SORT_DESCENDING;

  accord_table_sort_by_column (self->table, self->column, order);
}

static void
accord_table_title_dispose (GObject *object)
{
  AccordTableTitle *self = ACCORD_TABLE_TITLE (object);

  remove_children (GTK_WIDGET (self));
  g_clear_object (&self->column);

  G_OBJECT_CLASS (accord_table_title_parent_class)->dispose (object);
}

static void
accord_table_title_class_init (AccordTableTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_title_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "button");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
}

static void
accord_table_title_init (AccordTableTitle *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), self->label);

  self->indicator = gtk_image_new ();
  gtk_widget_set_visible (self->indicator, FALSE);
  gtk_widget_set_margin_start (self->indicator, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->indicator),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), self->indicator);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  g_signal_connect (click, "released", G_CALLBACK (on_title_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static GtkWidget *
accord_table_title_new (AccordTable       *table,
                        AccordTableColumn *column)
{
  AccordTableTitle *self = g_object_new (ACCORD_TYPE_TABLE_TITLE, NULL);
  const char *title = accord_table_column_get_title (column);

  self->table = table;
  self->column = g_object_ref (column);
  gtk_label_set_text (GTK_LABEL (self->label), title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);

  return GTK_WIDGET (self);
}

static void
accord_table_title_show_sort (AccordTableTitle *self,
                              gboolean          sorted,
                              GtkSortType       order)
{
  GtkAccessibleSort sort = GTK_ACCESSIBLE_SORT_NONE;

  if (sorted)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->indicator),
                                    order == GTK_SORT_ASCENDING ? "pan-up-symbolic" : "pan-down-symbolic");
      sort = order == GTK_SORT_ASCENDING ? GTK_ACCESSIBLE_SORT_ASCENDING : GTK_ACCESSIBLE_SORT_DESCENDING;
    }
  gtk_widget_set_visible (self->indicator, sorted);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_SORT, sort, -1);
}

/* The header --------------------------------------------------------- */

struct _AccordTableHeader
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordTableHeader, accord_table_header, GTK_TYPE_WIDGET)

static void
accord_table_header_dispose (GObject *object)
{
  remove_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (accord_table_header_parent_class)->dispose (object);
}

static void
accord_table_header_class_init (AccordTableHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_header_dispose;
  widget_class->get_request_mode = line_get_request_mode;
  widget_class->measure = line_measure;
  widget_class->size_allocate = line_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "header");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
accord_table_header_init (AccordTableHeader *self)
{
  /* The row of titles: its titles speak for it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
}

/**
 * accord_table_header_new:
 * @table: the table the header is for
 *
 * Returns: (transfer floating): a header with a title for each column the
 *   table shows now
 */
GtkWidget *
accord_table_header_new (AccordTable *table)
{
  AccordTableHeader *self = g_object_new (ACCORD_TYPE_TABLE_HEADER, NULL);
  const AccordTableSlot *slots;
  guint n_slots;

  slots = accord_table_get_slots (table, &n_slots, NULL);
  for (guint i = 0; i < n_slots; i++)
    gtk_widget_set_parent (accord_table_title_new (table, slots[i].column), GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/**
 * accord_table_header_show_sort:
 * @column: (nullable): the column the table is sorted by
 * @order: in which order
 *
 * Shows the arrow on @column's title, and on no other.
 */
void
accord_table_header_show_sort (AccordTableHeader *self,
                               AccordTableColumn *column,
                               GtkSortType        order)
{
  g_return_if_fail (ACCORD_IS_TABLE_HEADER (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AccordTableTitle *title = ACCORD_TABLE_TITLE (child);

      accord_table_title_show_sort (title, title->column == column, order);
    }
}
