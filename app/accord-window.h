/* accord-window.h: the main window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accord-application.h"
#include "accord-compare-view.h"
#include "accord-table-view.h"
#include "accord-summary.h"

G_BEGIN_DECLS

#define ACCORD_TYPE_WINDOW (accord_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordWindow, accord_window, ACCORD, WINDOW, GtkApplicationWindow)

AccordWindow *accord_window_new       (AccordApplication *application);
AccordPack   *accord_window_get_pack  (AccordWindow      *self);
void          accord_window_set_pack  (AccordWindow      *self,
                                       AccordPack        *pack);
void          accord_window_open_file (AccordWindow      *self,
                                       GFile             *file);
AccordTopic  *accord_window_get_topic (AccordWindow      *self);
gboolean      accord_window_navigate  (AccordWindow      *self,
                                       const char        *location);
const char   *accord_window_get_location (AccordWindow   *self);
void          accord_window_set_pending_location (AccordWindow *self,
                                                  const char   *location);
AccordTableView   *accord_window_get_table_view   (AccordWindow *self);
AccordCompareView *accord_window_get_compare_view (AccordWindow *self);
AccordSummary *accord_window_create_summary      (AccordWindow *self);

G_END_DECLS
