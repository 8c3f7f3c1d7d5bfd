/* test-ui-wrap-box.c: AccordWrapBox lays its children out as words on lines
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-test-util.h"
#include "accord-wrap-box.h"

#define SPACING 10
#define LINE_SPACING 5

static GtkWidget *
sized (int width,
       int height)
{
  GtkWidget *child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (child, width, height);
  return child;
}

/* Where @child is in @box: "x,y wxh". */
static char *
place (GtkWidget *child,
       GtkWidget *box)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));
  return g_strdup_printf ("%g,%g %gx%g", bounds.origin.x, bounds.origin.y,
                          bounds.size.width, bounds.size.height);
}

static void
assert_place (GtkWidget  *child,
              GtkWidget  *box,
              int         x,
              int         y,
              int         width,
              int         height)
{
  g_autofree char *is = place (child, box);
  g_autofree char *expected = g_strdup_printf ("%d,%d %dx%d", x, y, width, height);

  g_assert_cmpstr (is, ==, expected);
}

/* Five children of 100 px, the third twice as tall, in a box two of them
 * wide; a long wrapping label; a hidden child. */
static void
test_lines (void)
{
  GtkWindow *window;
  GtkWidget *box = accord_wrap_box_new (SPACING, LINE_SPACING);
  GtkWidget *children[5];
  GtkWidget *long_label = gtk_label_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  int minimum, natural;
  int width;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      children[i] = sized (100, i == 2 ? 40 : 20);
      accord_wrap_box_append (ACCORD_WRAP_BOX (box), children[i]);
    }

  /* As narrow as its widest child, as wide as one line of them all. */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 100);
  g_assert_cmpint (natural, ==, 5 * 100 + 4 * SPACING);
  /* Two a line at 250 px: 20, 40 and 20 px lines. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 250, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 20 + LINE_SPACING + 40 + LINE_SPACING + 20);
  g_assert_cmpint (natural, ==, minimum);
  /* All on one line. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 540, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, ==, 40);

  window = accord_test_show (box, 250, 300);
  width = gtk_widget_get_width (box);
  g_assert_cmpint (width, >=, 2 * 100 + SPACING);
  g_assert_cmpint (width, <, 3 * 100 + 2 * SPACING);

  /* Each child at its own width, from the left; a line as tall as its
   * tallest child. */
  assert_place (children[0], box, 0, 0, 100, 20);
  assert_place (children[1], box, 100 + SPACING, 0, 100, 20);
  assert_place (children[2], box, 0, 20 + LINE_SPACING, 100, 40);
  assert_place (children[3], box, 100 + SPACING, 20 + LINE_SPACING, 100, 40);
  assert_place (children[4], box, 0, 65 + LINE_SPACING, 100, 20);

  /* Right to left, from the right. */
  gtk_widget_set_direction (box, GTK_TEXT_DIR_RTL);
  accord_test_wait_frames (box, 2);
  assert_place (children[0], box, width - 100, 0, 100, 20);
  assert_place (children[1], box, width - 210, 0, 100, 20);
  assert_place (children[4], box, width - 100, 65 + LINE_SPACING, 100, 20);
  gtk_widget_set_direction (box, GTK_TEXT_DIR_LTR);

  /* A hidden child takes no place: the next one moves up. */
  gtk_widget_set_visible (children[1], FALSE);
  accord_test_wait_frames (box, 2);
  assert_place (children[2], box, 100 + SPACING, 0, 100, 40);
  assert_place (children[3], box, 0, 40 + LINE_SPACING, 100, 20);
  assert_place (children[4], box, 100 + SPACING, 40 + LINE_SPACING, 100, 20);
  gtk_widget_set_visible (children[1], TRUE);

  /* A text longer than a line has a line of its own, and wraps in it. */
  for (guint i = 0; i < 40; i++)
    g_string_append (words, "word ");
  gtk_label_set_text (GTK_LABEL (long_label), words->str);
  gtk_label_set_wrap (GTK_LABEL (long_label), TRUE);
  accord_wrap_box_append (ACCORD_WRAP_BOX (box), long_label);
  accord_test_wait_frames (box, 2);
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (long_label, box, &bounds));
    g_assert_cmpfloat (bounds.origin.x, ==, 0);
    g_assert_cmpfloat (bounds.origin.y, ==, 90 + LINE_SPACING);
    g_assert_cmpfloat (bounds.size.width, ==, width);
    g_assert_cmpfloat (bounds.size.height, >, 40);
    gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, ==, 90 + LINE_SPACING + (int) bounds.size.height);
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wrap-box/lines", test_lines);

  return g_test_run ();
}
