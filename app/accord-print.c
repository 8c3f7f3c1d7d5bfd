/* accord-print.c: Print… (with preview) and Export PDF… for a summary
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both draw with the one renderer of app/print: GtkPrintOperation asks it
 * to paginate in begin-print and to draw each page in draw-page, so the
 * printout, its preview and the PDF are the same pages.
 *
 * The page setup and print settings chosen are remembered for the session
 * (not across sessions: a printer chosen yesterday may be gone); Export
 * PDF… uses the same paper, or the locale's by default.
 */

#define G_LOG_DOMAIN "accord"

#include "config.h"

#include <glib/gi18n.h>

#include "accord-export.h"
#include "accord-print.h"

static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

/* The default margins of a summary, in points; a printer's own (its
 * unprintable edges) win when they are wider. */
#define MARGIN_TOP    62.0
#define MARGIN_SIDE   56.7
#define MARGIN_BOTTOM 62.0

/* The paper of the remembered page setup, else the locale's. */
static void
remembered_page_size (double *width,
                      double *height)
{
  if (session_page_setup != NULL)
    {
      *width = gtk_page_setup_get_paper_width (session_page_setup, GTK_UNIT_POINTS);
      *height = gtk_page_setup_get_paper_height (session_page_setup, GTK_UNIT_POINTS);
    }

  if (session_page_setup == NULL || *width <= 0 || *height <= 0)
    accord_export_default_page_size (width, height);
}

static void
remember_settings (GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPaperSize *paper;

  if (settings == NULL)
    return;

  g_set_object (&session_settings, settings);

  paper = gtk_print_settings_get_paper_size (settings);
  if (paper != NULL)
    {
      if (session_page_setup == NULL)
        session_page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (session_page_setup, paper);
      gtk_page_setup_set_orientation (session_page_setup, gtk_print_settings_get_orientation (settings));
      gtk_paper_size_free (paper);
    }
}

/* Printing */

typedef struct
{
  AccordSummary *summary;
  GtkWindow *parent;    /* weak */
  GtkWidget *table;
  GPtrArray *groups;    /* of GtkCheckButton, the group name as "group" data */
  GtkWidget *comparison;
  GtkWidget *topics;
  GtkWidget *subtopics;
  GtkWidget *sources;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  if (job->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->parent), (gpointer *) &job->parent);
  g_clear_pointer (&job->groups, g_ptr_array_unref);
  g_object_unref (job->summary);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double side = MAX (MARGIN_SIDE, MAX (gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS),
                                       gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS)));
  guint n_pages;

  accord_summary_set_margins (job->summary,
                              MAX (MARGIN_TOP, gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS) + 24),
                              side,
                              MAX (MARGIN_BOTTOM, gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS) + 24),
                              side);

  /* The operation uses the full page in points: the context's size is the paper's. */
  n_pages = accord_summary_paginate (job->summary,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  if (page_nr >= 0 && (guint) page_nr < accord_summary_get_n_pages (job->summary))
    accord_summary_draw_page (job->summary, gtk_print_context_get_cairo_context (context), page_nr);
}

static GtkWidget *
part_check (GtkWidget  *box,
            const char *label,
            gboolean    active)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_box_append (GTK_BOX (box), check);
  return check;
}

/* One check button per aspect group, under the table's, when there are
 * several groups: the table can be printed for some of them only. */
static void
add_group_checks (PrintJob  *job,
                  GtkWidget *box)
{
  GListModel *aspects = accord_pack_get_aspects (accord_summary_get_pack (job->summary));
  const char * const *chosen = accord_summary_get_groups (job->summary);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (aspects); i++)
    {
      g_autoptr(AccordAspect) aspect = g_list_model_get_item (aspects, i);
      const char *group = accord_aspect_get_group (aspect);

      if (group != NULL && !g_ptr_array_find_with_equal_func (names, group, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) group);
    }

  if (names->len < 2)
    return;

  job->groups = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    {
      const char *group = g_ptr_array_index (names, i);
      /* Pack text: a plain label, never a mnemonic or markup. */
      GtkWidget *check = gtk_check_button_new_with_label (group);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen == NULL || g_strv_contains (chosen, group));
      gtk_widget_set_margin_start (check, 24);
      g_object_bind_property (job->table, "active", check, "sensitive", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (check), "group", (gpointer) group);
      gtk_box_append (GTK_BOX (box), check);
      g_ptr_array_add (job->groups, check);
    }
}

/* The groups checked, or NULL for all of them. */
static GStrv
checked_groups (PrintJob *job)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; job->groups != NULL && i < job->groups->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (job->groups, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "group"));
      else
        all = FALSE;
    }

  return all ? NULL : g_strv_builder_end (builder);
}

/* The "Summary" tab of the print dialog: which parts to print. */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  AccordSummaryParts parts = accord_summary_get_parts (job->summary);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Print these parts of the summary:"));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  job->table = part_check (box, _("C_haracteristics table"), parts & ACCORD_SUMMARY_TABLE);
  add_group_checks (job, box);
  job->comparison = part_check (box, _("C_omparison"), parts & ACCORD_SUMMARY_COMPARISON);
  job->topics = part_check (box, _("_Topics"), parts & ACCORD_SUMMARY_TOPICS);
  job->subtopics = part_check (box, _("_With their sub-topics"), accord_summary_get_with_subtopics (job->summary));
  gtk_widget_set_margin_start (job->subtopics, 24);
  g_object_bind_property (job->topics, "active", job->subtopics, "sensitive", G_BINDING_SYNC_CREATE);
  job->sources = part_check (box, _("_Sources"), parts & ACCORD_SUMMARY_SOURCES);

  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  g_auto(GStrv) groups = checked_groups (job);
  AccordSummaryParts parts = 0;

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (job->table)))
    parts |= ACCORD_SUMMARY_TABLE;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (job->comparison)))
    parts |= ACCORD_SUMMARY_COMPARISON;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (job->topics)))
    parts |= ACCORD_SUMMARY_TOPICS;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (job->sources)))
    parts |= ACCORD_SUMMARY_SOURCES;

  accord_summary_set_parts (job->summary, parts);
  accord_summary_set_groups (job->summary, (const char * const *) groups);
  accord_summary_set_topics (job->summary, accord_summary_get_topics (job->summary),
                             gtk_check_button_get_active (GTK_CHECK_BUTTON (job->subtopics)));
}

static void
show_error (GtkWindow  *parent,
            const char *message,
            const char *detail)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* 4.10 API above the 4.8 floor */
  g_autoptr(GtkAlertDialog) dialog = gtk_alert_dialog_new ("%s", message);

  gtk_alert_dialog_set_detail (dialog, detail);
  gtk_alert_dialog_show (dialog, parent);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

/* Emitted however the operation ends, synchronously or not. */
static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  GtkWindow *parent = job->parent;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    remember_settings (operation);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, _("The summary could not be printed"), error != NULL ? error->message : "");
    }
}

/**
 * accord_print_operation_new:
 * @summary: what to print; the dialog's "Summary" tab changes its parts
 *
 * A print operation that draws @summary, with the "Summary" tab and the
 * page setup and settings remembered from the last print of the session.
 * Run it with a dialog (accord_print_summary()) or export it
 * (GTK_PRINT_OPERATION_ACTION_EXPORT, as the tests do).
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
accord_print_operation_new (AccordSummary *summary)
{
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_val_if_fail (ACCORD_IS_SUMMARY (summary), NULL);

  job = g_new0 (PrintJob, 1);
  job->summary = g_object_ref (summary);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "accord-print-job", job, print_job_free);
  gtk_print_operation_set_job_name (operation, accord_pack_get_title (accord_summary_get_pack (summary)));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the tab of the print dialog where the parts of the summary are chosen */
  gtk_print_operation_set_custom_tab_label (operation, _("Summary"));
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
  if (session_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, session_page_setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);

  return operation;
}

/**
 * accord_print_summary:
 * @parent: (nullable): the window the print dialog belongs to
 * @summary: what to print; the dialog's "Summary" tab changes its parts
 *
 * Opens the print dialog, from which the summary can be printed or
 * previewed. Returns at once; printing goes on in the background.
 */
void
accord_print_summary (GtkWindow     *parent,
                      AccordSummary *summary)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ACCORD_IS_SUMMARY (summary));

  operation = accord_print_operation_new (summary);
  job = g_object_get_data (G_OBJECT (operation), "accord-print-job");
  job->parent = parent;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &job->parent);

  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), job);

  /* Results and errors arrive through "done". */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

/* Export */

static void
export_to_file (GtkWindow     *parent,
                AccordSummary *summary,
                GFile         *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  double width, height;

  if (path == NULL)
    {
      show_error (parent, _("The PDF could not be saved"), _("Choose a folder on this computer."));
      return;
    }

  remembered_page_size (&width, &height);
  if (!accord_export_pdf (summary, path, width, height, &error))
    show_error (parent, _("The PDF could not be saved"), error->message);
}

static char *
suggested_name (AccordSummary *summary)
{
  const char *title = accord_pack_get_title (accord_summary_get_pack (summary));
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Summary"));

  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, ".pdf", NULL);
}

static GtkFileFilter *
pdf_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS  /* 4.10 API above the 4.8 floor */
typedef struct
{
  GtkWindow *parent;
  AccordSummary *summary;
} ExportJob;

static void
on_export_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    export_to_file (job->parent, job->summary, file);

  g_clear_object (&job->parent);
  g_object_unref (job->summary);
  g_free (job);
}

/**
 * accord_export_pdf_dialog:
 * @parent: (nullable): the window the save dialog belongs to
 * @summary: what to export
 *
 * Asks where to save, then writes the summary there as a PDF on the paper
 * of the last print (or the locale's). Errors are shown in a dialog.
 */
void
accord_export_pdf_dialog (GtkWindow     *parent,
                          AccordSummary *summary)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = pdf_filter ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = suggested_name (summary);
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ACCORD_IS_SUMMARY (summary));

  job = g_new0 (ExportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->summary = g_object_ref (summary);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Export PDF"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_save (dialog, parent, NULL, on_export_chosen, job);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    AccordSummary   *summary)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

      if (file != NULL)
        export_to_file (parent, summary, file);
    }

  g_object_unref (summary);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/**
 * accord_export_pdf_dialog:
 * @parent: (nullable): the window the save dialog belongs to
 * @summary: what to export
 *
 * Asks where to save, then writes the summary there as a PDF on the paper
 * of the last print (or the locale's). Errors are shown in a dialog.
 */
void
accord_export_pdf_dialog (GtkWindow     *parent,
                          AccordSummary *summary)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = pdf_filter ();
  g_autofree char *name = suggested_name (summary);

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (ACCORD_IS_SUMMARY (summary));

  dialog = gtk_file_chooser_native_new (_("Export PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (summary));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif
