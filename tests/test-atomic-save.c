/* test-atomic-save.c — saving never leaves a damaged programme file behind
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nl-atomic-file.h"
#include "nl-error.h"
#include "nl-program-xml.h"

#define N_KILLS 200

static const char * const exercises[] = {
  "back-squat", "leg-press", "knee-extension", "leg-curl", "deadlift", "calf-raise",
};

/* A programme of @n_phases training phases, each with a full week of
 * sessions; its canonical text is returned. */
static char *
make_program_text (const char *title,
                   guint       n_phases,
                   gsize      *length)
{
  g_autoptr(NlProgram) program = nl_program_new ();

  nl_program_set_title (program, title);
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 1 + p % 8);
      g_autofree char *name = g_strdup_printf ("Block %u", p + 1);

      nl_phase_set_name (phase, name);
      for (guint day = 1; day <= 7; day++)
        {
          g_autoptr(NlSession) session = nl_session_new (day);

          for (guint s = 0; s < G_N_ELEMENTS (exercises); s++)
            {
              g_autoptr(NlSetGroup) sets = nl_set_group_new (exercises[s]);

              nl_set_group_set_count (sets, 1 + (p + s) % 5);
              nl_set_group_set_reps (sets, 5 + (day + s) % 10);
              nl_set_group_set_load_pct (sets, 50 + (p * 7 + s) % 40 + 0.25 * (day % 4));
              nl_session_insert_sets (session, G_MAXUINT, sets);
            }
          nl_phase_insert_session (phase, G_MAXUINT, session);
        }
      nl_program_insert_phase (program, G_MAXUINT, phase);
    }
  return nl_program_to_xml (program, length);
}

static void
assert_loads (const char *text,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_program_load_from_data (text, length, "saved", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (program);
}

/* Removes everything in @dir but @keep; returns how many files there were. */
static guint
clear_others (const char *dir,
              const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", keep);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (name, keep))
        continue;
      /* Only the saver's own temporary files may be there. */
      g_assert_true (g_str_has_prefix (name, prefix));
      path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
      n++;
    }
  return n;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  clear_others (dir, "programme.neurolift");
  {
    g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);

    g_unlink (path);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A child saves B, A, B, A… over and over; the parent kills it at a random
 * moment, then the file must be exactly A or exactly B, and load. */
static void
test_kill_while_saving (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *a = NULL, *b = NULL;
  gsize a_len, b_len;
  guint seen_a = 0, seen_b = 0, interrupted = 0;

  a = make_program_text ("Document A", 40, &a_len);
  b = make_program_text ("Document B, a little longer", 56, &b_len);
  g_assert_cmpuint (a_len, >, 100000);
  g_assert_cmpuint (b_len, >, a_len);
  assert_loads (a, a_len);
  assert_loads (b, b_len);
  g_assert_true (g_file_set_contents (path, a, (gssize) a_len, NULL));

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *on_disk = NULL;
      gsize on_disk_len;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint n = 0;; n++)
            {
              gboolean ok = (n % 2 == 0) ? nl_atomic_file_replace (file, b, b_len, NULL)
                                         : nl_atomic_file_replace (file, a, a_len, NULL);
              if (!ok)
                _exit (3);
            }
        }

      /* From 0 to 10 ms: some kills land before the first save ends, most in
       * the middle of one of many saves. */
      g_usleep ((gulong) g_test_rand_int_range (0, 10000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      g_assert_true (g_file_get_contents (path, &on_disk, &on_disk_len, NULL));
      if (on_disk_len == a_len && memcmp (on_disk, a, a_len) == 0)
        seen_a++;
      else if (on_disk_len == b_len && memcmp (on_disk, b, b_len) == 0)
        seen_b++;
      else
        g_error ("after kill %u the file is neither document (%" G_GSIZE_FORMAT " bytes)",
                 i, on_disk_len);
      /* Byte-identical to a document that loads; load it anyway, now and then
       * (loading a few hundred KiB each time would dominate the run time). */
      if (i % 25 == 0)
        assert_loads (on_disk, on_disk_len);

      /* A kill in the middle of a save leaves its temporary file behind. */
      if (clear_others (dir, "programme.neurolift") > 0)
        interrupted++;
    }

  g_test_message ("%u kills: %u times document A, %u times document B, "
                  "%u saves cut off midway", N_KILLS, seen_a, seen_b, interrupted);
  /* The test only shows something if saves really were cut off, and the
   * child got to finish saves of both documents. */
  g_assert_cmpuint (interrupted, >, 0);
  g_assert_cmpuint (seen_a, >, 0);
  g_assert_cmpuint (seen_b, >, 0);
  remove_dir (dir);
}

static void
test_keeps_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const mode_t modes[] = { 0640, 0600, 0444, 0755 };
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *text = g_strdup_printf ("new %u", i);
      g_autofree char *contents = NULL;

      g_assert_cmpint (g_chmod (path, modes[i]), ==, 0);
      g_assert_true (nl_atomic_file_replace (file, text, strlen (text), &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, modes[i]);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, text);
    }
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

static void
test_new_file_follows_umask (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (027);
  struct stat st;

  g_assert_true (nl_atomic_file_replace (file, "x", 1, &error));
  umask (old_mask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
  remove_dir (dir);
}

/* A write that fails midway (a full disk, here a file size limit, which
 * also works for root) leaves the old file as it was and no temporary file. */
static void
test_failed_write_keeps_old (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL, *big = NULL, *contents = NULL;
  gsize old_len, big_len, len;
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  gboolean ok;

  old = make_program_text ("Old", 1, &old_len);
  big = make_program_text ("New and much larger", 30, &big_len);
  g_assert_true (g_file_set_contents (path, old, (gssize) old_len, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 16384;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = nl_atomic_file_replace (file, big, big_len, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "programme.neurolift"));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, old_len);
  g_assert_cmpmem (contents, len, old, old_len);
  g_assert_cmpuint (count_files (dir), ==, 1);
  {
    struct stat st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
  }
  remove_dir (dir);
}

/* The folder is not there (a regular file stands where it should be):
 * nothing is created, and the error says so.  Works as root too. */
static void
test_missing_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *not_a_dir = g_build_filename (dir, "programme.neurolift", NULL);
  g_autofree char *path = g_build_filename (not_a_dir, "inside.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (not_a_dir, "a plain file", -1, NULL));
  g_assert_false (nl_atomic_file_replace (file, "x", 1, &error));
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "inside.neurolift"));
  g_assert_true (g_file_get_contents (not_a_dir, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a plain file");
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

/* Saving through a symbolic link writes the file it points to, keeps its
 * permissions, and the link stays a link. */
static void
test_follows_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "programme.neurolift", NULL);
  g_autofree char *link = g_build_filename (dir, "link.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *points_to = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink ("programme.neurolift", link), ==, 0);
  g_assert_true (nl_atomic_file_replace (file, "new", 3, &error));
  g_assert_no_error (error);

  points_to = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (points_to, ==, "programme.neurolift");
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_cmpint (g_unlink (link), ==, 0);
  remove_dir (dir);
}

/* Saving over something that is not a regular file is refused and leaves
 * it alone. */
static void
test_refuses_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nl-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programme.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (nl_atomic_file_replace (file, "x", 1, &error));
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic-save/kill-while-saving", test_kill_while_saving);
  g_test_add_func ("/atomic-save/keeps-permissions", test_keeps_permissions);
  g_test_add_func ("/atomic-save/new-file-follows-umask", test_new_file_follows_umask);
  g_test_add_func ("/atomic-save/failed-write-keeps-old", test_failed_write_keeps_old);
  g_test_add_func ("/atomic-save/missing-folder", test_missing_folder);
  g_test_add_func ("/atomic-save/follows-symlink", test_follows_symlink);
  g_test_add_func ("/atomic-save/refuses-directory", test_refuses_directory);
  return g_test_run ();
}
