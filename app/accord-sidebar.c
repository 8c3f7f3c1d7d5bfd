/* accord-sidebar.c: the topic tree, with search, and the bookmarks
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages, Topics and Bookmarks, under a switcher.
 *
 * A GtkListView over a GtkTreeListModel of the pack's topics. Every level of
 * the tree goes through the same filter and sorter: with no query they keep
 * everything in pack order; with a query they keep the matching topics and
 * their ancestors, best matches first (title before summary before body).
 * The matching itself is the core's AccordSearchIndex, built once per pack.
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
  GtkFilter *filter;
  GtkSorter *sorter;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  AccordBookmarks *bookmarks;   /* nullable */
  GtkNoSelection *bookmarks_selection;

  /* template children */
  GtkStack *pages;
  GtkWidget *topics_page;
  GtkSearchEntry *search_entry;
  GtkLabel *status;
  GtkListView *list_view;
  GtkStack *bookmarks_stack;
  GtkListView *bookmarks_view;
};

G_DEFINE_FINAL_TYPE (AccordSidebar, accord_sidebar, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PACK, PROP_SELECTED, PROP_PAGE, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { NAVIGATE, N_SIGNALS };

static guint signals[N_SIGNALS];

static gboolean
filter_topic (gpointer item,
              gpointer user_data)
{
  AccordSidebar *self = user_data;

  /* No query, or no index yet to run it: everything shows. */
  if (self->query == NULL || self->index == NULL)
    return TRUE;

  return accord_search_index_subtree_rank (self->index, item) != ACCORD_SEARCH_NO_MATCH;
}

static int
sort_topic (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  AccordSidebar *self = user_data;
  int rank_a, rank_b;

  if (self->query == NULL || self->index == NULL)
    return GTK_ORDERING_EQUAL;

  /* The sort is stable: equal ranks keep pack order. */
  rank_a = accord_search_index_subtree_rank (self->index, (gpointer) a);
  rank_b = accord_search_index_subtree_rank (self->index, (gpointer) b);
  return rank_a > rank_b ? GTK_ORDERING_SMALLER : rank_a < rank_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* One level of the tree: filtered and sorted by the shared filter and sorter. */
static GListModel *
wrap_level (AccordSidebar *self,
            GListModel    *topics)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (topics),
                                                            g_object_ref (self->filter));

  return G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (self->sorter)));
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  AccordSidebar *self = user_data;
  AccordTopic *topic = item;

  if (accord_topic_get_n_children (topic) == 0)
    return NULL;

  return wrap_level (self, accord_topic_get_children (topic));
}

static void
rebuild_tree (AccordSidebar *self)
{
  g_clear_object (&self->tree);

  if (self->pack != NULL)
    /* While searching every level is expanded, to show where matches are. */
    self->tree = gtk_tree_list_model_new (wrap_level (self, accord_pack_get_topics (self->pack)),
                                          FALSE, self->query != NULL, create_children, self, NULL);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
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

/* Runs the current query over the index and updates the tree. */
static void
apply_query (AccordSidebar   *self,
             GtkFilterChange  change,
             gboolean         mode_changed)
{
  guint n_found = 0;

  if (self->query != NULL && self->index == NULL)
    {
      /* The index is still being built: the query runs when it is ready. */
      gtk_label_set_text (self->status, _("Searching…"));
      gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
      return;
    }

  if (self->query != NULL)
    n_found = accord_search_index_query (self->index, self->query);

  gtk_filter_changed (self->filter, change);
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);

  /* Entering or leaving search changes which rows are expanded. */
  if (mode_changed)
    rebuild_tree (self);

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
  gboolean was_searching;
  g_autofree char *old_query = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (query, self->query) == 0)
    return;

  was_searching = self->query != NULL;
  old_query = g_steal_pointer (&self->query);
  self->query = g_strdup (query);

  /* Typing more letters only narrows the results: let GTK reuse its work. */
  if (old_query != NULL && self->query != NULL && g_str_has_prefix (self->query, old_query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old_query != NULL && self->query != NULL && g_str_has_prefix (old_query, self->query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  apply_query (self, change, was_searching != (self->query != NULL));
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
    apply_query (self, GTK_FILTER_CHANGE_DIFFERENT, TRUE);
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

static void
on_page_changed (AccordSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_selected_changed (AccordSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * accord_sidebar_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected topic
 */
AccordTopic *
accord_sidebar_get_selected (AccordSidebar *self)
{
  GtkTreeListRow *row;
  AccordTopic *topic;

  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  /* The row holds the topic, so the reference get_item() adds can go. */
  topic = gtk_tree_list_row_get_item (row);
  g_object_unref (topic);

  return topic;
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
    }

  return FALSE;
}

/**
 * accord_sidebar_select_topic:
 * @topic: (nullable): a topic of the pack, or %NULL to select nothing
 *
 * Selects @topic, expanding the tree down to it. A topic hidden by the
 * current search cannot be selected.
 *
 * Returns: whether the topic is now selected
 */
gboolean
accord_sidebar_select_topic (AccordSidebar *self,
                             AccordTopic   *topic)
{
  guint position;

  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), FALSE);

  if (topic == accord_sidebar_get_selected (self))
    return TRUE;

  if (topic == NULL || self->tree == NULL || !find_row (self, topic, &position))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

void
accord_sidebar_focus_search (AccordSidebar *self)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->pages, "topics");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
 * Returns: (transfer none): the visible rows (GtkTreeListRow), for tests
 */
GListModel *
accord_sidebar_get_rows (AccordSidebar *self)
{
  g_return_val_if_fail (ACCORD_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->selection);
}

void
accord_sidebar_set_pack (AccordSidebar *self,
                         AccordPack    *pack)
{
  g_return_if_fail (ACCORD_IS_SIDEBAR (self));

  if (!g_set_object (&self->pack, pack))
    return;

  g_clear_pointer (&self->query, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild_tree (self);
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

  accord_sidebar_set_bookmarks (self, NULL);
  g_clear_object (&self->bookmarks_selection);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
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
    case PROP_PAGE:
      g_value_set_string (value, self->pages != NULL ? accord_sidebar_get_page (self) : "topics");
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

static void
accord_sidebar_class_init (AccordSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_sidebar_dispose;
  object_class->get_property = accord_sidebar_get_property;
  object_class->set_property = accord_sidebar_set_property;

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A bookmark was activated: the window goes to its location. */
  signals[NAVIGATE] =
    g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ACCORD_TYPE_TOPIC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, pages);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, topics_page);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, bookmarks_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, bookmarks_view);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, status);
  gtk_widget_class_bind_template_child (widget_class, AccordSidebar, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accord-sidebar");
}

static void
accord_sidebar_init (AccordSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_topic, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (sort_topic, self, NULL));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing anywhere in the topics page starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->topics_page);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self,
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
