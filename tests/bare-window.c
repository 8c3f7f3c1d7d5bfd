/* bare-window.c: the start-up baseline, the least a GTK 4 application does
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same program as ../shared/tools/bare-gtk.c, the baseline of
 * startup-ratio: a GtkApplicationWindow of 1000×700 with one label.
 * bench-startup times it against Accord.
 */

#include <gtk/gtk.h>

static void
activate (GtkApplication *app,
          gpointer        data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Bare"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.example.Bare", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
