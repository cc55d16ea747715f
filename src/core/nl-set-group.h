/* nl-set-group.h — one <sets> line: count × reps at a load, for one exercise
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nl-core-enums.h"
#include "nl-core-types.h"

G_BEGIN_DECLS

#define NL_TYPE_SET_GROUP (nl_set_group_get_type ())

G_DECLARE_FINAL_TYPE (NlSetGroup, nl_set_group, NL, SET_GROUP, GObject)

NlSetGroup  *nl_set_group_new           (const char  *exercise);
NlSetGroup  *nl_set_group_copy          (NlSetGroup  *self);

const char  *nl_set_group_get_exercise  (NlSetGroup  *self);
void         nl_set_group_set_exercise  (NlSetGroup  *self,
                                         const char  *exercise);
NlSide       nl_set_group_get_side      (NlSetGroup  *self);
void         nl_set_group_set_side      (NlSetGroup  *self,
                                         NlSide       side);
guint        nl_set_group_get_count     (NlSetGroup  *self);
void         nl_set_group_set_count     (NlSetGroup  *self,
                                         guint        count);
guint        nl_set_group_get_reps      (NlSetGroup  *self);
void         nl_set_group_set_reps      (NlSetGroup  *self,
                                         guint        reps);
/* Rounded to 0.01. */
double       nl_set_group_get_load_pct  (NlSetGroup  *self);
void         nl_set_group_set_load_pct  (NlSetGroup  *self,
                                         double       load_pct);
guint        nl_set_group_get_rir       (NlSetGroup  *self);
void         nl_set_group_set_rir       (NlSetGroup  *self,
                                         guint        rir);
/* 0 when not given. */
guint        nl_set_group_get_rest_s    (NlSetGroup  *self);
void         nl_set_group_set_rest_s    (NlSetGroup  *self,
                                         guint        rest_s);
gboolean     nl_set_group_get_bfr       (NlSetGroup  *self);
void         nl_set_group_set_bfr       (NlSetGroup  *self,
                                         gboolean     bfr);

G_END_DECLS
