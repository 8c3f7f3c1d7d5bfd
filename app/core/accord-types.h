/* accord-types.h: the objects a content pack is made of
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All of them are immutable once the loader has built them, and expose their
 * fields as read-only GObject properties (for GtkExpression, sorters and
 * filters). Lists are GListModels.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORD_TYPE_SOURCE (accord_source_get_type ())
G_DECLARE_FINAL_TYPE (AccordSource, accord_source, ACCORD, SOURCE, GObject)

const char   *accord_source_get_id        (AccordSource *self);
const char   *accord_source_get_title     (AccordSource *self);
const char   *accord_source_get_publisher (AccordSource *self);
const char   *accord_source_get_url       (AccordSource *self);
const char   *accord_source_get_accessed  (AccordSource *self);

#define ACCORD_TYPE_SUBJECT (accord_subject_get_type ())
G_DECLARE_FINAL_TYPE (AccordSubject, accord_subject, ACCORD, SUBJECT, GObject)

const char   *accord_subject_get_id       (AccordSubject *self);
const char   *accord_subject_get_name     (AccordSubject *self);
const char   *accord_subject_get_summary  (AccordSubject *self);
guint         accord_subject_get_position (AccordSubject *self);
GListModel   *accord_subject_get_sources  (AccordSubject *self);

#define ACCORD_TYPE_ASPECT (accord_aspect_get_type ())
G_DECLARE_FINAL_TYPE (AccordAspect, accord_aspect, ACCORD, ASPECT, GObject)

const char   *accord_aspect_get_id          (AccordAspect *self);
const char   *accord_aspect_get_name        (AccordAspect *self);
const char   *accord_aspect_get_description (AccordAspect *self);
const char   *accord_aspect_get_group       (AccordAspect *self);
guint         accord_aspect_get_position    (AccordAspect *self);

#define ACCORD_TYPE_CHARACTERISTIC (accord_characteristic_get_type ())
G_DECLARE_FINAL_TYPE (AccordCharacteristic, accord_characteristic, ACCORD, CHARACTERISTIC, GObject)

AccordSubject *accord_characteristic_get_subject (AccordCharacteristic *self);
AccordAspect  *accord_characteristic_get_aspect  (AccordCharacteristic *self);
const char    *accord_characteristic_get_text    (AccordCharacteristic *self);
GListModel    *accord_characteristic_get_sources (AccordCharacteristic *self);

#define ACCORD_TYPE_DIFFERENCE (accord_difference_get_type ())
G_DECLARE_FINAL_TYPE (AccordDifference, accord_difference, ACCORD, DIFFERENCE, GObject)

AccordAspect  *accord_difference_get_aspect (AccordDifference *self);
const char    *accord_difference_get_text   (AccordDifference *self);

#define ACCORD_TYPE_COMPARISON (accord_comparison_get_type ())
G_DECLARE_FINAL_TYPE (AccordComparison, accord_comparison, ACCORD, COMPARISON, GObject)

GListModel         *accord_comparison_get_subjects    (AccordComparison *self);
const char * const *accord_comparison_get_common      (AccordComparison *self);
GListModel         *accord_comparison_get_differences (AccordComparison *self);
gboolean            accord_comparison_involves        (AccordComparison *self,
                                                       AccordSubject    *subject);

typedef enum
{
  ACCORD_BLOCK_PARAGRAPH,
  ACCORD_BLOCK_HEADING,
  ACCORD_BLOCK_NOTE,
  ACCORD_BLOCK_LIST,
} AccordBlockKind;

#define ACCORD_TYPE_BLOCK_KIND (accord_block_kind_get_type ())
GType accord_block_kind_get_type (void) G_GNUC_CONST;

#define ACCORD_TYPE_BLOCK (accord_block_get_type ())
G_DECLARE_FINAL_TYPE (AccordBlock, accord_block, ACCORD, BLOCK, GObject)

AccordBlockKind     accord_block_get_kind  (AccordBlock *self);
const char         *accord_block_get_text  (AccordBlock *self);
const char * const *accord_block_get_items (AccordBlock *self);

#define ACCORD_TYPE_TOPIC (accord_topic_get_type ())
G_DECLARE_FINAL_TYPE (AccordTopic, accord_topic, ACCORD, TOPIC, GObject)

const char   *accord_topic_get_id         (AccordTopic *self);
const char   *accord_topic_get_title      (AccordTopic *self);
const char   *accord_topic_get_summary    (AccordTopic *self);
AccordTopic  *accord_topic_get_parent     (AccordTopic *self);
guint         accord_topic_get_depth      (AccordTopic *self);
guint         accord_topic_get_n_children (AccordTopic *self);
GListModel   *accord_topic_get_children   (AccordTopic *self);
GListModel   *accord_topic_get_subjects   (AccordTopic *self);
GListModel   *accord_topic_get_aspects    (AccordTopic *self);
GListModel   *accord_topic_get_body       (AccordTopic *self);
GListModel   *accord_topic_get_related    (AccordTopic *self);
GListModel   *accord_topic_get_sources    (AccordTopic *self);

G_END_DECLS
