/* accord-bookmarks.c: the bookmarks of a pack, kept in the settings
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bookmark is a location (topic:ID, aspect:ID, subject:ID or
 * compare:A,B[,C…]) kept under the id of its pack, in the `bookmarks`
 * setting (a{sas}). Keyed by pack id, not by file: a pack that moves or
 * is opened from elsewhere keeps its bookmarks.
 *
 * AccordBookmarks shows the bookmarks of one pack as a list model of
 * AccordBookmark, in the order they were made. Bookmarks whose place the
 * pack no longer has (a topic renamed or removed) are hidden, and kept:
 * they come back if the place does. Every window has its own
 * AccordBookmarks; they follow each other through the settings. Without
 * settings (no schema) the bookmarks live as long as the object.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-bookmarks.h"

/* AccordBookmark: one row of the list */

struct _AccordBookmark
{
  GObject parent_instance;

  char *location;
  char *title;
  char *kind;
};

G_DEFINE_FINAL_TYPE (AccordBookmark, accord_bookmark, G_TYPE_OBJECT)

enum { BOOKMARK_PROP_0, BOOKMARK_PROP_LOCATION, BOOKMARK_PROP_TITLE, BOOKMARK_PROP_KIND, BOOKMARK_N_PROPS };

static GParamSpec *bookmark_properties[BOOKMARK_N_PROPS];

static void
accord_bookmark_finalize (GObject *object)
{
  AccordBookmark *self = ACCORD_BOOKMARK (object);

  g_free (self->location);
  g_free (self->title);
  g_free (self->kind);

  G_OBJECT_CLASS (accord_bookmark_parent_class)->finalize (object);
}

static void
accord_bookmark_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordBookmark *self = ACCORD_BOOKMARK (object);

  switch (prop_id)
    {
    case BOOKMARK_PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case BOOKMARK_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case BOOKMARK_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_bookmark_class_init (AccordBookmarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accord_bookmark_finalize;
  object_class->get_property = accord_bookmark_get_property;

  bookmark_properties[BOOKMARK_PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  bookmark_properties[BOOKMARK_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  bookmark_properties[BOOKMARK_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, BOOKMARK_N_PROPS, bookmark_properties);
}

static void
accord_bookmark_init (AccordBookmark *self)
{
}

const char *
accord_bookmark_get_location (AccordBookmark *self)
{
  g_return_val_if_fail (ACCORD_IS_BOOKMARK (self), NULL);

  return self->location;
}

/* The title of what the bookmark shows, from the pack: plain text. */
const char *
accord_bookmark_get_title (AccordBookmark *self)
{
  g_return_val_if_fail (ACCORD_IS_BOOKMARK (self), NULL);

  return self->title;
}

/* What kind of place it is, for people: "Topic", "Aspect"… */
const char *
accord_bookmark_get_kind (AccordBookmark *self)
{
  g_return_val_if_fail (ACCORD_IS_BOOKMARK (self), NULL);

  return self->kind;
}

/* The names of the subjects @ids, as a list for people; NULL unless there
 * are at least two and the pack has them all. */
static char *
join_subjects (AccordPack  *pack,
               const char  *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
  guint n = g_strv_length (parts);
  g_autofree const char **names = NULL;

  if (n < 2)
    return NULL;

  names = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      AccordSubject *subject = accord_pack_lookup_subject (pack, parts[i]);

      if (subject == NULL)
        return NULL;
      names[i] = accord_subject_get_name (subject);
    }

  return accord_i18n_join_list (names);
}

/**
 * accord_location_get_title:
 * @pack: the pack @location is in
 * @location: a place in the window ("topic:ID", "compare:ID,ID"…)
 * @kind: (out) (optional): what kind of place it is, for people ("Topic")
 *
 * The title of what @location shows, from @pack: a topic's title, an
 * aspect's or a subject's name, the names of the subjects compared. Plain
 * text.
 *
 * Returns: (nullable): the title, or %NULL for a place without one of its
 *   own (the start page, a view) or that @pack lacks
 */
char *
accord_location_get_title (AccordPack  *pack,
                           const char  *location,
                           const char **kind)
{
  char *title = NULL;
  const char *its_kind = NULL;

  g_return_val_if_fail (ACCORD_IS_PACK (pack), NULL);

  if (location == NULL)
    return NULL;

  if (g_str_has_prefix (location, "topic:"))
    {
      AccordTopic *topic = accord_pack_lookup_topic (pack, location + strlen ("topic:"));

      if (topic != NULL)
        {
          title = g_strdup (accord_topic_get_title (topic));
          /* Translators: what a bookmark points to, shown under its title */
          its_kind = C_("bookmark", "Topic");
        }
    }
  else if (g_str_has_prefix (location, "aspect:"))
    {
      AccordAspect *aspect = accord_pack_lookup_aspect (pack, location + strlen ("aspect:"));

      if (aspect != NULL)
        {
          title = g_strdup (accord_aspect_get_name (aspect));
          /* Translators: what a bookmark points to, shown under its title */
          its_kind = C_("bookmark", "Aspect");
        }
    }
  else if (g_str_has_prefix (location, "subject:"))
    {
      AccordSubject *subject = accord_pack_lookup_subject (pack, location + strlen ("subject:"));

      if (subject != NULL)
        {
          title = g_strdup (accord_subject_get_name (subject));
          /* Translators: what a bookmark points to, shown under its title */
          its_kind = C_("bookmark", "Subject");
        }
    }
  else if (g_str_has_prefix (location, "compare:"))
    {
      title = join_subjects (pack, location + strlen ("compare:"));
      /* Translators: what a bookmark points to, shown under its title */
      its_kind = C_("bookmark", "Comparison");
    }

  if (kind != NULL)
    *kind = title != NULL ? its_kind : NULL;
  return title;
}

/* A bookmark for @location in @pack, or NULL when the pack has no such place. */
static AccordBookmark *
bookmark_new (AccordPack *pack,
              const char *location)
{
  g_autofree char *title = NULL;
  const char *kind = NULL;
  AccordBookmark *self;

  title = accord_location_get_title (pack, location, &kind);
  if (title == NULL)
    return NULL;

  self = g_object_new (ACCORD_TYPE_BOOKMARK, NULL);
  self->location = g_strdup (location);
  self->title = g_steal_pointer (&title);
  self->kind = g_strdup (kind);

  return self;
}

/* AccordBookmarks: those of one pack */

struct _AccordBookmarks
{
  GObject parent_instance;

  GSettings *settings;      /* nullable */
  GVariant *memory;         /* a{sas}: the bookmarks without settings */
  AccordPack *pack;         /* nullable */
  GListStore *store;        /* of AccordBookmark */
};

G_DEFINE_FINAL_TYPE (AccordBookmarks, accord_bookmarks, G_TYPE_OBJECT)

static GVariant *
get_all (AccordBookmarks *self)
{
  if (self->settings != NULL)
    return g_settings_get_value (self->settings, "bookmarks");

  return g_variant_ref (self->memory);
}

/* The stored locations of the current pack, hidden ones included. */
static GStrv
get_locations (AccordBookmarks *self)
{
  g_autoptr(GVariant) all = NULL;
  g_auto(GStrv) locations = NULL;

  if (self->pack == NULL)
    return g_new0 (char *, 1);

  all = get_all (self);
  if (!g_variant_lookup (all, accord_pack_get_id (self->pack), "^as", &locations))
    return g_new0 (char *, 1);

  return g_steal_pointer (&locations);
}

static void
reload (AccordBookmarks *self)
{
  g_auto(GStrv) locations = get_locations (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean same;

  for (guint i = 0; self->pack != NULL && locations[i] != NULL; i++)
    {
      AccordBookmark *bookmark = bookmark_new (self->pack, locations[i]);

      if (bookmark != NULL)
        g_ptr_array_add (items, bookmark);
    }

  /* Only tell the list when something changed, so rows keep their focus. */
  same = n_old == items->len;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(AccordBookmark) old = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      AccordBookmark *new = g_ptr_array_index (items, i);

      same = g_str_equal (old->location, new->location) && g_str_equal (old->title, new->title);
    }
  if (same)
    return;

  g_list_store_splice (self->store, 0, n_old, items->pdata, items->len);
}

/* Stores @locations as the current pack's bookmarks. */
static void
set_locations (AccordBookmarks    *self,
               const char * const *locations)
{
  g_autoptr(GVariant) old = get_all (self);
  const char *pack_id = accord_pack_get_id (self->pack);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *id;
  GVariant *value;
  GVariant *all;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &id, &value))
    {
      if (!g_str_equal (id, pack_id))
        g_variant_builder_add (&builder, "{s@as}", id, value);
      g_variant_unref (value);
    }
  if (locations[0] != NULL)
    g_variant_builder_add (&builder, "{s^as}", pack_id, locations);
  all = g_variant_ref_sink (g_variant_builder_end (&builder));

  if (self->settings != NULL)
    g_settings_set_value (self->settings, "bookmarks", all);
  else
    {
      g_variant_unref (self->memory);
      self->memory = g_variant_ref (all);
    }
  g_variant_unref (all);

  reload (self);
}

/**
 * accord_bookmarks_can_bookmark:
 * @location: a window location
 *
 * Returns: whether @location is a place that can be bookmarked: a topic,
 *   an aspect, a subject or a comparison (not the home page or the table)
 */
gboolean
accord_bookmarks_can_bookmark (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "topic:") || g_str_has_prefix (location, "aspect:") ||
          g_str_has_prefix (location, "subject:") || g_str_has_prefix (location, "compare:"));
}

/**
 * accord_bookmarks_contains:
 *
 * Returns: whether @location is among the shown bookmarks
 */
gboolean
accord_bookmarks_contains (AccordBookmarks *self,
                           const char      *location)
{
  GListModel *model;

  g_return_val_if_fail (ACCORD_IS_BOOKMARKS (self), FALSE);

  model = G_LIST_MODEL (self->store);
  for (guint i = 0; location != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordBookmark) bookmark = g_list_model_get_item (model, i);

      if (g_str_equal (bookmark->location, location))
        return TRUE;
    }

  return FALSE;
}

/**
 * accord_bookmarks_add:
 * @location: a place of the current pack
 *
 * Bookmarks @location, last in the list. Does nothing for a place that
 * cannot be bookmarked or is already.
 */
void
accord_bookmarks_add (AccordBookmarks *self,
                      const char      *location)
{
  g_auto(GStrv) locations = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) added = NULL;

  g_return_if_fail (ACCORD_IS_BOOKMARKS (self));

  if (self->pack == NULL || !accord_bookmarks_can_bookmark (location))
    return;

  locations = get_locations (self);
  if (g_strv_contains ((const char * const *) locations, location))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) locations);
  g_strv_builder_add (builder, location);
  added = g_strv_builder_end (builder);
  set_locations (self, (const char * const *) added);
}

/**
 * accord_bookmarks_remove:
 * @location: a bookmarked place of the current pack
 */
void
accord_bookmarks_remove (AccordBookmarks *self,
                         const char      *location)
{
  g_auto(GStrv) locations = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;

  g_return_if_fail (ACCORD_IS_BOOKMARKS (self));

  if (self->pack == NULL || location == NULL)
    return;

  locations = get_locations (self);
  if (!g_strv_contains ((const char * const *) locations, location))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; locations[i] != NULL; i++)
    if (!g_str_equal (locations[i], location))
      g_strv_builder_add (builder, locations[i]);
  kept = g_strv_builder_end (builder);
  set_locations (self, (const char * const *) kept);
}

/**
 * accord_bookmarks_get_model:
 *
 * Returns: (transfer none): the bookmarks of the pack that it has the
 *   places of, as AccordBookmark
 */
GListModel *
accord_bookmarks_get_model (AccordBookmarks *self)
{
  g_return_val_if_fail (ACCORD_IS_BOOKMARKS (self), NULL);

  return G_LIST_MODEL (self->store);
}

void
accord_bookmarks_set_pack (AccordBookmarks *self,
                           AccordPack      *pack)
{
  g_return_if_fail (ACCORD_IS_BOOKMARKS (self));

  if (g_set_object (&self->pack, pack))
    reload (self);
}

/**
 * accord_bookmarks_set_settings:
 * @settings: (nullable): Accord's settings, or %NULL to keep bookmarks in memory
 */
void
accord_bookmarks_set_settings (AccordBookmarks *self,
                               GSettings       *settings)
{
  g_return_if_fail (ACCORD_IS_BOOKMARKS (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (!g_set_object (&self->settings, settings))
    return;

  /* Another window, or another Accord, changed them. */
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::bookmarks", G_CALLBACK (reload), self);
  reload (self);
}

static void
accord_bookmarks_dispose (GObject *object)
{
  AccordBookmarks *self = ACCORD_BOOKMARKS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_bookmarks_parent_class)->dispose (object);
}

static void
accord_bookmarks_finalize (GObject *object)
{
  AccordBookmarks *self = ACCORD_BOOKMARKS (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->memory, g_variant_unref);

  G_OBJECT_CLASS (accord_bookmarks_parent_class)->finalize (object);
}

static void
accord_bookmarks_class_init (AccordBookmarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accord_bookmarks_dispose;
  object_class->finalize = accord_bookmarks_finalize;
}

static void
accord_bookmarks_init (AccordBookmarks *self)
{
  self->store = g_list_store_new (ACCORD_TYPE_BOOKMARK);
  self->memory = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sas}"), NULL, 0));
}

AccordBookmarks *
accord_bookmarks_new (void)
{
  return g_object_new (ACCORD_TYPE_BOOKMARKS, NULL);
}
