/* nl-motor-unit-pool.h — a Fuglevand, Winter & Patla (1993) motor-unit pool
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units are indexed 0 … n−1 in recruitment order (unit 0 has the lowest
 * threshold, the smallest twitch and the longest contraction time).
 * Excitation is in the model's own units (the first threshold is e^a ≈ 1);
 * use nl_motor_unit_pool_get_max_excitation() to turn an effort fraction
 * into an excitation.  A pool never changes after creation, so one pool may
 * be read from several threads at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  n_units;                  /* n, 120 */
  double recruitment_range;        /* RR: largest/smallest threshold excitation */
  double min_rate;                 /* MFR, Hz */
  double peak_rate_first;          /* PFR of the first unit, Hz */
  double peak_rate_last;           /* PFR of the last unit, Hz */
  double gain;                     /* g_e, Hz per unit of excitation */
  double twitch_range;             /* RP: largest/smallest twitch force */
  double contraction_time_longest; /* T_L, seconds */
  double contraction_time_range;   /* RT: longest/shortest contraction time */
  double threshold_scale;          /* training shift: multiplies every threshold (1 = none) */
  double rate_scale;               /* training shift: multiplies every peak rate (1 = none) */
} NlMotorUnitPoolParams;

/* The force, recruitment and mean discharge rate at one excitation. */
typedef struct {
  double excitation;
  double force;       /* fraction of the force at maximal excitation, 0…1 */
  guint  recruited;   /* units at or above threshold */
  double mean_rate;   /* mean discharge rate of the recruited units, Hz (0 if none) */
} NlMotorUnitPoolPoint;

typedef struct _NlMotorUnitPool NlMotorUnitPool;

/* The textbook parameters the issue and ANCHORS.md use: 120 units, RR 17,
 * MFR 8 Hz, PFR 35 → 25 Hz, g_e 1, RP 100, T_L 90 ms, RT 3, no shifts. */
void             nl_motor_unit_pool_params_init       (NlMotorUnitPoolParams       *params);
/* FALSE with a message in @error when a parameter is out of its range. */
gboolean         nl_motor_unit_pool_params_check      (const NlMotorUnitPoolParams *params,
                                                       GError                     **error);

/* Returns NULL only if nl_motor_unit_pool_params_check() would fail. */
NlMotorUnitPool *nl_motor_unit_pool_new               (const NlMotorUnitPoolParams *params,
                                                       GError                     **error);
void             nl_motor_unit_pool_free              (NlMotorUnitPool             *self);
const NlMotorUnitPoolParams *
                 nl_motor_unit_pool_get_params        (const NlMotorUnitPool       *self);

guint            nl_motor_unit_pool_get_n_units       (const NlMotorUnitPool       *self);
/* E_max = RTE(n) + (PFR(n) − MFR)/g_e: every unit at its peak rate. */
double           nl_motor_unit_pool_get_max_excitation (const NlMotorUnitPool      *self);

/* Per-unit queries for the animated diagram. */
double           nl_motor_unit_pool_unit_threshold    (const NlMotorUnitPool       *self,
                                                       guint                        unit);
double           nl_motor_unit_pool_unit_peak_rate    (const NlMotorUnitPool       *self,
                                                       guint                        unit);
/* Peak twitch force relative to the smallest unit (1 … RP). */
double           nl_motor_unit_pool_unit_twitch_force (const NlMotorUnitPool       *self,
                                                       guint                        unit);
/* Time to peak twitch force, seconds. */
double           nl_motor_unit_pool_unit_contraction_time (const NlMotorUnitPool   *self,
                                                       guint                        unit);
gboolean         nl_motor_unit_pool_unit_is_recruited (const NlMotorUnitPool       *self,
                                                       guint                        unit,
                                                       double                       excitation);
/* Steady discharge rate at @excitation, Hz; 0 below threshold. */
double           nl_motor_unit_pool_unit_rate         (const NlMotorUnitPool       *self,
                                                       guint                        unit,
                                                       double                       excitation);
/* Mean steady-state force of the unit at @excitation, as a fraction of the
 * pool's force at maximal excitation. */
double           nl_motor_unit_pool_unit_force        (const NlMotorUnitPool       *self,
                                                       guint                        unit,
                                                       double                       excitation);

/* The Fuglevand gain for a spike whose preceding interval is @isi seconds in
 * a unit of contraction time @contraction_time (eq. 17). */
double           nl_motor_unit_pool_spike_gain        (double                       contraction_time,
                                                       double                       isi);

/* Steady-state force (mean of the summed twitch trains) at @excitation. */
void             nl_motor_unit_pool_evaluate          (const NlMotorUnitPool       *self,
                                                       double                       excitation,
                                                       NlMotorUnitPoolPoint        *out);
/* The excitation at which the steady-state force is @force (0…1). */
double           nl_motor_unit_pool_excitation_for_force (const NlMotorUnitPool    *self,
                                                       double                       force);

/* Time-domain simulation at a constant @excitation: every unit fires a
 * renewal process (interval CV @isi_cv, Gaussian, drawn from a generator
 * seeded with @seed), each spike adds a twitch scaled by the gain of its
 * preceding interval.  Returns the mean force over the last half of
 * @duration_s as a fraction of the steady-state force at maximal excitation. */
double           nl_motor_unit_pool_simulate          (const NlMotorUnitPool       *self,
                                                       double                       excitation,
                                                       double                       duration_s,
                                                       double                       isi_cv,
                                                       guint32                      seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlMotorUnitPool, nl_motor_unit_pool_free)

G_END_DECLS
