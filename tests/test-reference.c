/* test-reference.c — every source the model cites reads as author and year
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-program-xml.h"
#include "nl-reference.h"
#include "nl-timeline.h"

/* A citation a person can read: not the bare key, with the year when the
 * table has one. */
static void
assert_readable (const char *key)
{
  const NlReference *reference = nl_reference_lookup (key);
  g_autofree char *text = NULL;

  g_test_message ("citation %s", key);
  g_assert_nonnull (reference);
  text = nl_reference_cite (key);
  g_assert_cmpstr (text, !=, key);
  g_assert_cmpuint (strlen (text), >, 10);
  if (reference->year > 0)
    {
      g_autofree char *year = g_strdup_printf (" %u", reference->year);

      g_assert_nonnull (strstr (text, year));
    }
}

static void
test_series_citations (void)
{
  for (guint s = 0; s < NL_N_SERIES; s++)
    assert_readable (nl_series_get_info ((NlSeries) s)->citation);
}

static void
test_group_effect_citations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "novice-full-body.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_program_load_from_file (file, NULL, &error);
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(NlTimeline) timeline = NULL;
  const NlGroupEffect *effects;
  NlModelOptions options;
  guint n_effects = 0;

  g_assert_no_error (error);
  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  nl_model_options_init (&options);
  timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  effects = nl_timeline_get_group_effects (timeline, &n_effects);
  g_assert_cmpuint (n_effects, >, 0);
  for (guint i = 0; i < n_effects; i++)
    assert_readable (effects[i].citation);
}

/* The table says what docs/model.md §8 says: each key (or author and
 * year), journal and volume appears there. */
static void
test_table_matches_model_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "model.md", NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  const char *sources;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  sources = strstr (doc, "## 8. Sources");
  g_assert_nonnull (sources);
  g_assert_cmpuint (nl_reference_get_n (), >, 20);
  for (guint i = 0; i < nl_reference_get_n (); i++)
    {
      const NlReference *reference = nl_reference_get (i);
      g_autofree char *surname = NULL;
      g_autofree char *author_year = NULL;

      g_test_message ("reference %s", reference->key);
      g_assert_true (g_hash_table_add (keys, (gpointer) reference->key));
      g_assert_true (nl_reference_lookup (reference->key) == reference);
      if (i > 0)
        g_assert_cmpint (strcmp (nl_reference_get (i - 1)->key, reference->key), <, 0);

      if (reference->about != NULL)
        {
          /* Not one paper: the document says what the key stands for. */
          g_autofree char *text = nl_reference_format (reference, TRUE);

          g_assert_null (reference->authors);
          g_assert_nonnull (strstr (sources, reference->key));
          g_assert_cmpstr (text, ==, reference->about);
          continue;
        }

      g_assert_nonnull (reference->authors);
      g_assert_nonnull (reference->journal);
      surname = g_strndup (reference->authors, strcspn (reference->authors, " &"));
      author_year = g_strdup_printf ("%s %u", surname, reference->year);
      g_assert_true (strstr (sources, reference->key) != NULL || strstr (sources, author_year) != NULL);
      g_assert_nonnull (strstr (sources, reference->journal));
      if (reference->volume != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (reference->volume, "; ", -1);

          for (guint p = 0; parts[p] != NULL; p++)
            g_assert_nonnull (strstr (sources, parts[p]));
        }
    }
  g_assert_null (nl_reference_lookup ("NoSuchPaper1900"));
}

static void
test_format (void)
{
  g_autofree char *siddique = nl_reference_cite ("Siddique2020");
  g_autofree char *moritani = nl_reference_format (nl_reference_lookup ("Moritani1979"), TRUE);
  g_autofree char *raines = nl_reference_cite ("Raines");
  g_autofree char *unknown = nl_reference_cite ("NoSuchPaper1900");

  g_assert_cmpstr (siddique, ==, "Siddique et al. 2020, Sports Med");
  g_assert_cmpstr (moritani, ==, "Moritani & deVries 1979, Am J Phys Med 58:115–130");
  /* No year recorded: none invented. */
  g_assert_cmpstr (raines, ==, "Raines et al., Int J Kinesiol Sports Sci");
  g_assert_cmpstr (unknown, ==, "NoSuchPaper1900");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/reference/series", test_series_citations);
  g_test_add_func ("/core/reference/group-effects", test_group_effect_citations);
  g_test_add_func ("/core/reference/model-document", test_table_matches_model_document);
  g_test_add_func ("/core/reference/format", test_format);

  return g_test_run ();
}
