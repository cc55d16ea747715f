/* test-model-cli.c — `neurolift simulate` and `neurolift motor-pool`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary (its path is in $NEUROLIFT).
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
fixture (const char *name)
{
  return g_build_filename (NL_TEST_SRCDIR, "data", "model", name, NULL);
}

static void
run (Result      *result,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("NEUROLIFT");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (gpointer) binary);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
test_simulate_csv (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  g_auto(Result) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) last = NULL;

  run (&r, "simulate", file, "--csv", "-", "--extend-days", "7", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0],
                                   "day,week,phase,strength_pct,one_rm_pct,strength_other_side_pct,"
                                   "neural_pct,muscular_pct,voluntary_activation_pct,peak_rate_hz,"
                                   "recruitment_ceiling_pct,coactivation_pct,csa_pct,fatigue_pct,"
                                   "bdnf_acute_pct,bdnf_resting_pct"));
  /* 12 weeks + 7 days, a header and the final empty string. */
  g_assert_cmpuint (g_strv_length (lines), ==, 84 + 7 + 2);
  g_assert_true (g_str_has_prefix (lines[1], "0,1,Train the right leg,0.000,0.000,0.000,"));
  g_assert_true (g_str_has_prefix (lines[60], "59,9,Rest,"));
  g_assert_true (g_str_has_prefix (lines[91], "90,13,follow-up,"));
  /* Default: the muscle with the most work (quadriceps), its right side:
   * strength up, the other side up less. */
  last = g_strsplit (lines[57], ",", -1);
  g_assert_cmpfloat (g_ascii_strtod (last[3], NULL), >, 10.0);
  g_assert_cmpfloat (g_ascii_strtod (last[5], NULL), >, 0.0);
  g_assert_cmpfloat (g_ascii_strtod (last[5], NULL), <, g_ascii_strtod (last[3], NULL));
}

static void
test_simulate_options (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "nl-test-simulate.csv", NULL);
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  g_auto(Result) c = { 0 };
  g_auto(Result) d = { 0 };
  g_autofree char *written = NULL;

  run (&a, "simulate", file, "--muscle", "biceps-brachii", "--side", "left", "--csv", "-", NULL);
  g_assert_cmpint (a.status, ==, 0);

  /* Populations: percentile twins, same seed → same output. */
  run (&b, "simulate", file, "--population", "30", "--seed", "7", "--csv", "-", NULL);
  run (&c, "simulate", file, "--population", "30", "--seed", "7", "--csv", out, NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_nonnull (strstr (b.out, ",strength_pct_p10,strength_pct_p90,"));
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, b.out);
  g_unlink (out);

  /* Without --csv: a readable weekly summary. */
  run (&d, "simulate", file, NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_nonnull (strstr (d.out, "quadriceps, right side"));
}

static void
test_simulate_errors (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  g_autofree char *broken = fixture ("broken.neurolift");
  g_autofree char *missing = fixture ("no-such-file.neurolift");
  const struct {
    int         status;
    const char *args[8];
  } cases[] = {
    { 2, { "simulate", NULL } },
    { 2, { "simulate", file, file, NULL } },
    { 2, { "simulate", file, "--side", "middle", NULL } },
    { 2, { "simulate", file, "--muscle", "no-such-muscle", NULL } },
    { 1, { "simulate", file, "--muscle", "deltoid", NULL } },
    { 2, { "simulate", file, "--extend-days", "-3", NULL } },
    { 2, { "simulate", file, "--extend-days", "many", NULL } },
    { 2, { "simulate", file, "--population", "999999", NULL } },
    { 2, { "simulate", file, "--seed", "-1", "--population", "5", NULL } },
    { 2, { "simulate", file, "--bogus", NULL } },
    { 1, { "simulate", broken, NULL } },
    { 1, { "simulate", missing, NULL } },
    { 1, { "simulate", file, "--csv", "/nonexistent-dir/out.csv", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };
      const char *const *a = cases[i].args;

      run (&r, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
      g_test_message ("case %u: exit %d, %s", i, r.status, r.err);
      g_assert_cmpint (r.status, ==, cases[i].status);
      g_assert_cmpstr (r.err, !=, "");
      g_assert_null (strstr (r.err, "CRITICAL"));
    }
}

static void
test_motor_pool_textbook (void)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) t = { 0 };

  run (&r, "motor-pool", "--effort-sweep", "--csv", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "effort_pct,force_pct,recruited,mean_rate_hz\n"));
  /* ANCHORS.md §3.3: 8.5/41.3/81.9 % ± 2, 81/120/120 units. */
  g_assert_nonnull (strstr (r.out, "\n20.000,8.44"));
  g_assert_nonnull (strstr (r.out, ",81,11.7"));
  g_assert_nonnull (strstr (r.out, "\n50.000,41.1"));
  g_assert_nonnull (strstr (r.out, "\n80.000,81.8"));
  g_assert_nonnull (strstr (r.out, "\n100.000,100.000,120,"));

  run (&t, "motor-pool", "--effort-sweep", "--units", "200", "--recruitment-range", "65",
       "--min-rate", "6", "--peak-rate-first", "30", "--peak-rate-last", "20", "--gain", "1.5", NULL);
  g_assert_cmpint (t.status, ==, 0);
  g_assert_nonnull (strstr (t.out, "200"));
}

static void
test_motor_pool_file (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  g_auto(Result) before = { 0 };
  g_auto(Result) after = { 0 };

  run (&before, "motor-pool", file, "--day", "0", "--csv", "-", NULL);
  run (&after, "motor-pool", file, "--day", "56", "--side", "right", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_true (g_str_has_prefix (before.out, "effort_pct,force_pct,recruited,mean_rate_hz\n"));
  /* --day counts days elapsed from 0; what it prints names the day as the
   * window does: day index 56 is the first day of week 9. */
  g_assert_nonnull (strstr (after.out, "quadriceps, right side, Week 9, day 1 (--day 56)"));
}

/* Past the end, the message gives the last day as an index and by name. */
static void
test_motor_pool_day_range (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  g_auto(Result) r = { 0 };

  run (&r, "motor-pool", file, "--day", "5000", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--day 5000 is past the programme’s last day, "));
  g_assert_nonnull (strstr (r.err, "(Week "));
}

static void
test_motor_pool_errors (void)
{
  g_autofree char *file = fixture ("unilateral-knee.neurolift");
  const struct {
    int         status;
    const char *args[7];
  } cases[] = {
    { 2, { "motor-pool", NULL } },
    { 2, { "motor-pool", "--effort-sweep", "--units", "1", NULL } },
    { 2, { "motor-pool", "--effort-sweep", "--peak-rate-last", "2", NULL } },
    { 2, { "motor-pool", "--effort-sweep", "--day", "3", NULL } },
    { 2, { "motor-pool", file, NULL } },
    { 2, { "motor-pool", file, "--day", "0", "--units", "50", NULL } },
    { 1, { "motor-pool", file, "--day", "5000", NULL } },
    { 2, { "motor-pool", file, "--day", "0", "--side", "up", NULL } },
    { 2, { "motor-pool", "--effort-sweep", "--gain", "x", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };
      const char *const *a = cases[i].args;

      run (&r, a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      g_test_message ("case %u: exit %d, %s", i, r.status, r.err);
      g_assert_cmpint (r.status, ==, cases[i].status);
      g_assert_cmpstr (r.err, !=, "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cli/simulate-csv", test_simulate_csv);
  g_test_add_func ("/model/cli/simulate-options", test_simulate_options);
  g_test_add_func ("/model/cli/simulate-errors", test_simulate_errors);
  g_test_add_func ("/model/cli/motor-pool-textbook", test_motor_pool_textbook);
  g_test_add_func ("/model/cli/motor-pool-file", test_motor_pool_file);
  g_test_add_func ("/model/cli/motor-pool-errors", test_motor_pool_errors);
  g_test_add_func ("/model/cli/motor-pool-day-range", test_motor_pool_day_range);

  return g_test_run ();
}
