/* nl-adaptation-model.h — programme snapshot → adaptation timeline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Threading contract: nl_adaptation_model_run() is pure.  It reads the
 * snapshot and the options, touches no global state, and returns a new
 * immutable timeline, so any number of runs may go on at once on any
 * threads.  @progress is only ever called on the calling thread, with a
 * fraction 0…1; it must not block.  Population runs spread the virtual
 * trainees over options->n_threads threads (the calling thread is one of
 * them); trainee i's draws depend only on (seed, i), so the result does not
 * depend on scheduling or on the number of threads.
 */
#pragma once

#include <gio/gio.h>

#include "nl-model-params.h"
#include "nl-program-snapshot.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

typedef void (*NlProgressFunc) (double   fraction,
                                gpointer user_data);

#define NL_MODEL_MAX_EXTEND_DAYS 3650
#define NL_MODEL_MAX_POPULATION  5000

typedef struct {
  guint                 extend_days;  /* follow-up after the programme, ≤ NL_MODEL_MAX_EXTEND_DAYS */
  guint                 population;   /* 0: the typical trainee only; else virtual trainees */
  guint64               seed;         /* population draws */
  guint                 n_threads;    /* 0: one per processor */
  const NlModelParams  *params;       /* NULL: nl_model_params_init_default() */
} NlModelOptions;

void        nl_model_options_init      (NlModelOptions       *options);

/* Returns NULL with NL_MODEL_ERROR_INVALID for options the programme cannot
 * take, NL_MODEL_ERROR_CANCELLED when @cancellable fires. */
NlTimeline *nl_adaptation_model_run    (NlProgramSnapshot    *snapshot,
                                        const NlModelOptions *options,
                                        GCancellable         *cancellable,
                                        NlProgressFunc        progress,
                                        gpointer              user_data,
                                        GError              **error);

G_END_DECLS
