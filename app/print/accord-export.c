/* accord-export.c: summaries as PDF files, and `accord --export-pdf`
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is written to a temporary file beside the destination and renamed
 * over it once complete, so a failed export (a full disk, a file size
 * limit, an unwritable folder) leaves no partial PDF behind and never
 * truncates the file that was there.
 */

#define G_LOG_DOMAIN "accord-print"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "accord-export.h"

/* cairo hands the PDF over in pieces of 50 bytes on average: they are
 * gathered into writes of SINK_SIZE (a 10,000-aspect table was 90,000
 * write() calls). */
#define SINK_SIZE (64 * 1024)

typedef struct
{
  int fd;
  int error;            /* errno of the first failed write, 0 if none */
  gsize length;         /* bytes waiting in buffer */
  guchar buffer[SINK_SIZE];
} Sink;

static void
sink_write (Sink         *sink,
            const guchar *data,
            gsize         length)
{
  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->error = written < 0 ? errno : ENOSPC;
          break;
        }
      data += written;
      length -= written;
    }
}

static void
sink_flush (Sink *sink)
{
  sink_write (sink, sink->buffer, sink->length);
  sink->length = 0;
}

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->length + length > SINK_SIZE)
    sink_flush (sink);
  if (length >= SINK_SIZE)
    sink_write (sink, data, length);
  else
    {
      memcpy (sink->buffer + sink->length, data, length);
      sink->length += length;
    }

  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: "Cannot write “out.pdf”: Permission denied" */
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * accord_export_pdf:
 * @summary: what to export
 * @path: the PDF file to write (replaced if it exists)
 * @page_width_pt: the page width in points (A4: 595.28, US Letter: 612)
 * @page_height_pt: the page height in points (A4: 841.89, US Letter: 792)
 *
 * Paginates @summary for this page size and writes it as a PDF, fonts
 * embedded, with clickable links and an outline of the topics.
 *
 * Returns: %TRUE on success; on failure @path is as it was before
 */
gboolean
accord_export_pdf (AccordSummary  *summary,
                   const char     *path,
                   double          page_width_pt,
                   double          page_height_pt,
                   GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autofree Sink *sink = g_new0 (Sink, 1);
  int saved_errno;

  g_return_val_if_fail (ACCORD_IS_SUMMARY (summary), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page_width_pt > 0 && page_height_pt > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_error_from_errno (error, EISDIR, path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  sink->fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (sink->fd < 0)
    return set_error_from_errno (error, errno, path);

  accord_summary_paginate (summary, page_width_pt, page_height_pt);

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, page_width_pt, page_height_pt);
  cr = cairo_create (surface);
  accord_summary_render (summary, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  sink_flush (sink);

  /* Make the data durable before it replaces an existing file. */
  if (sink->error == 0 && status == CAIRO_STATUS_SUCCESS &&
      g_file_test (path, G_FILE_TEST_EXISTS) && fsync (sink->fd) != 0)
    sink->error = errno;

  if (g_close (sink->fd, NULL) == FALSE && sink->error == 0)
    sink->error = errno != 0 ? errno : EIO;

  if (sink->error != 0)
    {
      saved_errno = sink->error;
      g_unlink (tmp);
      return set_error_from_errno (error, saved_errno, path);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_error_from_errno (error, saved_errno, path);
    }

  return TRUE;
}

/**
 * accord_export_default_page_size:
 *
 * The paper of the user's locale (LC_PAPER): US Letter where it is used,
 * A4 everywhere else. GTK's gtk_paper_size_get_default() gives the same
 * answer; this one needs no GTK.
 */
void
accord_export_default_page_size (double *width_pt,
                                 double *height_pt)
{
  gboolean letter = FALSE;

#ifdef _NL_PAPER_WIDTH
  {
    int width_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
    int height_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

    letter = width_mm == 216 && height_mm == 279;
  }
#endif

  *width_pt = letter ? ACCORD_SUMMARY_LETTER_WIDTH : ACCORD_SUMMARY_A4_WIDTH;
  *height_pt = letter ? ACCORD_SUMMARY_LETTER_HEIGHT : ACCORD_SUMMARY_A4_HEIGHT;
}

static GListModel *
lookup_subjects (AccordPack *pack,
                 const char *list)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);
  g_autoptr(GListStore) subjects = g_list_store_new (ACCORD_TYPE_SUBJECT);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      AccordSubject *subject;

      if (*id == '\0')
        continue;

      subject = accord_pack_lookup_subject (pack, id);
      if (subject == NULL)
        {
          /* Translators: `accord --export-pdf --compare A,B` with an unknown subject id */
          g_printerr (_("accord: this pack has no subject “%s”\n"), id);
          return NULL;
        }
      if (!g_list_store_find (subjects, subject, NULL))
        g_list_store_append (subjects, subject);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (subjects)) < 2)
    {
      g_printerr ("%s\n", _("accord: --compare needs two or more subject ids, such as A,B"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&subjects));
}

static GListModel *
lookup_topics (AccordPack         *pack,
               const char * const *ids)
{
  g_autoptr(GListStore) topics = g_list_store_new (ACCORD_TYPE_TOPIC);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      AccordTopic *topic = accord_pack_lookup_topic (pack, ids[i]);

      if (topic == NULL)
        {
          /* Translators: `accord --export-pdf --topic ID` with an unknown topic id */
          g_printerr (_("accord: this pack has no topic “%s”\n"), ids[i]);
          return NULL;
        }
      if (!g_list_store_find (topics, topic, NULL))
        g_list_store_append (topics, topic);
    }

  return G_LIST_MODEL (g_steal_pointer (&topics));
}

/**
 * accord_export_pdf_command:
 * @options: the command line: `export-pdf` (a file name), and optionally
 *   `content` (a pack file), `table`, `compare` ("A,B"), `topic` (ids)
 *   and `sources`
 * @builtin_pack: the pack to export without `content`
 *
 * `accord --export-pdf OUT.pdf [--content PACK.json] [--table]
 * [--compare A,B] [--topic ID …] [--sources]`: writes the summary of the
 * chosen parts (all of them when none is chosen) on the locale's paper.
 * Needs no display. Errors are one line on stderr.
 *
 * Returns: the exit status: 0 on success, 1 on any error
 */
int
accord_export_pdf_command (GVariantDict *options,
                           AccordPack   *builtin_pack)
{
  g_autoptr(AccordPack) pack = NULL;
  g_autoptr(AccordSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **topic_ids = NULL;
  const char *out = NULL, *content = NULL, *compare = NULL;
  AccordSummaryParts parts = 0;
  double width, height;

  g_return_val_if_fail (options != NULL, 1);

  if (!g_variant_dict_lookup (options, "export-pdf", "^&ay", &out) || out == NULL || *out == '\0')
    {
      g_printerr ("%s\n", _("accord: --export-pdf needs the name of the PDF file to write"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "content", "^&ay", &content) && content != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (content);
      g_autoptr(GPtrArray) diagnostics = NULL;

      pack = accord_pack_load_file (file, NULL, &diagnostics, &error);
      if (pack == NULL)
        {
          g_autofree char *why = accord_diagnostics_describe_failure (diagnostics, error, content);

          g_printerr ("%s\n", why);
          return 1;
        }
    }
  else if (builtin_pack != NULL)
    pack = g_object_ref (builtin_pack);
  else
    {
      g_printerr ("%s\n", _("accord: no pack to export"));
      return 1;
    }

  summary = accord_summary_new (pack);

  if (g_variant_dict_contains (options, "table"))
    parts |= ACCORD_SUMMARY_TABLE;
  if (g_variant_dict_contains (options, "sources"))
    parts |= ACCORD_SUMMARY_SOURCES;

  if (g_variant_dict_lookup (options, "compare", "&s", &compare))
    {
      g_autoptr(GListModel) subjects = lookup_subjects (pack, compare);

      if (subjects == NULL)
        return 1;
      accord_summary_set_subjects (summary, subjects);
      parts |= ACCORD_SUMMARY_COMPARISON;
    }

  if (g_variant_dict_lookup (options, "topic", "^a&s", &topic_ids) && topic_ids != NULL && topic_ids[0] != NULL)
    {
      g_autoptr(GListModel) topics = lookup_topics (pack, topic_ids);

      if (topics == NULL)
        return 1;
      accord_summary_set_topics (summary, topics, TRUE);
      parts |= ACCORD_SUMMARY_TOPICS;
    }

  accord_summary_set_parts (summary, parts != 0 ? parts : ACCORD_SUMMARY_ALL_PARTS);

  accord_export_default_page_size (&width, &height);
  if (!accord_export_pdf (summary, out, width, height, &error))
    {
      g_printerr ("accord: %s\n", error->message);
      return 1;
    }

  return 0;
}
