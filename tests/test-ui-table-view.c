/* test-ui-table-view.c: the characteristics table and the aspect page
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives a real AccordTableView in a window: reads the column titles, the
 * cells, the order and content of its model after sorting and filtering, the
 * aspect page and its links, and checks that a large pack only gets widgets
 * for the rows on screen, and that the keyboard moves from row to row.
 */

#include "config.h"

#include "accord-test-util.h"
#include "accord-table.h"
#include "accord-table-row.h"
#include "accord-table-view.h"

typedef struct
{
  GtkWindow *window;
  AccordTableView *view;
  AccordPack *pack;
} Fixture;

static void
fixture_show (Fixture    *fixture,
              AccordPack *pack,
              int         width,
              int         height)
{
  fixture->pack = pack;
  fixture->view = ACCORD_TABLE_VIEW (accord_table_view_new ());
  accord_table_view_set_pack (fixture->view, pack);
  fixture->window = accord_test_show (GTK_WIDGET (fixture->view), width, height);
}

static void
fixture_clear (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->pack);
  accord_test_iterate (10);
}

static GPtrArray *find_all (GtkWidget  *widget,
                            GType       type,
                            const char *css_class);

static AccordPack *generate_pack (guint n_aspects,
                                  guint n_subjects);

static AccordTable *
get_table (AccordTableView *view)
{
  GtkWidget *table = accord_test_find_by_type (GTK_WIDGET (view), ACCORD_TYPE_TABLE);

  g_assert_nonnull (table);
  return ACCORD_TABLE (table);
}

static GtkWidget *
get_page (AccordTableView *view,
          const char      *name)
{
  /* The first stack under the view holds its two pages. */
  GtkStack *stack = GTK_STACK (accord_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_STACK));

  return gtk_stack_get_child_by_name (stack, name);
}

static const char *
visible_page (AccordTableView *view)
{
  GtkStack *stack = GTK_STACK (accord_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

/* The titles of the columns shown, comma-separated, in order. */
static char *
column_titles (AccordTable *table)
{
  GListModel *columns = accord_table_get_columns (table);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(AccordTableColumn) column = g_list_model_get_item (columns, i);

      if (accord_table_column_get_visible (column))
        g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", accord_table_column_get_title (column));
    }

  return g_string_free (out, FALSE);
}

static AccordTableColumn *
get_column (AccordTable *table,
            const char  *title)
{
  GListModel *columns = accord_table_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(AccordTableColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (accord_table_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

/* The rows of the table, as its model has them: aspect ids,
 * comma-separated, in order. */
static char *
row_ids (AccordTable *table)
{
  GListModel *model = G_LIST_MODEL (accord_table_get_model (table));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", accord_aspect_get_id (aspect));
    }

  return g_string_free (out, FALSE);
}

/* The title of the column titled @title, in the table's header. */
static GtkWidget *
get_title (AccordTable *table,
           const char  *title)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (table));
  g_autofree char *expected = g_strdup_printf ("%s\n", title);

  g_assert_cmpstr (gtk_widget_get_css_name (header), ==, "header");
  for (GtkWidget *button = gtk_widget_get_first_child (header); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      g_autofree char *text = accord_test_visible_text (button);

      if (g_strcmp0 (text, expected) == 0)
        return button;
    }

  g_assert_not_reached ();
}

/* A click on a column's title, as the mouse makes it. */
static void
click_title (AccordTable *table,
             const char  *title)
{
  GtkWidget *button = get_title (table, title);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (button);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "released", 1, 5.0, 5.0);
          return;
        }
    }

  g_assert_not_reached ();
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint position_a = accord_table_row_get_position (*(AccordTableRow **) a);
  guint position_b = accord_table_row_get_position (*(AccordTableRow **) b);

  return position_a < position_b ? -1 : position_a > position_b;
}

/* The rows on screen, top down. (The row with the keyboard focus stays
 * when it is scrolled out of view, out of sight.) */
static GPtrArray *
shown_rows (AccordTable *table)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (table)); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (list), "listview") != 0 || !gtk_widget_get_visible (list))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          graphene_rect_t bounds;

          if (gtk_widget_get_child_visible (row) &&
              gtk_widget_compute_bounds (row, list, &bounds) &&
              bounds.origin.y + bounds.size.height > 0 &&
              bounds.origin.y < gtk_widget_get_height (list))
            g_ptr_array_add (rows, row);
        }
    }
  g_ptr_array_sort (rows, compare_positions);

  return rows;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 const char *css_class,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, out);
}

static GPtrArray *
find_all (GtkWidget  *widget,
          GType       type,
          const char *css_class)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_widgets (widget, type, css_class, out);
  return out;
}

static void
count_frame (GdkFrameClock *clock,
             gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* Runs the main loop until @widget's window has been laid out and painted
 * twice more: after a change to the model, the rows on screen are the new
 * ones. */
static void
wait_for_layout (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  while (frames < 2)
    {
      gtk_widget_queue_resize (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

static void
type_filter (AccordTableView *view,
             const char      *text)
{
  GtkWidget *entry = accord_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits 150 ms before ::search-changed. */
  accord_test_iterate (400);
  wait_for_layout (GTK_WIDGET (view));
}

/* (1) One column for the aspect, one for its group, one per subject. */
static void
test_columns (void)
{
  Fixture f = { 0 };
  g_autofree char *titles = NULL;
  AccordTable *table;
  GtkAccessible *accessible;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);

  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");

  accessible = GTK_ACCESSIBLE (table);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "Characteristics");

  /* Pack order, grouped: the rows start out as the pack lists them. */
  {
    g_autofree char *ids = row_ids (table);

    g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                              "use-of-force,legitimacy,timing,activities,scope");
  }

  fixture_clear (&f);
}

/* (2b) A subject cell is as tall as a wrapping label with its text, at
 * any width, in either direction, and after its font changes (the text
 * zoom), although it remembers heights it has measured. */
static int
height_at (GtkWidget *widget,
           int        width)
{
  int height;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
assert_cell_heights (GtkWidget *label,
                     GtkWidget *cell)
{
  const char *texts[] = {
    "",
    "Short",
    "A characteristic long enough to wrap onto several lines in a column of ordinary width, and more.",
    "Pneumonoultramicroscopicsilicovolcanoconiosis-with-no-space-to-break-at-whatsoever",
    "عمليات حفظ السلام تتطلب موافقة الأطراف، وعدم التحيز، وعدم استخدام القوة إلا دفاعًا عن النفس",
    "Line one\nline two\n\nline four",
  };
  const int widths[] = { 60, 150, 280, 600 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        gtk_label_set_text (GTK_LABEL (label), texts[t]);
        accord_cell_text_set_text (ACCORD_CELL_TEXT (cell), texts[t]);
        g_test_message ("“%.20s” at %d px", texts[t], widths[w]);
        g_assert_cmpint (height_at (cell, widths[w]), ==, height_at (label, widths[w]));
      }
}

static void
test_cell_text (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *cell = accord_cell_text_new ();
  GtkWindow *window;
  int small, big;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), cell);
  window = accord_test_show (box, 700, 500);

  assert_cell_heights (label, cell);
  gtk_widget_set_direction (box, GTK_TEXT_DIR_RTL);
  assert_cell_heights (label, cell);

  /* A bigger font: heights measured before are not reused. */
  accord_cell_text_set_text (ACCORD_CELL_TEXT (cell), "Words enough to wrap at a narrow width, twice over.");
  small = height_at (cell, 150);
  gtk_css_provider_load_from_data (css, ".accord-test-big { font-size: 200%; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (box), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (label, "accord-test-big");
  gtk_widget_add_css_class (cell, "accord-test-big");
  accord_test_iterate (50);
  big = height_at (cell, 150);
  g_assert_cmpint (big, >, small);
  assert_cell_heights (label, cell);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (box), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (window);
}

/* (2) Cells: the characteristic, or "Not covered" dimmed; never empty. */
static void
test_cells (void)
{
  Fixture f = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  AccordTable *table;
  guint n_not_covered = 0;
  guint n_described = 0;
  const char *uncovered[] = { "Consent", "Impartiality", "Use of force", "Legitimacy" };

  /* Tall enough for every row of the built-in pack. */
  fixture_show (&f, accord_test_load_builtin (), 1280, 2400);
  table = get_table (f.view);

  text = accord_test_visible_text (GTK_WIDGET (table));
  g_assert_nonnull (strstr (text, "Not covered"));
  g_assert_nonnull (strstr (text, "A tool for maintaining international peace and security."));
  g_assert_nonnull (strstr (text, "Principles"));
  g_assert_nonnull (strstr (text, "Whether the parties to a conflict must agree to it."));

  /* What labels are left (the headers) show plain text; the cells are
   * AccordCellTexts, which are never markup. */
  labels = find_all (GTK_WIDGET (table), GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      g_assert_false (gtk_label_get_selectable (g_ptr_array_index (labels, i)));
      g_assert_false (gtk_label_get_use_markup (g_ptr_array_index (labels, i)));
    }

  cells = find_all (GTK_WIDGET (table), ACCORD_TYPE_CELL_TEXT, NULL);
  g_assert_cmpuint (cells->len, >, 0);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      const char *cell_text = accord_cell_text_get_text (ACCORD_CELL_TEXT (cell));
      gboolean described = FALSE;

      /* A screen reader reads the cell's text as its name. */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_LABEL);
      if (cell_text != NULL)
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, cell_text);

      if (g_strcmp0 (cell_text, "Not covered") != 0)
        continue;

      n_not_covered++;
      g_assert_true (gtk_widget_has_css_class (cell, "dim-label"));

      /* Only Diplomacy leaves aspects uncovered in the built-in pack, and the
       * cell says which row and column it is in. */
      for (guint j = 0; j < G_N_ELEMENTS (uncovered); j++)
        {
          g_autofree char *expected = g_strdup_printf ("Diplomacy — %s", uncovered[j]);
          g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell),
                                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                       expected);
          if (error == NULL)
            described = TRUE;
        }
      g_assert_true (described);
    }
  g_assert_cmpuint (n_not_covered, ==, G_N_ELEMENTS (uncovered));

  /* A covered cell: text of its own, not dimmed, described too. */
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);

      if (g_strcmp0 (accord_cell_text_get_text (ACCORD_CELL_TEXT (cell)),
                     "A tool for maintaining international peace and security.") != 0)
        continue;

      g_assert_false (gtk_widget_has_css_class (cell, "dim-label"));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           "Peacekeeping — Nature");
      n_described++;
    }
  g_assert_cmpuint (n_described, ==, 1);

  /* The aspect column: the name as a heading, the description under it
   * (dimmed); the group column: the group. */
  {
    guint n_heading = 0, n_description = 0, n_group = 0;

    for (guint i = 0; i < cells->len; i++)
      {
        GtkWidget *cell = g_ptr_array_index (cells, i);
        const char *cell_text = accord_cell_text_get_text (ACCORD_CELL_TEXT (cell));

        if (g_strcmp0 (cell_text, "Consent") == 0 && gtk_widget_has_css_class (cell, "heading"))
          n_heading++;
        else if (g_strcmp0 (cell_text, "Whether the parties to a conflict must agree to it.") == 0 &&
                 gtk_widget_has_css_class (cell, "dim-label"))
          n_description++;
        else if (g_strcmp0 (cell_text, "Principles") == 0)
          n_group++;
      }
    g_assert_cmpuint (n_heading, ==, 1);
    g_assert_cmpuint (n_description, ==, 1);
    g_assert_cmpuint (n_group, >=, 1);
  }

  /* To a screen reader a row is named after its aspect, and each cell
   * after what it shows, not after their widgets' types. */
  {
    g_autoptr(GPtrArray) rows = shown_rows (table);
    GtkWidget *row = g_ptr_array_index (rows, 0);
    GtkWidget *first = gtk_widget_get_first_child (row);
    GtkWidget *aspect = gtk_widget_get_first_child (first);

    g_assert_cmpuint (rows->len, ==, 11);
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_ROLE_GRID);
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_ROW);
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, aspect, NULL);
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ROW_INDEX, 2);
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_RELATION_ROW_COUNT, 12);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (aspect), GTK_ACCESSIBLE_PROPERTY_LABEL, "Nature");
    for (GtkWidget *cell = first; cell != NULL; cell = gtk_widget_get_next_sibling (cell))
      {
        gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_GRID_CELL);
        gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                             gtk_widget_get_first_child (cell), NULL);
      }
  }

  fixture_clear (&f);
}

/* (3) The column headers sort the model; the Group column keeps groups
 * together in pack order. */
static void
test_sort (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);

  /* A click on a title sorts by it, and says so. */
  click_title (table, "Aspect");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "activities,consent,impartiality,legitimacy,means,nature,"
                            "participants,purpose,scope,timing,use-of-force");
  g_free (ids);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_title (table, "Aspect")),
                                       GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_title (table, "Group")),
                                       GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_NONE);

  /* What is on screen follows: the first row is now "Activities". */
  {
    g_autofree char *text = accord_test_visible_text (GTK_WIDGET (table));
    const char *activities = strstr (text, "Activities");
    const char *nature = strstr (text, "Nature");

    g_assert_nonnull (activities);
    g_assert_nonnull (nature);
    g_assert_true (activities < nature);
  }

  /* A second click turns the order round. */
  click_title (table, "Aspect");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "use-of-force,timing,scope,purpose,participants,nature,"
                            "means,legitimacy,impartiality,consent,activities");
  g_free (ids);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_title (table, "Aspect")),
                                       GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_DESCENDING);

  click_title (table, "Group");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "timing,activities,scope,"                      /* In practice */
                            "nature,purpose,participants,means,"           /* Overview */
                            "consent,impartiality,use-of-force,legitimacy"); /* Principles */
  g_free (ids);

  accord_table_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                            "use-of-force,legitimacy,timing,activities,scope");
  g_free (ids);

  fixture_clear (&f);
}

/* The sort order of the table by the Sort menu. */
static char *
sort_of (AccordTableView *view)
{
  char *sort = NULL;

  g_object_get (view, "sort", &sort, NULL);
  return sort;
}

/* (3b) The Sort menu, for those who do not click on titles: each of its
 * items sorts as its title would, and it shows the order the titles
 * chose. */
static void
test_sort_menu (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  GtkWidget *button;
  GMenuModel *menu;
  guint n_items = 0;
  char *sort;
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);
  button = accord_test_find_by_type (GTK_WIDGET (f.view), GTK_TYPE_MENU_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Sort");
  sort = sort_of (f.view);
  g_assert_cmpstr (sort, ==, "pack");
  g_free (sort);

  /* Every item of the menu, in every section: the table takes its order. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *target = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_TARGET, "s", &target));
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), action, "s", target));
          sort = sort_of (f.view);
          g_assert_cmpstr (sort, ==, target);
          g_free (sort);
          n_items++;
        }
    }
  g_assert_cmpuint (n_items, ==, 5);

  gtk_widget_activate_action (GTK_WIDGET (f.view), "table.sort", "s", "group-ascending");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "timing,activities,scope,"
                            "nature,purpose,participants,means,"
                            "consent,impartiality,use-of-force,legitimacy");
  g_free (ids);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_title (table, "Group")),
                                       GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_ASCENDING);

  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, "view-sort-ascending-symbolic");
  gtk_widget_activate_action (GTK_WIDGET (f.view), "table.sort", "s", "aspect-descending");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_true (g_str_has_prefix (ids, "use-of-force,timing,scope,"));
  g_free (ids);
  /* The button shows which way. */
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==, "view-sort-descending-symbolic");

  /* A click on a title: the menu follows. */
  click_title (table, "Group");
  wait_for_layout (GTK_WIDGET (table));
  sort = sort_of (f.view);
  g_assert_cmpstr (sort, ==, "group-ascending");
  g_free (sort);

  gtk_widget_activate_action (GTK_WIDGET (f.view), "table.sort", "s", "pack");
  wait_for_layout (GTK_WIDGET (table));
  ids = row_ids (table);
  g_assert_true (g_str_has_prefix (ids, "nature,purpose,"));
  g_free (ids);
  g_assert_null (accord_table_get_sort_column (table));

  fixture_clear (&f);
}

/* The aspects a filter should keep, worked out with GLib's own matcher on
 * each aspect's texts (one-word queries only). */
static char *
expected_matches (AccordPack *pack,
                  const char *word)
{
  GListModel *aspects = accord_pack_get_aspects (pack);
  GListModel *subjects = accord_pack_get_subjects (pack);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (aspects); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      gboolean match = FALSE;

      if (g_str_match_string (word, accord_aspect_get_name (aspect), TRUE) ||
          (accord_aspect_get_group (aspect) != NULL &&
           g_str_match_string (word, accord_aspect_get_group (aspect), TRUE)) ||
          (accord_aspect_get_description (aspect) != NULL &&
           g_str_match_string (word, accord_aspect_get_description (aspect), TRUE)))
        match = TRUE;

      for (guint j = 0; j < g_list_model_get_n_items (subjects); j++)
        {
          g_autoptr(AccordSubject) subject = g_list_model_get_item (subjects, j);
          AccordCharacteristic *c = accord_pack_get_characteristic (pack, subject, aspect);

          if (g_str_match_string (word, c != NULL ? accord_characteristic_get_text (c) : "Not covered", TRUE))
            match = TRUE;
        }

      if (match)
        g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", accord_aspect_get_id (aspect));
    }

  return g_string_free (out, FALSE);
}

/* (4) The filter keeps the rows whose texts contain the words, ignoring case
 * and accents; nothing left shows a status. */
static void
test_filter (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  g_autofree char *expected = NULL;
  char *ids;
  char *text;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);

  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_nonnull (strstr (text, "11 aspects"));
  g_free (text);

  expected = expected_matches (f.pack, "consent");
  g_assert_nonnull (strstr (expected, "consent"));
  g_assert_null (strstr (expected, "scope"));
  g_assert_cmpuint (strlen (expected), <, strlen ("nature,purpose,participants,means,consent,impartiality,"
                                                   "use-of-force,legitimacy,timing,activities,scope"));

  type_filter (f.view, "consent");
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (table));
  g_assert_null (strstr (text, "Scope"));
  g_free (text);

  /* Case and accents do not matter. */
  type_filter (f.view, "CONSÉNT");
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);

  /* The group is searched: every Principles aspect, and only those besides
   * any that mention the word. */
  type_filter (f.view, "principles");
  ids = row_ids (table);
  g_assert_nonnull (strstr (ids, "consent,impartiality,use-of-force,legitimacy"));
  g_assert_null (strstr (ids, "timing"));
  g_free (ids);

  /* Every word must match, each anywhere in the aspect's texts. */
  {
    g_autofree char *consent = expected_matches (f.pack, "consent");
    g_autofree char *political = expected_matches (f.pack, "political");
    g_auto(GStrv) a = g_strsplit (consent, ",", -1);
    g_autoptr(GString) both = g_string_new (NULL);

    for (guint i = 0; a[i] != NULL; i++)
      {
        g_autofree char *needle = g_strdup_printf (",%s,", a[i]);
        g_autofree char *haystack = g_strdup_printf (",%s,", political);

        if (strstr (haystack, needle) != NULL)
          g_string_append_printf (both, "%s%s", both->len > 0 ? "," : "", a[i]);
      }
    g_assert_cmpuint (both->len, >, 0);
    g_assert_cmpuint (both->len, <, strlen (consent));

    type_filter (f.view, "political consent");
    ids = row_ids (table);
    g_assert_cmpstr (ids, ==, both->str);
    g_free (ids);
  }

  type_filter (f.view, "zzzz");
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "");
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_nonnull (strstr (text, "No aspects match “zzzz”"));
  g_free (text);

  type_filter (f.view, "");
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                            "use-of-force,legitimacy,timing,activities,scope");
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_null (strstr (text, "No aspects match"));
  g_free (text);

  fixture_clear (&f);
}

static void
wait_indexed (AccordTableView *view)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (accord_table_view_is_indexing (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (accord_table_view_is_indexing (view));
}

/* (4b) The filter's index is built on a worker thread when the filter is
 * wanted, not with the pack; a query typed before it is there keeps every
 * row, and is applied when it comes. */
static void
test_filter_index (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  GtkWidget *entry;
  g_autofree char *expected = NULL;
  g_autoptr(AccordPack) other = accord_test_load_builtin ();
  g_autoptr(AccordPack) unrelated = generate_pack (50, 3);
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);
  entry = accord_test_find_by_type (GTK_WIDGET (f.view), GTK_TYPE_SEARCH_ENTRY);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  expected = expected_matches (f.pack, "consent");

  /* Not with the pack: with the focus elsewhere, a new pack is not
   * indexed until the entry is focused. */
  gtk_widget_grab_focus (GTK_WIDGET (table));
  g_assert_false (gtk_widget_is_ancestor (gtk_window_get_focus (f.window), entry));
  accord_table_view_set_pack (f.view, other);
  accord_test_iterate (100);
  g_assert_false (accord_table_view_is_indexing (f.view));
  gtk_widget_grab_focus (entry);
  g_assert_true (accord_table_view_is_indexing (f.view));
  wait_indexed (f.view);
  gtk_widget_grab_focus (GTK_WIDGET (table));

  /* A new pack: the first query asks for its index, and keeps every row
   * meanwhile. */
  accord_table_view_set_pack (f.view, f.pack);
  g_assert_false (accord_table_view_is_indexing (f.view));
  gtk_editable_set_text (GTK_EDITABLE (entry), "consent");
  g_assert_true (accord_table_view_is_indexing (f.view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accord_table_get_model (table))), ==,
                    g_list_model_get_n_items (accord_pack_get_aspects (f.pack)));
  wait_indexed (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);

  /* A pack set while its predecessor is indexed: only the new index
   * counts. The predecessor shares no word with the query, so its index
   * applied here would keep other rows. */
  accord_table_view_set_pack (f.view, unrelated);
  g_assert_true (accord_table_view_is_indexing (f.view));
  accord_table_view_set_pack (f.view, f.pack);
  g_assert_true (accord_table_view_is_indexing (f.view));
  wait_indexed (f.view);
  accord_test_iterate (100);
  wait_for_layout (GTK_WIDGET (f.view));
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);

  fixture_clear (&f);
}

static void
on_navigate (AccordTableView *view,
             const char      *target,
             gpointer         user_data)
{
  char **out = user_data;

  g_free (*out);
  *out = g_strdup (target);
}

static void
collect_topics_for (GListModel *topics,
                    const char *aspect_id,
                    GString    *out,
                    GPtrArray  *ids)
{
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordTopic) topic = g_list_model_get_item (topics, i);
      GListModel *aspects = accord_topic_get_aspects (topic);

      for (guint j = 0; j < g_list_model_get_n_items (aspects); j++)
        {
          g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, j);

          if (g_strcmp0 (accord_aspect_get_id (aspect), aspect_id) == 0)
            {
              g_string_append_printf (out, "%s\n", accord_topic_get_title (topic));
              g_ptr_array_add (ids, g_strdup_printf ("topic:%s", accord_topic_get_id (topic)));
              break;
            }
        }

      collect_topics_for (accord_topic_get_children (topic), aspect_id, out, ids);
    }
}

/* (5) The aspect page: every subject's value, and links to the topics. */
static void
test_aspect_page (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) expected_topics = g_string_new (NULL);
  g_autoptr(GString) shown_topics = g_string_new (NULL);
  g_autoptr(GPtrArray) topic_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *navigated = NULL;
  g_autofree char *text = NULL;
  GtkWidget *page;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  g_signal_connect (f.view, "navigate", G_CALLBACK (on_navigate), &navigated);

  g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpstr (visible_page (f.view), ==, "aspect");

  page = get_page (f.view, "aspect");
  text = accord_test_visible_text (page);
  g_assert_nonnull (strstr (text, "All Aspects"));
  g_assert_nonnull (strstr (text, "Principles\nConsent\nWhether the parties to a conflict must agree to it.\n"));
  g_assert_nonnull (strstr (text, "Peacekeeping\nDeployed with the consent of the main parties"));
  g_assert_nonnull (strstr (text, "Principles of peacekeeping"));   /* its source */
  g_assert_nonnull (strstr (text, "Diplomacy\nNot covered\n"));
  g_assert_nonnull (strstr (text, "Discussed in\n"));

  /* The title is a title. */
  {
    g_autoptr(GPtrArray) titles = find_all (page, GTK_TYPE_LABEL, "title-1");

    g_assert_cmpuint (titles->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (titles, 0)), ==, "Consent");
  }

  /* One link per topic whose aspects include consent, in tree order. */
  collect_topics_for (accord_pack_get_topics (f.pack), "consent", expected_topics, topic_ids);
  g_assert_cmpuint (expected_topics->len, >, 0);

  links = find_all (page, GTK_TYPE_BUTTON, "link");
  g_assert_cmpuint (links->len, >=, 1);
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *label = accord_test_visible_text (g_ptr_array_index (links, i));

      g_string_append (shown_topics, label);
    }
  g_assert_cmpstr (shown_topics->str, ==, expected_topics->str);

  /* Each link is named by its title for a screen reader. */
  for (guint i = 0; i < links->len; i++)
    {
      GtkWidget *link = g_ptr_array_index (links, i);

      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                           gtk_button_get_child (GTK_BUTTON (link)), NULL);
    }

  /* Each link navigates to its own topic. */
  for (guint i = 0; i < links->len; i++)
    {
      g_signal_emit_by_name (g_ptr_array_index (links, i), "clicked");
      g_assert_cmpstr (navigated, ==, g_ptr_array_index (topic_ids, i));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (topic_ids, "topic:consent-of-the-parties",
                                                   g_str_equal, NULL));

  /* Another aspect replaces the page's content, it does not add to it. */
  g_assert_true (accord_table_view_show_aspect (f.view, "nature"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (text);
  text = accord_test_visible_text (page);
  g_assert_null (strstr (text, "Not covered"));
  g_assert_null (strstr (text, "Whether the parties"));
  g_assert_nonnull (strstr (text, "Nature\n"));

  /* The back button returns to the table. */
  {
    GtkWidget *back = accord_test_find_by_type (page, GTK_TYPE_BUTTON);

    g_assert_false (gtk_widget_has_css_class (back, "link"));
    g_signal_emit_by_name (back, "clicked");
    wait_for_layout (GTK_WIDGET (f.view));
    g_assert_cmpstr (visible_page (f.view), ==, "table");
    g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  }

  /* Activating a row (Enter, double click) opens its aspect. */
  {
    AccordTable *table = get_table (f.view);

    g_signal_emit_by_name (table, "activate", 4);  /* consent, in pack order */
    wait_for_layout (GTK_WIDGET (f.view));
    g_assert_cmpstr (visible_page (f.view), ==, "aspect");
    g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "aspect:consent");
  }

  fixture_clear (&f);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* (6) Unknown ids are refused; the location follows the page on show. */
static void
test_location (void)
{
  Fixture f = { 0 };
  g_autofree char *location = NULL;
  guint notified = 0;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  g_signal_connect (f.view, "notify::location", G_CALLBACK (count_notify), &notified);

  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  g_assert_false (accord_table_view_show_aspect (f.view, "nope"));
  g_assert_false (accord_table_view_show_subject (f.view, "nope"));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  g_assert_cmpstr (visible_page (f.view), ==, "table");
  g_assert_cmpuint (notified, ==, 0);

  g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
  g_object_get (f.view, "location", &location, NULL);
  g_assert_cmpstr (location, ==, "aspect:consent");
  g_assert_cmpuint (notified, ==, 1);

  /* The same place again is not a change. */
  g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
  g_assert_cmpuint (notified, ==, 1);

  accord_table_view_show_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  g_assert_cmpstr (visible_page (f.view), ==, "table");
  g_assert_cmpuint (notified, ==, 2);

  /* Alt+Left is "back" on the aspect page. */
  g_assert_true (accord_table_view_show_aspect (f.view, "scope"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.view), "table.show-table", NULL));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");

  fixture_clear (&f);
}

/* Whether the title of the column titled @title is wholly inside the
 * scrolled window's view. */
static gboolean
column_in_view (AccordTable *table,
                const char  *title)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (table));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (get_title (table, title), scroller, &bounds));
  return bounds.origin.x >= -0.5 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (scroller) + 0.5;
}

/* show_subject() goes back to the table and brings the column into view. */
static void
test_show_subject (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  GtkAdjustment *adjustment;

  /* Narrower than the table, so it scrolls sideways. */
  fixture_show (&f, accord_test_load_builtin (), 400, 600);
  table = get_table (f.view);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table))));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_false (column_in_view (table, "Diplomacy"));

  g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_true (accord_table_view_show_subject (f.view, "diplomacy"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  g_assert_cmpstr (visible_page (f.view), ==, "table");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (column_in_view (table, "Diplomacy"));
  g_assert_false (column_in_view (table, "Peacekeeping"));

  g_assert_true (accord_table_view_show_subject (f.view, "peacekeeping"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (table, "Peacekeeping"));

  fixture_clear (&f);
}

/* The row widgets the table has made, shown or not. */
static guint
count_rows (AccordTable *table)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (table), ACCORD_TYPE_TABLE_ROW, NULL);

  return rows->len;
}

/* Every row on screen is as tall as its tallest cell needs for the width
 * the cell was given: no blank band under wrapped text. */
static void
assert_rows_fit (AccordTable *table)
{
  g_autoptr(GPtrArray) rows = shown_rows (table);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      int needed = 0;
      int height = -1;

      /* What each cell's content needs (its margins included) for the
       * width it was given, against the height inside the cells. */
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *content = gtk_widget_get_first_child (cell);
          int for_width, content_height;

          g_assert_nonnull (content);
          for_width = gtk_widget_get_width (content) +
                      gtk_widget_get_margin_start (content) + gtk_widget_get_margin_end (content);
          gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, for_width, NULL, &content_height, NULL, NULL);
          needed = MAX (needed, content_height);
          height = gtk_widget_get_height (cell);
        }

      /* Nothing cut off, and no blank band under the tallest text. */
      g_assert_cmpint (needed, <=, height);
      g_assert_cmpint (needed, >=, height - 2);
    }
}

/* Two frames painted, without asking for a new layout (wait_for_layout()
 * does): what the view shows by itself. */
static void
wait_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);

  while (frames < 2)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* Resizes @fixture's window and waits until the view has the width. */
static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  gtk_window_set_default_size (fixture->window, width, height);
  while (ABS (gtk_widget_get_width (GTK_WIDGET (fixture->view)) - width) > 20)
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (fixture->view));
}

/* The subject columns share the width, and the rows are only as tall as
 * their text; on a phone's width the Group column makes room. */
static void
test_layout (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  g_autofree char *titles = NULL;
  GtkWidget *scroller;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  assert_rows_fit (table);

  /* Wide enough for everything: no sideways scrolling, nothing cut off. */
  scroller = gtk_widget_get_parent (GTK_WIDGET (table));
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 1000);
  }
  fixture_clear (&f);

  fixture_show (&f, accord_test_load_builtin (), 360, 700);
  table = get_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Peacekeeping,Diplomacy");
  assert_rows_fit (table);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.view)), <=, 360);

  /* Wide again: the Group column is back in its place, and the rows that
   * were built without it still fit their text. */
  resize_window (&f, 1280, 800);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");
  assert_rows_fit (table);
  fixture_clear (&f);
}

/* The text marked in the drawn cells of @table, each piece followed by a
 * "|", in widget order. */
static char *
marked_cells (AccordTable *table)
{
  g_autoptr(GPtrArray) cells = find_all (GTK_WIDGET (table), ACCORD_TYPE_CELL_TEXT, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      AccordCellText *cell = g_ptr_array_index (cells, i);

      if (gtk_widget_is_drawable (GTK_WIDGET (cell)))
        accord_test_append_marked (out, accord_cell_text_get_text (cell), accord_cell_text_get_attributes (cell));
    }

  return g_string_free (out, FALSE);
}

/* The filter marks what it found in the cells, as the search does in a
 * topic's page: the words that begin with the query's, case and accents
 * ignored, in the rows kept as the query grows, and none once cleared. */
static void
test_filter_marks (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  g_autofree char *none = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *longer = NULL;
  g_autofree char *cleared = NULL;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  none = marked_cells (table);
  g_assert_cmpstr (none, ==, "");

  type_filter (f.view, "CONSÉN");
  consent = marked_cells (table);
  g_assert_true (g_str_has_prefix (consent, "Consent|consent|Consent|"));
  g_assert_null (strstr (consent, "legitimacy"));

  /* A second word: the rows that stay are marked for both. */
  type_filter (f.view, "consent legitim");
  longer = marked_cells (table);
  g_assert_nonnull (strstr (longer, "Legitimacy|"));
  g_assert_nonnull (strstr (longer, "Consent|"));

  type_filter (f.view, "");
  cleared = marked_cells (table);
  g_assert_cmpstr (cleared, ==, "");

  fixture_clear (&f);
}

/* Whether the table scrolls sideways: wider than its view. */
static gboolean
scrolls_sideways (AccordTable *table)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table))));

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* Three subjects beside a window's sidebar (a view 970 px wide): the
 * Aspect and Group columns take their narrower widths, so that every
 * subject can be read without scrolling sideways. With room for the wide
 * widths, or no room even with the narrower ones, nothing changes. */
static void
test_layout_fit (void)
{
  const struct { guint n_subjects; int width; int aspect_width; gboolean scrolls; } cases[] = {
    { 3, 970, 150, FALSE },
    { 3, 1280, 220, FALSE },
    { 2, 800, 150, FALSE },
    { 4, 970, 150, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      AccordTable *table;

      fixture_show (&f, generate_pack (20, cases[i].n_subjects), cases[i].width, 800);
      table = get_table (f.view);
      wait_for_layout (GTK_WIDGET (f.view));

      {
        g_autoptr(AccordTableColumn) aspect = g_list_model_get_item (accord_table_get_columns (table), 0);

        g_assert_cmpstr (accord_table_column_get_title (aspect), ==, "Aspect");
        g_assert_cmpint (accord_table_column_get_width (aspect), ==, cases[i].aspect_width);
      }
      g_assert_cmpint (scrolls_sideways (table), ==, cases[i].scrolls);
      if (!cases[i].scrolls)
        for (guint s = 0; s < cases[i].n_subjects; s++)
          {
            g_autofree char *title = g_strdup_printf ("Subject %u", s);

            g_assert_true (column_in_view (table, title));
          }
      assert_rows_fit (table);
      fixture_clear (&f);
    }
}

/* Where the table starts, for a right-to-left reader: its right edge,
 * with the Aspect column, however the window is resized, until the user
 * scrolls sideways. (A horizontal adjustment counts from the left in both
 * directions: its value at the start is its largest here.) */
static void
test_rtl_start (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  GtkAdjustment *adjustment;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  fixture_show (&f, accord_test_load_builtin (), 600, 700);
  table = get_table (f.view);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table))));
  wait_frames (GTK_WIDGET (f.view));

  /* Wider than the view, and showing its start. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 100);
  g_assert_true (column_in_view (table, "Aspect"));
  g_assert_false (column_in_view (table, "Diplomacy"));

  /* Resized: still at the start. */
  resize_window (&f, 700, 700);
  g_assert_true (column_in_view (table, "Aspect"));
  g_assert_false (column_in_view (table, "Diplomacy"));

  /* The keys follow the direction: Left goes on towards the end. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "grid.scroll-sideways", "s", "left"));
  wait_frames (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (table, "Diplomacy"));
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "grid.scroll-sideways", "s", "right"));
  wait_frames (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (table, "Aspect"));

  /* Scrolled to the other end by the user: left there. */
  gtk_adjustment_set_value (adjustment, 0);
  wait_frames (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (table, "Diplomacy"));
  resize_window (&f, 650, 700);
  g_assert_true (column_in_view (table, "Diplomacy"));
  g_assert_false (column_in_view (table, "Aspect"));

  fixture_clear (&f);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Keyboard focus follows the user into the aspect page and back to the
 * row they came from. */
static void
test_focus (void)
{
  Fixture f = { 0 };
  GtkWidget *entry;
  GtkWidget *focus;
  AccordTable *table;
  g_autoptr(GPtrArray) labels = NULL;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);
  entry = accord_test_find_by_type (GTK_WIDGET (f.view), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  wait_for_layout (GTK_WIDGET (f.view));

  g_assert_true (accord_table_view_show_aspect (f.view, "legitimacy"));
  wait_for_layout (GTK_WIDGET (f.view));
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, get_page (f.view, "aspect")));
  g_assert_false (gtk_widget_has_css_class (focus, "link"));  /* the back button */

  /* No label had its text selected on the way. */
  labels = find_all (get_page (f.view, "aspect"), GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    g_assert_false (gtk_label_get_selection_bounds (g_ptr_array_index (labels, i), NULL, NULL));

  /* From a link of the page to another aspect (as through the history):
   * the link goes with the page's old content, the focus to the back
   * button again. */
  {
    g_autoptr(GPtrArray) links = find_all (get_page (f.view, "aspect"), GTK_TYPE_BUTTON, "link");

    g_assert_cmpuint (links->len, >, 0);
    g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (links, 0)));
    g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
    wait_for_layout (GTK_WIDGET (f.view));
    focus = gtk_root_get_focus (GTK_ROOT (f.window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, get_page (f.view, "aspect")));
    g_assert_false (gtk_widget_has_css_class (focus, "link"));
  }

  accord_table_view_show_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (accord_table_get_model (table))),
                    ==, 4);  /* consent, in pack order */

  fixture_clear (&f);
}

/* The table's drag gesture (on its titles: resizing and moving). */
static GtkGesture *
get_drag (AccordTable *table)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (table));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* A drag from @x, @y (in the table) by @dx, as the mouse makes it. */
static void
drag (AccordTable *table,
      double       x,
      double       y,
      double       dx)
{
  GtkGesture *gesture = get_drag (table);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  for (int step = 1; step <= 4; step++)
    g_signal_emit_by_name (gesture, "drag-update", dx * step / 4, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", dx, 0.0);
  wait_for_layout (GTK_WIDGET (table));
}

/* Where the title of @title's column is, in the table. */
static graphene_rect_t
title_bounds (AccordTable *table,
              const char  *title)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (get_title (table, title), GTK_WIDGET (table), &bounds));
  return bounds;
}

/* (2c) Dragging a title moves its column, past others, without sorting;
 * dragging a title's end edge resizes its column, for good. */
static void
test_drag_titles (void)
{
  Fixture f = { 0 };
  AccordTable *table;
  g_autofree char *titles = NULL;
  g_autofree char *ids = NULL;
  graphene_rect_t peacekeeping, diplomacy, aspect;
  AccordTableColumn *column;
  int width;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);

  peacekeeping = title_bounds (table, "Peacekeeping");
  diplomacy = title_bounds (table, "Diplomacy");
  drag (table, peacekeeping.origin.x + 20, peacekeeping.origin.y + 5,
        diplomacy.origin.x + 20 - (peacekeeping.origin.x + 20));
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Diplomacy,Peacekeeping");
  /* The cells moved with their titles. */
  {
    g_autoptr(GPtrArray) rows = shown_rows (table);
    g_autofree char *text = accord_test_visible_text (g_ptr_array_index (rows, 0));

    g_assert_cmpstr (text, ==, "Nature\nWhat kind of tool it is.\nOverview\n"
                               "A tool to protect a country and its citizens, and one of the best ways to do so.\n"
                               "A tool for maintaining international peace and security.\n");
  }
  /* Not a sort. */
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                            "use-of-force,legitimacy,timing,activities,scope");
  g_assert_null (accord_table_get_sort_column (table));

  /* A press and release without moving is a click: nothing moves. */
  g_free (titles);
  aspect = title_bounds (table, "Aspect");
  drag (table, aspect.origin.x + 20, aspect.origin.y + 5, 2);
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Diplomacy,Peacekeeping");

  /* The Aspect column's end edge, dragged 250 px: 250 px wider, and it
   * stays so when the window is resized. */
  column = get_column (table, "Aspect");
  width = accord_table_column_get_width (column);
  drag (table, aspect.origin.x + aspect.size.width, aspect.origin.y + 5, 250);
  g_assert_cmpint (accord_table_column_get_width (column), ==, width + 250);
  g_assert_cmpfloat_with_epsilon (title_bounds (table, "Aspect").size.width, aspect.size.width + 250, 0.5);
  /* The subject columns gave up those 250 px: the rows are as tall as
   * their text at the new widths. */
  assert_rows_fit (table);
  resize_window (&f, 1100, 800);
  g_assert_cmpint (accord_table_column_get_width (column), ==, width + 250);
  assert_rows_fit (table);

  fixture_clear (&f);
}

/* A pack of @n_aspects aspects and @n_subjects subjects, with a few
 * characteristics and topics. */
static AccordPack *
generate_pack (guint n_aspects,
               guint n_subjects)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AccordPack *pack;

  g_string_append (json, "{\"format\":\"accord-pack\",\"version\":1,\"id\":\"generated\","
                         "\"title\":\"Generated\",\"subjects\":[");
  for (guint i = 0; i < n_subjects; i++)
    g_string_append_printf (json, "%s{\"id\":\"s%u\",\"name\":\"Subject %u\"}", i > 0 ? "," : "", i, i);

  g_string_append (json, "],\"aspects\":[");
  for (guint i = 0; i < n_aspects; i++)
    g_string_append_printf (json, "%s{\"id\":\"a%u\",\"name\":\"Aspect %u\",\"group\":\"Group %u\","
                                  "\"description\":\"What aspect %u is about.\"}",
                            i > 0 ? "," : "", i, i, i / 50, i);

  g_string_append (json, "],\"characteristics\":[");
  for (guint i = 0; i < n_aspects; i += 7)
    g_string_append_printf (json, "%s{\"subject\":\"s%u\",\"aspect\":\"a%u\","
                                  "\"text\":\"Subject %u on aspect %u: a characteristic long enough "
                                  "to wrap onto a second line in a column of ordinary width.\"}",
                            i > 0 ? "," : "", i % n_subjects, i, i % n_subjects, i);

  g_string_append (json, "],\"topics\":[");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (json, "%s{\"id\":\"t%u\",\"title\":\"Topic %u\",\"aspects\":[\"a%u\"],\"body\":[]}",
                            i > 0 ? "," : "", i, i, i);
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  pack = accord_pack_load_bytes (bytes, "generated.json", NULL, NULL, &error);
  g_assert_no_error (error);

  return pack;
}

/* The rows shown are those on screen, one after the other from the top of
 * the view to its bottom, and the table has made few more: four spare
 * ones, a sample for measuring, and the row with the focus. */
static void
assert_only_rows_on_screen (AccordTable *table)
{
  g_autoptr(GPtrArray) shown = shown_rows (table);
  GtkWidget *list = NULL;
  double bottom = 0;

  g_assert_cmpuint (shown->len, >, 0);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (shown, i);
      graphene_rect_t bounds;

      list = gtk_widget_get_parent (row);
      g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));
      if (i == 0)
        g_assert_cmpfloat (bounds.origin.y, <=, 0);
      else
        {
          g_assert_cmpfloat_with_epsilon (bounds.origin.y, bottom, 0.5);
          g_assert_cmpuint (accord_table_row_get_position (ACCORD_TABLE_ROW (row)), ==,
                            accord_table_row_get_position (g_ptr_array_index (shown, i - 1)) + 1);
        }
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, 0);
      g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (list));
      bottom = bounds.origin.y + bounds.size.height;
    }
  /* The view is full, unless the table ends. */
  {
    GListModel *model = G_LIST_MODEL (accord_table_get_model (table));
    guint last = accord_table_row_get_position (g_ptr_array_index (shown, shown->len - 1));

    if (last + 1 < g_list_model_get_n_items (model))
      g_assert_cmpfloat (bottom, >=, gtk_widget_get_height (list));
  }

  g_assert_cmpuint (count_rows (table), <=, shown->len + 4 + 1 + 1);
}

/* (7) A large pack: only the rows on screen get widgets; changing the pack
 * rebuilds the subject columns. */
static void
test_large_pack (void)
{
  Fixture f = { 0 };
  g_autoptr(AccordPack) large = generate_pack (2000, 8);
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *titles = NULL;
  AccordTable *table;
  guint rows;
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  table = get_table (f.view);

  accord_table_view_set_pack (f.view, large);
  g_assert_true (accord_table_view_get_pack (f.view) == large);
  wait_for_layout (GTK_WIDGET (f.view));

  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Subject 0,Subject 1,Subject 2,Subject 3,"
                               "Subject 4,Subject 5,Subject 6,Subject 7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accord_table_get_model (table))), ==, 2000);

  /* Only the rows on screen get widgets: 2000 rows of 11 cell texts would
   * be 22000. (GTK 4.8's GtkColumnView kept 205 rows here.) */
  labels = find_all (GTK_WIDGET (table), ACCORD_TYPE_CELL_TEXT, NULL);
  rows = count_rows (table);
  g_test_message ("%u rows, %u cell texts made for 2000 rows", rows, labels->len);
  assert_only_rows_on_screen (table);

  /* Scrolled to the end: the last row is on screen, at the bottom, and
   * the widgets were reused rather than added. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table)));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) shown = NULL;
    GtkWidget *last;
    graphene_rect_t bounds;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    wait_for_layout (GTK_WIDGET (f.view));
    assert_only_rows_on_screen (table);
    shown = shown_rows (table);
    text = accord_test_visible_text (g_ptr_array_index (shown, shown->len - 1));
    g_assert_cmpstr (text, ==, "Aspect 1999\nWhat aspect 1999 is about.\nGroup 39\n"
                               "Not covered\nNot covered\nNot covered\nNot covered\n"
                               "Not covered\nNot covered\nNot covered\nNot covered\n");
    last = g_ptr_array_index (shown, shown->len - 1);
    g_assert_cmpuint (accord_table_row_get_position (ACCORD_TABLE_ROW (last)), ==, 1999);
    g_assert_true (gtk_widget_compute_bounds (last, gtk_widget_get_parent (last), &bounds));
    g_assert_cmpfloat_with_epsilon (bounds.origin.y + bounds.size.height,
                                    gtk_widget_get_height (gtk_widget_get_parent (last)), 0.5);
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment),
                                    gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
                                    0.5);
  }

  /* The filter works on it too: word prefixes, so "1234" is one aspect. */
  type_filter (f.view, "aspect 1234");
  ids = row_ids (table);
  g_assert_cmpstr (ids, ==, "a1234");
  g_free (ids);

  /* Sorting 2000 rows by name. */
  type_filter (f.view, "");
  accord_table_sort_by_column (table, get_column (table, "Aspect"), GTK_SORT_DESCENDING);
  wait_for_layout (GTK_WIDGET (table));
  {
    GListModel *model = G_LIST_MODEL (accord_table_get_model (table));
    g_autoptr(AccordAspect) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (accord_aspect_get_name (first), ==, "Aspect 999");
  }

  /* No pack, then a small one again: the columns follow. */
  accord_table_view_set_pack (f.view, NULL);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accord_table_get_model (table))), ==, 0);

  accord_table_view_set_pack (f.view, f.pack);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (table);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accord_table_get_model (table))), ==, 11);
  assert_rows_fit (table);

  fixture_clear (&f);
}

static void wait_measured_ahead (AccordTableView *view);

/* A table of 2,000 aspects × @n_subjects in a 1280 × 800 window, laid out
 * (with 6 subjects or more, wider than the window). */
static AccordTable *
show_large (Fixture *fixture,
            guint    n_subjects)
{
  fixture_show (fixture, generate_pack (2000, n_subjects), 1280, 800);
  wait_for_layout (GTK_WIDGET (fixture->view));
  return get_table (fixture->view);
}

static GtkAdjustment *
get_vadjustment (AccordTable *table)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table))));
}

/* Where each row on screen is: position → its top edge in the view. */
static GHashTable *
row_tops (AccordTable *table)
{
  g_autoptr(GPtrArray) shown = shown_rows (table);
  GHashTable *tops = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (shown, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (row, gtk_widget_get_parent (row), &bounds));
      g_hash_table_insert (tops, GUINT_TO_POINTER (accord_table_row_get_position (ACCORD_TABLE_ROW (row))),
                           GINT_TO_POINTER ((int) bounds.origin.y));
    }

  return tops;
}

/* Moves @adjustment by @step and checks that every row on screen before
 * and after moved by exactly that. */
static void
assert_scroll_step (AccordTableView *view,
                    GtkAdjustment   *adjustment,
                    int              step)
{
  AccordTable *table = get_table (view);
  g_autoptr(GHashTable) before = row_tops (table);
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer position, top;
  guint common = 0;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  wait_for_layout (GTK_WIDGET (view));
  after = row_tops (table);
  assert_only_rows_on_screen (table);

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &position, &top))
    {
      gpointer now;

      if (!g_hash_table_lookup_extended (after, position, NULL, &now))
        continue;
      g_assert_cmpint (GPOINTER_TO_INT (now), ==, GPOINTER_TO_INT (top) - step);
      common++;
    }
  g_assert_cmpuint (common, >, 0);
}

/* (7c) Scrolling: small moves move the rows by as much, through rows of
 * any height and in both directions; a jump lands on a full view; the
 * scrollbar's range becomes exact once every row has been measured. */
static void
test_scroll (void)
{
  Fixture f = { 0 };
  AccordTable *table = show_large (&f, 4);
  GtkAdjustment *adjustment = get_vadjustment (table);
  guint first;

  /* Down and up again, a wheel's step at a time, then a page at a time. */
  for (guint i = 0; i < 40; i++)
    assert_scroll_step (f.view, adjustment, 57);
  {
    g_autoptr(GPtrArray) shown = shown_rows (table);

    first = accord_table_row_get_position (g_ptr_array_index (shown, 0));
    g_assert_cmpuint (first, >, 10);
  }
  for (guint i = 0; i < 40; i++)
    assert_scroll_step (f.view, adjustment, -57);
  for (guint i = 0; i < 5; i++)
    assert_scroll_step (f.view, adjustment, 500);
  for (guint i = 0; i < 5; i++)
    assert_scroll_step (f.view, adjustment, -500);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* A jump to the middle: a full view of rows from the middle. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_for_layout (GTK_WIDGET (f.view));
  assert_only_rows_on_screen (table);
  {
    g_autoptr(GPtrArray) shown = shown_rows (table);

    first = accord_table_row_get_position (g_ptr_array_index (shown, 0));
    g_test_message ("the middle of the range shows row %u", first);
    g_assert_cmpuint (first, >, 500);
    g_assert_cmpuint (first, <, 1500);
  }

  /* Once every row is measured, the range is the rows' heights: the
   * value at the top of row N is the sum of the heights before it. */
  wait_measured_ahead (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  gtk_adjustment_set_value (adjustment, 0);
  wait_for_layout (GTK_WIDGET (f.view));
  {
    double sum = 0;

    for (guint i = 0; i < 30; i++)
      {
        g_autoptr(GPtrArray) shown = shown_rows (table);
        GtkWidget *row = g_ptr_array_index (shown, 0);
        graphene_rect_t bounds;

        g_assert_cmpuint (accord_table_row_get_position (ACCORD_TABLE_ROW (row)), ==, i);
        g_assert_true (gtk_widget_compute_bounds (row, gtk_widget_get_parent (row), &bounds));
        g_assert_cmpfloat_with_epsilon (bounds.origin.y, 0, 0.5);
        g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), sum, 0.5);
        sum += bounds.size.height;
        gtk_adjustment_set_value (adjustment, sum);
        wait_for_layout (GTK_WIDGET (f.view));
      }
  }
  fixture_clear (&f);

  /* A table too large to measure ahead: a move of more than a view, past
   * rows never measured, and the same move back, return to where they
   * started (rows are walked by their heights, not guessed at). */
  fixture_show (&f, generate_pack (2000, 16), 1280, 800);
  table = get_table (f.view);
  adjustment = get_vadjustment (table);
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_false (accord_table_view_is_measuring_ahead (f.view));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GHashTable) before = NULL;
      g_autoptr(GHashTable) after = NULL;
      g_autoptr(GPtrArray) shown = NULL;
      GHashTableIter iter;
      gpointer position, top, now;

      assert_scroll_step (f.view, adjustment, 300);
      before = row_tops (table);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 1000);
      wait_for_layout (GTK_WIDGET (f.view));
      assert_only_rows_on_screen (table);
      shown = shown_rows (table);
      g_assert_false (g_hash_table_contains (before, GUINT_TO_POINTER (accord_table_row_get_position (g_ptr_array_index (shown, 0)))));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - 1000);
      wait_for_layout (GTK_WIDGET (f.view));
      after = row_tops (table);
      g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
      g_hash_table_iter_init (&iter, before);
      while (g_hash_table_iter_next (&iter, &position, &top))
        {
          g_assert_true (g_hash_table_lookup_extended (after, position, NULL, &now));
          g_assert_cmpint (GPOINTER_TO_INT (now), ==, GPOINTER_TO_INT (top));
        }
    }
  fixture_clear (&f);
}

/* The row that has the keyboard focus, or NULL. */
static GtkWidget *
focus_row (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, ACCORD_TYPE_TABLE_ROW) : NULL;
}

static guint
focus_position (Fixture *fixture)
{
  GtkWidget *row = focus_row (fixture);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_child_visible (row));
  return accord_table_row_get_position (ACCORD_TABLE_ROW (row));
}

static void
move (Fixture    *fixture,
      const char *where)
{
  GtkWidget *row = focus_row (fixture);

  g_assert_nonnull (row);
  /* What the arrow keys, Page Up/Down, Home and End do. */
  g_assert_true (gtk_widget_activate_action (row, "grid.move-cursor", "s", where));
  wait_for_layout (GTK_WIDGET (fixture->view));
}

/* (7d) The keyboard: the table takes the focus on a row, and the keys move
 * it from row to row, selecting and scrolling as they go; Enter opens the
 * row's aspect; Tab leaves the table in one step. */
static void
test_keyboard (void)
{
  Fixture f = { 0 };
  AccordTable *table = show_large (&f, 6);
  GtkSelectionModel *model = accord_table_get_model (table);
  guint page;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (table)));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpuint (focus_position (&f), ==, 0);

  move (&f, "down");
  move (&f, "down");
  g_assert_cmpuint (focus_position (&f), ==, 2);
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  g_assert_true (gtk_widget_get_state_flags (focus_row (&f)) & GTK_STATE_FLAG_SELECTED);
  move (&f, "up");
  g_assert_cmpuint (focus_position (&f), ==, 1);
  g_assert_false (gtk_selection_model_is_selected (model, 2));

  /* A page down moves by the rows in view, and keeps the row in view. */
  move (&f, "page-down");
  page = focus_position (&f);
  g_assert_cmpuint (page, >, 2);
  g_assert_cmpuint (page, <, 20);
  assert_only_rows_on_screen (table);
  move (&f, "page-up");
  g_assert_cmpuint (focus_position (&f), ==, 1);

  /* Down past the bottom of the view: the view follows. */
  for (guint i = 0; i < 25; i++)
    move (&f, "down");
  g_assert_cmpuint (focus_position (&f), ==, 26);
  assert_only_rows_on_screen (table);

  move (&f, "last");
  g_assert_cmpuint (focus_position (&f), ==, 1999);
  assert_only_rows_on_screen (table);
  move (&f, "first");
  g_assert_cmpuint (focus_position (&f), ==, 0);

  /* Scrolled away with the wheel, the focus stays on its row; the next
   * key brings it back into view. */
  {
    GtkAdjustment *adjustment = get_vadjustment (table);

    for (guint i = 0; i < 20; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 200);
        wait_for_layout (GTK_WIDGET (f.view));
      }
    g_assert_nonnull (focus_row (&f));
    g_assert_cmpuint (accord_table_row_get_position (ACCORD_TABLE_ROW (focus_row (&f))), ==, 0);
    /* The view stays where the wheel took it. */
    {
      g_autoptr(GPtrArray) shown = shown_rows (table);

      g_assert_cmpuint (accord_table_row_get_position (g_ptr_array_index (shown, 0)), >, 5);
    }
    move (&f, "down");
    g_assert_cmpuint (focus_position (&f), ==, 1);
    assert_only_rows_on_screen (table);
  }

  /* Left and Right scroll the table (wider than the window) a column at
   * a time, and no further than its ends. */
  {
    GtkAdjustment *sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (table))));
    double end = gtk_adjustment_get_upper (sideways) - gtk_adjustment_get_page_size (sideways);

    g_assert_cmpfloat (end, >, 100);
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), ==, 0);
    g_assert_true (gtk_widget_activate_action (focus_row (&f), "grid.scroll-sideways", "s", "right"));
    wait_for_layout (GTK_WIDGET (f.view));
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), >, 0);
    g_assert_true (column_in_view (table, "Subject 3"));
    for (guint i = 0; i < 10; i++)
      g_assert_true (gtk_widget_activate_action (focus_row (&f), "grid.scroll-sideways", "s", "right"));
    wait_for_layout (GTK_WIDGET (f.view));
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), ==, end);
    for (guint i = 0; i < 10; i++)
      g_assert_true (gtk_widget_activate_action (focus_row (&f), "grid.scroll-sideways", "s", "left"));
    wait_for_layout (GTK_WIDGET (f.view));
    g_assert_cmpfloat (gtk_adjustment_get_value (sideways), ==, 0);
    g_assert_true (column_in_view (table, "Aspect"));
  }

  /* Tab leaves the table from any row: it is one stop. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (table), GTK_DIR_TAB_FORWARD));

  /* Enter opens the row's aspect. */
  g_assert_true (gtk_widget_activate_action (focus_row (&f), "grid.activate-cursor", NULL));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "aspect:a1");

  fixture_clear (&f);
}

static void
wait_measured_ahead (AccordTableView *view)
{
  while (accord_table_view_is_measuring_ahead (view))
    g_main_context_iteration (NULL, TRUE);
}

/* Waits until @view has measured ahead, sorts its table by @title and
 * checks that the cells laid out under a third of the texts of the rows
 * GTK binds, 7 each (name, description, group and 4 subjects). Without
 * measuring ahead, about half of them are laid out (the rest repeat);
 * with it, a fifth (GTK also measures new rows at widths they never get). */
static void
assert_sort_measured_ahead (AccordTableView *view,
                            const char      *title,
                            GtkSortType      order,
                            const char      *when)
{
  AccordTable *table = get_table (view);
  guint before, laid_out, texts;

  g_assert_true (accord_table_view_is_measuring_ahead (view));
  wait_measured_ahead (view);

  before = accord_cell_text_get_n_laid_out ();
  accord_table_sort_by_column (table, get_column (table, title), order);
  wait_for_layout (GTK_WIDGET (table));
  laid_out = accord_cell_text_get_n_laid_out () - before;
  texts = count_rows (table) * 7;
  g_test_message ("%s, sorted: %u of %u texts laid out", when, laid_out, texts);
  g_assert_cmpuint (laid_out * 3, <, texts);
}

/* (7b) While idle, the table measures its rows' texts ahead, so a sort
 * finds most of them measured; again after the columns change width and
 * after the font does. */
static void
test_measure_ahead (void)
{
  Fixture f = { 0 };

  show_large (&f, 4);
  assert_sort_measured_ahead (f.view, "Aspect", GTK_SORT_DESCENDING, "shown");

  /* Narrow (the subject columns are narrower than at 1280, where they
   * share what the window has to spare): other widths, measured again. */
  resize_window (&f, 700, 800);
  wait_for_layout (GTK_WIDGET (f.view));
  assert_sort_measured_ahead (f.view, "Group", GTK_SORT_ASCENDING, "narrower");

  /* Larger text (as the window's zoom makes it): other heights, measured
   * again. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_data (provider, "accordtableview { font-size: 150%; }", -1);
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_USER);
    wait_for_layout (GTK_WIDGET (f.view));
    assert_sort_measured_ahead (f.view, "Aspect", GTK_SORT_ASCENDING, "zoomed");
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  }

  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  /* No page transitions: a test reads a page as soon as it is shown. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/table-view/columns", test_columns);
  g_test_add_func ("/table-view/cells", test_cells);
  g_test_add_func ("/table-view/cell-text", test_cell_text);
  g_test_add_func ("/table-view/measure-ahead", test_measure_ahead);
  g_test_add_func ("/table-view/sort", test_sort);
  g_test_add_func ("/table-view/sort-menu", test_sort_menu);
  g_test_add_func ("/table-view/drag-titles", test_drag_titles);
  g_test_add_func ("/table-view/filter", test_filter);
  g_test_add_func ("/table-view/filter-marks", test_filter_marks);
  g_test_add_func ("/table-view/filter-index", test_filter_index);
  g_test_add_func ("/table-view/aspect-page", test_aspect_page);
  g_test_add_func ("/table-view/location", test_location);
  g_test_add_func ("/table-view/show-subject", test_show_subject);
  g_test_add_func ("/table-view/layout", test_layout);
  g_test_add_func ("/table-view/layout-fit", test_layout_fit);
  g_test_add_func ("/table-view/rtl-start", test_rtl_start);
  g_test_add_func ("/table-view/focus", test_focus);
  g_test_add_func ("/table-view/large-pack", test_large_pack);
  g_test_add_func ("/table-view/scroll", test_scroll);
  g_test_add_func ("/table-view/keyboard", test_keyboard);

  return g_test_run ();
}
