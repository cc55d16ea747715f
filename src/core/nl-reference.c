/* nl-reference.c — the sources behind the model, readable by people
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nl-reference.h"

/* From docs/model.md §8 (and SCIENCE.md for the authors): nothing here is
 * filled in from memory.  A volume or year the document does not record
 * is left out rather than guessed.  Sorted by key. */
static const NlReference references[] = {
  { "Aagaard2002", "Aagaard", TRUE, 2002, "J Appl Physiol", "92:2309–2318; 93:1318–1326", NULL },
  { "AnimalNMJ", NULL, FALSE, 0, NULL, NULL,
    N_("Animal studies of neuromuscular-junction remodelling with training; no single source, so the curve is illustrative") },
  { "Carolan1992", "Carolan & Cafarelli", FALSE, 1992, "J Appl Physiol", "73:911–917", NULL },
  { "Damas2016", "Damas", TRUE, 2016, "J Physiol", "594:5209–5222", NULL },
  { "DelVecchio2019", "Del Vecchio", TRUE, 2019, "J Physiol", "597:1873–1887", NULL },
  { "Dinoff2016", "Dinoff", TRUE, 2016, "PLoS One", "11:e0163037", NULL },
  { "Dinoff2017", "Dinoff", TRUE, 2017, "Eur J Neurosci", "46:1635–1646", NULL },
  { "Fuglevand1993", "Fuglevand", TRUE, 1993, "J Neurophysiol", "70:2470–2488", NULL },
  { "Gordon2017", "Gordon", TRUE, 2017, "Sports Med", "47:2521–2532", NULL },
  { "Gordon2018", "Gordon", TRUE, 2018, "JAMA Psychiatry", "75:566–576", NULL },
  { "Hakkinen1993", "Häkkinen", FALSE, 1993, "Int J Sports Med", "14:53–59", NULL },
  { "Hubal2005", "Hubal", TRUE, 2005, "Med Sci Sports Exerc", "37:964–972", NULL },
  { "KamenKnight2004", "Kamen & Knight", FALSE, 2004, "J Gerontol A", "59:1334–1338", NULL },
  { "KraemerRatamess2005", "Kraemer & Ratamess", FALSE, 2005, "Sports Med", "35:339–361", NULL },
  { "Manca2017", "Manca", TRUE, 2017, "Eur J Appl Physiol", "117:2335–2354", NULL },
  { "McCall1999", "McCall", TRUE, 1999, "Can J Appl Physiol", "24:96–107", NULL },
  { "Moritani1979", "Moritani & deVries", FALSE, 1979, "Am J Phys Med", "58:115–130", NULL },
  { "Narici1989", "Narici", TRUE, 1989, "Eur J Appl Physiol", "59:310–319", NULL },
  { "Narici1996", "Narici", TRUE, 1996, "Acta Physiol Scand", "157:175–186", NULL },
  { "Northey2018", "Northey", TRUE, 2018, "Br J Sports Med", "52:154–160", NULL },
  /* The model document records neither year nor volume of this one. */
  { "Raines", "Raines", TRUE, 0, "Int J Kinesiol Sports Sci", NULL, NULL },
  { "Rutherford1986", "Rutherford & Jones", FALSE, 1986, "Eur J Appl Physiol", "55:100–105", NULL },
  { "Semmler2004", "Semmler", TRUE, 2004, "J Neurophysiol", "92:3320–3331", NULL },
  { "Seynnes2007", "Seynnes", TRUE, 2007, "J Appl Physiol", "102:368–373", NULL },
  { "Siddique2020", "Siddique", TRUE, 2020, "Sports Med", "50:1107–1128", NULL },
  { "Tillin2011", "Tillin", TRUE, 2011, "Muscle Nerve", NULL, NULL },
  { "Wernbom2007", "Wernbom", TRUE, 2007, "Sports Med", "37:225–264", NULL },
  { "West2010", "West", TRUE, 2010, "J Appl Physiol", "108:60–67", NULL },
};

guint
nl_reference_get_n (void)
{
  return G_N_ELEMENTS (references);
}

const NlReference *
nl_reference_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (references), NULL);
  return &references[index];
}

const NlReference *
nl_reference_lookup (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_equal (references[i].key, key))
      return &references[i];
  return NULL;
}

char *
nl_reference_format (const NlReference *reference,
                     gboolean           with_volume)
{
  GString *text;

  g_return_val_if_fail (reference != NULL, NULL);

  if (reference->about != NULL)
    return g_strdup (_(reference->about));

  text = g_string_new (NULL);
  if (reference->et_al)
    /* Translators: a first author for all of a paper's authors, as in "Siddique et al. 2020". */
    g_string_append_printf (text, _("%s et al."), reference->authors);
  else
    g_string_append (text, reference->authors);
  if (reference->year > 0)
    g_string_append_printf (text, " %u", reference->year);
  g_string_append_printf (text, ", %s", reference->journal);
  if (with_volume && reference->volume != NULL)
    g_string_append_printf (text, " %s", reference->volume);
  return g_string_free (text, FALSE);
}

char *
nl_reference_cite (const char *key)
{
  const NlReference *reference = nl_reference_lookup (key);

  g_return_val_if_fail (key != NULL, NULL);

  return reference != NULL ? nl_reference_format (reference, FALSE) : g_strdup (key);
}
