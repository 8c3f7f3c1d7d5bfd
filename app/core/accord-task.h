/* accord-task.h: work on a thread that yields to the user interface
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How much lower than the caller's a background thread's CPU priority is
 * (a nice increment, on Linux). */
#define ACCORD_TASK_BACKGROUND_NICE 10

void accord_task_run_in_background (GTask           *task,
                                    GTaskThreadFunc  task_func);

G_END_DECLS
