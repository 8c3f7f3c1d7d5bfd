/* accord-array-model.h: an immutable GListModel over a GPtrArray
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack never changes after loading, so its lists need neither GListStore's
 * GSequence nor its signals: a shared array is enough, and costs one object.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_ARRAY_MODEL (accord_array_model_get_type ())
G_DECLARE_FINAL_TYPE (AccordArrayModel, accord_array_model, ACCORD, ARRAY_MODEL, GObject)

AccordArrayModel *accord_array_model_new (GType      item_type,
                                          GPtrArray *items);

/* Returns *@cache, creating it over @items (NULL: empty) on first use. */
GListModel       *accord_array_model_cached (GListModel **cache,
                                             GType        item_type,
                                             GPtrArray   *items);

G_END_DECLS
