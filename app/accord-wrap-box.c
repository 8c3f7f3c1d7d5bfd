/* accord-wrap-box.c: children side by side, in lines that wrap like words
 *
 * Each child is as wide as it asks to be (at most a line), placed after
 * the one before it, and a child that does not fit on the line starts
 * the next one; right to left, the lines run from the right. This is how
 * a topic's subjects and aspects sit under its title, as links.
 *
 * GTK 4.8 has no such container: GtkFlowBox lines its children up in
 * columns and shares a line's spare width out among them, so three short
 * links spread across the whole page.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accord-wrap-box.h"

struct _AccordWrapBox
{
  GtkWidget parent_instance;

  int spacing;       /* between children on a line */
  int line_spacing;  /* between lines */
};

G_DEFINE_FINAL_TYPE (AccordWrapBox, accord_wrap_box, GTK_TYPE_WIDGET)

/* How wide @child is on a line @width wide. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return MAX (minimum, MIN (natural, width));
}

/* Lays the children out in lines @width wide; allocates them when
 * @allocate. Returns the height of the lines. */
static int
flow (AccordWrapBox *self,
      int            width,
      gboolean       allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkWidget *line = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;

  while (line != NULL)
    {
      GtkWidget *child;
      GtkWidget *end;
      gboolean any = FALSE;
      int x = 0;
      int height = 0;

      /* What fits on this line (at least one child), and its height. */
      for (end = line; end != NULL; end = gtk_widget_get_next_sibling (end))
        {
          int w, h;

          if (!gtk_widget_should_layout (end))
            continue;
          w = child_width (end, width);
          if (any && x + w > width)
            break;
          gtk_widget_measure (end, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);
          height = MAX (height, h);
          x += w + self->spacing;
          any = TRUE;
        }

      if (!any)
        break;  /* nothing left to show */

      if (allocate)
        for (child = line, x = 0; child != end; child = gtk_widget_get_next_sibling (child))
          {
            int w;

            if (!gtk_widget_should_layout (child))
              continue;
            w = child_width (child, width);
            gtk_widget_size_allocate (child,
                                      &(GtkAllocation) { rtl ? width - x - w : x, y, w, height },
                                      -1);
            x += w + self->spacing;
          }

      y += height + self->line_spacing;
      line = end;
    }

  return MAX (0, y - self->line_spacing);
}

static GtkSizeRequestMode
accord_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
accord_wrap_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AccordWrapBox *self = ACCORD_WRAP_BOX (widget);
  int widest = 0;
  int all = 0;

  /* At least as wide as its widest child can be; at best, one line. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
      widest = MAX (widest, child_minimum);
      all += (all > 0 ? self->spacing : 0) + child_natural;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = widest;
      *natural = MAX (widest, all);
    }
  else
    {
      *minimum = *natural = flow (self, for_size < 0 ? widest : for_size, FALSE);
    }
}

static void
accord_wrap_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  flow (ACCORD_WRAP_BOX (widget), width, TRUE);
}

static void
accord_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accord_wrap_box_parent_class)->dispose (object);
}

static void
accord_wrap_box_class_init (AccordWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_wrap_box_dispose;
  widget_class->get_request_mode = accord_wrap_box_get_request_mode;
  widget_class->measure = accord_wrap_box_measure;
  widget_class->size_allocate = accord_wrap_box_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "accordwrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accord_wrap_box_init (AccordWrapBox *self)
{
}

/**
 * accord_wrap_box_new:
 * @spacing: pixels between children on a line
 * @line_spacing: pixels between lines
 */
GtkWidget *
accord_wrap_box_new (int spacing,
                     int line_spacing)
{
  AccordWrapBox *self = g_object_new (ACCORD_TYPE_WRAP_BOX, NULL);

  self->spacing = spacing;
  self->line_spacing = line_spacing;

  return GTK_WIDGET (self);
}

/**
 * accord_wrap_box_append:
 * @child: (transfer floating): a widget to put after the others
 */
void
accord_wrap_box_append (AccordWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (ACCORD_IS_WRAP_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
