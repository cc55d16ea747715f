/* nl-population-private.h — percentiles over virtual trainees
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-adaptation-model.h"

G_BEGIN_DECLS

/* Fills @timeline's percentile arrays from options->population trainees. */
gboolean _nl_population_run (NlTimeline           *timeline,
                             NlProgramSnapshot    *snapshot,
                             const NlModelParams  *params,
                             const NlModelOptions *options,
                             GCancellable         *cancellable,
                             NlProgressFunc        progress,
                             gpointer              user_data,
                             GError              **error);

G_END_DECLS
