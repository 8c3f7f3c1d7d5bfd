/* accord-banner.c: the error banner at the top of a window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Says why a pack did not open: the first error, and behind Details the
 * others, one "file:line:col: error: ..." per line. The text is untrusted
 * (it quotes the pack) and only ever set as plain text. The close button
 * activates win.dismiss-banner.
 *
 * The window builds its banner the first time it needs one: it is not part
 * of the first screen.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-banner.h"

struct _AccordBanner
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *message;
  GtkLabel *details;
  GtkToggleButton *details_button;
};

G_DEFINE_FINAL_TYPE (AccordBanner, accord_banner, GTK_TYPE_WIDGET)

GtkWidget *
accord_banner_new (void)
{
  return g_object_new (ACCORD_TYPE_BANNER, NULL);
}

/**
 * accord_banner_set_message:
 * @message: what went wrong, in one line
 * @details: (nullable): more, shown on demand; %NULL hides Details
 */
void
accord_banner_set_message (AccordBanner *self,
                           const char   *message,
                           const char   *details)
{
  g_return_if_fail (ACCORD_IS_BANNER (self));

  gtk_label_set_text (self->message, message);
  gtk_label_set_text (self->details, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), details != NULL);
  gtk_toggle_button_set_active (self->details_button, FALSE);
}

static void
accord_banner_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ACCORD_TYPE_BANNER);
  /* GTK 4.8 leaves the template's unnamed root to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_banner_parent_class)->dispose (object);
}

static void
accord_banner_class_init (AccordBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordBanner, message);
  gtk_widget_class_bind_template_child (widget_class, AccordBanner, details);
  gtk_widget_class_bind_template_child (widget_class, AccordBanner, details_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
accord_banner_init (AccordBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
