/* accord-json-scan.c: strict JSON checks on raw bytes, and path → position lookup
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "accord-error.h"
#include "accord-json-scan.h"

/* How many values to scan between two looks at the GCancellable (and two
 * progress reports). */
#define CANCEL_CHECK_INTERVAL 65536

/* Member names of one object, kept while its members are read so a repeated
 * name is caught. Small objects compare names directly; large ones hash. */
typedef struct
{
  GPtrArray  *names;  /* (element-type utf8) unescaped names */
  GHashTable *set;    /* created past LINEAR_LIMIT names */
} NameSet;

#define LINEAR_LIMIT 16

typedef struct
{
  const char            *data;
  const char            *end;
  const char            *p;
  guint                  depth;
  guint                  until_cancel_check;
  GCancellable          *cancellable;
  AccordJsonProgressFunc progress;
  gpointer               progress_data;
  guint                  n_objects;
  AccordJsonProblem     *problem;
  GString               *scratch;  /* unescaped string */
  GString               *path;     /* only when finding the path of a problem */
} Checker;

void
accord_json_problem_clear (AccordJsonProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
  g_clear_pointer (&problem->path, g_free);
  problem->offset = 0;
  problem->code = 0;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Checker    *c,
      const char *at,
      int         code,
      const char *format,
      ...)
{
  va_list args;

  /* Only the first problem is kept. */
  if (c->problem->message != NULL)
    return FALSE;

  va_start (args, format);
  c->problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  c->problem->offset = at - c->data;
  c->problem->code = code;
  if (c->path != NULL)
    c->problem->path = g_strdup (c->path->str);

  return FALSE;
}

static inline void
skip_ws (const char **pp,
         const char  *end)
{
  const char *p = *pp;

  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  *pp = p;
}

/* A short, printable description of the token at @p for messages. */
static char *
describe_token (const char *p,
                const char *end)
{
  const char *q = p;
  guint n = 0;

  if (p >= end)
    return g_strdup (_("end of file"));

  /* Control characters would vanish or cut the message short. */
  if ((guchar) *p < 0x20 || *p == 0x7f)
    return g_strdup_printf ("U+%04X", (guint) (guchar) *p);

  while (q < end && n < 12 && (guchar) *q >= 0x20 && *q != 0x7f)
    {
      q = g_utf8_next_char (q);
      n++;
    }
  if (q > end)
    q = end;

  /* Translators: a few characters of the file, quoted in an error message */
  return g_strdup_printf (_("“%.*s”"), (int) (q - p), p);
}

static gboolean
fail_unexpected (Checker    *c,
                 const char *expected)
{
  g_autofree char *token = describe_token (c->p, c->end);

  if (c->p >= c->end)
    return fail (c, c->p, ACCORD_PACK_ERROR_SYNTAX,
                 /* Translators: %s is what the JSON syntax needs next, e.g. “a value” */
                 _("unexpected end of file, expected %s"), expected);

  if ((guchar) *c->p >= 0x80 && (gint32) g_utf8_get_char_validated (c->p, c->end - c->p) < 0)
    return fail (c, c->p, ACCORD_PACK_ERROR_ENCODING, _("the file is not valid UTF-8 text"));

  if (*c->p == '/' )
    return fail (c, c->p, ACCORD_PACK_ERROR_SYNTAX,
                 _("comments are not allowed in JSON"));
  if (*c->p == '\'')
    return fail (c, c->p, ACCORD_PACK_ERROR_SYNTAX,
                 _("strings must use double quotes"));

  return fail (c, c->p, ACCORD_PACK_ERROR_SYNTAX,
               /* Translators: the first %s is a piece of the file, the second what was expected */
               _("unexpected %s, expected %s"), token, expected);
}

static inline int
hex_value (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

static inline guint64
load_word (const char *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  return w;
}

/* Whether none of eight bytes needs a closer look in a string: no control
 * character, quote, backslash or byte of a multi-byte character. A byte
 * that does sets its top bit in one of the terms; a borrow can set more,
 * which only sends the caller to look at each byte. */
static inline gboolean
plain_word (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 hits = w | (w - ones * 0x20) | ((w ^ (ones * '"')) - ones) | ((w ^ (ones * '\\')) - ones);

  return (hits & (ones * 0x80)) == 0;
}

/* Scans a string starting at the opening quote. When @out is not %NULL the
 * unescaped text is stored there. Multi-byte characters are validated here. */
static gboolean
scan_string (Checker *c,
             GString *out)
{
  const char *p = c->p + 1;
  const char *end = c->end;

  if (out != NULL)
    g_string_truncate (out, 0);

  for (;;)
    {
      const char *run = p;

      /* Fast path: ordinary ASCII characters, eight at a time first. */
      while (end - p >= 8 && plain_word (load_word (p)))
        p += 8;
      while (p < end && (guchar) *p < 0x80 && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;

      /* Other characters are validated here, where they can occur: outside
       * strings, JSON is all ASCII. This spares a separate UTF-8 pass. */
      while (p < end && (guchar) *p >= 0x80)
        {
          if ((gint32) g_utf8_get_char_validated (p, end - p) < 0)
            return fail (c, p, ACCORD_PACK_ERROR_ENCODING, _("the file is not valid UTF-8 text"));
          p = g_utf8_next_char (p);
        }

      if (p > run && p < end && (guchar) *p < 0x80 && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        {
          /* More ordinary text after a multi-byte character. */
          if (out != NULL)
            g_string_append_len (out, run, p - run);
          continue;
        }

      if (out != NULL && p > run)
        g_string_append_len (out, run, p - run);

      if (p >= end)
        {
          c->p = p;
          return fail (c, p, ACCORD_PACK_ERROR_SYNTAX,
                       _("unexpected end of file inside a string"));
        }

      if (*p == '"')
        {
          c->p = p + 1;
          return TRUE;
        }

      if ((guchar) *p < 0x20)
        return fail (c, p, ACCORD_PACK_ERROR_SYNTAX,
                     *p == '\n' ? _("line break inside a string (write it as \\n)")
                                : _("control character inside a string (escape it as \\u00XX)"));

      /* A backslash escape. */
      if (p + 1 >= end)
        return fail (c, p, ACCORD_PACK_ERROR_SYNTAX,
                     _("unexpected end of file inside a string"));

      switch (p[1])
        {
        case '"':  if (out) g_string_append_c (out, '"');  p += 2; break;
        case '\\': if (out) g_string_append_c (out, '\\'); p += 2; break;
        case '/':  if (out) g_string_append_c (out, '/');  p += 2; break;
        case 'b':  if (out) g_string_append_c (out, '\b'); p += 2; break;
        case 'f':  if (out) g_string_append_c (out, '\f'); p += 2; break;
        case 'n':  if (out) g_string_append_c (out, '\n'); p += 2; break;
        case 'r':  if (out) g_string_append_c (out, '\r'); p += 2; break;
        case 't':  if (out) g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          {
            gunichar ch;

            if (!read_hex4 (p + 2, end, &ch))
              return fail (c, p, ACCORD_PACK_ERROR_SYNTAX,
                           _("invalid \\u escape: it needs four hexadecimal digits"));

            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                gunichar low;

                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                    !read_hex4 (p + 8, end, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (c, p, ACCORD_PACK_ERROR_ENCODING,
                               _("unpaired UTF-16 surrogate in a \\u escape"));
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
                p += 12;
              }
            else if (ch >= 0xDC00 && ch <= 0xDFFF)
              {
                return fail (c, p, ACCORD_PACK_ERROR_ENCODING,
                             _("unpaired UTF-16 surrogate in a \\u escape"));
              }
            else if (ch == 0)
              {
                return fail (c, p, ACCORD_PACK_ERROR_ENCODING,
                             _("the NUL character (\\u0000) is not allowed"));
              }
            else
              {
                p += 6;
              }

            if (out != NULL)
              g_string_append_unichar (out, ch);
          }
          break;
        default:
          return fail (c, p, ACCORD_PACK_ERROR_SYNTAX,
                       _("invalid escape sequence in a string"));
        }
    }
}

static gboolean
scan_number (Checker *c)
{
  const char *p = c->p;
  const char *end = c->end;
  const char *start = p;

  if (p < end && *p == '-')
    p++;

  if (p >= end || !g_ascii_isdigit (*p))
    return fail (c, start, ACCORD_PACK_ERROR_SYNTAX, _("invalid number"));

  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail (c, start, ACCORD_PACK_ERROR_SYNTAX,
                     _("numbers must not have leading zeros"));
    }
  else
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (c, start, ACCORD_PACK_ERROR_SYNTAX,
                     _("invalid number: digits must follow the decimal point"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (c, start, ACCORD_PACK_ERROR_SYNTAX,
                     _("invalid number: digits must follow the exponent"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  c->p = p;
  return TRUE;
}

static gboolean
scan_literal (Checker    *c,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (c->end - c->p) < len || memcmp (c->p, word, len) != 0)
    return fail_unexpected (c, _("a value"));

  c->p += len;
  return TRUE;
}

static void
name_set_clear (NameSet *set)
{
  g_clear_pointer (&set->names, g_ptr_array_unref);
  g_clear_pointer (&set->set, g_hash_table_unref);
}

/* Returns FALSE when @name was already in the set. */
static gboolean
name_set_add (NameSet    *set,
              const char *name,
              gsize       len)
{
  if (set->set != NULL)
    {
      if (g_hash_table_contains (set->set, name))
        return FALSE;
      g_hash_table_add (set->set, g_strndup (name, len));
      return TRUE;
    }

  if (set->names == NULL)
    set->names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < set->names->len; i++)
    if (strcmp (g_ptr_array_index (set->names, i), name) == 0)
      return FALSE;

  g_ptr_array_add (set->names, g_strndup (name, len));

  if (set->names->len > LINEAR_LIMIT)
    {
      set->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < set->names->len; i++)
        g_hash_table_add (set->set, g_ptr_array_steal_index_fast (set->names, i--));
    }

  return TRUE;
}

static gboolean scan_value (Checker *c);

static gboolean
scan_object (Checker *c)
{
  NameSet names = { NULL, NULL };
  gboolean ok = FALSE;
  gsize path_len = c->path != NULL ? c->path->len : 0;

  c->n_objects++;
  c->p++;  /* { */
  skip_ws (&c->p, c->end);

  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      const char *key = c->p;

      if (c->p >= c->end || *c->p != '"')
        {
          fail_unexpected (c, _("a member name in double quotes"));
          goto out;
        }

      if (!scan_string (c, c->scratch))
        goto out;

      if (c->path != NULL)
        {
          g_string_truncate (c->path, path_len);
          accord_json_path_append_member (c->path, c->scratch->str);
        }

      if (!name_set_add (&names, c->scratch->str, c->scratch->len))
        {
          fail (c, key, ACCORD_PACK_ERROR_DUPLICATE,
                _("member “%s” appears twice in this object"), c->scratch->str);
          goto out;
        }

      skip_ws (&c->p, c->end);
      if (c->p >= c->end || *c->p != ':')
        {
          /* Translators: the JSON character expected, quoted */
          fail_unexpected (c, _("“:”"));
          goto out;
        }
      c->p++;
      skip_ws (&c->p, c->end);

      if (!scan_value (c))
        goto out;

      /* Between members, a problem concerns the object itself. */
      if (c->path != NULL)
        g_string_truncate (c->path, path_len);

      skip_ws (&c->p, c->end);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_ws (&c->p, c->end);
          continue;
        }
      if (c->p < c->end && *c->p == '}')
        {
          c->p++;
          ok = TRUE;
          goto out;
        }

      fail_unexpected (c, _("“,” or “}”"));
      goto out;
    }

out:
  name_set_clear (&names);
  return ok;
}

static gboolean
scan_array (Checker *c)
{
  gsize path_len = c->path != NULL ? c->path->len : 0;
  guint index = 0;

  c->p++;  /* [ */
  skip_ws (&c->p, c->end);

  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      return TRUE;
    }

  for (;; index++)
    {
      if (c->path != NULL)
        {
          g_string_truncate (c->path, path_len);
          accord_json_path_append_index (c->path, index);
        }

      if (!scan_value (c))
        return FALSE;

      if (c->path != NULL)
        g_string_truncate (c->path, path_len);

      skip_ws (&c->p, c->end);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          skip_ws (&c->p, c->end);
          continue;
        }
      if (c->p < c->end && *c->p == ']')
        {
          c->p++;
          return TRUE;
        }

      return fail_unexpected (c, _("“,” or “]”"));
    }
}

static gboolean
scan_value (Checker *c)
{
  gboolean ok;

  if (--c->until_cancel_check == 0)
    {
      GError *error = NULL;

      c->until_cancel_check = CANCEL_CHECK_INTERVAL;
      if (g_cancellable_set_error_if_cancelled (c->cancellable, &error))
        {
          /* Reported by the caller through the cancellable itself. */
          g_error_free (error);
          return fail (c, c->p, ACCORD_PACK_ERROR_READ, _("Cancelled"));
        }
      if (c->progress != NULL)
        c->progress (c->p - c->data, c->progress_data);
    }

  if (c->p >= c->end)
    return fail_unexpected (c, _("a value"));

  switch (*c->p)
    {
    case '{':
    case '[':
      if (c->depth >= ACCORD_JSON_MAX_DEPTH)
        return fail (c, c->p, ACCORD_PACK_ERROR_TOO_DEEP,
                     _("nested deeper than %u levels"), ACCORD_JSON_MAX_DEPTH);
      c->depth++;
      ok = *c->p == '{' ? scan_object (c) : scan_array (c);
      c->depth--;
      return ok;

    case '"':
      return scan_string (c, NULL);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (c);

    case 't':
      return scan_literal (c, "true");
    case 'f':
      return scan_literal (c, "false");
    case 'n':
      return scan_literal (c, "null");

    default:
      return fail_unexpected (c, _("a value"));
    }
}

/**
 * accord_json_check:
 * @data: the bytes of the file
 * @length: their length
 * @cancellable: (nullable): checked every few thousand values
 * @progress: (nullable) (scope call): told as often how far the check is
 * @progress_data: data for @progress
 * @n_objects: (out) (optional): the number of JSON objects in @data, which
 *   is how a caller can tell how far JsonParser is through the same bytes
 * @problem: (out caller-allocates): filled in when %FALSE is returned
 *
 * Checks that @data is one JSON object, strictly as RFC 8259 writes it, in
 * valid UTF-8, at most %ACCORD_JSON_MAX_DEPTH levels deep, without repeated
 * member names, NUL characters or lone surrogates. A UTF-8 byte order mark
 * at the start is accepted.
 *
 * Returns: %TRUE when the bytes are safe to hand to JsonParser
 */
static gboolean check_bytes (Checker *c);

gboolean
accord_json_check (const char            *data,
                   gsize                  length,
                   GCancellable          *cancellable,
                   AccordJsonProgressFunc progress,
                   gpointer               progress_data,
                   guint                 *n_objects,
                   AccordJsonProblem     *problem)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) path = NULL;
  AccordJsonProblem again = { 0, };
  Checker c = {
    .data = data,
    .end = data + length,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
    .problem = problem,
    .scratch = scratch,
  };
  Checker with_path = c;

  if (check_bytes (&c))
    {
      if (n_objects != NULL)
        *n_objects = c.n_objects;
      return TRUE;
    }

  /* Only now is it worth knowing where in the document the problem is:
   * the same check again, keeping track of the path this time. */
  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  path = g_string_new (NULL);
  with_path.cancellable = NULL;
  with_path.progress = NULL;
  with_path.problem = &again;
  with_path.path = path;
  check_bytes (&with_path);
  if (again.offset == problem->offset && again.path != NULL && *again.path != '\0')
    problem->path = g_steal_pointer (&again.path);
  accord_json_problem_clear (&again);

  return FALSE;
}

/* One pass over the bytes; @c has its data, end, problem and options set. */
static gboolean
check_bytes (Checker *c)
{
  c->p = c->data;
  c->depth = 0;
  c->until_cancel_check = CANCEL_CHECK_INTERVAL;
  c->n_objects = 0;
  c->problem->message = NULL;
  c->problem->path = NULL;

  if (c->end - c->data >= 3 && memcmp (c->data, "\xEF\xBB\xBF", 3) == 0)
    c->p += 3;

  skip_ws (&c->p, c->end);
  if (c->p >= c->end)
    return fail (c, c->p, ACCORD_PACK_ERROR_EMPTY, _("the file is empty"));

  if (*c->p != '{')
    {
      const char *start = c->p;

      /* Tell “not JSON” from “JSON, but not an object”. */
      if (!scan_value (c))
        return FALSE;
      return fail (c, start, ACCORD_PACK_ERROR_NOT_A_PACK,
                   _("not a pack: the file must hold one JSON object"));
    }

  if (!scan_value (c))
    return FALSE;

  skip_ws (&c->p, c->end);
  if (c->p < c->end)
    return fail (c, c->p, ACCORD_PACK_ERROR_SYNTAX,
                 _("unexpected text after the end of the JSON object"));

  return TRUE;
}

/* Locating */

typedef struct
{
  Checker     c;
  GHashTable *wanted;
  guint       remaining;
  GString    *path;
} Locator;

static void locate_value (Locator *l, gsize key_offset);

static void
record (Locator *l,
        gsize    key_offset,
        gsize    value_offset)
{
  AccordJsonLocation *location = g_hash_table_lookup (l->wanted, l->path->str);

  if (location != NULL && !location->found)
    {
      location->key_offset = key_offset;
      location->value_offset = value_offset;
      location->found = TRUE;
      l->remaining--;
    }
}

static void
locate_value (Locator *l,
              gsize    key_offset)
{
  Checker *c = &l->c;
  gsize value_offset = c->p - c->data;
  gsize path_len = l->path->len;

  record (l, key_offset, value_offset);

  if (*c->p == '{')
    {
      c->p++;
      skip_ws (&c->p, c->end);
      while (l->remaining > 0 && *c->p != '}')
        {
          gsize member_offset = c->p - c->data;

          scan_string (c, c->scratch);
          accord_json_path_append_member (l->path, c->scratch->str);
          skip_ws (&c->p, c->end);
          c->p++;  /* : */
          skip_ws (&c->p, c->end);
          locate_value (l, member_offset);
          g_string_truncate (l->path, path_len);
          skip_ws (&c->p, c->end);
          if (*c->p == ',')
            {
              c->p++;
              skip_ws (&c->p, c->end);
            }
        }
      c->p++;
    }
  else if (*c->p == '[')
    {
      guint index = 0;

      c->p++;
      skip_ws (&c->p, c->end);
      while (l->remaining > 0 && *c->p != ']')
        {
          accord_json_path_append_index (l->path, index++);
          locate_value (l, c->p - c->data);
          g_string_truncate (l->path, path_len);
          skip_ws (&c->p, c->end);
          if (*c->p == ',')
            {
              c->p++;
              skip_ws (&c->p, c->end);
            }
        }
      c->p++;
    }
  else if (*c->p == '"')
    {
      scan_string (c, NULL);
    }
  else if (*c->p == '-' || g_ascii_isdigit (*c->p))
    {
      scan_number (c);
    }
  else
    {
      while (c->p < c->end && g_ascii_isalpha (*c->p))
        c->p++;
    }
}

/**
 * accord_json_locate:
 * @data: bytes that passed accord_json_check()
 * @length: their length
 * @wanted: (element-type utf8 AccordJsonLocation): the paths to find
 *
 * Fills in the location of every path in @wanted that exists in @data. Stops
 * as soon as all have been found.
 */
void
accord_json_locate (const char *data,
                    gsize       length,
                    GHashTable *wanted)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  AccordJsonProblem ignored = { 0, };
  Locator l = {
    .c = {
      .data = data,
      .end = data + length,
      .p = data,
      .until_cancel_check = G_MAXUINT,
      .problem = &ignored,
      .scratch = scratch,
    },
    .wanted = wanted,
    .remaining = g_hash_table_size (wanted),
    .path = path,
  };

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    l.c.p += 3;
  skip_ws (&l.c.p, l.c.end);

  if (l.c.p < l.c.end && l.remaining > 0)
    locate_value (&l, l.c.p - data);

  accord_json_problem_clear (&ignored);
}

/**
 * accord_json_offset_to_position:
 *
 * Converts a byte offset into a 1-based line and a 1-based column counted in
 * Unicode characters, as editors show them.
 */
void
accord_json_offset_to_position (const char *data,
                                gsize       length,
                                gsize       offset,
                                guint      *line,
                                guint      *column)
{
  const char *p = data;
  const char *target = data + MIN (offset, length);
  const char *line_start = data;
  guint l = 1;
  guint col = 1;

  for (;;)
    {
      const char *nl = memchr (p, '\n', target - p);

      if (nl == NULL)
        break;
      l++;
      p = line_start = nl + 1;
    }

  /* Skip a byte order mark so it does not count as a column. */
  if (line_start == data && target - data >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    line_start += 3;

  for (p = line_start; p < target; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      col++;

  *line = l;
  *column = col;
}

static gboolean
is_plain_name (const char *name)
{
  if (!g_ascii_isalpha (*name) && *name != '_')
    return FALSE;

  for (const char *p = name + 1; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}

void
accord_json_path_append_member (GString    *path,
                                const char *name)
{
  if (is_plain_name (name))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
      return;
    }

  /* Anything else is written as a JSON string in brackets. */
  g_string_append (path, "[\"");
  for (const char *p = name; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (path, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (path, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (path, *p);
    }
  g_string_append (path, "\"]");
}

void
accord_json_path_append_index (GString *path,
                               guint    index)
{
  g_string_append_printf (path, "[%u]", index);
}
