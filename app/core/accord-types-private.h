/* accord-types-private.h: instance structures, for the loader only
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader fills these in while it builds a pack; nothing else writes to
 * them. Every GPtrArray here may be NULL, meaning empty.
 */

#pragma once

#include "accord-types.h"

G_BEGIN_DECLS

struct _AccordSource
{
  GObject parent_instance;
  char *id;
  char *title;
  char *publisher;
  char *url;
  char *accessed;
};

struct _AccordSubject
{
  GObject parent_instance;
  char *id;
  char *name;
  char *summary;
  guint position;
  GPtrArray *sources;        /* AccordSource */
  GListModel *sources_model;
};

struct _AccordAspect
{
  GObject parent_instance;
  char *id;
  char *name;
  char *description;
  char *group;
  guint position;
};

struct _AccordCharacteristic
{
  GObject parent_instance;
  AccordSubject *subject;
  AccordAspect *aspect;
  char *text;
  guint64 key;               /* accord_characteristic_key (subject, aspect) */
  GPtrArray *sources;        /* AccordSource */
  GListModel *sources_model;
};

struct _AccordDifference
{
  GObject parent_instance;
  AccordAspect *aspect;      /* nullable */
  char *text;
};

struct _AccordComparison
{
  GObject parent_instance;
  GPtrArray *subjects;       /* AccordSubject */
  char **common;             /* never NULL */
  GPtrArray *differences;    /* AccordDifference */
  GListModel *subjects_model;
  GListModel *differences_model;
};

struct _AccordBlock
{
  GObject parent_instance;
  AccordBlockKind kind;
  char *text;                /* NULL for lists */
  char **items;              /* NULL unless a list */
};

struct _AccordTopic
{
  GObject parent_instance;
  char *id;
  char *title;
  char *summary;
  AccordTopic *parent;       /* unowned; cleared when the parent goes */
  guint depth;               /* 0 for a root topic */
  GPtrArray *children;       /* AccordTopic */
  GPtrArray *subjects;       /* AccordSubject */
  GPtrArray *aspects;        /* AccordAspect */
  GPtrArray *body;           /* AccordBlock */
  GPtrArray *related;        /* AccordTopic, strong: cycles are broken by accord_topic_unlink() */
  GPtrArray *sources;        /* AccordSource */
  GListModel *children_model;
  GListModel *subjects_model;
  GListModel *aspects_model;
  GListModel *body_model;
  GListModel *related_model;
  GListModel *sources_model;
};

static inline guint64
accord_characteristic_key (AccordSubject *subject,
                           AccordAspect  *aspect)
{
  return ((guint64) subject->position << 32) | aspect->position;
}

/* Drops the references between topics (related links can form cycles). */
void accord_topic_unlink (AccordTopic *self);

G_END_DECLS
