/* test-ui-shortcuts.c: the Keyboard Shortcuts window and the accelerators
 * registered on the application cannot drift apart
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window (ui/accord-shortcuts-window.ui, built by win.show-help-overlay
 * the first time it is asked for) is walked for its GtkShortcutsShortcut entries; the
 * application is asked for every action that has an accelerator. Each must
 * be in the other, once.
 */

#include "config.h"

#include <string.h>

#include "accord-application.h"
#include "accord-test-util.h"
#include "accord-window.h"

/* One application for the whole run, as in Accord itself. */
static AccordApplication *app_instance;

typedef struct
{
  AccordApplication *app;
  AccordWindow *window;
  GtkShortcutsWindow *overlay;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->app = app_instance;
  fixture->window = accord_window_new (fixture->app);
  accord_window_set_pack (fixture->window, accord_application_get_builtin_pack (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);

  /* Not built with the window: only when asked for. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  fixture->overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (fixture->overlay);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  accord_test_iterate (50);
}

static void
collect_shortcuts (GtkWidget *widget,
                   gboolean   in_section,
                   GPtrArray *out)
{
  in_section = in_section || GTK_IS_SHORTCUTS_SECTION (widget);

  if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, in_section, out);
}

/* Every GtkShortcutsShortcut of the Keyboard Shortcuts window's sections
 * (the window's search page holds copies of them). */
static GPtrArray *
overlay_shortcuts (Fixture *fixture)
{
  GPtrArray *shortcuts = g_ptr_array_new ();

  collect_shortcuts (GTK_WIDGET (fixture->overlay), FALSE, shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 0);

  return shortcuts;
}

static char *
shortcut_action (GtkWidget *shortcut)
{
  char *action = NULL;

  g_object_get (shortcut, "action-name", &action, NULL);
  return action;
}

static char *
shortcut_title (GtkWidget *shortcut)
{
  char *title = NULL;

  g_object_get (shortcut, "title", &title, NULL);
  return title;
}

/* The detailed action names that have at least one accelerator. */
static GHashTable *
accelerated_actions (Fixture *fixture)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      if (accels != NULL && accels[0] != NULL)
        g_hash_table_add (set, g_strdup (actions[i]));
    }

  g_assert_cmpuint (g_hash_table_size (set), >, 0);

  return set;
}

G_GNUC_PRINTF (2, 3)
static void
problem (guint      *count,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("%s", message);
  (*count)++;
}

static void
test_every_accelerator_listed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) shortcuts = overlay_shortcuts (fixture);
  g_autoptr(GHashTable) accelerated = accelerated_actions (fixture);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint problems = 0;
  GHashTableIter iter;
  const char *action;

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *name = shortcut_action (shortcuts->pdata[i]);
      g_autofree char *title = shortcut_title (shortcuts->pdata[i]);

      if (name == NULL)
        continue;

      if (title == NULL || *title == '\0')
        problem (&problems, "%s is listed without a title", name);
      if (!g_hash_table_add (listed, g_strdup (name)))
        problem (&problems, "%s is listed twice", name);
      if (!g_hash_table_contains (accelerated, name))
        problem (&problems, "%s (“%s”) is listed, but has no accelerator", name, title);
    }

  g_hash_table_iter_init (&iter, accelerated);
  while (g_hash_table_iter_next (&iter, (gpointer *) &action, NULL))
    if (!g_hash_table_contains (listed, action))
      problem (&problems, "%s has an accelerator, but the Keyboard Shortcuts window does not list it", action);

  if (problems > 0)
    g_test_fail_printf ("ui/accord-shortcuts-window.ui and the application's accelerators differ in %u places", problems);
}

/* Whether @keys (a GtkShortcutsShortcut's accelerator) are keys a widget
 * handles itself to move about: arrows, Page Up/Down, Home, End, Enter,
 * without modifiers. */
static gboolean
are_navigation_keys (const char *keys)
{
  static const guint navigation[] = {
    GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Page_Up, GDK_KEY_Page_Down,
    GDK_KEY_Home, GDK_KEY_End, GDK_KEY_Return,
  };
  g_auto(GStrv) each = g_strsplit (keys != NULL ? keys : "", " ", -1);

  if (each[0] == NULL)
    return FALSE;

  for (guint i = 0; each[i] != NULL; i++)
    {
      guint key = 0;
      GdkModifierType modifiers = 0;
      gboolean found = FALSE;

      if (!gtk_accelerator_parse (each[i], &key, &modifiers) || modifiers != 0)
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (navigation); j++)
        found = found || key == navigation[j];
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Shortcuts that show a key of their own, rather than an action's: only
 * the keys the topic tree and the table handle themselves. */
static void
test_no_fixed_accelerators (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) shortcuts = overlay_shortcuts (fixture);
  guint fixed = 0;

  g_assert_false (are_navigation_keys ("<Control>o"));
  g_assert_false (are_navigation_keys ("F9"));
  g_assert_false (are_navigation_keys (""));
  g_assert_true (are_navigation_keys ("Page_Up Page_Down"));

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *name = shortcut_action (shortcuts->pdata[i]);
      g_autofree char *title = shortcut_title (shortcuts->pdata[i]);
      g_autofree char *keys = NULL;
      GtkShortcutType type;

      g_object_get (shortcuts->pdata[i], "shortcut-type", &type, "accelerator", &keys, NULL);
      if (type != GTK_SHORTCUT_ACCELERATOR || name != NULL)
        continue;  /* gestures show a picture, not keys; actions follow the application */

      /* Any other key written into the .ui file would not follow the
       * application. */
      if (!are_navigation_keys (keys))
        g_error ("“%s” in ui/accord-shortcuts-window.ui names keys (%s) instead of an action-name", title, keys);
      fixed++;
    }

  /* The tree's (Right and Left once for each direction) and the table's. */
  g_assert_cmpuint (fixed, ==, 11);
}

/* What the window shows for each action is what the application binds. */
static void
test_shown_accelerators (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) shortcuts = NULL;
  GtkApplication *app = GTK_APPLICATION (fixture->app);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->overlay)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (100);

  shortcuts = overlay_shortcuts (fixture);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *name = shortcut_action (shortcuts->pdata[i]);
      g_autofree char *shown = NULL;
      g_auto(GStrv) accels = NULL;
      g_autofree char *bound = NULL;

      if (name == NULL)
        continue;

      g_object_get (shortcuts->pdata[i], "accelerator", &shown, NULL);
      accels = gtk_application_get_accels_for_action (app, name);
      bound = g_strjoinv (" ", accels);
      g_test_message ("%s: shown %s, bound %s", name, shown, bound);
      g_assert_nonnull (shown);
      g_assert_cmpstr (shown, ==, bound);
    }

  gtk_window_close (GTK_WINDOW (fixture->overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  /* Registering runs the application's startup, which sets the
   * accelerators. Never hand over to an Accord running on the same bus. */
  app_instance = accord_application_new ();
  g_application_set_flags (G_APPLICATION (app_instance),
                           g_application_get_flags (G_APPLICATION (app_instance)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app_instance), NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/shortcuts/every-accelerator-listed", Fixture, NULL,
              fixture_set_up, test_every_accelerator_listed, fixture_tear_down);
  g_test_add ("/shortcuts/no-fixed-accelerators", Fixture, NULL,
              fixture_set_up, test_no_fixed_accelerators, fixture_tear_down);
  g_test_add ("/shortcuts/shown-accelerators", Fixture, NULL,
              fixture_set_up, test_shown_accelerators, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app_instance);

  return status;
}
