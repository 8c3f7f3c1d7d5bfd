/* test-text.c: the summary renderer's measured text
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Texts laid out together on several threads (accord_text_measure_all)
 * break into the same lines, and draw the same pixels, as the same texts
 * laid out one by one on this thread.
 */

#include "config.h"

#include <string.h>

#include "accord-text.h"

#define N_TEXTS 2400

/* Words of several scripts, so that lines break at different places and
 * fonts fall back (Arabic, CJK, symbols) on every thread. */
static const char *words[] = {
  "consent", "of", "the", "parties", "impartiality", "non-use", "force",
  "self-defence", "mandate", "Genève", "café", "négociation", "mediation",
  "Security Council", "الموافقة", "الأطراف", "حفظ السلام", "维持和平",
  "同意", "调解", "🕊", "→", "“quoted”", "C:\\accord\\packs",
  "supercalifragilisticexpialidocious-peacekeeping-operations",
};

typedef struct
{
  AccordTextContext *context;
  AccordTextStyle *body;
  AccordTextStyle *bold;
  GPtrArray *strings;   /* char *, kept alive: texts do not copy them */
  GPtrArray *texts;     /* AccordText */
} Set;

static void
set_free (Set *set)
{
  g_ptr_array_unref (set->texts);
  g_ptr_array_unref (set->strings);
  accord_text_style_free (set->body);
  accord_text_style_free (set->bold);
  accord_text_context_free (set->context);
  g_free (set);
}

/* The same texts every time: a fixed seed. */
static Set *
set_new (const char *language,
         gboolean    rtl)
{
  Set *set = g_new0 (Set, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  set->context = accord_text_context_new (language, rtl);
  set->body = accord_text_style_new (set->context, "Noto Sans, DejaVu Sans, sans-serif 9", 0x1d1d1f,
                                     1.33, ACCORD_TEXT_ALIGN_START);
  set->bold = accord_text_style_new (set->context, "Noto Serif, DejaVu Serif, serif Bold 11", 0x1b365d,
                                     1.25, ACCORD_TEXT_ALIGN_END);
  set->strings = g_ptr_array_new_with_free_func (g_free);
  set->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) accord_text_free);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      GString *string = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 1, 60);
      double width = g_rand_double_range (rand, 30, 400);
      AccordText *text;

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (string, "%s%s", w > 0 ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_ptr_array_add (set->strings, g_string_free (string, FALSE));

      text = accord_text_new (i % 3 == 0 ? set->bold : set->body, set->strings->pdata[i], width);
      if (i % 7 == 0)
        accord_text_set_max_lines (text, 2);
      g_ptr_array_add (set->texts, text);
    }

  return set;
}

/* Draws @text onto a new image and returns the image. */
static cairo_surface_t *
draw (AccordText *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, 160);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  accord_text_draw (text, cr, 5, 5, 0, 10, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * height) == 0;
}

/* Fonts get their metrics afresh on the workers' font maps of each round:
 * a race between them (see accord-text.c) shows in one round or another. */
#define ROUNDS 3

static void
check_parallel (const char *language,
                gboolean    rtl)
{
  Set *one_by_one = set_new (language, rtl);
  guint multi_line = 0, drawn = 0;

  for (guint i = 0; i < N_TEXTS; i++)
    if (accord_text_get_n_lines (one_by_one->texts->pdata[i]) > 1)
      multi_line++;

  /* The texts do wrap: the comparison is not of single lines only. */
  g_assert_cmpuint (multi_line, >, N_TEXTS / 2);

  for (guint round = 0; round < ROUNDS; round++)
    {
      Set *together = set_new (language, rtl);

      /* Four threads whatever the machine, so the parallel path is taken. */
      accord_text_measure_all (together->context, together->texts, 4);

      for (guint i = 0; i < N_TEXTS; i++)
        {
          AccordText *a = one_by_one->texts->pdata[i];
          AccordText *b = together->texts->pdata[i];

          if (accord_text_get_n_lines (b) != accord_text_get_n_lines (a))
            g_error ("round %u: text %u (\"%.40s…\") has %u lines measured on another thread, "
                     "%u measured alone", round, i, (const char *) one_by_one->strings->pdata[i],
                     accord_text_get_n_lines (b), accord_text_get_n_lines (a));

          /* Drawing is the slow part of the test: a sample, once. */
          if (round == 0 && i % 40 == 0)
            {
              cairo_surface_t *pa = draw (a);
              cairo_surface_t *pb = draw (b);

              if (!same_pixels (pa, pb))
                g_error ("text %u (\"%.40s…\") draws differently when measured on another thread",
                         i, (const char *) one_by_one->strings->pdata[i]);
              cairo_surface_destroy (pa);
              cairo_surface_destroy (pb);
              drawn++;
            }
        }

      set_free (together);
    }

  g_assert_cmpuint (drawn, ==, N_TEXTS / 40);
  set_free (one_by_one);
}

static void
test_parallel_ltr (void)
{
  check_parallel ("en", FALSE);
}

static void
test_parallel_rtl (void)
{
  check_parallel ("ar", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/measure-all/parallel", test_parallel_ltr);
  g_test_add_func ("/text/measure-all/parallel-rtl", test_parallel_rtl);

  return g_test_run ();
}
