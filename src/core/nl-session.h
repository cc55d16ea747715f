/* nl-session.h — one session of a phase's weekly template
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nl-set-group.h"

G_BEGIN_DECLS

#define NL_TYPE_SESSION (nl_session_get_type ())

G_DECLARE_FINAL_TYPE (NlSession, nl_session, NL, SESSION, GObject)

NlSession   *nl_session_new          (guint        day);
NlSession   *nl_session_copy         (NlSession   *self);

guint        nl_session_get_day      (NlSession   *self);
void         nl_session_set_day      (NlSession   *self,
                                      guint        day);
const char  *nl_session_get_name     (NlSession   *self);
void         nl_session_set_name     (NlSession   *self,
                                      const char  *name);

/* A GListModel of NlSetGroup. */
GListModel  *nl_session_get_sets     (NlSession   *self);
void         nl_session_insert_sets  (NlSession   *self,
                                      guint        position,
                                      NlSetGroup  *sets);
void         nl_session_remove_sets  (NlSession   *self,
                                      guint        position);
void         nl_session_move_sets    (NlSession   *self,
                                      guint        from,
                                      guint        to);

G_END_DECLS
