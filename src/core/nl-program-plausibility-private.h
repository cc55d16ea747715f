/* nl-program-plausibility-private.h — warnings about implausible training
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nl-program.h"

G_BEGIN_DECLS

/* Sets more than this % of 1RM are outside blood-flow-restriction practice
 * (20–40 % 1RM, Patterson 2019) by a margin. */
#define NL_PLAUSIBLE_BFR_MAX_PCT 50.0

/* The most repetitions a rested trainee can do at @load_pct % of 1RM: the
 * larger of the Brzycki and Epley relations (docs/model.md §4.1); at least 1
 * at 100 % and 0 above it. */
double  _nl_plausible_max_reps        (double      load_pct);

/* The largest reps + reps in reserve the checks accept at @load_pct: the
 * maximum above with a margin for individual and exercise variation. */
double  _nl_plausible_reps_limit      (double      load_pct);

/* Appends one NlProblem (with warning set) to @problems for each set group
 * or phase whose training is implausible: a load above 1RM (or above a
 * maximal contraction) for more than one repetition, more repetitions plus
 * reps in reserve than can be done at the load, blood-flow restriction with
 * a heavy load, a training phase without sessions.  The model still runs. */
void    _nl_program_check_plausibility (NlProgram *self,
                                        GPtrArray *problems);

G_END_DECLS
