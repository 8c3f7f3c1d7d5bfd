/* accord-table-column.c: a column of an AccordTable
 *
 * What a column of the table is: its title, the width it asks for, whether
 * it takes a share of the room left over (expand), whether the user may
 * drag its edge (resizable), whether it is shown, the sorter a click on
 * its title sorts by, and the functions that make and fill its cells.
 * The table watches these properties and lays itself out again when one
 * changes.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-table-column.h"

struct _AccordTableColumn
{
  GObject parent_instance;

  char *title;
  int width;
  gboolean expand;
  gboolean resizable;
  gboolean visible;
  GtkSorter *sorter;

  AccordTableCellSetup setup;
  AccordTableCellBind bind;
  gpointer user_data;
  GDestroyNotify destroy;
};

G_DEFINE_FINAL_TYPE (AccordTableColumn, accord_table_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WIDTH,
  PROP_EXPAND,
  PROP_RESIZABLE,
  PROP_VISIBLE,
  PROP_SORTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_cells (AccordTableColumn *self)
{
  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->setup = NULL;
  self->bind = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
}

static void
accord_table_column_finalize (GObject *object)
{
  AccordTableColumn *self = ACCORD_TABLE_COLUMN (object);

  clear_cells (self);
  g_free (self->title);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (accord_table_column_parent_class)->finalize (object);
}

static void
accord_table_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordTableColumn *self = ACCORD_TABLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_EXPAND:
      g_value_set_boolean (value, self->expand);
      break;
    case PROP_RESIZABLE:
      g_value_set_boolean (value, self->resizable);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    case PROP_SORTER:
      g_value_set_object (value, self->sorter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_table_column_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordTableColumn *self = ACCORD_TABLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      accord_table_column_set_title (self, g_value_get_string (value));
      break;
    case PROP_WIDTH:
      accord_table_column_set_width (self, g_value_get_int (value));
      break;
    case PROP_EXPAND:
      accord_table_column_set_expand (self, g_value_get_boolean (value));
      break;
    case PROP_RESIZABLE:
      accord_table_column_set_resizable (self, g_value_get_boolean (value));
      break;
    case PROP_VISIBLE:
      accord_table_column_set_visible (self, g_value_get_boolean (value));
      break;
    case PROP_SORTER:
      accord_table_column_set_sorter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_table_column_class_init (AccordTableColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_table_column_finalize;
  object_class->get_property = accord_table_column_get_property;
  object_class->set_property = accord_table_column_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* In pixels, the cell's padding and border included; for a column that
   * expands, the least it gets. */
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 1, G_MAXINT / 4, 120,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPAND] =
    g_param_spec_boolean ("expand", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESIZABLE] =
    g_param_spec_boolean ("resizable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL, GTK_TYPE_SORTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_table_column_init (AccordTableColumn *self)
{
  self->width = 120;
  self->visible = TRUE;
}

/**
 * accord_table_column_new:
 * @title: (nullable): the title in the column's header
 *
 * Returns: (transfer full): a new column, without cells until
 *   accord_table_column_set_cells() gives it some
 */
AccordTableColumn *
accord_table_column_new (const char *title)
{
  return g_object_new (ACCORD_TYPE_TABLE_COLUMN, "title", title, NULL);
}

const char *
accord_table_column_get_title (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), NULL);

  return self->title;
}

void
accord_table_column_set_title (AccordTableColumn *self,
                               const char        *title)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
accord_table_column_get_width (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), 0);

  return self->width;
}

void
accord_table_column_set_width (AccordTableColumn *self,
                               int                width)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));
  g_return_if_fail (width > 0);

  if (self->width == width)
    return;

  self->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

gboolean
accord_table_column_get_expand (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), FALSE);

  return self->expand;
}

void
accord_table_column_set_expand (AccordTableColumn *self,
                                gboolean           expand)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));

  expand = !!expand;
  if (self->expand == expand)
    return;

  self->expand = expand;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPAND]);
}

gboolean
accord_table_column_get_resizable (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), FALSE);

  return self->resizable;
}

void
accord_table_column_set_resizable (AccordTableColumn *self,
                                   gboolean           resizable)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));

  resizable = !!resizable;
  if (self->resizable == resizable)
    return;

  self->resizable = resizable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIZABLE]);
}

gboolean
accord_table_column_get_visible (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), FALSE);

  return self->visible;
}

void
accord_table_column_set_visible (AccordTableColumn *self,
                                 gboolean           visible)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));

  visible = !!visible;
  if (self->visible == visible)
    return;

  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

/**
 * accord_table_column_get_sorter:
 *
 * Returns: (transfer none) (nullable): what a click on the column's title
 *   sorts by
 */
GtkSorter *
accord_table_column_get_sorter (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), NULL);

  return self->sorter;
}

/**
 * accord_table_column_set_sorter:
 * @sorter: (nullable): what a click on the column's title sorts by, in
 *   ascending order; NULL for a column that does not sort
 *
 * GTK 4.8 has no public way to use a sorter's sort keys from another
 * sorter, so the table compares rows through gtk_sorter_compare(): give
 * a sorter that compares cheaply (keys worked out ahead, say). The table
 * sorts again when the column is given a sorter, not when a sorter it has
 * changes its order.
 */
void
accord_table_column_set_sorter (AccordTableColumn *self,
                                GtkSorter         *sorter)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (g_set_object (&self->sorter, sorter))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTER]);
}

/**
 * accord_table_column_set_cells:
 * @setup: makes a cell's widget
 * @bind: shows an item in a cell's widget, or nothing
 * @user_data: for both
 * @destroy: (nullable): frees @user_data when the column is done with it
 *
 * Sets how the column's cells are made and filled. Set it before the
 * column is added to a table.
 */
void
accord_table_column_set_cells (AccordTableColumn    *self,
                               AccordTableCellSetup  setup,
                               AccordTableCellBind   bind,
                               gpointer              user_data,
                               GDestroyNotify        destroy)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));
  g_return_if_fail (setup != NULL && bind != NULL);

  clear_cells (self);
  self->setup = setup;
  self->bind = bind;
  self->user_data = user_data;
  self->destroy = destroy;
}

/**
 * accord_table_column_create_cell:
 *
 * For the table.
 *
 * Returns: (transfer floating): a new cell widget, empty
 */
GtkWidget *
accord_table_column_create_cell (AccordTableColumn *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_COLUMN (self), NULL);
  g_return_val_if_fail (self->setup != NULL, NULL);

  return self->setup (self->user_data);
}

/**
 * accord_table_column_bind_cell:
 * @cell: a widget accord_table_column_create_cell() made
 * @item: (nullable): the row's item, or NULL to empty the cell
 *
 * For the table.
 */
void
accord_table_column_bind_cell (AccordTableColumn *self,
                               GtkWidget         *cell,
                               gpointer           item)
{
  g_return_if_fail (ACCORD_IS_TABLE_COLUMN (self));
  g_return_if_fail (self->bind != NULL);

  self->bind (cell, item, self->user_data);
}
