/* accord-pack-private.h: the pack's fields, filled in by the loader
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accord-pack.h"

G_BEGIN_DECLS

struct _AccordPack
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *language;
  char *translation_domain;
  GFile *file;                  /* nullable: loaded from bytes */

  GPtrArray *sources;           /* AccordSource, each of these never NULL */
  GPtrArray *subjects;          /* AccordSubject */
  GPtrArray *aspects;           /* AccordAspect */
  GPtrArray *characteristics;   /* AccordCharacteristic */
  GPtrArray *comparisons;       /* AccordComparison */
  GPtrArray *topics;            /* root AccordTopic */
  guint n_topics_total;

  GHashTable *sources_by_id;    /* id → AccordSource (unowned) */
  GHashTable *subjects_by_id;
  GHashTable *aspects_by_id;
  GHashTable *topics_by_id;     /* all topics, nested ones too */
  GHashTable *characteristics_by_key;  /* &characteristic->key → AccordCharacteristic */

  GListModel *sources_model;
  GListModel *subjects_model;
  GListModel *aspects_model;
  GListModel *characteristics_model;
  GListModel *comparisons_model;
  GListModel *topics_model;
};

G_END_DECLS
