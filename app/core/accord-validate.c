/* accord-validate.c: `accord --validate`, shared with the build-time check
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "accord-diagnostic.h"
#include "accord-pack.h"
#include "accord-validate.h"

/**
 * accord_validate_files:
 * @paths: file names as given on the command line
 *
 * Loads each pack fully and prints every error and warning to stderr, one
 * GCC-style line each.
 *
 * Returns: the exit status: 0 when every pack is valid, 1 otherwise
 */
int
accord_validate_files (const char * const *paths)
{
  int status = 0;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("accord: --validate needs at least one pack file"));
      return 1;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(AccordPack) pack = NULL;

      pack = accord_pack_load_file (file, NULL, &diagnostics, NULL);
      if (pack == NULL)
        status = 1;

      for (guint j = 0; diagnostics != NULL && j < diagnostics->len; j++)
        {
          g_autofree char *line = accord_diagnostic_to_string (g_ptr_array_index (diagnostics, j));

          g_printerr ("%s\n", line);
        }
    }

  return status;
}
