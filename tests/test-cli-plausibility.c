/* test-cli-plausibility.c — `neurolift validate` shows plausibility warnings
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
validate (const char  *path,
          int         *status,
          char       **out,
          char       **err)
{
  const char *argv[] = { g_getenv ("NEUROLIFT"), "validate", path, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (*status));
  *status = WEXITSTATUS (*status);
}

/* Implausible training is valid, with one warning line per finding. */
static void
test_warnings (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "plausibility",
                                            "implausible.neurolift", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: warning: ", path);
  int status;

  validate (path, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, ": valid"));
  g_assert_cmpuint (count (err, prefix), ==, 3);
  g_assert_nonnull (strstr (err, "blood-flow restriction at 120 % of 1RM"));
  g_assert_nonnull (strstr (err, "100 repetitions at 120 % of 1RM"));
  g_assert_nonnull (strstr (err, "phase “Empty” is a training phase without sessions"));
}

/* A plausible file prints no warning. */
static void
test_quiet_when_plausible (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid",
                                            "issue-example.neurolift", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  validate (path, &status, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, ": valid"));
  g_assert_null (strstr (err, "warning"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/plausibility-warnings", test_warnings);
  g_test_add_func ("/cli/validate/plausible-quiet", test_quiet_when_plausible);
  return g_test_run ();
}
