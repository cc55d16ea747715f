/* bench-ui-views.c — how the Diagram and Trends views keep up, under Xvfb
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. Edit-to-updated-plot latency for a 52-week, 4-days-a-week programme:
 *    from an edit of the document to the end of the Trends plot's first
 *    frame that shows the new timeline (goal: under one 60 Hz frame).
 * 2. Diagram frame times at 1920 × 1080 while animating: the frame clock's
 *    paint work per frame and the interval between frames (goal: no frame
 *    over 16 ms), beside a trivial animation of the same size that shows
 *    what the toolkit and display cost without any figure (it repaints the
 *    whole window each frame, which the diagram view avoids by handing GTK
 *    only the tiles that changed; the bench prints how many).
 * 3. Start to the end of the window's first frame, and resident memory,
 *    of `neurolift EXAMPLE` beside a bare libadwaita window that this
 *    program builds itself (`--bare`), measured the same way (goal: within
 *    15 % / 30 MB); also to the window complete (what the first frame
 *    puts off, drawn), and against the bare window started with
 *    neurolift's own start-up measures (`--bare-tuned`), which shows what
 *    the window's content costs.
 *
 * Prints numbers; asserts nothing.  Arguments (edit, frames, startup) run
 * only those parts.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "nl-diagram-page.h"
#include "nl-figure.h"
#include "nl-first-frame.h"
#include "nl-icon-preload.h"
#include "nl-theme-start.h"
#include "nl-trends-page.h"

#define EDITS        60
#define ANIMATE_S    3.0
#define IDLE_PAIRS   11   /* start-ups after an idle second and a half */
#define WARM_PAIRS   15   /* start-ups back to back */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  qsort (values->data, values->len, sizeof (double), compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

/* CPU time of this process (all threads), ms: unlike wall time it does
 * not grow when other programs share the cores. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
spin_ms (double ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static NlProgram *
build_year_program (void)
{
  NlProgram *program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 52);
  static const guint days[] = { 1, 2, 4, 5 };
  static const char * const exercises[] = { "knee-extension", "leg-press", "biceps-curl" };

  nl_program_set_title (program, "52 weeks");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(NlSession) session = nl_session_new (days[i]);

      for (guint e = 0; e < G_N_ELEMENTS (exercises); e++)
        {
          g_autoptr(NlSetGroup) sets = nl_set_group_new (exercises[e]);

          nl_set_group_set_count (sets, 3);
          nl_set_group_set_reps (sets, 8);
          nl_set_group_set_load_pct (sets, 75);
          nl_session_insert_sets (session, e, sets);
        }
      nl_phase_insert_session (phase, i, session);
    }
  nl_program_insert_phase (program, 0, phase);
  return program;
}

/* 1. Edit → plot. */

typedef struct {
  NlTrendView *view;
  double       timeline_at;
  guint        frames_at_timeline;
} EditProbe;

static void
timeline_cb (NlSimulation *simulation,
             GParamSpec   *pspec,
             EditProbe    *probe)
{
  probe->timeline_at = now_ms ();
  probe->frames_at_timeline = nl_trend_view_get_frame_count (probe->view);
}

static void
bench_edit_latency (void)
{
  g_autoptr(NlProgram) program = build_year_program ();
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  NlTrendsPage *page = NL_TRENDS_PAGE (nl_trends_page_new ());
  EditProbe probe = { nl_trends_page_get_view (page), 0, 0 };
  NlSetGroup *sets;
  guint over = 0, n_tiles = 0;

  {
    g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (nl_program_get_phase (program, 0)), 0);
    g_autoptr(NlSetGroup) first = g_list_model_get_item (nl_session_get_sets (session), 0);
    sets = first;
  }

  nl_simulation_set_program (simulation, program);
  nl_trends_page_set_simulation (page, simulation);
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  nl_simulation_wait (simulation);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  spin_ms (200);

  g_signal_connect (simulation, "notify::timeline", G_CALLBACK (timeline_cb), &probe);

  for (guint i = 0; i < EDITS; i++)
    {
      double start, end;

      probe.timeline_at = 0;
      start = now_ms ();
      nl_set_group_set_reps (sets, 8 + (i % 2 == 0 ? 1 : 0));
      while (probe.timeline_at == 0
             || nl_trend_view_get_frame_count (probe.view) <= probe.frames_at_timeline)
        g_main_context_iteration (NULL, TRUE);
      end = now_ms ();

      g_array_append_vals (total, &(double) { end - start }, 1);
      g_array_append_vals (model, &(double) { probe.timeline_at - start }, 1);
      g_array_append_vals (paint, &(double) { end - probe.timeline_at }, 1);
      g_array_append_vals (draw, &(double) { nl_trend_view_get_last_draw_us (probe.view) / 1000.0 }, 1);
      g_array_append_vals (changed, &(double) { nl_trend_view_get_changed_tiles (probe.view, &n_tiles) }, 1);
      if (end - start > 1000.0 / 60)
        over++;
      spin_ms (30 + g_random_int_range (0, 17));
    }

  printf ("edit-to-plot latency, 52-week programme (%u days, 3 exercises x 4 days/week), %d edits:\n",
          nl_timeline_get_n_days (nl_simulation_get_timeline (simulation)), EDITS);
  printf ("  total          median %.2f ms  p90 %.2f ms  max %.2f ms  (goal < 16.7 ms; %u of %d over)\n",
          percentile (total, 0.5), percentile (total, 0.9), percentile (total, 1.0), over, EDITS);
  printf ("  edit->timeline median %.2f ms  (debounce %d ms + snapshot + model on a worker)\n",
          percentile (model, 0.5), NL_SIMULATION_DEBOUNCE_MS);
  printf ("  timeline->drawn median %.2f ms  (wait for the next frame + plot build + paint)\n",
          percentile (paint, 0.5));
  printf ("  plot snapshot  median %.2f ms  (draw into an image, replace the tiles that changed)\n",
          percentile (draw, 0.5));
  printf ("  tiles redrawn  median %.0f of %u\n", percentile (changed, 0.5), n_tiles);

  gtk_window_destroy (window);
}

/* 2. Diagram frames. */

typedef struct {
  double  before;
  double  last_after;
  GArray *work;
  GArray *interval;
} FrameProbe;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameProbe    *probe)
{
  probe->before = now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameProbe    *probe)
{
  double now = now_ms ();

  if (probe->before > 0)
    g_array_append_vals (probe->work, &(double) { now - probe->before }, 1);
  if (probe->last_after > 0)
    g_array_append_vals (probe->interval, &(double) { now - probe->last_after }, 1);
  probe->last_after = now;
}

static void
bench_diagram_frames (NlTimeline *timeline,
                      gboolean    compare)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interval = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(NlDiagramState) before = NULL;
  g_autoptr(NlDiagramState) after = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  NlDiagramView *view = NL_DIAGRAM_VIEW (nl_diagram_view_new ());
  FrameProbe probe = { 0, 0, work, interval };
  GdkFrameClock *clock;
  gulong before_id, after_id;
  double end, cpu_start, cpu_used;
  guint frames = 0, over_work = 0, over_interval = 0, n_tiles = 0;
  guint track = nl_timeline_get_default_track (timeline);

  before = nl_figure_diagram_state_new (timeline, track, 0, 0.8, NULL);
  after = nl_figure_diagram_state_new (timeline, track, 56, 0.8, NULL);
  nl_diagram_view_set_states (view, compare ? before : after, compare ? after : NULL);

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  spin_ms (200);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &probe);
  after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);

  nl_diagram_view_set_playing (view, TRUE);
  cpu_start = cpu_ms ();
  end = now_ms () + ANIMATE_S * 1000;
  while (now_ms () < end)
    {
      guint count = nl_diagram_view_get_frame_count (view);

      g_main_context_iteration (NULL, TRUE);
      if (nl_diagram_view_get_frame_count (view) != count)
        {
          g_array_append_vals (draw, &(double) { nl_diagram_view_get_last_draw_us (view) / 1000.0 }, 1);
          g_array_append_vals (changed, &(double) { nl_diagram_view_get_changed_tiles (view, &n_tiles) }, 1);
        }
    }
  nl_diagram_view_set_playing (view, FALSE);
  cpu_used = cpu_ms () - cpu_start;
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);

  frames = work->len;
  for (guint i = 0; i < work->len; i++)
    over_work += g_array_index (work, double, i) > 16.0;
  for (guint i = 0; i < interval->len; i++)
    over_interval += g_array_index (interval, double, i) > 1000.0 / 60 * 1.5;

  printf ("diagram %s at %dx%d, animating %.0f s (renderer %s): %u frames, %.1f fps\n",
          compare ? "compare (two days)" : "single", gtk_widget_get_width (GTK_WIDGET (view)),
          gtk_widget_get_height (GTK_WIDGET (view)), ANIMATE_S,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))), frames, frames / ANIMATE_S);
  printf ("  diagram snapshot (cairo drawing) median %.2f ms  p99 %.2f ms  max %.2f ms\n",
          percentile (draw, 0.5), percentile (draw, 0.99), percentile (draw, 1.0));
  printf ("  tiles redrawn per frame          median %.0f  max %.0f  of %u\n",
          percentile (changed, 0.5), percentile (changed, 1.0), n_tiles);
  printf ("  frame paint work                 median %.2f ms  p99 %.2f ms  max %.2f ms  (%u over 16 ms; goal 0)\n",
          percentile (work, 0.5), percentile (work, 0.99), percentile (work, 1.0), over_work);
  printf ("  frame interval                   median %.2f ms  max %.2f ms  (%u missed a 60 Hz slot)\n",
          percentile (interval, 0.5), percentile (interval, 1.0), over_interval);
  printf ("  process CPU per frame            %.2f ms  (independent of other load; the X server's share not included)\n",
          frames > 0 ? cpu_used / frames : 0);

  gtk_window_destroy (window);
}

/* The same measurement for a trivial full-window animation: what GTK, the
 * renderer and the display cost by themselves at this size. */
static void
draw_reference_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  guint *n = user_data;

  (*n)++;
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.94);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.0, 0.45, 0.7);
  for (guint i = 0; i < 120; i++)
    {
      cairo_arc (cr, (i * 37 + *n * 3) % width, (i * 53) % height, 12, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static gboolean
reference_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
bench_reference_frames (void)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interval = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *area = gtk_drawing_area_new ();
  FrameProbe probe = { 0, 0, work, interval };
  GdkFrameClock *clock;
  gulong before_id, after_id;
  guint n = 0, over = 0;
  double end, cpu_start, cpu_used;

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_reference_cb, &n, NULL);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_set_child (window, area);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  clock = gtk_widget_get_frame_clock (area);
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &probe);
  after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  gtk_widget_add_tick_callback (area, reference_tick_cb, NULL, NULL);
  cpu_start = cpu_ms ();
  end = now_ms () + ANIMATE_S * 1000;
  while (now_ms () < end)
    g_main_context_iteration (NULL, TRUE);
  cpu_used = cpu_ms () - cpu_start;
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);

  for (guint i = 0; i < work->len; i++)
    over += g_array_index (work, double, i) > 16.0;
  printf ("reference: trivial full-window animation (120 circles) at 1920x1080: %u frames\n", work->len);
  printf ("  frame paint work                 median %.2f ms  p99 %.2f ms  max %.2f ms  (%u over 16 ms)\n",
          percentile (work, 0.5), percentile (work, 0.99), percentile (work, 1.0), over);
  printf ("  process CPU per frame            %.2f ms\n", work->len > 0 ? cpu_used / work->len : 0);
  gtk_window_destroy (window);
}

/* 3. Start-up: exec → first frame of the window, and RSS, for two programs.
 *
 * Both programs are told by NEUROLIFT_FIRST_FRAME=print to print the
 * monotonic time at which their window's first frame has been painted
 * (nl-first-frame.c; the bare window uses the same code), so both are
 * measured from the fork to the end of that first frame: for neurolift the
 * first frame that shows the example with its diagram (drawn once the model,
 * which runs in the background, has given its timeline).
 * Watching for the window to be mapped instead would stop the clock before
 * anything was drawn. */

static double
rss_mb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

/* Reads the child's standard output until the complete line (or until
 * @deadline, monotonic µs); returns the time the first-frame line names,
 * or 0, and the processor time the child had used by then in @cpu_us, its
 * main thread's in @main_cpu_us, and the time the complete line names in
 * @complete (0 without one). */
static gint64
read_frames (int     fd,
             gint64  deadline,
             gint64 *cpu_us,
             gint64 *main_cpu_us,
             gint64 *complete)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 first = 0;

  while (g_get_monotonic_time () < deadline)
    {
      GPollFD pfd = { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      const char *line;
      char buffer[256];
      gssize n;

      if (g_poll (&pfd, 1, 100) <= 0)
        continue;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return 0;
      g_string_append_len (out, buffer, n);
      line = strstr (out->str, "first-frame-us ");
      if (first == 0 && line != NULL && strchr (line, '\n') != NULL)
        {
          const char *cpu = strstr (line, " cpu-us ");
          const char *main_cpu = strstr (line, " main-cpu-us ");

          /* The rest comes within moments, or not at all. */
          deadline = MIN (deadline, g_get_monotonic_time () + 3 * G_USEC_PER_SEC);
          *cpu_us = cpu ? g_ascii_strtoll (cpu + strlen (" cpu-us "), NULL, 10) : 0;
          *main_cpu_us = main_cpu ? g_ascii_strtoll (main_cpu + strlen (" main-cpu-us "), NULL, 10) : 0;
          first = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10);
        }
      line = strstr (out->str, "complete-us ");
      if (first != 0 && line != NULL && strchr (line, '\n') != NULL)
        {
          *complete = g_ascii_strtoll (line + strlen ("complete-us "), NULL, 10);
          return first;
        }
    }
  return first;
}

/* Returns FALSE when the program never drew a window.  With @rss NULL the
 * program is stopped at once after its first frame. */
static gboolean
measure_start (char  **argv,
               double *first_frame_ms,
               double *complete_ms,
               double *cpu_ms,
               double *main_cpu_ms,
               double *rss)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "NEUROLIFT_FIRST_FRAME", "print", TRUE);
  gint64 start, frame, complete = 0, cpu_us = 0, main_cpu_us = 0;
  GPid pid;
  int out_fd;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      printf ("  cannot start %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  frame = read_frames (out_fd, start + 10 * G_USEC_PER_SEC, &cpu_us, &main_cpu_us, &complete);
  *first_frame_ms = (frame - start) / 1000.0;
  *complete_ms = complete > start ? (complete - start) / 1000.0 : 0;
  *cpu_ms = cpu_us / 1000.0;
  *main_cpu_ms = main_cpu_us / 1000.0;
  if (rss != NULL)
    {
      /* 1.5 s after the first frame: later frames, fonts, idle work settled. */
      gint64 settle = frame + 1500 * 1000 - g_get_monotonic_time ();

      if (settle > 0)
        g_usleep (settle);
      *rss = rss_mb (pid);
    }
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  close (out_fd);
  return frame > start;
}

typedef struct {
  GArray *ms, *complete, *cpu, *main_cpu, *rss;
} StartRuns;

static void
start_runs_init (StartRuns *runs)
{
  runs->ms = g_array_new (FALSE, FALSE, sizeof (double));
  runs->complete = g_array_new (FALSE, FALSE, sizeof (double));
  runs->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  runs->main_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  runs->rss = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
start_runs_clear (StartRuns *runs)
{
  g_array_unref (runs->ms);
  g_array_unref (runs->complete);
  g_array_unref (runs->cpu);
  g_array_unref (runs->main_cpu);
  g_array_unref (runs->rss);
}

/* Runs @argv once and keeps its numbers; returns its wall time, or 0. */
static double
start_once (char      **argv,
            StartRuns  *runs,
            gboolean    with_rss)
{
  double ms, complete, cpu, main_cpu, rss;

  if (!measure_start (argv, &ms, &complete, &cpu, &main_cpu, with_rss ? &rss : NULL))
    return 0;
  g_array_append_vals (runs->ms, &ms, 1);
  if (complete > 0)
    g_array_append_vals (runs->complete, &complete, 1);
  g_array_append_vals (runs->cpu, &cpu, 1);
  g_array_append_vals (runs->main_cpu, &main_cpu, 1);
  if (with_rss)
    g_array_append_vals (runs->rss, &rss, 1);
  return ms;
}

static double
percent_over (double a,
              double b)
{
  return b > 0 ? 100 * (a / b - 1) : 0;
}

/* Runs @n pairs, alternating which of the two goes first (ABBA), so that
 * a change in the machine's load hits both alike; each pair gives one
 * ratio.  With @idle each program is left running for a while (and its
 * memory read) before the next starts, as when a person starts it. */
static void
run_pairs (char      **app_argv,
           char      **bare_argv,
           guint       n,
           gboolean    idle,
           StartRuns  *app,
           StartRuns  *bare,
           GArray     *ratios)
{
  for (guint i = 0; i < n; i++)
    {
      double app_ms, bare_ms;

      if (i % 2 == 0)
        {
          bare_ms = start_once (bare_argv, bare, idle);
          app_ms = start_once (app_argv, app, idle);
        }
      else
        {
          app_ms = start_once (app_argv, app, idle);
          bare_ms = start_once (bare_argv, bare, idle);
        }
      if (app_ms > 0 && bare_ms > 0)
        {
          double ratio = percent_over (app_ms, bare_ms);

          g_array_append_vals (ratios, &ratio, 1);
        }
    }
}

static void
print_pairs (const char *title,
             StartRuns  *app,
             StartRuns  *bare,
             GArray     *ratios)
{
  double a = percentile (app->ms, 0.5), b = percentile (bare->ms, 0.5);

  printf ("  %s, %u pairs:\n", title, ratios->len);
  printf ("    neurolift with an example  median %.0f ms (min %.0f)\n", a, percentile (app->ms, 0));
  printf ("    bare libadwaita window     median %.0f ms (min %.0f)\n", b, percentile (bare->ms, 0));
  printf ("    difference                 %+.0f %% per pair (median; quartiles %+.0f %% and %+.0f %%)"
          "  (goal within 15 %%)\n",
          percentile (ratios, 0.5), percentile (ratios, 0.25), percentile (ratios, 0.75));
  /* Neurolift builds what its first frame does not show (the selected
   * item's form, the rest of the outline and of the explanations) right
   * after it (nl-defer.h); the bare window has nothing to put off. */
  printf ("    window complete            neurolift %.0f ms, bare %.0f ms (%+.0f %%; medians of %u and %u runs)\n",
          percentile (app->complete, 0.5), percentile (bare->complete, 0.5),
          percent_over (percentile (app->complete, 0.5), percentile (bare->complete, 0.5)),
          app->complete->len, bare->complete->len);
  printf ("    processor time, all threads:  neurolift %.0f ms, bare %.0f ms (%+.0f %%)\n",
          percentile (app->cpu, 0.5), percentile (bare->cpu, 0.5),
          percent_over (percentile (app->cpu, 0.5), percentile (bare->cpu, 0.5)));
  printf ("    processor time, main thread:  neurolift %.0f ms, bare %.0f ms (%+.0f %%)\n",
          percentile (app->main_cpu, 0.5), percentile (bare->main_cpu, 0.5),
          percent_over (percentile (app->main_cpu, 0.5), percentile (bare->main_cpu, 0.5)));
}

static void
bench_startup (const char *self_path)
{
  const char *neurolift = g_getenv ("NEUROLIFT");
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "novice-full-body.neurolift", NULL);
  g_autoptr(GArray) idle_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  char *app_argv[] = { (char *) neurolift, example, NULL };
  g_autoptr(GArray) tuned_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  char *bare_argv[] = { (char *) self_path, (char *) "--bare", NULL };
  char *tuned_argv[] = { (char *) self_path, (char *) "--bare-tuned", NULL };
  StartRuns idle_app, idle_bare, warm_app, warm_bare, tuned_app, tuned_bare;
  double ar, br;

  /* A window showing why the file could not be opened is cheap: the
   * numbers would flatter (as they did until this check, for a path one
   * level off). */
  if (!g_file_test (example, G_FILE_TEST_IS_REGULAR))
    {
      printf ("start-up: cannot measure, no example at %s\n", example);
      return;
    }
  if (neurolift == NULL)
    {
      printf ("start-up: skipped (needs $NEUROLIFT)\n");
      return;
    }

  start_runs_init (&idle_app);
  start_runs_init (&idle_bare);
  start_runs_init (&warm_app);
  start_runs_init (&warm_bare);
  start_runs_init (&tuned_app);
  start_runs_init (&tuned_bare);
  run_pairs (app_argv, bare_argv, IDLE_PAIRS, TRUE, &idle_app, &idle_bare, idle_ratios);
  run_pairs (app_argv, bare_argv, WARM_PAIRS, FALSE, &warm_app, &warm_bare, warm_ratios);
  run_pairs (app_argv, tuned_argv, WARM_PAIRS, FALSE, &tuned_app, &tuned_bare, tuned_ratios);

  /* The two kinds differ: after an idle moment both programs start
   * slower (caches, the virtual processor's clock), which shrinks the
   * difference in per cent; back to back shows the work itself. */
  printf ("start-up to the window's first frame (fork → end of the first frame that shows the example):\n");
  print_pairs ("after an idle 1.5 s, as when a person starts it", &idle_app, &idle_bare, idle_ratios);
  print_pairs ("back to back", &warm_app, &warm_bare, warm_ratios);
  /* Part of neurolift's lead is that it spares two costs of the toolkit
   * that the bare window pays (nl-theme-start.h, nl-icon-preload.h): the
   * same bare window with both shows what the window's content costs. */
  print_pairs ("back to back, against the bare window started as neurolift starts"
               " (the empty theme first, icons read on a worker)",
               &tuned_app, &tuned_bare, tuned_ratios);
  ar = percentile (idle_app.rss, 0.5), br = percentile (idle_bare.rss, 0.5);
  printf ("  resident memory 1.5 s after the first frame: neurolift %.1f MB, bare %.1f MB (%+.1f MB; goal within 30 MB)\n",
          ar, br, ar - br);
  start_runs_clear (&idle_app);
  start_runs_clear (&idle_bare);
  start_runs_clear (&warm_app);
  start_runs_clear (&warm_bare);
  start_runs_clear (&tuned_app);
  start_runs_clear (&tuned_bare);
}

/* The reference: what libadwaita costs by itself. */
static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Reference"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Reference");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  nl_first_frame_watch (GTK_WINDOW (window), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
bare_startup_cb (GApplication *app)
{
  nl_icon_preload_start (gdk_display_get_default ());
}

/* With @tuned, started with neurolift's two start-up measures. */
static int
run_bare (gboolean tuned)
{
  g_autoptr(AdwApplication) app = NULL;

  if (tuned)
    nl_theme_start ();
  app = adw_application_new ("io.github.neurolift.BenchReference", G_APPLICATION_NON_UNIQUE);
  if (tuned)
    g_signal_connect_after (app, "startup", G_CALLBACK (bare_startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* With no arguments every part runs. */
static gboolean
wanted (int          argc,
        char       **argv,
        const char  *part)
{
  return argc <= 1 || g_strv_contains ((const char * const *) argv + 1, part);
}

int
main (int argc, char *argv[])
{
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(NlSimulation) simulation = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare (FALSE);
  if (argc > 1 && g_str_equal (argv[1], "--bare-tuned"))
    return run_bare (TRUE);

  if (!g_getenv ("DISPLAY"))
    {
      printf ("ui benchmarks need a display (run under xvfb-run)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (wanted (argc, argv, "edit"))
    bench_edit_latency ();

  if (wanted (argc, argv, "frames"))
    {
      program = build_year_program ();
      simulation = nl_simulation_new ();
      nl_simulation_set_program (simulation, program);
      nl_simulation_wait (simulation);
      bench_reference_frames ();
      bench_diagram_frames (nl_simulation_get_timeline (simulation), FALSE);
      bench_diagram_frames (nl_simulation_get_timeline (simulation), TRUE);
    }

  if (wanted (argc, argv, "startup"))
    bench_startup (argv[0]);
  return 0;
}
