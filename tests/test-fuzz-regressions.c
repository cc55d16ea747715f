/* test-fuzz-regressions.c — every input the fuzzer ever broke the loader with
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/fuzz-regressions/expected.txt lists each file with what must
 * happen now: either it is refused with a given first problem, or it loads
 * and survives the save → load → save round trip byte for byte, and the
 * model simulates it (the typical trainee and a small population).
 */
#include "config.h"

#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-error.h"
#include "nl-program-xml.h"

static int
error_code_for_kind (const char *kind)
{
  if (g_str_equal (kind, "syntax"))
    return NL_PROGRAM_ERROR_SYNTAX;
  if (g_str_equal (kind, "forbidden"))
    return NL_PROGRAM_ERROR_FORBIDDEN;
  if (g_str_equal (kind, "schema"))
    return NL_PROGRAM_ERROR_SCHEMA;
  if (g_str_equal (kind, "meaning"))
    return NL_PROGRAM_ERROR_MEANING;
  g_assert_not_reached ();
}

static void
check_round_trip (NlProgram *program)
{
  g_autoptr(NlProgram) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  first = nl_program_to_xml (program, &first_len);
  again = nl_program_load_from_data (first, first_len, "canonical", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  second = nl_program_to_xml (again, &second_len);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpuint (second_len, ==, first_len);
  g_assert_true (nl_program_equal (program, again));
}

static void
check_simulates (NlProgram *program)
{
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlModelOptions options;

  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  nl_model_options_init (&options);
  options.n_threads = 1;
  for (guint population = 0; population <= 3; population += 3)
    {
      NlTimeline *timeline;

      options.population = population;
      timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (timeline);
      g_assert_cmpuint (nl_timeline_get_population (timeline), ==, population);
      nl_timeline_unref (timeline);
    }
}

/* Line format: name|loads  or  name|LINE|COLUMN|KIND|message */
static void
check_entry (const char *line)
{
  g_auto(GStrv) f = g_strsplit (line, "|", 5);
  g_autofree char *name = g_strconcat (f[0], ".neurolift", NULL);
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "fuzz-regressions", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;
  gsize length;

  g_test_message ("%s", name);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  program = nl_program_load_from_data (contents, length, name, &diagnostics, &error);
  if (g_strv_length (f) == 2 && g_str_equal (f[1], "loads"))
    {
      g_assert_no_error (error);
      g_assert_nonnull (program);
      g_assert_cmpuint (diagnostics->len, ==, 0);
      check_round_trip (program);
      check_simulates (program);
    }
  else
    {
      g_autofree char *expected = NULL;

      g_assert_cmpuint (g_strv_length (f), ==, 5);
      g_assert_null (program);
      g_assert_error (error, NL_PROGRAM_ERROR, error_code_for_kind (f[3]));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      expected = g_strdup_printf ("%s:%s:%s: %s", name, f[1], f[2], f[4]);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpuint (diagnostics->len, >=, 1);
      for (guint i = 0; i < diagnostics->len; i++)
        {
          NlDiagnostic *d = g_ptr_array_index (diagnostics, i);

          g_assert_cmpuint (d->line, >=, 1);
          g_assert_cmpuint (d->column, >=, 1);
          g_assert_true (g_utf8_validate (d->message, -1, NULL));
          g_assert_null (strchr (d->message, '\n'));
        }
    }
}

static void
test_regressions (void)
{
  g_autofree char *index_path = g_build_filename (NL_TEST_SRCDIR, "data", "fuzz-regressions",
                                                  "expected.txt", NULL);
  g_autofree char *dir_path = g_path_get_dirname (index_path);
  g_autofree char *index = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_entries = 0, n_files = 0;
  const char *entry;

  g_assert_true (g_file_get_contents (index_path, &index, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      check_entry (lines[i]);
      n_entries++;
    }

  /* Every kept input is listed, so none is silently left untested. */
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".neurolift"))
      n_files++;
  g_assert_cmpuint (n_files, ==, n_entries);
  g_assert_cmpuint (n_entries, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/regressions", test_regressions);
  return g_test_run ();
}
