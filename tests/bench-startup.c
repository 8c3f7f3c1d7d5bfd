/* bench-startup.c: Accord's start-up against a bare GTK window
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-startup BARE ACCORD [RUNS]   (needs an X display: run it
 * under xvfb-run or ../shared/tools/xsession)
 *
 * Starts BARE (bare-window: a GtkApplicationWindow with one label) and
 * ACCORD alternately, RUNS times each (15 by default) after one warm-up
 * run of each, and times each from the exec:
 *
 *  - until its window is mapped (viewable): what ../shared/tools/startup-ratio
 *    times, but told by the X server's MapNotify event instead of polling
 *    with a new xdotool every 5 ms, which on two processors slows the
 *    program being timed;
 *  - until the window's first frame is drawn: the first damage to the
 *    window after the map (XDamage; the damage object is made once the map
 *    is done, so the server clearing the window does not count);
 *  - the CPU time of the program's main thread until that frame, which the
 *    other processes of a busy machine disturb much less than the clock.
 *
 * Prints each run, the medians and the ratios Accord / bare. Nothing is
 * asserted: this prints figures.
 */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/extensions/Xdamage.h>

#include "accord-bench-util.h"

#define TIMEOUT_MS 20000

typedef struct
{
  double mapped;     /* ms from the exec */
  double drawn;      /* ms from the exec */
  double main_cpu;   /* ms of the main thread's CPU until drawn */
} Run;

static int damage_event_base;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  /* The windows watched belong to another client and may go away (or be
   * input-only) at any time. */
  return 0;
}

static Bool
is_damage_report (Display  *display,
                  XEvent   *event,
                  XPointer  window)
{
  return event->type == damage_event_base + XDamageNotify &&
         ((XDamageNotifyEvent *) event)->drawable == *(Window *) window;
}

/* The pid a window's owner set in _NET_WM_PID (GDK does, for toplevels), or 0. */
static GPid
window_pid (Display *display,
            Window   window)
{
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  GPid pid = 0;

  if (XGetWindowProperty (display, window, XInternAtom (display, "_NET_WM_PID", False), 0, 1, False,
                          XA_CARDINAL, &type, &format, &n, &after, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n == 1)
    pid = (GPid) *(unsigned long *) data;
  if (data)
    XFree (data);
  return pid;
}

/* The main thread's CPU time (the first field of /proc/PID/schedstat, in ns). */
static double
main_thread_cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/schedstat", (int) pid);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  return g_ascii_strtod (contents, NULL) / 1e6;
}

static Run
start_once (Display    *display,
            const char *program)
{
  const char *argv[] = { program, NULL };
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  Window window = None;
  Damage damage = None;
  double start, deadline;
  GPid pid;
  int status;

  start = now_ms ();
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", program, error->message);

  deadline = start + TIMEOUT_MS;
  while (run.drawn == 0)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      if (now_ms () > deadline)
        g_error ("%s: no window drawn within %d s", program, TIMEOUT_MS / 1000);
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("%s ended before its window was drawn", program);
      if (!XPending (display))
        {
          poll (&fd, 1, 50);
          continue;
        }

      XEvent event;
      XNextEvent (display, &event);
      if (event.type == MapNotify && window == None && !event.xmap.override_redirect &&
          window_pid (display, event.xmap.window) == pid)
        {
          run.mapped = now_ms () - start;
          window = event.xmap.window;
          /* A new damage object starts with the whole window damaged: clear
           * it, and drop its report. */
          damage = XDamageCreate (display, window, XDamageReportNonEmpty);
          XDamageSubtract (display, damage, None, None);
          XSync (display, False);
          while (XCheckIfEvent (display, &event, is_damage_report, (XPointer) &window))
            ;
        }
      else if (window != None && is_damage_report (display, &event, (XPointer) &window))
        {
          run.drawn = now_ms () - start;
          run.main_cpu = main_thread_cpu_ms (pid);
        }
    }

  XDamageDestroy (display, damage);
  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  /* Whatever is left of the window's events. */
  XSync (display, True);
  return run;
}

static double
median (const Run *runs,
        guint      n,
        gsize      offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &runs[i], offset);
  return accord_bench_percentile (values, n, 50);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; gsize offset; } measures[] = {
    { "window mapped (startup-ratio's measure)", G_STRUCT_OFFSET (Run, mapped) },
    { "first frame drawn", G_STRUCT_OFFSET (Run, drawn) },
    { "main thread CPU to the first frame", G_STRUCT_OFFSET (Run, main_cpu) },
  };
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree Run *bare = NULL, *accord = NULL;
  Display *display;
  guint runs;
  int error_base;

  if (argc < 3)
    {
      g_printerr ("usage: %s BARE ACCORD [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 15;
  if (runs == 0)
    runs = 1;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("bench-startup: no X display (run it under xvfb-run)\n");
      return 77;
    }
  if (!XDamageQueryExtension (display, &damage_event_base, &error_base))
    {
      g_printerr ("bench-startup: the X server has no DAMAGE extension\n");
      return 77;
    }
  XSetErrorHandler (ignore_x_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  /* Both programs talk to a session bus, as on a desktop; give them one of
   * their own if there is none (GTestDBus unsets DISPLAY: set it back). */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_autofree char *x_display = g_strdup (g_getenv ("DISPLAY"));

      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      /* As a session's bus does, it starts the services installed (the
       * accessibility bus, which GTK asks for). */
      for (const char * const *dir = g_get_system_data_dirs (); *dir; dir++)
        {
          g_autofree char *services = g_build_filename (*dir, "dbus-1", "services", NULL);

          if (g_file_test (services, G_FILE_TEST_IS_DIR))
            g_test_dbus_add_service_dir (bus, services);
        }
      g_test_dbus_up (bus);
      g_setenv ("DISPLAY", x_display, TRUE);
    }

  /* A warm-up run of each: the first start reads every library from disk. */
  start_once (display, argv[1]);
  start_once (display, argv[2]);

  bare = g_new0 (Run, runs);
  accord = g_new0 (Run, runs);
  g_print ("%u runs of each, alternating (after a warm-up run of each); ms from the exec\n", runs);
  g_print ("%5s %26s %26s\n", "", "bare: mapped drawn (CPU)", "accord: mapped drawn (CPU)");
  for (guint i = 0; i < runs; i++)
    {
      bare[i] = start_once (display, argv[1]);
      accord[i] = start_once (display, argv[2]);
      g_print ("%5u %12.0f %6.0f (%4.0f) %12.0f %6.0f (%4.0f)\n", i + 1,
               bare[i].mapped, bare[i].drawn, bare[i].main_cpu,
               accord[i].mapped, accord[i].drawn, accord[i].main_cpu);
    }

  g_print ("medians:\n");
  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    {
      double b = median (bare, runs, measures[m].offset);
      double a = median (accord, runs, measures[m].offset);

      g_print ("  %-40s accord %5.0f ms / bare %5.0f ms = %.2fx\n", measures[m].name, a, b, a / b);
    }

  if (bus)
    g_test_dbus_down (bus);
  XCloseDisplay (display);
  return 0;
}
