/* accord-window.c: the main window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows one pack: its topic tree in the sidebar and the selected
 * topic's page. Loading another pack happens in a worker thread; the pack on
 * screen is only replaced once the new one has loaded without error.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-window.h"

struct _AccordWindow
{
  GtkApplicationWindow parent_instance;

  AccordPack *pack;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  GCancellable *loading;

  /* template children */
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkProgressBar *progress_bar;
  GtkListView *topic_list;
  GtkLabel *page_title;
  GtkLabel *page_summary;
  GtkBox *page_body;
};

G_DEFINE_FINAL_TYPE (AccordWindow, accord_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_topic_children (gpointer item,
                       gpointer user_data)
{
  AccordTopic *topic = item;

  if (accord_topic_get_n_children (topic) == 0)
    return NULL;

  return g_object_ref (accord_topic_get_children (topic));
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  /* Pack text is untrusted: always plain text, never markup. */
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
block_widget (AccordBlock *block)
{
  switch (accord_block_get_kind (block))
    {
    case ACCORD_BLOCK_HEADING:
      return text_label (accord_block_get_text (block), "title-3");

    case ACCORD_BLOCK_NOTE:
      return text_label (accord_block_get_text (block), "accord-note");

    case ACCORD_BLOCK_LIST:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        const char * const *items = accord_block_get_items (block);

        for (guint i = 0; items[i] != NULL; i++)
          {
            /* Translators: a bullet before a list item */
            g_autofree char *text = g_strdup_printf (_("•  %s"), items[i]);

            gtk_box_append (GTK_BOX (box), text_label (text, NULL));
          }
        return box;
      }

    case ACCORD_BLOCK_PARAGRAPH:
    default:
      return text_label (accord_block_get_text (block), NULL);
    }
}

static void
show_topic_page (AccordWindow *self,
                 AccordTopic  *topic)
{
  GtkWidget *child;
  GListModel *body;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_body))) != NULL)
    gtk_box_remove (self->page_body, child);

  if (topic == NULL)
    {
      gtk_label_set_text (self->page_title, self->pack != NULL ? accord_pack_get_title (self->pack) : "");
      gtk_label_set_text (self->page_summary,
                          self->pack != NULL && accord_pack_get_description (self->pack) != NULL
                            ? accord_pack_get_description (self->pack) : "");
      return;
    }

  gtk_label_set_text (self->page_title, accord_topic_get_title (topic));
  gtk_label_set_text (self->page_summary,
                      accord_topic_get_summary (topic) != NULL ? accord_topic_get_summary (topic) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->page_summary), accord_topic_get_summary (topic) != NULL);

  body = accord_topic_get_body (topic);
  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(AccordBlock) block = g_list_model_get_item (body, i);

      gtk_box_append (self->page_body, block_widget (block));
    }
}

static void
on_selection_changed (AccordWindow *self)
{
  show_topic_page (self, accord_window_get_topic (self));
}

/**
 * accord_window_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic on show
 */
AccordTopic *
accord_window_get_topic (AccordWindow *self)
{
  GtkTreeListRow *row;
  AccordTopic *topic;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  /* The row holds the topic, so the reference get_item() adds can go. */
  topic = gtk_tree_list_row_get_item (row);
  g_object_unref (topic);

  return topic;
}

void
accord_window_set_pack (AccordWindow *self,
                        AccordPack   *pack)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (ACCORD_IS_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (g_object_ref (accord_pack_get_topics (pack)),
                                        FALSE, FALSE, create_topic_children, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));

  gtk_window_set_title (GTK_WINDOW (self), accord_pack_get_title (pack));
  on_selection_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
}

/**
 * accord_window_get_pack:
 *
 * Returns: (transfer none): the pack on show
 */
AccordPack *
accord_window_get_pack (AccordWindow *self)
{
  g_return_val_if_fail (ACCORD_IS_WINDOW (self), NULL);

  return self->pack;
}

static gboolean
expand_to (AccordWindow *self,
           AccordTopic  *topic,
           guint        *position)
{
  AccordTopic *parent = accord_topic_get_parent (topic);
  guint n;

  /* Ancestors first, so the topic's row exists. */
  if (parent != NULL)
    {
      guint parent_position;
      g_autoptr(GtkTreeListRow) row = NULL;

      if (!expand_to (self, parent, &parent_position))
        return FALSE;
      row = gtk_tree_list_model_get_row (self->tree, parent_position);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
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
 * accord_window_show_topic:
 * @topic_id: a topic id
 *
 * Expands the tree down to the topic, selects it and shows its page.
 *
 * Returns: %FALSE when the pack has no such topic
 */
gboolean
accord_window_show_topic (AccordWindow *self,
                          const char   *topic_id)
{
  AccordTopic *topic;
  guint position;

  g_return_val_if_fail (ACCORD_IS_WINDOW (self), FALSE);

  if (self->pack == NULL || (topic = accord_pack_lookup_topic (self->pack, topic_id)) == NULL)
    return FALSE;

  if (!expand_to (self, topic, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

static void
show_banner (AccordWindow *self,
             const char   *text)
{
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
dismiss_banner (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (ACCORD_WINDOW (widget)->banner_revealer, FALSE);
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  AccordWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_pack_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordWindow) self = user_data;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(GError) error = NULL;

  pack = accord_pack_load_finish (result, &diagnostics, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);

  if (pack == NULL)
    {
      /* The pack on screen stays; the banner says what went wrong. */
      show_banner (self, error->message);
      return;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  accord_window_set_pack (self, pack);
}

/**
 * accord_window_open_file:
 * @file: a pack file
 *
 * Loads @file in the background and shows it when it has loaded; on error
 * the current pack stays and a banner explains.
 */
void
accord_window_open_file (AccordWindow *self,
                         GFile        *file)
{
  g_return_if_fail (ACCORD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  accord_pack_load_async (file, self->loading,
                          on_load_progress, g_object_ref (self), g_object_unref,
                          on_pack_loaded, g_object_ref (self));
}

static void
accord_window_dispose (GObject *object)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORD_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (accord_window_parent_class)->dispose (object);
}

static void
accord_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AccordWindow *self = ACCORD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PACK:
      accord_window_set_pack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accord_window_class_init (AccordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accord_window_dispose;
  object_class->get_property = accord_window_get_property;
  object_class->set_property = accord_window_set_property;

  properties[PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, ACCORD_TYPE_PACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORD_TYPE_TOPIC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/accord/Accord/accord-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, page_summary);
  gtk_widget_class_bind_template_child (widget_class, AccordWindow, page_body);

  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner);
}

static void
accord_window_init (AccordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->topic_list, GTK_SELECTION_MODEL (self->selection));
}

AccordWindow *
accord_window_new (AccordApplication *application)
{
  return g_object_new (ACCORD_TYPE_WINDOW, "application", application, NULL);
}
