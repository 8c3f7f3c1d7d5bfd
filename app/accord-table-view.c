/* accord-table-view.c (stub, to be written) */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-table-view.h"

struct _AccordTableView
{
  GtkWidget parent_instance;
  AccordPack *pack;
};

G_DEFINE_FINAL_TYPE (AccordTableView, accord_table_view, GTK_TYPE_WIDGET)

static void
accord_table_view_dispose (GObject *object)
{
  g_clear_object (&ACCORD_TABLE_VIEW (object)->pack);
  G_OBJECT_CLASS (accord_table_view_parent_class)->dispose (object);
}

static void
accord_table_view_class_init (AccordTableViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accord_table_view_dispose;
  g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void accord_table_view_init (AccordTableView *self) { }

AccordPack *accord_table_view_get_pack (AccordTableView *self) { return self->pack; }
void accord_table_view_set_pack (AccordTableView *self, AccordPack *pack) { g_set_object (&self->pack, pack); }
