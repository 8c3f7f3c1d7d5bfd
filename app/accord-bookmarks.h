/* accord-bookmarks.h: the bookmarks of a pack, kept in the settings
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accord-core.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_BOOKMARK (accord_bookmark_get_type ())
G_DECLARE_FINAL_TYPE (AccordBookmark, accord_bookmark, ACCORD, BOOKMARK, GObject)

const char *accord_bookmark_get_location (AccordBookmark *self);
const char *accord_bookmark_get_title    (AccordBookmark *self);
const char *accord_bookmark_get_kind     (AccordBookmark *self);

char       *accord_location_get_title    (AccordPack     *pack,
                                          const char     *location,
                                          const char    **kind);

#define ACCORD_TYPE_BOOKMARKS (accord_bookmarks_get_type ())
G_DECLARE_FINAL_TYPE (AccordBookmarks, accord_bookmarks, ACCORD, BOOKMARKS, GObject)

AccordBookmarks *accord_bookmarks_new          (void);
void             accord_bookmarks_set_settings (AccordBookmarks *self,
                                                GSettings       *settings);
void             accord_bookmarks_set_pack     (AccordBookmarks *self,
                                                AccordPack      *pack);
GListModel      *accord_bookmarks_get_model    (AccordBookmarks *self);
gboolean         accord_bookmarks_can_bookmark (const char      *location);
gboolean         accord_bookmarks_contains     (AccordBookmarks *self,
                                                const char      *location);
void             accord_bookmarks_add          (AccordBookmarks *self,
                                                const char      *location);
void             accord_bookmarks_remove       (AccordBookmarks *self,
                                                const char      *location);

G_END_DECLS
