/* accord-types.c: the objects a content pack is made of
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These are plain, read-only records; they live in one file because each is
 * only its fields, getters and property table. The loader (accord-pack-loader.c)
 * is the one place that creates and fills them.
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include "accord-array-model.h"
#include "accord-types-private.h"

#define PARAM_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, PARAM_FLAGS);
}

static GParamSpec *
model_property (const char *name)
{
  return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, PARAM_FLAGS);
}

static void
clear_array (GPtrArray **array)
{
  g_clear_pointer (array, g_ptr_array_unref);
}

/* AccordSource */

enum { SOURCE_PROP_0, SOURCE_PROP_ID, SOURCE_PROP_TITLE, SOURCE_PROP_PUBLISHER,
       SOURCE_PROP_URL, SOURCE_PROP_ACCESSED, SOURCE_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordSource, accord_source, G_TYPE_OBJECT)

static void
accord_source_finalize (GObject *object)
{
  AccordSource *self = ACCORD_SOURCE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->url);
  g_free (self->accessed);

  G_OBJECT_CLASS (accord_source_parent_class)->finalize (object);
}

static void
accord_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordSource *self = ACCORD_SOURCE (object);

  switch (prop_id)
    {
    case SOURCE_PROP_ID: g_value_set_string (value, self->id); break;
    case SOURCE_PROP_TITLE: g_value_set_string (value, self->title); break;
    case SOURCE_PROP_PUBLISHER: g_value_set_string (value, self->publisher); break;
    case SOURCE_PROP_URL: g_value_set_string (value, self->url); break;
    case SOURCE_PROP_ACCESSED: g_value_set_string (value, self->accessed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_source_class_init (AccordSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[SOURCE_N_PROPS] = { NULL, };

  object_class->finalize = accord_source_finalize;
  object_class->get_property = accord_source_get_property;

  props[SOURCE_PROP_ID] = string_property ("id");
  props[SOURCE_PROP_TITLE] = string_property ("title");
  props[SOURCE_PROP_PUBLISHER] = string_property ("publisher");
  props[SOURCE_PROP_URL] = string_property ("url");
  props[SOURCE_PROP_ACCESSED] = string_property ("accessed");
  g_object_class_install_properties (object_class, SOURCE_N_PROPS, props);
}

static void accord_source_init (AccordSource *self) { }

const char *accord_source_get_id (AccordSource *self) { g_return_val_if_fail (ACCORD_IS_SOURCE (self), NULL); return self->id; }
const char *accord_source_get_title (AccordSource *self) { g_return_val_if_fail (ACCORD_IS_SOURCE (self), NULL); return self->title; }
const char *accord_source_get_publisher (AccordSource *self) { g_return_val_if_fail (ACCORD_IS_SOURCE (self), NULL); return self->publisher; }
/* Only ever http or https: the loader refuses any other scheme. */
const char *accord_source_get_url (AccordSource *self) { g_return_val_if_fail (ACCORD_IS_SOURCE (self), NULL); return self->url; }
/* An ISO 8601 date (YYYY-MM-DD), or NULL. */
const char *accord_source_get_accessed (AccordSource *self) { g_return_val_if_fail (ACCORD_IS_SOURCE (self), NULL); return self->accessed; }

/* AccordSubject */

enum { SUBJECT_PROP_0, SUBJECT_PROP_ID, SUBJECT_PROP_NAME, SUBJECT_PROP_SUMMARY,
       SUBJECT_PROP_POSITION, SUBJECT_PROP_SOURCES, SUBJECT_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordSubject, accord_subject, G_TYPE_OBJECT)

static void
accord_subject_finalize (GObject *object)
{
  AccordSubject *self = ACCORD_SUBJECT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  clear_array (&self->sources);
  g_clear_object (&self->sources_model);

  G_OBJECT_CLASS (accord_subject_parent_class)->finalize (object);
}

static void
accord_subject_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordSubject *self = ACCORD_SUBJECT (object);

  switch (prop_id)
    {
    case SUBJECT_PROP_ID: g_value_set_string (value, self->id); break;
    case SUBJECT_PROP_NAME: g_value_set_string (value, self->name); break;
    case SUBJECT_PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case SUBJECT_PROP_POSITION: g_value_set_uint (value, self->position); break;
    case SUBJECT_PROP_SOURCES: g_value_set_object (value, accord_subject_get_sources (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_subject_class_init (AccordSubjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[SUBJECT_N_PROPS] = { NULL, };

  object_class->finalize = accord_subject_finalize;
  object_class->get_property = accord_subject_get_property;

  props[SUBJECT_PROP_ID] = string_property ("id");
  props[SUBJECT_PROP_NAME] = string_property ("name");
  props[SUBJECT_PROP_SUMMARY] = string_property ("summary");
  props[SUBJECT_PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  props[SUBJECT_PROP_SOURCES] = model_property ("sources");
  g_object_class_install_properties (object_class, SUBJECT_N_PROPS, props);
}

static void accord_subject_init (AccordSubject *self) { }

const char *accord_subject_get_id (AccordSubject *self) { g_return_val_if_fail (ACCORD_IS_SUBJECT (self), NULL); return self->id; }
const char *accord_subject_get_name (AccordSubject *self) { g_return_val_if_fail (ACCORD_IS_SUBJECT (self), NULL); return self->name; }
const char *accord_subject_get_summary (AccordSubject *self) { g_return_val_if_fail (ACCORD_IS_SUBJECT (self), NULL); return self->summary; }
/* The subject's index in the pack's subjects model (its display order). */
guint accord_subject_get_position (AccordSubject *self) { g_return_val_if_fail (ACCORD_IS_SUBJECT (self), 0); return self->position; }

/**
 * accord_subject_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #AccordSource
 */
GListModel *
accord_subject_get_sources (AccordSubject *self)
{
  g_return_val_if_fail (ACCORD_IS_SUBJECT (self), NULL);

  return accord_array_model_cached (&self->sources_model, ACCORD_TYPE_SOURCE, self->sources);
}

/* AccordAspect */

enum { ASPECT_PROP_0, ASPECT_PROP_ID, ASPECT_PROP_NAME, ASPECT_PROP_DESCRIPTION,
       ASPECT_PROP_GROUP, ASPECT_PROP_POSITION, ASPECT_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordAspect, accord_aspect, G_TYPE_OBJECT)

static void
accord_aspect_finalize (GObject *object)
{
  AccordAspect *self = ACCORD_ASPECT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->group);

  G_OBJECT_CLASS (accord_aspect_parent_class)->finalize (object);
}

static void
accord_aspect_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordAspect *self = ACCORD_ASPECT (object);

  switch (prop_id)
    {
    case ASPECT_PROP_ID: g_value_set_string (value, self->id); break;
    case ASPECT_PROP_NAME: g_value_set_string (value, self->name); break;
    case ASPECT_PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case ASPECT_PROP_GROUP: g_value_set_string (value, self->group); break;
    case ASPECT_PROP_POSITION: g_value_set_uint (value, self->position); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_aspect_class_init (AccordAspectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[ASPECT_N_PROPS] = { NULL, };

  object_class->finalize = accord_aspect_finalize;
  object_class->get_property = accord_aspect_get_property;

  props[ASPECT_PROP_ID] = string_property ("id");
  props[ASPECT_PROP_NAME] = string_property ("name");
  props[ASPECT_PROP_DESCRIPTION] = string_property ("description");
  props[ASPECT_PROP_GROUP] = string_property ("group");
  props[ASPECT_PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  g_object_class_install_properties (object_class, ASPECT_N_PROPS, props);
}

static void accord_aspect_init (AccordAspect *self) { }

const char *accord_aspect_get_id (AccordAspect *self) { g_return_val_if_fail (ACCORD_IS_ASPECT (self), NULL); return self->id; }
const char *accord_aspect_get_name (AccordAspect *self) { g_return_val_if_fail (ACCORD_IS_ASPECT (self), NULL); return self->name; }
const char *accord_aspect_get_description (AccordAspect *self) { g_return_val_if_fail (ACCORD_IS_ASPECT (self), NULL); return self->description; }
/* The group heading this aspect is shown under, or NULL. */
const char *accord_aspect_get_group (AccordAspect *self) { g_return_val_if_fail (ACCORD_IS_ASPECT (self), NULL); return self->group; }
/* The aspect's index in the pack's aspects model (its display order). */
guint accord_aspect_get_position (AccordAspect *self) { g_return_val_if_fail (ACCORD_IS_ASPECT (self), 0); return self->position; }

/* AccordCharacteristic */

enum { CHARACTERISTIC_PROP_0, CHARACTERISTIC_PROP_SUBJECT, CHARACTERISTIC_PROP_ASPECT,
       CHARACTERISTIC_PROP_TEXT, CHARACTERISTIC_PROP_SOURCES, CHARACTERISTIC_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordCharacteristic, accord_characteristic, G_TYPE_OBJECT)

static void
accord_characteristic_finalize (GObject *object)
{
  AccordCharacteristic *self = ACCORD_CHARACTERISTIC (object);

  g_clear_object (&self->subject);
  g_clear_object (&self->aspect);
  g_free (self->text);
  clear_array (&self->sources);
  g_clear_object (&self->sources_model);

  G_OBJECT_CLASS (accord_characteristic_parent_class)->finalize (object);
}

static void
accord_characteristic_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AccordCharacteristic *self = ACCORD_CHARACTERISTIC (object);

  switch (prop_id)
    {
    case CHARACTERISTIC_PROP_SUBJECT: g_value_set_object (value, self->subject); break;
    case CHARACTERISTIC_PROP_ASPECT: g_value_set_object (value, self->aspect); break;
    case CHARACTERISTIC_PROP_TEXT: g_value_set_string (value, self->text); break;
    case CHARACTERISTIC_PROP_SOURCES: g_value_set_object (value, accord_characteristic_get_sources (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_characteristic_class_init (AccordCharacteristicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[CHARACTERISTIC_N_PROPS] = { NULL, };

  object_class->finalize = accord_characteristic_finalize;
  object_class->get_property = accord_characteristic_get_property;

  props[CHARACTERISTIC_PROP_SUBJECT] = g_param_spec_object ("subject", NULL, NULL, ACCORD_TYPE_SUBJECT, PARAM_FLAGS);
  props[CHARACTERISTIC_PROP_ASPECT] = g_param_spec_object ("aspect", NULL, NULL, ACCORD_TYPE_ASPECT, PARAM_FLAGS);
  props[CHARACTERISTIC_PROP_TEXT] = string_property ("text");
  props[CHARACTERISTIC_PROP_SOURCES] = model_property ("sources");
  g_object_class_install_properties (object_class, CHARACTERISTIC_N_PROPS, props);
}

static void accord_characteristic_init (AccordCharacteristic *self) { }

AccordSubject *accord_characteristic_get_subject (AccordCharacteristic *self) { g_return_val_if_fail (ACCORD_IS_CHARACTERISTIC (self), NULL); return self->subject; }
AccordAspect *accord_characteristic_get_aspect (AccordCharacteristic *self) { g_return_val_if_fail (ACCORD_IS_CHARACTERISTIC (self), NULL); return self->aspect; }
const char *accord_characteristic_get_text (AccordCharacteristic *self) { g_return_val_if_fail (ACCORD_IS_CHARACTERISTIC (self), NULL); return self->text; }

/**
 * accord_characteristic_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #AccordSource
 */
GListModel *
accord_characteristic_get_sources (AccordCharacteristic *self)
{
  g_return_val_if_fail (ACCORD_IS_CHARACTERISTIC (self), NULL);

  return accord_array_model_cached (&self->sources_model, ACCORD_TYPE_SOURCE, self->sources);
}

/* AccordDifference */

enum { DIFFERENCE_PROP_0, DIFFERENCE_PROP_ASPECT, DIFFERENCE_PROP_TEXT, DIFFERENCE_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordDifference, accord_difference, G_TYPE_OBJECT)

static void
accord_difference_finalize (GObject *object)
{
  AccordDifference *self = ACCORD_DIFFERENCE (object);

  g_clear_object (&self->aspect);
  g_free (self->text);

  G_OBJECT_CLASS (accord_difference_parent_class)->finalize (object);
}

static void
accord_difference_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordDifference *self = ACCORD_DIFFERENCE (object);

  switch (prop_id)
    {
    case DIFFERENCE_PROP_ASPECT: g_value_set_object (value, self->aspect); break;
    case DIFFERENCE_PROP_TEXT: g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_difference_class_init (AccordDifferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[DIFFERENCE_N_PROPS] = { NULL, };

  object_class->finalize = accord_difference_finalize;
  object_class->get_property = accord_difference_get_property;

  props[DIFFERENCE_PROP_ASPECT] = g_param_spec_object ("aspect", NULL, NULL, ACCORD_TYPE_ASPECT, PARAM_FLAGS);
  props[DIFFERENCE_PROP_TEXT] = string_property ("text");
  g_object_class_install_properties (object_class, DIFFERENCE_N_PROPS, props);
}

static void accord_difference_init (AccordDifference *self) { }

/* The aspect this difference is about, or NULL for a general one. */
AccordAspect *accord_difference_get_aspect (AccordDifference *self) { g_return_val_if_fail (ACCORD_IS_DIFFERENCE (self), NULL); return self->aspect; }
const char *accord_difference_get_text (AccordDifference *self) { g_return_val_if_fail (ACCORD_IS_DIFFERENCE (self), NULL); return self->text; }

/* AccordComparison */

enum { COMPARISON_PROP_0, COMPARISON_PROP_SUBJECTS, COMPARISON_PROP_COMMON,
       COMPARISON_PROP_DIFFERENCES, COMPARISON_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordComparison, accord_comparison, G_TYPE_OBJECT)

static void
accord_comparison_finalize (GObject *object)
{
  AccordComparison *self = ACCORD_COMPARISON (object);

  clear_array (&self->subjects);
  g_strfreev (self->common);
  clear_array (&self->differences);
  g_clear_object (&self->subjects_model);
  g_clear_object (&self->differences_model);

  G_OBJECT_CLASS (accord_comparison_parent_class)->finalize (object);
}

static void
accord_comparison_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordComparison *self = ACCORD_COMPARISON (object);

  switch (prop_id)
    {
    case COMPARISON_PROP_SUBJECTS: g_value_set_object (value, accord_comparison_get_subjects (self)); break;
    case COMPARISON_PROP_COMMON: g_value_set_boxed (value, self->common); break;
    case COMPARISON_PROP_DIFFERENCES: g_value_set_object (value, accord_comparison_get_differences (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_comparison_class_init (AccordComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[COMPARISON_N_PROPS] = { NULL, };

  object_class->finalize = accord_comparison_finalize;
  object_class->get_property = accord_comparison_get_property;

  props[COMPARISON_PROP_SUBJECTS] = model_property ("subjects");
  props[COMPARISON_PROP_COMMON] = g_param_spec_boxed ("common", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  props[COMPARISON_PROP_DIFFERENCES] = model_property ("differences");
  g_object_class_install_properties (object_class, COMPARISON_N_PROPS, props);
}

static void accord_comparison_init (AccordComparison *self) { }

/**
 * accord_comparison_get_subjects:
 *
 * Returns: (transfer none): a #GListModel of the #AccordSubject compared
 */
GListModel *
accord_comparison_get_subjects (AccordComparison *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARISON (self), NULL);

  return accord_array_model_cached (&self->subjects_model, ACCORD_TYPE_SUBJECT, self->subjects);
}

/**
 * accord_comparison_get_common:
 *
 * Returns: (transfer none): the points of common ground, possibly empty
 */
const char * const *
accord_comparison_get_common (AccordComparison *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARISON (self), NULL);

  return (const char * const *) self->common;
}

/**
 * accord_comparison_get_differences:
 *
 * Returns: (transfer none): a #GListModel of #AccordDifference
 */
GListModel *
accord_comparison_get_differences (AccordComparison *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARISON (self), NULL);

  return accord_array_model_cached (&self->differences_model, ACCORD_TYPE_DIFFERENCE, self->differences);
}

gboolean
accord_comparison_involves (AccordComparison *self,
                            AccordSubject    *subject)
{
  g_return_val_if_fail (ACCORD_IS_COMPARISON (self), FALSE);

  return self->subjects != NULL && g_ptr_array_find (self->subjects, subject, NULL);
}

/* AccordBlock */

G_DEFINE_ENUM_TYPE (AccordBlockKind, accord_block_kind,
  G_DEFINE_ENUM_VALUE (ACCORD_BLOCK_PARAGRAPH, "paragraph"),
  G_DEFINE_ENUM_VALUE (ACCORD_BLOCK_HEADING, "heading"),
  G_DEFINE_ENUM_VALUE (ACCORD_BLOCK_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (ACCORD_BLOCK_LIST, "list"))

enum { BLOCK_PROP_0, BLOCK_PROP_KIND, BLOCK_PROP_TEXT, BLOCK_PROP_ITEMS, BLOCK_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordBlock, accord_block, G_TYPE_OBJECT)

static void
accord_block_finalize (GObject *object)
{
  AccordBlock *self = ACCORD_BLOCK (object);

  g_free (self->text);
  g_strfreev (self->items);

  G_OBJECT_CLASS (accord_block_parent_class)->finalize (object);
}

static void
accord_block_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordBlock *self = ACCORD_BLOCK (object);

  switch (prop_id)
    {
    case BLOCK_PROP_KIND: g_value_set_enum (value, self->kind); break;
    case BLOCK_PROP_TEXT: g_value_set_string (value, self->text); break;
    case BLOCK_PROP_ITEMS: g_value_set_boxed (value, self->items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_block_class_init (AccordBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[BLOCK_N_PROPS] = { NULL, };

  object_class->finalize = accord_block_finalize;
  object_class->get_property = accord_block_get_property;

  props[BLOCK_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ACCORD_TYPE_BLOCK_KIND,
                                              ACCORD_BLOCK_PARAGRAPH, PARAM_FLAGS);
  props[BLOCK_PROP_TEXT] = string_property ("text");
  props[BLOCK_PROP_ITEMS] = g_param_spec_boxed ("items", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  g_object_class_install_properties (object_class, BLOCK_N_PROPS, props);
}

static void accord_block_init (AccordBlock *self) { }

AccordBlockKind accord_block_get_kind (AccordBlock *self) { g_return_val_if_fail (ACCORD_IS_BLOCK (self), 0); return self->kind; }
/* The text of a paragraph, heading or note; NULL for a list. */
const char *accord_block_get_text (AccordBlock *self) { g_return_val_if_fail (ACCORD_IS_BLOCK (self), NULL); return self->text; }
/* The items of a list; NULL for other blocks. */
const char * const *accord_block_get_items (AccordBlock *self) { g_return_val_if_fail (ACCORD_IS_BLOCK (self), NULL); return (const char * const *) self->items; }

/* AccordTopic */

enum { TOPIC_PROP_0, TOPIC_PROP_ID, TOPIC_PROP_TITLE, TOPIC_PROP_SUMMARY, TOPIC_PROP_PARENT,
       TOPIC_PROP_DEPTH, TOPIC_PROP_CHILDREN, TOPIC_PROP_SUBJECTS, TOPIC_PROP_ASPECTS,
       TOPIC_PROP_BODY, TOPIC_PROP_RELATED, TOPIC_PROP_SOURCES, TOPIC_N_PROPS };

G_DEFINE_FINAL_TYPE (AccordTopic, accord_topic, G_TYPE_OBJECT)

static void
accord_topic_finalize (GObject *object)
{
  AccordTopic *self = ACCORD_TOPIC (object);

  /* Children that outlive their parent (held by a view) lose the link. */
  if (self->children != NULL)
    for (guint i = 0; i < self->children->len; i++)
      ((AccordTopic *) g_ptr_array_index (self->children, i))->parent = NULL;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  clear_array (&self->children);
  clear_array (&self->subjects);
  clear_array (&self->aspects);
  clear_array (&self->body);
  clear_array (&self->related);
  clear_array (&self->sources);
  g_clear_object (&self->children_model);
  g_clear_object (&self->subjects_model);
  g_clear_object (&self->aspects_model);
  g_clear_object (&self->body_model);
  g_clear_object (&self->related_model);
  g_clear_object (&self->sources_model);

  G_OBJECT_CLASS (accord_topic_parent_class)->finalize (object);
}

static void
accord_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordTopic *self = ACCORD_TOPIC (object);

  switch (prop_id)
    {
    case TOPIC_PROP_ID: g_value_set_string (value, self->id); break;
    case TOPIC_PROP_TITLE: g_value_set_string (value, self->title); break;
    case TOPIC_PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case TOPIC_PROP_PARENT: g_value_set_object (value, self->parent); break;
    case TOPIC_PROP_DEPTH: g_value_set_uint (value, self->depth); break;
    case TOPIC_PROP_CHILDREN: g_value_set_object (value, accord_topic_get_children (self)); break;
    case TOPIC_PROP_SUBJECTS: g_value_set_object (value, accord_topic_get_subjects (self)); break;
    case TOPIC_PROP_ASPECTS: g_value_set_object (value, accord_topic_get_aspects (self)); break;
    case TOPIC_PROP_BODY: g_value_set_object (value, accord_topic_get_body (self)); break;
    case TOPIC_PROP_RELATED: g_value_set_object (value, accord_topic_get_related (self)); break;
    case TOPIC_PROP_SOURCES: g_value_set_object (value, accord_topic_get_sources (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_topic_class_init (AccordTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamSpec *props[TOPIC_N_PROPS] = { NULL, };

  object_class->finalize = accord_topic_finalize;
  object_class->get_property = accord_topic_get_property;

  props[TOPIC_PROP_ID] = string_property ("id");
  props[TOPIC_PROP_TITLE] = string_property ("title");
  props[TOPIC_PROP_SUMMARY] = string_property ("summary");
  props[TOPIC_PROP_PARENT] = g_param_spec_object ("parent", NULL, NULL, ACCORD_TYPE_TOPIC, PARAM_FLAGS);
  props[TOPIC_PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
  props[TOPIC_PROP_CHILDREN] = model_property ("children");
  props[TOPIC_PROP_SUBJECTS] = model_property ("subjects");
  props[TOPIC_PROP_ASPECTS] = model_property ("aspects");
  props[TOPIC_PROP_BODY] = model_property ("body");
  props[TOPIC_PROP_RELATED] = model_property ("related");
  props[TOPIC_PROP_SOURCES] = model_property ("sources");
  g_object_class_install_properties (object_class, TOPIC_N_PROPS, props);
}

static void accord_topic_init (AccordTopic *self) { }

const char *accord_topic_get_id (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL); return self->id; }
const char *accord_topic_get_title (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL); return self->title; }
const char *accord_topic_get_summary (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL); return self->summary; }
/* The parent topic, or NULL for a root topic. */
AccordTopic *accord_topic_get_parent (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL); return self->parent; }
/* 0 for a root topic, 1 for its children, and so on. */
guint accord_topic_get_depth (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), 0); return self->depth; }
guint accord_topic_get_n_children (AccordTopic *self) { g_return_val_if_fail (ACCORD_IS_TOPIC (self), 0); return self->children != NULL ? self->children->len : 0; }

/**
 * accord_topic_get_children:
 *
 * The sub-topics, for a GtkTreeListModel's create function.
 *
 * Returns: (transfer none): a #GListModel of #AccordTopic, possibly empty
 */
GListModel *
accord_topic_get_children (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->children_model, ACCORD_TYPE_TOPIC, self->children);
}

/**
 * accord_topic_get_subjects:
 *
 * Returns: (transfer none): a #GListModel of the #AccordSubject this topic concerns
 */
GListModel *
accord_topic_get_subjects (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->subjects_model, ACCORD_TYPE_SUBJECT, self->subjects);
}

/**
 * accord_topic_get_aspects:
 *
 * Returns: (transfer none): a #GListModel of the #AccordAspect this topic concerns
 */
GListModel *
accord_topic_get_aspects (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->aspects_model, ACCORD_TYPE_ASPECT, self->aspects);
}

/**
 * accord_topic_get_body:
 *
 * Returns: (transfer none): a #GListModel of #AccordBlock
 */
GListModel *
accord_topic_get_body (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->body_model, ACCORD_TYPE_BLOCK, self->body);
}

/**
 * accord_topic_get_related:
 *
 * Returns: (transfer none): a #GListModel of related #AccordTopic; empty once
 *   the pack that holds them is gone
 */
GListModel *
accord_topic_get_related (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->related_model, ACCORD_TYPE_TOPIC, self->related);
}

/**
 * accord_topic_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #AccordSource
 */
GListModel *
accord_topic_get_sources (AccordTopic *self)
{
  g_return_val_if_fail (ACCORD_IS_TOPIC (self), NULL);

  return accord_array_model_cached (&self->sources_model, ACCORD_TYPE_SOURCE, self->sources);
}

void
accord_topic_unlink (AccordTopic *self)
{
  if (self->children != NULL)
    for (guint i = 0; i < self->children->len; i++)
      accord_topic_unlink (g_ptr_array_index (self->children, i));

  clear_array (&self->related);
  g_clear_object (&self->related_model);
}
