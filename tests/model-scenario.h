/* model-scenario.h — hand-built programmes for the model tests
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only helpers shared by the model tests and benchmarks: they build
 * NlProgramSnapshots without the XML loader.
 */
#pragma once

#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-catalog.h"
#include "nl-program-snapshot.h"

/* Adds a phase; returns its index. */
static inline guint
scenario_phase (NlProgramSnapshot *snapshot,
                NlPhaseKind        kind,
                guint              weeks,
                NlLimbs            immobilized,
                double             progression)
{
  return nl_program_snapshot_add_phase (snapshot, NULL, kind, weeks, immobilized, progression);
}

static inline guint
scenario_session_for_day (NlProgramSnapshot *snapshot,
                          guint              phase,
                          guint              day)
{
  const NlSnapshotPhase *p = &snapshot->phases[phase];

  for (guint s = 0; s < p->n_sessions; s++)
    if (p->sessions[s].day == day)
      return s;
  return nl_program_snapshot_add_session (snapshot, phase, day, NULL);
}

/* Adds @count × @reps of catalogue exercise @exercise at @load_pct with
 * @rir on every day listed in @days (e.g. "135" for Mon/Wed/Fri). */
static inline void
scenario_sets (NlProgramSnapshot *snapshot,
               guint              phase,
               const char        *days,
               const char        *exercise,
               NlSide             side,
               guint              count,
               guint              reps,
               double             load_pct,
               guint              rir)
{
  const NlExerciseInfo *info = nl_catalog_lookup_exercise (nl_catalog_get_default (), exercise);
  NlSnapshotSets sets = { 0 };

  g_assert_nonnull (info);
  sets.exercise_id = info->id;
  sets.exercise_name = info->name;
  sets.muscle = info->muscle;
  sets.mode = info->mode;
  sets.laterality = info->laterality;
  sets.joints = info->joints;
  sets.count = count;
  sets.reps = reps;
  sets.load_pct = load_pct;
  sets.rir = rir;
  sets.side = side;

  for (const char *d = days; *d != '\0'; d++)
    {
      guint day = (guint) (*d - '0');
      guint session = scenario_session_for_day (snapshot, phase, day);

      nl_program_snapshot_add_sets (snapshot, phase, session, &sets);
    }
}

static inline NlTimeline *
scenario_run (NlProgramSnapshot *snapshot,
              guint              extend_days)
{
  NlModelOptions options;
  g_autoptr(GError) error = NULL;
  NlTimeline *timeline;

  nl_model_options_init (&options);
  options.extend_days = extend_days;
  timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  return timeline;
}

static inline double
scenario_value (const NlTimeline *timeline,
                const char       *muscle,
                NlSide            side,
                NlSeries          series,
                guint             day)
{
  int track = nl_timeline_find_track (timeline, muscle, side);

  g_assert_cmpint (track, >=, 0);
  g_assert_cmpuint (day, <, nl_timeline_get_n_days (timeline));
  return nl_timeline_get_series (timeline, (guint) track, series)[day];
}
