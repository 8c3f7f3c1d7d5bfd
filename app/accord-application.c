/* accord-application.c: the GtkApplication, command line and app actions
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Options that need no display (--validate, --search, --export-pdf,
 * --version) are answered in
 * handle-local-options, before GTK initialises. Everything else goes to the
 * primary instance through command-line, so a second `accord FILE` opens the
 * file in a new window of the running Accord, a second `accord` brings its
 * window forward and `accord --new-window` opens another one.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-application.h"
#include "accord-export.h"
#include "accord-style.h"
#include "accord-validate.h"
#include "accord-window.h"

#define BUILTIN_PACK_RESOURCE "/io/github/accord/Accord/content/peace-and-security.json"

struct _AccordApplication
{
  GtkApplication parent_instance;
  AccordPack *builtin_pack;
  GThread *builtin_loader;      /* nullable: parses the built-in pack during start-up */
  GSettings *settings;          /* nullable: no schema installed */
  AccordStyle *style;
  gboolean settings_looked_up;
};

G_DEFINE_FINAL_TYPE (AccordApplication, accord_application, GTK_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a new window, even when Accord is already running"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the given pack files, print every problem and exit"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the topics matching TERMS, best first, as “ID<TAB>title” lines, and exit "
       "(status 1: nothing matches, 2: error)"),
    N_("TERMS") },
  { "topic", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Open the topic with this id"), N_("ID") },
  { "aspect", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the page of the aspect with this id"), N_("ID") },
  { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Compare the subjects with these ids"), N_("ID,ID[,ID…]") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a summary of the pack to a PDF file and exit (with --table, --compare, --topic or --sources: only those parts)"),
    N_("OUT.pdf") },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-pdf or --search: the pack to use, instead of the built-in one"), N_("PACK.json") },
  { "table", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: the characteristics table"), NULL },
  { "sources", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: the list of sources"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

/* Pack text on one output line: tabs and line breaks become spaces. */
static void
print_field (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  g_print ("%s", copy);
}

/* `accord --search TERMS [--content PACK.json]`: the matching topics, best
 * first, as `ID<tab>TITLE` lines, like `man -k`. Words left on the command
 * line after TERMS are part of the search. Needs no display. */
static int
search_command (AccordApplication *self,
                GVariantDict      *options)
{
  g_autofree const char **rest = NULL;
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSearchIndex) index = NULL;
  g_autoptr(GPtrArray) results = NULL;
  const char *first = NULL, *content = NULL;

  g_variant_dict_lookup (options, "search", "&s", &first);
  g_string_append (terms, first != NULL ? first : "");
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest) && rest != NULL)
    for (guint i = 0; rest[i] != NULL; i++)
      g_string_append_printf (terms, " %s", rest[i]);
  g_strstrip (terms->str);

  if (*terms->str == '\0')
    {
      g_printerr ("%s\n", _("accord: --search needs the words to look for"));
      return 2;
    }

  if (g_variant_dict_lookup (options, "content", "^&ay", &content) && content != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (content);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;

      pack = accord_pack_load_file (file, NULL, &diagnostics, &error);
      if (pack == NULL)
        {
          g_autofree char *why = accord_diagnostics_describe_failure (diagnostics, error, content);

          g_printerr ("%s\n", why);
          return 2;
        }
    }
  else
    pack = g_object_ref (accord_application_get_builtin_pack (self));

  index = accord_search_index_new (pack);
  accord_search_index_query (index, terms->str);
  results = accord_search_index_results (index);

  for (guint i = 0; i < results->len; i++)
    {
      AccordTopic *topic = g_ptr_array_index (results, i);

      print_field (accord_topic_get_id (topic));
      g_print ("\t");
      print_field (accord_topic_get_title (topic));
      g_print ("\n");
    }

  return results->len > 0 ? 0 : 1;
}

static int
accord_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autofree const char **files = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("accord %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return accord_validate_files (files);
    }

  if (g_variant_dict_contains (options, "search"))
    return search_command (ACCORD_APPLICATION (app), options);

  if (g_variant_dict_contains (options, "export-pdf"))
    return accord_export_pdf_command (options, accord_application_get_builtin_pack (ACCORD_APPLICATION (app)));

  return -1;
}

static AccordWindow *
new_window (AccordApplication *self)
{
  AccordWindow *window = accord_window_new (self);

  accord_window_set_pack (window, accord_application_get_builtin_pack (self));
  return window;
}

static void
accord_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (ACCORD_APPLICATION (app)));

  gtk_window_present (window);
}

static void
accord_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      AccordWindow *window = new_window (ACCORD_APPLICATION (app));

      accord_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* The location asked for with --topic, --aspect or --compare, if any. */
static char *
location_from_options (GVariantDict *options)
{
  g_autofree const char **topics = NULL;
  const char *value;

  if (g_variant_dict_lookup (options, "topic", "^a&s", &topics) && topics != NULL && topics[0] != NULL)
    return g_strconcat ("topic:", topics[0], NULL);
  if (g_variant_dict_lookup (options, "aspect", "&s", &value))
    return g_strconcat ("aspect:", value, NULL);
  if (g_variant_dict_lookup (options, "compare", "&s", &value))
    return g_strconcat ("compare:", value, NULL);

  return NULL;
}

static int
accord_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **args = NULL;
  g_autofree char *location = location_from_options (options);
  AccordWindow *window;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args);

  if (args == NULL || args[0] == NULL)
    {
      /* A running Accord brings its window forward, unless a new one or a
       * place in the pack is asked for. */
      window = ACCORD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
      if (window == NULL || location != NULL || g_variant_dict_contains (options, "new-window"))
        window = new_window (self);
      /* An unknown id is reported; the window opens on its start page. */
      if (location != NULL && !accord_window_navigate (window, location))
        g_application_command_line_printerr (command_line, _("accord: this pack has nothing called “%s”\n"),
                                             strchr (location, ':') + 1);
      gtk_window_present (GTK_WINDOW (window));
      return 0;
    }

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, args[i]);

      window = new_window (self);
      accord_window_set_pending_location (window, location);
      accord_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }

  return 0;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_window (ACCORD_APPLICATION (user_data))));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Accord authors", NULL };
  AccordApplication *self = ACCORD_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about = gtk_about_dialog_new ();
  AccordPack *pack = accord_application_get_builtin_pack (self);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);

  g_object_set (about,
                "program-name", _("Accord"),
                "logo-icon-name", APP_ID,
                "version", PACKAGE_VERSION,
                "comments", _("Study and compare approaches to a subject side by side."),
                "website", "https://github.com/accord-app/accord",
                "license-type", GTK_LICENSE_GPL_3_0,
                "authors", developers,
                /* Translators: your names, one per line */
                "translator-credits", _("translator-credits"),
                "modal", TRUE,
                "transient-for", parent,
                NULL);

  /* The built-in guide's sources, each a link ("Title https://…"). */
  for (guint i = 0; pack != NULL && i < g_list_model_get_n_items (accord_pack_get_sources (pack)); i++)
    {
      g_autoptr(AccordSource) source = g_list_model_get_item (accord_pack_get_sources (pack), i);
      const char *url = accord_source_get_url (source);

      g_ptr_array_add (sources, url != NULL ? g_strdup_printf ("%s %s", accord_source_get_title (source), url)
                                            : g_strdup (accord_source_get_title (source)));
    }
  g_ptr_array_add (sources, NULL);
  if (sources->len > 1)
    gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (about), _("Sources of the built-in guide"),
                                         (const char **) sources->pdata);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "new-window", .activate = new_window_activated },
  { .name = "about", .activate = about_activated },
};

/* Every accelerator of the application, in one place: the shortcuts
 * window (ui/accord-shortcuts-window.ui) lists the same ones, and
 * tests/test-ui-shortcuts.c fails when the two differ. */
static const struct { const char *action; const char *accels[3]; } accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.reload", { "<Control>r", "F5", NULL } },
  { "win.back", { "<Alt>Left", "Back", NULL } },
  { "win.forward", { "<Alt>Right", "Forward", NULL } },
  { "win.search", { "<Control>k", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export-pdf", { "<Control><Shift>e", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.bookmark", { "<Control>d", NULL } },
  { "win.view::topics", { "<Alt>1", NULL } },
  { "win.view::table", { "<Alt>2", NULL } },
  { "win.view::compare", { "<Alt>3", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

/* Returns the built-in pack. It was validated when Accord was built, so a
 * failure is a programming error. A GThreadFunc: see startup. */
static gpointer
load_builtin_pack (gpointer unused)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AccordPack *pack = NULL;

  bytes = g_resources_lookup_data (BUILTIN_PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    pack = accord_pack_load_bytes (bytes, "resource://" BUILTIN_PACK_RESOURCE, NULL, NULL, &error);
  if (pack == NULL)
    g_error ("The built-in pack does not load: %s", error->message);

  return pack;
}

static void
accord_application_startup (GApplication *app)
{
  AccordApplication *self = ACCORD_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = NULL;

  /* The first window shows the built-in pack: it is parsed on a thread of
   * its own while GTK starts, on a processor that is otherwise idle then. */
  self->builtin_loader = g_thread_new ("accord-builtin", load_builtin_pack, NULL);

  G_APPLICATION_CLASS (accord_application_parent_class)->startup (app);

  css = gtk_css_provider_new ();

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  /* app.style: light, dark, or as the desktop prefers. */
  self->style = accord_style_new (accord_application_get_settings (self), g_application_get_dbus_connection (app));
  g_action_map_add_action (G_ACTION_MAP (app), accord_style_get_action (self->style));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  gtk_css_provider_load_from_resource (css, "/io/github/accord/Accord/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
accord_application_dispose (GObject *object)
{
  AccordApplication *self = ACCORD_APPLICATION (object);

  g_clear_object (&self->style);
  if (self->builtin_loader != NULL)
    g_object_unref (g_thread_join (g_steal_pointer (&self->builtin_loader)));
  g_clear_object (&self->builtin_pack);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accord_application_parent_class)->dispose (object);
}

static void
accord_application_class_init (AccordApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = accord_application_dispose;
  app_class->handle_local_options = accord_application_handle_local_options;
  app_class->startup = accord_application_startup;
  app_class->activate = accord_application_activate;
  app_class->open = accord_application_open;
  app_class->command_line = accord_application_command_line;
}

static void
accord_application_init (AccordApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study and compare approaches to a subject side by side."));
}

AccordApplication *
accord_application_new (void)
{
  return g_object_new (ACCORD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/accord/Accord",
                       NULL);
}

/**
 * accord_application_get_builtin_pack:
 *
 * The pack compiled into Accord: parsed during start-up, on a thread of
 * its own (see startup), or else on first use.
 *
 * Returns: (transfer none): the built-in pack
 */
AccordPack *
accord_application_get_builtin_pack (AccordApplication *self)
{
  g_return_val_if_fail (ACCORD_IS_APPLICATION (self), NULL);

  if (self->builtin_pack == NULL)
    self->builtin_pack = self->builtin_loader != NULL
      ? g_thread_join (g_steal_pointer (&self->builtin_loader))
      : load_builtin_pack (NULL);

  return self->builtin_pack;
}

/**
 * accord_application_get_settings:
 *
 * Accord's settings. Run from the build tree, the schema compiled there is
 * used. Without a schema at all (an unusual install), Accord runs and
 * simply remembers nothing, instead of aborting as g_settings_new() would.
 *
 * Returns: (transfer none) (nullable): the settings
 */
GSettings *
accord_application_get_settings (AccordApplication *self)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *parent = g_settings_schema_source_get_default ();

  g_return_val_if_fail (ACCORD_IS_APPLICATION (self), NULL);

  if (self->settings_looked_up)
    return self->settings;
  self->settings_looked_up = TRUE;

  if (accord_i18n_is_uninstalled ())
    source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, parent, FALSE, NULL);
  else if (parent != NULL)
    source = g_settings_schema_source_ref (parent);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    g_debug ("No settings schema %s: nothing will be remembered", APP_ID);
  else
    self->settings = g_settings_new_full (schema, NULL, NULL);

  return self->settings;
}
