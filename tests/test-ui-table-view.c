/* test-ui-table-view.c: the characteristics table and the aspect page
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives a real AccordTableView in a window: reads the column titles, the
 * cells, the order and content of its model after sorting and filtering, the
 * aspect page and its links, and checks that a large pack only gets widgets
 * for the rows on screen.
 */

#include "config.h"

#include "accord-test-util.h"
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

static GtkColumnView *
get_column_view (AccordTableView *view)
{
  GtkWidget *column_view = accord_test_find_by_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (column_view);
  return GTK_COLUMN_VIEW (column_view);
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

/* The column titles, comma-separated, in display order. */
static char *
column_titles (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", gtk_column_view_column_get_title (column));
    }

  return g_string_free (out, FALSE);
}

static GtkColumnViewColumn *
get_column (GtkColumnView *column_view,
            const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

/* The rows of the table, as the column view's model has them: aspect ids,
 * comma-separated, in order. */
static char *
row_ids (GtkColumnView *column_view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", accord_aspect_get_id (aspect));
    }

  return g_string_free (out, FALSE);
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
  GtkColumnView *column_view;
  GtkAccessible *accessible;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);

  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");

  accessible = GTK_ACCESSIBLE (column_view);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "Characteristics");

  /* Pack order, grouped: the rows start out as the pack lists them. */
  {
    g_autofree char *ids = row_ids (column_view);

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
  GtkColumnView *column_view;
  guint n_not_covered = 0;
  guint n_described = 0;
  const char *uncovered[] = { "Consent", "Impartiality", "Use of force", "Legitimacy" };

  /* Tall enough for every row of the built-in pack. */
  fixture_show (&f, accord_test_load_builtin (), 1280, 2400);
  column_view = get_column_view (f.view);

  text = accord_test_visible_text (GTK_WIDGET (column_view));
  g_assert_nonnull (strstr (text, "Not covered"));
  g_assert_nonnull (strstr (text, "A tool for maintaining international peace and security."));
  g_assert_nonnull (strstr (text, "Principles"));
  g_assert_nonnull (strstr (text, "Whether the parties to a conflict must agree to it."));

  /* What labels are left (the headers) show plain text; the cells are
   * AccordCellTexts, which are never markup. */
  labels = find_all (GTK_WIDGET (column_view), GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      g_assert_false (gtk_label_get_selectable (g_ptr_array_index (labels, i)));
      g_assert_false (gtk_label_get_use_markup (g_ptr_array_index (labels, i)));
    }

  cells = find_all (GTK_WIDGET (column_view), ACCORD_TYPE_CELL_TEXT, NULL);
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

  fixture_clear (&f);
}

/* (3) The column headers sort the model; the Group column keeps groups
 * together in pack order. */
static void
test_sort (void)
{
  Fixture f = { 0 };
  GtkColumnView *column_view;
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);

  gtk_column_view_sort_by_column (column_view, get_column (column_view, "Aspect"), GTK_SORT_ASCENDING);
  wait_for_layout (GTK_WIDGET (column_view));
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "activities,consent,impartiality,legitimacy,means,nature,"
                            "participants,purpose,scope,timing,use-of-force");
  g_free (ids);

  /* What is on screen follows: the first row is now "Activities". */
  {
    g_autofree char *text = accord_test_visible_text (GTK_WIDGET (column_view));
    const char *activities = strstr (text, "Activities");
    const char *nature = strstr (text, "Nature");

    g_assert_nonnull (activities);
    g_assert_nonnull (nature);
    g_assert_true (activities < nature);
  }

  gtk_column_view_sort_by_column (column_view, get_column (column_view, "Aspect"), GTK_SORT_DESCENDING);
  wait_for_layout (GTK_WIDGET (column_view));
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "use-of-force,timing,scope,purpose,participants,nature,"
                            "means,legitimacy,impartiality,consent,activities");
  g_free (ids);

  gtk_column_view_sort_by_column (column_view, get_column (column_view, "Group"), GTK_SORT_ASCENDING);
  wait_for_layout (GTK_WIDGET (column_view));
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "timing,activities,scope,"                      /* In practice */
                            "nature,purpose,participants,means,"           /* Overview */
                            "consent,impartiality,use-of-force,legitimacy"); /* Principles */
  g_free (ids);

  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  wait_for_layout (GTK_WIDGET (column_view));
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                            "use-of-force,legitimacy,timing,activities,scope");
  g_free (ids);

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
  GtkColumnView *column_view;
  g_autofree char *expected = NULL;
  char *ids;
  char *text;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);

  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_nonnull (strstr (text, "11 aspects"));
  g_free (text);

  expected = expected_matches (f.pack, "consent");
  g_assert_nonnull (strstr (expected, "consent"));
  g_assert_null (strstr (expected, "scope"));
  g_assert_cmpuint (strlen (expected), <, strlen ("nature,purpose,participants,means,consent,impartiality,"
                                                   "use-of-force,legitimacy,timing,activities,scope"));

  type_filter (f.view, "consent");
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (column_view));
  g_assert_null (strstr (text, "Scope"));
  g_free (text);

  /* Case and accents do not matter. */
  type_filter (f.view, "CONSÉNT");
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, expected);
  g_free (ids);

  /* The group is searched: every Principles aspect, and only those besides
   * any that mention the word. */
  type_filter (f.view, "principles");
  ids = row_ids (column_view);
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
    ids = row_ids (column_view);
    g_assert_cmpstr (ids, ==, both->str);
    g_free (ids);
  }

  type_filter (f.view, "zzzz");
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "");
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_nonnull (strstr (text, "No aspects match “zzzz”"));
  g_free (text);

  type_filter (f.view, "");
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "nature,purpose,participants,means,consent,impartiality,"
                            "use-of-force,legitimacy,timing,activities,scope");
  g_free (ids);
  text = accord_test_visible_text (GTK_WIDGET (f.view));
  g_assert_null (strstr (text, "No aspects match"));
  g_free (text);

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
    GtkColumnView *column_view = get_column_view (f.view);

    g_signal_emit_by_name (column_view, "activate", 4);  /* consent, in pack order */
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

/* Whether the header of the column titled @title is wholly inside the
 * scrolled window's view. */
static gboolean
column_in_view (GtkColumnView *column_view,
                const char    *title)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (column_view));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (column_view));

  g_assert_cmpstr (gtk_widget_get_css_name (header), ==, "header");
  for (GtkWidget *button = gtk_widget_get_first_child (header); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      g_autofree char *text = accord_test_visible_text (button);
      g_autofree char *expected = g_strdup_printf ("%s\n", title);
      graphene_rect_t bounds;

      if (g_strcmp0 (text, expected) != 0)
        continue;

      g_assert_true (gtk_widget_compute_bounds (button, scroller, &bounds));
      return bounds.origin.x >= -0.5 &&
             bounds.origin.x + bounds.size.width <= gtk_widget_get_width (scroller) + 0.5;
    }

  g_assert_not_reached ();
}

/* show_subject() goes back to the table and brings the column into view. */
static void
test_show_subject (void)
{
  Fixture f = { 0 };
  GtkColumnView *column_view;
  GtkAdjustment *adjustment;

  /* Narrower than the table, so it scrolls sideways. */
  fixture_show (&f, accord_test_load_builtin (), 400, 600);
  column_view = get_column_view (f.view);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (column_view))));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_false (column_in_view (column_view, "Diplomacy"));

  g_assert_true (accord_table_view_show_aspect (f.view, "consent"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_true (accord_table_view_show_subject (f.view, "diplomacy"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_cmpstr (accord_table_view_get_location (f.view), ==, "table");
  g_assert_cmpstr (visible_page (f.view), ==, "table");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (column_in_view (column_view, "Diplomacy"));
  g_assert_false (column_in_view (column_view, "Peacekeeping"));

  g_assert_true (accord_table_view_show_subject (f.view, "peacekeeping"));
  wait_for_layout (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (column_view, "Peacekeeping"));

  fixture_clear (&f);
}

/* The row widgets the column view has made. */
static guint
count_rows (GtkColumnView *column_view)
{
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_VIEW (child))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0)
          rows++;
    }

  return rows;
}

/* Every row on screen is as tall as its tallest cell needs for the width
 * the cell was given: no blank band under wrapped text. */
static void
assert_rows_fit (GtkColumnView *column_view)
{
  guint checked = 0;

  for (GtkWidget *list = gtk_widget_get_first_child (GTK_WIDGET (column_view)); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    {
      if (!GTK_IS_LIST_VIEW (list))
        continue;

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          int needed = 0;
          int height = -1;

          if (g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0 || !gtk_widget_get_child_visible (row))
            continue;

          /* What each cell's content needs for the width it was given (not
           * what the cell says it needs: GTK 4.8 caps that at the column's
           * fixed width), against the height the cells got. */
          for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
               cell = gtk_widget_get_next_sibling (cell))
            {
              GtkWidget *content = gtk_widget_get_first_child (cell);
              int content_height;

              g_assert_nonnull (content);
              gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (cell),
                                  NULL, &content_height, NULL, NULL);
              needed = MAX (needed, content_height);
              height = gtk_widget_get_height (cell);
            }

          /* Nothing cut off, and no blank band under the tallest text. */
          g_assert_cmpint (needed, <=, height);
          g_assert_cmpint (needed, >=, height - 2);
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 0);
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
  GtkColumnView *column_view;
  g_autofree char *titles = NULL;
  GtkWidget *scroller;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  assert_rows_fit (column_view);

  /* Wide enough for everything: no sideways scrolling, nothing cut off. */
  scroller = gtk_widget_get_parent (GTK_WIDGET (column_view));
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 1000);
  }
  fixture_clear (&f);

  fixture_show (&f, accord_test_load_builtin (), 360, 700);
  column_view = get_column_view (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Peacekeeping,Diplomacy");
  assert_rows_fit (column_view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.view)), <=, 360);

  /* Wide again: the Group column is back in its place, and the rows that
   * were built without it still fit their text. */
  resize_window (&f, 1280, 800);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");
  assert_rows_fit (column_view);
  fixture_clear (&f);
}

/* Where the table starts, for a right-to-left reader: its right edge,
 * with the Aspect column, however the window is resized, until the user
 * scrolls sideways. (GTK 4.8's column view counts its adjustment from the
 * left in both directions.) */
static void
test_rtl_start (void)
{
  Fixture f = { 0 };
  GtkColumnView *column_view;
  GtkAdjustment *adjustment;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  fixture_show (&f, accord_test_load_builtin (), 600, 700);
  column_view = get_column_view (f.view);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (column_view))));
  wait_frames (GTK_WIDGET (f.view));

  /* Wider than the view, and showing its start. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 100);
  g_assert_true (column_in_view (column_view, "Aspect"));
  g_assert_false (column_in_view (column_view, "Diplomacy"));

  /* Resized: still at the start. */
  resize_window (&f, 700, 700);
  g_assert_true (column_in_view (column_view, "Aspect"));
  g_assert_false (column_in_view (column_view, "Diplomacy"));

  /* Scrolled to the other end by the user: left there. */
  gtk_adjustment_set_value (adjustment, 0);
  wait_frames (GTK_WIDGET (f.view));
  g_assert_true (column_in_view (column_view, "Diplomacy"));
  resize_window (&f, 650, 700);
  g_assert_true (column_in_view (column_view, "Diplomacy"));
  g_assert_false (column_in_view (column_view, "Aspect"));

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
  GtkColumnView *column_view;
  g_autoptr(GPtrArray) labels = NULL;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);
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

  accord_table_view_show_table (f.view);
  wait_for_layout (GTK_WIDGET (f.view));
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (column_view)));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))),
                    ==, 7);  /* legitimacy, in pack order */

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

/* (7) A large pack: only the rows on screen get widgets; changing the pack
 * rebuilds the subject columns. */
static void
test_large_pack (void)
{
  Fixture f = { 0 };
  g_autoptr(AccordPack) large = generate_pack (2000, 8);
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *titles = NULL;
  GtkColumnView *column_view;
  guint rows;
  char *ids;

  fixture_show (&f, accord_test_load_builtin (), 1280, 800);
  column_view = get_column_view (f.view);

  accord_table_view_set_pack (f.view, large);
  g_assert_true (accord_table_view_get_pack (f.view) == large);
  wait_for_layout (GTK_WIDGET (f.view));

  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Subject 0,Subject 1,Subject 2,Subject 3,"
                               "Subject 4,Subject 5,Subject 6,Subject 7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 2000);

  /* Only a window of rows gets widgets: 2000 rows of 11 cell texts would be
   * 22000. GTK 4.8's list view keeps up to 200 rows (plus a few) around the
   * row on top whatever the height; later versions only the rows on screen. */
  labels = find_all (GTK_WIDGET (column_view), ACCORD_TYPE_CELL_TEXT, NULL);
  rows = count_rows (column_view);
  g_test_message ("%u rows, %u cell texts realized for 2000 rows", rows, labels->len);
  g_assert_cmpuint (rows, >=, 10);
  g_assert_cmpuint (rows, <=, 256);
  g_assert_cmpuint (labels->len, >=, 10 * 10);
  g_assert_cmpuint (labels->len, <=, 256 * 11);

  /* Scrolled to the end: the last row is on screen, and the widgets were
   * recycled rather than added. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (column_view)));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    g_autofree char *text = NULL;

    for (guint i = 0; i < 10; i++)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        wait_for_layout (GTK_WIDGET (f.view));
      }
    text = accord_test_visible_text (GTK_WIDGET (column_view));
    g_assert_nonnull (strstr (text, "Aspect 1999\n"));
    g_assert_null (strstr (text, "Aspect 0\n"));
    g_assert_cmpuint (count_rows (column_view), <=, 256);
  }

  /* The filter works on it too: word prefixes, so "1234" is one aspect. */
  type_filter (f.view, "aspect 1234");
  ids = row_ids (column_view);
  g_assert_cmpstr (ids, ==, "a1234");
  g_free (ids);

  /* Sorting 2000 rows by name. */
  type_filter (f.view, "");
  gtk_column_view_sort_by_column (column_view, get_column (column_view, "Aspect"), GTK_SORT_DESCENDING);
  wait_for_layout (GTK_WIDGET (column_view));
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
    g_autoptr(AccordAspect) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (accord_aspect_get_name (first), ==, "Aspect 999");
  }

  /* No pack, then a small one again: the columns follow. */
  accord_table_view_set_pack (f.view, NULL);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Group");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 0);

  accord_table_view_set_pack (f.view, f.pack);
  wait_for_layout (GTK_WIDGET (f.view));
  g_free (titles);
  titles = column_titles (column_view);
  g_assert_cmpstr (titles, ==, "Aspect,Group,Peacekeeping,Diplomacy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 11);
  assert_rows_fit (column_view);

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
  GtkColumnView *column_view = get_column_view (view);
  guint before, laid_out, texts;

  g_assert_true (accord_table_view_is_measuring_ahead (view));
  wait_measured_ahead (view);

  before = accord_cell_text_get_n_laid_out ();
  gtk_column_view_sort_by_column (column_view, get_column (column_view, title), order);
  wait_for_layout (GTK_WIDGET (column_view));
  laid_out = accord_cell_text_get_n_laid_out () - before;
  texts = count_rows (column_view) * 7;
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
  g_autoptr(AccordPack) large = generate_pack (2000, 4);

  fixture_show (&f, g_object_ref (large), 1280, 800);
  assert_sort_measured_ahead (f.view, "Aspect", GTK_SORT_DESCENDING, "shown");

  /* Narrower: other widths, measured again. */
  resize_window (&f, 900, 800);
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
  g_test_add_func ("/table-view/filter", test_filter);
  g_test_add_func ("/table-view/aspect-page", test_aspect_page);
  g_test_add_func ("/table-view/location", test_location);
  g_test_add_func ("/table-view/show-subject", test_show_subject);
  g_test_add_func ("/table-view/layout", test_layout);
  g_test_add_func ("/table-view/rtl-start", test_rtl_start);
  g_test_add_func ("/table-view/focus", test_focus);
  g_test_add_func ("/table-view/large-pack", test_large_pack);

  return g_test_run ();
}
