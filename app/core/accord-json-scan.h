/* accord-json-scan.h: strict JSON checks on raw bytes, and path → position lookup
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 (Debian 12) has no nesting limit (deep input overflows its
 * stack), accepts some non-JSON (comments, single quotes, leading zeros, more
 * than one top-level value) and cannot tell where a node came from. This file
 * closes those gaps without building a tree:
 *
 *  - accord_json_check() validates the bytes against RFC 8259 (strictly) and
 *    the pack limits, in one pass, before JsonParser sees them;
 *  - accord_json_locate() re-scans valid bytes to find the byte offsets of a
 *    set of JSON paths, which is how schema errors get their line:col. It only
 *    runs when there is something to report.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ACCORD_JSON_MAX_DEPTH 64

typedef struct
{
  gsize   offset;   /* byte offset of the problem */
  int     code;     /* an AccordPackError code */
  char   *message;  /* translated, without position */
  char   *path;     /* where in the document, e.g. `topics[2].title` */
} AccordJsonProblem;

void     accord_json_problem_clear  (AccordJsonProblem *problem);

/* Told every few thousand values how far a check has come. */
typedef void (*AccordJsonProgressFunc) (gsize    offset,
                                        gpointer user_data);

gboolean accord_json_check          (const char            *data,
                                     gsize                  length,
                                     GCancellable          *cancellable,
                                     AccordJsonProgressFunc progress,
                                     gpointer               progress_data,
                                     guint                 *n_objects,
                                     AccordJsonProblem     *problem);

/* Where a path was found: the offset of its member name (for array elements
 * and the root, the same as the value's) and of its value. */
typedef struct
{
  gsize    key_offset;
  gsize    value_offset;
  gboolean found;
} AccordJsonLocation;

/* @wanted maps canonical path strings (see accord_json_path_append_*) to
 * AccordJsonLocation structs that are filled in. @data must have passed
 * accord_json_check(). */
void     accord_json_locate         (const char        *data,
                                     gsize              length,
                                     GHashTable        *wanted);

void     accord_json_offset_to_position (const char    *data,
                                         gsize          length,
                                         gsize          offset,
                                         guint         *line,
                                         guint         *column);

/* Canonical JSON paths as shown in messages: `topics[3].related[0]`,
 * `sources[0]["odd key"]`. The root is the empty string. */
void     accord_json_path_append_member (GString      *path,
                                         const char   *name);
void     accord_json_path_append_index  (GString      *path,
                                         guint         index);

G_END_DECLS
