/* test-ui-i18n.c: the window in another language
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once per language (LANGUAGE is set by meson): the views and the
 * pack's own text are in that language — the table's columns carry the
 * UN's term for peacekeeping — and under Arabic the whole window mirrors.
 */

#include "config.h"

#include <string.h>

#include "accord-table.h"
#include "accord-table-view.h"
#include "accord-test-util.h"
#include "accord-window.h"

static AccordWindow *
new_window (void)
{
  AccordWindow *window = accord_window_new (NULL);
  g_autoptr(AccordPack) pack = accord_test_load_builtin ();

  accord_window_set_pack (window, pack);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (200);

  return window;
}

static gboolean
has_script (const char    *text,
            GUnicodeScript script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;

  return FALSE;
}

/* The window's stack of views: the one with a Compare page (the sidebar
 * has a stack too). */
static GtkStack *
find_views (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "compare") != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_views (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
view_title (AccordWindow *window,
            const char   *name)
{
  GtkStack *views = find_views (GTK_WIDGET (window));

  return gtk_stack_page_get_title (gtk_stack_get_page (views, gtk_stack_get_child_by_name (views, name)));
}

static void
test_arabic (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;

  /* GTK takes the direction from the language: the window mirrors. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  /* The views and the pack's own text are Arabic. */
  g_assert_true (has_script (view_title (window, "topics"), G_UNICODE_SCRIPT_ARABIC));
  g_assert_true (has_script (view_title (window, "table"), G_UNICODE_SCRIPT_ARABIC));
  g_assert_true (has_script (view_title (window, "compare"), G_UNICODE_SCRIPT_ARABIC));
  g_assert_true (has_script (gtk_window_get_title (GTK_WINDOW (window)), G_UNICODE_SCRIPT_ARABIC));
  g_assert_cmpstr (accord_pack_get_language (accord_window_get_pack (window)), ==, "ar");

  g_assert_true (accord_window_navigate (window, "topic:consent-of-the-parties"));
  accord_test_iterate (100);
  text = accord_test_visible_text (GTK_WIDGET (window));
  /* UN terminology: peacekeeping is حفظ السلام. */
  g_assert_nonnull (strstr (text, "حفظ السلام"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The UN's own terms, as the issue asks for them. */
static const struct { const char *language; const char *peacekeeping; const char *diplomacy; } terms[] = {
  { "ar", "حفظ السلام", "الدبلوماسية" },
  { "es", "Mantenimiento de la paz", "Diplomacia" },
  { "fr", "Maintien de la paix", "Diplomatie" },
  { "ru", "Поддержание мира", "Дипломатия" },
  { "zh_CN", "维持和平", "外交" },
};

static void
test_column_headers (gconstpointer data)
{
  guint t = GPOINTER_TO_UINT (data);
  AccordWindow *window = new_window ();
  /* The table is built when it is first shown. */
  gboolean shown = accord_window_navigate (window, "table");
  AccordTableView *table = ACCORD_TABLE_VIEW (accord_test_find_by_type (GTK_WIDGET (window),
                                                                         ACCORD_TYPE_TABLE_VIEW));
  AccordTable *columns = ACCORD_TABLE (accord_test_find_by_type (GTK_WIDGET (table), ACCORD_TYPE_TABLE));
  GListModel *list = accord_table_get_columns (columns);
  GString *titles = g_string_new ("|");
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (shown);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(AccordTableColumn) column = g_list_model_get_item (list, i);

      g_string_append_printf (titles, "%s|", accord_table_column_get_title (column));
    }
  joined = g_string_free (titles, FALSE);

  /* The subjects' columns, headed with their names in this language. */
  expected = g_strdup_printf ("|%s|%s|", terms[t].peacekeeping, terms[t].diplomacy);
  g_assert_nonnull (strstr (joined, expected));
  /* The table's own columns too (the Group column's title is the same
   * word in no language here). */
  g_assert_null (strstr (joined, "|Group|"));
  /* And the interface around them is translated too. */
  g_assert_cmpstr (view_title (window, "compare"), !=, "Compare");
  g_assert_cmpstr (view_title (window, "table"), !=, "Characteristics");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Asserts that no two items of @menu's popover (its sections' items
 * together) share a mnemonic, and the same of each of its submenus.
 * @seen maps the mnemonics taken to their items' labels. */
static void
assert_mnemonics_unique (GMenuModel *menu,
                         GHashTable *seen)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;

      if (section != NULL)
        assert_mnemonics_unique (section, seen);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) level = g_hash_table_new_full (NULL, NULL, NULL, g_free);

          assert_mnemonics_unique (submenu, level);
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          const char *underscore = strchr (label, '_');
          gunichar key;

          if (underscore == NULL || underscore[1] == '\0')
            continue;
          key = g_unichar_tolower (g_utf8_get_char (underscore + 1));
          if (g_hash_table_contains (seen, GUINT_TO_POINTER (key)))
            g_error ("“%s” and “%s” share a mnemonic", label,
                     (char *) g_hash_table_lookup (seen, GUINT_TO_POINTER (key)));
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_steal_pointer (&label));
        }
    }
}

/* The main menu's items, translated, each have a mnemonic of their own. */
static void
test_menu_mnemonics (void)
{
  AccordWindow *window = new_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GMenuModel *menu;

  /* Its model is given when it first opens. */
  gtk_menu_button_popup (button);
  accord_test_iterate (50);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), !=, "Main Menu");
  assert_mnemonics_unique (menu, seen);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 8);
  gtk_menu_button_popdown (button);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  /* Not gtk_test_init(): it forces an English locale, and this test is
   * about the user's. gtk_init() takes it from the environment. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  accord_i18n_init ();

  for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
    if (g_strcmp0 (language, terms[t].language) == 0)
      {
        g_autofree char *path = g_strdup_printf ("/i18n/window/%s/column-headers", language);

        g_test_add_data_func (path, GUINT_TO_POINTER (t), test_column_headers);
        g_free (path);
        path = g_strdup_printf ("/i18n/window/%s/menu-mnemonics", language);
        g_test_add_func (path, test_menu_mnemonics);
      }
  if (g_strcmp0 (language, "ar") == 0)
    g_test_add_func ("/i18n/window/arabic", test_arabic);

  return g_test_run ();
}
