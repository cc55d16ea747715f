/* test-program-threads.c — loading programme files on several threads
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application loads a file on a worker thread while it builds its
 * window.  Loads on several threads at once, the very first ones among
 * them (which compile the schema), give exactly what a load on the main
 * thread gives: the same programme or the same errors, place for place.
 */
#include "config.h"

#include <string.h>

#include "nl-error.h"
#include "nl-program-xml.h"

#define N_THREADS 4

/* What loading @path gives, as text: the title, or every diagnostic and
 * the error. */
static char *
load_outcome (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_program_load_from_file (file, &diagnostics, &error);
  GString *out = g_string_new (NULL);

  if (program != NULL)
    g_string_append_printf (out, "title %s\n", nl_program_get_title (program));
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      NlDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_string_append_printf (out, "%u:%u: %s\n", d->line, d->column, d->message);
    }
  if (error != NULL)
    g_string_append_printf (out, "error %s\n", error->message);
  return g_string_free (out, FALSE);
}

static GPtrArray *
fixture_paths (void)
{
  const char *dirs[] = { "valid", "invalid" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir_path = g_build_filename (NL_TEST_SRCDIR, "data", dirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".neurolift"))
          g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  return paths;
}

typedef struct {
  GPtrArray *paths;     /* shared, read only */
  GPtrArray *outcomes;  /* this thread's */
} Job;

static gpointer
load_all (gpointer data)
{
  Job *job = data;

  for (guint i = 0; i < job->paths->len; i++)
    g_ptr_array_add (job->outcomes, load_outcome (g_ptr_array_index (job->paths, i)));
  return NULL;
}

static void
test_threads_agree (void)
{
  g_autoptr(GPtrArray) paths = fixture_paths ();
  Job jobs[N_THREADS];
  GThread *threads[N_THREADS];
  guint n_valid = 0;

  g_assert_cmpuint (paths->len, >, 10);
  nl_program_xml_init ();
  for (guint t = 0; t < N_THREADS; t++)
    {
      jobs[t].paths = paths;
      jobs[t].outcomes = g_ptr_array_new_with_free_func (g_free);
      threads[t] = g_thread_new ("load", load_all, &jobs[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *expected = load_outcome (g_ptr_array_index (paths, i));

      n_valid += g_str_has_prefix (expected, "title ");
      for (guint t = 0; t < N_THREADS; t++)
        g_assert_cmpstr (g_ptr_array_index (jobs[t].outcomes, i), ==, expected);
    }
  /* Both kinds were there: programmes and files with errors at places. */
  g_assert_cmpuint (n_valid, >, 0);
  g_assert_cmpuint (n_valid, <, paths->len);
  for (guint t = 0; t < N_THREADS; t++)
    g_ptr_array_unref (jobs[t].outcomes);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/program/threads/agree", test_threads_agree);
  return g_test_run ();
}
