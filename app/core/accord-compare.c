/* accord-compare.c: lining subjects up aspect by aspect (stub, to be written) */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include "accord-compare.h"

G_DEFINE_ENUM_TYPE (AccordMark, accord_mark,
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_COMMON, "common"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_DIFFERS, "differs"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_ONLY, "only"),
  G_DEFINE_ENUM_VALUE (ACCORD_MARK_NONE, "none"))

struct _AccordCompareRow
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordCompareRow, accord_compare_row, G_TYPE_OBJECT)

static void accord_compare_row_class_init (AccordCompareRowClass *klass) { }
static void accord_compare_row_init (AccordCompareRow *self) { }

AccordAspect *accord_compare_row_get_aspect (AccordCompareRow *self) { return NULL; }
AccordMark accord_compare_row_get_mark (AccordCompareRow *self) { return ACCORD_MARK_NONE; }
guint accord_compare_row_get_n_values (AccordCompareRow *self) { return 0; }
AccordCharacteristic *accord_compare_row_get_value (AccordCompareRow *self, guint index) { return NULL; }
GListModel *accord_compare_row_get_covering (AccordCompareRow *self) { return NULL; }
const char *accord_compare_row_get_difference (AccordCompareRow *self) { return NULL; }
GListModel *accord_compare_rows_new (AccordPack *pack, GListModel *subjects) { return G_LIST_MODEL (g_list_store_new (ACCORD_TYPE_COMPARE_ROW)); }
char **accord_compare_get_common (AccordPack *pack, GListModel *subjects) { return g_new0 (char *, 1); }
