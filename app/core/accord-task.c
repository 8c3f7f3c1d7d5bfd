/* accord-task.c: work on a thread that yields to the user interface
 *
 * Loading a large pack and indexing it keep a processor busy for seconds.
 * At the same priority as the main thread they take turns with it, and on
 * a machine with few processors the window then misses frames while the
 * loading bar is meant to move. Here that work runs at a lower priority,
 * so the main loop (and the renderer's threads, and the display server)
 * always comes first, and the work takes what is left, which is nearly
 * everything.
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include "accord-task.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  task_func;
} Job;

/* On Linux a priority belongs to a thread, and the threads it starts
 * inherit it. Elsewhere setpriority() would lower the whole process, so
 * the thread keeps its priority. */
static void
lower_priority (void)
{
#ifdef __linux__
  pid_t tid = (pid_t) syscall (SYS_gettid);
  int nice_value;

  errno = 0;
  nice_value = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    setpriority (PRIO_PROCESS, tid, MIN (nice_value + ACCORD_TASK_BACKGROUND_NICE, 19));
#endif
}

static gboolean
unref_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gpointer
run_job (gpointer data)
{
  Job *job = data;
  GTask *task = job->task;
  GTaskThreadFunc task_func = job->task_func;

  g_free (job);
  lower_priority ();
  task_func (task, g_task_get_source_object (task), g_task_get_task_data (task), g_task_get_cancellable (task));

  /* The callback may already have run: the last reference is dropped in
   * the task's context, so neither the task nor its source object (often
   * a widget) is ever finalized on this thread. */
  g_main_context_invoke (g_task_get_context (task), unref_task, task);
  return NULL;
}

/**
 * accord_task_run_in_background:
 * @task: a #GTask
 * @task_func: the work, which returns @task's result
 *
 * Like g_task_run_in_thread(), but on a thread of its own at a lower CPU
 * priority (%ACCORD_TASK_BACKGROUND_NICE), which ends with @task_func.
 * Not GLib's shared pool: a pool thread could not be given its priority
 * back, and GIO's own work would then wait behind the user interface too.
 *
 * @task's callback runs in the thread-default main context of the caller,
 * after @task_func has returned; g_task_set_return_on_cancel() has no
 * effect, but a cancelled @task still reports %G_IO_ERROR_CANCELLED.
 */
void
accord_task_run_in_background (GTask           *task,
                               GTaskThreadFunc  task_func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (task_func != NULL);

  job = g_new (Job, 1);
  job->task = g_object_ref (task);
  job->task_func = task_func;
  g_thread_unref (g_thread_new ("accord-background", run_job, job));
}
