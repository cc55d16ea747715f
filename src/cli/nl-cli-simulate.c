/* nl-cli-simulate.c — `neurolift simulate FILE`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nl-adaptation-model.h"
#include "nl-catalog.h"
#include "nl-cli-model-private.h"
#include "nl-csv.h"
#include "nl-program-xml.h"
#include "nl-reference.h"

gboolean
_nl_cli_write_output (const char *command,
                      const char *path,
                      const char *text)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
        {
          g_printerr (_("neurolift %s: cannot write to standard output\n"), command);
          return FALSE;
        }
      return TRUE;
    }
  if (!g_file_set_contents (path, text, -1, &error))
    {
      g_printerr ("neurolift %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

NlTimeline *
_nl_cli_load_timeline (const char            *command,
                       const char            *path,
                       const NlModelOptions  *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlTimeline *timeline;

  program = nl_program_load_from_file (file, &diagnostics, &error);
  if (program == NULL)
    {
      g_printerr ("neurolift %s: %s\n", command, error->message);
      return NULL;
    }
  if (diagnostics != NULL && diagnostics->len > 0)
    {
      g_autofree char *message = _nl_cli_describe_problems (path, diagnostics);

      g_printerr ("neurolift %s: %s\n", command, message);
      return NULL;
    }
  snapshot = nl_program_create_snapshot (program, &error);
  if (snapshot == NULL)
    {
      g_printerr ("neurolift %s: %s: %s\n", command, path, error->message);
      return NULL;
    }
  timeline = nl_adaptation_model_run (snapshot, options, NULL, NULL, NULL, &error);
  if (timeline == NULL)
    {
      g_printerr ("neurolift %s: %s: %s\n", command, path, error->message);
      return NULL;
    }
  if (nl_timeline_get_n_tracks (timeline) == 0)
    {
      g_printerr (_("neurolift %s: %s: the programme trains no muscle, so there is nothing to simulate\n"),
                  command, path);
      nl_timeline_unref (timeline);
      return NULL;
    }
  return timeline;
}

int
_nl_cli_pick_track (const char       *command,
                    const NlTimeline *timeline,
                    const char       *muscle,
                    const char       *side_name,
                    guint            *track)
{
  NlSide side = NL_SIDE_LEFT;
  guint chosen = nl_timeline_get_default_track (timeline);
  int found;

  if (side_name != NULL && (!nl_side_from_string (side_name, &side) || side == NL_SIDE_BOTH))
    {
      g_printerr (_("neurolift %s: --side must be “left” or “right”, not “%s”\n"), command, side_name);
      return NL_EXIT_USAGE;
    }
  if (muscle != NULL && nl_catalog_lookup_muscle (nl_catalog_get_default (), muscle) == NULL)
    {
      g_printerr (_("neurolift %s: unknown muscle “%s”\n"), command, muscle);
      return NL_EXIT_USAGE;
    }

  if (muscle == NULL)
    muscle = nl_timeline_get_track_muscle (timeline, chosen);
  if (side_name == NULL)
    {
      /* The side with the most work of that muscle. */
      int left = nl_timeline_find_track (timeline, muscle, NL_SIDE_LEFT);
      int right = nl_timeline_find_track (timeline, muscle, NL_SIDE_RIGHT);

      if (left >= 0 && right >= 0)
        side = nl_timeline_get_track_work (timeline, right) > nl_timeline_get_track_work (timeline, left)
               ? NL_SIDE_RIGHT : NL_SIDE_LEFT;
    }

  found = nl_timeline_find_track (timeline, muscle, side);
  if (found < 0)
    {
      g_printerr (_("neurolift %s: the programme does not train “%s”\n"), command, muscle);
      return NL_EXIT_FAILURE;
    }
  *track = (guint) found;
  return NL_EXIT_OK;
}

static void
print_summary (const NlTimeline *timeline,
               guint             track)
{
  const double *strength = nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH);
  const double *one_rm = nl_timeline_get_series (timeline, track, NL_SERIES_ONE_RM);
  const double *neural = nl_timeline_get_series (timeline, track, NL_SERIES_NEURAL);
  const double *muscular = nl_timeline_get_series (timeline, track, NL_SERIES_MUSCULAR);
  const double *csa = nl_timeline_get_series (timeline, track, NL_SERIES_CSA);
  const double *other = nl_timeline_get_series (timeline, nl_timeline_get_other_side (timeline, track),
                                                NL_SERIES_STRENGTH);
  guint n_days = nl_timeline_get_n_days (timeline);
  const NlGroupEffect *effects;
  guint n_effects;

  g_print (_("%s, %s side (typical trainee; changes since the start, on day 1 of each week)\n"),
           nl_timeline_get_track_muscle (timeline, track),
           nl_side_to_string (nl_timeline_get_track_side (timeline, track)));
  g_print ("%5s %9s %9s %9s %9s %9s %11s\n", _("week"), _("MVC"), _("1RM"), _("neural"),
           _("muscular"), _("CSA"), _("other side"));
  for (guint d = 0; d < n_days; d += 7)
    g_print ("%5u %+8.1f%% %+8.1f%% %+8.1f%% %+8.1f%% %+8.1f%% %+10.1f%%\n", d / 7 + 1, strength[d],
             one_rm[d], neural[d], muscular[d], csa[d], other[d]);

  effects = nl_timeline_get_group_effects (timeline, &n_effects);
  if (nl_timeline_get_group_effects_apply (timeline))
    {
      g_print (_("Group-level effects of programmes like this one (SMD vs non-active controls):\n"));
      for (guint i = 0; i < n_effects; i++)
        {
          g_autofree char *source = nl_reference_cite (effects[i].citation);

          g_print ("  %-22s %.2f (%.2f–%.2f), %s\n", _(effects[i].name), effects[i].smd,
                   effects[i].ci_low, effects[i].ci_high, source);
        }
    }
}

int
nl_cli_simulate (int    argc,
                 char **argv)
{
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;
  g_autofree char *csv = NULL;
  int extend_days = 0, population = 0;
  gint64 seed = 0;
  GOptionEntry entries[] = {
    { "muscle", 0, 0, G_OPTION_ARG_STRING, &muscle, N_("Muscle to report (default: the one with the most work)"), N_("M") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("Side to report: left or right"), N_("SIDE") },
    { "extend-days", 0, 0, G_OPTION_ARG_INT, &extend_days, N_("Days of follow-up after the programme"), N_("N") },
    { "population", 0, 0, G_OPTION_ARG_INT, &population, N_("Simulate N virtual trainees and add percentiles"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the population draws"), N_("S") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write one row per day to OUT (- for standard output); its day column counts days elapsed from 0, its week column weeks from 1"), N_("OUT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NlTimeline) timeline = NULL;
  NlModelOptions options;
  guint track;
  int status;

  if (!_nl_cli_parse_options (&argc, &argv, _("FILE"),
                              _("Simulates the programme day by day and reports the predicted "
                                "neural and muscular adaptations of one muscle and side."),
                              entries))
    return NL_EXIT_USAGE;

  if (argc != 2)
    {
      g_printerr (_("neurolift simulate: name exactly one programme file\n"));
      return NL_EXIT_USAGE;
    }
  if (extend_days < 0 || extend_days > NL_MODEL_MAX_EXTEND_DAYS)
    {
      g_printerr (_("neurolift simulate: --extend-days must be between 0 and %d\n"), NL_MODEL_MAX_EXTEND_DAYS);
      return NL_EXIT_USAGE;
    }
  if (population < 0 || population == 1 || population > NL_MODEL_MAX_POPULATION)
    {
      g_printerr (_("neurolift simulate: --population must be between 2 and %d\n"), NL_MODEL_MAX_POPULATION);
      return NL_EXIT_USAGE;
    }
  if (seed < 0)
    {
      g_printerr (_("neurolift simulate: --seed must not be negative\n"));
      return NL_EXIT_USAGE;
    }

  nl_model_options_init (&options);
  options.extend_days = (guint) extend_days;
  options.population = (guint) population;
  options.seed = (guint64) seed;

  timeline = _nl_cli_load_timeline ("simulate", argv[1], &options);
  if (timeline == NULL)
    return NL_EXIT_FAILURE;

  status = _nl_cli_pick_track ("simulate", timeline, muscle, side, &track);
  if (status != NL_EXIT_OK)
    return status;

  if (csv != NULL)
    {
      g_autofree char *text = nl_csv_format_timeline (timeline, track);

      return _nl_cli_write_output ("simulate", csv, text) ? NL_EXIT_OK : NL_EXIT_FAILURE;
    }

  print_summary (timeline, track);
  return NL_EXIT_OK;
}
