/* accord-array-model.c: an immutable GListModel over a GPtrArray
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include "accord-array-model.h"

struct _AccordArrayModel
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;  /* (nullable) (element-type GObject), shared, never changed */
};

static GType
accord_array_model_get_item_type (GListModel *model)
{
  return ACCORD_ARRAY_MODEL (model)->item_type;
}

static guint
accord_array_model_get_n_items (GListModel *model)
{
  AccordArrayModel *self = ACCORD_ARRAY_MODEL (model);

  return self->items != NULL ? self->items->len : 0;
}

static gpointer
accord_array_model_get_item (GListModel *model,
                             guint       position)
{
  AccordArrayModel *self = ACCORD_ARRAY_MODEL (model);

  if (self->items == NULL || position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = accord_array_model_get_item_type;
  iface->get_n_items = accord_array_model_get_n_items;
  iface->get_item = accord_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordArrayModel, accord_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
accord_array_model_finalize (GObject *object)
{
  AccordArrayModel *self = ACCORD_ARRAY_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_array_model_parent_class)->finalize (object);
}

static void
accord_array_model_class_init (AccordArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_array_model_finalize;
}

static void
accord_array_model_init (AccordArrayModel *self)
{
}

/**
 * accord_array_model_new:
 * @item_type: the GType of the items
 * @items: (nullable) (element-type GObject): the items; the model takes a
 *   reference and assumes nobody changes the array afterwards
 */
AccordArrayModel *
accord_array_model_new (GType      item_type,
                        GPtrArray *items)
{
  AccordArrayModel *self = g_object_new (ACCORD_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  self->items = items != NULL ? g_ptr_array_ref (items) : NULL;

  return self;
}

GListModel *
accord_array_model_cached (GListModel **cache,
                           GType        item_type,
                           GPtrArray   *items)
{
  if (*cache == NULL)
    *cache = G_LIST_MODEL (accord_array_model_new (item_type, items));

  return *cache;
}
