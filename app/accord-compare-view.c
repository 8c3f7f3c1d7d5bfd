/* accord-compare-view.c: subjects side by side, aspect by aspect
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header of drop-downs, one per chosen subject, and below it one list row
 * per aspect: the aspect (a link to its page), a mark that says in words and
 * with an icon whether the subjects agree, and the subjects' values in
 * columns that line up with the drop-downs. The common ground and the
 * differences that concern no single aspect come first, as list items of
 * their own, so the whole page scrolls as one and only the visible rows get
 * widgets: the list is an AccordTable of one column and no titles, which
 * builds widgets for the rows on screen only (GTK 4.8's GtkListView keeps
 * some 200, and binds them all again at every change of subjects or of
 * "Show differences only"). A row is a stop for the keyboard: the arrow
 * keys move between rows, Enter opens the row's aspect.
 *
 * The rows are accord_compare_rows_new() (app/core/accord-compare.c) behind
 * a GtkFilterListModel for "Show differences only". The item widgets are
 * made in code rather than from a builder template: a row has one value
 * column per chosen subject, and the list mixes rows with sections.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-cell-text.h"
#include "accord-compare-view.h"
#include "accord-table.h"
#include "accord-widget-util.h"

/* AccordCompareSection: a list item before the rows (common ground,
 * general differences, or a notice when no row is left). */

#define ACCORD_TYPE_COMPARE_SECTION (accord_compare_section_get_type ())
G_DECLARE_FINAL_TYPE (AccordCompareSection, accord_compare_section, ACCORD, COMPARE_SECTION, GObject)

struct _AccordCompareSection
{
  GObject parent_instance;

  char *title;
  char *icon_name;
  char **items;
};

G_DEFINE_FINAL_TYPE (AccordCompareSection, accord_compare_section, G_TYPE_OBJECT)

static void
accord_compare_section_finalize (GObject *object)
{
  AccordCompareSection *self = ACCORD_COMPARE_SECTION (object);

  g_free (self->title);
  g_free (self->icon_name);
  g_strfreev (self->items);

  G_OBJECT_CLASS (accord_compare_section_parent_class)->finalize (object);
}

static void
accord_compare_section_class_init (AccordCompareSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accord_compare_section_finalize;
}

static void accord_compare_section_init (AccordCompareSection *self) { }

/* Takes @items. */
static AccordCompareSection *
accord_compare_section_new (const char  *title,
                            const char  *icon_name,
                            char       **items)
{
  AccordCompareSection *self = g_object_new (ACCORD_TYPE_COMPARE_SECTION, NULL);

  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  self->items = items != NULL ? items : g_new0 (char *, 1);

  return self;
}

/* AccordCompareView */

struct _AccordCompareView
{
  GtkWidget parent_instance;

  AccordPack *pack;
  char **requested;            /* ids asked for before a pack was set */
  GListStore *chosen;          /* AccordSubject */
  char *location;
  gboolean differences_only;
  gboolean syncing;            /* while the drop-downs are set from code */

  GListStore *sections;        /* AccordCompareSection, before the rows */
  /* (nullable) Those sections, made when the subjects are chosen: the same
   * objects for every toggle of "differences only", so the table knows
   * their heights (it remembers them by item) and does not measure them
   * again. */
  AccordCompareSection *common_section;
  AccordCompareSection *general_section;
  GListStore *notices;         /* AccordCompareSection, after them */
  GtkCustomFilter *filter;
  GtkFilterListModel *rows;    /* AccordCompareRow */

  /* template children */
  GtkStack *stack;
  GtkGrid *header_grid;
  AccordTable *list_view;
  GtkListItemFactory *subject_factory;
  GtkListItemFactory *subject_list_factory;
};

G_DEFINE_FINAL_TYPE (AccordCompareView, accord_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK,
  PROP_LOCATION,
  PROP_DIFFERENCES_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NAVIGATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Texts */

static char *
subject_ordinal (guint index)
{
  static const char *ordinals[] = {
    /* Translators: accessible names of the subject drop-downs in the Compare view */
    N_("First subject"), N_("Second subject"), N_("Third subject"),
    N_("Fourth subject"), N_("Fifth subject"), N_("Sixth subject"),
  };

  if (index < G_N_ELEMENTS (ordinals))
    return g_strdup (_(ordinals[index]));

  /* Translators: the accessible name of a subject drop-down past the sixth */
  return g_strdup_printf (_("Subject %u"), index + 1);
}

static const char *
mark_icon_name (AccordMark mark)
{
  switch (mark)
    {
    case ACCORD_MARK_COMMON: return "emblem-ok-symbolic";
    case ACCORD_MARK_DIFFERS: return "view-dual-symbolic";
    case ACCORD_MARK_ONLY: return "list-remove-symbolic";
    case ACCORD_MARK_NONE:
    default: return "action-unavailable-symbolic";
    }
}

static const char *
mark_css_class (AccordMark mark)
{
  switch (mark)
    {
    case ACCORD_MARK_COMMON: return "accord-mark-common";
    case ACCORD_MARK_DIFFERS: return "accord-mark-differs";
    case ACCORD_MARK_ONLY: return "accord-mark-only";
    case ACCORD_MARK_NONE:
    default: return "accord-mark-none";
    }
}

/* List items
 *
 * One widget tree serves both kinds of item; bind shows the part it needs.
 * The list recycles items freely between rows and sections. */

typedef struct
{
  GtkWidget *row_box;
  GtkWidget *aspect_button;
  GtkWidget *aspect_label;
  GtkWidget *mark_box;
  GtkWidget *mark_image;
  GtkWidget *mark_label;
  GtkWidget *values_grid;
  GPtrArray *value_labels;
  GtkWidget *difference_label;

  GtkWidget *section_box;
  GtkWidget *section_image;
  GtkWidget *section_title;
  GtkWidget *section_items;
} ItemWidgets;

static void
item_widgets_free (gpointer data)
{
  ItemWidgets *widgets = data;

  g_ptr_array_unref (widgets->value_labels);
  g_free (widgets);
}

static GtkWidget *
wrapping_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
setup_item (gpointer user_data)
{
  ItemWidgets *w = g_new0 (ItemWidgets, 1);
  GtkWidget *root, *header;

  /* With the table's cell padding (8 px by 6): 12 px by 18, in line with
   * the header's drop-downs. */
  root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (root, 4);
  gtk_widget_set_margin_bottom (root, 4);
  gtk_widget_set_margin_start (root, 12);
  gtk_widget_set_margin_end (root, 12);

  /* A compare row */
  w->row_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (root), w->row_box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (w->row_box), header);

  w->aspect_label = wrapping_label ("heading");
  w->aspect_button = accord_link_button_new (w->aspect_label);
  gtk_widget_set_valign (w->aspect_button, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (w->aspect_button, TRUE);
  /* A click follows the link; the keyboard has the row (Enter). */
  gtk_widget_set_focusable (w->aspect_button, FALSE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (w->aspect_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (w->aspect_button), "compare.open-aspect");
  gtk_box_append (GTK_BOX (header), w->aspect_button);

  w->mark_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (w->mark_box, "accord-mark");
  gtk_widget_set_valign (w->mark_box, GTK_ALIGN_CENTER);
  w->mark_image = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (w->mark_box), w->mark_image);
  w->mark_label = wrapping_label (NULL);
  gtk_label_set_wrap_mode (GTK_LABEL (w->mark_label), PANGO_WRAP_WORD);
  gtk_box_append (GTK_BOX (w->mark_box), w->mark_label);
  gtk_box_append (GTK_BOX (header), w->mark_box);

  w->values_grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (w->values_grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (w->values_grid), 18);
  gtk_box_append (GTK_BOX (w->row_box), w->values_grid);
  w->value_labels = g_ptr_array_new ();

  /* The values and the note are the bulk of the text: AccordCellTexts,
   * which measure a text at a width once and lay it out for drawing only
   * when drawn (the aspect and the mark keep their natural widths). */
  w->difference_label = accord_cell_text_new ();
  gtk_widget_add_css_class (w->difference_label, "accord-note");
  gtk_widget_set_margin_top (w->difference_label, 6);
  gtk_box_append (GTK_BOX (w->row_box), w->difference_label);

  /* A section */
  w->section_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (root), w->section_box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (w->section_box), header);
  w->section_image = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_box_append (GTK_BOX (header), w->section_image);
  w->section_title = wrapping_label ("title-4");
  gtk_widget_set_hexpand (w->section_title, TRUE);
  gtk_box_append (GTK_BOX (header), w->section_title);

  w->section_items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (w->section_box), w->section_items);

  g_object_set_data_full (G_OBJECT (root), "accord-item-widgets", w, item_widgets_free);
  return root;
}

static void
set_n_value_labels (ItemWidgets *w,
                    guint        n)
{
  while (w->value_labels->len > n)
    {
      GtkWidget *label = g_ptr_array_steal_index (w->value_labels, w->value_labels->len - 1);

      gtk_grid_remove (GTK_GRID (w->values_grid), label);
    }

  while (w->value_labels->len < n)
    {
      GtkWidget *label = accord_cell_text_new ();

      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (w->values_grid), label, w->value_labels->len, 0, 1, 1);
      g_ptr_array_add (w->value_labels, label);
    }
}

static void
bind_row (ItemWidgets      *w,
          AccordCompareRow *row,
          GListModel       *chosen)
{
  AccordAspect *aspect = accord_compare_row_get_aspect (row);
  AccordMark mark = accord_compare_row_get_mark (row);
  const char *difference = accord_compare_row_get_difference (row);
  g_autofree char *mark_words = accord_compare_row_describe_mark (row);
  guint n_values = accord_compare_row_get_n_values (row);

  /* Pack text is untrusted: plain text only, never markup. */
  gtk_label_set_text (GTK_LABEL (w->aspect_label), accord_aspect_get_name (aspect));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (w->aspect_button), "s", accord_aspect_get_id (aspect));
  gtk_widget_set_tooltip_text (w->aspect_button, accord_aspect_get_description (aspect));

  gtk_image_set_from_icon_name (GTK_IMAGE (w->mark_image), mark_icon_name (mark));
  gtk_label_set_text (GTK_LABEL (w->mark_label), mark_words);
  for (AccordMark m = ACCORD_MARK_COMMON; m <= ACCORD_MARK_NONE; m++)
    gtk_widget_remove_css_class (w->mark_box, mark_css_class (m));
  gtk_widget_add_css_class (w->mark_box, mark_css_class (mark));

  set_n_value_labels (w, n_values);
  for (guint i = 0; i < n_values; i++)
    {
      AccordCharacteristic *value = accord_compare_row_get_value (row, i);
      g_autoptr(AccordSubject) subject = g_list_model_get_item (chosen, i);
      GtkWidget *label = g_ptr_array_index (w->value_labels, i);

      if (value != NULL)
        {
          accord_cell_text_set_text (ACCORD_CELL_TEXT (label), accord_characteristic_get_text (value));
          gtk_widget_remove_css_class (label, "dim-label");
        }
      else
        {
          /* Translators: shown in a subject's column when the pack says nothing about that aspect */
          accord_cell_text_set_text (ACCORD_CELL_TEXT (label), _("Not covered"));
          gtk_widget_add_css_class (label, "dim-label");
        }

      /* Which column this is, for those who cannot see the header. */
      if (subject != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accord_subject_get_name (subject),
                                        -1);
    }

  accord_cell_text_set_text (ACCORD_CELL_TEXT (w->difference_label), difference);
  gtk_widget_set_visible (w->difference_label, difference != NULL);
}

static void
bind_section (ItemWidgets          *w,
              AccordCompareSection *section)
{
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (w->section_title), section->title);
  gtk_image_set_from_icon_name (GTK_IMAGE (w->section_image), section->icon_name);
  gtk_widget_set_visible (w->section_image, section->icon_name != NULL);

  while ((child = gtk_widget_get_first_child (w->section_items)) != NULL)
    gtk_box_remove (GTK_BOX (w->section_items), child);

  for (guint i = 0; section->items[i] != NULL; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL,
                                        "label", "•",
                                        "valign", GTK_ALIGN_START,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);
      GtkWidget *label = wrapping_label (NULL);

      /* A bullet beside the text, so that wrapped lines hang. */
      gtk_label_set_text (GTK_LABEL (label), section->items[i]);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (item), bullet);
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (GTK_BOX (w->section_items), item);
    }
  gtk_widget_set_visible (w->section_items, section->items[0] != NULL);
}

/* Shows @item, a row or a section, in @root; nothing for NULL. */
static void
bind_item (GtkWidget *root,
           gpointer   item,
           gpointer   user_data)
{
  AccordCompareView *self = user_data;
  ItemWidgets *w = g_object_get_data (G_OBJECT (root), "accord-item-widgets");
  gboolean is_row = ACCORD_IS_COMPARE_ROW (item);
  const char *name = "";

  gtk_widget_set_visible (w->row_box, is_row);
  gtk_widget_set_visible (w->section_box, item != NULL && !is_row);

  if (is_row)
    {
      bind_row (w, item, G_LIST_MODEL (self->chosen));
      name = accord_aspect_get_name (accord_compare_row_get_aspect (item));
    }
  else if (item != NULL)
    {
      bind_section (w, item);
      name = ACCORD_COMPARE_SECTION (item)->title;
    }

  /* The list's row is named after its aspect, or its section. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Enter or a double click on a row opens its aspect. */
static void
on_item_activated (AccordCompareView *self,
                   guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (accord_table_get_model (self->list_view)), position);

  if (ACCORD_IS_COMPARE_ROW (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "compare.open-aspect", "s",
                                accord_aspect_get_id (accord_compare_row_get_aspect (ACCORD_COMPARE_ROW (item))));
}

/* Sections and rows */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  AccordCompareView *self = user_data;
  AccordMark mark;

  if (!self->differences_only)
    return TRUE;

  mark = accord_compare_row_get_mark (item);
  return mark == ACCORD_MARK_DIFFERS || mark == ACCORD_MARK_ONLY;
}

/* What the chosen subjects have in common, and how they differ beyond
 * single aspects. */
static void
build_sections (AccordCompareView *self)
{
  g_clear_object (&self->common_section);
  g_clear_object (&self->general_section);

  if (self->pack != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->chosen)) >= 2)
    {
      char **common = accord_compare_get_common (self->pack, G_LIST_MODEL (self->chosen));
      char **general = accord_compare_get_general_differences (self->pack, G_LIST_MODEL (self->chosen));

      if (common[0] != NULL)
        /* Translators: heading above the points the chosen subjects have in common */
        self->common_section = accord_compare_section_new (_("Common ground"), "emblem-ok-symbolic",
                                                           g_steal_pointer (&common));
      if (general[0] != NULL)
        /* Translators: heading above the differences that concern no single aspect */
        self->general_section = accord_compare_section_new (_("How They Differ"), "view-dual-symbolic",
                                                            g_steal_pointer (&general));

      g_strfreev (common);
      g_strfreev (general);
    }
}

/* The sections before the rows. Called before the rows change: a list view
 * keeps its first visible item in place, so items inserted above it later
 * would scroll the page. */
static void
update_sections (AccordCompareView *self)
{
  gpointer sections[2];
  guint n = 0;

  if (self->common_section != NULL && !self->differences_only)
    sections[n++] = self->common_section;
  if (self->general_section != NULL)
    sections[n++] = self->general_section;

  g_list_store_splice (self->sections, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sections)),
                       sections, n);
}

/* A notice after the rows when none is left to show. */
static void
update_notices (AccordCompareView *self)
{
  g_autoptr(AccordCompareSection) notice = NULL;

  if (self->pack != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->chosen)) >= 2 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    {
      if (g_list_model_get_n_items (accord_pack_get_aspects (self->pack)) == 0)
        /* Translators: shown in the Compare view for a pack without aspects */
        notice = accord_compare_section_new (_("This pack has no aspects to compare"), NULL, NULL);
      else
        /* Translators: shown in the Compare view with “Show differences only” on */
        notice = accord_compare_section_new (_("No aspect differs: the subjects agree on everything they cover"),
                                             NULL, NULL);
    }

  g_list_store_splice (self->notices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notices)),
                       (gpointer *) (notice != NULL ? &notice : NULL), notice != NULL ? 1 : 0);
}

static void
update_rows (AccordCompareView *self)
{
  g_autoptr(GListModel) rows = NULL;

  if (self->pack != NULL)
    rows = accord_compare_rows_new (self->pack, G_LIST_MODEL (self->chosen));

  build_sections (self);
  update_sections (self);
  gtk_filter_list_model_set_model (self->rows, rows);
  update_notices (self);
}

/* The header: one cell per chosen subject */

static void
on_drop_down_selected (GtkDropDown       *drop_down,
                       GParamSpec        *pspec,
                       AccordCompareView *self);

/* The toggle button that takes the focus for @drop_down. GTK 4.8's has no
 * accessible name (a screen reader said "toggle button" and no more): it
 * is given the drop-down's, and the subject shown as its description. */
static GtkWidget *
drop_down_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  return NULL;
}

static GtkWidget *
make_header_cell (AccordCompareView *self,
                  guint              index)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkExpression *expression;
  GtkWidget *drop_down;
  GtkWidget *button;
  g_autofree char *label = subject_ordinal (index);

  expression = gtk_property_expression_new (ACCORD_TYPE_SUBJECT, NULL, "name");
  drop_down = gtk_drop_down_new (g_object_ref (accord_pack_get_subjects (self->pack)), expression);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), self->subject_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), self->subject_list_factory);
  gtk_widget_set_hexpand (drop_down, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  button = drop_down_button (GTK_DROP_DOWN (drop_down));
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (drop_down), "accord-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_drop_down_selected), self, 0);
  gtk_box_append (GTK_BOX (cell), drop_down);

  if (index == 0)
    {
      GtkWidget *swap = gtk_button_new_from_icon_name ("object-flip-horizontal-symbolic");

      /* Translators: tooltip of the button between the first two subjects */
      gtk_widget_set_tooltip_text (swap, _("Swap"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (swap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      /* Translators: accessible name of the Swap button */
                                      _("Swap the first two subjects"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (swap), "compare.swap");
      gtk_widget_set_valign (swap, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (swap, "flat");
      gtk_box_append (GTK_BOX (cell), swap);
    }
  else if (index >= 2)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *accessible = NULL;

      /* Translators: tooltip of the button that removes an extra subject's column */
      gtk_widget_set_tooltip_text (remove, _("Remove Subject"));
      /* Translators: accessible name of that button; %u is the column's number, from 3 */
      accessible = g_strdup_printf (_("Remove subject %u"), index + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "compare.remove-subject");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_box_append (GTK_BOX (cell), remove);
    }

  return cell;
}

static GtkDropDown *
header_drop_down (AccordCompareView *self,
                  guint              index)
{
  GtkWidget *cell = gtk_grid_get_child_at (self->header_grid, index, 0);

  return cell != NULL ? GTK_DROP_DOWN (gtk_widget_get_first_child (cell)) : NULL;
}

static void
clear_header (AccordCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header_grid))) != NULL)
    gtk_grid_remove (self->header_grid, child);
}

static void
sync_header (AccordCompareView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chosen));
  guint n_cells = 0;

  if (self->pack == NULL)
    {
      clear_header (self);
      return;
    }

  while (gtk_grid_get_child_at (self->header_grid, n_cells, 0) != NULL)
    n_cells++;

  for (; n_cells > n; n_cells--)
    gtk_grid_remove (self->header_grid, gtk_grid_get_child_at (self->header_grid, n_cells - 1, 0));
  for (; n_cells < n; n_cells++)
    gtk_grid_attach (self->header_grid, make_header_cell (self, n_cells), n_cells, 0, 1, 1);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (G_LIST_MODEL (self->chosen), i);

      GtkDropDown *drop_down = header_drop_down (self, i);
      GtkWidget *button = drop_down_button (drop_down);

      gtk_drop_down_set_selected (drop_down, accord_subject_get_position (subject));
      /* The whole name, for when a narrow column ellipsizes it */
      gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accord_subject_get_name (subject));
      if (button != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        accord_subject_get_name (subject), -1);
    }
  self->syncing = FALSE;
}

static void
update_actions (AccordCompareView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chosen));
  guint n_pack = self->pack != NULL ? g_list_model_get_n_items (accord_pack_get_subjects (self->pack)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap", n >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.add-subject", n < n_pack);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.remove-subject", n > 2);
}

static void
update_location (AccordCompareView *self)
{
  g_auto(GStrv) ids = accord_compare_view_get_subjects (self);
  g_autofree char *joined = g_strjoinv (",", ids);
  g_autofree char *location = g_strconcat ("compare:", joined, NULL);

  if (g_strcmp0 (location, self->location) == 0)
    return;

  g_free (self->location);
  self->location = g_steal_pointer (&location);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

static gboolean
chosen_contains (GPtrArray     *subjects,
                 AccordSubject *subject)
{
  return g_ptr_array_find (subjects, subject, NULL);
}

/* Shows @subjects (AccordSubject of the pack), after filling up to two from
 * pack order. Notifies "location" when the choice changed. */
static void
choose_subjects (AccordCompareView *self,
                 GPtrArray         *subjects)
{
  GListModel *pack_subjects;
  guint n_pack;
  gboolean same;

  g_return_if_fail (self->pack != NULL);

  pack_subjects = accord_pack_get_subjects (self->pack);
  n_pack = g_list_model_get_n_items (pack_subjects);
  for (guint i = 0; subjects->len < 2 && i < n_pack; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (pack_subjects, i);

      if (!chosen_contains (subjects, subject))
        g_ptr_array_add (subjects, g_object_ref (subject));
    }

  same = subjects->len == g_list_model_get_n_items (G_LIST_MODEL (self->chosen));
  for (guint i = 0; same && i < subjects->len; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (G_LIST_MODEL (self->chosen), i);

      same = subject == g_ptr_array_index (subjects, i);
    }

  if (!same)
    {
      g_list_store_splice (self->chosen, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chosen)),
                           subjects->pdata, subjects->len);
      update_rows (self);
    }

  sync_header (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, subjects->len >= 2 ? "compare" : "single");
  update_location (self);
}

static GPtrArray *
chosen_array (AccordCompareView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chosen));
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (G_LIST_MODEL (self->chosen), i));

  return array;
}

static void
on_drop_down_selected (GtkDropDown       *drop_down,
                       GParamSpec        *pspec,
                       AccordCompareView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "accord-index"));
  AccordSubject *subject = gtk_drop_down_get_selected_item (drop_down);
  g_autoptr(GPtrArray) subjects = NULL;
  guint other;

  if (self->syncing || subject == NULL)
    return;

  subjects = chosen_array (self);
  if (index >= subjects->len || g_ptr_array_index (subjects, index) == subject)
    return;

  /* Picking a subject that another column shows swaps the two columns. */
  if (g_ptr_array_find (subjects, subject, &other))
    {
      g_ptr_array_index (subjects, other) = g_ptr_array_index (subjects, index);
      g_ptr_array_index (subjects, index) = g_object_ref (subject);
      g_object_unref (subject);  /* the reference the other column held */
    }
  else
    {
      g_object_unref (g_ptr_array_index (subjects, index));
      g_ptr_array_index (subjects, index) = g_object_ref (subject);
    }

  choose_subjects (self, subjects);
}

/* Actions */

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (widget);
  g_autoptr(GPtrArray) subjects = chosen_array (self);
  gpointer first;

  if (subjects->len < 2)
    return;

  first = g_ptr_array_index (subjects, 0);
  g_ptr_array_index (subjects, 0) = g_ptr_array_index (subjects, 1);
  g_ptr_array_index (subjects, 1) = first;
  choose_subjects (self, subjects);
}

static void
add_subject_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (widget);
  g_autoptr(GPtrArray) subjects = NULL;
  GListModel *pack_subjects;

  if (self->pack == NULL)
    return;

  subjects = chosen_array (self);
  pack_subjects = accord_pack_get_subjects (self->pack);
  for (guint i = 0; i < g_list_model_get_n_items (pack_subjects); i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (pack_subjects, i);

      if (!chosen_contains (subjects, subject))
        {
          g_ptr_array_add (subjects, g_steal_pointer (&subject));
          choose_subjects (self, subjects);
          return;
        }
    }
}

static void
remove_subject_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (widget);
  g_autoptr(GPtrArray) subjects = chosen_array (self);
  guint index = g_variant_get_uint32 (parameter);

  /* The first two columns stay. */
  if (index < 2 || index >= subjects->len)
    return;

  g_ptr_array_remove_index (subjects, index);
  choose_subjects (self, subjects);
}

static void
open_aspect_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autofree char *location = g_strconcat ("aspect:", g_variant_get_string (parameter, NULL), NULL);

  g_signal_emit (widget, signals[NAVIGATE], 0, location);
}

/* Public API */

/**
 * accord_compare_view_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack on show
 */
AccordPack *
accord_compare_view_get_pack (AccordCompareView *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_VIEW (self), NULL);

  return self->pack;
}

/**
 * accord_compare_view_set_pack:
 * @pack: (nullable): a pack
 *
 * Shows @pack. The subjects chosen so far stay where the new pack has them;
 * otherwise, and at first, the pack's first two subjects are compared.
 */
void
accord_compare_view_set_pack (AccordCompareView *self,
                              AccordPack        *pack)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (ACCORD_IS_COMPARE_VIEW (self));
  g_return_if_fail (pack == NULL || ACCORD_IS_PACK (pack));

  if (self->pack == pack)
    return;

  ids = self->requested != NULL ? g_steal_pointer (&self->requested) : accord_compare_view_get_subjects (self);

  /* Cells hold drop-downs over the old pack's subjects. */
  clear_header (self);
  g_list_store_remove_all (self->chosen);
  g_set_object (&self->pack, pack);

  if (pack == NULL)
    {
      self->requested = g_steal_pointer (&ids);
      update_rows (self);
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_location (self);
    }
  else
    accord_compare_view_set_subjects (self, (const char * const *) ids);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * accord_compare_view_set_subjects:
 * @ids: (array zero-terminated=1): subject ids, two or more
 *
 * Compares the subjects named by @ids, in that order. Ids the pack does not
 * know and repeats are ignored; when fewer than two remain, the pack's first
 * subjects fill up. Without a pack, the ids are kept for the next one.
 */
void
accord_compare_view_set_subjects (AccordCompareView  *self,
                                  const char * const *ids)
{
  g_autoptr(GPtrArray) subjects = NULL;

  g_return_if_fail (ACCORD_IS_COMPARE_VIEW (self));

  if (self->pack == NULL)
    {
      g_strfreev (self->requested);
      self->requested = g_strdupv ((char **) ids);
      update_location (self);
      return;
    }

  subjects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      AccordSubject *subject = accord_pack_lookup_subject (self->pack, ids[i]);

      if (subject != NULL && !chosen_contains (subjects, subject))
        g_ptr_array_add (subjects, g_object_ref (subject));
    }

  choose_subjects (self, subjects);
}

/**
 * accord_compare_view_get_subjects:
 *
 * Returns: (transfer full): the ids of the subjects compared, in column order
 */
char **
accord_compare_view_get_subjects (AccordCompareView *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (ACCORD_IS_COMPARE_VIEW (self), NULL);

  if (self->pack == NULL)
    return self->requested != NULL ? g_strdupv (self->requested) : g_new0 (char *, 1);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->chosen)); i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (G_LIST_MODEL (self->chosen), i);

      g_strv_builder_add (builder, accord_subject_get_id (subject));
    }
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

/**
 * accord_compare_view_get_location:
 *
 * Returns: where the view is, "compare:ID,ID[,ID…]", for history and links
 */
const char *
accord_compare_view_get_location (AccordCompareView *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_VIEW (self), NULL);

  return self->location;
}

gboolean
accord_compare_view_get_differences_only (AccordCompareView *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_VIEW (self), FALSE);

  return self->differences_only;
}

void
accord_compare_view_set_differences_only (AccordCompareView *self,
                                          gboolean           differences_only)
{
  g_return_if_fail (ACCORD_IS_COMPARE_VIEW (self));

  differences_only = !!differences_only;
  if (self->differences_only == differences_only)
    return;

  self->differences_only = differences_only;
  update_sections (self);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      differences_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_notices (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFERENCES_ONLY]);
}

/**
 * accord_compare_view_get_rows:
 *
 * Returns: (transfer none): a #GListModel of the #AccordCompareRow on show,
 *   after "Show differences only"
 */
GListModel *
accord_compare_view_get_rows (AccordCompareView *self)
{
  g_return_val_if_fail (ACCORD_IS_COMPARE_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/* GObject */

static void
accord_compare_view_dispose (GObject *object)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_COMPARE_VIEW);

  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->sections);
  g_clear_object (&self->common_section);
  g_clear_object (&self->general_section);
  g_clear_object (&self->notices);
  g_clear_object (&self->chosen);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_compare_view_parent_class)->dispose (object);
}

static void
accord_compare_view_finalize (GObject *object)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (object);

  g_strfreev (self->requested);
  g_free (self->location);

  G_OBJECT_CLASS (accord_compare_view_parent_class)->finalize (object);
}

static void
accord_compare_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_DIFFERENCES_ONLY:
      g_value_set_boolean (value, self->differences_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_compare_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordCompareView *self = ACCORD_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      accord_compare_view_set_pack (self, g_value_get_object (value));
      break;
    case PROP_DIFFERENCES_ONLY:
      accord_compare_view_set_differences_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_compare_view_class_init (AccordCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_compare_view_dispose;
  object_class->finalize = accord_compare_view_finalize;
  object_class->get_property = accord_compare_view_get_property;
  object_class->set_property = accord_compare_view_set_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, "compare:",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFERENCES_ONLY] =
    g_param_spec_boolean ("differences-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordCompareView::navigate:
   * @location: where to go, such as "aspect:consent"
   */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (ACCORD_TYPE_SUBJECT);
  g_type_ensure (ACCORD_TYPE_TABLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accord-compare-view");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordCompareView, header_grid);
  gtk_widget_class_bind_template_child (widget_class, AccordCompareView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordCompareView, subject_factory);
  gtk_widget_class_bind_template_child (widget_class, AccordCompareView, subject_list_factory);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated);

  gtk_widget_class_install_property_action (widget_class, "compare.differences-only", "differences-only");
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_action);
  gtk_widget_class_install_action (widget_class, "compare.add-subject", NULL, add_subject_action);
  gtk_widget_class_install_action (widget_class, "compare.remove-subject", "u", remove_subject_action);
  gtk_widget_class_install_action (widget_class, "compare.open-aspect", "s", open_aspect_action);
}

static void
accord_compare_view_init (AccordCompareView *self)
{
  g_autoptr(GListStore) parts = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(AccordTableColumn) column = NULL;
  GtkFlattenListModel *flat;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->location = g_strdup ("compare:");
  self->chosen = g_list_store_new (ACCORD_TYPE_SUBJECT);
  self->sections = g_list_store_new (ACCORD_TYPE_COMPARE_SECTION);
  self->notices = g_list_store_new (ACCORD_TYPE_COMPARE_SECTION);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->rows = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));

  /* Sections, rows, notices: the list only ever sees the flat model. */
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, self->sections);
  g_list_store_append (parts, self->rows);
  g_list_store_append (parts, self->notices);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));

  /* One column, as wide as the view. */
  column = accord_table_column_new (NULL);
  accord_table_column_set_cells (column, setup_item, bind_item, self, NULL);
  accord_table_column_set_width (column, 1);
  accord_table_column_set_expand (column, TRUE);
  accord_table_append_column (self->list_view, column);
  selection = gtk_no_selection_new (G_LIST_MODEL (flat));
  accord_table_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
