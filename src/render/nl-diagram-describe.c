/* nl-diagram-describe.c — the signalling diagram in words, for screen readers
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the figure shows as numbers and labels (its title, the read-outs
 * panel, the myokine panel) said as sentences: an image gives a screen
 * reader nothing of it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-signal-diagram.h"

static void
describe_state (GString              *out,
                const NlDiagramState *state)
{
  const NlDiagramPool *agonist = &state->agonist;

  if (state->day_label != NULL)
    /* Translators: e.g. "Week 8, day 1, 80 % effort: " */
    g_string_append_printf (out, _("%s, %.0f %% effort: "), state->day_label, 100 * state->effort);
  else
    /* Translators: e.g. "80 % effort: " */
    g_string_append_printf (out, _("%.0f %% effort: "), 100 * state->effort);
  /* Translators: the diagram's read-outs in a sentence; %s is the muscle. */
  g_string_append_printf (out, _("voluntary activation %.0f %%, corticospinal drive %.0f %%, "
                                 "%u of %u motor units of the %s recruited, mean discharge rate %.1f Hz, "
                                 "antagonist coactivation %.0f %%."),
                          100 * state->voluntary_activation, 100 * state->corticospinal_drive,
                          nl_diagram_pool_count_recruited (agonist), agonist->n_units,
                          agonist->muscle != NULL ? agonist->muscle : "",
                          nl_diagram_pool_mean_rate (agonist), 100 * state->coactivation);
  if (isfinite (state->il6_fold))
    /* Translators: circulating IL-6 relative to rest */
    g_string_append_printf (out, _(" IL-6 in the blood ×%.1f."), state->il6_fold);
  if (isfinite (state->muscle_bdnf_fold))
    /* Translators: BDNF made in the muscle, relative to rest */
    g_string_append_printf (out, _(" BDNF in the muscle ×%.1f, acting there."), state->muscle_bdnf_fold);
  if (isfinite (state->serum_bdnf_fold))
    /* Translators: circulating BDNF relative to rest */
    g_string_append_printf (out, _(" BDNF in the blood ×%.2f, mostly from the brain and platelets."),
                            state->serum_bdnf_fold);
}

char *
nl_signal_diagram_describe (const NlDiagramState *state,
                            const NlDiagramState *compare)
{
  GString *out;

  g_return_val_if_fail (state != NULL, NULL);

  out = g_string_new (NULL);
  if (compare != NULL)
    {
      /* Translators: the diagram shows two days side by side */
      g_string_append (out, _("Two days side by side. Left, "));
      describe_state (out, compare);
      g_string_append (out, _(" Right, "));
    }
  describe_state (out, state);
  return g_string_free (out, FALSE);
}
