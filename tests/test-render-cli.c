/* test-render-cli.c — `neurolift render`, run as a user would
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct {
  char *dir;
  char *programme;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("nl-render-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->programme = g_build_filename (NL_TEST_SRCDIR, "data", "render", "quadriceps-8-weeks.neurolift", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->programme);
}

/* Runs `neurolift render ARGS…`; returns the exit status, stderr in @err. */
static int
run (char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("NEUROLIFT");
  g_autofree char *out = NULL;
  int status = 0;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "render");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  g_error ("neurolift render did not exit normally (%d)", status);
  return -1;
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length >= strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "diagram.png", NULL);
  g_autofree char *hidpi = g_build_filename (f->dir, "compare.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "strength.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "neural.pdf", NULL);
  g_autofree char *forced = g_build_filename (f->dir, "bdnf.out", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&err, f->programme, "--figure", "diagram", "--day", "28", "--effort", "60",
                        "--size", "800x450", "-o", png, NULL), ==, 0);
  assert_png_size (png, 800, 450);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--compare-day", "56", "--day", "0", "--theme", "dark",
                        "--presentation", "--size", "640x400", "--scale", "2", "-o", hidpi, NULL), ==, 0);
  assert_png_size (hidpi, 1280, 800);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--figure", "strength", "--day", "56", "-o", svg, NULL), ==, 0);
  g_assert_true (file_starts_with (svg, "<?xml"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--figure", "neural", "--muscle", "quadriceps", "--side", "left",
                        "-o", pdf, NULL), ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF-"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--figure", "bdnf", "--format", "png", "-o", forced, NULL), ==, 0);
  g_assert_true (file_starts_with (forced, "\x89PNG"));
  g_clear_pointer (&err, g_free);

  /* Population bands. */
  g_assert_cmpint (run (&err, f->programme, "--figure", "neural", "--population", "30",
                        "-o", forced, "--format", "png", NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  /* A second programme overlaid on a plot. */
  g_assert_cmpint (run (&err, f->programme, "--figure", "strength", "--compare", f->programme,
                        "-o", forced, "--format", "png", NULL), ==, 0);
  g_assert_true (file_starts_with (forced, "\x89PNG"));
}

static void
test_frames (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "frames", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&err, f->programme, "--frames", "4", "--fps", "12", "--size", "640x400",
                        "-o", dir, NULL), ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%04u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      assert_png_size (path, 640, 400);
    }
  {
    g_autofree char *fifth = g_build_filename (dir, "frame-0004.png", NULL);
    g_assert_false (g_file_test (fifth, G_FILE_TEST_EXISTS));
  }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *bad_ext = g_build_filename (f->dir, "x.bmp", NULL);
  struct {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "-o", out, NULL }, "name one programme file" },
    { { f->programme, NULL }, "-o OUT" },
    { { f->programme, "--figure", "brain", "-o", out, NULL }, "unknown figure" },
    { { f->programme, "--theme", "blue", "-o", out, NULL }, "--theme" },
    { { f->programme, "--size", "10x10", "-o", out, NULL }, "--size" },
    { { f->programme, "--size", "800", "-o", out, NULL }, "--size" },
    { { f->programme, "--effort", "120", "-o", out, NULL }, "--effort" },
    { { f->programme, "--frames", "3", "--figure", "strength", "-o", out, NULL }, "--frames" },
    { { f->programme, "--compare-day", "3", "--figure", "fatigue", "-o", out, NULL }, "--compare-day" },
    { { f->programme, "-o", bad_ext, NULL }, ".png" },
    { { f->programme, "--format", "gif", "-o", out, NULL }, "--format" },
    { { f->programme, "--side", "middle", "-o", out, NULL }, "--side" },
    { { f->programme, "--population", "-3", "-o", out, NULL }, "--population" },
    { { f->programme, "--no-such-option", "-o", out, NULL }, "no-such-option" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      const char **a = cases[i].args;

      g_assert_cmpint (run (&err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL), ==, 2);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_input_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "x.png", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "x.png", NULL);
  g_autofree char *invalid = g_build_filename (NL_TEST_SRCDIR, "data", "invalid", "unknown-exercise.neurolift", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.neurolift", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&err, invalid, "-o", out, NULL), ==, 1);
  /* The first problem, with its place in the file. */
  g_assert_nonnull (strstr (err, "unknown-exercise.neurolift:"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, missing, "-o", out, NULL), ==, 1);
  g_clear_pointer (&err, g_free);

  /* --day counts days elapsed from 0; the message says so and names the
   * last day as the figures' titles do (8 weeks and 4 of follow-up: index
   * 83 is week 12, day 7). */
  g_assert_cmpint (run (&err, f->programme, "--day", "9999", "-o", out, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "days 0 (week 1, day 1) to 83 (Week 12, day 7)"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--day", "-3", "-o", out, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "from 0 (week 1, day 1)"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "--muscle", "deltoid", "-o", out, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "deltoid"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&err, f->programme, "-o", nowhere, NULL), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/cli/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/render/cli/frames", Fixture, NULL, fixture_set_up, test_frames, fixture_tear_down);
  g_test_add ("/render/cli/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors, fixture_tear_down);
  g_test_add ("/render/cli/input-errors", Fixture, NULL, fixture_set_up, test_input_errors, fixture_tear_down);

  return g_test_run ();
}
