/* accord-diagnostic.c: one error or warning about a pack, with its position
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accord-diagnostic.h"

struct _AccordDiagnostic
{
  GObject parent_instance;
  AccordSeverity severity;
  int code;
  guint line;     /* 0: the diagnostic is about the whole file */
  guint column;
  char *file;
  char *path;     /* nullable */
  char *message;
};

G_DEFINE_ENUM_TYPE (AccordSeverity, accord_severity,
  G_DEFINE_ENUM_VALUE (ACCORD_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (ACCORD_SEVERITY_ERROR, "error"))

G_DEFINE_FINAL_TYPE (AccordDiagnostic, accord_diagnostic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_LINE,
  PROP_COLUMN,
  PROP_FILE,
  PROP_PATH,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accord_diagnostic_finalize (GObject *object)
{
  AccordDiagnostic *self = ACCORD_DIAGNOSTIC (object);

  g_free (self->file);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (accord_diagnostic_parent_class)->finalize (object);
}

static void
accord_diagnostic_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordDiagnostic *self = ACCORD_DIAGNOSTIC (object);

  switch (prop_id)
    {
    case PROP_SEVERITY: g_value_set_enum (value, self->severity); break;
    case PROP_LINE: g_value_set_uint (value, self->line); break;
    case PROP_COLUMN: g_value_set_uint (value, self->column); break;
    case PROP_FILE: g_value_set_string (value, self->file); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_diagnostic_class_init (AccordDiagnosticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = accord_diagnostic_finalize;
  object_class->get_property = accord_diagnostic_get_property;

  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, ACCORD_TYPE_SEVERITY,
                                                 ACCORD_SEVERITY_ERROR, flags);
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accord_diagnostic_init (AccordDiagnostic *self)
{
}

/**
 * accord_diagnostic_new:
 * @line: 1-based, or 0 when the problem concerns the file as a whole
 * @column: 1-based, in characters
 * @path: (nullable): the JSON path, e.g. `topics[3].related[0]`
 */
AccordDiagnostic *
accord_diagnostic_new (AccordSeverity  severity,
                       int             code,
                       const char     *file,
                       guint           line,
                       guint           column,
                       const char     *path,
                       const char     *message)
{
  AccordDiagnostic *self = g_object_new (ACCORD_TYPE_DIAGNOSTIC, NULL);

  self->severity = severity;
  self->code = code;
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->path = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
  self->message = g_strdup (message);

  return self;
}

AccordSeverity accord_diagnostic_get_severity (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), 0); return self->severity; }
/* An AccordPackError code. */
int accord_diagnostic_get_code (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), 0); return self->code; }
const char *accord_diagnostic_get_file (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), NULL); return self->file; }
guint accord_diagnostic_get_line (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), 0); return self->line; }
guint accord_diagnostic_get_column (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), 0); return self->column; }
const char *accord_diagnostic_get_path (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), NULL); return self->path; }
const char *accord_diagnostic_get_message (AccordDiagnostic *self) { g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), NULL); return self->message; }

/**
 * accord_diagnostic_to_string:
 *
 * Formats the diagnostic the way GCC does, so editors can jump to it:
 * `pack.json:12:7: error: topics[3].related[0]: no topic with id “consent”`.
 *
 * Returns: (transfer full): one line, without a line break
 */
char *
accord_diagnostic_to_string (AccordDiagnostic *self)
{
  GString *s;

  g_return_val_if_fail (ACCORD_IS_DIAGNOSTIC (self), NULL);

  s = g_string_new (self->file);
  if (self->line > 0)
    g_string_append_printf (s, ":%u:%u", self->line, self->column);
  g_string_append (s, ": ");
  /* The GCC keywords stay untranslated: editors and scripts look for them. */
  g_string_append (s, self->severity == ACCORD_SEVERITY_ERROR ? "error: " : "warning: ");
  if (self->path != NULL)
    g_string_append_printf (s, "%s: ", self->path);
  g_string_append (s, self->message);

  return g_string_free (s, FALSE);
}

/**
 * accord_diagnostics_describe_failure:
 * @diagnostics: (nullable) (element-type AccordDiagnostic): what loading reported
 * @error: (nullable): the error loading returned
 * @file: the pack's name as the user gave it
 *
 * Why a pack did not load, in one line for a command-line tool: its first
 * error diagnostic, as `accord --validate` prints it, or else @error.
 *
 * Returns: (transfer full): one line, without a line break
 */
char *
accord_diagnostics_describe_failure (GPtrArray  *diagnostics,
                                     GError     *error,
                                     const char *file)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      AccordDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == ACCORD_SEVERITY_ERROR)
        return accord_diagnostic_to_string (diagnostic);
    }

  return g_strdup_printf ("%s: %s", file, error != NULL ? error->message : _("this pack does not load"));
}
