/* nl-program-plausibility.c — warnings about implausible training
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema and nl-program-check.c make sure that a programme means
 * something; these checks say when what it means is unlikely to be what the
 * author meant: sets nobody can do, blood-flow restriction outside its
 * practice, a training phase that trains nothing.  They are warnings: the
 * model runs, and the problems banner says what looks wrong.  docs/model.md
 * §4.1 gives the sources and margins.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-program-check-private.h"
#include "nl-program-plausibility-private.h"

/* reps + RIR may exceed the published maximum by this factor plus
 * REPS_SLACK before a warning: the relations are group means. */
#define REPS_FACTOR 1.5
#define REPS_SLACK  2.0

double
_nl_plausible_max_reps (double load_pct)
{
  double f = load_pct / 100.0;

  if (f > 1.0)
    return 0.0;
  if (f <= 0.0)
    return INFINITY;
  /* Brzycki 1993: 1RM = w · 36/(37 − r); Epley 1985: 1RM = w (1 + r/30). */
  return MAX (1.0, MAX (37.0 - 36.0 * f, 30.0 * (1.0 / f - 1.0)));
}

double
_nl_plausible_reps_limit (double load_pct)
{
  return REPS_FACTOR * _nl_plausible_max_reps (load_pct) + REPS_SLACK;
}

static void G_GNUC_PRINTF (4, 5)
add_warning (GPtrArray  *problems,
             gpointer    item,
             const char *attribute,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  _nl_problems_add_valist (problems, TRUE, item, attribute, format, args);
  va_end (args);
}

static char *
phase_label (NlPhase *phase,
             guint    index)
{
  if (nl_phase_get_name (phase) != NULL && *nl_phase_get_name (phase) != '\0')
    return g_strdup_printf ("“%s”", nl_phase_get_name (phase));
  return g_strdup_printf ("%u", index + 1);
}

static void
check_sets (NlProgram  *self,
            const char *label,
            guint       day,
            NlSetGroup *sets,
            GPtrArray  *problems)
{
  NlExerciseInfo info;
  double load = nl_set_group_get_load_pct (sets);
  guint reps = nl_set_group_get_reps (sets);
  guint rir = nl_set_group_get_rir (sets);
  double limit;

  /* An unknown exercise is nl-program-check.c's problem. */
  if (!nl_program_resolve_exercise (self, nl_set_group_get_exercise (sets), &info))
    return;

  if (nl_set_group_get_bfr (sets) && load > NL_PLAUSIBLE_BFR_MAX_PCT)
    add_warning (problems, sets, "bfr",
                 _("%s on day %u of phase %s uses blood-flow restriction at %.4g %% of 1RM; "
                   "blood-flow restriction is used with light loads of 20–40 %% of 1RM, and "
                   "the model’s blood-flow-restriction effect is only known for light loads"),
                 _nl_exercise_label (self, &info), day, label, load);

  switch (info.mode)
    {
    case NL_MODE_ISOMETRIC:
      /* The load of isometric work is a share of a maximal contraction. */
      if (load > 100.0)
        add_warning (problems, sets, "load-pct",
                     _("%s on day %u of phase %s asks for %.4g %% of a maximal contraction, "
                       "more than anyone can produce; lower the load"),
                     _nl_exercise_label (self, &info), day, label, load);
      return;

    case NL_MODE_ECCENTRIC:
      /* Eccentric loads are relative to the concentric 1RM and may exceed
       * it (lowering more than can be lifted); the repetition relations
       * are for concentric lifts. */
      return;

    case NL_MODE_DYNAMIC:
    case NL_MODE_BALLISTIC:
    default:
      break;
    }

  if (load > 100.0)
    {
      if (reps > 1)
        add_warning (problems, sets, "load-pct",
                     _("%s on day %u of phase %s has %u repetitions at %.4g %% of 1RM, but a "
                       "load above 1RM cannot be lifted even once; lower the load or the "
                       "repetitions"),
                     _nl_exercise_label (self, &info), day, label, reps, load);
      return;
    }

  limit = _nl_plausible_reps_limit (load);
  if (reps + rir > limit)
    {
      int most = (int) floor (_nl_plausible_max_reps (load) + 0.5);

      if (rir > 0)
        add_warning (problems, sets, "reps",
                     _("%s on day %u of phase %s has %u repetitions with %u in reserve at %.4g %% "
                       "of 1RM, but about %d repetitions is the most people can do at that load; "
                       "lower the load, the repetitions or the repetitions in reserve"),
                     _nl_exercise_label (self, &info), day, label, reps, rir, load, most);
      else
        add_warning (problems, sets, "reps",
                     _("%s on day %u of phase %s has %u repetitions at %.4g %% of 1RM, but about "
                       "%d repetitions is the most people can do at that load; lower the load or "
                       "the repetitions"),
                     _nl_exercise_label (self, &info), day, label, reps, load, most);
    }
}

void
_nl_program_check_plausibility (NlProgram *self,
                                GPtrArray *problems)
{
  GListModel *phases;

  g_return_if_fail (NL_IS_PROGRAM (self));
  g_return_if_fail (problems != NULL);

  phases = nl_program_get_phases (self);
  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(NlPhase) phase = g_list_model_get_item (phases, p);
      GListModel *sessions = nl_phase_get_sessions (phase);
      g_autofree char *label = NULL;

      if (nl_phase_get_kind (phase) != NL_PHASE_TRAINING)
        continue;

      label = phase_label (phase, p);
      if (g_list_model_get_n_items (sessions) == 0)
        {
          add_warning (problems, phase, NULL,
                       _("phase %s is a training phase without sessions, so the model treats it "
                         "as a break from training; add a session or make it a detraining phase"),
                       label);
          continue;
        }

      for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
          GListModel *sets = nl_session_get_sets (session);

          for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
            {
              g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);

              check_sets (self, label, nl_session_get_day (session), group, problems);
            }
        }
    }
}
