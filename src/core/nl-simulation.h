/* nl-simulation.h — keeps a programme's timeline up to date in the background
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches NlProgram::changed.  Each burst of edits (debounced by less than
 * one frame) takes a snapshot on the main thread, cancels the previous run
 * and starts a new one on a worker thread (GTask).  A result is shown only
 * if no newer edit has started a run since, so the "timeline" property
 * never goes back to an older programme.
 */
#pragma once

#include <gio/gio.h>

#include "nl-program.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

/* Time from the last edit of a burst to the start of its run.  The edits
 * of a burst (an undo group, a paste) arrive within one main-loop
 * iteration, so the run starts at the next one: waiting longer only
 * delays the plot, and a newer edit cancels a run anyway. */
#define NL_SIMULATION_DEBOUNCE_MS 0

#define NL_TYPE_SIMULATION (nl_simulation_get_type ())

G_DECLARE_FINAL_TYPE (NlSimulation, nl_simulation, NL, SIMULATION, GObject)

NlSimulation *nl_simulation_new            (void);

void          nl_simulation_set_program    (NlSimulation *self,
                                            NlProgram    *program);
NlProgram    *nl_simulation_get_program    (NlSimulation *self);

/* The newest finished result; NULL before the first. */
NlTimeline   *nl_simulation_get_timeline   (NlSimulation *self);
/* TRUE while a run is waiting for its debounce or working. */
gboolean      nl_simulation_get_running    (NlSimulation *self);
/* 0…1 for the run in progress (population runs report steps). */
double        nl_simulation_get_progress   (NlSimulation *self);
/* Why the programme cannot be simulated right now, or NULL. */
const char   *nl_simulation_get_error      (NlSimulation *self);
/* How many model runs have been started (each cancels the one before). */
guint         nl_simulation_get_runs_started (NlSimulation *self);

/* Virtual trainees per run; 0 runs the single average trainee. */
guint         nl_simulation_get_population (NlSimulation *self);
void          nl_simulation_set_population (NlSimulation *self,
                                            guint         population);
guint         nl_simulation_get_seed       (NlSimulation *self);
void          nl_simulation_set_seed       (NlSimulation *self,
                                            guint         seed);

/* Starts a run now (no debounce), e.g. after a setting outside the
 * programme changed. */
void          nl_simulation_refresh        (NlSimulation *self);

/* Blocks in the main context until no run is pending; for tests and the
 * command line. */
void          nl_simulation_wait           (NlSimulation *self);

G_END_DECLS
