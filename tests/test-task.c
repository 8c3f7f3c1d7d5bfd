/* test-task.c: background work that yields to the user interface
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "accord-core.h"

typedef struct
{
  GThread  *main_thread;
  GThread  *work_thread;
  int       work_nice;
  int       child_nice;
  gboolean  work_done;     /* set by the work, read by the callback */
  gboolean  callback_ran;
  gboolean  callback_after_work;
  char     *result;
  GError   *error;
  GThread  *finalized_on;  /* the thread that dropped the source object */
  guint     linger_ms;     /* the work keeps its thread this long after returning */
} Run;

static int
current_nice (void)
{
#ifdef __linux__
  errno = 0;
  return getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
#else
  return 0;
#endif
}

static gpointer
read_nice (gpointer data)
{
  *(int *) data = current_nice ();
  return NULL;
}

static void
work (GTask        *task,
      gpointer      source_object,
      gpointer      task_data,
      GCancellable *cancellable)
{
  Run *run = task_data;

  run->work_thread = g_thread_self ();
  run->work_nice = current_nice ();
  /* A thread the work starts (the index's shards) inherits the priority. */
  g_thread_join (g_thread_new ("child", read_nice, &run->child_nice));
  g_atomic_int_set (&run->work_done, TRUE);

  g_task_return_pointer (task, g_strdup ("done"), g_free);
  /* The callback may now run, and drop its reference, before this thread
   * lets go of the task. */
  g_usleep (run->linger_ms * 1000);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  run->callback_ran = TRUE;
  run->callback_after_work = g_atomic_int_get (&run->work_done);
  run->result = g_task_propagate_pointer (G_TASK (result), &run->error);
}

static void
on_source_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  g_atomic_pointer_set (&((Run *) data)->finalized_on, g_thread_self ());
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Starts the work with a source object, drops every reference but the
 * task's, and runs the main loop until the source object is gone. */
static void
run_task (Run          *run,
          GCancellable *cancellable)
{
  GObject *source = g_object_new (G_TYPE_OBJECT, NULL);
  GTask *task = g_task_new (source, cancellable, on_done, run);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick;

  run->main_thread = g_thread_self ();
  g_object_weak_ref (source, on_source_finalized, run);
  g_task_set_task_data (task, run, NULL);
  accord_task_run_in_background (task, work);
  g_object_unref (task);
  g_object_unref (source);

  /* A tick, so that the loop also wakes when the object goes on another
   * thread, and a deadline. */
  tick = g_timeout_add (10, keep_going, NULL);
  while (g_atomic_pointer_get (&run->finalized_on) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static void
test_task_background (void)
{
  Run run = { 0 };
  int caller_nice = current_nice ();

  run_task (&run, NULL);

  g_assert_true (run.callback_ran);
  g_assert_true (run.callback_after_work);
  g_assert_no_error (run.error);
  g_assert_cmpstr (run.result, ==, "done");
  g_assert_nonnull (run.work_thread);
  g_assert_true (run.work_thread != run.main_thread);
#ifdef __linux__
  g_assert_cmpint (run.work_nice, ==, MIN (caller_nice + ACCORD_TASK_BACKGROUND_NICE, 19));
  g_assert_cmpint (run.child_nice, ==, run.work_nice);
#endif
  /* The caller's own priority is untouched. */
  g_assert_cmpint (current_nice (), ==, caller_nice);
  g_free (run.result);
}

static void
test_task_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };

  g_cancellable_cancel (cancellable);
  run_task (&run, cancellable);

  g_assert_true (run.callback_ran);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.result);
  g_clear_error (&run.error);
}

/* The work's thread holds the last reference when the callback has
 * already run: the task, and with it its source object (in Accord a
 * widget), must still be finalized on the main thread. */
static void
test_task_finalized_in_context (void)
{
  Run run = { .linger_ms = 100 };

  run_task (&run, NULL);

  g_assert_true (run.callback_ran);
  g_assert_true (run.finalized_on == run.main_thread);
  g_free (run.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task/background", test_task_background);
  g_test_add_func ("/task/cancelled", test_task_cancelled);
  g_test_add_func ("/task/finalized-in-context", test_task_finalized_in_context);

  return g_test_run ();
}
