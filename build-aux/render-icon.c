/* render-icon.c: renders the application's SVG icon to a PNG of one size
 *
 * Run at build time. The PNGs go into the GResource next to the SVG, so
 * that on X11, where GTK renders the window icon in the process at 16, 32
 * and 48 pixels, start-up decodes three small PNGs instead of loading
 * librsvg and rendering the SVG (docs/performance.md, "Sixth round").
 *
 * Usage: render-icon INPUT.svg SIZE OUTPUT.png
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  gint64 size;

  if (argc != 4 || !g_ascii_string_to_signed (argv[2], 10, 1, 1024, &size, NULL))
    {
      g_printerr ("usage: %s INPUT.svg SIZE OUTPUT.png\n", argv[0]);
      return EXIT_FAILURE;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], (int) size, (int) size, &error);
  if (pixbuf == NULL || !gdk_pixbuf_save (pixbuf, argv[3], "png", &error, NULL))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
