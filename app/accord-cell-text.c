/* accord-cell-text.c: wrapped text for the cells of a long table
 *
 * A plain-text label that wraps to the width it is given, like a GtkLabel
 * with wrapping on, but made for the cells of a long table (AccordTable):
 *
 *  - Rows are rebound to other items as the table scrolls, sorts and
 *    filters, and the table measures rows ahead of time while idle (with a
 *    sample row of the same cells). A wrapping GtkLabel lays its text out
 *    three times each time it is measured (minimum width, natural width,
 *    height for the width). Here the height for a width is the only
 *    measure, and it is kept in a cache keyed by the text, the width and
 *    the font, so a text that has been measured at a width is never laid
 *    out again to be measured: not when a row shows it after the sample
 *    measured it, nor when it comes back after a sort.
 *  - Its width comes from the column, so it asks for none of its own.
 *  - The text is laid out for drawing only when the cell is drawn. (The
 *    drawing layout follows font changes by itself: Pango notices that its
 *    context changed.)
 *
 * It is a label to accessibility (role and name), and takes a label's
 * style (CSS name "label": "dim-label" and the theme's colours apply).
 * The text is never markup. The words a filter found can be marked
 * (accord_cell_text_set_marks()): that only changes how the text is
 * drawn, never its height.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <string.h>

#include "accord-cell-text.h"
#include "accord-widget-util.h"

/* Heights of texts at widths, for every cell of the process. Emptied when
 * it grows past ACCORD_CELL_TEXT_CACHE_SIZE, which a table of 2,000 × 8 at
 * two widths stays under. */

struct _AccordCellText
{
  GtkWidget parent_instance;

  char *text;
  char *marks;           /* the query whose words are marked, or NULL */
  PangoLayout *layout;   /* for drawing; NULL until drawn */
  PangoAttrList *attrs;  /* the marks of the text; NULL for none */
  guint attrs_valid : 1; /* attrs are those of text and marks */
  guint layout_marked : 1; /* the layout has attrs */
};

G_DEFINE_FINAL_TYPE (AccordCellText, accord_cell_text, GTK_TYPE_WIDGET)

typedef struct
{
  char  *text;
  int    width;
  guint  font;           /* the widget's font and resolution */
  int    height;
} Height;

static GHashTable *height_cache;   /* Height → itself */
static guint n_laid_out;           /* texts laid out to be measured */

static guint
height_hash (gconstpointer key)
{
  const Height *h = key;

  return g_str_hash (h->text) ^ ((guint) h->width * 2654435761u) ^ h->font;
}

static gboolean
height_equal (gconstpointer a,
              gconstpointer b)
{
  const Height *x = a, *y = b;

  return x->width == y->width && x->font == y->font && strcmp (x->text, y->text) == 0;
}

static void
height_free (gpointer data)
{
  Height *h = data;

  g_free (h->text);
  g_free (h);
}

/* The width and the side: Pango lays the text out again only if either
 * changed. */
static void
place_layout (AccordCellText *self,
              PangoLayout    *layout,
              int             width)
{
  pango_layout_set_width (layout, width >= 0 ? width * PANGO_SCALE : -1);
  /* As a GtkLabel with xalign 0: the start side, which is the right in a
   * right-to-left interface. */
  pango_layout_set_alignment (layout, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static void
configure_layout (AccordCellText *self,
                  PangoLayout    *layout,
                  const char     *text,
                  int             width)
{
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  place_layout (self, layout, width);
}

/* What the heights of @self's texts depend on besides the width: its font
 * and the resolution. */
static guint
font_key (AccordCellText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  return pango_font_description_hash (pango_context_get_font_description (context)) ^
         (guint) (pango_cairo_context_get_resolution (context) * 64);
}

/* The height of @text at @width in @self's font: from the cache, or laid
 * out and cached. */
static int
height_for_width (AccordCellText *self,
                  const char     *text,
                  int             width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  Height key = {
    .text = text != NULL ? (char *) text : (char *) "",
    .width = width,
    .font = font_key (self),
  };
  Height *found;
  g_autoptr(PangoLayout) layout = NULL;

  if (height_cache == NULL)
    height_cache = g_hash_table_new_full (height_hash, height_equal, height_free, NULL);

  found = g_hash_table_lookup (height_cache, &key);
  if (found != NULL)
    return found->height;

  layout = pango_layout_new (context);
  configure_layout (self, layout, key.text, width);
  pango_layout_get_pixel_size (layout, NULL, &key.height);
  n_laid_out++;

  if (g_hash_table_size (height_cache) >= ACCORD_CELL_TEXT_CACHE_SIZE)
    g_hash_table_remove_all (height_cache);
  found = g_memdup2 (&key, sizeof key);
  found->text = g_strdup (key.text);
  g_hash_table_add (height_cache, found);

  return key.height;
}

static GtkSizeRequestMode
accord_cell_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
accord_cell_text_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AccordCellText *self = ACCORD_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The column gives the width. */
      *minimum = *natural = 0;
      return;
    }

  *minimum = *natural = height_for_width (self, self->text, for_size);
}

static void
accord_cell_text_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AccordCellText *self = ACCORD_CELL_TEXT (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;

  /* Made when first drawn with a text (accord_cell_text_set_text() drops
   * it); later frames only place it. */
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, NULL);
      configure_layout (self, self->layout, self->text, gtk_widget_get_width (widget));
      self->layout_marked = FALSE;
    }
  else
    place_layout (self, self->layout, gtk_widget_get_width (widget));

  /* Setting attributes lays the text out again: not when none come or go. */
  if (!self->layout_marked)
    {
      PangoAttrList *attrs = accord_cell_text_get_attributes (self);

      if (attrs != NULL || pango_layout_get_attributes (self->layout) != NULL)
        pango_layout_set_attributes (self->layout, attrs);
      self->layout_marked = TRUE;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
accord_cell_text_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
accord_cell_text_finalize (GObject *object)
{
  AccordCellText *self = ACCORD_CELL_TEXT (object);

  g_free (self->text);
  g_free (self->marks);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);

  G_OBJECT_CLASS (accord_cell_text_parent_class)->finalize (object);
}

static void
accord_cell_text_class_init (AccordCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = accord_cell_text_finalize;
  widget_class->get_request_mode = accord_cell_text_get_request_mode;
  widget_class->measure = accord_cell_text_measure;
  widget_class->snapshot = accord_cell_text_snapshot;
  widget_class->direction_changed = accord_cell_text_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
accord_cell_text_init (AccordCellText *self)
{
}

GtkWidget *
accord_cell_text_new (void)
{
  return g_object_new (ACCORD_TYPE_CELL_TEXT, NULL);
}

/**
 * accord_cell_text_set_text:
 * @text: (nullable): plain text, never markup
 */
void
accord_cell_text_set_text (AccordCellText *self,
                           const char     *text)
{
  g_return_if_fail (ACCORD_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  self->attrs_valid = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * accord_cell_text_set_marks:
 * @query: (nullable): a filter's query
 *
 * Marks the words of the text that @query finds, as the filter finds them
 * (accord_search_match_words()), or none.
 */
void
accord_cell_text_set_marks (AccordCellText *self,
                            const char     *query)
{
  g_return_if_fail (ACCORD_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->marks, query) == 0)
    return;

  g_free (self->marks);
  self->marks = g_strdup (query);
  self->attrs_valid = FALSE;
  self->layout_marked = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * accord_cell_text_get_attributes:
 *
 * Returns: (transfer none) (nullable): the marks the text is drawn with
 */
PangoAttrList *
accord_cell_text_get_attributes (AccordCellText *self)
{
  g_return_val_if_fail (ACCORD_IS_CELL_TEXT (self), NULL);

  if (!self->attrs_valid)
    {
      g_clear_pointer (&self->attrs, pango_attr_list_unref);
      if (self->marks != NULL)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          if (accord_text_add_search_marks (attrs, self->text, self->marks) > 0)
            self->attrs = g_steal_pointer (&attrs);
          g_clear_pointer (&attrs, pango_attr_list_unref);
        }
      self->attrs_valid = TRUE;
    }

  return self->attrs;
}

/**
 * accord_cell_text_get_text:
 *
 * Returns: (nullable): the text
 */
const char *
accord_cell_text_get_text (AccordCellText *self)
{
  g_return_val_if_fail (ACCORD_IS_CELL_TEXT (self), NULL);

  return self->text;
}

/**
 * accord_cell_text_get_n_laid_out:
 *
 * For tests and benchmarks.
 *
 * Returns: how many texts cells of the process have laid out to measure
 *   them (rather than finding their height known)
 */
guint
accord_cell_text_get_n_laid_out (void)
{
  return n_laid_out;
}
