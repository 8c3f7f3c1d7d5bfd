/* main.c: Accord's entry point
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "accord-application.h"
#include "accord-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AccordApplication) app = NULL;

  setlocale (LC_ALL, "");
  accord_i18n_init ();

  app = accord_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
