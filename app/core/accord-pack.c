/* accord-pack.c: a loaded content pack and its list models
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack is immutable once loaded (see accord-pack-loader.c). Its lists are
 * exposed as GListModels that widgets bind to; lookups by id and the
 * subject × aspect lookup are O(1).
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <string.h>

#include "accord-array-model.h"
#include "accord-pack-private.h"
#include "accord-types-private.h"

G_DEFINE_FINAL_TYPE (AccordPack, accord_pack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accord_pack_dispose (GObject *object)
{
  AccordPack *self = ACCORD_PACK (object);

  /* Related topics may point at each other: break those cycles. */
  if (self->topics != NULL)
    for (guint i = 0; i < self->topics->len; i++)
      accord_topic_unlink (g_ptr_array_index (self->topics, i));

  G_OBJECT_CLASS (accord_pack_parent_class)->dispose (object);
}

static void
accord_pack_finalize (GObject *object)
{
  AccordPack *self = ACCORD_PACK (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->language);
  g_free (self->translation_domain);
  g_clear_object (&self->file);

  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_pointer (&self->subjects_by_id, g_hash_table_unref);
  g_clear_pointer (&self->aspects_by_id, g_hash_table_unref);
  g_clear_pointer (&self->topics_by_id, g_hash_table_unref);
  g_clear_pointer (&self->characteristics_by_key, g_hash_table_unref);

  g_clear_object (&self->sources_model);
  g_clear_object (&self->subjects_model);
  g_clear_object (&self->aspects_model);
  g_clear_object (&self->characteristics_model);
  g_clear_object (&self->comparisons_model);
  g_clear_object (&self->topics_model);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_clear_pointer (&self->aspects, g_ptr_array_unref);
  g_clear_pointer (&self->characteristics, g_ptr_array_unref);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (accord_pack_parent_class)->finalize (object);
}

static void
accord_pack_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AccordPack *self = ACCORD_PACK (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_pack_class_init (AccordPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = accord_pack_dispose;
  object_class->finalize = accord_pack_finalize;
  object_class->get_property = accord_pack_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_pack_init (AccordPack *self)
{
}

const char *accord_pack_get_id (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->id; }
const char *accord_pack_get_title (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->title; }
const char *accord_pack_get_description (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->description; }
/* A BCP 47 tag; "en" when the pack does not say. */
const char *accord_pack_get_language (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->language; }
const char *accord_pack_get_translation_domain (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->translation_domain; }
/**
 * accord_pack_is_right_to_left:
 *
 * Whether the pack's own text is written right to left, from its language
 * (its script subtag when it has one: `ku-Arab` is, `az-Latn` is not).
 */
gboolean
accord_pack_is_right_to_left (AccordPack *self)
{
  static const char * const rtl_languages[] = {
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi", NULL
  };
  static const char * const rtl_scripts[] = { "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", NULL };
  g_auto(GStrv) subtags = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (ACCORD_IS_PACK (self), FALSE);

  lower = g_ascii_strdown (self->language, -1);
  subtags = g_strsplit (lower, "-", -1);

  /* A script subtag is four letters and decides on its own. */
  for (guint i = 1; subtags[i] != NULL; i++)
    if (strlen (subtags[i]) == 4 && g_ascii_isalpha (subtags[i][0]))
      return g_strv_contains (rtl_scripts, subtags[i]);

  return g_strv_contains (rtl_languages, subtags[0]);
}

/* The file the pack was loaded from, or NULL. */
GFile *accord_pack_get_file (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), NULL); return self->file; }
/* All topics, nested ones included. */
guint accord_pack_get_n_topics_total (AccordPack *self) { g_return_val_if_fail (ACCORD_IS_PACK (self), 0); return self->n_topics_total; }

/**
 * accord_pack_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #AccordSource in pack order
 */
GListModel *
accord_pack_get_sources (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->sources_model, ACCORD_TYPE_SOURCE, self->sources);
}

/**
 * accord_pack_get_subjects:
 *
 * Returns: (transfer none): a #GListModel of #AccordSubject in display order
 */
GListModel *
accord_pack_get_subjects (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->subjects_model, ACCORD_TYPE_SUBJECT, self->subjects);
}

/**
 * accord_pack_get_aspects:
 *
 * Returns: (transfer none): a #GListModel of #AccordAspect in pack order
 */
GListModel *
accord_pack_get_aspects (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->aspects_model, ACCORD_TYPE_ASPECT, self->aspects);
}

/**
 * accord_pack_get_characteristics:
 *
 * Returns: (transfer none): a #GListModel of #AccordCharacteristic in pack order
 */
GListModel *
accord_pack_get_characteristics (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->characteristics_model, ACCORD_TYPE_CHARACTERISTIC,
                                    self->characteristics);
}

/**
 * accord_pack_get_comparisons:
 *
 * Returns: (transfer none): a #GListModel of #AccordComparison
 */
GListModel *
accord_pack_get_comparisons (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->comparisons_model, ACCORD_TYPE_COMPARISON, self->comparisons);
}

/**
 * accord_pack_get_topics:
 *
 * The root of the topic tree; each #AccordTopic has its own children model.
 *
 * Returns: (transfer none): a #GListModel of the root #AccordTopic
 */
GListModel *
accord_pack_get_topics (AccordPack *self)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return accord_array_model_cached (&self->topics_model, ACCORD_TYPE_TOPIC, self->topics);
}

/**
 * accord_pack_lookup_source:
 *
 * Returns: (transfer none) (nullable): the source with that id
 */
AccordSource *
accord_pack_lookup_source (AccordPack *self,
                           const char *id)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->sources_by_id, id) : NULL;
}

/**
 * accord_pack_lookup_subject:
 *
 * Returns: (transfer none) (nullable): the subject with that id
 */
AccordSubject *
accord_pack_lookup_subject (AccordPack *self,
                            const char *id)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->subjects_by_id, id) : NULL;
}

/**
 * accord_pack_lookup_aspect:
 *
 * Returns: (transfer none) (nullable): the aspect with that id
 */
AccordAspect *
accord_pack_lookup_aspect (AccordPack *self,
                           const char *id)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->aspects_by_id, id) : NULL;
}

/**
 * accord_pack_lookup_topic:
 *
 * Finds a topic at any depth of the tree.
 *
 * Returns: (transfer none) (nullable): the topic with that id
 */
AccordTopic *
accord_pack_lookup_topic (AccordPack *self,
                          const char *id)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->topics_by_id, id) : NULL;
}

/**
 * accord_pack_get_characteristic:
 *
 * What the pack says about @subject on @aspect, in O(1).
 *
 * Returns: (transfer none) (nullable): the characteristic, or %NULL when the
 *   pack does not cover that pair
 */
AccordCharacteristic *
accord_pack_get_characteristic (AccordPack    *self,
                                AccordSubject *subject,
                                AccordAspect  *aspect)
{
  guint64 key;

  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);
  g_return_val_if_fail (ACCORD_IS_SUBJECT (subject), NULL);
  g_return_val_if_fail (ACCORD_IS_ASPECT (aspect), NULL);

  key = accord_characteristic_key (subject, aspect);
  return g_hash_table_lookup (self->characteristics_by_key, &key);
}

/**
 * accord_pack_find_comparison:
 *
 * Returns: (transfer none) (nullable): the first comparison that involves
 *   both subjects
 */
AccordComparison *
accord_pack_find_comparison (AccordPack    *self,
                             AccordSubject *first,
                             AccordSubject *second)
{
  g_return_val_if_fail (ACCORD_IS_PACK (self), NULL);

  for (guint i = 0; self->comparisons != NULL && i < self->comparisons->len; i++)
    {
      AccordComparison *comparison = g_ptr_array_index (self->comparisons, i);

      if (accord_comparison_involves (comparison, first) &&
          accord_comparison_involves (comparison, second))
        return comparison;
    }

  return NULL;
}
