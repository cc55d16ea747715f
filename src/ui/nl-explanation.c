/* nl-explanation.c — what a model series means, for the explanation panels
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nl-explanation.h"
#include "nl-explanation-box.h"
#include "nl-reference.h"

static const char * const meanings[NL_N_SERIES] = {
  [NL_SERIES_STRENGTH] = N_("Maximal voluntary force of the muscle: the product of how well the nervous system drives it and how much contractile tissue it has."),
  [NL_SERIES_ONE_RM] = N_("The heaviest single lift of the exercise trained most; it also carries the skill of that exercise, so it rises faster than isometric force."),
  [NL_SERIES_NEURAL] = N_("The part of the strength gain explained by the nervous system: activation, discharge rates, coordination. It dominates the first weeks."),
  [NL_SERIES_MUSCULAR] = N_("The part of the strength gain explained by a larger muscle; it starts later and keeps growing after the neural part levels off."),
  [NL_SERIES_VOLUNTARY_ACTIVATION] = N_("How much of the muscle's capacity a maximal effort reaches, as the interpolated-twitch technique measures it. Motor cortex and descending drive in the diagram."),
  [NL_SERIES_PEAK_RATE] = N_("How fast motor neurons fire at a maximal effort; faster firing fuses twitches into more force. The spikes on the axons in the diagram."),
  [NL_SERIES_RECRUITMENT_CEILING] = N_("The effort at which the last motor unit joins; above it force grows by rate coding alone. The lit motor neurons in the spinal cord."),
  [NL_SERIES_COACTIVATION] = N_("How much the opposing muscle fires during the effort; it falls early in training, so less force is wasted against it."),
  [NL_SERIES_CSA] = N_("The contractile cross-sectional area of the muscle, with its delayed onset after the first weeks."),
  [NL_SERIES_FATIGUE] = N_("The acute loss of maximal force after sessions, recovering over hours to days."),
  [NL_SERIES_BDNF_ACUTE] = N_("The short rise of BDNF in the blood after a session; it comes mostly from the brain and platelets, not from muscle."),
  [NL_SERIES_BDNF_RESTING] = N_("Any change in resting blood BDNF over the programme; findings disagree."),
  [NL_SERIES_EDEMA] = N_("Swelling after unaccustomed sessions, which imaging mistakes for growth in the first weeks."),
  [NL_SERIES_APPARENT_CSA] = N_("What an MRI or ultrasound scan would show: contractile size plus swelling."),
  [NL_SERIES_SKILL] = N_("Task-specific coordination of the trained exercise; fast, and largest for multi-joint and ballistic work."),
  [NL_SERIES_CORTICOSPINAL] = N_("Excitability of the pathway from motor cortex to motor neurons, as motor evoked potentials measure it."),
  [NL_SERIES_SYNCHRONISATION] = N_("How often motor units fire together; higher in trained people, but the evidence is cross-sectional."),
  [NL_SERIES_NMJ] = N_("Remodelling of the neuromuscular junction where axon meets fibre; shown in animals."),
  [NL_SERIES_IL6] = N_("Interleukin-6 released by working muscle into the blood: a myokine signal to other organs."),
  [NL_SERIES_TESTOSTERONE] = N_("The brief rise of testosterone after a session: a stress signal that does not drive growth."),
  [NL_SERIES_GROWTH_HORMONE] = N_("The brief rise of growth hormone after a session: a stress signal that does not drive growth."),
  [NL_SERIES_CORTISOL] = N_("The brief rise of cortisol after a session: a stress signal."),
  [NL_SERIES_V_WAVE] = N_("The V-wave, a reflex response recorded during a maximal contraction: a measure of how much descending drive reaches the motor neurons. The thickness of the corticospinal tract in the diagram."),
  [NL_SERIES_RFD] = N_("How fast force rises in the first fifth of a second; it depends on the discharge rate at the start of a contraction and on doublets, which ballistic training adds."),
};

/* Every series the model writes has a meaning here. */
G_STATIC_ASSERT (NL_SERIES_RFD == NL_N_SERIES - 1);

const char *
nl_explanation_get_meaning (NlSeries series)
{
  g_return_val_if_fail (series < NL_N_SERIES, NULL);
  return meanings[series] ? _(meanings[series]) : "";
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* No max-width-chars: the panel's NlExplanationBox sets the width at
   * which the paragraphs wrap, at less cost. */
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
nl_explanation_row_new (NlSeries series)
{
  const NlSeriesInfo *info = nl_series_get_info (series);
  g_autofree char *evidence = NULL;
  g_autofree char *source = NULL;
  g_autofree char *reference = NULL;
  GtkWidget *row, *header, *column, *name, *value;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  name = wrapped_label (_(info->name), "heading");
  /* In a column of its own: measuring the header row for the panel would
   * otherwise ask the wrapping name for the width that fits a height,
   * which GtkLabel finds by laying the name out at width after width
   * (a quarter of the panel's start-up cost). */
  column = nl_explanation_box_new ();
  nl_explanation_box_set_child (NL_EXPLANATION_BOX (column), name);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (header), column);
  value = gtk_label_new (NULL);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (header), value);
  gtk_box_append (GTK_BOX (row), header);
  g_object_set_data (G_OBJECT (row), "nl-value-label", value);

  gtk_box_append (GTK_BOX (row), wrapped_label (nl_explanation_get_meaning (series), NULL));

  /* Translators: "Evidence: weak — <caveat>". */
  evidence = g_strdup_printf (_("Evidence: %s — %s"),
                              nl_evidence_to_label (info->evidence),
                              info->caveat ? _(info->caveat) : "");
  /* Not Adwaita's warning and dim-label: as body text they fall short of
   * the 4.5:1 contrast that text needs (style.css). */
  gtk_box_append (GTK_BOX (row), wrapped_label (evidence, info->evidence >= NL_EVIDENCE_WEAK
                                                          ? "evidence-caveat" : "explanation-aside"));

  reference = nl_reference_cite (info->citation);
  /* Translators: the series' source, e.g. "Source: Siddique et al. 2020, Sports Med". */
  source = g_strdup_printf (_("Source: %s"), reference);
  gtk_box_append (GTK_BOX (row), wrapped_label (source, "explanation-aside"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->name), -1);
  return row;
}

void
nl_explanation_row_set_value (GtkWidget  *row,
                              const char *value)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "nl-value-label");

  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_label (label, value);
}
