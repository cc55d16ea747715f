/* nl-diagram-state.h — what the signalling diagram shows, independent of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram never reads the model's internals: an adapter (nl-figure.c)
 * or a test fills this plain struct, and the drawing code only reads it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the limb's muscles sit on the motor homunculus. */
typedef enum {
  NL_BODY_AREA_LEG,
  NL_BODY_AREA_TRUNK,
  NL_BODY_AREA_ARM,
  NL_BODY_AREA_HAND,
} NlBodyArea;

typedef struct {
  double   threshold;          /* recruitment threshold, fraction of maximal excitation (0…1) */
  double   size;               /* twitch force relative to the largest unit (0…1] */
  double   rate;               /* discharge rate now, Hz (0 when not recruited) */
  double   contraction_time;   /* twitch contraction time, s */
  gboolean recruited;
} NlDiagramUnit;

typedef struct {
  char          *muscle;       /* e.g. "Quadriceps" */
  double         drive;        /* excitation reaching the pool, 0…1 of its maximum */
  guint          n_units;      /* in recruitment order */
  NlDiagramUnit *units;
} NlDiagramPool;

typedef struct {
  char          *day_label;            /* e.g. "Week 8" */
  NlBodyArea     area;
  double         effort;               /* 0…1 of a maximal voluntary effort */
  double         voluntary_activation; /* 0…1 */
  double         corticospinal_drive;  /* 0…1 */
  double         coactivation;         /* antagonist activation, 0…1 of its maximum */
  double         il6_fold;             /* circulating IL-6 relative to rest (1 = rest; NAN: not modelled) */
  double         muscle_bdnf_fold;     /* BDNF in the working muscle relative to rest (NAN: not modelled) */
  double         serum_bdnf_fold;      /* circulating BDNF relative to rest (NAN: not modelled) */
  double         slow_factor;          /* the animation runs this many times slower than life */
  NlDiagramPool  agonist;
  NlDiagramPool  antagonist;
} NlDiagramState;

NlDiagramState *nl_diagram_state_new          (guint                 n_agonist_units,
                                               guint                 n_antagonist_units);
NlDiagramState *nl_diagram_state_copy         (const NlDiagramState *self);
void            nl_diagram_state_free         (NlDiagramState       *self);
void            nl_diagram_state_set_labels   (NlDiagramState       *self,
                                               const char           *day_label,
                                               const char           *agonist,
                                               const char           *antagonist);

/* Summary numbers the diagram prints beside the pool. */
guint           nl_diagram_pool_count_recruited (const NlDiagramPool *pool);
double          nl_diagram_pool_mean_rate       (const NlDiagramPool *pool);

const char     *nl_body_area_to_label         (NlBodyArea            area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlDiagramState, nl_diagram_state_free)

G_END_DECLS
