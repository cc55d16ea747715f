/* nl-reference.h — the sources behind the model, readable by people
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The series and group-effect tables name their sources by citation key
 * ("Siddique2020"), as docs/model.md §8 lists them.  This table turns a
 * key into the author–year form people read ("Siddique et al. 2020,
 * Sports Med"), for the explanation panels, the About window and the
 * command line alike.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *key;       /* as in NlSeriesInfo.citation, e.g. "Siddique2020" */
  const char *authors;   /* "Moritani & deVries"; with et_al, the first author; NULL with about */
  gboolean    et_al;
  guint       year;      /* 0 when the model document does not record it */
  const char *journal;   /* abbreviated as in the model document; NULL with about */
  const char *volume;    /* "50:1107–1128", or NULL when not recorded */
  const char *about;     /* N_() marked: what a key that is no single paper stands for */
} NlReference;

guint              nl_reference_get_n  (void);
const NlReference *nl_reference_get    (guint              index);
/* NULL when @key is not in the table. */
const NlReference *nl_reference_lookup (const char        *key);

/* "Siddique et al. 2020, Sports Med", with @with_volume followed by
 * " 50:1107–1128"; translated where it has words ("et al."). */
char              *nl_reference_format (const NlReference *reference,
                                        gboolean           with_volume);
/* The short form for @key; @key itself when it is not in the table. */
char              *nl_reference_cite   (const char        *key);

G_END_DECLS
