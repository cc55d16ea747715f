/* test-program-xml.c — loading, saving and refusing programme files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "nl-catalog.h"
#include "nl-error.h"
#include "nl-program-reader-private.h"
#include "nl-program-xml.h"

static char *
data_path (const char *first, ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) NL_TEST_SRCDIR);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static NlProgram *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nl_program_load_from_file (file, NULL, error);
}

static void
test_issue_example (void)
{
  g_autofree char *path = data_path ("data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = load_path (path, &error);
  g_autoptr(NlPhase) phase = NULL;
  g_autoptr(NlSession) session = NULL;
  g_autoptr(NlSetGroup) sets = NULL;
  g_autoptr(NlExercise) custom = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (program);
  g_assert_cmpstr (nl_program_get_title (program), ==,
                   "Knee extension, left leg, with right leg in a cast");
  g_assert_cmpstr (nl_program_get_description (program), ==, "Free text, optional.");
  g_assert_cmpuint (nl_program_get_trainee_age (program), ==, 27);
  g_assert_cmpint (nl_program_get_trainee_sex (program), ==, NL_SEX_FEMALE);
  g_assert_cmpint (nl_program_get_training_status (program), ==, NL_TRAINING_STATUS_UNTRAINED);
  g_assert_cmpuint (g_list_model_get_n_items (nl_program_get_exercises (program)), ==, 1);
  custom = g_list_model_get_item (nl_program_get_exercises (program), 0);
  g_assert_cmpstr (nl_exercise_get_muscle (custom), ==, "gluteus-maximus");
  g_assert_cmpint (nl_exercise_get_laterality (custom), ==, NL_LATERALITY_UNILATERAL);

  g_assert_cmpuint (nl_program_get_n_phases (program), ==, 2);
  g_assert_cmpuint (nl_program_get_n_weeks (program), ==, 7);
  phase = g_list_model_get_item (nl_program_get_phases (program), 0);
  g_assert_cmpstr (nl_phase_get_name (phase), ==, "Cast and train");
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_RIGHT);
  g_assert_cmpfloat (nl_phase_get_load_pct_per_week (phase), ==, 2.5);
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, 3);
  session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);
  g_assert_cmpuint (nl_session_get_day (session), ==, 1);
  g_assert_cmpstr (nl_session_get_name (session), ==, "A");
  sets = g_list_model_get_item (nl_session_get_sets (session), 0);
  g_assert_cmpstr (nl_set_group_get_exercise (sets), ==, "knee-extension");
  g_assert_cmpint (nl_set_group_get_side (sets), ==, NL_SIDE_LEFT);
  g_assert_cmpuint (nl_set_group_get_count (sets), ==, 4);
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 8);
  g_assert_cmpfloat (nl_set_group_get_load_pct (sets), ==, 75);
  g_assert_cmpuint (nl_set_group_get_rir (sets), ==, 1);
  g_assert_false (nl_set_group_get_bfr (sets));
}

/* Format v1 knows an eccentric mode, for custom exercises and in the
 * catalogue; it survives a write and a reload. */
static void
test_eccentric_mode (void)
{
  g_autofree char *path = data_path ("data", "valid", "eccentric-custom.neurolift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = load_path (path, &error);
  g_autoptr(NlProgram) reloaded = NULL;
  g_autoptr(NlExercise) custom = NULL;
  g_autoptr(NlExercise) again = NULL;
  g_autofree char *text = NULL;
  const NlExerciseInfo *info;
  gsize length;

  g_assert_no_error (error);
  custom = g_list_model_get_item (nl_program_get_exercises (program), 0);
  g_assert_cmpint (nl_exercise_get_mode (custom), ==, NL_MODE_ECCENTRIC);
  g_assert_cmpstr (nl_exercise_mode_to_string (NL_MODE_ECCENTRIC), ==, "eccentric");

  text = nl_program_to_xml (program, &length);
  g_assert_nonnull (strstr (text, "mode=\"eccentric\""));
  reloaded = nl_program_load_from_data (text, length, "mem", NULL, &error);
  g_assert_no_error (error);
  again = g_list_model_get_item (nl_program_get_exercises (reloaded), 0);
  g_assert_cmpint (nl_exercise_get_mode (again), ==, NL_MODE_ECCENTRIC);

  info = nl_catalog_lookup_exercise (nl_catalog_get_default (), "eccentric-knee-extension");
  g_assert_nonnull (info);
  g_assert_cmpint (info->mode, ==, NL_MODE_ECCENTRIC);
}

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
test_invalid_files (void)
{
  g_autofree char *index_path = data_path ("data", "invalid", "expected.txt", NULL);
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  g_assert_true (g_file_get_contents (index_path, &index, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (index, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(NlProgram) program = NULL;
      gsize length;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "|", 6);
      g_assert_cmpuint (g_strv_length (f), ==, 6);
      name = g_strconcat (f[0], ".neurolift", NULL);
      path = data_path ("data", "invalid", name, NULL);
      g_test_message ("%s", name);

      file = g_file_new_for_path (path);
      program = nl_program_load_from_file (file, &diagnostics, &load_error);
      expected = g_strdup_printf ("%s:%s:%s: %s", path, f[1], f[2], f[5]);
      g_assert_nonnull (diagnostics);
      g_assert_cmpuint (diagnostics->len, >=, 1);
      if (g_str_equal (f[3], "meaning"))
        {
          NlDiagnostic *first = g_ptr_array_index (diagnostics, 0);
          g_autofree char *message = g_strdup_printf ("%s:%u:%u: %s", path, first->line,
                                                      first->column, first->message);
          g_autoptr(GPtrArray) problems = NULL;
          guint n_errors = 0;

          /* A well-formed programme with problems loads, and the problems
           * are the diagnostics (nl_program_check() finds the same). */
          g_assert_no_error (load_error);
          g_assert_nonnull (program);
          g_assert_cmpstr (message, ==, expected);
          problems = nl_program_check (program);
          for (guint p = 0; p < problems->len; p++)
            n_errors += !((NlProblem *) g_ptr_array_index (problems, p))->warning;
          g_assert_cmpuint (n_errors, ==, diagnostics->len);
        }
      else
        {
          /* Malformed input is refused. */
          g_assert_null (program);
          g_assert_error (load_error, NL_PROGRAM_ERROR, error_code_for_kind (f[3]));
          g_assert_cmpstr (load_error->message, ==, expected);
        }

      /* The schema on its own agrees with the loader, except where the file
       * format document says the loader enforces a rule the schema cannot. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (g_str_equal (f[4], "accepts") || g_str_equal (f[4], "loader"))
        g_assert_true (_nl_program_schema_accepts (contents, length));
      else if (g_str_equal (f[4], "rejects"))
        g_assert_false (_nl_program_schema_accepts (contents, length));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 25);
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("neurolift-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.neurolift", NULL);
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<program xmlns=\"urn:neurolift:program:1\">\n"
                                          "<title>Big</title>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;
  g_autofree char *expected = NULL;

  /* 50 MB of comments: well-formed, but far over the limit. */
  while (text->len < 50 * 1000 * 1000)
    g_string_append (text, "<!-- padding padding padding padding padding padding padding -->\n");
  g_string_append (text, "</program>\n");
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));

  program = load_path (path, &error);
  g_assert_null (program);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s:1:1:", path);
  g_assert_true (g_str_has_prefix (error->message, expected));

  /* The same limit holds for data handed over in memory. */
  g_clear_error (&error);
  program = nl_program_load_from_data (text->str, text->len, "mem", NULL, &error);
  g_assert_null (program);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = load_path ("/dev/zero", &error);

  g_assert_null (program);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);

  g_clear_error (&error);
  program = load_path ("/nonexistent/dir/x.neurolift", &error);
  g_assert_null (program);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);
}

/* Every file under @dir: the canonical text loads to an equal document and
 * is a fixed point; with @canonical the file itself is already canonical. */
static guint
round_trip_dir (const char *dir,
                gboolean    canonical)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *original = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NlProgram) program = NULL;
      g_autoptr(NlProgram) reloaded = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".neurolift"))
        continue;
      g_test_message ("%s", path);
      program = load_path (path, &error);
      g_assert_no_error (error);

      first = nl_program_to_xml (program, &length);
      reloaded = nl_program_load_from_data (first, length, name, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (nl_program_equal (program, reloaded));
      second = nl_program_to_xml (reloaded, NULL);
      g_assert_cmpstr (first, ==, second);

      if (canonical)
        {
          g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
          g_assert_cmpstr (original, ==, first);
        }
      n++;
    }
  return n;
}

static void
test_round_trip_examples (void)
{
  g_autofree char *dir = data_path ("..", "data", "examples", NULL);

  g_assert_cmpuint (round_trip_dir (dir, TRUE), >=, 6);
}

static void
test_round_trip_valid (void)
{
  g_autofree char *dir = data_path ("data", "valid", NULL);

  g_assert_cmpuint (round_trip_dir (dir, FALSE), >=, 1);
}

static void
test_escaping (void)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(NlSession) session = nl_session_new (2);
  g_autoptr(NlSetGroup) sets = nl_set_group_new ("handgrip");
  g_autoptr(NlProgram) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize length;

  nl_program_set_title (program, "Grip & \"squeeze\" <fast>\ttabbed");
  nl_program_set_description (program, "Line one\nline two\r\nwith ü and 'quotes' & <tags>");
  nl_phase_set_name (phase, "Name with\nnewline & \"quotes\"\tand tab");
  nl_session_set_name (session, "Ä'b\"c<d>&e");
  nl_set_group_set_side (sets, NL_SIDE_RIGHT);
  nl_set_group_set_load_pct (sets, 33.333);
  nl_set_group_set_rest_s (sets, 90);
  nl_set_group_set_bfr (sets, TRUE);
  nl_session_insert_sets (session, 0, sets);
  nl_phase_insert_session (phase, 0, session);
  nl_phase_set_load_pct_per_week (phase, -1.5);
  nl_program_insert_phase (program, 0, phase);

  text = nl_program_to_xml (program, &length);
  reloaded = nl_program_load_from_data (text, length, "escaping", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nl_program_equal (program, reloaded));
  g_assert_cmpstr (nl_program_get_title (reloaded), ==, nl_program_get_title (program));
  g_assert_cmpstr (nl_program_get_description (reloaded), ==, nl_program_get_description (program));
  again = nl_program_to_xml (reloaded, NULL);
  g_assert_cmpstr (text, ==, again);
  g_assert_nonnull (strstr (text, "load-pct=\"33.33\""));
  g_assert_nonnull (strstr (text, "<progression load-pct-per-week=\"-1.5\"/>"));
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("neurolift-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.neurolift", NULL);
  g_autofree char *example = data_path ("data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = load_path (example, &error);
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GDir) d = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (nl_program_save_to_file (program, file, &error));
  g_assert_no_error (error);
  expected = nl_program_to_xml (program, NULL);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* No temporary file is left behind. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "saved.neurolift");
  g_assert_null (g_dir_read_name (d));

  /* A save into a missing folder fails cleanly. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "x.neurolift", NULL);
    g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

    g_assert_false (nl_program_save_to_file (program, bad_file, &error));
    g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_diagnostics_complete (void)
{
  /* Several problems in one file are all reported, in file order. */
  const char *text =
    "<?xml version=\"1.0\"?>\n"
    "<program xmlns=\"urn:neurolift:program:1\">\n"
    "  <title>t</title>\n"
    "  <phase kind=\"training\" weeks=\"500\">\n"
    "    <session day=\"9\"><sets exercise=\"knee-extension\" count=\"0\" reps=\"1\" load-pct=\"50\"/></session>\n"
    "  </phase>\n"
    "</program>\n";
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;
  NlDiagnostic *d;

  program = nl_program_load_from_data (text, strlen (text), "several", &diagnostics, &error);
  g_assert_null (program);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_SCHEMA);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpuint (d->line, ==, 4);
  d = g_ptr_array_index (diagnostics, 1);
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_cmpuint (d->column, ==, 14);
  d = g_ptr_array_index (diagnostics, 2);
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_nonnull (strstr (d->message, "count"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/program-xml/issue-example", test_issue_example);
  g_test_add_func ("/core/program-xml/eccentric-mode", test_eccentric_mode);
  g_test_add_func ("/core/program-xml/invalid-files", test_invalid_files);
  g_test_add_func ("/core/program-xml/too-large", test_too_large);
  g_test_add_func ("/core/program-xml/not-regular", test_not_regular);
  g_test_add_func ("/core/program-xml/round-trip-examples", test_round_trip_examples);
  g_test_add_func ("/core/program-xml/round-trip-valid", test_round_trip_valid);
  g_test_add_func ("/core/program-xml/escaping", test_escaping);
  g_test_add_func ("/core/program-xml/save-atomic", test_save_atomic);
  g_test_add_func ("/core/program-xml/diagnostics-complete", test_diagnostics_complete);

  return g_test_run ();
}
