/* accord-sidebar.c: the topic tree, with search
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists share the sidebar:
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
 * changes, however many results there are. (Filtering the tree instead meant expanding
 * every level and re-sorting each, seconds per keystroke on large packs:
 * tests/bench-ui-search.c measures it.) Clearing the search brings the tree
 * back, with the topic chosen meanwhile selected in it.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-sidebar.h"

struct _AccordSidebar
{
  GtkWidget parent_instance;

  AccordPack *pack;
  AccordSearchIndex *index;   /* built in a thread when the pack is set */
  GCancellable *indexing;
  char *query;                /* NULL: not searching */
  AccordTopic *shown;         /* the topic selected in the list on show */
  AccordTopic *selected;      /* the topic last chosen, kept across searches */
  gboolean updating;          /* swapping lists: selection changes are ours */
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;          /* of the tree */
  AccordResultList *results;              /* the topics found, best first */
  GtkSingleSelection *result_selection;   /* of the results */

  /* template children */
  GtkSearchEntry *search_entry;
  GtkLabel *status;
  GtkStack *lists;
  GtkListView *list_view;
  GtkListView *results_view;
};

G_DEFINE_FINAL_TYPE (AccordSidebar, accord_sidebar, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PACK, PROP_SELECTED, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void on_selected_changed (AccordSidebar *self);

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

static void
rebuild_tree (AccordSidebar *self)
{
  g_clear_object (&self->tree);

  if (self->pack != NULL)
    self->tree = gtk_tree_list_model_new (g_object_ref (accord_pack_get_topics (self->pack)),
                                          FALSE, FALSE, create_children, NULL, NULL);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
}

/* The results */

/* The full title of an ellipsized result, asked for only when a tooltip is
 * about to show: setting tooltips on every bind costs a round trip to the
 * display server for each row. */
static gboolean
on_result_query_tooltip (GtkWidget  *label,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

static void
setup_result (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *path = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (on_result_query_tooltip), NULL);
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (path, "dim-label");
  gtk_widget_add_css_class (path, "caption");
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
  gtk_label_set_text (GTK_LABEL (title), accord_topic_get_title (topic));
  gtk_label_set_text (GTK_LABEL (path_label), path);
  gtk_widget_set_visible (path_label, *path != '\0');
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
  guint position;

  accord_result_list_set_topics (self->results, results);

  /* The topic on show stays selected if it is among the results. */
  position = accord_result_list_find (self->results, self->selected);
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
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      self->updating = TRUE;
      gtk_stack_set_visible_child_name (self->lists, "tree");
      if (focus != NULL && (focus == GTK_WIDGET (self->results_view) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->results_view))))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      /* The results stay, hidden: the rows of the next search start from
       * them instead of being built again. */
      gtk_single_selection_set_selected (self->result_selection, GTK_INVALID_LIST_POSITION);
      self->updating = FALSE;
      /* Back in the tree, on the topic chosen while searching. */
      if (was_searching)
        accord_sidebar_select_topic (self, self->selected);
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

  apply_query (self);
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
start_indexing (AccordSidebar *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_pointer (&self->index, accord_search_index_unref);

  if (self->pack == NULL)
    return;

  self->indexing = g_cancellable_new ();
  task = g_task_new (self, self->indexing, on_index_built, NULL);
  g_task_set_task_data (task, g_object_ref (self->pack), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, build_index_thread);
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
    }
  else
    {
      selection = self->selection;
      view = self->list_view;
      if (topic != NULL && self->tree != NULL && !find_row (self, topic, &position))
        position = GTK_INVALID_LIST_POSITION;
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

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_SIDEBAR);
  /* GTK 4.8 leaves the template's unnamed root to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->result_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->tree);
  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_pointer (&self->index, accord_search_index_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_sidebar_parent_class)->dispose (object);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_sidebar_class_init (AccordSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_sidebar_dispose;
  object_class->get_property = accord_sidebar_get_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, ACCORD_TYPE_TOPIC,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORD_TYPE_TOPIC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, status);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, lists);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, results_view);

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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->lists, "tree");

  self->selection = new_selection (self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->results = accord_result_list_new ();
  self->result_selection = new_selection (self);
  gtk_single_selection_set_model (self->result_selection, G_LIST_MODEL (self->results));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_result), NULL);
  gtk_list_view_set_factory (self->results_view, factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->result_selection));

  /* Typing anywhere in the sidebar starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
}
