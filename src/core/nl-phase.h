/* nl-phase.h — one phase of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nl-core-enums.h"
#include "nl-core-types.h"
#include "nl-session.h"

G_BEGIN_DECLS

#define NL_TYPE_PHASE (nl_phase_get_type ())

G_DECLARE_FINAL_TYPE (NlPhase, nl_phase, NL, PHASE, GObject)

NlPhase     *nl_phase_new                     (NlPhaseKind  kind,
                                               guint        weeks);
NlPhase     *nl_phase_copy                    (NlPhase     *self);

const char  *nl_phase_get_name                (NlPhase     *self);
void         nl_phase_set_name                (NlPhase     *self,
                                               const char  *name);
NlPhaseKind  nl_phase_get_kind                (NlPhase     *self);
void         nl_phase_set_kind                (NlPhase     *self,
                                               NlPhaseKind  kind);
guint        nl_phase_get_weeks               (NlPhase     *self);
void         nl_phase_set_weeks               (NlPhase     *self,
                                               guint        weeks);
/* The limbs in a cast: the <immobilize> element of a training phase, the
 * side attribute of an immobilization phase. */
NlLimbs      nl_phase_get_immobilized         (NlPhase     *self);
void         nl_phase_set_immobilized         (NlPhase     *self,
                                               NlLimbs      limbs);
/* The <progression> element; 0 means none. */
double       nl_phase_get_load_pct_per_week   (NlPhase     *self);
void         nl_phase_set_load_pct_per_week   (NlPhase     *self,
                                               double       pct);

/* Sessions of the weekly template: a GListModel of NlSession. */
GListModel  *nl_phase_get_sessions            (NlPhase     *self);
void         nl_phase_insert_session          (NlPhase     *self,
                                               guint        position,
                                               NlSession   *session);
void         nl_phase_remove_session          (NlPhase     *self,
                                               guint        position);
void         nl_phase_move_session            (NlPhase     *self,
                                               guint        from,
                                               guint        to);

G_END_DECLS
