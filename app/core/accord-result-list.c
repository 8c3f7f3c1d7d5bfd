/* accord-result-list.c: a list of search results whose rows stay put
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing a query replaces its results with each keystroke, often tens of
 * thousands of them. A new GListModel each time (or items-changed over the
 * whole list) makes a GtkListView drop every row widget it has and build
 * them again, a couple of hundred rows per keystroke, which costs far more
 * than the search itself.
 *
 * So the items of this list are positions (AccordResult), not topics: the
 * item at position i is the same object from one query to the next, and
 * only its "topic" changes, with a notification that the bound row
 * follows. items-changed is emitted only for the positions added or
 * removed at the end when the number of results changes.
 *
 * Position objects are made on demand, for the rows a view asks for, and
 * kept for later queries.
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include "accord-result-list.h"

struct _AccordResult
{
  GObject parent_instance;
  AccordTopic *topic;   /* unowned: the list's topics array keeps the pack's topics */
  guint position;
};

G_DEFINE_FINAL_TYPE (AccordResult, accord_result, G_TYPE_OBJECT)

enum { RESULT_PROP_0, RESULT_PROP_TOPIC, RESULT_N_PROPS };

static GParamSpec *result_properties[RESULT_N_PROPS];

static void
accord_result_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case RESULT_PROP_TOPIC:
      g_value_set_object (value, ACCORD_RESULT (object)->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_result_class_init (AccordResultClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = accord_result_get_property;

  result_properties[RESULT_PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, ACCORD_TYPE_TOPIC,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), RESULT_N_PROPS, result_properties);
}

static void
accord_result_init (AccordResult *self)
{
}

/**
 * accord_result_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic at this position now;
 *   %NULL past the end of the results
 */
AccordTopic *
accord_result_get_topic (AccordResult *self)
{
  g_return_val_if_fail (ACCORD_IS_RESULT (self), NULL);

  return self->topic;
}

guint
accord_result_get_position (AccordResult *self)
{
  g_return_val_if_fail (ACCORD_IS_RESULT (self), 0);

  return self->position;
}

struct _AccordResultList
{
  GObject parent_instance;
  GPtrArray *topics;   /* (element-type AccordTopic): the results, best first */
  GPtrArray *slots;    /* (element-type AccordResult) (nullable elements): by position */
};

static GType
accord_result_list_get_item_type (GListModel *model)
{
  return ACCORD_TYPE_RESULT;
}

static guint
accord_result_list_get_n_items (GListModel *model)
{
  return ACCORD_RESULT_LIST (model)->topics->len;
}

static gpointer
accord_result_list_get_item (GListModel *model,
                             guint       position)
{
  AccordResultList *self = ACCORD_RESULT_LIST (model);
  AccordResult *slot;

  if (position >= self->topics->len)
    return NULL;

  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);

  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = g_object_new (ACCORD_TYPE_RESULT, NULL);
      slot->position = position;
      slot->topic = g_ptr_array_index (self->topics, position);
      g_ptr_array_index (self->slots, position) = slot;
    }

  return g_object_ref (slot);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = accord_result_list_get_item_type;
  iface->get_n_items = accord_result_list_get_n_items;
  iface->get_item = accord_result_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordResultList, accord_result_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
accord_result_list_finalize (GObject *object)
{
  AccordResultList *self = ACCORD_RESULT_LIST (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_result_list_parent_class)->finalize (object);
}

static void
accord_result_list_class_init (AccordResultListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_result_list_finalize;
}

/* Slots are made when asked for: those before one asked for out of order
 * are empty. */
static void
free_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
accord_result_list_init (AccordResultList *self)
{
  self->topics = g_ptr_array_new ();
  self->slots = g_ptr_array_new_with_free_func (free_slot);
}

AccordResultList *
accord_result_list_new (void)
{
  return g_object_new (ACCORD_TYPE_RESULT_LIST, NULL);
}

/**
 * accord_result_list_set_topics:
 * @topics: (nullable) (element-type AccordTopic): the new results, best
 *   first; the list keeps a reference to the array, which must not change
 *
 * Shows @topics: the positions that exist already show their new topic,
 * and only the positions added or removed at the end are reported.
 */
void
accord_result_list_set_topics (AccordResultList *self,
                               GPtrArray        *topics)
{
  g_autoptr(GPtrArray) old = NULL;
  guint old_n, new_n;

  g_return_if_fail (ACCORD_IS_RESULT_LIST (self));

  old = g_steal_pointer (&self->topics);
  self->topics = topics != NULL ? g_ptr_array_ref (topics) : g_ptr_array_new ();
  old_n = old->len;
  new_n = self->topics->len;

  /* Positions past the new end go; their objects may still be held by a
   * view until it hears of the removal, so they are told they are empty. */
  for (guint i = new_n; i < self->slots->len; i++)
    {
      AccordResult *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL && slot->topic != NULL)
        {
          slot->topic = NULL;
          g_object_notify_by_pspec (G_OBJECT (slot), result_properties[RESULT_PROP_TOPIC]);
        }
    }
  if (self->slots->len > new_n)
    g_ptr_array_set_size (self->slots, new_n);

  for (guint i = 0; i < self->slots->len; i++)
    {
      AccordResult *slot = g_ptr_array_index (self->slots, i);
      AccordTopic *topic = g_ptr_array_index (self->topics, i);

      if (slot != NULL && slot->topic != topic)
        {
          slot->topic = topic;
          g_object_notify_by_pspec (G_OBJECT (slot), result_properties[RESULT_PROP_TOPIC]);
        }
    }

  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

/**
 * accord_result_list_get_topics:
 *
 * Returns: (transfer none) (element-type AccordTopic): the results
 */
GPtrArray *
accord_result_list_get_topics (AccordResultList *self)
{
  g_return_val_if_fail (ACCORD_IS_RESULT_LIST (self), NULL);

  return self->topics;
}

/**
 * accord_result_list_find:
 *
 * Returns: the position of @topic, or %G_MAXUINT
 */
guint
accord_result_list_find (AccordResultList *self,
                         AccordTopic      *topic)
{
  g_return_val_if_fail (ACCORD_IS_RESULT_LIST (self), G_MAXUINT);

  for (guint i = 0; topic != NULL && i < self->topics->len; i++)
    if (g_ptr_array_index (self->topics, i) == topic)
      return i;

  return G_MAXUINT;
}
