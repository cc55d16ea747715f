/* nl-cli-model-private.h — helpers shared by simulate and motor-pool
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-adaptation-model.h"
#include "nl-cli-private.h"

G_BEGIN_DECLS

/* Writes @text to @path, or to standard output when @path is "-".  Prints
 * a message and returns FALSE on failure. */
gboolean    _nl_cli_write_output  (const char            *command,
                                   const char            *path,
                                   const char            *text);
/* Loads, snapshots and simulates @path; prints a message and returns NULL
 * on failure (bad file, inconsistent programme, nothing to simulate). */
NlTimeline *_nl_cli_load_timeline (const char            *command,
                                   const char            *path,
                                   const NlModelOptions  *options);
/* Resolves --muscle/--side (either may be NULL) to a track: the muscle with
 * the most work and its side with the most work by default.  Returns an
 * exit status. */
int         _nl_cli_pick_track    (const char            *command,
                                   const NlTimeline      *timeline,
                                   const char            *muscle,
                                   const char            *side_name,
                                   guint                 *track);

G_END_DECLS
