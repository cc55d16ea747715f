/* test-ui-form-rules.c — the editor never makes a file Neurolift cannot open
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A phase's kind changes in one step to a phase the kind allows, the form
 * shows only the rows that apply, an invalid identifier is refused while it
 * is typed, a renamed exercise is renamed where it is used, and what is
 * saved opens again with everything in it.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nl-application.h"
#include "nl-test-app.h"
#include "nl-editor-form.h"
#include "nl-program-xml.h"
#include "nl-window.h"

static NlApplication *app;
static char *tmp_dir;

static gboolean
has_banner (gpointer win)
{
  return nl_window_get_problems_text (win) != NULL;
}

/* Waits for the problems banner, refreshed a moment after an edit. */
static gboolean
wait_for_banner (NlWindow *win)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!has_banner (win) && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return has_banner (win);
}

static NlWindow *
open_copy (const char *dir,
           const char *name)
{
  g_autofree char *src = g_build_filename (NL_TEST_SRCDIR, dir, name, NULL);
  g_autofree char *dest = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  NlWindow *win;
  gsize length;

  g_assert_true (g_file_get_contents (src, &contents, &length, &error));
  g_assert_true (g_file_set_contents (dest, contents, (gssize) length, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (dest);
  win = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (nl_window_open (win, file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  return win;
}

static void
close_window (NlWindow *win)
{
  nl_undo_stack_set_clean (nl_window_get_undo_stack (win));
  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

static NlEditorForm *
form_of (NlWindow *win)
{
  return NL_EDITOR_FORM (nl_window_get_editor_form (win));
}

static GtkWidget *
field (NlWindow   *win,
       const char *property)
{
  GtkWidget *input = nl_editor_form_get_field (form_of (win), property);

  g_assert_nonnull (input);
  return input;
}

/* The row of @property's input (the input itself for combo and entry rows). */
static GtkWidget *
row_of (NlWindow   *win,
        const char *property)
{
  GtkWidget *input = field (win, property);

  if (ADW_IS_PREFERENCES_ROW (input))
    return input;
  return gtk_widget_get_ancestor (input, ADW_TYPE_ACTION_ROW);
}

static NlPhase *
find_phase (NlProgram  *program,
            const char *name)
{
  for (guint i = 0; i < nl_program_get_n_phases (program); i++)
    if (g_strcmp0 (nl_phase_get_name (nl_program_get_phase (program, i)), name) == 0)
      return nl_program_get_phase (program, i);
  g_assert_not_reached ();
}

static guint
n_problems_of (NlProgram *program,
               gpointer   item)
{
  g_autoptr(GPtrArray) problems = nl_program_check (program);
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);

      /* Warnings about implausible training are not counted. */
      n += problem->item == item && !problem->warning;
    }
  return n;
}

/* Saves with Ctrl+S's action and loads the file again. */
static NlProgram *
save_and_reload (NlWindow *win)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  NlProgram *reloaded;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL));
  iterate_until_idle ();
  g_assert_false (nl_window_get_modified (win));
  reloaded = nl_program_load_from_file (nl_window_get_file (win), &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_true (nl_program_equal (reloaded, nl_window_get_program (win)));
  return reloaded;
}

static void
select_kind (NlWindow    *win,
             NlPhaseKind  kind)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (win, "kind")), (guint) kind);
  iterate_until_idle ();
}

/* The reviewer's case: Training → Detraining on the cross-education
 * example, then Ctrl+S. */
static void
test_kind_change (void)
{
  NlWindow *win = open_copy ("../data/examples", "cross-education-cast.neurolift");
  NlProgram *program = nl_window_get_program (win);
  NlUndoStack *stack = nl_window_get_undo_stack (win);
  NlPhase *phase = find_phase (program, "Cast on the left, train the right");
  g_autoptr(NlProgram) original = nl_program_copy (program);
  g_autoptr(NlProgram) reloaded = NULL;
  guint steps = nl_undo_stack_get_n_steps (stack);

  g_assert_true (nl_window_select_item (win, G_OBJECT (phase)));
  g_assert_true (gtk_widget_get_visible (row_of (win, "immobilized")));
  g_assert_true (gtk_widget_get_visible (row_of (win, "load-pct-per-week")));

  /* One step; the cast comes off, as a detraining phase has none; the
   * sessions stay (a problem the banner shows) and are saved. */
  select_kind (win, NL_PHASE_DETRAINING);
  g_assert_cmpint (nl_phase_get_kind (phase), ==, NL_PHASE_DETRAINING);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_NONE);
  g_assert_cmpfloat (nl_phase_get_load_pct_per_week (phase), ==, 0);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, steps + 1);
  g_assert_false (gtk_widget_get_visible (row_of (win, "immobilized")));
  g_assert_false (gtk_widget_get_visible (row_of (win, "load-pct-per-week")));
  g_assert_cmpuint (n_problems_of (program, phase), ==, 1);
  g_assert_true (wait_for_banner (win));
  g_test_message ("banner: %s", nl_window_get_problems_text (win));

  reloaded = save_and_reload (win);
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (find_phase (reloaded, "Cast on the left, train the right"))), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  g_assert_true (nl_program_equal (program, original));

  /* Training with a cast → Immobilisation keeps the limb; leaving
   * immobilisation takes the cast off. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (phase)));
  select_kind (win, NL_PHASE_IMMOBILIZATION);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_LEFT);
  select_kind (win, NL_PHASE_TRAINING);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_NONE);
  close_window (win);
}

/* The reviewer's second case: a new phase made an immobilisation phase
 * gets a limb in the cast, and its form offers no "None". */
static void
test_immobilisation_needs_a_limb (void)
{
  NlWindow *win = open_copy ("data/valid", "issue-example.neurolift");
  NlProgram *program = nl_window_get_program (win);
  NlUndoStack *stack = nl_window_get_undo_stack (win);
  g_autoptr(NlProgram) reloaded = NULL;
  NlPhase *phase;
  GListModel *choices;
  guint steps;

  g_assert_true (nl_window_select_item (win, G_OBJECT (find_phase (program, "Off"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.add-item", "s", "phase"));
  phase = NL_PHASE (nl_window_get_selected_item (win));
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_NONE);
  steps = nl_undo_stack_get_n_steps (stack);

  select_kind (win, NL_PHASE_IMMOBILIZATION);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_LEFT);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, steps + 1);
  g_assert_cmpuint (n_problems_of (program, phase), ==, 0);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (field (win, "immobilized")));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (win, "immobilized"))), ==, 0);
  g_assert_false (gtk_widget_get_visible (row_of (win, "load-pct-per-week")));

  /* Right, through the form. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (win, "immobilized")), 1);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_RIGHT);

  /* Nothing can be added that the kind cannot hold. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.add-item", "s", "session"));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, 0);

  reloaded = save_and_reload (win);

  /* Immobilisation → Detraining: no limb is left in a cast. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (phase)));
  select_kind (win, NL_PHASE_DETRAINING);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_NONE);
  g_assert_cmpuint (n_problems_of (program, phase), ==, 0);
  g_clear_object (&reloaded);
  reloaded = save_and_reload (win);
  close_window (win);
}

/* "Sled Push!" is refused while it is typed; "sled-push" is committed on
 * Enter, with the set groups that used the old identifier, as one step. */
static void
test_identifier (void)
{
  NlWindow *win = open_copy ("data/valid", "issue-example.neurolift");
  NlProgram *program = nl_window_get_program (win);
  NlUndoStack *stack = nl_window_get_undo_stack (win);
  g_autoptr(NlExercise) exercise = g_list_model_get_item (nl_program_get_exercises (program), 0);
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);
  g_autoptr(NlSetGroup) sets = g_list_model_get_item (nl_session_get_sets (session), 0);
  g_autoptr(NlProgram) reloaded = NULL;
  GtkWidget *id;
  guint steps;

  nl_set_group_set_exercise (sets, "cable-kickback");
  g_assert_true (nl_window_select_item (win, G_OBJECT (exercise)));
  id = field (win, "id");
  steps = nl_undo_stack_get_n_steps (stack);

  gtk_editable_set_text (GTK_EDITABLE (id), "Sled Push!");
  g_signal_emit_by_name (id, "apply");
  g_assert_cmpstr (nl_exercise_get_id (exercise), ==, "cable-kickback");
  g_assert_true (gtk_widget_has_css_class (id, "error"));
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, steps);

  /* A built-in exercise's identifier is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (id), "back-squat");
  g_signal_emit_by_name (id, "apply");
  g_assert_cmpstr (nl_exercise_get_id (exercise), ==, "cable-kickback");
  g_assert_true (gtk_widget_has_css_class (id, "error"));

  gtk_editable_set_text (GTK_EDITABLE (id), "sled-push");
  g_assert_false (gtk_widget_has_css_class (id, "error"));
  /* Not committed before Enter. */
  g_assert_cmpstr (nl_exercise_get_id (exercise), ==, "cable-kickback");
  g_signal_emit_by_name (id, "apply");
  g_assert_cmpstr (nl_exercise_get_id (exercise), ==, "sled-push");
  g_assert_cmpstr (nl_set_group_get_exercise (sets), ==, "sled-push");
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, steps + 1);
  g_assert_cmpuint (n_problems_of (program, sets), ==, 0);
  reloaded = save_and_reload (win);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  g_assert_cmpstr (nl_exercise_get_id (exercise), ==, "cable-kickback");
  g_assert_cmpstr (nl_set_group_get_exercise (sets), ==, "cable-kickback");

  /* A blank name or title never reaches the document. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (exercise)));
  gtk_editable_set_text (GTK_EDITABLE (field (win, "name")), "  ");
  g_assert_cmpstr (nl_exercise_get_name (exercise), ==, "Cable kickback");
  g_assert_true (gtk_widget_has_css_class (field (win, "name"), "error"));
  g_assert_true (nl_window_select_item (win, G_OBJECT (program)));
  gtk_editable_set_text (GTK_EDITABLE (field (win, "title")), "");
  g_assert_cmpstr (nl_program_get_title (program), ==,
                   "Knee extension, left leg, with right leg in a cast");

  /* An exercise in use is not removed. */
  g_assert_true (nl_window_select_item (win, G_OBJECT (exercise)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_program_get_exercises (program)), ==, 1);
  nl_set_group_set_exercise (sets, "knee-extension");
  g_assert_true (nl_window_select_item (win, G_OBJECT (exercise)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_program_get_exercises (program)), ==, 0);
  close_window (win);
}

/* A file with problems of meaning opens (the reviewer's t4.neurolift could
 * not), and shows them in the banner; a malformed one still does not. */
static void
test_open_with_problems (void)
{
  NlWindow *win = open_copy ("data/invalid", "immobilization-without-side.neurolift");
  g_autofree char *malformed = g_build_filename (NL_TEST_SRCDIR, "data", "invalid", "bad-id.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (malformed);
  NlWindow *other;

  g_assert_cmpstr (nl_window_get_page (win), ==, "document");
  g_assert_true (wait_for_banner (win));
  g_assert_nonnull (strstr (nl_window_get_problems_text (win), "immobilisation phase"));
  close_window (win);

  other = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_false (nl_window_open (other, file));
  gtk_window_destroy (GTK_WINDOW (other));
  iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = nl_test_app_new (&argc, &argv, "ui-form-rules", &tmp_dir);

  g_test_add_func ("/form-rules/kind-change", test_kind_change);
  g_test_add_func ("/form-rules/immobilisation-needs-a-limb", test_immobilisation_needs_a_limb);
  g_test_add_func ("/form-rules/identifier", test_identifier);
  g_test_add_func ("/form-rules/open-with-problems", test_open_with_problems);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
