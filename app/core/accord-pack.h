/* accord-pack.h: a loaded content pack and its list models
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_PACK (accord_pack_get_type ())
G_DECLARE_FINAL_TYPE (AccordPack, accord_pack, ACCORD, PACK, GObject)

/* Called in the thread that started the load, with a fraction in [0, 1]. */
typedef void (*AccordProgressFunc) (double   fraction,
                                    gpointer user_data);

AccordPack   *accord_pack_load_file       (GFile               *file,
                                           GCancellable        *cancellable,
                                           GPtrArray          **diagnostics,
                                           GError             **error);
AccordPack   *accord_pack_load_bytes      (GBytes              *bytes,
                                           const char          *display_name,
                                           GCancellable        *cancellable,
                                           GPtrArray          **diagnostics,
                                           GError             **error);
void          accord_pack_load_async      (GFile               *file,
                                           GCancellable        *cancellable,
                                           AccordProgressFunc   progress,
                                           gpointer             progress_data,
                                           GDestroyNotify       progress_data_free,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
AccordPack   *accord_pack_load_finish     (GAsyncResult        *result,
                                           GPtrArray          **diagnostics,
                                           GError             **error);

const char   *accord_pack_get_id                 (AccordPack *self);
const char   *accord_pack_get_title              (AccordPack *self);
const char   *accord_pack_get_description        (AccordPack *self);
const char   *accord_pack_get_language           (AccordPack *self);
const char   *accord_pack_get_translation_domain (AccordPack *self);
gboolean      accord_pack_is_right_to_left       (AccordPack *self);
GFile        *accord_pack_get_file               (AccordPack *self);

GListModel   *accord_pack_get_sources            (AccordPack *self);
GListModel   *accord_pack_get_subjects           (AccordPack *self);
GListModel   *accord_pack_get_aspects            (AccordPack *self);
GListModel   *accord_pack_get_characteristics    (AccordPack *self);
GListModel   *accord_pack_get_comparisons        (AccordPack *self);
GListModel   *accord_pack_get_topics             (AccordPack *self);
guint         accord_pack_get_n_topics_total     (AccordPack *self);

AccordSource  *accord_pack_lookup_source   (AccordPack    *self,
                                            const char    *id);
AccordSubject *accord_pack_lookup_subject  (AccordPack    *self,
                                            const char    *id);
AccordAspect  *accord_pack_lookup_aspect   (AccordPack    *self,
                                            const char    *id);
AccordTopic   *accord_pack_lookup_topic    (AccordPack    *self,
                                            const char    *id);
AccordCharacteristic *
               accord_pack_get_characteristic (AccordPack    *self,
                                               AccordSubject *subject,
                                               AccordAspect  *aspect);
AccordComparison *
               accord_pack_find_comparison    (AccordPack    *self,
                                               AccordSubject *first,
                                               AccordSubject *second);

G_END_DECLS
