/* nl-diagram-state.c — what the signalling diagram shows, independent of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-diagram-state.h"

static void
pool_init (NlDiagramPool *pool,
           guint          n_units)
{
  pool->n_units = n_units;
  pool->units = g_new0 (NlDiagramUnit, MAX (n_units, 1));
}

NlDiagramState *
nl_diagram_state_new (guint n_agonist_units,
                      guint n_antagonist_units)
{
  NlDiagramState *self = g_new0 (NlDiagramState, 1);

  self->slow_factor = 15.0;
  self->il6_fold = 1.0;
  self->muscle_bdnf_fold = 1.0;
  self->serum_bdnf_fold = 1.0;
  pool_init (&self->agonist, n_agonist_units);
  pool_init (&self->antagonist, n_antagonist_units);
  return self;
}

static void
pool_copy (NlDiagramPool       *dest,
           const NlDiagramPool *src)
{
  *dest = *src;
  dest->muscle = g_strdup (src->muscle);
  dest->units = g_memdup2 (src->units, sizeof (NlDiagramUnit) * MAX (src->n_units, 1));
}

NlDiagramState *
nl_diagram_state_copy (const NlDiagramState *self)
{
  NlDiagramState *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->day_label = g_strdup (self->day_label);
  pool_copy (&copy->agonist, &self->agonist);
  pool_copy (&copy->antagonist, &self->antagonist);
  return copy;
}

void
nl_diagram_state_free (NlDiagramState *self)
{
  if (self == NULL)
    return;
  g_free (self->day_label);
  g_free (self->agonist.muscle);
  g_free (self->agonist.units);
  g_free (self->antagonist.muscle);
  g_free (self->antagonist.units);
  g_free (self);
}

void
nl_diagram_state_set_labels (NlDiagramState *self,
                             const char     *day_label,
                             const char     *agonist,
                             const char     *antagonist)
{
  g_return_if_fail (self != NULL);

  g_free (self->day_label);
  self->day_label = g_strdup (day_label);
  g_free (self->agonist.muscle);
  self->agonist.muscle = g_strdup (agonist);
  g_free (self->antagonist.muscle);
  self->antagonist.muscle = g_strdup (antagonist);
}

guint
nl_diagram_pool_count_recruited (const NlDiagramPool *pool)
{
  guint n = 0;

  for (guint i = 0; i < pool->n_units; i++)
    n += pool->units[i].recruited ? 1 : 0;
  return n;
}

double
nl_diagram_pool_mean_rate (const NlDiagramPool *pool)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < pool->n_units; i++)
    if (pool->units[i].recruited)
      {
        sum += pool->units[i].rate;
        n++;
      }
  return n > 0 ? sum / n : 0.0;
}

const char *
nl_body_area_to_label (NlBodyArea area)
{
  switch (area)
    {
    case NL_BODY_AREA_LEG:
      return _("leg area");
    case NL_BODY_AREA_TRUNK:
      return _("trunk area");
    case NL_BODY_AREA_ARM:
      return _("arm area");
    case NL_BODY_AREA_HAND:
      return _("hand area");
    default:
      return _("limb area");
    }
}
