/* accord-result-list.h: a list of search results whose rows stay put
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-types.h"

G_BEGIN_DECLS

/* One position of the list: which topic it shows changes with each query. */
#define ACCORD_TYPE_RESULT (accord_result_get_type ())
G_DECLARE_FINAL_TYPE (AccordResult, accord_result, ACCORD, RESULT, GObject)

AccordTopic *accord_result_get_topic    (AccordResult *self);
guint        accord_result_get_position (AccordResult *self);

#define ACCORD_TYPE_RESULT_LIST (accord_result_list_get_type ())
G_DECLARE_FINAL_TYPE (AccordResultList, accord_result_list, ACCORD, RESULT_LIST, GObject)

AccordResultList *accord_result_list_new        (void);
void              accord_result_list_set_topics (AccordResultList *self,
                                                 GPtrArray        *topics);
GPtrArray        *accord_result_list_get_topics (AccordResultList *self);
guint             accord_result_list_find       (AccordResultList *self,
                                                 AccordTopic      *topic);

G_END_DECLS
