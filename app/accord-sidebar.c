/* accord-sidebar.c: the topic tree, with search, and the bookmarks
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages, Topics and Bookmarks, under a switcher.
 *
 * On the Topics page two lists take turns:
 *
 *  - the topic tree: a GtkListView over a GtkTreeListModel of the pack's
 *    topics, expanded on demand;
 *  - while searching, the results: a flat GtkListView over the matching
 *    topics, best first (title before summary before body), each with the
 *    path of its ancestors beneath its title.
 *
 * The matching is the core's AccordSearchIndex, built in a thread once per
 * pack; a query costs a few milliseconds even on a 100,000-topic pack. Its
 * results go into an AccordResultList, whose rows stay put from one query
 * to the next: the list view keeps its row widgets and only their text
 * changes, however many results there are. (Filtering the tree instead
 * meant expanding every level and re-sorting each, seconds per keystroke on
 * large packs: tests/bench-ui-search.c measures it.) Clearing the search
 * brings the tree back, with the topic chosen meanwhile selected in it.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-sidebar.h"
#include "accord-widget-util.h"

/* A list model's first rows, more of them each frame (see grow_slice()). */
typedef struct
{
  GtkSliceListModel *model;
  guint tick;                 /* the tick callback growing it, or 0 */
  gboolean ticked;            /* it has: the first rows are on screen */
} GrowingSlice;

struct _AccordSidebar
{
  GtkWidget parent_instance;

  AccordPack *pack;
  AccordSearchIndex *index;   /* built in a thread once the pack is shown */
  GCancellable *indexing;
  GdkFrameClock *index_clock; /* waiting for it to draw a new pack, or NULL */
  gulong index_painted;
  char *query;                /* NULL: not searching */
  AccordTopic *shown;         /* the topic selected in the list on show */
  AccordTopic *selected;      /* the topic last chosen, kept across searches */
  gboolean updating;          /* swapping lists: selection changes are ours */
  GtkTreeListModel *tree;
  GrowingSlice tree_shown;                /* the tree, growing after a new pack */
  GtkSingleSelection *selection;          /* of tree_shown */
  AccordResultList *results;              /* the topics found, best first */
  GrowingSlice results_shown;             /* them, growing when they outnumber the rows */
  GtkSingleSelection *result_selection;   /* of results_shown */
  AccordBookmarks *bookmarks;   /* nullable */
  GtkNoSelection *bookmarks_selection;

  /* template children */
  GtkStackSwitcher *page_switcher;
  GtkStack *pages;
  GtkWidget *topics_page;
  GtkSearchEntry *search_entry;
  GtkLabel *status;
  GtkStack *lists;
  GtkListView *list_view;
  GtkListView *results_view;
  GtkStack *bookmarks_stack;
  GtkListView *bookmarks_view;
};

G_DEFINE_FINAL_TYPE (AccordSidebar, accord_sidebar, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PACK, PROP_SELECTED, PROP_PAGE, PROP_QUERY, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void on_selected_changed (AccordSidebar *self);

enum { NAVIGATE, TOPIC_CHOSEN, N_SIGNALS };

static guint signals[N_SIGNALS];

static gboolean
showing_results (AccordSidebar *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->lists), "results") == 0;
}

/* The tree */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  AccordTopic *topic = item;

  if (accord_topic_get_n_children (topic) == 0)
    return NULL;

  return g_object_ref (accord_topic_get_children (topic));
}

/* GTK 4.8's list view builds and measures a row for up to 200 items as
 * soon as its model has them: one frame of 20 to 50 ms or more, the frame
 * that shows a large pack's tree, or the first results of a search. So
 * each list is shown through a slice that starts with a screenful of rows
 * and grows by as many each frame; once it holds more than the list view
 * builds, it holds all. */
#define ROWS_PER_FRAME 30
#define ROWS_BUILT     250

static void
stop_ticking (GrowingSlice *slice,
              GtkWidget    *widget)
{
  if (slice->tick != 0)
    gtk_widget_remove_tick_callback (widget, slice->tick);
  slice->tick = 0;
}

/* All the rows, now. */
static void
stop_growing (GrowingSlice *slice,
              GtkWidget    *widget)
{
  stop_ticking (slice, widget);
  gtk_slice_list_model_set_size (slice->model, G_MAXUINT);
}

/* A row about to be selected is there, even beyond the rows grown so far. */
static void
reach_position (GrowingSlice *slice,
                GtkWidget    *widget,
                guint         position)
{
  if (position != GTK_INVALID_LIST_POSITION && position >= gtk_slice_list_model_get_size (slice->model))
    stop_growing (slice, widget);
}

static gboolean
grow_tick (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  GrowingSlice *slice = user_data;
  guint size = gtk_slice_list_model_get_size (slice->model) + ROWS_PER_FRAME;

  /* Ticks come before the layout: the first is in the frame that shows
   * the first rows. */
  if (!slice->ticked)
    {
      slice->ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }

  if (size < ROWS_BUILT)
    {
      gtk_slice_list_model_set_size (slice->model, size);
      return G_SOURCE_CONTINUE;
    }

  slice->tick = 0;
  gtk_slice_list_model_set_size (slice->model, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* @size rows in the next frame, then more in each, ticking on @widget. */
static void
grow_slice (GrowingSlice *slice,
            GtkWidget    *widget,
            guint         size)
{
  gtk_slice_list_model_set_size (slice->model, size);
  slice->ticked = FALSE;
  if (slice->tick == 0)
    slice->tick = gtk_widget_add_tick_callback (widget, grow_tick, slice, NULL);
}

static void
rebuild_tree (AccordSidebar *self)
{
  /* The old rows go before the slice is sized for the new ones. */
  gtk_slice_list_model_set_model (self->tree_shown.model, NULL);
  stop_growing (&self->tree_shown, GTK_WIDGET (self));
  g_clear_object (&self->tree);

  if (self->pack == NULL)
    return;

  self->tree = gtk_tree_list_model_new (g_object_ref (accord_pack_get_topics (self->pack)),
                                        FALSE, FALSE, create_children, NULL, NULL);
  /* Off screen nothing is built until it shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > ROWS_PER_FRAME)
    grow_slice (&self->tree_shown, GTK_WIDGET (self), ROWS_PER_FRAME);
  gtk_slice_list_model_set_model (self->tree_shown.model, G_LIST_MODEL (self->tree));
}

/* The results */

/* The full title of an ellipsized result, asked for only when a tooltip is
 * about to show: setting tooltips on every bind costs a round trip to the
 * display server for each row. */
static gboolean
on_result_query_tooltip (GtkWidget  *title,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, gtk_inscription_get_text (GTK_INSCRIPTION (title)));
  return TRUE;
}

/* The same for the rows of the tree, asked of the list view itself: a
 * tooltip bound to each row's label (as the rows' template had it) costs a
 * round trip to the display server for every row built, 200 of them when a
 * pack is shown, which was most of the time the window stalled then. */
static gboolean
on_tree_query_tooltip (GtkWidget  *list_view,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkWidget *widget;

  if (keyboard)
    return FALSE;

  for (widget = gtk_widget_pick (list_view, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != list_view && !GTK_IS_TREE_EXPANDER (widget);
       widget = gtk_widget_get_parent (widget))
    ;
  if (widget == NULL || widget == list_view)
    return FALSE;

  widget = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (widget));
  if (!GTK_IS_LABEL (widget) || gtk_label_get_text (GTK_LABEL (widget))[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (widget)));
  return TRUE;
}

/* The tree's rows are made in code rather than from a GtkBuilder template,
 * which GtkBuilderListItemFactory parses again for every row: the rows of
 * a large pack's first screen are built in the frame that shows it. */
static void
setup_tree_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), title);
  gtk_list_item_set_child (item, expander);
}

static void
bind_tree_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  AccordTopic *topic = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  /* Plain text: titles come from the pack. */
  gtk_label_set_text (GTK_LABEL (gtk_tree_expander_get_child (expander)), accord_topic_get_title (topic));
  accord_list_row_set_name (GTK_WIDGET (expander), accord_topic_get_title (topic), NULL);
  g_object_unref (topic);
}

static void
unbind_tree_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static void
setup_result (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* One line each, as GtkInscription: unlike a label, it is not measured
   * again when its text changes, and lays its text out only when drawn.
   * On every keystroke the rows (up to the 200 GTK 4.8 keeps) get new
   * topics; with labels all of them were measured, with inscriptions only
   * the rows on screen lay out their text. */
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *path = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (on_result_query_tooltip), NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (path), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START);
  gtk_widget_add_css_class (path, "dim-label");
  gtk_widget_add_css_class (path, "caption");
  gtk_widget_add_css_class (box, "accord-result");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), path);
  gtk_list_item_set_child (item, box);
}

/* "Grandparent › Parent": where a result sits in the tree. */
static char *
ancestor_path (AccordTopic *topic,
               gboolean     rtl)
{
  GString *path = g_string_new (NULL);

  for (AccordTopic *a = accord_topic_get_parent (topic); a != NULL; a = accord_topic_get_parent (a))
    {
      if (path->len > 0)
        g_string_prepend (path, rtl ? " ‹ " : " › ");
      g_string_prepend (path, accord_topic_get_title (a));
    }

  return g_string_free (path, FALSE);
}

static void
update_result_row (AccordResult *result,
                   GParamSpec   *pspec,
                   GtkWidget    *box)
{
  AccordTopic *topic = accord_result_get_topic (result);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *path_label = gtk_widget_get_next_sibling (title);
  g_autofree char *path = NULL;

  if (topic == NULL)
    return;  /* this position is going */

  path = ancestor_path (topic, gtk_widget_get_direction (box) == GTK_TEXT_DIR_RTL);
  /* Plain text: pack text is never markup. */
  gtk_inscription_set_text (GTK_INSCRIPTION (title), accord_topic_get_title (topic));
  gtk_inscription_set_text (GTK_INSCRIPTION (path_label), path);
  gtk_widget_set_visible (path_label, *path != '\0');
  accord_list_row_set_name (box, accord_topic_get_title (topic), path);
}

/* A row follows its position's topic from one query to the next. */
static void
bind_result (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AccordResult *result = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  update_result_row (result, NULL, box);
  g_signal_connect_object (result, "notify::topic", G_CALLBACK (update_result_row), box, 0);
}

static void
unbind_result (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_result_row,
                                        gtk_list_item_get_child (item));
}

static void
set_results (AccordSidebar *self,
             GPtrArray     *results)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->results_shown.model));
  guint position;

  /* Many more results than rows built: they come a screenful a frame. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && shown < ROWS_BUILT &&
      results != NULL && results->len > shown + ROWS_PER_FRAME)
    grow_slice (&self->results_shown, GTK_WIDGET (self), MAX (shown, ROWS_PER_FRAME));
  accord_result_list_set_topics (self->results, results);

  /* The topic on show stays selected if it is among the results. */
  position = accord_result_list_find (self->results, self->selected);
  reach_position (&self->results_shown, GTK_WIDGET (self), position);
  gtk_single_selection_set_selected (self->result_selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  if (results != NULL && results->len > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u",
                                position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
update_status (AccordSidebar *self,
               guint          n_found)
{
  g_autofree char *text = NULL;

  if (self->query == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
      return;
    }

  if (n_found == 0)
    text = g_strdup_printf (_("No topics found for “%s”"), self->query);
  else
    text = g_strdup_printf (ngettext ("%u topic found", "%u topics found", n_found), n_found);

  /* Plain text: the query is the user's, but never markup. */
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
}

/* Runs the current query over the index and shows its results, or the tree
 * when there is no query. */
static void
apply_query (AccordSidebar *self)
{
  g_autoptr(GPtrArray) results = NULL;
  guint n_found = 0;

  if (self->query == NULL)
    {
      gboolean was_searching = showing_results (self);
      gboolean in_results = accord_widget_has_focus_within (GTK_WIDGET (self->results_view));

      self->updating = TRUE;
      gtk_stack_set_visible_child_name (self->lists, "tree");
      /* The results stay, hidden: the rows of the next search start from
       * them instead of being built again. */
      gtk_single_selection_set_selected (self->result_selection, GTK_INVALID_LIST_POSITION);
      self->updating = FALSE;
      /* Back in the tree, on the topic chosen while searching, with the
       * focus if the results had it. */
      if (was_searching)
        accord_sidebar_select_topic (self, self->selected);
      if (in_results)
        gtk_widget_grab_focus (GTK_WIDGET (self));
      on_selected_changed (self);
      update_status (self, 0);
      return;
    }

  if (self->index == NULL)
    {
      /* The index is still being built: the query runs when it is ready. */
      gtk_label_set_text (self->status, _("Searching…"));
      gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
      return;
    }

  n_found = accord_search_index_query (self->index, self->query);
  results = accord_search_index_results (self->index);
  self->updating = TRUE;
  set_results (self, results);
  gtk_stack_set_visible_child_name (self->lists, "results");
  self->updating = FALSE;
  on_selected_changed (self);

  update_status (self, n_found);
}

/**
 * accord_sidebar_set_query:
 * @query: (nullable): what to search for; %NULL or empty shows every topic
 */
void
accord_sidebar_set_query (AccordSidebar *self,
                          const char    *query)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-search", query != NULL);

  apply_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * accord_sidebar_get_query:
 *
 * Returns: (nullable): what the sidebar is searching for, or %NULL when it
 *   shows every topic
 */
const char *
accord_sidebar_get_query (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return self->query;
}

static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_task_return_pointer (task, accord_search_index_new (task_data),
                         (GDestroyNotify) accord_search_index_unref);
}

static void
on_index_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AccordSidebar *self = ACCORD_SIDEBAR (source);
  AccordSearchIndex *index = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: another pack was set, or the sidebar is going. */
  if (index == NULL)
    return;

  g_clear_object (&self->indexing);
  self->index = index;
  if (self->query != NULL)
    apply_query (self);
}

static void
build_index (AccordSidebar *self)
{
  g_autoptr(GTask) task = NULL;

  self->indexing = g_cancellable_new ();
  task = g_task_new (self, self->indexing, on_index_built, NULL);
  g_task_set_task_data (task, g_object_ref (self->pack), g_object_unref);
  accord_task_run_in_background (task, build_index_thread);
}

static void
stop_waiting_to_index (AccordSidebar *self)
{
  if (self->index_clock == NULL)
    return;

  g_clear_signal_handler (&self->index_painted, self->index_clock);
  g_clear_object (&self->index_clock);
}

static void
on_new_pack_painted (AccordSidebar *self)
{
  stop_waiting_to_index (self);
  build_index (self);
}

/* The index is built on threads of a lower priority, but on a machine with
 * few processors they still take turns with the renderer's threads and the
 * display server: the frame that shows a new pack took 10–20 ms longer
 * with them. So a pack on screen is indexed once that frame is drawn; one
 * that is not (or no longer: see accord_sidebar_unmap()), at once. */
static void
start_indexing (AccordSidebar *self)
{
  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_pointer (&self->index, accord_search_index_unref);
  stop_waiting_to_index (self);

  if (self->pack == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->index_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->index_painted = g_signal_connect_swapped (self->index_clock, "after-paint",
                                                      G_CALLBACK (on_new_pack_painted), self);
    }
  else
    {
      build_index (self);
    }
}

static void
on_search_changed (AccordSidebar *self)
{
  accord_sidebar_set_query (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (AccordSidebar *self)
{
  /* Escape clears the search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Escape in the results, as in the entry (an emptied entry reports the
 * change at once). */
static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  on_stop_search (ACCORD_SIDEBAR (widget));
}

static void
on_page_changed (AccordSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The topic selected in the list on show. */
static AccordTopic *
shown_selected (AccordSidebar *self)
{
  GtkTreeListRow *row;
  AccordTopic *topic;

  if (showing_results (self))
    {
      AccordResult *result = gtk_single_selection_get_selected_item (self->result_selection);

      return result != NULL ? accord_result_get_topic (result) : NULL;
    }

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  /* The row holds the topic, so the reference get_item() adds can go. */
  topic = gtk_tree_list_row_get_item (row);
  g_object_unref (topic);

  return topic;
}

/* Reports a change of the selected topic, not of the list showing it. */
static void
on_selected_changed (AccordSidebar *self)
{
  AccordTopic *topic;

  if (self->updating)
    return;

  topic = shown_selected (self);
  if (topic == self->shown)
    return;

  self->shown = topic;
  if (topic != NULL)
    self->selected = topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * accord_sidebar_get_selected:
 *
 * Returns: (transfer none) (nullable): the topic selected in the tree, or
 *   while searching in the results
 */
AccordTopic *
accord_sidebar_get_selected (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return self->shown;
}

/* Finds @topic's row, expanding its ancestors. Returns its position. */
static gboolean
find_row (AccordSidebar *self,
          AccordTopic   *topic,
          guint         *position)
{
  AccordTopic *parent = accord_topic_get_parent (topic);
  guint start = 0;
  guint n;

  if (parent != NULL)
    {
      g_autoptr(GtkTreeListRow) row = NULL;

      if (!find_row (self, parent, &start))
        return FALSE;
      row = gtk_tree_list_model_get_row (self->tree, start);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = start; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == G_OBJECT (topic))
        {
          *position = i;
          return TRUE;
        }
      /* Siblings follow their parent; a shallower row ends the level. */
      if (i > start && parent != NULL && gtk_tree_list_row_get_depth (row) < accord_topic_get_depth (topic))
        break;
    }

  return FALSE;
}

/**
 * accord_sidebar_select_topic:
 * @topic: (nullable): a topic of the pack, or %NULL to select nothing
 *
 * Selects @topic: in the tree, expanding the tree down to it, or while
 * searching in the results, if it is one of them. Either way it is the
 * topic selected in the tree once the search is cleared.
 *
 * Returns: whether the topic is now selected in the list on show
 */
gboolean
accord_sidebar_select_topic (AccordSidebar *self,
                             AccordTopic   *topic)
{
  guint position = GTK_INVALID_LIST_POSITION;
  GtkSingleSelection *selection;
  GtkListView *view;

  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), FALSE);

  self->selected = topic;
  if (topic != NULL && topic == shown_selected (self))
    return TRUE;

  if (showing_results (self))
    {
      selection = self->result_selection;
      view = self->results_view;
      position = accord_result_list_find (self->results, topic);
      if (position == G_MAXUINT)
        position = GTK_INVALID_LIST_POSITION;
      reach_position (&self->results_shown, GTK_WIDGET (self), position);
    }
  else
    {
      selection = self->selection;
      view = self->list_view;
      if (topic != NULL && self->tree != NULL && !find_row (self, topic, &position))
        position = GTK_INVALID_LIST_POSITION;
      reach_position (&self->tree_shown, GTK_WIDGET (self), position);
    }

  gtk_single_selection_set_selected (selection, position);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
  return TRUE;
}

void
accord_sidebar_focus_search (AccordSidebar *self)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->pages, "topics");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * accord_sidebar_type_to_search:
 * @controller: a key controller handling a key press
 *
 * Starts a search with the key @controller is handling, typed where
 * nothing took it: the search entry takes the focus and the key, which
 * replaces the last search (it is a new one).
 *
 * Returns: whether the entry took the key
 */
gboolean
accord_sidebar_type_to_search (AccordSidebar         *self,
                               GtkEventControllerKey *controller)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), FALSE);

  accord_sidebar_focus_search (self);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  return gtk_event_controller_key_forward (controller,
                                           GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry))));
}

/* Bookmarks */

static void
update_bookmarks_page (AccordSidebar *self)
{
  gboolean empty = self->bookmarks == NULL ||
                   g_list_model_get_n_items (accord_bookmarks_get_model (self->bookmarks)) == 0;

  if (self->bookmarks_stack == NULL)  /* disposed */
    return;
  gtk_stack_set_visible_child_name (self->bookmarks_stack, empty ? "empty" : "list");
}

static void
on_bookmark_remove_clicked (GtkButton     *button,
                            AccordSidebar *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "accord-list-item");
  AccordBookmark *bookmark = gtk_list_item_get_item (list_item);

  if (bookmark != NULL && self->bookmarks != NULL)
    accord_bookmarks_remove (self->bookmarks, accord_bookmark_get_location (bookmark));
}

static void
setup_bookmark_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AccordSidebar            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), kind);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove Bookmark"));
  g_object_set_data (G_OBJECT (remove), "accord-list-item", list_item);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_bookmark_remove_clicked), self, 0);

  gtk_widget_add_css_class (remove, "accord-bookmark-remove");
  gtk_widget_set_margin_top (row, 3);
  gtk_widget_set_margin_bottom (row, 3);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_bookmark_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AccordSidebar            *self)
{
  AccordBookmark *bookmark = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *kind = gtk_widget_get_next_sibling (title);
  GtkWidget *remove = gtk_widget_get_next_sibling (labels);
  g_autofree char *remove_label = NULL;

  /* Plain text: titles come from the pack. */
  gtk_label_set_text (GTK_LABEL (title), accord_bookmark_get_title (bookmark));
  gtk_label_set_text (GTK_LABEL (kind), accord_bookmark_get_kind (bookmark));
  accord_list_row_set_name (row, accord_bookmark_get_title (bookmark), accord_bookmark_get_kind (bookmark));
  gtk_widget_set_tooltip_text (title, accord_bookmark_get_title (bookmark));
  /* Translators: accessible name of the button that removes a bookmark; %s is its title */
  remove_label = g_strdup_printf (_("Remove bookmark “%s”"), accord_bookmark_get_title (bookmark));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static void
on_bookmark_activated (GtkListView   *view,
                       guint          position,
                       AccordSidebar *self)
{
  g_autoptr(AccordBookmark) bookmark = g_list_model_get_item (G_LIST_MODEL (self->bookmarks_selection), position);

  if (bookmark != NULL)
    g_signal_emit (self, signals[NAVIGATE], 0, accord_bookmark_get_location (bookmark));
}

/**
 * accord_sidebar_set_bookmarks:
 * @bookmarks: (nullable): the bookmarks to list
 */
void
accord_sidebar_set_bookmarks (AccordSidebar   *self,
                              AccordBookmarks *bookmarks)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  if (self->bookmarks != NULL)
    g_signal_handlers_disconnect_by_data (accord_bookmarks_get_model (self->bookmarks), self);
  if (!g_set_object (&self->bookmarks, bookmarks))
    return;

  gtk_no_selection_set_model (self->bookmarks_selection,
                              bookmarks != NULL ? accord_bookmarks_get_model (bookmarks) : NULL);
  if (bookmarks != NULL)
    g_signal_connect_swapped (accord_bookmarks_get_model (bookmarks), "items-changed",
                              G_CALLBACK (update_bookmarks_page), self);
  update_bookmarks_page (self);
}

/**
 * accord_sidebar_get_bookmark_rows:
 *
 * Returns: (transfer none): the bookmarks the list shows, for tests
 */
GListModel *
accord_sidebar_get_bookmark_rows (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->bookmarks_selection);
}

/**
 * accord_sidebar_set_page:
 * @page: `topics` or `bookmarks`
 */
void
accord_sidebar_set_page (AccordSidebar *self,
                         const char    *page)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->pages, page);
}

const char *
accord_sidebar_get_page (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

/**
 * accord_sidebar_get_rows:
 *
 * Returns: (transfer none): the rows on show, for tests: the tree's
 *   (GtkTreeListRow), or while searching the results' (AccordResult)
 */
GListModel *
accord_sidebar_get_rows (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (showing_results (self) ? self->result_selection : self->selection);
}

/**
 * accord_sidebar_is_searchable:
 *
 * Returns: whether the search index of the pack is ready; until it is, a
 *   search says "Searching…" and shows its results once it is
 */
gboolean
accord_sidebar_is_searchable (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), FALSE);

  return self->index != NULL;
}

void
accord_sidebar_set_pack (AccordSidebar *self,
                         AccordPack    *pack)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  if (self->pack == pack)
    return;

  /* The results point into the old pack: they go first. */
  g_clear_pointer (&self->query, g_free);
  self->updating = TRUE;
  set_results (self, NULL);
  gtk_stack_set_visible_child_name (self->lists, "tree");
  g_set_object (&self->pack, pack);
  self->shown = self->selected = NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild_tree (self);
  self->updating = FALSE;
  update_status (self, 0);
  start_indexing (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * accord_sidebar_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack
 */
AccordPack *
accord_sidebar_get_pack (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return self->pack;
}

static void
accord_sidebar_dispose (GObject *object)
{
  GtkWidget *child;
  AccordSidebar *self = ACCORD_SIDEBAR (object);

  stop_ticking (&self->tree_shown, GTK_WIDGET (self));
  stop_ticking (&self->results_shown, GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SIDEBAR);
  /* GTK 4.8 leaves the template's unnamed root to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  accord_sidebar_set_bookmarks (self, NULL);
  g_clear_object (&self->bookmarks_selection);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_shown.model);
  g_clear_object (&self->results_shown.model);
  g_clear_object (&self->result_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->tree);
  stop_waiting_to_index (self);
  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_pointer (&self->index, accord_search_index_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_sidebar_parent_class)->dispose (object);
}

/* Hidden before it drew the new pack (the window hidden, or too narrow for
 * the sidebar): its frame clock may not run again until it shows. */
static void
accord_sidebar_unmap (GtkWidget *widget)
{
  AccordSidebar *self = ACCORD_SIDEBAR (widget);

  if (self->index_clock != NULL)
    on_new_pack_painted (self);

  GTK_WIDGET_CLASS (accord_sidebar_parent_class)->unmap (widget);
}

static void
accord_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordSidebar *self = ACCORD_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, accord_sidebar_get_selected (self));
      break;
    case PROP_PAGE:
      g_value_set_string (value, self->pages != NULL ? accord_sidebar_get_page (self) : "topics");
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordSidebar *self = ACCORD_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      accord_sidebar_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The tree's row widget for @row, if it has one (GTK 4.8 has no API that
 * moves a list view's focus to a position). */
static GtkWidget *
tree_row_widget (AccordSidebar  *self,
                 GtkTreeListRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);

      if (GTK_IS_TREE_EXPANDER (expander) &&
          gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) == row)
        return child;
    }

  return NULL;
}

/* Selects and focuses the tree's row at @position, as the arrow keys do. */
static void
focus_tree_position (AccordSidebar *self,
                     guint          position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);
  GtkWidget *widget;

  if (row == NULL)
    return;

  reach_position (&self->tree_shown, GTK_WIDGET (self), position);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  widget = tree_row_widget (self, row);
  gtk_widget_grab_focus (widget != NULL ? widget : GTK_WIDGET (self->list_view));
}

/* The tree from the keyboard as trees go (WAI-ARIA's tree view pattern),
 * where GTK 4.8's expander has only +, - and *: Right unfolds a topic, or
 * goes to its first sub-topic; Left folds it, or goes to its parent. The
 * other way round when the tree reads right to left. */
static gboolean
on_tree_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     AccordSidebar         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *expander;
  GtkTreeListRow *row;
  gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
  gboolean into;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      (!right && keyval != GDK_KEY_Left && keyval != GDK_KEY_KP_Left) ||
      focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;

  /* The focus is on the row's expander, or on the row around it. */
  expander = GTK_IS_TREE_EXPANDER (focus) ? focus : gtk_widget_get_first_child (focus);
  row = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;
  if (row == NULL)
    return FALSE;

  into = right == (gtk_widget_get_direction (GTK_WIDGET (self->list_view)) != GTK_TEXT_DIR_RTL);
  if (into && gtk_tree_list_row_is_expandable (row) && !gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, TRUE);
  else if (into && gtk_tree_list_row_get_expanded (row))
    focus_tree_position (self, gtk_tree_list_row_get_position (row) + 1);
  else if (!into && gtk_tree_list_row_get_expanded (row))
    gtk_tree_list_row_set_expanded (row, FALSE);
  else if (!into && gtk_tree_list_row_get_depth (row) > 0)
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      focus_tree_position (self, gtk_tree_list_row_get_position (parent));
    }

  return TRUE;
}

/* The sidebar's own focus is its list, where typing starts a search: the
 * tree on its selected topic, the search results, or the bookmarks. */
static gboolean
accord_sidebar_grab_focus (GtkWidget *widget)
{
  AccordSidebar *self = ACCORD_SIDEBAR (widget);
  GtkWidget *list = NULL;

  if (g_strcmp0 (accord_sidebar_get_page (self), "topics") != 0)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->bookmarks_stack), "list") == 0)
        list = GTK_WIDGET (self->bookmarks_view);
    }
  else if (showing_results (self))
    list = GTK_WIDGET (self->results_view);
  else
    {
      GtkTreeListRow *selected = gtk_single_selection_get_selected_item (self->selection);
      GtkWidget *row = selected != NULL ? tree_row_widget (self, selected) : NULL;

      if (row != NULL && gtk_widget_grab_focus (row))
        return TRUE;
      list = GTK_WIDGET (self->list_view);
    }

  if (list != NULL && gtk_widget_grab_focus (list))
    return TRUE;
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* The tree and the search results are one stop each of the Tab chain, as
 * a list is: the arrow keys move from row to row, and Tab leaves the list
 * (GTK 4.8's list views stop at every row they have built, up to 200). */
static gboolean
accord_sidebar_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  AccordSidebar *self = ACCORD_SIDEBAR (widget);

  if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD) &&
      (accord_widget_has_focus_within (GTK_WIDGET (self->list_view)) ||
       accord_widget_has_focus_within (GTK_WIDGET (self->results_view))))
    {
      /* The lists come last in the sidebar: forward, on to what follows
       * it; back, to the search entry above them. */
      if (direction == GTK_DIR_TAB_FORWARD)
        return FALSE;
      return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  return GTK_WIDGET_CLASS (accord_sidebar_parent_class)->focus (widget, direction);
}

static void
accord_sidebar_class_init (AccordSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_sidebar_dispose;
  object_class->get_property = accord_sidebar_get_property;
  object_class->set_property = accord_sidebar_set_property;
  widget_class->unmap = accord_sidebar_unmap;
  widget_class->grab_focus = accord_sidebar_grab_focus;
  widget_class->focus = accord_sidebar_focus;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, ACCORD_TYPE_TOPIC,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The page on show: topics or bookmarks. */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "topics",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the sidebar searches for (accord_sidebar_set_query()), or NULL. */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A bookmark was activated: the window goes to its location. */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /* A topic was chosen in the tree or the results: clicked, or Enter on
   * it, or Enter in the search entry for the best result. (The arrow keys
   * select a topic without choosing it.) A narrow window then hides the
   * sidebar. */
  signals[TOPIC_CHOSEN] =
    g_signal_new ("topic-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Registered before the template looks them up (see accord-window.c). */
  g_type_ensure (GTK_TYPE_SEARCH_ENTRY);
  g_type_ensure (GTK_TYPE_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, page_switcher);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, pages);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, topics_page);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, bookmarks_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, bookmarks_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, status);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, lists);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, results_view);

  gtk_widget_class_install_action (widget_class, "sidebar.clear-search", NULL, clear_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sidebar.clear-search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accord-sidebar");
}

/* Enter in the search entry: to the best result. */
static void
on_search_activate (AccordSidebar *self)
{
  if (!showing_results (self) || g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return;

  gtk_single_selection_set_selected (self->result_selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  g_signal_emit (self, signals[TOPIC_CHOSEN], 0);
}

/* Enter on a row of the tree or the results (or a double click). The row
 * may have the focus without being selected (the results take the focus
 * from the tree when a search starts): it is now. */
static void
on_list_activate (GtkListView   *view,
                  guint          position,
                  AccordSidebar *self)
{
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)), position);
  g_signal_emit (self, signals[TOPIC_CHOSEN], 0);
}

/* A click on a row of the tree or the results, which selected it (not one
 * on an expander's arrow, which takes the click for itself). */
static void
on_list_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AccordSidebar   *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);

  if (n_press == 1 && picked != NULL && picked != view)
    g_signal_emit (self, signals[TOPIC_CHOSEN], 0);
}

/* Enter and clicks on @view's rows choose their topics. */
static void
watch_choices (AccordSidebar *self,
               GtkListView   *view)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (view, "activate", G_CALLBACK (on_list_activate), self, 0);
}

static GtkSingleSelection *
new_selection (AccordSidebar *self)
{
  GtkSingleSelection *selection = gtk_single_selection_new (NULL);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (on_selected_changed), self,
                           G_CONNECT_SWAPPED);
  return selection;
}

static void
accord_sidebar_init (AccordSidebar *self)
{
  g_autoptr(GtkListItemFactory) tree_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) results_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.clear-search", FALSE);
  accord_widget_flatten_switcher (self->page_switcher);
  gtk_stack_set_visible_child_name (self->lists, "tree");

  self->tree_shown.model = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = new_selection (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_shown.model));
  g_signal_connect (tree_factory, "setup", G_CALLBACK (setup_tree_row), NULL);
  g_signal_connect (tree_factory, "bind", G_CALLBACK (bind_tree_row), NULL);
  g_signal_connect (tree_factory, "unbind", G_CALLBACK (unbind_tree_row), NULL);
  gtk_list_view_set_factory (self->list_view, tree_factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->list_view), TRUE);
  g_signal_connect (self->list_view, "query-tooltip", G_CALLBACK (on_tree_query_tooltip), NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_tree_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }

  self->results = accord_result_list_new ();
  self->results_shown.model = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->results)), 0, G_MAXUINT);
  self->result_selection = new_selection (self);
  gtk_single_selection_set_model (self->result_selection, G_LIST_MODEL (self->results_shown.model));
  g_signal_connect (results_factory, "setup", G_CALLBACK (setup_result), NULL);
  g_signal_connect (results_factory, "bind", G_CALLBACK (bind_result), NULL);
  g_signal_connect (results_factory, "unbind", G_CALLBACK (unbind_result), NULL);
  gtk_list_view_set_factory (self->results_view, results_factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->result_selection));
  watch_choices (self, self->list_view);
  watch_choices (self, self->results_view);

  /* Typing anywhere in the topics page starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->topics_page);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect_object (factory, "setup", G_CALLBACK (setup_bookmark_row), self, 0);
    g_signal_connect_object (factory, "bind", G_CALLBACK (bind_bookmark_row), self, 0);
    gtk_list_view_set_factory (self->bookmarks_view, factory);
    g_object_unref (factory);
  }
  self->bookmarks_selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->bookmarks_view, GTK_SELECTION_MODEL (self->bookmarks_selection));
  g_signal_connect_object (self->bookmarks_view, "activate", G_CALLBACK (on_bookmark_activated), self, 0);
  g_signal_connect_object (self->pages, "notify::visible-child-name", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
  update_bookmarks_page (self);
}
