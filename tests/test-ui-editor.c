/* test-ui-editor.c — the programme editor: forms, typing, closing, autosave, recovery
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nl-application.h"
#include "nl-test-app.h"
#include "nl-editor-form.h"
#include "nl-program-xml.h"
#include "nl-recovery.h"
#include "nl-window.h"
#include "nl-test-widgets.h"

static NlApplication *app;
static char *tmp_dir;

static gboolean
wait_until (gboolean (*cond) (gpointer),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static GFile *
copy_example (const char *name)
{
  g_autofree char *src = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autofree char *dest = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (src, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (dest);
}

static NlWindow *
open_window (const char *name)
{
  g_autoptr(GFile) file = copy_example (name);
  NlWindow *win = nl_window_new (app);

  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (nl_window_open (win, file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  return win;
}

static void
close_window (NlWindow *win)
{
  if (nl_window_get_undo_stack (win) != NULL)
    nl_undo_stack_set_clean (nl_window_get_undo_stack (win));
  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

static NlSetGroup *
first_sets (NlProgram *program)
{
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);
  g_autoptr(NlSetGroup) sets = g_list_model_get_item (nl_session_get_sets (session), 0);

  return sets;   /* the document keeps it alive */
}

static NlEditorForm *
form_of (NlWindow *win)
{
  return NL_EDITOR_FORM (nl_window_get_editor_form (win));
}

static void
assert_fields (NlWindow           *win,
               GObject            *item,
               const char * const *properties)
{
  g_assert_true (nl_window_select_item (win, item));
  g_assert_true (nl_editor_form_get_item (form_of (win)) == item);
  for (guint i = 0; properties[i] != NULL; i++)
    {
      GtkWidget *field = nl_editor_form_get_field (form_of (win), properties[i]);

      if (field == NULL)
        g_error ("no field for %s of a %s", properties[i], G_OBJECT_TYPE_NAME (item));
      /* Every input is labelled for screen readers: by its row's title
       * (once: a label of its own as well made readers say it twice). */
      if (!ADW_IS_PREFERENCES_ROW (field))
        {
          gboolean by_row = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field),
                                                              GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gboolean own = gtk_test_accessible_has_property (GTK_ACCESSIBLE (field),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL);

          if (by_row == own)
            g_error ("%s of a %s: labelled by its row %d, by a label of its own %d",
                     properties[i], G_OBJECT_TYPE_NAME (item), by_row, own);
        }
    }
}

static void
test_forms (void)
{
  NlWindow *win = open_window ("forms.neurolift");
  NlProgram *program = nl_window_get_program (win);
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);
  g_autoptr(NlExercise) exercise = g_list_model_get_item (nl_program_get_exercises (program), 0);
  const char *program_fields[] = { "title", "description", "trainee-age", "trainee-sex", "training-status", NULL };
  const char *exercise_fields[] = { "id", "name", "muscle", "mode", "laterality", "joints", NULL };
  const char *phase_fields[] = { "name", "kind", "weeks", "immobilized", "load-pct-per-week", NULL };
  const char *session_fields[] = { "day", "name", NULL };
  const char *sets_fields[] = { "exercise", "side", "count", "reps", "load-pct", "rir", "rest-s", "bfr", NULL };

  assert_fields (win, G_OBJECT (program), program_fields);
  assert_fields (win, G_OBJECT (exercise), exercise_fields);
  assert_fields (win, G_OBJECT (phase), phase_fields);
  assert_fields (win, G_OBJECT (session), session_fields);
  assert_fields (win, G_OBJECT (first_sets (program)), sets_fields);

  close_window (win);
}

static GListModel *
combo_model (GtkWidget *row)
{
  return adw_combo_row_get_model (ADW_COMBO_ROW (row));
}

static void
test_combos_and_switch (void)
{
  NlWindow *win = open_window ("combos.neurolift");
  NlProgram *program = nl_window_get_program (win);
  g_autoptr(NlProgram) original = nl_program_copy (program);
  NlSetGroup *sets = first_sets (program);
  GtkWidget *exercise, *side, *bfr, *kind;
  GListModel *choices;
  guint leg_press = GTK_INVALID_LIST_POSITION;

  g_assert_true (nl_window_select_item (win, G_OBJECT (sets)));
  exercise = nl_editor_form_get_field (form_of (win), "exercise");
  side = nl_editor_form_get_field (form_of (win), "side");
  bfr = nl_editor_form_get_field (form_of (win), "bfr");

  /* The drop-down holds the custom exercises, then the catalogue. */
  choices = combo_model (exercise);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==,
                    1 + nl_catalog_get_n_exercises (nl_catalog_get_default ()));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Cable kickback (custom)");
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Leg press"))
      leg_press = i;
  g_assert_cmpuint (leg_press, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (exercise))),
                   ==, "Knee extension");

  adw_combo_row_set_selected (ADW_COMBO_ROW (exercise), leg_press);
  g_assert_cmpstr (nl_set_group_get_exercise (sets), ==, "leg-press");
  adw_combo_row_set_selected (ADW_COMBO_ROW (side), 2);
  g_assert_cmpint (nl_set_group_get_side (sets), ==, NL_SIDE_RIGHT);
  gtk_switch_set_active (GTK_SWITCH (bfr), TRUE);
  g_assert_true (nl_set_group_get_bfr (sets));
  g_assert_true (nl_window_get_modified (win));

  /* Phase kind through its drop-down. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (nl_program_get_phase (program, 1))));
  kind = nl_editor_form_get_field (form_of (win), "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), NL_PHASE_TRAINING);
  g_assert_cmpint (nl_phase_get_kind (nl_program_get_phase (program, 1)), ==, NL_PHASE_TRAINING);

  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  g_assert_true (nl_program_equal (program, original));
  g_assert_false (nl_window_get_modified (win));

  /* A redone value shows in the open form (a new form: the old one went). */
  g_assert_true (nl_window_select_item (win, G_OBJECT (sets)));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  choices = combo_model (nl_editor_form_get_field (form_of (win), "exercise"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (nl_editor_form_get_field (form_of (win), "exercise")))),
                   ==, "Leg press");
  close_window (win);
}

/* Every GtkLabel under @widget (popovers included), in tree order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static void
assert_whole_name (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);

  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_true (gtk_label_get_wrap (label));
  /* Every character is laid out, none cut. */
  g_assert_cmpint (pango_layout_get_character_count (layout), ==,
                   (int) g_utf8_strlen (gtk_label_get_label (label), -1));
}

/* Catalogue names can be long and differ only at the end: the open list
 * of a drop-down shows them whole (wrapped, never ellipsized), with a
 * check mark on the selected one; the closed row may cut the name but
 * has it whole as tooltip and as accessible description. */
static void
test_combo_whole_names (void)
{
  NlWindow *win = open_window ("names.neurolift");
  NlSetGroup *sets = first_sets (nl_window_get_program (win));
  g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) list_labels = g_ptr_array_new ();
  GtkWidget *exercise, *list, *popup;
  GListModel *choices;
  const char *longest = NULL;
  guint longest_pos = 0, checked = 0;
  GtkLabel *shown = NULL;

  g_assert_true (nl_window_select_item (win, G_OBJECT (sets)));
  exercise = nl_editor_form_get_field (form_of (win), "exercise");
  choices = combo_model (exercise);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      if (longest == NULL || g_utf8_strlen (name, -1) > g_utf8_strlen (longest, -1))
        longest = name, longest_pos = i;
    }
  g_assert_cmpint (g_utf8_strlen (longest, -1), >, 20);

  /* The closed row: the whole name for the pointer and the screen reader. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (exercise), longest_pos);
  iterate_until_idle ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (exercise), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, longest);
  collect_labels (exercise, row_labels);
  for (guint i = 0; i < row_labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (row_labels->pdata[i]), longest) == 0
        && gtk_widget_get_ancestor (row_labels->pdata[i], GTK_TYPE_POPOVER) == NULL)
      shown = row_labels->pdata[i];
  g_assert_nonnull (shown);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (shown)), ==, longest);

  /* The open list: the row's popover, scrolled to the selected name. */
  g_assert_nonnull (adw_combo_row_get_list_factory (ADW_COMBO_ROW (exercise)));
  adw_action_row_activate (ADW_ACTION_ROW (exercise));
  popup = find_widget_of_type (exercise, GTK_TYPE_POPOVER);
  g_assert_nonnull (popup);
  list = find_widget_of_type (popup, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (popup));
  gtk_test_widget_wait_for_draw (popup);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", longest_pos);
  gtk_test_widget_wait_for_draw (popup);
  iterate_until_idle ();

  collect_labels (list, list_labels);
  g_assert_cmpuint (list_labels->len, >, 1);
  for (guint i = 0; i < list_labels->len; i++)
    {
      GtkLabel *label = list_labels->pdata[i];
      GtkWidget *check = gtk_widget_get_next_sibling (GTK_WIDGET (label));
      gboolean selected = g_strcmp0 (gtk_label_get_label (label), longest) == 0;

      /* Bound but scrolled out of view: not laid out at the list's width. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      assert_whole_name (label);
      g_assert_nonnull (check);
      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, selected ? 1.0 : 0.0);
      checked += selected;
    }
  g_assert_cmpuint (checked, ==, 1);

  gtk_popover_popdown (GTK_POPOVER (popup));
  close_window (win);
}

static void
test_typing_coalesces (void)
{
  NlWindow *win = open_window ("typing.neurolift");
  NlProgram *program = nl_window_get_program (win);
  const char *before = "Knee extension, left leg, with right leg in a cast";
  const char *typed[] = { "L", "Le", "Leg", "Legs" };
  GtkWidget *title;

  g_assert_true (nl_window_select_item (win, G_OBJECT (program)));
  title = nl_editor_form_get_field (form_of (win), "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    gtk_editable_set_text (GTK_EDITABLE (title), typed[i]);
  g_assert_cmpstr (nl_program_get_title (program), ==, "Legs");
  g_assert_cmpuint (nl_undo_stack_get_n_steps (nl_window_get_undo_stack (win)), ==, 1);
  iterate_until_idle ();
  g_assert_cmpstr (nl_window_get_title_text (win), ==, "• Legs");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  g_assert_cmpstr (nl_program_get_title (program), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, before);
  close_window (win);
}

static void
test_custom_exercise (void)
{
  NlWindow *win = open_window ("custom.neurolift");
  NlProgram *program = nl_window_get_program (win);
  GListModel *exercises = nl_program_get_exercises (program);
  NlExercise *added;
  GtkWidget *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.add-item", "s", "exercise"));
  g_assert_cmpuint (g_list_model_get_n_items (exercises), ==, 2);
  added = NL_EXERCISE (nl_window_get_selected_item (win));
  g_assert_true (NL_IS_EXERCISE (added));
  g_assert_cmpstr (nl_exercise_get_id (added), ==, "custom-exercise-1");
  name = nl_editor_form_get_field (form_of (win), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Step-up");
  g_assert_cmpstr (nl_exercise_get_name (added), ==, "Step-up");

  /* The sets' drop-down offers it. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (first_sets (program))));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (combo_model (nl_editor_form_get_field (form_of (win), "exercise"))), 1),
                   ==, "Step-up (custom)");
  close_window (win);
}

static GtkWindow *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  iterate_until_idle ();
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_close_prompt (void)
{
  NlWindow *win = open_window ("close.neurolift");
  GtkWindow *dialog;
  g_autofree char *path = g_strdup (g_file_peek_path (nl_window_get_file (win)));
  g_autofree char *on_disk_before = NULL;
  g_autofree char *on_disk_after = NULL;
  g_autofree char *recovery_path = NULL;

  g_file_get_contents (path, &on_disk_before, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  nl_window_set_autosave_interval (win, 10);

  /* A modified window asks before closing. */
  nl_undo_stack_set_uint (nl_window_get_undo_stack (win), first_sets (nl_window_get_program (win)), "reps", 10);
  recovery_path = g_strdup (nl_window_get_recovery_path (win));
  g_assert_true (wait_until (file_exists, recovery_path, 5000));
  gtk_window_close (GTK_WINDOW (win));
  iterate_until_idle ();
  g_assert_nonnull (win);
  dialog = find_dialog (GTK_WINDOW (win));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));

  respond (dialog, "cancel");
  g_assert_nonnull (win);
  g_assert_true (nl_window_get_modified (win));

  /* Discard: the window goes, the recovery file goes, the file is untouched. */
  gtk_window_close (GTK_WINDOW (win));
  iterate_until_idle ();
  dialog = find_dialog (GTK_WINDOW (win));
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_null (win);
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &on_disk_after, NULL, NULL);
  g_assert_cmpstr (on_disk_before, ==, on_disk_after);
}

static void
test_close_save (void)
{
  NlWindow *win = open_window ("close-save.neurolift");
  g_autofree char *path = g_strdup (g_file_peek_path (nl_window_get_file (win)));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NlProgram) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  nl_undo_stack_set_uint (nl_window_get_undo_stack (win), first_sets (nl_window_get_program (win)), "reps", 11);
  gtk_window_close (GTK_WINDOW (win));
  iterate_until_idle ();
  dialog = find_dialog (GTK_WINDOW (win));
  g_assert_nonnull (dialog);
  respond (dialog, "save");
  g_assert_null (win);

  saved = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nl_set_group_get_reps (first_sets (saved)), ==, 11);
}

static gboolean
has_recovery_file (gpointer dir)
{
  g_autoptr(GPtrArray) entries = nl_recovery_list (dir);

  return entries->len > 0;
}

static void
test_autosave_and_restore (void)
{
  NlWindow *win = open_window ("autosave.neurolift");
  g_autofree char *dir = nl_recovery_get_default_dir ();
  g_autofree char *path = g_strdup (g_file_peek_path (nl_window_get_file (win)));
  g_autofree char *on_disk = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *recovered = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  NlWindow *restored;
  GtkWindow *dialog;
  gsize length;

  g_assert_false (has_recovery_file (dir));
  nl_window_set_autosave_interval (win, 10);
  nl_undo_stack_set_string (nl_window_get_undo_stack (win), nl_window_get_program (win), "title", "Unsaved work");
  g_assert_true (wait_until (has_recovery_file, dir, 5000));

  /* The recovery file holds the edited document; the user's file is untouched. */
  entries = nl_recovery_list (dir);
  g_assert_cmpuint (entries->len, ==, 1);
  xml = nl_program_to_xml (nl_window_get_program (win), &length);
  g_file_get_contents (((NlRecoveryEntry *) g_ptr_array_index (entries, 0))->path, &recovered, NULL, NULL);
  g_assert_cmpstr (recovered, ==, xml);
  g_file_get_contents (path, &on_disk, NULL, NULL);
  g_assert_null (strstr (on_disk, "Unsaved work"));

  /* "Crash": the window goes without asking or cleaning up. */
  g_object_ref (nl_window_get_program (win));
  {
    g_autoptr(NlProgram) keep = nl_window_get_program (win);
    g_autofree char *recovery = g_strdup (nl_window_get_recovery_path (win));

    gtk_window_destroy (GTK_WINDOW (win));
    iterate_until_idle ();
    g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));
  }

  /* The next start offers it; restoring opens it as unsaved changes of the same file. */
  restored = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (restored));
  g_assert_true (nl_window_offer_recovery (restored));
  iterate_until_idle ();
  dialog = find_dialog (GTK_WINDOW (restored));
  g_assert_nonnull (dialog);
  respond (dialog, "restore");
  g_assert_cmpstr (nl_window_get_page (restored), ==, "document");
  g_assert_cmpstr (nl_program_get_title (nl_window_get_program (restored)), ==, "Unsaved work");
  g_assert_true (nl_window_get_modified (restored));
  g_assert_cmpstr (nl_window_get_title_text (restored), ==, "• Unsaved work");
  g_assert_cmpstr (g_file_peek_path (nl_window_get_file (restored)), ==, path);
  {
    g_autofree char *still = NULL;

    g_file_get_contents (path, &still, NULL, NULL);
    g_assert_cmpstr (still, ==, on_disk);
  }

  /* Saving writes the user's file and removes the recovery file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (restored), "win.save", NULL));
  g_assert_false (has_recovery_file (dir));
  g_assert_false (nl_window_get_modified (restored));
  {
    g_autofree char *now = NULL;

    g_file_get_contents (path, &now, NULL, NULL);
    g_assert_nonnull (strstr (now, "Unsaved work"));
  }
  close_window (restored);
}

static void
test_recovery_discard (void)
{
  g_autofree char *dir = nl_recovery_get_default_dir ();
  g_autoptr(GFile) file = copy_example ("discard.neurolift");
  g_autoptr(NlProgram) program = nl_program_load_from_file (file, NULL, NULL);
  g_autoptr(NlRecovery) recovery = nl_recovery_new (program, NULL);
  NlWindow *win;
  GtkWindow *dialog;

  g_assert_true (nl_recovery_write (recovery, NULL));
  g_assert_true (has_recovery_file (dir));

  win = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (nl_window_offer_recovery (win));
  iterate_until_idle ();
  dialog = find_dialog (GTK_WINDOW (win));
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_false (has_recovery_file (dir));
  /* Then the window shows the default example (or the templates). */
  g_assert_cmpstr (nl_window_get_page (win), ==, "document");
  close_window (win);

  /* Nothing to restore: no question. */
  win = nl_window_new (app);
  g_assert_false (nl_window_offer_recovery (win));
  close_window (win);
}

static void
test_templates (void)
{
  NlWindow *win = nl_window_new (app);
  GtkWidget *list = NULL;
  GtkListBoxRow *row;
  guint n = 0;

  gtk_window_present (GTK_WINDOW (win));
  nl_window_show_templates (win);
  g_assert_cmpstr (nl_window_get_page (win), ==, "templates");

  /* Find the list of templates among the window's widgets. */
  for (GtkWidget *w = GTK_WIDGET (win); w != NULL;)
    {
      if (GTK_IS_LIST_BOX (w) && gtk_widget_get_mapped (w))
        {
          list = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  /* The empty programme and at least six examples. */
  g_assert_cmpuint (n, >=, 7);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_signal_emit_by_name (list, "row-activated", row);
  iterate_until_idle ();
  g_assert_cmpstr (nl_window_get_page (win), ==, "document");
  g_assert_null (nl_window_get_file (win));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   nl_program_get_title (nl_window_get_program (win)));
  close_window (win);

  /* The empty programme is a valid programme. */
  win = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  nl_window_show_templates (win);
  iterate_until_idle ();
  for (GtkWidget *w = GTK_WIDGET (win); w != NULL;)
    {
      if (GTK_IS_LIST_BOX (w) && gtk_widget_get_mapped (w))
        {
          list = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  iterate_until_idle ();
  {
    g_autoptr(GPtrArray) problems = nl_program_check (nl_window_get_program (win));

    g_assert_cmpuint (problems->len, ==, 0);
  }
  close_window (win);
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* Every button the keyboard reaches says what it does. */
static void
test_labelled_controls (void)
{
  NlWindow *win = open_window ("a11y.neurolift");
  guint checked = 0;

  for (GtkWidget *w = GTK_WIDGET (win); w != NULL;)
    {
      if ((GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w)) && gtk_widget_get_mapped (w)
          && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
        {
          gboolean has_text = has_visible_text (w);
          gboolean labelled = gtk_test_accessible_has_property (GTK_ACCESSIBLE (w),
                                                                GTK_ACCESSIBLE_PROPERTY_LABEL);

          const char *text = GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w))
                             : gtk_menu_button_get_label (GTK_MENU_BUTTON (w));
          gboolean underline = GTK_IS_BUTTON (w) ? gtk_button_get_use_underline (GTK_BUTTON (w))
                               : gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (w));

          /* GTK 4.8 names a button with a mnemonic "_Open Open": its own
           * label property must go, the visible label names it. */
          if (GTK_IS_BUTTON (w) && underline && text != NULL && strchr (text, '_') != NULL)
            {
              if (labelled)
                g_error ("the %s “%s” is named twice", G_OBJECT_TYPE_NAME (w), text);
            }
          /* Without text, a tooltip is not enough: it is read as a
           * description, after the name. */
          else if (!has_text && !labelled)
            {
              /* Spin buttons, rows, expanders and the window controls label their own buttons. */
              GtkWidget *parent = gtk_widget_get_parent (w);

              if (!GTK_IS_SPIN_BUTTON (parent) && gtk_widget_get_ancestor (w, GTK_TYPE_WINDOW_CONTROLS) == NULL
                  && gtk_widget_get_ancestor (w, ADW_TYPE_PREFERENCES_ROW) == NULL
                  && gtk_widget_get_ancestor (w, GTK_TYPE_TREE_EXPANDER) == NULL)
                g_error ("unlabelled %s (tooltip “%s”)", G_OBJECT_TYPE_NAME (w),
                         gtk_widget_get_tooltip_text (w) ? gtk_widget_get_tooltip_text (w) : "");
            }
          checked++;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (checked, >=, 10);
  close_window (win);
}

static void
test_activate_and_open (void)
{
  g_autoptr(GFile) file = copy_example ("opened.neurolift");
  GtkWindow *win;
  GtkWindow *second;

  /* Started without a file: the novice example. */
  g_application_activate (G_APPLICATION (app));
  iterate_until_idle ();
  win = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (NL_IS_WINDOW (win));
  g_assert_cmpstr (nl_window_get_page (NL_WINDOW (win)), ==, "document");
  g_assert_true (g_str_has_suffix (g_file_peek_path (nl_window_get_file (NL_WINDOW (win))),
                                   "novice-full-body.neurolift"));

  /* neurolift FILE while a window shows a document: a second window. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  iterate_until_idle ();
  second = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (NL_IS_WINDOW (second));
  g_assert_true (second != win);
  g_assert_true (g_file_equal (nl_window_get_file (NL_WINDOW (second)), file));

  /* The same file again: its window comes forward, no third one. */
  g_assert_true (nl_application_open_file (app, file) == second);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  close_window (NL_WINDOW (second));
  close_window (NL_WINDOW (win));
}

static void
test_window_size_setting (void)
{
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "io.github.neurolift.Neurolift", TRUE) : NULL;
  NlWindow *win;
  int width, height;

  /* The build compiles the schema for the tests (GSETTINGS_SCHEMA_DIR). */
  g_assert_nonnull (schema);
  settings = g_settings_new ("io.github.neurolift.Neurolift");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  /* A new window takes the stored size ... */
  win = nl_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* ... and stores its own when it closes. */
  gtk_window_set_default_size (GTK_WINDOW (win), 1010, 700);
  gtk_window_present (GTK_WINDOW (win));
  gtk_window_close (GTK_WINDOW (win));
  iterate_until_idle ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_color_scheme_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.neurolift.Neurolift");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* Follows the system by default; the Appearance menu's action sets it. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_PREFER_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("dark"));
  {
    g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (scheme, ==, "dark");
  }
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_PREFER_LIGHT);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_about_and_shortcuts (void)
{
  NlWindow *win = open_window ("about.neurolift");
  GtkWindow *about, *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "app.about", NULL));
  iterate_until_idle ();
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Neurolift");
  /* The model's references, one paragraph each. */
  {
    GtkWidget *label = find_label_with (GTK_WIDGET (about), "Carolan & Cafarelli 1992");

    g_assert_nonnull (label);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "\n\nCarolan & Cafarelli 1992"));
  }
  gtk_window_destroy (about);

  /* The shortcuts window is built when first asked for, not with every
   * window, and reached by win.show-help-overlay and Ctrl+?.  All its
   * shortcuts are on one page: GTK 4.8 warns "GtkLabel … reported min
   * width -3" for a section split into pages (and a second page is easy
   * to miss). */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (win), "show-help-overlay"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
  shortcuts = nl_window_get_shortcuts_window (win);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (win));
  g_assert_true (nl_window_get_shortcuts_window (win) == shortcuts);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-help-overlay", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));
  {
    GtkWidget *pages = find_widget_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_STACK_SWITCHER);

    g_assert_true (pages == NULL || !gtk_widget_get_mapped (pages));
  }
  gtk_window_close (shortcuts);
  close_window (win);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.neurolift.Neurolift");
  NlWindow *win = open_window ("preferences.neurolift");
  GtkWindow *prefs;
  GtkWidget *scheme, *scale, *bands;
  g_autofree char *value = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "app.preferences", NULL));
  iterate_until_idle ();
  prefs = find_toplevel_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (win));

  /* Each row writes its key at once. */
  scheme = find_named (GTK_WIDGET (prefs), "color-scheme");
  g_assert_true (ADW_IS_COMBO_ROW (scheme));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scheme)), ==, 0);
  /* A screen reader hears the choice, not only the row's title. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scheme), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Follow the system");
  adw_combo_row_set_selected (ADW_COMBO_ROW (scheme), 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scheme), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Light");
  value = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (value, ==, "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scheme)), ==, 0);

  scale = find_named (GTK_WIDGET (prefs), "presentation-text-scale");
  g_assert_true (GTK_IS_SPIN_BUTTON (scale));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (scale), 2.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "presentation-text-scale"), ==, 2.0);
  g_settings_reset (settings, "presentation-text-scale");

  {
    GtkWidget *export = find_named (GTK_WIDGET (prefs), "export-style");

    g_assert_true (ADW_IS_COMBO_ROW (export));
    adw_combo_row_set_selected (ADW_COMBO_ROW (export), 2);
    g_assert_cmpint (g_settings_get_enum (settings, "export-style"), ==, 2);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "Dark");
    g_settings_reset (settings, "export-style");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (export)), ==, 0);
  }

  bands = find_named (GTK_WIDGET (prefs), "show-population-bands");
  g_assert_true (GTK_IS_SWITCH (bands));
  gtk_switch_set_active (GTK_SWITCH (bands), !gtk_switch_get_active (GTK_SWITCH (bands)));
  g_assert_cmpint (g_settings_get_boolean (settings, "show-population-bands"), ==,
                   gtk_switch_get_active (GTK_SWITCH (bands)));
  g_settings_reset (settings, "show-population-bands");

  gtk_window_destroy (prefs);
  close_window (win);
}

/* Dropping a file on the window, as a file manager does. */
static void
test_drop_file (void)
{
  g_autoptr(GFile) file = copy_example ("dropped.neurolift");
  NlWindow *win = nl_window_new (app);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GSList *files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (win));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          gsize n = 0;
          const GType *types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n);

          for (gsize k = 0; k < n; k++)
            if (types[k] == GDK_TYPE_FILE_LIST)
              target = GTK_DROP_TARGET (controller);
        }
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_slist_free (files);
  g_assert_true (accepted);
  g_assert_cmpstr (nl_window_get_page (win), ==, "document");
  g_assert_true (g_file_equal (nl_window_get_file (win), file));
  close_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *examples = g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples", NULL);
  int ret;

  g_setenv ("NEUROLIFT_EXAMPLES_DIR", examples, TRUE);
  app = nl_test_app_new (&argc, &argv, "ui-editor", &tmp_dir);

  g_test_add_func ("/editor/forms", test_forms);
  g_test_add_func ("/editor/combos-and-switch", test_combos_and_switch);
  g_test_add_func ("/editor/combo-whole-names", test_combo_whole_names);
  g_test_add_func ("/editor/typing-coalesces", test_typing_coalesces);
  g_test_add_func ("/editor/custom-exercise", test_custom_exercise);
  g_test_add_func ("/editor/close-prompt", test_close_prompt);
  g_test_add_func ("/editor/close-save", test_close_save);
  g_test_add_func ("/editor/autosave-and-restore", test_autosave_and_restore);
  g_test_add_func ("/editor/recovery-discard", test_recovery_discard);
  g_test_add_func ("/editor/templates", test_templates);
  g_test_add_func ("/editor/labelled-controls", test_labelled_controls);
  g_test_add_func ("/editor/activate-and-open", test_activate_and_open);
  g_test_add_func ("/editor/window-size-setting", test_window_size_setting);
  g_test_add_func ("/editor/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/editor/color-scheme-setting", test_color_scheme_setting);
  g_test_add_func ("/editor/preferences", test_preferences);
  g_test_add_func ("/editor/drop-file", test_drop_file);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
