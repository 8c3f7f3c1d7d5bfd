/* accord-error.h: the pack loader's error domain
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACCORD_PACK_ERROR (accord_pack_error_quark ())

/**
 * AccordPackError:
 * @ACCORD_PACK_ERROR_READ: the file cannot be read (missing, unreadable, not a regular file)
 * @ACCORD_PACK_ERROR_TOO_LARGE: larger than %ACCORD_PACK_MAX_SIZE
 * @ACCORD_PACK_ERROR_EMPTY: no JSON value at all
 * @ACCORD_PACK_ERROR_ENCODING: not valid UTF-8, or text that is not valid Unicode
 * @ACCORD_PACK_ERROR_SYNTAX: not valid JSON (RFC 8259)
 * @ACCORD_PACK_ERROR_TOO_DEEP: nested deeper than %ACCORD_JSON_MAX_DEPTH levels
 * @ACCORD_PACK_ERROR_NOT_A_PACK: valid JSON, but not an Accord pack
 * @ACCORD_PACK_ERROR_VERSION: written for a newer format than this Accord reads
 * @ACCORD_PACK_ERROR_MISSING: a required member is missing
 * @ACCORD_PACK_ERROR_TYPE: a member has the wrong JSON type
 * @ACCORD_PACK_ERROR_VALUE: a value breaks a rule of the format (syntax of an
 *   id, a URL, a date, a length, a count)
 * @ACCORD_PACK_ERROR_DUPLICATE: an id or a member name appears twice
 * @ACCORD_PACK_ERROR_REFERENCE: a reference names an id that does not exist
 *
 * Errors from loading a content pack. The message of a #GError in this domain
 * is a complete diagnostic: `FILE:LINE:COL: error: PATH: text`.
 */
typedef enum
{
  ACCORD_PACK_ERROR_READ,
  ACCORD_PACK_ERROR_TOO_LARGE,
  ACCORD_PACK_ERROR_EMPTY,
  ACCORD_PACK_ERROR_ENCODING,
  ACCORD_PACK_ERROR_SYNTAX,
  ACCORD_PACK_ERROR_TOO_DEEP,
  ACCORD_PACK_ERROR_NOT_A_PACK,
  ACCORD_PACK_ERROR_VERSION,
  ACCORD_PACK_ERROR_MISSING,
  ACCORD_PACK_ERROR_TYPE,
  ACCORD_PACK_ERROR_VALUE,
  ACCORD_PACK_ERROR_DUPLICATE,
  ACCORD_PACK_ERROR_REFERENCE,
} AccordPackError;

/* The largest pack file Accord reads: 256 MiB. */
#define ACCORD_PACK_MAX_SIZE ((gsize) 256 * 1024 * 1024)

GQuark accord_pack_error_quark (void);

G_END_DECLS
