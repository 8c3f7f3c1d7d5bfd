/* accord-compare.c: lining subjects up aspect by aspect
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are computed once, when the model is made: a pack never changes,
 * so a new choice of subjects simply means a new model. See accord-compare.h
 * for what each mark means.
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "accord-array-model.h"
#include "accord-compare.h"
#include "accord-i18n.h"

G_DEFINE_ENUM_TYPE (AccordMark, accord_mark,
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_COMMON, "common"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_DIFFERS, "differs"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_ONLY, "only"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_NONE, "none"))

struct _AccordCompareRow
{
  GObject parent_instance;

  AccordAspect *aspect;
  AccordMark mark;
  char *difference;
  GPtrArray *values;    /* AccordCharacteristic or NULL, one per chosen subject */
  GPtrArray *covering;  /* AccordSubject */
  GListModel *covering_model;
};

enum { PROP_0, PROP_ASPECT, PROP_MARK, PROP_DIFFERENCE, PROP_COVERING, PROP_N_VALUES, N_PROPS };

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordCompareRow, accord_compare_row, G_TYPE_OBJECT)

static void
accord_compare_row_finalize (GObject *object)
{
  AccordCompareRow *self = ACCORD_COMPARE_ROW (object);

  g_clear_object (&self->aspect);
  g_free (self->difference);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->covering, g_ptr_array_unref);
  g_clear_object (&self->covering_model);

  G_OBJECT_CLASS (accord_compare_row_parent_class)->finalize (object);
}

static void
accord_compare_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AccordCompareRow *self = ACCORD_COMPARE_ROW (object);

  switch (prop_id)
    {
    case PROP_ASPECT: g_value_set_object (value, self->aspect); break;
    case PROP_MARK: g_value_set_enum (value, self->mark); break;
    case PROP_DIFFERENCE: g_value_set_string (value, self->difference); break;
    case PROP_COVERING: g_value_set_object (value, accord_compare_row_get_covering (self)); break;
    case PROP_N_VALUES: g_value_set_uint (value, self->values->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_compare_row_class_init (AccordCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_compare_row_finalize;
  object_class->get_property = accord_compare_row_get_property;

  properties[PROP_ASPECT] = g_param_spec_object ("aspect", NULL, NULL, ACCORD_TYPE_ASPECT, flags);
  properties[PROP_MARK] = g_param_spec_enum ("mark", NULL, NULL, ACCORD_TYPE_MARK, ACCORD_MARK_NONE, flags);
  properties[PROP_DIFFERENCE] = g_param_spec_string ("difference", NULL, NULL, NULL, flags);
  properties[PROP_COVERING] = g_param_spec_object ("covering", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_VALUES] = g_param_spec_uint ("n-values", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
accord_compare_row_init (AccordCompareRow *self)
{
  self->mark = ACCORD_MARK_NONE;
  self->values = g_ptr_array_new_with_free_func (unref_nullable);
  self->covering = g_ptr_array_new_with_free_func (g_object_unref);
}

AccordAspect *
accord_compare_row_get_aspect (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), NULL);

  return self->aspect;
}

AccordMark
accord_compare_row_get_mark (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), ACCORD_MARK_NONE);

  return self->mark;
}

/* As many as there were chosen subjects. */
guint
accord_compare_row_get_n_values (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), 0);

  return self->values->len;
}

/**
 * accord_compare_row_get_value:
 * @index: the chosen subject's index, below accord_compare_row_get_n_values()
 *
 * Returns: (transfer none) (nullable): what the pack says about that subject
 *   on this row's aspect, or %NULL when it does not cover it
 */
AccordCharacteristic *
accord_compare_row_get_value (AccordCompareRow *self,
                              guint             index)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), NULL);
  g_return_val_if_fail (index < self->values->len, NULL);

  return g_ptr_array_index (self->values, index);
}

/**
 * accord_compare_row_get_covering:
 *
 * Returns: (transfer none): a #GListModel of the chosen #AccordSubject that
 *   cover this row's aspect, in the order they were chosen
 */
GListModel *
accord_compare_row_get_covering (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), NULL);

  return accord_array_model_cached (&self->covering_model, ACCORD_TYPE_SUBJECT, self->covering);
}

/**
 * accord_compare_row_get_difference:
 *
 * Returns: (nullable): how the subjects differ on this aspect, according to
 *   the pack's comparisons (several are separated by a line break), or %NULL
 */
const char *
accord_compare_row_get_difference (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), NULL);

  return self->difference;
}

/**
 * accord_compare_join_names:
 * @subjects: (element-type AccordSubject): subjects
 *
 * Their names as a list for people ("Peacekeeping and Diplomacy"), each
 * isolated: a right-to-left override in one cannot run into the next or
 * the sentence around them.
 *
 * Returns: (transfer full): the list ("" for none)
 */
char *
accord_compare_join_names (GListModel *subjects)
{
  guint n = g_list_model_get_n_items (subjects);
  g_auto(GStrv) names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, i);

      names[i] = accord_i18n_isolate (accord_subject_get_name (subject));
    }

  return accord_i18n_join_list ((const char * const *) names);
}

/**
 * accord_compare_row_describe_mark:
 *
 * The row's mark in words, as the Compare view and printed summaries show
 * it: "Common ground", "Differs", "Only Peacekeeping" or "Not covered".
 *
 * Returns: (transfer full): the words
 */
char *
accord_compare_row_describe_mark (AccordCompareRow *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_ROW (self), NULL);

  switch (self->mark)
    {
    case ACCORD_MARK_COMMON:
      /* Translators: a mark in the Compare view: the subjects agree on this aspect */
      return g_strdup (_("Common ground"));

    case ACCORD_MARK_DIFFERS:
      /* Translators: a mark in the Compare view: the subjects differ on this aspect */
      return g_strdup (_("Differs"));

    case ACCORD_MARK_ONLY:
      {
        g_autofree char *names = accord_compare_join_names (accord_compare_row_get_covering (self));

        /* Translators: a mark in the Compare view: only these subjects
         * (one name, or a list such as "Peacekeeping and Diplomacy") cover the aspect */
        return g_strdup_printf (_("Only %s"), names);
      }

    case ACCORD_MARK_NONE:
    default:
      /* Translators: a mark in the Compare view: no chosen subject covers the aspect */
      return g_strdup (_("Not covered"));
    }
}

/* Computing rows */

static GPtrArray *
collect_subjects (GListModel *subjects,
                  guint      *n_distinct)
{
  guint n = subjects != NULL ? g_list_model_get_n_items (subjects) : 0;
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  *n_distinct = 0;
  for (guint i = 0; i < n; i++)
    {
      AccordSubject *subject = g_list_model_get_item (subjects, i);

      if (!g_ptr_array_find (array, subject, NULL))
        (*n_distinct)++;
      g_ptr_array_add (array, subject);
    }

  return array;
}

/* The comparisons that involve every chosen subject, in pack order; empty
 * unless at least two distinct subjects are chosen. */
static GPtrArray *
find_comparisons (AccordPack *pack,
                  GPtrArray  *chosen,
                  guint       n_distinct)
{
  GListModel *comparisons = accord_pack_get_comparisons (pack);
  guint n = g_list_model_get_n_items (comparisons);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  if (n_distinct < 2)
    return found;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordComparison) comparison = g_list_model_get_item (comparisons, i);
      gboolean all = TRUE;

      for (guint j = 0; all && j < chosen->len; j++)
        all = accord_comparison_involves (comparison, g_ptr_array_index (chosen, j));

      if (all)
        g_ptr_array_add (found, g_steal_pointer (&comparison));
    }

  return found;
}

static void
add_unique (GPtrArray  *strings,
            const char *text)
{
  if (!g_ptr_array_find_with_equal_func (strings, text, g_str_equal, NULL))
    g_ptr_array_add (strings, g_strdup (text));
}

static char **
to_strv (GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

/* Text folded for "do they say the same thing": NFC, case-folded, white
 * space runs made one space, outer white space gone. */
static char *
fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normalized != NULL ? normalized : text, -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
texts_agree (AccordCompareRow *row)
{
  g_autofree char *first = NULL;

  for (guint i = 0; i < row->values->len; i++)
    {
      g_autofree char *folded = fold_text (accord_characteristic_get_text (g_ptr_array_index (row->values, i)));

      if (first == NULL)
        first = g_steal_pointer (&folded);
      else if (g_strcmp0 (first, folded) != 0)
        return FALSE;
    }

  return TRUE;
}

/* aspect → GPtrArray of difference texts, from every comparison found. */
static GHashTable *
index_differences (GPtrArray *comparisons)
{
  GHashTable *by_aspect = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < comparisons->len; i++)
    {
      GListModel *differences = accord_comparison_get_differences (g_ptr_array_index (comparisons, i));
      guint n = g_list_model_get_n_items (differences);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(AccordDifference) difference = g_list_model_get_item (differences, j);
          AccordAspect *aspect = accord_difference_get_aspect (difference);
          GPtrArray *texts;

          if (aspect == NULL)
            continue;

          texts = g_hash_table_lookup (by_aspect, aspect);
          if (texts == NULL)
            {
              texts = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (by_aspect, aspect, texts);
            }
          add_unique (texts, accord_difference_get_text (difference));
        }
    }

  return by_aspect;
}

static AccordCompareRow *
make_row (AccordPack   *pack,
          AccordAspect *aspect,
          GPtrArray    *chosen,
          gboolean      have_comparison,
          GPtrArray    *difference_texts)
{
  AccordCompareRow *row = g_object_new (ACCORD_TYPE_COMPARE_ROW, NULL);

  row->aspect = g_object_ref (aspect);

  for (guint i = 0; i < chosen->len; i++)
    {
      AccordSubject *subject = g_ptr_array_index (chosen, i);
      AccordCharacteristic *value = accord_pack_get_characteristic (pack, subject, aspect);

      g_ptr_array_add (row->values, value != NULL ? g_object_ref (value) : NULL);
      if (value != NULL && !g_ptr_array_find (row->covering, subject, NULL))
        g_ptr_array_add (row->covering, g_object_ref (subject));
    }

  if (difference_texts != NULL)
    {
      g_ptr_array_add (difference_texts, NULL);
      row->difference = g_strjoinv ("\n", (char **) difference_texts->pdata);
      g_ptr_array_remove_index (difference_texts, difference_texts->len - 1);
    }

  if (row->covering->len == 0)
    row->mark = ACCORD_MARK_NONE;
  else if (chosen->len < 2)
    row->mark = ACCORD_MARK_ONLY;
  else
    {
      gboolean all = TRUE;

      for (guint i = 0; all && i < row->values->len; i++)
        all = g_ptr_array_index (row->values, i) != NULL;

      if (!all)
        row->mark = ACCORD_MARK_ONLY;
      else if (have_comparison)
        row->mark = difference_texts != NULL ? ACCORD_MARK_DIFFERS : ACCORD_MARK_COMMON;
      else
        row->mark = texts_agree (row) ? ACCORD_MARK_COMMON : ACCORD_MARK_DIFFERS;
    }

  return row;
}

/**
 * accord_compare_rows_new:
 * @pack: a pack
 * @subjects: (nullable): a #GListModel of the chosen #AccordSubject of @pack
 *
 * Lines the chosen subjects up: one #AccordCompareRow per aspect of @pack, in
 * pack order, with the values in the order of @subjects.
 *
 * Returns: (transfer full): an immutable #GListModel of #AccordCompareRow
 */
GListModel *
accord_compare_rows_new (AccordPack *pack,
                         GListModel *subjects)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(GHashTable) differences = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *aspects;
  guint n_distinct, n_aspects;

  g_return_val_if_fail (ACCORD_IS_PACK (pack), NULL);
  g_return_val_if_fail (subjects == NULL || G_IS_LIST_MODEL (subjects), NULL);

  chosen = collect_subjects (subjects, &n_distinct);
  comparisons = find_comparisons (pack, chosen, n_distinct);
  differences = index_differences (comparisons);

  aspects = accord_pack_get_aspects (pack);
  n_aspects = g_list_model_get_n_items (aspects);
  rows = g_ptr_array_new_full (n_aspects, g_object_unref);

  for (guint i = 0; i < n_aspects; i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);

      g_ptr_array_add (rows, make_row (pack, aspect, chosen, comparisons->len > 0,
                                       g_hash_table_lookup (differences, aspect)));
    }

  return G_LIST_MODEL (accord_array_model_new (ACCORD_TYPE_COMPARE_ROW, rows));
}

/* The pack's comparisons that involve every subject of @subjects. */
static GPtrArray *
comparisons_involving (AccordPack *pack,
                       GListModel *subjects)
{
  g_autoptr(GPtrArray) chosen = NULL;
  guint n_distinct;

  chosen = collect_subjects (subjects, &n_distinct);
  return find_comparisons (pack, chosen, n_distinct);
}

/**
 * accord_compare_get_common:
 * @pack: a pack
 * @subjects: (nullable): a #GListModel of the chosen #AccordSubject of @pack
 *
 * Returns: (transfer full): the common points of every comparison that
 *   involves all the chosen subjects, in pack order without repeats; an empty
 *   array when there are none
 */
char **
accord_compare_get_common (AccordPack *pack,
                           GListModel *subjects)
{
  g_autoptr(GPtrArray) comparisons = NULL;
  GPtrArray *points;

  g_return_val_if_fail (ACCORD_IS_PACK (pack), NULL);
  g_return_val_if_fail (subjects == NULL || G_IS_LIST_MODEL (subjects), NULL);

  comparisons = comparisons_involving (pack, subjects);
  points = g_ptr_array_new ();

  for (guint i = 0; i < comparisons->len; i++)
    {
      const char * const *common = accord_comparison_get_common (g_ptr_array_index (comparisons, i));

      for (guint j = 0; common != NULL && common[j] != NULL; j++)
        add_unique (points, common[j]);
    }

  return to_strv (points);
}

/**
 * accord_compare_get_general_differences:
 * @pack: a pack
 * @subjects: (nullable): a #GListModel of the chosen #AccordSubject of @pack
 *
 * Returns: (transfer full): the differences that concern no particular
 *   aspect, from every comparison that involves all the chosen subjects, in
 *   pack order without repeats; an empty array when there are none
 */
char **
accord_compare_get_general_differences (AccordPack *pack,
                                        GListModel *subjects)
{
  g_autoptr(GPtrArray) comparisons = NULL;
  GPtrArray *texts;

  g_return_val_if_fail (ACCORD_IS_PACK (pack), NULL);
  g_return_val_if_fail (subjects == NULL || G_IS_LIST_MODEL (subjects), NULL);

  comparisons = comparisons_involving (pack, subjects);
  texts = g_ptr_array_new ();

  for (guint i = 0; i < comparisons->len; i++)
    {
      GListModel *differences = accord_comparison_get_differences (g_ptr_array_index (comparisons, i));
      guint n = g_list_model_get_n_items (differences);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(AccordDifference) difference = g_list_model_get_item (differences, j);

          if (accord_difference_get_aspect (difference) == NULL)
            add_unique (texts, accord_difference_get_text (difference));
        }
    }

  return to_strv (texts);
}
