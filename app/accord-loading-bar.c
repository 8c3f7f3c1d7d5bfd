/* accord-loading-bar.c: the card that shows a pack loading, with Cancel
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file's name (untrusted: set as plain text, ellipsized in the middle),
 * a progress bar, and a Cancel button that activates win.cancel-load. The
 * window floats it over the foot of its views while a pack loads, and
 * builds it the first time a pack loads: it is not part of the first screen.
 *
 * The bar takes a new fraction at most every FRACTION_INTERVAL_MS, the
 * latest one: the loader reports every per cent, and where GTK's renderer
 * cannot tell what changed in a frame (Mesa's llvmpipe on X11) each new
 * fraction is a repaint of the whole window, 20–40 ms of drawing on the
 * processors the loader needs (docs/performance.md, tenth round).
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-loading-bar.h"

struct _AccordLoadingBar
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *label;
  GtkProgressBar *progress_bar;

  double pending_fraction;
  guint fraction_timeout;   /* while it runs, new fractions wait for it */
};

#define FRACTION_INTERVAL_MS 100

G_DEFINE_FINAL_TYPE (AccordLoadingBar, accord_loading_bar, GTK_TYPE_WIDGET)

GtkWidget *
accord_loading_bar_new (void)
{
  return g_object_new (ACCORD_TYPE_LOADING_BAR, NULL);
}

/**
 * accord_loading_bar_start:
 * @text: what is loading, such as “Opening “big.json”…”
 *
 * Shows @text with the progress at zero.
 */
void
accord_loading_bar_start (AccordLoadingBar *self,
                          const char       *text)
{
  g_return_if_fail (ACCORD_IS_LOADING_BAR (self));

  gtk_label_set_text (self->label, text);
  g_clear_handle_id (&self->fraction_timeout, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static gboolean
show_pending_fraction (gpointer user_data)
{
  AccordLoadingBar *self = user_data;

  if (self->pending_fraction == gtk_progress_bar_get_fraction (self->progress_bar))
    {
      self->fraction_timeout = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_progress_bar_set_fraction (self->progress_bar, self->pending_fraction);
  return G_SOURCE_CONTINUE;
}

/**
 * accord_loading_bar_set_fraction:
 * @fraction: how much is done, in [0, 1]
 *
 * Shows @fraction at once if the bar has not changed for a while, else
 * when the interval is over, unless a later fraction comes first.
 */
void
accord_loading_bar_set_fraction (AccordLoadingBar *self,
                                 double            fraction)
{
  g_return_if_fail (ACCORD_IS_LOADING_BAR (self));

  self->pending_fraction = fraction;
  if (self->fraction_timeout != 0)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  self->fraction_timeout = g_timeout_add (FRACTION_INTERVAL_MS, show_pending_fraction, self);
}

static void
accord_loading_bar_dispose (GObject *object)
{
  AccordLoadingBar *self = ACCORD_LOADING_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->fraction_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_LOADING_BAR);
  /* GTK 4.8 leaves the template's unnamed root to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_loading_bar_parent_class)->dispose (object);
}

static void
accord_loading_bar_class_init (AccordLoadingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_loading_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-loading-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordLoadingBar, label);
  gtk_widget_class_bind_template_child (widget_class, AccordLoadingBar, progress_bar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
accord_loading_bar_init (AccordLoadingBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
