/* accord-widget-util.c: small helpers about widgets, shared by the views
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-widget-util.h"

/**
 * accord_widget_has_focus_within:
 *
 * Whether the keyboard focus of @widget's window is @widget or inside it.
 * Asked of the window rather than of GTK_STATE_FLAG_FOCUS_WITHIN, which
 * GTK clears while the window is not the active one.
 */
gboolean
accord_widget_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}
