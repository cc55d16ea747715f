/* test-recovery.c — autosave into recovery files and restoring them
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "nl-program-xml.h"
#include "nl-recovery.h"
#include "nl-test-load.h"

/* How many recovery files @dir holds (the list is freed). */
static guint
count_recovery_files (const char *dir)
{
  g_autoptr(GPtrArray) entries = nl_recovery_list (dir);

  return entries->len;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nl-recovery-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static NlProgram *
load_example (void)
{
  return nl_test_load_program ("data", "valid", "issue-example.neurolift", NULL);
}

static void
test_default_dir (void)
{
  g_autofree char *dir = nl_recovery_get_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "neurolift", "recovery", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static void
test_write_list_restore (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *origin_path = g_build_filename (dir, "mine.neurolift", NULL);
  g_autoptr(GFile) origin = g_file_new_for_path (origin_path);
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlRecovery) recovery = nl_recovery_new (program, dir);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(NlProgram) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *on_disk = NULL;
  gsize xml_length, disk_length;
  NlRecoveryEntry *entry;

  g_assert_cmpuint (count_recovery_files (dir), ==, 0);

  nl_program_set_title (program, "Edited, not saved");
  nl_recovery_set_origin (recovery, origin);
  g_assert_true (nl_recovery_write (recovery, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (nl_recovery_get_path (recovery), dir));

  /* The recovery file holds the canonical document; the user's file is untouched. */
  xml = nl_program_to_xml (program, &xml_length);
  g_file_get_contents (nl_recovery_get_path (recovery), &on_disk, &disk_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (xml, xml_length, on_disk, disk_length);
  g_assert_false (g_file_test (origin_path, G_FILE_TEST_EXISTS));

  entries = nl_recovery_list (dir);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->path, ==, nl_recovery_get_path (recovery));
  g_assert_cmpstr (entry->title, ==, "Edited, not saved");
  {
    g_autofree char *uri = g_file_get_uri (origin);

    g_assert_cmpstr (entry->origin_uri, ==, uri);
  }
  g_assert_nonnull (entry->saved);

  restored = nl_recovery_load (entry, &error);
  g_assert_no_error (error);
  g_assert_true (nl_program_equal (restored, program));

  /* Discarding removes the file and its note. */
  nl_recovery_discard (recovery);
  g_assert_cmpuint (count_recovery_files (dir), ==, 0);
  {
    g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);

    g_assert_null (g_dir_read_name (gdir));
  }
  g_rmdir (dir);
}

static void
test_autosave_timer (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlRecovery) recovery = nl_recovery_new (program, dir);
  gint64 end;

  nl_recovery_set_interval (recovery, 20);

  /* Not modified: nothing is written, even after edits. */
  nl_program_set_title (program, "one");
  end = g_get_monotonic_time () + 100 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (nl_recovery_get_n_writes (recovery), ==, 0);

  /* Modified: written once per burst of edits, not in a loop. */
  nl_recovery_set_modified (recovery, TRUE);
  while (nl_recovery_get_n_writes (recovery) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (nl_recovery_get_path (recovery), G_FILE_TEST_IS_REGULAR));
  end = g_get_monotonic_time () + 100 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (nl_recovery_get_n_writes (recovery), ==, 1);

  nl_program_set_title (program, "two");
  nl_program_set_title (program, "three");
  while (nl_recovery_get_n_writes (recovery) == 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (nl_recovery_get_n_writes (recovery), ==, 2);
  {
    g_autoptr(GPtrArray) entries = nl_recovery_list (dir);

    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (((NlRecoveryEntry *) g_ptr_array_index (entries, 0))->title, ==, "three");
  }

  /* Saved: the timer stops and the file goes. */
  nl_recovery_set_modified (recovery, FALSE);
  nl_recovery_discard (recovery);
  nl_program_set_title (program, "four");
  end = g_get_monotonic_time () + 100 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (nl_recovery_get_n_writes (recovery), ==, 2);
  g_assert_cmpuint (count_recovery_files (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_take_over_and_order (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(NlProgram) a = load_example ();
  g_autoptr(NlProgram) b = load_example ();
  g_autoptr(NlRecovery) ra = nl_recovery_new (a, dir);
  g_autoptr(NlRecovery) rb = nl_recovery_new (b, dir);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(NlProgram) restored = NULL;
  g_autoptr(NlRecovery) taken = NULL;
  g_autofree char *stray = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  NlRecoveryEntry *newest;

  nl_program_set_title (a, "older");
  nl_program_set_title (b, "newer");
  g_assert_true (nl_recovery_write (ra, &error));
  g_usleep (1100 * 1000);   /* ISO 8601 stamps have whole seconds here */
  g_assert_true (nl_recovery_write (rb, &error));
  g_assert_no_error (error);
  g_file_set_contents (stray, "not a recovery file", -1, NULL);

  entries = nl_recovery_list (dir);
  g_assert_cmpuint (entries->len, ==, 2);
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (newest->title, ==, "newer");
  g_assert_null (newest->origin_uri);

  /* Restoring hands the file over to the restored document. */
  restored = nl_recovery_load (newest, &error);
  g_assert_no_error (error);
  taken = nl_recovery_new_for_path (restored, newest->path);
  g_assert_cmpstr (nl_recovery_get_path (taken), ==, nl_recovery_get_path (rb));
  nl_recovery_discard (taken);

  nl_recovery_entry_delete (g_ptr_array_index (entries, 1));
  g_assert_cmpuint (count_recovery_files (dir), ==, 0);
  g_unlink (stray);
  g_rmdir (dir);
}

static void
test_broken_recovery_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.neurolift", NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;

  /* A half-written file (no note beside it) is listed and fails cleanly. */
  g_file_set_contents (path, "<program xmlns=\"urn:neurolift:program:1\">", -1, NULL);
  entries = nl_recovery_list (dir);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_null (((NlRecoveryEntry *) g_ptr_array_index (entries, 0))->title);
  program = nl_recovery_load (g_ptr_array_index (entries, 0), &error);
  g_assert_null (program);
  g_assert_nonnull (error);
  nl_recovery_entry_delete (g_ptr_array_index (entries, 0));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/default-dir", test_default_dir);
  g_test_add_func ("/recovery/write-list-restore", test_write_list_restore);
  g_test_add_func ("/recovery/autosave-timer", test_autosave_timer);
  g_test_add_func ("/recovery/take-over-and-order", test_take_over_and_order);
  g_test_add_func ("/recovery/broken-recovery-file", test_broken_recovery_file);
  return g_test_run ();
}
