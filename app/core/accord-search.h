/* accord-search.h: full-text search over a pack's topics
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inverted index is built once per pack, from every topic's title,
 * summary and body, with words folded for case and accents. Each query word
 * must be the prefix of some word of the topic. Matches rank by where they
 * are found: title before summary before body.
 */

#pragma once

#include "accord-pack.h"

G_BEGIN_DECLS

typedef enum
{
  ACCORD_SEARCH_NO_MATCH = 0,
  ACCORD_SEARCH_IN_BODY = 1,
  ACCORD_SEARCH_IN_SUMMARY = 2,
  ACCORD_SEARCH_IN_TITLE = 3,
} AccordSearchRank;

typedef struct _AccordSearchIndex AccordSearchIndex;

AccordSearchIndex *accord_search_index_new     (AccordPack        *pack);
AccordSearchIndex *accord_search_index_ref     (AccordSearchIndex *self);
void               accord_search_index_unref   (AccordSearchIndex *self);

/* Runs @query. Returns the number of matching topics. An empty query
 * matches nothing. */
guint              accord_search_index_query   (AccordSearchIndex *self,
                                                const char        *query);
/* For the last query: how well @topic itself matches. */
AccordSearchRank   accord_search_index_rank    (AccordSearchIndex *self,
                                                AccordTopic       *topic);
/* For the last query: the best rank of @topic and its descendants, so a
 * tree can keep the ancestors of every match. */
AccordSearchRank   accord_search_index_subtree_rank (AccordSearchIndex *self,
                                                     AccordTopic       *topic);
/* The matching topics of the last query, best first, then in tree order. */
GPtrArray         *accord_search_index_results (AccordSearchIndex *self);

/* Each word of @text, folded as the index folds it, after a space. */
void               accord_search_append_folded (GString           *out,
                                                const char        *text);

/* Where @query matches in @text: start and end byte offsets of each word. */
GArray            *accord_search_match_words   (const char        *text,
                                                const char        *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordSearchIndex, accord_search_index_unref)

G_END_DECLS
