/* accord-table-view.c: the "Characteristics" view
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages in a stack. The table: one row per aspect and one column per
 * subject, so every subject can be read against every other on the same
 * aspect. It is an AccordTable, which builds widgets for the rows on screen
 * only (GTK 4.8's GtkColumnView keeps some 200; see accord-table.c), with
 * the model
 *
 *   GtkSingleSelection (GtkSortListModel (GtkFilterListModel (aspects)))
 *
 * sorted by the table's own sorter (a click on a column's title), and
 * filtered by the folded words of each aspect's texts (indexed once, on a
 * worker thread, when the filter is first wanted: opening a pack stays
 * cheap, and typing never waits for it). The subject columns are
 * made here when the pack is set, because they depend on it. Every cell is
 * made of AccordCellTexts.
 *
 * The aspect page shows one aspect: every subject's characteristic side by
 * side with its sources, and the topics that discuss the aspect as links.
 * Activating a link emits ::navigate ("topic:ID"); the window decides what to
 * do with it. The page on show is the "location" property ("table" or
 * "aspect:ID"), for the window's history.
 *
 * Pack text is untrusted: it only ever reaches a label as plain text.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-cell-text.h"
#include "accord-table.h"
#include "accord-table-view.h"
#include "accord-widget-util.h"

/* Column widths. The subject columns share what is left of the width, but
 * never get narrower than this; below it the table scrolls sideways. */
#define ASPECT_COLUMN_WIDTH        220
#define GROUP_COLUMN_WIDTH         140
#define SUBJECT_COLUMN_MIN_WIDTH   280
/* Narrower than this, the first two columns give up some room and the
 * aspect page shows one subject per line. The columns take these narrower
 * widths too when that lets every subject's column fit beside them (three
 * subjects beside a window's sidebar, say) without scrolling sideways. */
#define NARROW_WIDTH               720
#define NARROW_ASPECT_COLUMN_WIDTH 150
#define NARROW_GROUP_COLUMN_WIDTH  100
#define NARROW_SUBJECT_MIN_WIDTH   240
/* Narrower than this (a phone), the Group column goes, so that the first
 * subject can be read next to the aspect. */
#define PHONE_WIDTH                560

struct _AccordTableView
{
  GtkWidget parent_instance;

  AccordPack *pack;
  char *location;

  /* The filter's index, built on a worker thread when first wanted (see
   * request_search_index()): for each aspect (by position in the pack),
   * " word word …", every word of its texts folded as the search folds
   * them (accord_search_append_folded()), so a query word matches when
   * " WORD" occurs in it. */
  GPtrArray *search_index;
  GCancellable *indexing;   /* while it is being built */
  /* The query's words, folded the same way, each as " word". */
  GPtrArray *query_words;
  char *query;

  /* Collation keys of each aspect's name and group, by position; NULL
   * for no group. */
  GPtrArray *name_keys;
  GPtrArray *group_keys;
  /* AccordAspect → GPtrArray of AccordTopic, in tree order. */
  GHashTable *topics_by_aspect;

  GtkCustomFilter *filter;
  GtkCustomSorter *name_sorter;
  GtkCustomSorter *group_sorter;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  AccordTableColumn *aspect_column;
  AccordTableColumn *group_column;
  GPtrArray *subject_columns;

  /* The width the columns were last fitted to, and whether that is what
   * is changing their widths right now (rather than the user). */
  int fitted_width;
  gboolean fitting;
  guint n_subjects;

  /* template children */
  GtkStack *stack;
  GtkWidget *table_page;
  GtkSearchEntry *filter_entry;
  GtkMenuButton *sort_button;
  GtkLabel *count_label;
  GtkStack *results_stack;
  GtkScrolledWindow *table_scroller;
  AccordTable *table;
  GtkLabel *empty_title;
  GtkLabel *empty_description;
  GtkScrolledWindow *aspect_scroller;
  GtkButton *back_button;
  GtkLabel *aspect_group;
  GtkLabel *aspect_title;
  GtkLabel *aspect_description;
  GtkFlowBox *subject_cards;
  GtkBox *topic_links;
  GtkWidget *no_topics_label;
};

G_DEFINE_FINAL_TYPE (AccordTableView, accord_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK,
  PROP_LOCATION,
  PROP_SORT,
  N_PROPS
};

enum {
  NAVIGATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Cells and labels ----------------------------------------------------- */

static void
set_plain_text (GtkLabel   *label,
                const char *text)
{
  /* Never markup: the text comes from the pack. */
  gtk_label_set_text (label, text != NULL ? text : "");
}

/* Sets @label up to show @text wrapped. */
static GtkWidget *
wrap_label (GtkWidget  *label,
            const char *text,
            gboolean    selectable,
            const char *css_class)
{
  set_plain_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), selectable);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
wrapping_label (const char *text,
                gboolean    selectable,
                const char *css_class)
{
  return wrap_label (gtk_label_new (NULL), text, selectable, css_class);
}

/* The table's cells ----------------------------------------------------
 *
 * Every cell's text is an AccordCellText, which measures a text at a width
 * once (see accord-cell-text.c). None is selectable, so clicks select and
 * activate the row.
 */

typedef enum
{
  COLUMN_ASPECT,   /* the aspect's name (a heading) and its description */
  COLUMN_GROUP,
  COLUMN_SUBJECT,  /* a subject's characteristic of the aspect */
} ColumnKind;

/* What a column needs to fill its cells. A subject column has its own pack
 * and subject, so a cell never mixes a new pack with an old subject. */
typedef struct
{
  ColumnKind kind;
  AccordPack *pack;
  AccordSubject *subject;
  AccordTableView *view;  /* weak: for the filter's query */
} ColumnCells;

static void
column_cells_free (gpointer data)
{
  ColumnCells *cells = data;

  g_clear_object (&cells->pack);
  g_clear_object (&cells->subject);
  g_clear_weak_pointer (&cells->view);
  g_free (cells);
}

static gboolean is_filtering (AccordTableView *self);

/* The query whose words the cells mark: the filter's, while it filters. */
static const char *
marks_query (AccordTableView *self)
{
  return self != NULL && is_filtering (self) ? self->query : NULL;
}

/* Marks the words the filter found in every cell under @widget. */
static void
mark_cells (GtkWidget  *widget,
            const char *query)
{
  if (ACCORD_IS_CELL_TEXT (widget))
    {
      accord_cell_text_set_marks (ACCORD_CELL_TEXT (widget), query);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_cells (child, query);
}

static GtkWidget *
cell_text_new (const char *css_class,
               const char *css_class2)
{
  GtkWidget *text = accord_cell_text_new ();

  if (css_class != NULL)
    gtk_widget_add_css_class (text, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (text, css_class2);
  return text;
}

static GtkWidget *
setup_cell (gpointer user_data)
{
  ColumnCells *cells = user_data;
  GtkWidget *child;

  if (cells->kind == COLUMN_ASPECT)
    {
      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      gtk_box_append (GTK_BOX (child), cell_text_new ("heading", NULL));
      gtk_box_append (GTK_BOX (child), cell_text_new ("caption", "dim-label"));
    }
  else
    child = cell_text_new (NULL, NULL);

  /* With the theme's cell padding: 12 px all round. */
  gtk_widget_set_margin_top (child, 4);
  gtk_widget_set_margin_bottom (child, 4);
  gtk_widget_set_margin_start (child, 6);
  gtk_widget_set_margin_end (child, 6);
  return child;
}

/* Fills a cell with @aspect's texts, or empties it (@aspect NULL): a
 * recycled cell must never show another row's text. */
static void
bind_cell (GtkWidget *child,
           gpointer   item,
           gpointer   user_data)
{
  ColumnCells *cells = user_data;
  AccordAspect *aspect = item;
  AccordCharacteristic *characteristic = NULL;
  AccordCellText *text;
  g_autofree char *description = NULL;

  switch (cells->kind)
    {
    case COLUMN_ASPECT:
      {
        const char *about = aspect != NULL ? accord_aspect_get_description (aspect) : NULL;
        GtkWidget *second = gtk_widget_get_last_child (child);
        const char *name = aspect != NULL ? accord_aspect_get_name (aspect) : NULL;

        accord_cell_text_set_text (ACCORD_CELL_TEXT (gtk_widget_get_first_child (child)), name);
        accord_cell_text_set_text (ACCORD_CELL_TEXT (second), about);
        mark_cells (child, marks_query (cells->view));
        gtk_widget_set_visible (second, about != NULL && *about != '\0');
        /* The cell, and its row, are named after the aspect. */
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "",
                                        -1);
      }
      return;

    case COLUMN_GROUP:
      accord_cell_text_set_text (ACCORD_CELL_TEXT (child), aspect != NULL ? accord_aspect_get_group (aspect) : NULL);
      mark_cells (child, marks_query (cells->view));
      return;

    case COLUMN_SUBJECT:
      break;

    default:
      g_assert_not_reached ();
    }

  text = ACCORD_CELL_TEXT (child);
  if (aspect == NULL)
    {
      accord_cell_text_set_text (text, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  characteristic = accord_pack_get_characteristic (cells->pack, cells->subject, aspect);
  /* Translators: a cell of the characteristics table for which the pack
   * says nothing about that subject on that aspect */
  accord_cell_text_set_text (text, characteristic != NULL ? accord_characteristic_get_text (characteristic) : _("Not covered"));
  mark_cells (child, marks_query (cells->view));
  if (characteristic != NULL)
    gtk_widget_remove_css_class (child, "dim-label");
  else
    gtk_widget_add_css_class (child, "dim-label");

  /* So a screen reader says which row and column a cell belongs to. */
  /* Translators: the accessible description of a table cell: a subject's
   * name, then an aspect's name, e.g. "Diplomacy — Consent" */
  description = g_strdup_printf (_("%s — %s"),
                                 accord_subject_get_name (cells->subject),
                                 accord_aspect_get_name (aspect));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* A column of @kind's cells. */
static AccordTableColumn *
column_new (AccordTableView *view,
            const char      *title,
            ColumnKind       kind,
            AccordPack      *pack,
            AccordSubject   *subject)
{
  AccordTableColumn *column = accord_table_column_new (title);
  ColumnCells *cells = g_new0 (ColumnCells, 1);

  cells->kind = kind;
  g_set_weak_pointer (&cells->view, view);
  g_set_object (&cells->pack, pack);
  g_set_object (&cells->subject, subject);
  accord_table_column_set_cells (column, setup_cell, bind_cell, cells, column_cells_free);
  accord_table_column_set_resizable (column, TRUE);

  return column;
}

/* Column widths ---------------------------------------------------------
 *
 * The aspect and group columns have widths of their own (narrower on a
 * narrow window); the subject columns share what is left, down to a
 * least width. A column the user has resized keeps the width the user
 * gave it.
 */

static void
on_column_resized (AccordTableColumn *column,
                   GParamSpec        *pspec,
                   AccordTableView   *self)
{
  if (!self->fitting)
    g_object_set_data (G_OBJECT (column), "accord-user-sized", GINT_TO_POINTER (TRUE));
}

static void
set_column_width (AccordTableView   *self,
                  AccordTableColumn *column,
                  int                width,
                  gboolean           expand)
{
  if (g_object_get_data (G_OBJECT (column), "accord-user-sized") != NULL)
    return;

  self->fitting = TRUE;
  accord_table_column_set_width (column, width);
  accord_table_column_set_expand (column, expand);
  self->fitting = FALSE;
}

static void
fit_columns (AccordTableView *self,
             int              width)
{
  guint n_subjects = self->subject_columns->len;
  gboolean compact = width < NARROW_WIDTH ||
                     ASPECT_COLUMN_WIDTH + GROUP_COLUMN_WIDTH + (int) n_subjects * SUBJECT_COLUMN_MIN_WIDTH > width;

  if (width <= 0)
    return;
  self->fitted_width = width;

  set_column_width (self, self->aspect_column, compact ? NARROW_ASPECT_COLUMN_WIDTH : ASPECT_COLUMN_WIDTH, FALSE);
  set_column_width (self, self->group_column, compact ? NARROW_GROUP_COLUMN_WIDTH : GROUP_COLUMN_WIDTH, FALSE);
  accord_table_column_set_visible (self->group_column, width >= PHONE_WIDTH);
  for (guint i = 0; i < n_subjects; i++)
    set_column_width (self, g_ptr_array_index (self->subject_columns, i),
                      compact ? NARROW_SUBJECT_MIN_WIDTH : SUBJECT_COLUMN_MIN_WIDTH, TRUE);
}

static void
accord_table_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (widget);

  if (self->stack == NULL)
    return;

  /* Before the stack is allocated, so the rows are measured with the widths
   * they will have. (This is why the view has no layout manager: with one,
   * GTK would not call this.) */
  if (width != self->fitted_width)
    fit_columns (self, width);

  /* Subjects side by side, the same size, when two fit; one per line,
   * each as tall as its text, when they do not. */
  gtk_flow_box_set_homogeneous (self->subject_cards, width >= NARROW_WIDTH);
  gtk_flow_box_set_max_children_per_line (self->subject_cards,
                                          width >= NARROW_WIDTH ? CLAMP (self->n_subjects, 1, 4) : 1);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static GtkSizeRequestMode
accord_table_view_get_request_mode (GtkWidget *widget)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (widget);

  if (self->stack == NULL)
    return GTK_SIZE_REQUEST_CONSTANT_SIZE;

  return gtk_widget_get_request_mode (GTK_WIDGET (self->stack));
}

static void
accord_table_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (widget);

  if (self->stack == NULL)
    return;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
remove_subject_columns (AccordTableView *self)
{
  for (guint i = 0; i < self->subject_columns->len; i++)
    accord_table_remove_column (self->table, g_ptr_array_index (self->subject_columns, i));
  g_ptr_array_set_size (self->subject_columns, 0);
}

static void
add_subject_columns (AccordTableView *self)
{
  GListModel *subjects = accord_pack_get_subjects (self->pack);
  guint n = g_list_model_get_n_items (subjects);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, i);
      AccordTableColumn *column = column_new (self, accord_subject_get_name (subject), COLUMN_SUBJECT,
                                              self->pack, subject);

      g_object_set_data_full (G_OBJECT (column), "accord-subject",
                              g_object_ref (subject), g_object_unref);
      g_signal_connect_object (column, "notify::width", G_CALLBACK (on_column_resized), self, 0);
      g_ptr_array_add (self->subject_columns, column);
    }

  /* Share the width again among the new columns, then show them. */
  self->fitted_width = 0;
  fit_columns (self, gtk_widget_get_width (GTK_WIDGET (self)));
  for (guint i = 0; i < self->subject_columns->len; i++)
    accord_table_append_column (self->table, g_ptr_array_index (self->subject_columns, i));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Filtering ------------------------------------------------------------ */

/* The filter's index of @pack (see search_index above). @pack is not
 * changed once loaded, so this may run on any thread. */
static GPtrArray *
build_search_index (AccordPack *pack)
{
  GListModel *aspects = accord_pack_get_aspects (pack);
  GListModel *subjects = accord_pack_get_subjects (pack);
  guint n_aspects = g_list_model_get_n_items (aspects);
  guint n_subjects = g_list_model_get_n_items (subjects);
  GPtrArray *search_index = g_ptr_array_new_full (n_aspects, g_free);

  for (guint i = 0; i < n_aspects; i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      GString *index = g_string_new (NULL);

      accord_search_append_folded (index, accord_aspect_get_name (aspect));
      accord_search_append_folded (index, accord_aspect_get_group (aspect));
      accord_search_append_folded (index, accord_aspect_get_description (aspect));

      /* Every cell's text, as the table shows it. */
      for (guint j = 0; j < n_subjects; j++)
        {
          g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, j);
          AccordCharacteristic *characteristic;

          characteristic = accord_pack_get_characteristic (pack, subject, aspect);
          accord_search_append_folded (index, characteristic != NULL
                                                ? accord_characteristic_get_text (characteristic)
                                                : _("Not covered"));
        }

      g_ptr_array_add (search_index, g_string_free (index, FALSE));
    }

  return search_index;
}

static void
search_index_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_task_return_pointer (task, build_search_index (task_data), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
is_filtering (AccordTableView *self)
{
  return self->query_words != NULL && self->query_words->len > 0;
}

static void
on_search_index_built (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (source);
  GPtrArray *index = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: another pack was set, or the view is going. */
  if (index == NULL)
    return;

  g_clear_object (&self->indexing);
  self->search_index = index;
  /* Until now the filter kept every row. */
  if (is_filtering (self))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
}

/* Indexing 2,000 aspects of 8 subjects takes some 60 ms, and took 100–200
 * ms before it folded words as the search does: on the main thread, that
 * was the first keystroke in the filter. So the index is built on a worker
 * thread as soon as the filter is wanted (its entry focused or edited, or
 * a query set), and until it is there the filter keeps every row. */
static void
request_search_index (AccordTableView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->search_index != NULL || self->indexing != NULL || self->pack == NULL)
    return;

  self->indexing = g_cancellable_new ();
  task = g_task_new (self, self->indexing, on_search_index_built, NULL);
  g_task_set_source_tag (task, request_search_index);
  g_task_set_task_data (task, g_object_ref (self->pack), g_object_unref);
  accord_task_run_in_background (task, search_index_thread);
}

static void
forget_search_index (AccordTableView *self)
{
  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_pointer (&self->search_index, g_ptr_array_unref);
}

static gboolean
match_aspect (gpointer item,
              gpointer user_data)
{
  AccordTableView *self = user_data;
  const char *index;
  guint position;

  if (!is_filtering (self) || self->search_index == NULL)
    return TRUE;

  position = accord_aspect_get_position (item);
  if (position >= self->search_index->len)
    return FALSE;

  index = g_ptr_array_index (self->search_index, position);

  /* Every query word must begin some word of the aspect's texts. */
  for (guint i = 0; i < self->query_words->len; i++)
    if (strstr (index, g_ptr_array_index (self->query_words, i)) == NULL)
      return FALSE;

  return TRUE;
}

static void
set_query (AccordTableView *self,
           const char      *query)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autofree char *valid = NULL;
  GtkFilterChange change;
  g_autofree char *old = NULL;
  const char *word;

  if (g_strcmp0 (query, self->query) == 0)
    return;

  old = g_steal_pointer (&self->query);
  self->query = g_strdup (query);

  g_clear_pointer (&self->query_words, g_ptr_array_unref);
  self->query_words = g_ptr_array_new_with_free_func (g_free);

  /* " word word": each word with the space before it. */
  if (query != NULL && !g_utf8_validate (query, -1, NULL))
    query = valid = g_utf8_make_valid (query, -1);
  accord_search_append_folded (folded, query);
  for (word = folded->str; *word != '\0';)
    {
      const char *end = strchr (word + 1, ' ');

      if (end == NULL)
        end = word + strlen (word);
      g_ptr_array_add (self->query_words, g_strndup (word, end - word));
      word = end;
    }

  if (is_filtering (self))
    request_search_index (self);

  /* A longer query only removes rows, a shorter one only adds them: tell
   * the filter model, so it does not look at every row again. */
  if (old == NULL || g_str_has_prefix (self->query, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old, self->query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  /* The rows that stay keep their cells: mark them again. */
  mark_cells (GTK_WIDGET (self->table), marks_query (self));
}

static void
update_status (AccordTableView *self)
{
  guint total = 0;
  guint shown;
  gboolean filtering;

  if (self->pack != NULL)
    total = g_list_model_get_n_items (accord_pack_get_aspects (self->pack));
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  filtering = is_filtering (self);

  if (self->pack == NULL)
    gtk_label_set_text (self->count_label, "");
  else if (filtering)
    {
      /* Translators: shown while the table is filtered, e.g. "3 of 11 aspects" */
      g_autofree char *text = g_strdup_printf (ngettext ("%u of %u aspect", "%u of %u aspects", total),
                                               shown, total);
      gtk_label_set_text (self->count_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u aspect", "%u aspects", total), total);
      gtk_label_set_text (self->count_label, text);
    }

  if (shown > 0 || self->pack == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "list");
      return;
    }

  if (filtering)
    {
      /* Translators: %s is what the user typed in the filter entry */
      g_autofree char *title = g_strdup_printf (_("No aspects match “%s”"), self->query);

      gtk_label_set_text (self->empty_title, title);
      gtk_label_set_text (self->empty_description, _("Try other words, or fewer of them."));
    }
  else
    {
      gtk_label_set_text (self->empty_title, _("No Aspects"));
      gtk_label_set_text (self->empty_description, _("This pack does not compare its subjects on any aspect."));
    }
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
}

static void
on_filter_changed (AccordTableView *self)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static void
on_filter_stop (AccordTableView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

/* Scrolls the table to a row, and makes it the row that gets the keyboard
 * focus when the table does. */
static void
scroll_to_row (AccordTableView *self,
               guint            position)
{
  accord_table_set_cursor (self->table, position);
}

static void
focus_table (AccordTableView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static void
scroll_to_top (AccordTableView *self)
{
  scroll_to_row (self, 0);
}

static void
on_filter_activate (AccordTableView *self)
{
  /* Enter in the filter: on to the first remaining row. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      scroll_to_row (self, 0);
      focus_table (self);
    }
}

/* Sorting -------------------------------------------------------------- */

static const char *
sort_key (GPtrArray    *keys,
          AccordAspect *aspect)
{
  guint position = accord_aspect_get_position (aspect);

  if (keys == NULL || position >= keys->len)
    return NULL;

  return g_ptr_array_index (keys, position);
}

/* By @keys, aspects without one last; with the same key, in pack order. */
static int
compare_keys (GPtrArray    *keys,
              AccordAspect *a,
              AccordAspect *b)
{
  const char *key_a = sort_key (keys, a);
  const char *key_b = sort_key (keys, b);
  guint position_a, position_b;
  int result;

  if (key_a == NULL || key_b == NULL)
    result = (key_a == NULL) - (key_b == NULL);
  else
    result = strcmp (key_a, key_b);

  if (result != 0)
    return gtk_ordering_from_cmpfunc (result);

  position_a = accord_aspect_get_position (a);
  position_b = accord_aspect_get_position (b);

  return position_a < position_b ? GTK_ORDERING_SMALLER
       : position_a > position_b ? GTK_ORDERING_LARGER
       : GTK_ORDERING_EQUAL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  AccordTableView *self = user_data;

  return compare_keys (self->name_keys, (AccordAspect *) a, (AccordAspect *) b);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  AccordTableView *self = user_data;

  return compare_keys (self->group_keys, (AccordAspect *) a, (AccordAspect *) b);
}

/* Sorting compares keys worked out once per pack: the table's sorter can
 * only ask its columns' sorters to compare (accord-table-column.c). */
static GPtrArray *
collation_keys (AccordPack  *pack,
                const char *(*text_of) (AccordAspect *aspect))
{
  GListModel *aspects = accord_pack_get_aspects (pack);
  guint n = g_list_model_get_n_items (aspects);
  GPtrArray *keys = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      const char *text = text_of (aspect);
      g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

      g_ptr_array_add (keys, folded != NULL ? g_utf8_collate_key (folded, -1) : NULL);
    }

  return keys;
}

static void
build_sort_keys (AccordTableView *self)
{
  g_clear_pointer (&self->name_keys, g_ptr_array_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  self->name_keys = collation_keys (self->pack, accord_aspect_get_name);
  self->group_keys = collation_keys (self->pack, accord_aspect_get_group);
}

static void
on_sort_changed (AccordTableView *self)
{
  /* A new order starts at the top, rather than wherever the row that
   * happened to be on top before has gone. */
  scroll_to_top (self);
  /* The Sort button shows which way. */
  gtk_menu_button_set_icon_name (self->sort_button,
                                 accord_table_get_sort_column (self->table) != NULL &&
                                 accord_table_get_sort_order (self->table) == GTK_SORT_DESCENDING
                                 ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/* The table's order as the Sort menu names it (the action table.sort):
 * "pack", or the column then the direction, "aspect-ascending". A click
 * on a column's title sorts the same way, and the menu follows. */
static char *
get_sort (AccordTableView *self)
{
  AccordTableColumn *column = self->table != NULL ? accord_table_get_sort_column (self->table) : NULL;
  const char *direction;

  /* (Asked for by the Sort menu's button as the template builds it.) */
  if (column == NULL)
    return g_strdup ("pack");

  /* Only the Aspect and Group columns sort. */
  direction = accord_table_get_sort_order (self->table) == GTK_SORT_DESCENDING ? "descending" : "ascending";
  return g_strconcat (column == self->aspect_column ? "aspect-" : "group-", direction, NULL);
}

static void
set_sort (AccordTableView *self,
          const char      *sort)
{
  AccordTableColumn *column = NULL;
  GtkSortType order = GTK_SORT_ASCENDING;
  const char *direction = NULL;

  if (sort != NULL && (direction = strchr (sort, '-')) != NULL)
    {
      if (strncmp (sort, "aspect", direction - sort) == 0)
        column = self->aspect_column;
      else if (strncmp (sort, "group", direction - sort) == 0)
        column = self->group_column;
      if (g_str_equal (direction, "-descending"))
        order = GTK_SORT_DESCENDING;
    }

  accord_table_sort_by_column (self->table, column, order);
}

/**
 * accord_table_view_list_aspects:
 *
 * The pack's aspects in the table's order (the filter aside), as printing
 * the table lists them.
 *
 * Returns: (transfer full) (nullable): a list of #AccordAspect, which
 *   later sorts do not change; %NULL without a pack
 */
GListModel *
accord_table_view_list_aspects (AccordTableView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GListStore *list;

  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), NULL);

  if (self->pack == NULL)
    return NULL;

  sorted = gtk_sort_list_model_new (g_object_ref (accord_pack_get_aspects (self->pack)),
                                    g_object_ref (accord_table_get_sorter (self->table)));
  list = g_list_store_new (ACCORD_TYPE_ASPECT);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sorted)); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_list_store_append (list, aspect);
    }

  return G_LIST_MODEL (list);
}

/* Topics --------------------------------------------------------------- */

static void
index_topics (AccordTableView *self,
              GListModel      *topics)
{
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);
      GListModel *aspects = accord_topic_get_aspects (topic);
      guint n_aspects = g_list_model_get_n_items (aspects);

      for (guint j = 0; j < n_aspects; j++)
        {
          g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, j);
          GPtrArray *list = g_hash_table_lookup (self->topics_by_aspect, aspect);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->topics_by_aspect, g_object_ref (aspect), list);
            }
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != topic)
            g_ptr_array_add (list, g_object_ref (topic));
        }

      index_topics (self, accord_topic_get_children (topic));
    }
}

/* The aspect page ------------------------------------------------------ */

static void
set_location (AccordTableView *self,
              const char      *location)
{
  if (g_strcmp0 (self->location, location) == 0)
    return;

  g_free (self->location);
  self->location = g_strdup (location);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

static GtkWidget *
subject_card (AccordTableView *self,
              AccordSubject   *subject,
              AccordAspect    *aspect)
{
  AccordCharacteristic *characteristic;
  GtkWidget *frame;
  GtkWidget *box;
  GtkWidget *heading;

  characteristic = accord_pack_get_characteristic (self->pack, subject, aspect);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  heading = wrap_label (accord_heading_label_new (2), accord_subject_get_name (subject), TRUE, "title-4");
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 40);
  gtk_box_append (GTK_BOX (box), heading);

  if (characteristic != NULL)
    {
      GListModel *sources = accord_characteristic_get_sources (characteristic);
      guint n_sources = sources != NULL ? g_list_model_get_n_items (sources) : 0;
      GtkWidget *text = wrapping_label (accord_characteristic_get_text (characteristic), TRUE, NULL);

      gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
      gtk_box_append (GTK_BOX (box), text);

      if (n_sources > 0)
        {
          GtkWidget *sources_heading;

          /* Translators: heading above the titles of the sources a
           * characteristic was taken from */
          sources_heading = wrapping_label (ngettext ("Source", "Sources", n_sources), FALSE, "caption-heading");
          gtk_widget_add_css_class (sources_heading, "dim-label");
          gtk_widget_set_margin_top (sources_heading, 6);
          gtk_box_append (GTK_BOX (box), sources_heading);

          for (guint i = 0; i < n_sources; i++)
            {
              g_autoptr(AccordSource) source = g_list_model_get_item (sources, i);
              GtkWidget *title = wrapping_label (accord_source_get_title (source), TRUE, "caption");

              gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
              gtk_widget_add_css_class (title, "dim-label");
              gtk_box_append (GTK_BOX (box), title);
            }
        }
    }
  else
    {
      GtkWidget *text = wrapping_label (_("Not covered"), TRUE, "dim-label");

      gtk_box_append (GTK_BOX (box), text);
    }

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (frame),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accord_subject_get_name (subject),
                                  -1);

  return frame;
}

static GtkWidget *
topic_link (AccordTopic *topic)
{
  /* A label of our own, so a long title wraps instead of widening the page. */
  GtkWidget *button = accord_link_button_new (wrapping_label (accord_topic_get_title (topic), FALSE, NULL));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "table.open-topic");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (accord_topic_get_id (topic)));
  gtk_widget_set_tooltip_text (button, accord_topic_get_summary (topic));

  return button;
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
fill_aspect_page (AccordTableView *self,
                  AccordAspect    *aspect)
{
  GListModel *subjects = accord_pack_get_subjects (self->pack);
  guint n_subjects = g_list_model_get_n_items (subjects);
  const char *group = accord_aspect_get_group (aspect);
  const char *description = accord_aspect_get_description (aspect);
  GPtrArray *topics;

  set_plain_text (self->aspect_group, group);
  gtk_widget_set_visible (GTK_WIDGET (self->aspect_group), group != NULL);
  set_plain_text (self->aspect_title, accord_aspect_get_name (aspect));
  set_plain_text (self->aspect_description, description);
  gtk_widget_set_visible (GTK_WIDGET (self->aspect_description), description != NULL);

  remove_children (GTK_WIDGET (self->subject_cards));
  for (guint i = 0; i < n_subjects; i++)
    {
      g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, i);

      gtk_flow_box_append (self->subject_cards, subject_card (self, subject, aspect));
    }
  /* The cards are read, not chosen: no tab stop on their containers. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->subject_cards));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  remove_children (GTK_WIDGET (self->topic_links));
  topics = g_hash_table_lookup (self->topics_by_aspect, aspect);
  for (guint i = 0; topics != NULL && i < topics->len; i++)
    gtk_box_append (self->topic_links, topic_link (g_ptr_array_index (topics, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->topic_links), topics != NULL && topics->len > 0);
  gtk_widget_set_visible (self->no_topics_label, topics == NULL || topics->len == 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->aspect_scroller), 0);
}

static void
show_aspect_page (AccordTableView *self,
                  AccordAspect    *aspect)
{
  g_autofree char *location = g_strdup_printf ("aspect:%s", accord_aspect_get_id (aspect));

  gboolean had_focus = accord_widget_release_focus (GTK_WIDGET (self));

  fill_aspect_page (self, aspect);

  /* When the focus was in the view, it goes to the page's first control.
   * Not through GtkStack, which would give it to the first focusable widget
   * of the page it can reach, perhaps a label, whose text would then all be
   * selected. When the focus was elsewhere (a sidebar), it stays there. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.show-table", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "aspect");
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));

  set_location (self, location);
}

static void
on_row_activated (AccordTableView *self,
                  guint            position)
{
  g_autoptr(AccordAspect) aspect = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (aspect != NULL)
    show_aspect_page (self, aspect);
}

static guint
find_row (AccordTableView *self,
          AccordAspect    *aspect)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordAspect) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == aspect)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Actions -------------------------------------------------------------- */

static void
show_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  accord_table_view_show_table (ACCORD_TABLE_VIEW (widget));
}

static void
open_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *target = g_strdup_printf ("topic:%s", g_variant_get_string (parameter, NULL));

  g_signal_emit (widget, signals[NAVIGATE], 0, target);
}

/* Public API ----------------------------------------------------------- */

/**
 * accord_table_view_new:
 *
 * Returns: (transfer floating): a new, empty table view
 */
GtkWidget *
accord_table_view_new (void)
{
  return g_object_new (ACCORD_TYPE_TABLE_VIEW, NULL);
}

/**
 * accord_table_view_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack on show
 */
AccordPack *
accord_table_view_get_pack (AccordTableView *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), NULL);

  return self->pack;
}

/**
 * accord_table_view_set_pack:
 * @pack: (nullable): the pack to show
 *
 * Shows @pack: one column per subject, one row per aspect. The filter text
 * stays; the view returns to the table.
 */
void
accord_table_view_set_pack (AccordTableView *self,
                            AccordPack      *pack)
{
  g_return_if_fail (ACCORD_IS_TABLE_VIEW (self));
  g_return_if_fail (pack == NULL || ACCORD_IS_PACK (pack));

  if (self->pack == pack)
    return;

  /* Empty the table first, so no cell is bound while the pack changes. */
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  remove_subject_columns (self);

  g_set_object (&self->pack, pack);
  self->n_subjects = 0;
  forget_search_index (self);
  g_clear_pointer (&self->name_keys, g_ptr_array_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_hash_table_remove_all (self->topics_by_aspect);

  if (pack != NULL)
    {
      GListModel *aspects = accord_pack_get_aspects (pack);

      build_sort_keys (self);
      index_topics (self, accord_pack_get_topics (pack));
      if (is_filtering (self))
        request_search_index (self);

      self->n_subjects = g_list_model_get_n_items (accord_pack_get_subjects (pack));
      add_subject_columns (self);
      /* Large packs filter in steps, so typing never stalls. */
      gtk_filter_list_model_set_incremental (self->filter_model,
                                             g_list_model_get_n_items (aspects) > 5000);
      gtk_filter_list_model_set_model (self->filter_model, aspects);
    }

  update_status (self);
  /* A new pack starts on its table, with nothing selected. */
  set_location (self, "table");
  accord_table_view_show_table (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * accord_table_view_show_aspect:
 * @aspect_id: an aspect id
 *
 * Opens the aspect's page.
 *
 * Returns: %FALSE when the pack has no such aspect
 */
gboolean
accord_table_view_show_aspect (AccordTableView *self,
                               const char      *aspect_id)
{
  AccordAspect *aspect;

  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (aspect_id != NULL, FALSE);

  if (self->pack == NULL || (aspect = accord_pack_lookup_aspect (self->pack, aspect_id)) == NULL)
    return FALSE;

  show_aspect_page (self, aspect);
  return TRUE;
}

/**
 * accord_table_view_show_subject:
 * @subject_id: a subject id
 *
 * Returns to the table, scrolls it sideways until the subject's column is
 * in view, and gives the table the keyboard focus.
 *
 * Returns: %FALSE when the pack has no such subject
 */
gboolean
accord_table_view_show_subject (AccordTableView *self,
                                const char      *subject_id)
{
  AccordSubject *subject;

  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (subject_id != NULL, FALSE);

  if (self->pack == NULL || (subject = accord_pack_lookup_subject (self->pack, subject_id)) == NULL)
    return FALSE;

  accord_table_view_show_table (self);

  for (guint i = 0; i < self->subject_columns->len; i++)
    {
      AccordTableColumn *column = g_ptr_array_index (self->subject_columns, i);

      if (g_object_get_data (G_OBJECT (column), "accord-subject") == subject)
        accord_table_scroll_to_column (self->table, column);
    }

  /* Asked for explicitly: the table takes the focus. (Rows have the
   * focus, not cells: the row the table focuses is the one on top.) */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    focus_table (self);

  return TRUE;
}

/**
 * accord_table_view_show_table:
 *
 * Returns to the table, on the row of the aspect that was on show. That
 * row gets the keyboard focus if the focus was in the view.
 */
void
accord_table_view_show_table (AccordTableView *self)
{
  gboolean had_focus;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ACCORD_IS_TABLE_VIEW (self));

  had_focus = accord_widget_release_focus (GTK_WIDGET (self));

  /* Back on the row of the aspect that was on show. */
  if (self->pack != NULL && g_str_has_prefix (self->location, "aspect:"))
    {
      AccordAspect *aspect = accord_pack_lookup_aspect (self->pack, self->location + strlen ("aspect:"));

      if (aspect != NULL)
        position = find_row (self, aspect);
    }

  gtk_stack_set_visible_child_name (self->stack, "table");

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to_row (self, position);
    }
  if (had_focus)
    focus_table (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.show-table", FALSE);
  set_location (self, "table");
}

/**
 * accord_table_view_get_location:
 *
 * Returns: "table", or "aspect:ID" while an aspect's page is on show
 */
const char *
accord_table_view_get_location (AccordTableView *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), NULL);

  return self->location;
}

/* GObject -------------------------------------------------------------- */

static void
accord_table_view_dispose (GObject *object)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (object);

  if (self->filter_model != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
      gtk_filter_list_model_set_model (self->filter_model, NULL);
    }
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_data (accord_table_get_sorter (self->table), self);
  if (self->subject_columns != NULL)
    g_ptr_array_set_size (self->subject_columns, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_TABLE_VIEW);
  g_clear_object (&self->aspect_column);
  g_clear_object (&self->group_column);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->filter);
  if (self->name_sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->name_sorter, NULL, NULL, NULL);
  g_clear_object (&self->name_sorter);
  if (self->group_sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->group_sorter, NULL, NULL, NULL);
  g_clear_object (&self->group_sorter);

  g_clear_pointer (&self->subject_columns, g_ptr_array_unref);
  forget_search_index (self);
  g_clear_pointer (&self->query_words, g_ptr_array_unref);
  g_clear_pointer (&self->name_keys, g_ptr_array_unref);
  g_clear_pointer (&self->group_keys, g_ptr_array_unref);
  g_clear_pointer (&self->topics_by_aspect, g_hash_table_unref);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_table_view_parent_class)->dispose (object);
}

static void
accord_table_view_finalize (GObject *object)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (object);

  g_free (self->location);
  g_free (self->query);

  G_OBJECT_CLASS (accord_table_view_parent_class)->finalize (object);
}

static void
accord_table_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_SORT:
      g_value_take_string (value, get_sort (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_table_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordTableView *self = ACCORD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      accord_table_view_set_pack (self, g_value_get_object (value));
      break;
    case PROP_SORT:
      set_sort (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_table_view_class_init (AccordTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_table_view_dispose;
  object_class->finalize = accord_table_view_finalize;
  object_class->get_property = accord_table_view_get_property;
  object_class->set_property = accord_table_view_set_property;

  widget_class->get_request_mode = accord_table_view_get_request_mode;
  widget_class->measure = accord_table_view_measure;
  widget_class->size_allocate = accord_table_view_size_allocate;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "table" or "aspect:ID": what is on show, for the window's history. */
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, "table",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The table's order: "pack", "aspect-ascending", "aspect-descending",
   * "group-ascending" or "group-descending" (the action table.sort). */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "pack",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordTableView::navigate:
   * @target: where to go, e.g. "topic:ID"
   *
   * Emitted when the user follows a link out of this view.
   */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ACCORD_TYPE_TABLE);

  gtk_widget_class_set_css_name (widget_class, "accordtableview");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, table_page);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, table);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, empty_title);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, empty_description);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, aspect_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, aspect_group);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, aspect_title);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, aspect_description);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, subject_cards);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, topic_links);
  gtk_widget_class_bind_template_child (widget_class, AccordTableView, no_topics_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "table.show-table", NULL, show_table_action);
  gtk_widget_class_install_action (widget_class, "table.open-topic", "s", open_topic_action);
  gtk_widget_class_install_property_action (widget_class, "table.sort", "sort");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "table.show-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "table.show-table", NULL);
}

static void
accord_table_view_init (AccordTableView *self)
{
  GtkEventController *focus;
  GtkSorter *sorter;

  self->location = g_strdup ("table");
  self->subject_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->topics_by_aspect = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                                  (GDestroyNotify) g_ptr_array_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: title of the table column that names the aspect (the
   * point of comparison) of each row */
  self->aspect_column = column_new (self, _("Aspect"), COLUMN_ASPECT, NULL, NULL);
  self->name_sorter = gtk_custom_sorter_new (compare_names, self, NULL);
  accord_table_column_set_sorter (self->aspect_column, GTK_SORTER (self->name_sorter));
  /* Translators: title of the table column that shows which group of
   * aspects a row belongs to */
  self->group_column = column_new (self, _("Group"), COLUMN_GROUP, NULL, NULL);
  self->group_sorter = gtk_custom_sorter_new (compare_groups, self, NULL);
  accord_table_column_set_sorter (self->group_column, GTK_SORTER (self->group_sorter));
  g_signal_connect_object (self->aspect_column, "notify::width",
                           G_CALLBACK (on_column_resized), self, 0);
  g_signal_connect_object (self->group_column, "notify::width",
                           G_CALLBACK (on_column_resized), self, 0);
  accord_table_append_column (self->table, self->aspect_column);
  accord_table_append_column (self->table, self->group_column);

  self->filter = gtk_custom_filter_new (match_aspect, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  sorter = accord_table_get_sorter (self->table);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  accord_table_set_model (self->table, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (sorter, "changed",
                           G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->filter_entry, self->table_page);
  /* The filter is wanted: index for it before the search delay is over. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (request_search_index), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->filter_entry), focus);
  g_signal_connect_object (self->filter_entry, "changed", G_CALLBACK (request_search_index), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.show-table", FALSE);

  update_status (self);
}

/**
 * accord_table_view_focus_filter:
 *
 * Moves the keyboard focus into the table's filter, back on the table if
 * an aspect is on show.
 */
void
accord_table_view_focus_filter (AccordTableView *self)
{
  g_return_if_fail (ACCORD_IS_TABLE_VIEW (self));

  if (g_strcmp0 (self->location, "table") != 0)
    accord_table_view_show_table (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/**
 * accord_table_view_is_measuring_ahead:
 *
 * For tests and benchmarks.
 *
 * Returns: whether the table is yet to measure some of its rows while
 *   idle (see "Measuring ahead" in accord-table.c)
 */
gboolean
accord_table_view_is_measuring_ahead (AccordTableView *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), FALSE);

  return accord_table_is_measuring_ahead (self->table);
}

/**
 * accord_table_view_is_indexing:
 *
 * For tests and benchmarks.
 *
 * Returns: whether the filter's index is being built (see
 *   request_search_index()); until it is, the filter keeps every row
 */
gboolean
accord_table_view_is_indexing (AccordTableView *self)
{
  g_return_val_if_fail (ACCORD_IS_TABLE_VIEW (self), FALSE);

  return self->indexing != NULL;
}
