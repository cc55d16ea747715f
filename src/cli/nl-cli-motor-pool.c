/* nl-cli-motor-pool.c — `neurolift motor-pool [FILE --day D] [--effort-sweep]`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-cli-model-private.h"
#include "nl-core-types.h"
#include "nl-csv.h"
#include "nl-day-label.h"
#include "nl-motor-unit-pool.h"

static const double sweep_efforts[] = { 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };

static int
print_sweep (const NlMotorUnitPool *pool,
             const char            *csv,
             gboolean               header)
{
  NlMotorUnitPoolPoint points[G_N_ELEMENTS (sweep_efforts)];
  double e_max = nl_motor_unit_pool_get_max_excitation (pool);

  for (guint i = 0; i < G_N_ELEMENTS (sweep_efforts); i++)
    nl_motor_unit_pool_evaluate (pool, sweep_efforts[i] / 100.0 * e_max, &points[i]);

  if (csv != NULL)
    {
      g_autofree char *text = nl_csv_format_pool_sweep (points, sweep_efforts,
                                                        G_N_ELEMENTS (sweep_efforts), 1.0);

      return _nl_cli_write_output ("motor-pool", csv, text) ? NL_EXIT_OK : NL_EXIT_FAILURE;
    }

  if (header)
    g_print ("%8s %9s %10s %14s\n", _("effort"), _("force"), _("recruited"), _("mean rate"));
  for (guint i = 0; i < G_N_ELEMENTS (sweep_efforts); i++)
    g_print ("%7.0f%% %8.1f%% %10u %11.1f Hz\n", sweep_efforts[i], 100.0 * points[i].force,
             points[i].recruited, points[i].mean_rate);
  return NL_EXIT_OK;
}

int
nl_cli_motor_pool (int    argc,
                   char **argv)
{
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;
  g_autofree char *csv = NULL;
  gboolean sweep = FALSE;
  int day = -1, units = -1;
  double rr = -1, min_rate = -1, pfr_first = -1, pfr_last = -1, gain = -1;
  GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_INT, &day, N_("Day as days elapsed since the start: 0 is week 1, day 1, before any training; 8 is week 2, day 2"), N_("D") },
    { "muscle", 0, 0, G_OPTION_ARG_STRING, &muscle, N_("Muscle (default: the one with the most work)"), N_("M") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("Side: left or right"), N_("SIDE") },
    { "effort-sweep", 0, 0, G_OPTION_ARG_NONE, &sweep, N_("Print only the force, recruitment and rates over effort"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write the sweep as CSV to OUT (- for standard output)"), N_("OUT") },
    { "units", 0, 0, G_OPTION_ARG_INT, &units, N_("Textbook pool: number of units (120)"), N_("N") },
    { "recruitment-range", 0, 0, G_OPTION_ARG_DOUBLE, &rr, N_("Textbook pool: recruitment range (17)"), N_("RR") },
    { "min-rate", 0, 0, G_OPTION_ARG_DOUBLE, &min_rate, N_("Textbook pool: minimum rate (8 Hz)"), N_("HZ") },
    { "peak-rate-first", 0, 0, G_OPTION_ARG_DOUBLE, &pfr_first, N_("Textbook pool: first unit’s peak rate (35 Hz)"), N_("HZ") },
    { "peak-rate-last", 0, 0, G_OPTION_ARG_DOUBLE, &pfr_last, N_("Textbook pool: last unit’s peak rate (25 Hz)"), N_("HZ") },
    { "gain", 0, 0, G_OPTION_ARG_DOUBLE, &gain, N_("Textbook pool: excitatory gain (1 Hz per unit)"), N_("G") },
    G_OPTION_ENTRY_NULL
  };
  gboolean textbook_options;
  g_autoptr(NlMotorUnitPool) pool = NULL;
  g_autoptr(GError) error = NULL;

  if (!_nl_cli_parse_options (&argc, &argv, _("[FILE --day D]"),
                              /* xgettext:no-c-format */
                              _("Prints the Fuglevand motor-unit pool of a muscle on a day of the "
                                "programme, or the textbook pool without a file: force (% of the "
                                "maximum), units recruited and mean discharge rate over effort "
                                "(% of maximal excitation)."),
                              entries))
    return NL_EXIT_USAGE;

  textbook_options = units != -1 || rr != -1 || min_rate != -1 || pfr_first != -1
                     || pfr_last != -1 || gain != -1;

  if (argc > 2)
    {
      g_printerr (_("neurolift motor-pool: name at most one programme file\n"));
      return NL_EXIT_USAGE;
    }

  if (argc == 1)
    {
      NlMotorUnitPoolParams params;

      if (!sweep)
        {
          g_printerr (_("neurolift motor-pool: name a programme file, or use --effort-sweep for the textbook pool\n"));
          return NL_EXIT_USAGE;
        }
      if (day != -1 || muscle != NULL || side != NULL)
        {
          g_printerr (_("neurolift motor-pool: --day, --muscle and --side need a programme file\n"));
          return NL_EXIT_USAGE;
        }
      nl_motor_unit_pool_params_init (&params);
      if (units != -1)
        {
          if (units < 2)
            {
              g_printerr (_("neurolift motor-pool: --units must be at least 2\n"));
              return NL_EXIT_USAGE;
            }
          params.n_units = (guint) units;
        }
      if (rr != -1)
        params.recruitment_range = rr;
      if (min_rate != -1)
        params.min_rate = min_rate;
      if (pfr_first != -1)
        params.peak_rate_first = pfr_first;
      if (pfr_last != -1)
        params.peak_rate_last = pfr_last;
      if (gain != -1)
        params.gain = gain;
      pool = nl_motor_unit_pool_new (&params, &error);
      if (pool == NULL)
        {
          g_printerr ("neurolift motor-pool: %s\n", error->message);
          return NL_EXIT_USAGE;
        }
      return print_sweep (pool, csv, TRUE);
    }

  /* A programme file. */
  if (textbook_options)
    {
      g_printerr (_("neurolift motor-pool: the pool parameters only apply to the textbook pool (no file)\n"));
      return NL_EXIT_USAGE;
    }
  if (day < 0)
    {
      g_printerr (_("neurolift motor-pool: --day D (days elapsed since the start, 0 or more) is needed with a programme file\n"));
      return NL_EXIT_USAGE;
    }

  {
    g_autoptr(NlTimeline) timeline = NULL;
    NlModelOptions options;
    guint track;
    int status;

    nl_model_options_init (&options);
    timeline = _nl_cli_load_timeline ("motor-pool", argv[1], &options);
    if (timeline == NULL)
      return NL_EXIT_FAILURE;
    if ((guint) day >= nl_timeline_get_n_days (timeline))
      {
        g_autofree char *last = nl_day_label_dup (nl_timeline_get_n_days (timeline) - 1);

        /* Translators: --day counts days elapsed since the start; %s is the
         * last day, e.g. "Week 8, day 7" */
        g_printerr (_("neurolift motor-pool: --day %d is past the programme’s last day, %u (%s)\n"),
                    day, nl_timeline_get_n_days (timeline) - 1, last);
        return NL_EXIT_FAILURE;
      }
    status = _nl_cli_pick_track ("motor-pool", timeline, muscle, side, &track);
    if (status != NL_EXIT_OK)
      return status;

    pool = nl_timeline_build_motor_pool (timeline, track, (guint) day);
    if (!sweep && csv == NULL)
      {
        const NlMotorUnitPoolParams *params = nl_motor_unit_pool_get_params (pool);
        guint n = nl_motor_unit_pool_get_n_units (pool);

        g_autofree char *when = nl_day_label_dup ((guint) day);

        /* Translators: the third %s is a day, e.g. "Week 2, day 2" */
        g_print (_("%s, %s side, %s (--day %d): %u units, recruitment range %.0f, peak rates %.1f → %.1f Hz\n"),
                 nl_timeline_get_track_muscle (timeline, track),
                 nl_side_to_string (nl_timeline_get_track_side (timeline, track)), when, day, n,
                 params->recruitment_range, nl_motor_unit_pool_unit_peak_rate (pool, 0),
                 nl_motor_unit_pool_unit_peak_rate (pool, n - 1));
        g_print (_("A maximal voluntary effort reaches %.0f %% of maximal excitation; the last unit is recruited at %.0f %% MVC.\n"),
                 100.0 * nl_timeline_get_voluntary_excitation (timeline, track, (guint) day),
                 nl_timeline_get_series (timeline, track, NL_SERIES_RECRUITMENT_CEILING)[day]);
      }
    return print_sweep (pool, csv, TRUE);
  }
}
