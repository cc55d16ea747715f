/* nl-timeline.c — the day-by-day result of the adaptation model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nl-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-timeline-private.h"

struct _NlTimeline {
  gatomicrefcount  ref_count;
  guint            n_days;
  guint            programme_days;
  GPtrArray       *tracks;                 /* NlTimelineTrack */
  double          *systemic[NL_N_SERIES];
  double          *systemic_pct[NL_N_SERIES][NL_N_PERCENTILES];
  GArray          *bdnf_events;            /* NlBdnfEvent */
  GArray          *phases;                 /* NlTimelinePhase */
  GStringChunk    *strings;
  double           tau_fatigue[NL_N_FATIGUE_COMPARTMENTS];
  double           tau_bdnf;
  guint            population;
  guint            default_track;
  gboolean         effects_apply;
};

static const NlSeriesInfo series_info[NL_N_SERIES] = {
  [NL_SERIES_STRENGTH] = {
    "strength_pct", N_("Maximal voluntary force"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_STRONG,
    N_("Isometric MVC of a typical trainee; individual gains vary several-fold"),
    "Hubal2005", FALSE },
  [NL_SERIES_ONE_RM] = {
    "one_rm_pct", N_("1RM of the main exercise"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_STRONG,
    N_("Includes task-specific skill, so it rises faster than isometric force"),
    "Rutherford1986", FALSE },
  [NL_SERIES_NEURAL] = {
    "neural_pct", N_("Neural share of strength"), N_("percentage points"), NL_EVIDENCE_MODERATE,
    N_("Inferred from strength minus size; no single neural site explains it"),
    "Moritani1979", FALSE },
  [NL_SERIES_MUSCULAR] = {
    "muscular_pct", N_("Muscular share of strength"), N_("percentage points"), NL_EVIDENCE_MODERATE,
    N_("Assumes force proportional to contractile cross-sectional area"),
    "Narici1989", FALSE },
  [NL_SERIES_VOLUNTARY_ACTIVATION] = {
    "voluntary_activation_pct", N_("Voluntary activation"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_CONTESTED,
    N_("Small and often not detectable with twitch interpolation"),
    "Tillin2011", FALSE },
  [NL_SERIES_PEAK_RATE] = {
    "peak_rate_hz", N_("Peak motor-unit discharge rate"), N_("Hz"), NL_EVIDENCE_MODERATE,
    N_("Mean rate at maximal effort; some studies find no change"),
    "KamenKnight2004", FALSE },
  [NL_SERIES_RECRUITMENT_CEILING] = {
    "recruitment_ceiling_pct", N_("Recruitment ceiling"),
    /* xgettext:no-c-format */
    N_("% MVC"), NL_EVIDENCE_MODERATE,
    N_("Force at which the last unit is recruited, from the Fuglevand pool"),
    "DelVecchio2019", FALSE },
  [NL_SERIES_COACTIVATION] = {
    "coactivation_pct", N_("Antagonist coactivation"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_WEAK,
    N_("Early drop reported in one classic study; not always replicated"),
    "Carolan1992", FALSE },
  [NL_SERIES_CSA] = {
    "csa_pct", N_("Contractile cross-sectional area"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_STRONG,
    N_("True hypertrophy only; early swelling is a separate series"),
    "Wernbom2007", FALSE },
  [NL_SERIES_FATIGUE] = {
    "fatigue_pct", N_("Acute fatigue"),
    /* xgettext:no-c-format */
    N_("% of MVC lost"), NL_EVIDENCE_MODERATE,
    N_("Residual loss at the time of the day's session"),
    "Hakkinen1993", FALSE },
  [NL_SERIES_BDNF_ACUTE] = {
    "bdnf_acute_pct", N_("Serum BDNF after the session"),
    /* xgettext:no-c-format */
    N_("% above rest"), NL_EVIDENCE_MODERATE,
    N_("Brief rise, mostly of brain and platelet origin, not from muscle"),
    "Dinoff2017", TRUE },
  [NL_SERIES_BDNF_RESTING] = {
    "bdnf_resting_pct", N_("Resting serum BDNF"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_WEAK,
    N_("No reliable change after resistance training in young adults"),
    "Dinoff2016", TRUE },
  [NL_SERIES_EDEMA] = {
    "edema_pct", N_("Swelling (edema)"),
    /* xgettext:no-c-format */
    N_("% of baseline CSA"), NL_EVIDENCE_MODERATE,
    N_("Early apparent growth that is damage-related swelling"),
    "Damas2016", FALSE },
  [NL_SERIES_APPARENT_CSA] = {
    "apparent_csa_pct", N_("Apparent cross-sectional area"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_MODERATE,
    N_("What imaging would show: contractile area plus swelling"),
    "Damas2016", FALSE },
  [NL_SERIES_SKILL] = {
    "skill_pct", N_("Task-specific skill"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_MODERATE,
    N_("Coordination of the trained exercise; transfers little to other tasks"),
    "Rutherford1986", FALSE },
  [NL_SERIES_CORTICOSPINAL] = {
    "corticospinal_pct", N_("Corticospinal excitability"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_CONTESTED,
    N_("Meta-analyses find small rises; heavy training can lower resting MEPs"),
    "Siddique2020", FALSE },
  [NL_SERIES_SYNCHRONISATION] = {
    "synchronisation_pct", N_("Motor-unit synchronisation"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_WEAK,
    N_("Cross-sectional evidence only; weeks of training do not raise it"),
    "Semmler2004", FALSE },
  [NL_SERIES_NMJ] = {
    "nmj_pct", N_("Neuromuscular-junction remodelling"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_WEAK,
    N_("Illustrative index: evidence comes from animal studies"),
    "AnimalNMJ", FALSE },
  [NL_SERIES_IL6] = {
    "il6_acute_pct", N_("IL-6 after the session"),
    /* xgettext:no-c-format */
    N_("% above rest"), NL_EVIDENCE_WEAK,
    N_("Modest after resistance work; some protocols show no rise"),
    "Raines", TRUE },
  [NL_SERIES_TESTOSTERONE] = {
    "testosterone_acute_pct", N_("Testosterone after the session"),
    /* xgettext:no-c-format */
    N_("% above rest"), NL_EVIDENCE_MODERATE,
    N_("Stress response lasting 15–30 min; does not drive hypertrophy"),
    "KraemerRatamess2005", TRUE },
  [NL_SERIES_GROWTH_HORMONE] = {
    "gh_acute_fold", N_("Growth hormone after the session"), N_("fold over rest"), NL_EVIDENCE_MODERATE,
    N_("Stress response; acute spikes do not add muscle growth"),
    "West2010", TRUE },
  [NL_SERIES_CORTISOL] = {
    "cortisol_acute_pct", N_("Cortisol after the session"),
    /* xgettext:no-c-format */
    N_("% above rest"), NL_EVIDENCE_MODERATE,
    N_("Stress response of high-volume, short-rest sessions"),
    "McCall1999", TRUE },
  [NL_SERIES_V_WAVE] = {
    "v_wave_pct", N_("V-wave (V/Mmax)"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_WEAK,
    N_("Index of descending drive to the motoneurons; one training study"),
    "Aagaard2002", FALSE },
  [NL_SERIES_RFD] = {
    "rfd_pct", N_("Early rate of force development"),
    /* xgettext:no-c-format */
    N_("% change"), NL_EVIDENCE_MODERATE,
    N_("0–200 ms; follows maximal force plus the drive at onset; doublets after ballistic work"),
    "Aagaard2002", FALSE },
};

static const NlGroupEffect group_effects[] = {
  { "depression", N_("Depressive symptoms"), 0.66, 0.48, 0.83, NL_EVIDENCE_MODERATE, "Gordon2018",
    N_("Group-level effect vs non-active controls; an adjunct, not a treatment") },
  { "anxiety", N_("Anxiety symptoms"), 0.31, 0.17, 0.44, NL_EVIDENCE_MODERATE, "Gordon2017",
    N_("Group-level effect; larger in healthy adults than in patients") },
  { "cognition", N_("Cognitive function"), 0.29, 0.17, 0.41, NL_EVIDENCE_MODERATE, "Northey2018",
    N_("Group-level effect in adults over 50; high heterogeneity") },
};

const NlSeriesInfo *
nl_series_get_info (NlSeries series)
{
  g_return_val_if_fail (series < NL_N_SERIES, NULL);
  return &series_info[series];
}

const char *
nl_evidence_to_string (NlEvidence evidence)
{
  switch (evidence)
    {
    case NL_EVIDENCE_STRONG:    return "strong";
    case NL_EVIDENCE_MODERATE:  return "moderate";
    case NL_EVIDENCE_WEAK:      return "weak";
    case NL_EVIDENCE_CONTESTED: return "contested";
    default:                    return "weak";
    }
}

const char *
nl_evidence_to_label (NlEvidence evidence)
{
  switch (evidence)
    {
    case NL_EVIDENCE_STRONG:    return _("strong");
    case NL_EVIDENCE_MODERATE:  return _("moderate");
    case NL_EVIDENCE_CONTESTED: return _("contested");
    case NL_EVIDENCE_WEAK:
    default:                    return _("weak");
    }
}

static void
track_free (gpointer data)
{
  NlTimelineTrack *track = data;

  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      if (!series_info[s].systemic)
        {
          g_free (track->series[s]);
          for (guint p = 0; p < NL_N_PERCENTILES; p++)
            g_free (track->pct[s][p]);
        }
    }
  g_clear_pointer (&track->fatigue_events, g_array_unref);
  g_free (track->rate_scale);
  g_free (track->threshold_scale);
  g_free (track->voluntary_excitation);
  g_free (track);
}

NlTimeline *
_nl_timeline_new (guint        n_days,
                  guint        programme_days,
                  const double tau_fatigue_days[NL_N_FATIGUE_COMPARTMENTS],
                  double       tau_bdnf_days)
{
  NlTimeline *self = g_new0 (NlTimeline, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_days = n_days;
  self->programme_days = programme_days;
  self->tracks = g_ptr_array_new_with_free_func (track_free);
  self->bdnf_events = g_array_new (FALSE, FALSE, sizeof (NlBdnfEvent));
  self->phases = g_array_new (FALSE, FALSE, sizeof (NlTimelinePhase));
  self->strings = g_string_chunk_new (256);
  for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
    self->tau_fatigue[k] = tau_fatigue_days[k];
  self->tau_bdnf = tau_bdnf_days;
  for (guint s = 0; s < NL_N_SERIES; s++)
    if (series_info[s].systemic)
      self->systemic[s] = g_new0 (double, n_days);
  return self;
}

NlTimeline *
nl_timeline_ref (NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nl_timeline_unref (NlTimeline *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->tracks);
  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      g_free (self->systemic[s]);
      for (guint p = 0; p < NL_N_PERCENTILES; p++)
        g_free (self->systemic_pct[s][p]);
    }
  g_array_unref (self->bdnf_events);
  g_array_unref (self->phases);
  g_string_chunk_free (self->strings);
  g_free (self);
}

NlTimelineTrack *
_nl_timeline_add_track (NlTimeline *self,
                        const char *muscle,
                        NlSide      side,
                        NlRegion    region)
{
  NlTimelineTrack *track = g_new0 (NlTimelineTrack, 1);

  track->muscle = g_string_chunk_insert_const (self->strings, muscle);
  track->side = side;
  track->region = region;
  for (guint s = 0; s < NL_N_SERIES; s++)
    track->series[s] = series_info[s].systemic ? self->systemic[s] : g_new0 (double, self->n_days);
  track->fatigue_events = g_array_new (FALSE, FALSE, sizeof (NlFatigueEvent));
  track->rate_scale = g_new0 (double, self->n_days);
  track->threshold_scale = g_new0 (double, self->n_days);
  track->voluntary_excitation = g_new0 (double, self->n_days);
  nl_motor_unit_pool_params_init (&track->pool_base);
  g_ptr_array_add (self->tracks, track);
  return track;
}

NlTimelineTrack *
_nl_timeline_get_track (NlTimeline *self,
                        guint       track)
{
  g_return_val_if_fail (track < self->tracks->len, NULL);
  return g_ptr_array_index (self->tracks, track);
}

double *
_nl_timeline_get_systemic (NlTimeline *self,
                           NlSeries    series)
{
  g_return_val_if_fail (series < NL_N_SERIES && series_info[series].systemic, NULL);
  return self->systemic[series];
}

void
_nl_timeline_add_phase (NlTimeline  *self,
                        const char  *name,
                        NlPhaseKind  kind,
                        guint        first_day,
                        guint        n_days)
{
  NlTimelinePhase phase = {
    .name = name != NULL ? g_string_chunk_insert_const (self->strings, name) : NULL,
    .kind = kind,
    .first_day = first_day,
    .n_days = n_days,
  };

  g_array_append_val (self->phases, phase);
}

void
_nl_timeline_add_bdnf_event (NlTimeline *self,
                             double      t,
                             double      amp)
{
  NlBdnfEvent event = { t, amp };

  g_array_append_val (self->bdnf_events, event);
}

void
_nl_timeline_set_group_effects_apply (NlTimeline *self,
                                      gboolean    apply)
{
  self->effects_apply = apply;
}

void
_nl_timeline_finish (NlTimeline *self)
{
  GHashTable *muscle_work = g_hash_table_new (g_str_hash, g_str_equal);
  double best = -1.0;
  const char *best_muscle = NULL;

  /* Sum per muscle in track order, so ties go to the first muscle met. */
  for (guint i = 0; i < self->tracks->len; i++)
    {
      NlTimelineTrack *track = g_ptr_array_index (self->tracks, i);
      double *sum = g_hash_table_lookup (muscle_work, track->muscle);

      if (sum == NULL)
        {
          double total = 0.0;

          for (guint j = i; j < self->tracks->len; j++)
            {
              NlTimelineTrack *other = g_ptr_array_index (self->tracks, j);

              if (g_str_equal (other->muscle, track->muscle))
                total += other->work;
            }
          g_hash_table_insert (muscle_work, track->muscle, track);
          if (total > best)
            {
              best = total;
              best_muscle = track->muscle;
            }
        }
    }
  g_hash_table_unref (muscle_work);

  best = -1.0;
  self->default_track = 0;
  for (guint i = 0; i < self->tracks->len; i++)
    {
      NlTimelineTrack *track = g_ptr_array_index (self->tracks, i);

      if (best_muscle != NULL && g_str_equal (track->muscle, best_muscle) && track->work > best)
        {
          best = track->work;
          self->default_track = i;
        }
    }
}

void
_nl_timeline_alloc_percentiles (NlTimeline *self,
                                guint       population)
{
  self->population = population;
  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      for (guint p = 0; p < NL_N_PERCENTILES; p++)
        {
          if (series_info[s].systemic)
            {
              self->systemic_pct[s][p] = g_new0 (double, self->n_days);
              for (guint i = 0; i < self->tracks->len; i++)
                ((NlTimelineTrack *) g_ptr_array_index (self->tracks, i))->pct[s][p] = self->systemic_pct[s][p];
            }
          else
            {
              for (guint i = 0; i < self->tracks->len; i++)
                ((NlTimelineTrack *) g_ptr_array_index (self->tracks, i))->pct[s][p] = g_new0 (double, self->n_days);
            }
        }
    }
}

double *
_nl_timeline_get_percentile_mut (NlTimeline   *self,
                                 guint         track,
                                 NlSeries      series,
                                 NlPercentile  percentile)
{
  return _nl_timeline_get_track (self, track)->pct[series][percentile];
}

guint
nl_timeline_get_n_days (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_days;
}

guint
nl_timeline_get_programme_days (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->programme_days;
}

guint
nl_timeline_get_n_tracks (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->tracks->len;
}

static const NlTimelineTrack *
get_track (const NlTimeline *self,
           guint             track)
{
  return g_ptr_array_index (self->tracks, track);
}

const char *
nl_timeline_get_track_muscle (const NlTimeline *self,
                              guint             track)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, NULL);
  return get_track (self, track)->muscle;
}

NlSide
nl_timeline_get_track_side (const NlTimeline *self,
                            guint             track)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, NL_SIDE_LEFT);
  return get_track (self, track)->side;
}

double
nl_timeline_get_track_work (const NlTimeline *self,
                            guint             track)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, 0.0);
  return get_track (self, track)->work;
}

const char *
nl_timeline_get_track_exercise (const NlTimeline *self,
                                guint             track)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, NULL);
  return get_track (self, track)->exercise;
}

int
nl_timeline_find_track (const NlTimeline *self,
                        const char       *muscle,
                        NlSide            side)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (muscle != NULL, -1);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      const NlTimelineTrack *track = get_track (self, i);

      if (track->side == side && g_str_equal (track->muscle, muscle))
        return (int) i;
    }
  return -1;
}

guint
nl_timeline_get_other_side (const NlTimeline *self,
                            guint             track)
{
  const NlTimelineTrack *t;
  int other;

  g_return_val_if_fail (self != NULL && track < self->tracks->len, 0);
  t = get_track (self, track);
  other = nl_timeline_find_track (self, t->muscle,
                                  t->side == NL_SIDE_LEFT ? NL_SIDE_RIGHT : NL_SIDE_LEFT);
  return other >= 0 ? (guint) other : track;
}

guint
nl_timeline_get_default_track (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->default_track;
}

const double *
nl_timeline_get_series (const NlTimeline *self,
                        guint             track,
                        NlSeries          series)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, NULL);
  g_return_val_if_fail (series < NL_N_SERIES, NULL);
  return get_track (self, track)->series[series];
}

guint
nl_timeline_get_population (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->population;
}

const double *
nl_timeline_get_percentile (const NlTimeline *self,
                            guint             track,
                            NlSeries          series,
                            NlPercentile      percentile)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, NULL);
  g_return_val_if_fail (series < NL_N_SERIES && percentile < NL_N_PERCENTILES, NULL);
  return get_track (self, track)->pct[series][percentile];
}

guint
nl_timeline_get_n_phases (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->phases->len;
}

const NlTimelinePhase *
nl_timeline_get_phase (const NlTimeline *self,
                       guint             index)
{
  g_return_val_if_fail (self != NULL && index < self->phases->len, NULL);
  return &g_array_index (self->phases, NlTimelinePhase, index);
}

int
nl_timeline_get_phase_at (const NlTimeline *self,
                          guint             day)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->phases->len; i++)
    {
      const NlTimelinePhase *phase = &g_array_index (self->phases, NlTimelinePhase, i);

      if (day >= phase->first_day && day < phase->first_day + phase->n_days)
        return (int) i;
    }
  return -1;
}

double
nl_timeline_get_fatigue_at (const NlTimeline *self,
                            guint             track,
                            double            day)
{
  const NlTimelineTrack *t;
  double loss = 0.0;

  g_return_val_if_fail (self != NULL && track < self->tracks->len, 0.0);

  t = get_track (self, track);
  for (guint i = 0; i < t->fatigue_events->len; i++)
    {
      const NlFatigueEvent *event = &g_array_index (t->fatigue_events, NlFatigueEvent, i);
      double dt = day - event->t;

      if (dt < 0.0)
        break;
      for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
        loss += event->amp[k] * exp (-dt / self->tau_fatigue[k]);
    }
  return MIN (loss, 0.95);
}

double
nl_timeline_get_bdnf_at (const NlTimeline *self,
                         double            day)
{
  double rise = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);

  for (guint i = 0; i < self->bdnf_events->len; i++)
    {
      const NlBdnfEvent *event = &g_array_index (self->bdnf_events, NlBdnfEvent, i);
      double dt = day - event->t;

      if (dt < 0.0)
        break;
      rise += event->amp * exp (-dt / self->tau_bdnf);
    }
  return rise;
}

const NlGroupEffect *
nl_timeline_get_group_effects (const NlTimeline *self,
                               guint            *n_effects)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_effects != NULL)
    *n_effects = G_N_ELEMENTS (group_effects);
  return group_effects;
}

gboolean
nl_timeline_get_group_effects_apply (const NlTimeline *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->effects_apply;
}

NlMotorUnitPool *
nl_timeline_build_motor_pool (const NlTimeline *self,
                              guint             track,
                              guint             day)
{
  const NlTimelineTrack *t;
  NlMotorUnitPoolParams params;

  g_return_val_if_fail (self != NULL && track < self->tracks->len, NULL);
  g_return_val_if_fail (day < self->n_days, NULL);

  t = get_track (self, track);
  params = t->pool_base;
  params.rate_scale = t->rate_scale[day];
  params.threshold_scale = t->threshold_scale[day];
  /* The model keeps the shifts inside the checked ranges. */
  return nl_motor_unit_pool_new (&params, NULL);
}

double
nl_timeline_get_voluntary_excitation (const NlTimeline *self,
                                      guint             track,
                                      guint             day)
{
  g_return_val_if_fail (self != NULL && track < self->tracks->len, 0.0);
  g_return_val_if_fail (day < self->n_days, 0.0);
  return get_track (self, track)->voluntary_excitation[day];
}
