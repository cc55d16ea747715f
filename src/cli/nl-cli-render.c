/* nl-cli-render.c — `neurolift render FILE --figure NAME -o OUT`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads a programme, runs the adaptation model and draws one figure (or the
 * frames of the animated diagram) with the same functions the window uses.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "nl-adaptation-model.h"
#include "nl-cli-private.h"
#include "nl-day-label.h"
#include "nl-error.h"
#include "nl-export.h"
#include "nl-figure.h"
#include "nl-program-xml.h"
#include "nl-program.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"

#define MAX_FRAMES 10000

typedef struct {
  NlFigure        figure;
  NlRenderStyle   style;
  NlDiagramState *state;
  NlDiagramState *compare_state;
  NlPlot         *plot;
} Figure;

static void
draw_figure (cairo_t  *cr,
             int       width,
             int       height,
             double    t,
             gpointer  user_data)
{
  Figure *f = user_data;

  if (f->plot != NULL)
    nl_trend_plot_draw (cr, f->plot, &f->style, width, height);
  else if (f->compare_state != NULL)
    nl_signal_diagram_draw_compare (cr, f->compare_state, f->state, t, &f->style, width, height);
  else
    nl_signal_diagram_draw (cr, f->state, t, &f->style, width, height);
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  char *end = NULL;
  gint64 w, h;

  if (text == NULL)
    return FALSE;
  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w < 64 || h < 64 || w > 16384 || h > 16384)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static NlTimeline *
run_model (const char         *path,
           guint               population,
           char              **title,
           NlProgramSnapshot **snapshot_out,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(NlProgram) program = NULL;
  NlProgramSnapshot *snapshot;
  NlModelOptions options;
  NlTimeline *timeline;

  program = nl_program_load_from_file (file, &diagnostics, error);
  if (program == NULL)
    {
      /* Name the first problem with its place; the validate command lists all. */
      if (diagnostics != NULL && diagnostics->len > 0)
        {
          NlDiagnostic *diag = g_ptr_array_index (diagnostics, 0);
          g_prefix_error (error, "%s:%u:%u: ", path, diag->line, diag->column);
        }
      return NULL;
    }
  if (diagnostics != NULL && diagnostics->len > 0)
    {
      g_autofree char *message = _nl_cli_describe_problems (path, diagnostics);

      g_set_error_literal (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_MEANING, message);
      return NULL;
    }
  snapshot = nl_program_create_snapshot (program, error);
  if (snapshot == NULL)
    return NULL;
  if (title != NULL)
    *title = g_strdup (snapshot->title);
  nl_model_options_init (&options);
  options.population = population;
  timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, error);
  if (snapshot_out != NULL && timeline != NULL)
    *snapshot_out = nl_program_snapshot_ref (snapshot);
  nl_program_snapshot_unref (snapshot);
  return timeline;
}

static int
find_track (const NlTimeline *timeline,
            const char       *muscle,
            const char       *side_text,
            guint            *track)
{
  NlSide side = NL_SIDE_RIGHT;
  int found;

  if (side_text != NULL && (!nl_side_from_string (side_text, &side) || side == NL_SIDE_BOTH))
    {
      g_printerr (_("neurolift render: --side must be left or right\n"));
      return NL_EXIT_USAGE;
    }
  if (muscle == NULL)
    {
      *track = nl_timeline_get_default_track (timeline);
      if (side_text != NULL && nl_timeline_get_track_side (timeline, *track) != side)
        *track = nl_timeline_get_other_side (timeline, *track);
      return NL_EXIT_OK;
    }
  found = nl_timeline_find_track (timeline, muscle, side);
  if (found < 0 && side_text == NULL)
    found = nl_timeline_find_track (timeline, muscle, NL_SIDE_LEFT);
  if (found < 0)
    {
      g_printerr (_("neurolift render: the programme does not train “%s”\n"), muscle);
      return NL_EXIT_FAILURE;
    }
  *track = (guint) found;
  return NL_EXIT_OK;
}

static void
figure_clear (Figure *f)
{
  g_clear_pointer (&f->state, nl_diagram_state_free);
  g_clear_pointer (&f->compare_state, nl_diagram_state_free);
  g_clear_pointer (&f->plot, nl_plot_free);
}

int
nl_cli_render (int    argc,
               char **argv)
{
  g_autofree char *figure_name = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *compare_file = NULL;
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;
  g_autofree char *names = nl_figure_list_names ();
  g_autofree char *figure_help = NULL;
  g_autofree char *title = NULL;
  g_autofree char *compare_title = NULL;
  g_autoptr(NlTimeline) timeline = NULL;
  g_autoptr(NlTimeline) compare = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out_file = NULL;
  int day = -1, compare_day = -1, frames = 0, population = 0, status;
  double effort = 80, fps = 30, scale = 1, t = 1.0, slow = 15;
  gboolean presentation = FALSE;
  int width = 1280, height = 720;
  NlExportFormat format = NL_EXPORT_PNG;
  NlTheme theme = NL_THEME_LIGHT;
  guint track = 0, n_days;
  Figure f = { 0 };

  figure_help = g_strdup_printf (_("Figure to draw: %s (default: diagram)"), names);
  {
    GOptionEntry entries[] = {
      { "figure", 0, 0, G_OPTION_ARG_STRING, &figure_name, figure_help, N_("NAME") },
      { "day", 0, 0, G_OPTION_ARG_INT, &day, N_("Day to show, as days elapsed since the start: 0 is week 1, day 1 and 8 is week 2, day 2 (default: the programme’s last day)"), N_("DAY") },
      { "effort", 0, 0, G_OPTION_ARG_DOUBLE, &effort,
        /* xgettext:no-c-format */
        N_("Effort in % of maximal (default 80)"), N_("PERCENT") },
      { "compare-day", 0, 0, G_OPTION_ARG_INT, &compare_day, N_("Draw this day (counted as --day counts) beside --day, the earlier on the left"), N_("DAY") },
      { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare_file, N_("Overlay a second programme on a plot"), N_("FILE") },
      { "muscle", 0, 0, G_OPTION_ARG_STRING, &muscle, N_("Catalogue muscle id (default: the most trained)"), N_("ID") },
      { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("left or right"), N_("SIDE") },
      { "population", 0, 0, G_OPTION_ARG_INT, &population, N_("Simulate N virtual trainees and draw 10th–90th percentile bands"), N_("N") },
      { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name, N_("light or dark"), N_("THEME") },
      { "presentation", 0, 0, G_OPTION_ARG_NONE, &presentation, N_("Large text for a projector"), NULL },
      { "size", 0, 0, G_OPTION_ARG_STRING, &size_text, N_("Figure size (default 1280x720)"), N_("WxH") },
      { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per unit for PNG (2 for HiDPI)"), N_("S") },
      { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg or pdf (default: from OUT)"), N_("FORMAT") },
      { "time", 0, 0, G_OPTION_ARG_DOUBLE, &t, N_("Animation time of a still diagram, s"), N_("T") },
      { "slow", 0, 0, G_OPTION_ARG_DOUBLE, &slow, N_("Animation runs this many times slower than life (default 15)"), N_("F") },
      { "frames", 0, 0, G_OPTION_ARG_INT, &frames, N_("Write N numbered PNG frames into the folder OUT"), N_("N") },
      { "fps", 0, 0, G_OPTION_ARG_DOUBLE, &fps, N_("Frames per second (default 30)"), N_("F") },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Output file (folder with --frames)"), N_("OUT") },
      G_OPTION_ENTRY_NULL
    };

    if (!_nl_cli_parse_options (&argc, &argv, _("FILE"),
                                _("Draws a figure of a programme's predicted adaptations: the "
                                  "animated motor-cortex-to-muscle diagram or a trend plot."),
                                entries))
      return NL_EXIT_USAGE;
  }

  /* The command line first: every usage error before any work. */
  if (argc != 2)
    {
      g_printerr (_("neurolift render: name one programme file\n"));
      return NL_EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr (_("neurolift render: say where to write with -o OUT\n"));
      return NL_EXIT_USAGE;
    }
  if (figure_name != NULL && !nl_figure_from_string (figure_name, &f.figure))
    {
      g_printerr (_("neurolift render: unknown figure “%s” (one of %s)\n"), figure_name, names);
      return NL_EXIT_USAGE;
    }
  if (theme_name != NULL && !nl_theme_from_string (theme_name, &theme))
    {
      g_printerr (_("neurolift render: --theme must be light or dark\n"));
      return NL_EXIT_USAGE;
    }
  if (size_text != NULL && !parse_size (size_text, &width, &height))
    {
      g_printerr (_("neurolift render: --size must be WIDTHxHEIGHT, each 64 to 16384\n"));
      return NL_EXIT_USAGE;
    }
  if (format_name != NULL && !nl_export_format_from_string (format_name, &format))
    {
      g_printerr (_("neurolift render: --format must be png, svg or pdf\n"));
      return NL_EXIT_USAGE;
    }
  if (format_name == NULL && frames == 0 && !nl_export_format_from_path (output, &format))
    {
      g_printerr (_("neurolift render: end OUT in .png, .svg or .pdf, or give --format\n"));
      return NL_EXIT_USAGE;
    }
  if (!(effort >= 0 && effort <= 100) || !(scale > 0 && scale <= 8) || !(slow >= 1 && slow <= 1000)
      || !isfinite (t) || frames < 0 || frames > MAX_FRAMES || !(fps > 0 && fps <= 240)
      || population < 0 || population > NL_MODEL_MAX_POPULATION)
    {
      g_printerr (_("neurolift render: --effort must be 0–100, --scale 0–8, --slow 1–1000, "
                    "--frames 0–%d, --fps 0–240 and --population 0–%d\n"), MAX_FRAMES,
                  NL_MODEL_MAX_POPULATION);
      return NL_EXIT_USAGE;
    }
  if (frames > 0 && (f.figure != NL_FIGURE_DIAGRAM || format != NL_EXPORT_PNG))
    {
      g_printerr (_("neurolift render: --frames writes PNG frames of the diagram only\n"));
      return NL_EXIT_USAGE;
    }
  /* -1 is the options' "not given". */
  if (day < -1 || compare_day < -1)
    {
      g_printerr (_("neurolift render: --day and --compare-day count days elapsed since the start, from 0 (week 1, day 1)\n"));
      return NL_EXIT_USAGE;
    }
  if (compare_day >= 0 && f.figure != NL_FIGURE_DIAGRAM)
    {
      g_printerr (_("neurolift render: --compare-day goes with --figure diagram; use --day to mark a day on a plot\n"));
      return NL_EXIT_USAGE;
    }
  if (compare_file != NULL && f.figure == NL_FIGURE_DIAGRAM)
    {
      g_printerr (_("neurolift render: --compare overlays a programme on a plot, not on the diagram\n"));
      return NL_EXIT_USAGE;
    }

  timeline = run_model (argv[1], (guint) population, &title, &snapshot, &error);
  if (timeline == NULL)
    {
      g_printerr ("neurolift render: %s\n", error->message);
      return NL_EXIT_FAILURE;
    }
  if (compare_file != NULL && (compare = run_model (compare_file, (guint) population, &compare_title, NULL, &error)) == NULL)
    {
      g_printerr ("neurolift render: %s\n", error->message);
      return NL_EXIT_FAILURE;
    }
  status = find_track (timeline, muscle, side, &track);
  if (status != NL_EXIT_OK)
    return status;

  n_days = nl_timeline_get_n_days (timeline);
  if (day >= (int) n_days || compare_day >= (int) n_days)
    {
      g_autofree char *last = nl_day_label_dup (n_days - 1);

      /* Translators: %s is the last day, e.g. "Week 8, day 7" */
      g_printerr (_("neurolift render: --day and --compare-day count days elapsed since the start; "
                    "this timeline has days 0 (week 1, day 1) to %u (%s)\n"), n_days - 1, last);
      return NL_EXIT_FAILURE;
    }

  nl_render_style_init (&f.style, theme);
  nl_render_style_set_presentation (&f.style, presentation);
  f.style.scale_factor = scale;

  if (f.figure == NL_FIGURE_DIAGRAM)
    {
      guint shown = day >= 0 ? (guint) day : nl_timeline_get_programme_days (timeline) - 1;

      /* Side by side, the earlier day is on the left. */
      if (compare_day >= 0 && (guint) compare_day > shown)
        {
          guint later = (guint) compare_day;
          compare_day = (int) shown;
          shown = later;
        }
      f.state = nl_figure_diagram_state_new (timeline, track, shown, effort / 100, &error);
      if (f.state != NULL && compare_day >= 0)
        f.compare_state = nl_figure_diagram_state_new (timeline, track, (guint) compare_day,
                                                       effort / 100, &error);
      if (f.state == NULL || (compare_day >= 0 && f.compare_state == NULL))
        {
          g_printerr ("neurolift render: %s\n", error->message);
          figure_clear (&f);
          return NL_EXIT_FAILURE;
        }
      f.state->slow_factor = slow;
      if (f.compare_state != NULL)
        f.compare_state->slow_factor = slow;
    }
  else
    {
      f.plot = nl_figure_plot_new (f.figure, timeline, track, compare, compare_title,
                                   day >= 0 ? day : NAN);
      /* A timeline without phase records still gets its phases shaded,
       * from the programme itself. */
      nl_figure_plot_add_programme_phases (f.plot, snapshot);
    }

  out_file = g_file_new_for_commandline_arg (output);
  if (frames > 0)
    {
      if (!nl_export_frames (out_file, (guint) frames, fps, width, height, scale, draw_figure, &f, &error))
        status = NL_EXIT_FAILURE;
    }
  else if (!nl_export_figure (out_file, format, width, height, scale, t, title, draw_figure, &f, &error))
    status = NL_EXIT_FAILURE;

  if (status != NL_EXIT_OK)
    g_printerr ("neurolift render: %s\n", error->message);
  figure_clear (&f);
  return status;
}
