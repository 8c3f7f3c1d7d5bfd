/* accord-compare-view.c (stub, to be written) */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include "accord-compare-view.h"

struct _AccordCompareView
{
  GtkWidget parent_instance;
  AccordPack *pack;
};

G_DEFINE_FINAL_TYPE (AccordCompareView, accord_compare_view, GTK_TYPE_WIDGET)

static void
accord_compare_view_dispose (GObject *object)
{
  g_clear_object (&ACCORD_COMPARE_VIEW (object)->pack);
  G_OBJECT_CLASS (accord_compare_view_parent_class)->dispose (object);
}

static void
accord_compare_view_class_init (AccordCompareViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accord_compare_view_dispose;
  g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void accord_compare_view_init (AccordCompareView *self) { }

AccordPack *accord_compare_view_get_pack (AccordCompareView *self) { return self->pack; }
void accord_compare_view_set_pack (AccordCompareView *self, AccordPack *pack) { g_set_object (&self->pack, pack); }
