/* nl-csv.c — CSV export of timelines and motor-pool sweeps
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nl-core-types.h"
#include "nl-csv.h"

/* Column order after day,week,phase.  OTHER_SIDE stands for
 * strength_other_side_pct, the strength of the same muscle's other side. */
#define OTHER_SIDE NL_N_SERIES

static const guint columns[] = {
  NL_SERIES_STRENGTH,
  NL_SERIES_ONE_RM,
  OTHER_SIDE,
  NL_SERIES_NEURAL,
  NL_SERIES_MUSCULAR,
  NL_SERIES_VOLUNTARY_ACTIVATION,
  NL_SERIES_PEAK_RATE,
  NL_SERIES_RECRUITMENT_CEILING,
  NL_SERIES_COACTIVATION,
  NL_SERIES_CSA,
  NL_SERIES_FATIGUE,
  NL_SERIES_BDNF_ACUTE,
  NL_SERIES_BDNF_RESTING,
  /* Beyond the list. */
  NL_SERIES_EDEMA,
  NL_SERIES_APPARENT_CSA,
  NL_SERIES_SKILL,
  NL_SERIES_CORTICOSPINAL,
  NL_SERIES_SYNCHRONISATION,
  NL_SERIES_NMJ,
  NL_SERIES_IL6,
  NL_SERIES_TESTOSTERONE,
  NL_SERIES_GROWTH_HORMONE,
  NL_SERIES_CORTISOL,
  NL_SERIES_V_WAVE,
  NL_SERIES_RFD,
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == NL_N_SERIES + 1);

static const char *
column_name (guint column)
{
  return column == OTHER_SIDE ? "strength_other_side_pct" : nl_series_get_info (column)->id;
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* -0.000 reads badly: round tiny values to 0. */
  if (value > -0.0005 && value < 0.0005)
    value = 0.0;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static const double *
column_values (const NlTimeline *timeline,
               guint             track,
               guint             column,
               int               percentile)
{
  guint t = column == OTHER_SIDE ? nl_timeline_get_other_side (timeline, track) : track;
  NlSeries series = column == OTHER_SIDE ? NL_SERIES_STRENGTH : (NlSeries) column;

  if (percentile < 0)
    return nl_timeline_get_series (timeline, t, series);
  return nl_timeline_get_percentile (timeline, t, series, (NlPercentile) percentile);
}

char *
nl_csv_format_timeline (const NlTimeline *timeline,
                        guint             track)
{
  GString *out;
  gboolean population;
  guint n_days;

  g_return_val_if_fail (timeline != NULL, NULL);
  g_return_val_if_fail (track < nl_timeline_get_n_tracks (timeline), NULL);

  population = nl_timeline_get_population (timeline) > 0;
  n_days = nl_timeline_get_n_days (timeline);
  out = g_string_sized_new (256 * (n_days + 1));

  g_string_append (out, "day,week,phase");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, ",%s", column_name (columns[c]));
  if (population)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      g_string_append_printf (out, ",%s_p10,%s_p90", column_name (columns[c]), column_name (columns[c]));
  /* Which muscle and side the file is about, on every row so that tables
   * of several exports can be put together. */
  g_string_append (out, ",muscle,side\n");

  for (guint d = 0; d < n_days; d++)
    {
      int phase = nl_timeline_get_phase_at (timeline, d);

      g_string_append_printf (out, "%u,%u,", d, d / 7 + 1);
      if (phase < 0)
        g_string_append (out, "follow-up");
      else
        {
          const NlTimelinePhase *info = nl_timeline_get_phase (timeline, (guint) phase);

          append_field (out, info->name != NULL ? info->name : nl_phase_kind_to_string (info->kind));
        }

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_string_append_c (out, ',');
          append_number (out, column_values (timeline, track, columns[c],
                                             population ? NL_PERCENTILE_50 : -1)[d]);
        }
      if (population)
        for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
          {
            g_string_append_c (out, ',');
            append_number (out, column_values (timeline, track, columns[c], NL_PERCENTILE_10)[d]);
            g_string_append_c (out, ',');
            append_number (out, column_values (timeline, track, columns[c], NL_PERCENTILE_90)[d]);
          }
      g_string_append_c (out, ',');
      append_field (out, nl_timeline_get_track_muscle (timeline, track));
      g_string_append_c (out, ',');
      append_field (out, nl_side_to_string (nl_timeline_get_track_side (timeline, track)));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
nl_csv_format_pool_sweep (const NlMotorUnitPoolPoint *points,
                          const double               *effort_pct,
                          guint                       n_points,
                          double                      force_scale)
{
  GString *out = g_string_new ("effort_pct,force_pct,recruited,mean_rate_hz\n");

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  for (guint i = 0; i < n_points; i++)
    {
      append_number (out, effort_pct[i]);
      g_string_append_c (out, ',');
      append_number (out, 100.0 * points[i].force * force_scale);
      g_string_append_printf (out, ",%u,", points[i].recruited);
      append_number (out, points[i].mean_rate);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
