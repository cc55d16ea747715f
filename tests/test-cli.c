/* test-cli.c — the headless commands, run as a user would run them
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_neurolift (Run        *run,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("NEUROLIFT");
  const char *arg;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static char *
data_path (const char *dir,
           const char *name)
{
  return g_build_filename (NL_TEST_SRCDIR, "data", dir, name, NULL);
}

static void
test_help_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) sub = { 0 };

  run_neurolift (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "format"));

  run_neurolift (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "neurolift " PACKAGE_VERSION));

  run_neurolift (&sub, "validate", "--help", NULL);
  g_assert_cmpint (sub.status, ==, 0);
  g_assert_nonnull (strstr (sub.out, "FILE"));
}

static void
test_validate (void)
{
  g_autofree char *good = data_path ("valid", "issue-example.neurolift");
  g_autofree char *bad = data_path ("invalid", "duplicate-day.neurolift");
  g_autofree char *worse = data_path ("invalid", "billion-laughs.neurolift");
  g_autofree char *expected = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) fail = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };

  run_neurolift (&ok, "validate", good, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "valid"));

  /* One line per problem, for every file; 1 when any is bad. */
  run_neurolift (&fail, "validate", good, bad, worse, NULL);
  g_assert_cmpint (fail.status, ==, 1);
  expected = g_strdup_printf ("%s:11:14: day 1 appears twice", bad);
  g_assert_nonnull (strstr (fail.err, expected));
  g_assert_nonnull (strstr (fail.err, "document type declaration"));

  run_neurolift (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_neurolift (&unknown, "validate", "--frobnicate", good, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
}

static void
test_format (void)
{
  g_autofree char *good = data_path ("valid", "issue-example.neurolift");
  g_autofree char *dir = g_dir_make_tmp ("neurolift-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "formatted.neurolift", NULL);
  g_autofree char *written = NULL;
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) bad = { 0 };

  run_neurolift (&to_stdout, "format", good, NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_assert_nonnull (strstr (to_stdout.out, "rir=\"2\""));

  run_neurolift (&to_file, "format", good, "-o", out, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);

  /* Formatting the canonical form changes nothing. */
  run_neurolift (&again, "format", out, NULL);
  g_assert_cmpstr (again.out, ==, written);

  run_neurolift (&bad, "format", "/nonexistent.neurolift", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");

  g_unlink (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/format", test_format);

  return g_test_run ();
}
