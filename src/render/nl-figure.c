/* nl-figure.c — model results → what the diagram and the plots show
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nl-catalog.h"
#include "nl-day-label.h"
#include "nl-figure.h"
#include "nl-motor-unit-pool.h"

static const char *figure_names[NL_N_FIGURES] = {
  "diagram", "strength", "neural", "rates", "recruitment", "muscle", "fatigue", "bdnf",
};

/* Antagonists of the catalogue's muscles (the catalogue does not name them). */
static const struct {
  const char *muscle;
  const char *antagonist;
} antagonists[] = {
  { "quadriceps", N_("Hamstrings") },
  { "hamstrings", N_("Quadriceps") },
  { "gluteus-maximus", N_("Hip flexors") },
  { "triceps-surae", N_("Tibialis anterior") },
  { "tibialis-anterior", N_("Triceps surae (calf)") },
  { "pectoralis-major", N_("Posterior deltoid and rhomboids") },
  { "deltoid", N_("Latissimus dorsi") },
  { "latissimus-dorsi", N_("Deltoid") },
  { "biceps-brachii", N_("Triceps brachii") },
  { "triceps-brachii", N_("Biceps brachii") },
  { "first-dorsal-interosseous", N_("Palmar interossei") },
  { "forearm-flexors", N_("Forearm extensors") },
};

const char *
nl_figure_to_string (NlFigure figure)
{
  g_return_val_if_fail (figure < NL_N_FIGURES, NULL);
  return figure_names[figure];
}

gboolean
nl_figure_from_string (const char *str,
                       NlFigure   *out)
{
  for (guint i = 0; i < NL_N_FIGURES; i++)
    if (g_strcmp0 (str, figure_names[i]) == 0)
      {
        *out = (NlFigure) i;
        return TRUE;
      }
  return FALSE;
}

char *
nl_figure_list_names (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < NL_N_FIGURES; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", figure_names[i]);
  return g_string_free (list, FALSE);
}

static NlBodyArea
area_for_region (const char *region)
{
  if (g_strcmp0 (region, "hand") == 0)
    return NL_BODY_AREA_HAND;
  if (g_strcmp0 (region, "upper-limb") == 0)
    return NL_BODY_AREA_ARM;
  if (g_strcmp0 (region, "lower-limb") == 0)
    return NL_BODY_AREA_LEG;
  return NL_BODY_AREA_TRUNK;
}

static void
fill_pool (NlDiagramPool         *pool,
           const NlMotorUnitPool *model,
           double                 excitation)
{
  const NlMotorUnitPoolParams *params = nl_motor_unit_pool_get_params (model);
  double e_max = nl_motor_unit_pool_get_max_excitation (model);

  pool->drive = e_max > 0 ? excitation / e_max : 0;
  for (guint i = 0; i < pool->n_units; i++)
    {
      NlDiagramUnit *u = &pool->units[i];

      u->threshold = nl_motor_unit_pool_unit_threshold (model, i) / e_max;
      u->size = nl_motor_unit_pool_unit_twitch_force (model, i) / params->twitch_range;
      u->contraction_time = nl_motor_unit_pool_unit_contraction_time (model, i);
      u->recruited = nl_motor_unit_pool_unit_is_recruited (model, i, excitation);
      u->rate = u->recruited ? nl_motor_unit_pool_unit_rate (model, i, excitation) : 0;
    }
}

/* The session peak of an acute series on @day, or of the latest session in
 * the week before it (the diagram shows "this session"). */
static double
recent_peak (const double *series,
             guint         day)
{
  for (guint back = 0; back < 7 && back <= day; back++)
    if (series[day - back] > 0)
      return series[day - back];
  return 0;
}

NlDiagramState *
nl_figure_diagram_state_new (const NlTimeline *timeline,
                             guint             track,
                             guint             day,
                             double            effort,
                             GError          **error)
{
  const NlMuscleInfo *muscle;
  const char *muscle_id, *antagonist = N_("Antagonist");
  g_autoptr(NlMotorUnitPool) pool = NULL;
  g_autoptr(NlMotorUnitPool) ant_pool = NULL;
  g_autofree char *label = NULL;
  NlDiagramState *state;
  double va, coact_change, e_max;

  g_return_val_if_fail (timeline != NULL, NULL);

  if (track >= nl_timeline_get_n_tracks (timeline))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The programme has no muscle track %u"), track);
      return NULL;
    }
  if (day >= nl_timeline_get_n_days (timeline))
    {
      guint last_day = MAX (nl_timeline_get_n_days (timeline), 1) - 1;
      g_autofree char *last = nl_day_label_dup (last_day);

      /* Translators: the first %u counts days elapsed since the start (0 is
       * the first day); %s is the timeline's last day, e.g. "Week 8, day 7". */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Day index %u is after the end of the timeline (the last day is %s, index %u)"), day,
                   last, last_day);
      return NULL;
    }
  effort = CLAMP (effort, 0, 1);

  pool = nl_timeline_build_motor_pool (timeline, track, day);
  muscle_id = nl_timeline_get_track_muscle (timeline, track);
  muscle = nl_catalog_lookup_muscle (nl_catalog_get_default (), muscle_id);
  for (guint i = 0; i < G_N_ELEMENTS (antagonists); i++)
    if (g_strcmp0 (antagonists[i].muscle, muscle_id) == 0)
      antagonist = antagonists[i].antagonist;

  state = nl_diagram_state_new (nl_motor_unit_pool_get_n_units (pool),
                                nl_motor_unit_pool_get_n_units (pool));
  /* Named as the day scrubber, the plots and the sessions name it. */
  label = nl_day_label_dup (day);
  nl_diagram_state_set_labels (state, label, muscle != NULL ? _(muscle->name) : muscle_id,
                               _(antagonist));
  state->area = area_for_region (muscle != NULL ? muscle->region : NULL);

  /* Voluntary activation: the fraction of the pool's maximal excitation a
   * maximal voluntary effort reaches on this day. */
  va = CLAMP (nl_timeline_get_voluntary_excitation (timeline, track, day), 0, 1);
  state->effort = effort;
  state->voluntary_activation = va;
  state->corticospinal_drive = effort * va;
  e_max = nl_motor_unit_pool_get_max_excitation (pool);
  fill_pool (&state->agonist, pool, state->corticospinal_drive * e_max);

  coact_change = nl_timeline_get_series (timeline, track, NL_SERIES_COACTIVATION)[day];
  state->coactivation = CLAMP (NL_FIGURE_COACTIVATION_BASELINE * (1 + coact_change / 100) * effort, 0, 1);
  /* The antagonist's pool is drawn with the same region's parameters. */
  ant_pool = nl_motor_unit_pool_new (nl_motor_unit_pool_get_params (pool), NULL);
  if (ant_pool != NULL)
    fill_pool (&state->antagonist, ant_pool,
               state->coactivation * nl_motor_unit_pool_get_max_excitation (ant_pool));

  state->il6_fold = 1 + recent_peak (nl_timeline_get_series (timeline, track, NL_SERIES_IL6), day) / 100;
  state->serum_bdnf_fold = 1 + recent_peak (nl_timeline_get_series (timeline, track, NL_SERIES_BDNF_ACUTE),
                                            day) / 100;
  /* The model has no muscle BDNF; the panel states the fact without a number. */
  state->muscle_bdnf_fold = NAN;
  return state;
}

typedef struct {
  NlSeries   series;
  NlPlotKind kind;
} PlotSeriesSpec;

static void
add_timeline_series (NlPlot           *plot,
                     const NlTimeline *timeline,
                     guint             track,
                     NlSeries          series,
                     NlPlotKind        kind,
                     const char       *label,
                     gboolean          dashed,
                     guint             colour)
{
  guint n = nl_timeline_get_n_days (timeline);
  g_autofree double *x = g_new (double, n);
  const double *lo, *hi;
  NlPlotSeries *s;

  for (guint d = 0; d < n; d++)
    x[d] = d;
  s = nl_plot_add_series (plot, kind, label, x, nl_timeline_get_series (timeline, track, series), n);
  if (s == NULL)
    return;
  s->dashed = dashed;
  s->colour = colour;
  lo = nl_timeline_get_percentile (timeline, track, series, NL_PERCENTILE_10);
  hi = nl_timeline_get_percentile (timeline, track, series, NL_PERCENTILE_90);
  /* A band only where the population actually spreads. */
  if (lo != NULL && hi != NULL && kind == NL_PLOT_LINE)
    {
      gboolean spread = FALSE;

      for (guint d = 0; d < n && !spread; d++)
        spread = hi[d] - lo[d] > 1e-6;
      if (!spread)
        return;
      nl_plot_series_set_band (s, lo, hi);
      g_free (s->label);
      /* Translators: a series whose population spread is shaded. */
      s->label = g_strdup_printf (_("%s (shaded: 10th–90th percentile)"), label);
    }
}

NlPlot *
nl_figure_plot_new (NlFigure          figure,
                    const NlTimeline *timeline,
                    guint             track,
                    const NlTimeline *compare,
                    const char       *compare_label,
                    double            selected_day)
{
  static const PlotSeriesSpec strength[] = {
    { NL_SERIES_NEURAL, NL_PLOT_STACKED_AREA }, { NL_SERIES_MUSCULAR, NL_PLOT_STACKED_AREA },
  };
  static const PlotSeriesSpec neural[] = {
    { NL_SERIES_VOLUNTARY_ACTIVATION, NL_PLOT_LINE }, { NL_SERIES_CORTICOSPINAL, NL_PLOT_LINE },
    { NL_SERIES_COACTIVATION, NL_PLOT_LINE }, { NL_SERIES_SYNCHRONISATION, NL_PLOT_LINE },
  };
  static const PlotSeriesSpec rates[] = { { NL_SERIES_PEAK_RATE, NL_PLOT_LINE } };
  static const PlotSeriesSpec recruitment[] = { { NL_SERIES_RECRUITMENT_CEILING, NL_PLOT_LINE } };
  static const PlotSeriesSpec muscle[] = {
    { NL_SERIES_CSA, NL_PLOT_LINE }, { NL_SERIES_APPARENT_CSA, NL_PLOT_LINE },
  };
  static const PlotSeriesSpec fatigue[] = { { NL_SERIES_FATIGUE, NL_PLOT_LINE } };
  /* Session peaks are 0 on rest days: stems read better than a zigzag. */
  static const PlotSeriesSpec bdnf[] = {
    { NL_SERIES_IL6, NL_PLOT_STEMS }, { NL_SERIES_BDNF_ACUTE, NL_PLOT_STEMS },
    { NL_SERIES_BDNF_RESTING, NL_PLOT_LINE },
  };
  const PlotSeriesSpec *specs;
  guint n_specs;
  const char *title, *y_label, *unit;
  const NlMuscleInfo *info;
  const char *muscle_id;
  g_autofree char *full_title = NULL;
  NlPlot *plot;

  g_return_val_if_fail (timeline != NULL, NULL);
  g_return_val_if_fail (figure != NL_FIGURE_DIAGRAM && figure < NL_N_FIGURES, NULL);
  g_return_val_if_fail (track < nl_timeline_get_n_tracks (timeline), NULL);

  switch (figure)
    {
    case NL_FIGURE_STRENGTH:
      specs = strength, n_specs = G_N_ELEMENTS (strength);
      title = _("Strength: neural and muscular shares");
      y_label = _("Strength change"), unit = _("%");
      break;
    case NL_FIGURE_NEURAL:
      specs = neural, n_specs = G_N_ELEMENTS (neural);
      title = _("Neural adaptations");
      y_label = _("Change"), unit = _("%");
      break;
    case NL_FIGURE_RATES:
      specs = rates, n_specs = 1;
      title = _("Peak motor-unit discharge rate at maximal effort");
      y_label = _("Mean rate"), unit = _("Hz");
      break;
    case NL_FIGURE_RECRUITMENT:
      specs = recruitment, n_specs = 1;
      title = _("Recruitment ceiling");
      y_label = _("Force at which the last unit joins"), unit = _("% MVC");
      break;
    case NL_FIGURE_MUSCLE:
      specs = muscle, n_specs = G_N_ELEMENTS (muscle);
      title = _("Muscle cross-sectional area");
      y_label = _("Change"), unit = _("%");
      break;
    case NL_FIGURE_FATIGUE:
      specs = fatigue, n_specs = 1;
      title = _("Acute fatigue");
      y_label = _("Maximal force lost"), unit = _("%");
      break;
    case NL_FIGURE_BDNF:
    default:
      specs = bdnf, n_specs = G_N_ELEMENTS (bdnf);
      title = _("BDNF and IL-6 (blood BDNF mostly from brain and platelets)");
      y_label = _("Above rest"), unit = _("%");
      break;
    }

  muscle_id = nl_timeline_get_track_muscle (timeline, track);
  info = nl_catalog_lookup_muscle (nl_catalog_get_default (), muscle_id);
  /* Translators: "Strength: neural and muscular shares — Quadriceps, left". */
  full_title = g_strdup_printf (_("%s — %s, %s"), title, info != NULL ? _(info->name) : muscle_id,
                                nl_timeline_get_track_side (timeline, track) == NL_SIDE_LEFT
                                ? _("left") : _("right"));
  plot = nl_plot_new (full_title, y_label, unit);
  plot->selected_day = selected_day;
  /* Changes are read against zero; absolute rates and thresholds against
   * their own range, or a few hertz of training gain would be a sliver. */
  plot->y_from_zero = figure != NL_FIGURE_RATES && figure != NL_FIGURE_RECRUITMENT;

  for (guint i = 0; i < n_specs; i++)
    {
      const NlSeriesInfo *series = nl_series_get_info (specs[i].series);
      add_timeline_series (plot, timeline, track, specs[i].series, specs[i].kind, _(series->name),
                           FALSE, i);
    }

  /* Cross-education: the other side's strength beside this side's shares. */
  if (figure == NL_FIGURE_STRENGTH)
    {
      const double *lo = nl_timeline_get_percentile (timeline, track, NL_SERIES_STRENGTH,
                                                     NL_PERCENTILE_10);
      const double *neural_share = nl_timeline_get_series (timeline, track, NL_SERIES_NEURAL);
      const double *muscular_share = nl_timeline_get_series (timeline, track, NL_SERIES_MUSCULAR);
      gboolean diverging = FALSE;

      /* Shares of opposite signs stack on opposite sides of zero (after
       * immobilisation the muscle is still smaller while the nervous system
       * already gains): no edge of the stack is then the total. */
      for (guint d = 0; d < nl_timeline_get_n_days (timeline) && !diverging; d++)
        diverging = (neural_share[d] > 0.05 && muscular_share[d] < -0.05)
                    || (neural_share[d] < -0.05 && muscular_share[d] > 0.05);

      /* Stacked areas carry no band; a population's spread of the total is
       * shown around a line that retraces the stack's top edge (or, with
       * diverging shares, shows the sum that no edge shows). */
      if (lo != NULL || diverging)
        add_timeline_series (plot, timeline, track, NL_SERIES_STRENGTH, NL_PLOT_LINE,
                             _("Total strength"), FALSE, 2);
    }
  if (figure == NL_FIGURE_STRENGTH)
    {
      guint other = nl_timeline_get_other_side (timeline, track);
      const double *mine = nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH);
      const double *theirs = nl_timeline_get_series (timeline, other, NL_SERIES_STRENGTH);
      gboolean differs = FALSE;

      /* With both sides trained alike the line would only retrace the total. */
      for (guint d = 0; other != track && d < nl_timeline_get_n_days (timeline) && !differs; d++)
        differs = fabs (mine[d] - theirs[d]) > 0.25;
      if (differs)
        add_timeline_series (plot, timeline, other, NL_SERIES_STRENGTH, NL_PLOT_LINE,
                             _("Other side (cross-education)"), FALSE, 3);
    }

  if (compare != NULL)
    {
      int other_track = nl_timeline_find_track (compare, muscle_id,
                                                nl_timeline_get_track_side (timeline, track));
      const char *name = compare_label ? compare_label : _("Compared");

      if (other_track >= 0)
        {
          NlSeries series = figure == NL_FIGURE_STRENGTH ? NL_SERIES_STRENGTH : specs[0].series;
          g_autofree char *label = g_strdup_printf (_("%s: %s"), name, _(nl_series_get_info (series)->name));
          add_timeline_series (plot, compare, other_track, series, NL_PLOT_LINE, label, TRUE, 4);
        }
      else
        {
          /* No curve to compare: a note in the legend says why, where the
           * dashed curve's entry would be. */
          /* Translators: a note on a plot: the compared programme, then the
           * muscle and side it does not train, e.g. "Rehab: does not train
           * Quadriceps, left".  Keep it short. */
          g_autofree char *note = g_strdup_printf (_("%s: does not train %s, %s"), name,
                                                   info != NULL ? _(info->name) : muscle_id,
                                                   nl_timeline_get_track_side (timeline, track) == NL_SIDE_LEFT
                                                   ? _("left") : _("right"));
          NlPlotSeries *s = nl_plot_add_note (plot, note);

          if (s != NULL)
            {
              s->dashed = TRUE;
              s->colour = 4;
            }
        }
    }

  for (guint p = 0; p < nl_timeline_get_n_phases (timeline); p++)
    {
      const NlTimelinePhase *phase = nl_timeline_get_phase (timeline, p);
      const char *name = phase->name;

      if (name == NULL)
        name = phase->kind == NL_PHASE_DETRAINING ? _("Detraining")
               : phase->kind == NL_PHASE_IMMOBILIZATION ? _("Immobilisation") : _("Training");
      nl_plot_add_phase (plot, name, phase->kind, phase->first_day, phase->first_day + phase->n_days);
    }
  if (nl_timeline_get_n_days (timeline) > nl_timeline_get_programme_days (timeline))
    nl_plot_add_phase (plot, _("Follow-up"), NL_PHASE_DETRAINING, nl_timeline_get_programme_days (timeline),
                       nl_timeline_get_n_days (timeline) - 1);
  return plot;
}

void
nl_figure_plot_add_programme_phases (NlPlot                  *plot,
                                     const NlProgramSnapshot *snapshot)
{
  g_return_if_fail (plot != NULL);
  g_return_if_fail (snapshot != NULL);

  if (plot->phases->len > 0)
    return;
  for (guint p = 0; p < snapshot->n_phases; p++)
    {
      const NlSnapshotPhase *phase = &snapshot->phases[p];
      const char *name = phase->name;

      if (name == NULL)
        name = phase->kind == NL_PHASE_DETRAINING ? _("Detraining")
               : phase->kind == NL_PHASE_IMMOBILIZATION ? _("Immobilisation") : _("Training");
      nl_plot_add_phase (plot, name, phase->kind, phase->first_day, phase->first_day + 7.0 * phase->weeks);
    }
}
