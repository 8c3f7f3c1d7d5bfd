/* accord-validate-main.c: validates packs at build time, without GTK
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: accord-validate STAMP PACK...  (writes STAMP when all are valid)
 */

#include "config.h"

#include <locale.h>

#include "accord-i18n.h"
#include "accord-validate.h"

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  accord_i18n_init ();

  if (argc < 3)
    {
      g_printerr ("usage: %s STAMP PACK...\n", argv[0]);
      return 2;
    }

  status = accord_validate_files ((const char * const *) argv + 2);
  if (status == 0 && !g_file_set_contents (argv[1], "", 0, NULL))
    status = 1;

  return status;
}
