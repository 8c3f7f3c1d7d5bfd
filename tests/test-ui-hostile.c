/* test-ui-hostile.c: the real window showing a pack written to deceive
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/valid/hostile-text.json puts text that looks like Pango markup
 * or HTML in every member a person sees, a 400-character word in a topic's
 * body, a characteristic and a difference, and right-to-left overrides
 * (U+202E) in a subject's name, an aspect's name and a topic's title. Each
 * view is opened and read back: every text appears literally, nothing
 * widens the window, pack text put into a sentence is isolated, and a
 * source's link opens in the browser only when clicked.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "accord-sidebar.h"
#include "accord-test-util.h"
#include "accord-window.h"

#define FSI "\xe2\x81\xa8"  /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9"  /* U+2069 POP DIRECTIONAL ISOLATE */
#define RLO "\xe2\x80\xae"  /* U+202E RIGHT-TO-LEFT OVERRIDE */

#define WIDTH 1000

static char *fake_browser_log;

static AccordPack *
load_hostile (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "hostile-text.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AccordPack *pack = accord_pack_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static AccordWindow *
new_window (void)
{
  AccordWindow *window = accord_window_new (NULL);
  g_autoptr(AccordPack) pack = load_hostile ();

  accord_window_set_pack (window, pack);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  accord_test_iterate (200);

  return window;
}

static void
go (AccordWindow *window,
    const char   *location)
{
  g_assert_true (accord_window_navigate (window, location));
  /* Laid out and drawn (a busy machine may take its time), then settled. */
  accord_test_wait_frames (GTK_WIDGET (window), 2);
  accord_test_iterate (300);
}

/* Every visible label, inscription and table cell, and every tooltip,
 * under @widget. */
static void
collect (GtkWidget *widget,
         GPtrArray *labels,
         GString   *tooltips)
{
  const char *tooltip;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (accord_test_text_of (widget) != NULL)
    g_ptr_array_add (labels, widget);

  tooltip = gtk_widget_get_tooltip_text (widget);
  if (tooltip != NULL)
    g_string_append_printf (tooltips, "%s\n", tooltip);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, labels, tooltips);
}

/* What the window shows in its current view: the labels' text, one per
 * line, and the tooltips'. Checks on the way that no label turns pack text
 * into markup: a label that uses markup must escape what it shows. */
static void
read_window (AccordWindow  *window,
             char         **text_out,
             char         **tooltips_out)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *tooltips = g_string_new (NULL);
  GString *text = g_string_new (NULL);

  collect (GTK_WIDGET (window), labels, tooltips);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *widget = labels->pdata[i];
      const char *shown = accord_test_text_of (widget);

      if (shown == NULL)
        continue;
      if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) && strchr (shown, '<') != NULL)
        g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (widget)), "&lt;"));
      if (*shown != '\0')
        g_string_append_printf (text, "%s\n", shown);
    }

  *text_out = g_string_free (text, FALSE);
  *tooltips_out = g_string_free (tooltips, FALSE);
}

#define assert_shows(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” is not shown literally in:\n%s", (needle), (haystack)); \
  } G_STMT_END

/* The window stays as wide as it was asked to be: no word, however long,
 * makes it wider. */
static void
assert_width_bounded (AccordWindow *window)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("window width: minimum %d, natural %d, allocated %d",
                  minimum, natural, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (minimum, <=, WIDTH);
  g_assert_cmpint (natural, <, 2000);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, WIDTH);
}

static void
test_title (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "<span foreground=\"red\">Pack</span> &amp; <b>bold</b>");
  /* The header bar shows the title as it is. */
  read_window (window, &text, &tooltips);
  assert_shows (text, "<span foreground=\"red\">Pack</span> &amp; <b>bold</b>\n");
  /* The sidebar lists the topics. (Their tooltips are given when asked
   * for, with gtk_tooltip_set_text() from the row's label: plain text, but
   * GTK 4.8 lets no test read a GtkTooltip back.) */
  assert_shows (text, "<b>Topic</b> one &amp; <i>more</i>\n");
  assert_width_bounded (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_topic_page (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  go (window, "topic:one");
  read_window (window, &text, &tooltips);
  assert_shows (text, "<b>Topic</b> one &amp; <i>more</i>\n");
  assert_shows (text, "<span foreground=\"red\">Topic summary</span>\n");
  assert_shows (text, "<big>Heading</big>\n");
  assert_shows (text, "<b>Paragraph</b> &amp; &lt;x&gt; Pneumono");
  assert_shows (text, "<li>Item</li>");
  assert_shows (text, "&#x41; entity");
  assert_shows (text, "<tt>Note</tt>\n");
  /* What it concerns, its sources and related topics. */
  assert_shows (text, "<b>Alpha</b>\n");
  assert_shows (text, "Beta &amp; <u>Gamma</u>\n");
  assert_shows (text, "<i>Cost</i>\n");
  assert_shows (text, "<b>Source</b> &amp; title\n");
  assert_shows (text, "<i>Publisher</i>\n");
  assert_shows (text, "https://example.org/page?a=1&b=2\n");
  assert_shows (text, "Second " RLO "topic\n");
  assert_width_bounded (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  go (window, "table");
  read_window (window, &text, &tooltips);
  /* Column headers, groups, aspects and cells. */
  assert_shows (text, "<b>Alpha</b>\n");
  assert_shows (text, "Beta &amp; <u>Gamma</u>\n");
  assert_shows (text, "<u>Money</u>\n");
  assert_shows (text, "<i>Cost</i>\n");
  assert_shows (text, "Reach &lt;far&gt;\n");
  assert_shows (text, "<b>bold</b> &amp; cost of alpha\n");
  assert_shows (text, "&lt;escaped&gt; cost of beta\n");
  assert_shows (text, "<a href=\"https://evil.example/\">click</a>\n");
  assert_shows (text, "Long: Pneumono");
  assert_width_bounded (window);

  /* An aspect's own page. */
  go (window, "aspect:cost");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&tooltips, g_free);
  read_window (window, &text, &tooltips);
  assert_shows (text, "<i>Cost</i>\n");
  assert_shows (text, "<span size=\"xx-large\">Cost description</span>\n");
  assert_shows (text, "<b>bold</b> &amp; cost of alpha\n");
  assert_shows (tooltips, "<span foreground=\"red\">Topic summary</span>\n");
  assert_width_bounded (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_compare (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  go (window, "compare:alpha,beta");
  read_window (window, &text, &tooltips);
  assert_shows (text, "<tt>Common point</tt> &amp;\n");
  assert_shows (text, "<s>Cost difference</s>\n");
  assert_shows (text, "<sub>General difference</sub> Pneumono");
  assert_shows (text, "<i>Cost</i>\n");
  assert_shows (text, "<b>bold</b> &amp; cost of alpha\n");
  assert_shows (text, "&lt;escaped&gt; cost of beta\n");
  /* The aspect's description and the chosen subjects' names. */
  assert_shows (tooltips, "<span size=\"xx-large\">Cost description</span>\n");
  assert_shows (tooltips, "<b>Alpha</b>\n");
  assert_shows (tooltips, "Beta &amp; <u>Gamma</u>\n");
  assert_width_bounded (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sidebar's search results show titles as they are. */
static void
test_search_results (void)
{
  AccordWindow *window = new_window ();
  AccordSidebar *sidebar = ACCORD_SIDEBAR (accord_test_find_by_type (GTK_WIDGET (window), ACCORD_TYPE_SIDEBAR));
  GtkEditable *entry = GTK_EDITABLE (accord_test_find_by_type (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  while (!accord_sidebar_is_searchable (sidebar))
    g_main_context_iteration (NULL, TRUE);
  gtk_editable_set_text (entry, "topic");
  accord_test_iterate (400);

  g_assert_cmpuint (g_list_model_get_n_items (accord_sidebar_get_rows (sidebar)), >, 0);
  read_window (window, &text, &tooltips);
  assert_shows (text, "<b>Topic</b> one &amp; <i>more</i>\n");
  assert_width_bounded (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A name with a right-to-left override, put into a sentence, is isolated:
 * the override ends with the name and cannot reverse the words after it. */
static void
test_bidi_isolated (void)
{
  AccordWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autofree char *tooltips = NULL;

  go (window, "compare:alpha,evil");
  read_window (window, &text, &tooltips);
  assert_shows (text, "Rare " RLO "aspect\n");
  assert_shows (text, "\nOnly " FSI "Ev" RLO "il" PDI "\n");
  assert_shows (text, "\nOnly " FSI "<b>Alpha</b>" PDI "\n");

  go (window, "compare:alpha,beta,evil");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&tooltips, g_free);
  read_window (window, &text, &tooltips);
  assert_shows (text, "\nOnly " FSI "<b>Alpha</b>" PDI " and " FSI "Beta &amp; <u>Gamma</u>" PDI "\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens a FIFO or a broken file called @name in a new folder, and returns
 * the error banner's text. */
static char *
open_and_read_banner (AccordWindow *window,
                      const char   *name,
                      gboolean      fifo)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkRevealer *banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  char *text;

  if (fifo)
    g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  else
    g_assert_true (g_file_set_contents (path, "{ \"format\": ", -1, NULL));

  gtk_revealer_set_reveal_child (banner, FALSE);
  accord_window_open_file (window, file);
  /* Until it shows this error (it was told to hide) and has slid open:
   * its child shows once it has begun to. */
  g_assert_true (accord_test_wait_for (gtk_revealer_get_reveal_child (banner) &&
                                       gtk_revealer_get_child_revealed (banner), 10));

  /* The banner's labels as they are, isolates and all. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autoptr(GString) tooltips = g_string_new (NULL);
    GString *s = g_string_new (NULL);

    collect (GTK_WIDGET (banner), labels, tooltips);
    for (guint i = 0; i < labels->len; i++)
      g_string_append_printf (s, "%s\n", accord_test_text_of (labels->pdata[i]));
    text = g_string_free (s, FALSE);
  }

  g_unlink (path);
  g_rmdir (dir);
  return text;
}

/* A file's name, too, is text nobody checked: in the error banner it is
 * isolated, and shown even when it is not UTF-8. */
static void
test_file_name (void)
{
  AccordWindow *window = new_window ();
  AccordPack *before = accord_window_get_pack (window);
  g_autofree char *banner = NULL;

  banner = open_and_read_banner (window, "gnp." RLO "json", TRUE);
  g_test_message ("banner: %s", banner);
  g_assert_true (g_str_has_prefix (banner, FSI));
  assert_shows (banner, "gnp." RLO "json" PDI ": error: this is not a regular file\n");
  g_clear_pointer (&banner, g_free);

  /* Latin-1 "café.json": the byte that is not UTF-8 shows as U+FFFD. */
  banner = open_and_read_banner (window, "caf\xe9.json", FALSE);
  g_test_message ("banner: %s", banner);
  g_assert_true (g_utf8_validate (banner, -1, NULL));
  assert_shows (banner, "caf\xef\xbf\xbd.json" PDI ":1:");

  g_assert_true (accord_window_get_pack (window) == before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
opened_uris (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (fake_browser_log, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

/* A source's link goes to the browser (here a script that notes what it is
 * given) when it is clicked, and not before. */
static void
test_link_opens_on_click (void)
{
  AccordWindow *window = new_window ();
  GtkWidget *link;
  gint64 deadline;
  g_autofree char *opened = NULL;

  go (window, "topic:one");
  accord_test_iterate (500);
  opened = opened_uris ();
  g_assert_cmpstr (opened, ==, "");

  link = accord_test_find_button (GTK_WIDGET (window), "https://example.org/page?a=1&b=2");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&opened, g_free);
      opened = opened_uris ();
      if (*opened != '\0')
        break;
      accord_test_iterate (50);
    }
  g_assert_cmpstr (opened, ==, "https://example.org/page?a=1&b=2\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A pack whose source has a javascript: link is refused whole: the window
 * keeps what it showed, and no such link is ever on screen. */
static void
test_other_scheme_refused (void)
{
  AccordWindow *window = new_window ();
  AccordPack *before = accord_window_get_pack (window);
  const char *schemes[] = { "javascript", "file", "data" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strdup_printf ("source-url-%s.json", schemes[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("“%s:” links are not allowed: a source URL must start with http:// or https://",
                                                   schemes[i]);
      GtkRevealer *banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));
      g_autofree char *banner_text = NULL;

      /* As the banner's close button would: each error shows anew. */
      gtk_revealer_set_reveal_child (banner, FALSE);
      accord_window_open_file (window, file);
      g_assert_true (accord_test_wait_for (gtk_revealer_get_reveal_child (banner) &&
                                           gtk_revealer_get_child_revealed (banner), 10));

      banner_text = accord_test_visible_text (GTK_WIDGET (banner));
      assert_shows (banner_text, expected);
      g_assert_true (accord_window_get_pack (window) == before);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hostile files ---------------------------------------------------------- */

/* A file as a slow or failing mount serves it: it says it is a regular file
 * of its contents' size, and then its stream
 *  - STALL: never answers, until the read is cancelled;
 *  - SHRINK: ends after a third of the contents (the file was cut short
 *    while it was read);
 *  - VANISH: gives a third, then fails as a file deleted from a network
 *    share does;
 *  - DENIED: cannot be opened (what chmod 000 does to anyone but root). */
typedef enum { SCRIPT_STALL, SCRIPT_SHRINK, SCRIPT_VANISH, SCRIPT_DENIED } Script;

static gint active_reads;  /* streams being read right now */

#define TEST_TYPE_STREAM (test_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestStream, test_stream, TEST, STREAM, GFileInputStream)

struct _TestStream
{
  GFileInputStream parent_instance;
  Script script;
  GBytes *contents;
  gsize offset;
};

G_DEFINE_FINAL_TYPE (TestStream, test_stream, G_TYPE_FILE_INPUT_STREAM)

static gssize
test_stream_read (GInputStream  *stream,
                  void          *buffer,
                  gsize          count,
                  GCancellable  *cancellable,
                  GError       **error)
{
  TestStream *self = TEST_STREAM (stream);
  gsize size = g_bytes_get_size (self->contents);
  gsize end = size / 3;
  gssize n;

  if (self->script == SCRIPT_STALL)
    {
      g_atomic_int_inc (&active_reads);
      while (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_usleep (5000);
      g_atomic_int_dec_and_test (&active_reads);
      return -1;
    }

  if (self->offset >= end)
    {
      if (self->script == SCRIPT_VANISH)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such file or directory");
          return -1;
        }
      return 0;
    }

  n = MIN (count, end - self->offset);
  memcpy (buffer, (const char *) g_bytes_get_data (self->contents, NULL) + self->offset, n);
  self->offset += n;
  return n;
}

static void
test_stream_finalize (GObject *object)
{
  g_bytes_unref (TEST_STREAM (object)->contents);
  G_OBJECT_CLASS (test_stream_parent_class)->finalize (object);
}

static void
test_stream_class_init (TestStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_stream_read;
}

static void
test_stream_init (TestStream *self)
{
}

#define TEST_TYPE_FILE (test_file_get_type ())
G_DECLARE_FINAL_TYPE (TestFile, test_file, TEST, FILE, GObject)

struct _TestFile
{
  GObject parent_instance;
  Script script;
  GBytes *contents;
  char *name;
};

static void test_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFile, test_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, test_file_iface_init))

static GFile *
test_file_new (Script      script,
               const char *name,
               GBytes     *contents)
{
  TestFile *self = g_object_new (TEST_TYPE_FILE, NULL);

  self->script = script;
  self->name = g_strdup (name);
  self->contents = g_bytes_ref (contents);
  return G_FILE (self);
}

static GFile *
test_file_dup (GFile *file)
{
  TestFile *self = TEST_FILE (file);

  return test_file_new (self->script, self->name, self->contents);
}

static guint
test_file_hash (GFile *file)
{
  return g_str_hash (TEST_FILE (file)->name);
}

static gboolean
test_file_equal (GFile *a,
                 GFile *b)
{
  return g_str_equal (TEST_FILE (a)->name, TEST_FILE (b)->name);
}

static gboolean
test_file_is_native (GFile *file)
{
  return FALSE;
}

static gboolean
test_file_has_uri_scheme (GFile      *file,
                          const char *scheme)
{
  return g_ascii_strcasecmp (scheme, "test") == 0;
}

static char *
test_file_get_uri_scheme (GFile *file)
{
  return g_strdup ("test");
}

static char *
test_file_get_basename (GFile *file)
{
  return g_strdup (TEST_FILE (file)->name);
}

static char *
test_file_get_path (GFile *file)
{
  return NULL;
}

static char *
test_file_get_uri (GFile *file)
{
  g_autofree char *escaped = g_uri_escape_string (TEST_FILE (file)->name, NULL, FALSE);

  return g_strconcat ("test:///", escaped, NULL);
}

static GFileInfo *
test_file_query_info (GFile                *file,
                      const char           *attributes,
                      GFileQueryInfoFlags   flags,
                      GCancellable         *cancellable,
                      GError              **error)
{
  TestFile *self = TEST_FILE (file);
  GFileInfo *info = g_file_info_new ();

  g_file_info_set_file_type (info, G_FILE_TYPE_REGULAR);
  g_file_info_set_size (info, g_bytes_get_size (self->contents));
  g_file_info_set_name (info, self->name);
  g_file_info_set_display_name (info, self->name);
  return info;
}

static GFileInputStream *
test_file_read (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  TestFile *self = TEST_FILE (file);
  TestStream *stream;

  if (self->script == SCRIPT_DENIED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "Permission denied");
      return NULL;
    }

  stream = g_object_new (TEST_TYPE_STREAM, NULL);
  stream->script = self->script;
  stream->contents = g_bytes_ref (self->contents);
  return G_FILE_INPUT_STREAM (stream);
}

static void
test_file_iface_init (GFileIface *iface)
{
  iface->dup = test_file_dup;
  iface->hash = test_file_hash;
  iface->equal = test_file_equal;
  iface->is_native = test_file_is_native;
  iface->has_uri_scheme = test_file_has_uri_scheme;
  iface->get_uri_scheme = test_file_get_uri_scheme;
  iface->get_basename = test_file_get_basename;
  iface->get_path = test_file_get_path;
  iface->get_uri = test_file_get_uri;
  iface->get_parse_name = test_file_get_uri;
  iface->query_info = test_file_query_info;
  iface->read_fn = test_file_read;
}

static void
test_file_finalize (GObject *object)
{
  TestFile *self = TEST_FILE (object);

  g_bytes_unref (self->contents);
  g_free (self->name);
  G_OBJECT_CLASS (test_file_parent_class)->finalize (object);
}

static void
test_file_class_init (TestFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_file_finalize;
}

static void
test_file_init (TestFile *self)
{
}

static GBytes *
valid_pack_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "full.json", NULL);
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

  g_assert_nonnull (mapped);
  return g_mapped_file_get_bytes (mapped);
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_prefix (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits, at most 10 seconds, for a load to end; returns the banner's text,
 * or NULL when no banner shows. */
static char *
wait_for_load_end (AccordWindow *window,
                   GtkRevealer  *progress)
{
  GtkRevealer *banner = GTK_REVEALER (accord_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_REVEALER));

  g_assert_true (accord_test_wait_for (!gtk_revealer_get_reveal_child (progress), 10));
  accord_test_iterate (100);
  if (!gtk_revealer_get_reveal_child (banner))
    return NULL;

  /* Slid open: its child shows once it has begun to. */
  g_assert_true (accord_test_wait_for (gtk_revealer_get_child_revealed (banner), 10));
  return accord_test_visible_text (GTK_WIDGET (banner));
}

/* A pack on a mount that stops answering: the window says what it opens,
 * Cancel ends the wait (and the read), and what was on screen stays. */
static void
test_cancel_stalled_load (void)
{
  AccordWindow *window = new_window ();
  AccordPack *before = accord_window_get_pack (window);
  g_autoptr(GBytes) contents = valid_pack_bytes ();
  g_autoptr(GFile) file = test_file_new (SCRIPT_STALL, "gnp." RLO "json", contents);
  GtkWidget *label;
  GtkRevealer *progress;
  GtkWidget *cancel;
  g_autofree char *banner = NULL;
  gint64 deadline;

  go (window, "topic:one");
  accord_window_open_file (window, file);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_atomic_int_get (&active_reads) == 0 && g_get_monotonic_time () < deadline)
    accord_test_iterate (10);
  g_assert_cmpint (g_atomic_int_get (&active_reads), ==, 1);

  label = find_label_with_prefix (GTK_WIDGET (window), "Opening");
  g_assert_nonnull (label);
  /* The name, isolated: its override stops before the closing quote. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Opening “" FSI "gnp." RLO "json" PDI "”…");
  progress = GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (progress));

  /* Still waiting a second later, the window still usable. */
  accord_test_iterate (1000);
  g_assert_true (gtk_revealer_get_reveal_child (progress));
  go (window, "table");
  go (window, "topic:one");

  cancel = accord_test_find_button (GTK_WIDGET (progress), "Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");

  banner = wait_for_load_end (window, progress);
  /* Cancelled is not an error. */
  g_assert_null (banner);
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:one");

  /* The reading thread was told, and stopped. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_atomic_int_get (&active_reads) > 0 && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_assert_cmpint (g_atomic_int_get (&active_reads), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens @file, which must fail with @message in the banner, leaving the
 * pack and the place on screen as they were. */
static void
assert_load_fails (GFile      *file,
                   const char *message)
{
  AccordWindow *window = new_window ();
  AccordPack *before = accord_window_get_pack (window);
  GtkWidget *label;
  g_autofree char *banner = NULL;

  go (window, "topic:one");
  accord_window_open_file (window, file);
  label = find_label_with_prefix (GTK_WIDGET (window), "Opening");
  g_assert_nonnull (label);

  banner = wait_for_load_end (window, GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)));
  g_test_message ("banner: %s", banner);
  g_assert_nonnull (banner);
  assert_shows (banner, message);
  g_assert_true (accord_window_get_pack (window) == before);
  g_assert_cmpstr (accord_window_get_location (window), ==, "topic:one");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shrinking_file (void)
{
  g_autoptr(GBytes) contents = valid_pack_bytes ();
  g_autoptr(GFile) file = test_file_new (SCRIPT_SHRINK, "shrinking.json", contents);

  assert_load_fails (file, "test:///shrinking.json:");
}

static void
test_vanishing_file (void)
{
  g_autoptr(GBytes) contents = valid_pack_bytes ();
  g_autoptr(GFile) file = test_file_new (SCRIPT_VANISH, "vanishing.json", contents);

  assert_load_fails (file, "test:///vanishing.json: error: cannot read the file: No such file or directory");
}

static void
test_unreadable_file (void)
{
  g_autoptr(GBytes) contents = valid_pack_bytes ();
  g_autoptr(GFile) file = test_file_new (SCRIPT_DENIED, "unreadable.json", contents);

  assert_load_fails (file, "test:///unreadable.json: error: cannot read the file: Permission denied");
}

/* A real file cut to a few bytes and deleted right after the window starts
 * loading it: whichever the loader saw, it ends within the time, with the
 * whole pack or with an error and the old pack still there. */
static void
test_file_truncated_and_deleted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("accord-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cut.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = valid_pack_bytes ();

  for (guint delay = 0; delay <= 2000; delay += 1000)
    {
      AccordWindow *window = new_window ();
      AccordPack *before = accord_window_get_pack (window);
      GtkWidget *label;
      g_autofree char *banner = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), NULL));
      go (window, "topic:one");
      accord_window_open_file (window, file);
      label = find_label_with_prefix (GTK_WIDGET (window), "Opening");
      g_usleep (delay);
      g_assert_cmpint (truncate (path, 10), ==, 0);
      g_assert_cmpint (g_unlink (path), ==, 0);

      banner = wait_for_load_end (window, GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)));
      g_test_message ("after %u µs: %s", delay, banner != NULL ? banner : "loaded");
      if (banner != NULL)
        {
          assert_shows (banner, "cut.json");
          g_assert_true (accord_window_get_pack (window) == before);
          g_assert_cmpstr (accord_window_get_location (window), ==, "topic:one");
        }
      else
        {
          g_assert_cmpstr (accord_pack_get_id (accord_window_get_pack (window)), ==, "full-pack.v1_test");
          g_assert_cmpuint (accord_pack_get_n_topics_total (accord_window_get_pack (window)), ==, 9);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_rmdir (dir);
}

/* Where links go: a desktop file for http and https that runs a script,
 * which appends each address it is given to a file. Set up before GTK and
 * GIO read the desktop's settings. */
static void
set_up_fake_browser (const char *dir)
{
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *apps = g_build_filename (data, "applications", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *script = g_build_filename (dir, "browser.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "accord-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  fake_browser_log = g_build_filename (dir, "opened", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", fake_browser_log);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
                                  script);
  g_file_set_contents (desktop, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps,
                       "[Default Applications]\n"
                       "x-scheme-handler/http=accord-test-browser.desktop\n"
                       "x-scheme-handler/https=accord-test-browser.desktop\n", -1, &error);
  g_assert_no_error (error);

  /* Both come before the system's own directories. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
}

static gboolean
remove_all (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_all (child);
      g_object_unref (info);
    }

  return g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("accord-test-browser-XXXXXX", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  int status;

  set_up_fake_browser (dir);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/title", test_title);
  g_test_add_func ("/hostile/topic-page", test_topic_page);
  g_test_add_func ("/hostile/table", test_table);
  g_test_add_func ("/hostile/compare", test_compare);
  g_test_add_func ("/hostile/search-results", test_search_results);
  g_test_add_func ("/hostile/bidi-isolated", test_bidi_isolated);
  g_test_add_func ("/hostile/file-name", test_file_name);
  g_test_add_func ("/hostile/link-opens-on-click", test_link_opens_on_click);
  g_test_add_func ("/hostile/other-scheme-refused", test_other_scheme_refused);
  g_test_add_func ("/hostile-file/cancel-stalled-load", test_cancel_stalled_load);
  g_test_add_func ("/hostile-file/shrinking", test_shrinking_file);
  g_test_add_func ("/hostile-file/vanishing", test_vanishing_file);
  g_test_add_func ("/hostile-file/unreadable", test_unreadable_file);
  g_test_add_func ("/hostile-file/truncated-and-deleted", test_file_truncated_and_deleted);

  status = g_test_run ();
  remove_all (dir_file);
  g_free (fake_browser_log);

  return status;
}
