/* accord-diagnostic.h: one error or warning about a pack, with its position
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ACCORD_SEVERITY_WARNING,
  ACCORD_SEVERITY_ERROR,
} AccordSeverity;

#define ACCORD_TYPE_SEVERITY (accord_severity_get_type ())
GType accord_severity_get_type (void) G_GNUC_CONST;

#define ACCORD_TYPE_DIAGNOSTIC (accord_diagnostic_get_type ())
G_DECLARE_FINAL_TYPE (AccordDiagnostic, accord_diagnostic, ACCORD, DIAGNOSTIC, GObject)

AccordDiagnostic *accord_diagnostic_new          (AccordSeverity    severity,
                                                  int               code,
                                                  const char       *file,
                                                  guint             line,
                                                  guint             column,
                                                  const char       *path,
                                                  const char       *message);
AccordSeverity    accord_diagnostic_get_severity (AccordDiagnostic *self);
int               accord_diagnostic_get_code     (AccordDiagnostic *self);
const char       *accord_diagnostic_get_file     (AccordDiagnostic *self);
guint             accord_diagnostic_get_line     (AccordDiagnostic *self);
guint             accord_diagnostic_get_column   (AccordDiagnostic *self);
const char       *accord_diagnostic_get_path     (AccordDiagnostic *self);
const char       *accord_diagnostic_get_message  (AccordDiagnostic *self);
char             *accord_diagnostic_to_string    (AccordDiagnostic *self);

char             *accord_diagnostics_describe_failure (GPtrArray  *diagnostics,
                                                       GError     *error,
                                                       const char *file);

G_END_DECLS
