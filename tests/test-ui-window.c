/* test-ui-window.c — the application window driven through its actions
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
#include "nl-diagram-page.h"
#include "nl-editor-form.h"
#include "nl-defer.h"
#include "nl-export-dialog.h"
#include "nl-file-names.h"
#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-trends-page.h"
#include "nl-view-style.h"
#include "nl-window.h"
#include "nl-test-widgets.h"

static NlApplication *app;
static char *tmp_dir;

static char *
example_path (void)
{
  return g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
}

/* A private copy of the example, so saving never touches the source tree. */
static GFile *
copy_example (const char *name)
{
  g_autofree char *src = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *dest = g_build_filename (tmp_dir, name, NULL);
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (src, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (dest);
}

typedef struct {
  NlWindow *win;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->win = nl_window_new (app);
  gtk_window_present (GTK_WINDOW (f->win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Nothing to ask about: the tests leave no unsaved work behind. */
  if (nl_window_get_undo_stack (f->win) != NULL)
    nl_undo_stack_set_clean (nl_window_get_undo_stack (f->win));
  gtk_window_destroy (GTK_WINDOW (f->win));
  iterate_until_idle ();
}

static GObject *
find_row_item (NlWindow *win,
               GType     type,
               guint     nth)
{
  GListModel *rows = nl_window_get_outline_model (win);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (G_OBJECT_TYPE (item) == type && nth-- == 0)
        return item;   /* the document keeps it alive */
    }
  return NULL;
}

#define find_diagram_page(widget) NL_DIAGRAM_PAGE (find_widget_of_type ((widget), NL_TYPE_DIAGRAM_PAGE))

static void
test_open_example (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *rows;
  guint phases = 0, sessions = 0, sets = 0;

  g_assert_true (nl_window_open (f->win, file));
  /* The form is empty until the programme is selected, right after the
   * first frame: no hint to select something flashes up meanwhile. */
  g_assert_null (find_label_with (nl_window_get_editor_form (f->win), "Select the programme"));
  /* Opening it ran the model once, not once more for good measure. */
  g_assert_cmpuint (nl_simulation_get_runs_started (nl_window_get_simulation (f->win)), ==, 1);
  iterate_until_idle ();
  g_assert_cmpstr (nl_window_get_page (f->win), ==, "document");
  g_assert_cmpuint (nl_simulation_get_runs_started (nl_window_get_simulation (f->win)), ==, 1);
  /* The keyboard starts on the diagram, where Space plays and pauses. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->win))
                 == GTK_WIDGET (nl_diagram_page_get_view (find_diagram_page (GTK_WIDGET (f->win)))));
  g_assert_cmpstr (nl_window_get_title_text (f->win), ==, "Knee extension, left leg, with right leg in a cast");
  g_assert_false (nl_window_get_modified (f->win));

  /* The outline lists every phase, session and set group of the file. */
  rows = nl_window_get_outline_model (f->win);
  g_assert_nonnull (rows);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      phases += NL_IS_PHASE (item);
      sessions += NL_IS_SESSION (item);
      sets += NL_IS_SET_GROUP (item);
    }
  g_assert_cmpuint (phases, ==, 2);
  g_assert_cmpuint (sessions, ==, 3);
  g_assert_cmpuint (sets, ==, 3);
  g_assert_cmpstr (nl_phase_get_name (NL_PHASE (find_row_item (f->win, NL_TYPE_PHASE, 0))), ==, "Cast and train");
  g_assert_cmpstr (nl_phase_get_name (NL_PHASE (find_row_item (f->win, NL_TYPE_PHASE, 1))), ==, "Off");

  /* Opened files go to the recent list (the Open Recent menu), once the
   * window has drawn them. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (!gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri)
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  /* The programme's form is opened once the window is on screen (the
   * first frame does not wait for it, the user does not have to ask). */
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (nl_window_get_selected_item (f->win) == NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_true (NL_IS_PROGRAM (nl_window_get_selected_item (f->win)));
  g_assert_true (nl_editor_form_get_item (NL_EDITOR_FORM (nl_window_get_editor_form (f->win)))
                 == G_OBJECT (nl_window_get_program (f->win)));
  g_assert_nonnull (nl_editor_form_get_field (NL_EDITOR_FORM (nl_window_get_editor_form (f->win)), "title"));

  /* With nothing selected, the form says how to edit. */
  {
    GtkWidget *outline = find_widget_of_type (GTK_WIDGET (f->win), GTK_TYPE_LIST_VIEW);
    GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (outline));

    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
    iterate_until_idle ();
    g_assert_null (nl_window_get_selected_item (f->win));
    g_assert_nonnull (find_label_with (nl_window_get_editor_form (f->win), "Select the programme"));
  }
}

static void
check_broken (Fixture    *f,
              const char *name,
              const char *contents,
              const char *expected_suffix)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strconcat (path, expected_suffix, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  GtkRecentData data = { .mime_type = (char *) "application/xml", .app_name = (char *) "test",
                         .app_exec = (char *) "test %u" };
  g_autoptr(GError) error = NULL;

  if (contents != NULL)
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }
  /* As the file chooser does with the file it returns. */
  gtk_recent_manager_add_full (recent, uri, &data);
  g_assert_true (gtk_recent_manager_has_item (recent, uri));
  g_assert_false (nl_window_open (f->win, file));
  iterate_until_idle ();
  g_assert_false (gtk_recent_manager_has_item (recent, uri));
  g_assert_cmpstr (nl_window_get_page (f->win), ==, "error");
  g_assert_true (nl_window_is_empty (f->win));
  if (!g_str_has_prefix (nl_window_get_error_text (f->win), expected))
    g_error ("error page says “%s”, expected it to start with “%s”",
             nl_window_get_error_text (f->win), expected);
}

/* An undo or redo of a field of another item than the one on show shows
 * that item, so that the change can be seen. */
static void
test_undo_shows_item (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlUndoStack *stack;
  GObject *first, *second;

  g_assert_true (nl_window_open (f->win, file));
  iterate_until_idle ();
  stack = nl_window_get_undo_stack (f->win);
  first = find_row_item (f->win, NL_TYPE_SET_GROUP, 0);
  second = find_row_item (f->win, NL_TYPE_SET_GROUP, 1);
  g_assert_true (first != second);

  g_assert_true (nl_window_select_item (f->win, first));
  g_assert_true (nl_undo_stack_set_uint (stack, first, "reps", nl_set_group_get_reps (NL_SET_GROUP (first)) + 1));
  g_assert_true (nl_window_select_item (f->win, second));
  iterate_until_idle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  iterate_until_idle ();
  g_assert_true (nl_window_get_selected_item (f->win) == first);

  g_assert_true (nl_window_select_item (f->win, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.redo", NULL));
  iterate_until_idle ();
  g_assert_true (nl_window_get_selected_item (f->win) == first);

  /* The trainee's fields are the programme's. */
  nl_undo_stack_set_uint (stack, nl_window_get_program (f->win), "trainee-age",
                          nl_program_get_trainee_age (nl_window_get_program (f->win)) + 1);
  g_assert_true (nl_window_select_item (f->win, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  iterate_until_idle ();
  g_assert_true (nl_window_get_selected_item (f->win) == G_OBJECT (nl_window_get_program (f->win)));
}

gboolean _nl_window_can_add (NlWindow   *self,
                             const char *kind);

/* The add menu greys out what the selection's phase cannot hold. */
static void
test_add_menu_follows_kind (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlPhase *phase;
  guint sessions;

  g_assert_true (nl_window_open (f->win, file));
  iterate_until_idle ();
  phase = nl_program_get_phase (nl_window_get_program (f->win), 0);
  sessions = g_list_model_get_n_items (nl_phase_get_sessions (phase));
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (phase)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add-session", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, sessions + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (phase)));

  nl_undo_stack_set_enum (nl_window_get_undo_stack (f->win), phase, "kind", NL_PHASE_DETRAINING);
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (nl_window_get_program (f->win))));
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (phase)));
  /* Greyed out (GTK 4.8 has no public query of a widget action's state,
   * so ask what sets it). */
  g_assert_false (_nl_window_can_add (f->win, "session"));
  g_assert_false (_nl_window_can_add (f->win, "sets"));
  g_assert_true (_nl_window_can_add (f->win, "phase"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add-session", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, sessions);
  nl_undo_stack_set_enum (nl_window_get_undo_stack (f->win), phase, "kind", NL_PHASE_TRAINING);
  g_assert_true (_nl_window_can_add (f->win, "session"));
}

/* The pages report a finished export in the window's toasts. */
static void
test_export_toast (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = g_file_new_for_path ("/somewhere/figure.svg");
  NlDiagramPage *page;

  g_assert_true (nl_window_open (f->win, file));
  iterate_until_idle ();
  page = find_diagram_page (GTK_WIDGET (f->win));
  g_assert_null (find_label_with (GTK_WIDGET (f->win), "figure.svg"));
  nl_export_dialog_show_done (GTK_WIDGET (page), exported);
  iterate_until_idle ();
  g_assert_nonnull (find_label_with (GTK_WIDGET (f->win), "Exported “figure.svg”"));
}

/* Save As: the suggested name, and the extension a bare name gets. */
static void
test_file_names (void)
{
  static const struct { const char *title, *name; } names[] = {
    { "Cross-education: train the right arm", "Cross-education - train the right arm" },
    { "Knee 1/2: rehab", "Knee 1-2 - rehab" },
    { "Why? \"Strong\" <legs>", "Why- -Strong- -legs-" },
    { "Plan a:b", "Plan a-b" },
    { "Trailing dots...", "Trailing dots" },
    { "...", "Programme" },
  };
  g_autofree char *bare_path = g_build_filename (tmp_dir, "bare-name", NULL);
  g_autofree char *taken_path = g_build_filename (tmp_dir, "taken", NULL);
  g_autofree char *taken_with = g_build_filename (tmp_dir, "taken.neurolift", NULL);
  g_autofree char *dotted_path = g_build_filename (tmp_dir, "plan.xml", NULL);
  g_autoptr(GFile) bare = g_file_new_for_path (bare_path);
  g_autoptr(GFile) taken = g_file_new_for_path (taken_path);
  g_autoptr(GFile) dotted = g_file_new_for_path (dotted_path);
  g_autoptr(GFile) result = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = nl_file_name_for_title (names[i].title);

      g_assert_cmpstr (name, ==, names[i].name);
    }

  result = nl_file_with_extension (bare, ".neurolift");
  basename = g_file_get_basename (result);
  g_assert_cmpstr (basename, ==, "bare-name.neurolift");
  g_clear_object (&result);

  /* The dialog asked about replacing "taken", not "taken.neurolift". */
  g_file_set_contents (taken_with, "x", -1, &error);
  g_assert_no_error (error);
  result = nl_file_with_extension (taken, ".neurolift");
  g_assert_true (g_file_equal (result, taken));
  g_clear_object (&result);

  result = nl_file_with_extension (dotted, ".neurolift");
  g_assert_true (g_file_equal (result, dotted));
  g_clear_object (&result);

  /* A dot inside a name is no extension. */
  {
    g_autofree char *dotted_name = g_build_filename (tmp_dir, "Dr. Smith v1.2 plan", NULL);
    g_autoptr(GFile) spaced = g_file_new_for_path (dotted_name);
    g_autoptr(GFile) with = nl_file_with_extension (spaced, ".neurolift");
    g_autofree char *with_name = g_file_get_basename (with);

    g_assert_cmpstr (with_name, ==, "Dr. Smith v1.2 plan.neurolift");
  }

  /* A figure named without an extension is a PNG image. */
  result = nl_file_with_extension (bare, ".png");
  g_clear_pointer (&basename, g_free);
  basename = g_file_get_basename (result);
  g_assert_cmpstr (basename, ==, "bare-name.png");

  /* The export dialogs list the formats they write. */
  {
    static const struct { NlFileKind kind; const char *names; const char *matches; } kinds[] = {
      { NL_FILE_KIND_FIGURE, "Figures (PNG, SVG or PDF)|PNG image|SVG image|PDF document", "a.svg" },
      { NL_FILE_KIND_CSV, "CSV tables", "a.csv" },
      { NL_FILE_KIND_PROGRAMME, "Neurolift programmes", "a.neurolift" },
      { NL_FILE_KIND_ANY, "", NULL },
    };

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GListStore) filters = nl_export_dialog_new_filters (kinds[k].kind);
        g_autoptr(GString) names = g_string_new (NULL);

        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
          {
            g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

            g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", gtk_file_filter_get_name (filter));
            /* A bare name saved with the SVG filter chosen is an SVG. */
            if (g_str_equal (gtk_file_filter_get_name (filter), "SVG image"))
              g_assert_cmpstr (g_object_get_data (G_OBJECT (filter), "nl-extension"), ==, ".svg");
          }
        g_assert_cmpstr (names->str, ==, kinds[k].names);
        if (kinds[k].matches != NULL)
          {
            g_autoptr(GtkFileFilter) first = g_list_model_get_item (G_LIST_MODEL (filters), 0);
            g_autoptr(GFileInfo) info = g_file_info_new ();
            g_autoptr(GFileInfo) other = g_file_info_new ();

            g_file_info_set_display_name (info, kinds[k].matches);
            g_file_info_set_display_name (other, "a.txt");
            g_assert_true (gtk_filter_match (GTK_FILTER (first), info));
            g_assert_false (gtk_filter_match (GTK_FILTER (first), other));
          }
      }
  }
}

/* The status page on show (their icons are set when first shown). */
static AdwStatusPage *
shown_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *page = shown_status_page (child);

      if (page != NULL)
        return page;
    }
  return NULL;
}

static const char *
shown_status_icon (GtkWidget *widget)
{
  AdwStatusPage *page = shown_status_page (widget);

  return page != NULL ? adw_status_page_get_icon_name (page) : NULL;
}

/* Opening a file in a new window loads it on a second thread while the
 * window is built: the window shows the document, or for a broken file the
 * same file:line:column errors as opening it in a window at hand. */
static void
test_open_in_new_window (void)
{
  g_autofree char *broken_path = g_build_filename (tmp_dir, "new-window-broken.neurolift", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) good = copy_example ("new-window.neurolift");
  g_autofree char *expected = g_strconcat (broken_path, ":4:26: weeks is 300", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_file_set_contents (broken_path,
                       "<?xml version=\"1.0\"?>\n"
                       "<program xmlns=\"urn:neurolift:program:1\">\n"
                       "  <title>x</title>\n"
                       "  <phase kind=\"training\" weeks=\"300\"/>\n"
                       "</program>\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  window = nl_application_open_file (app, broken);
  iterate_until_idle ();
  g_assert_true (NL_IS_WINDOW (window));
  g_assert_cmpstr (nl_window_get_page (NL_WINDOW (window)), ==, "error");
  if (!g_str_has_prefix (nl_window_get_error_text (NL_WINDOW (window)), expected))
    g_error ("error page says “%s”, expected it to start with “%s”",
             nl_window_get_error_text (NL_WINDOW (window)), expected);
  gtk_window_destroy (window);
  iterate_until_idle ();

  window = nl_application_open_file (app, good);
  iterate_until_idle ();
  g_assert_cmpstr (nl_window_get_page (NL_WINDOW (window)), ==, "document");
  g_assert_cmpstr (nl_window_get_title_text (NL_WINDOW (window)), ==,
                   "Knee extension, left leg, with right leg in a cast");
  g_assert_false (nl_window_get_modified (NL_WINDOW (window)));
  gtk_window_destroy (window);
  iterate_until_idle ();
}

static void
test_broken_file (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpstr (nl_window_get_page (f->win), ==, "empty");
  g_assert_cmpstr (shown_status_icon (GTK_WIDGET (f->win)), ==, "document-open-symbolic");

  check_broken (f, "out-of-range.neurolift",
                "<?xml version=\"1.0\"?>\n"
                "<program xmlns=\"urn:neurolift:program:1\">\n"
                "  <title>x</title>\n"
                "  <phase kind=\"training\" weeks=\"300\"/>\n"
                "</program>\n",
                ":4:26: weeks is 300, but it must be from 1 to 104");
  check_broken (f, "not-xml.neurolift", "<program", ":1:");
  check_broken (f, "missing.neurolift", NULL, ": there is no such file");
  /* Past the crossfade from the empty page (longer on a loaded machine). */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (g_strcmp0 (shown_status_icon (GTK_WIDGET (f->win)), "dialog-error-symbolic") != 0
           && g_get_monotonic_time () < deadline)
      spin_for (20);
  }
  g_assert_cmpstr (shown_status_icon (GTK_WIDGET (f->win)), ==, "dialog-error-symbolic");
  /* A file that cannot be read at all is not blamed for its contents. */
  g_assert_cmpstr (adw_status_page_get_description (shown_status_page (GTK_WIDGET (f->win))), ==,
                   "Neurolift could not read the file. The reason is given below.");

  /* A good file after a bad one shows the document again. */
  {
    g_autofree char *path = example_path ();
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (nl_window_open (f->win, file));
    g_assert_cmpstr (nl_window_get_page (f->win), ==, "document");
  }
}

static void
test_edit_undo_save (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("edit.neurolift");
  NlSetGroup *sets;
  GtkWidget *reps;
  g_autofree char *on_disk = NULL;
  g_autofree char *canonical = NULL;
  gsize disk_length, canonical_length;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) reloaded = NULL;

  g_assert_true (nl_window_open (f->win, file));
  sets = NL_SET_GROUP (find_row_item (f->win, NL_TYPE_SET_GROUP, 0));
  g_assert_nonnull (sets);
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 8);

  /* Edit through the form, as a person would. */
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (sets)));
  g_assert_true (nl_window_get_selected_item (f->win) == G_OBJECT (sets));
  reps = nl_editor_form_get_field (NL_EDITOR_FORM (nl_window_get_editor_form (f->win)), "reps");
  g_assert_true (GTK_IS_SPIN_BUTTON (reps));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (reps)), ==, 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (reps), 12);
  iterate_until_idle ();
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 12);
  g_assert_true (nl_window_get_modified (f->win));
  g_assert_true (g_str_has_prefix (nl_window_get_title_text (f->win), "• "));

  /* Undo restores the value, the form and the clean title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 8);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (reps)), ==, 8);
  g_assert_false (nl_window_get_modified (f->win));
  g_assert_false (g_str_has_prefix (nl_window_get_title_text (f->win), "• "));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.redo", NULL));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 12);
  g_assert_true (nl_window_get_modified (f->win));

  /* Save writes the canonical form to the file on disk. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.save", NULL));
  iterate_until_idle ();
  g_assert_false (nl_window_get_modified (f->win));
  g_assert_false (g_str_has_prefix (nl_window_get_title_text (f->win), "• "));
  g_file_get_contents (g_file_peek_path (file), &on_disk, &disk_length, &error);
  g_assert_no_error (error);
  canonical = nl_program_to_xml (nl_window_get_program (f->win), &canonical_length);
  g_assert_cmpmem (on_disk, disk_length, canonical, canonical_length);
  g_assert_nonnull (strstr (on_disk, "reps=\"12\""));

  reloaded = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nl_program_equal (reloaded, nl_window_get_program (f->win)));

  /* Undo after saving marks the document modified again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_window_get_modified (f->win));
}

static void
test_structure (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("structure.neurolift");
  NlProgram *program;
  NlPhase *first_phase;
  GObject *session;
  guint n_sessions;

  g_assert_true (nl_window_open (f->win, file));
  program = nl_window_get_program (f->win);
  first_phase = nl_program_get_phase (program, 0);
  n_sessions = g_list_model_get_n_items (nl_phase_get_sessions (first_phase));

  /* Duplicate a session: the copy takes a free day and is selected. */
  session = find_row_item (f->win, NL_TYPE_SESSION, 0);
  g_assert_true (nl_window_select_item (f->win, session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.duplicate", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (first_phase)), ==, n_sessions + 1);
  g_assert_true (NL_IS_SESSION (nl_window_get_selected_item (f->win)));
  g_assert_cmpuint (nl_session_get_day (NL_SESSION (nl_window_get_selected_item (f->win))), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (first_phase)), ==, n_sessions);

  /* Move the second phase up, then undo. */
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (nl_program_get_phase (program, 1))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.move-up", NULL));
  g_assert_cmpstr (nl_phase_get_name (nl_program_get_phase (program, 0)), ==, "Off");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpstr (nl_phase_get_name (nl_program_get_phase (program, 0)), ==, "Cast and train");

  /* Add sets to a session, remove them again. */
  g_assert_true (nl_window_select_item (f->win, session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add-item", "s", "sets"));
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (session))), ==, 2);
  g_assert_true (NL_IS_SET_GROUP (nl_window_get_selected_item (f->win)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (session))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (session))), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (session))), ==, 1);
  g_assert_false (nl_window_get_modified (f->win));
}

static double
final_strength (NlWindow *win)
{
  NlSimulation *simulation = nl_window_get_simulation (win);
  NlTimeline *timeline;
  guint track;

  nl_simulation_wait (simulation);
  timeline = nl_simulation_get_timeline (simulation);
  g_assert_nonnull (timeline);
  track = nl_timeline_find_track (timeline, "quadriceps", NL_SIDE_LEFT);
  g_assert_cmpint ((int) track, >=, 0);
  return nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH)[nl_timeline_get_programme_days (timeline) - 1];
}

/* The views' model follows every edit: more reps, more strength. */
static void
test_edit_updates_timeline (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("timeline.neurolift");
  NlSetGroup *sets;
  GtkWidget *count;
  double before, more, undone;

  g_assert_true (nl_window_open (f->win, file));
  before = final_strength (f->win);
  g_assert_cmpfloat (before, >, 0);

  sets = NL_SET_GROUP (find_row_item (f->win, NL_TYPE_SET_GROUP, 0));
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (sets)));
  count = nl_editor_form_get_field (NL_EDITOR_FORM (nl_window_get_editor_form (f->win)), "count");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), 1);
  more = final_strength (f->win);
  g_test_message ("left quadriceps strength at the end: %.2f %% with 4 sets, %.2f %% with 1", before, more);
  g_assert_cmpfloat (more, <, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  undone = final_strength (f->win);
  g_assert_cmpfloat (undone, ==, before);
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("drop.neurolift");
  NlProgram *program;
  NlPhase *phase;
  NlSession *day1, *day3;
  NlSetGroup *sets;
  g_autoptr(NlProgram) original = NULL;

  g_assert_true (nl_window_open (f->win, file));
  program = nl_window_get_program (f->win);
  original = nl_program_copy (program);
  phase = nl_program_get_phase (program, 0);
  day1 = NL_SESSION (find_row_item (f->win, NL_TYPE_SESSION, 0));
  day3 = NL_SESSION (find_row_item (f->win, NL_TYPE_SESSION, 1));
  sets = NL_SET_GROUP (find_row_item (f->win, NL_TYPE_SET_GROUP, 0));

  /* Sets dropped on another session move there, as one step. */
  g_assert_true (nl_window_drop_item (f->win, G_OBJECT (sets), G_OBJECT (day3)));
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (day1)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (day3)), ==, 2);
  g_assert_true (nl_window_get_selected_item (f->win) == G_OBJECT (sets));

  /* A session dropped on another reorders the phase. */
  g_assert_true (nl_window_drop_item (f->win, G_OBJECT (day3), G_OBJECT (day1)));
  {
    g_autoptr(NlSession) first = g_list_model_get_item (nl_phase_get_sessions (phase), 0);

    g_assert_true (first == day3);
  }

  /* Meaningless drops change nothing. */
  g_assert_false (nl_window_drop_item (f->win, G_OBJECT (day1), G_OBJECT (sets)));
  g_assert_false (nl_window_drop_item (f->win, G_OBJECT (phase), G_OBJECT (day1)));
  g_assert_false (nl_window_drop_item (f->win, G_OBJECT (day1), G_OBJECT (day1)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_program_equal (program, original));
  g_assert_false (nl_window_get_modified (f->win));
}

static gboolean
problems_shown (NlWindow *win)
{
  return nl_window_get_problems_text (win) != NULL;
}

static void
test_problems_banner (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkLabel *banner = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->win), NL_TYPE_WINDOW, "problems_label"));
  NlSetGroup *sets;

  g_assert_true (nl_window_open (f->win, file));
  g_assert_null (nl_window_get_problems_text (f->win));

  /* An edit that breaks a rule is kept, and the rule shows in the banner. */
  sets = NL_SET_GROUP (find_row_item (f->win, NL_TYPE_SET_GROUP, 0));
  nl_undo_stack_set_string (nl_window_get_undo_stack (f->win), sets, "exercise", "no-such-exercise");
  g_assert_cmpstr (nl_set_group_get_exercise (sets), ==, "no-such-exercise");
  for (guint i = 0; i < 100 && !problems_shown (f->win); i++)
    spin_for (10);
  g_assert_nonnull (nl_window_get_problems_text (f->win));
  g_assert_nonnull (strstr (nl_window_get_problems_text (f->win), "no-such-exercise"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (banner), "This programme has a problem the model cannot run with: "));
  /* Shown to screen readers as an alert. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (banner))),
                                               GTK_ACCESSIBLE_ROLE_ALERT));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  for (guint i = 0; i < 100 && problems_shown (f->win); i++)
    spin_for (10);
  g_assert_null (nl_window_get_problems_text (f->win));

  /* An implausible load is worth a warning, which does not stop the model;
   * the form marks the field as a warning, not an error. */
  g_assert_true (nl_window_select_item (f->win, G_OBJECT (sets)));
  nl_undo_stack_set_double (nl_window_get_undo_stack (f->win), sets, "load-pct", 120);
  for (guint i = 0; i < 100 && !problems_shown (f->win); i++)
    spin_for (10);
  {
    GtkWidget *load = nl_editor_form_get_field (NL_EDITOR_FORM (nl_window_get_editor_form (f->win)), "load-pct");
    GtkWidget *row = ADW_IS_PREFERENCES_ROW (load) ? load : gtk_widget_get_ancestor (load, ADW_TYPE_PREFERENCES_ROW);

    g_assert_true (gtk_widget_has_css_class (row, "warning"));
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    /* A screen reader on the field hears why. */
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (load), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  }
  g_assert_nonnull (nl_window_get_problems_text (f->win));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (banner), "Worth checking: "));
  g_assert_nonnull (strstr (gtk_label_get_text (banner), "120 % of 1RM"));
  nl_simulation_wait (nl_window_get_simulation (f->win));
  g_assert_null (nl_simulation_get_error (nl_window_get_simulation (f->win)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  for (guint i = 0; i < 100 && problems_shown (f->win); i++)
    spin_for (10);
  g_assert_null (nl_window_get_problems_text (f->win));
}

/* Whether the window's sidebar is on screen: it is the flap of an AdwFlap
 * (nl-window.ui), named by its property to stay clear of the deprecation
 * of AdwFlap's functions in newer libadwaita. */
static gboolean
sidebar_revealed (GtkWidget *sidebar)
{
  gboolean revealed = FALSE;

  g_object_get (gtk_widget_get_parent (sidebar), "reveal-flap", &revealed, NULL);
  return revealed;
}

static void
test_presentation_weeks (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->win), NL_TYPE_WINDOW, "sidebar"));
  NlRenderStyle style;
  double normal_size;
  guint last;

  /* The outline and form's divider, which takes the focus, is named. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sidebar), GTK_ACCESSIBLE_PROPERTY_LABEL, "Outline and form");
  g_assert_true (nl_window_open (f->win, file));
  nl_simulation_wait (nl_window_get_simulation (f->win));
  iterate_until_idle ();
  nl_view_style_init (&style, GTK_WIDGET (nl_diagram_page_get_view (find_diagram_page (GTK_WIDGET (f->win)))));
  normal_size = style.font_size;
  g_assert_cmpfloat (normal_size, >, 4);
  g_assert_nonnull (nl_simulation_get_timeline (nl_window_get_simulation (f->win)));
  last = nl_timeline_get_n_days (nl_simulation_get_timeline (nl_window_get_simulation (f->win))) - 1;
  /* The example lasts 7 weeks: the timeline covers at least their 49 days. */
  g_assert_cmpuint (last, >=, 48);
  g_assert_cmpuint (nl_window_get_day (f->win), ==, 0);
  /* Arrows step weeks only in presentation mode. */
  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.next-week", NULL);
  g_assert_cmpuint (nl_window_get_day (f->win), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.presentation", NULL));
  iterate_until_idle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  /* The figures' text grows with the labels' (presentation-text-scale,
   * 1.5 by default), for the back of the room. */
  nl_view_style_init (&style, GTK_WIDGET (nl_diagram_page_get_view (find_diagram_page (GTK_WIDGET (f->win)))));
  g_assert_cmpfloat_with_epsilon (style.font_size, normal_size * 1.5, normal_size * 0.02);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.next-week", NULL));
  g_assert_cmpuint (nl_window_get_day (f->win), ==, 7);
  /* The views follow the window's day. */
  g_assert_cmpuint (nl_diagram_page_get_day (find_diagram_page (GTK_WIDGET (f->win))), ==, 7);
  for (guint i = 0; i < 100; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->win), "win.next-week", NULL);
  g_assert_cmpuint (nl_window_get_day (f->win), ==, last);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.previous-week", NULL));
  g_assert_cmpuint (nl_window_get_day (f->win), ==, last - 7);
  /* And the window follows the views' scrubber. */
  nl_diagram_page_set_day (find_diagram_page (GTK_WIDGET (f->win)), 3);
  g_assert_cmpuint (nl_window_get_day (f->win), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.leave-presentation", NULL));
  iterate_until_idle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  g_assert_true (sidebar_revealed (sidebar));

  /* F9 hides the outline and form for a small screen; presentation mode
   * hides them too, and leaving it keeps the user's choice. */
  g_assert_true (nl_window_select_item (f->win, find_row_item (f->win, NL_TYPE_SET_GROUP, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.show-sidebar", NULL));
  g_assert_false (sidebar_revealed (sidebar));
  /* No shortcut edits the outline the user cannot see. */
  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add", NULL);
  g_assert_false (nl_window_get_modified (f->win));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.presentation", NULL));
  g_assert_false (sidebar_revealed (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.leave-presentation", NULL));
  g_assert_false (sidebar_revealed (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.show-sidebar", NULL));
  g_assert_true (sidebar_revealed (sidebar));
  iterate_until_idle ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  nl_view_style_init (&style, GTK_WIDGET (nl_diagram_page_get_view (find_diagram_page (GTK_WIDGET (f->win)))));
  g_assert_cmpfloat (style.font_size, ==, normal_size);
}

/* The Trends and Outline views are built when first shown, and then work
 * as if they had always been there. */
static void
test_lazy_views (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlSimulation *simulation;
  GtkWidget *trends, *outline;

  g_assert_true (nl_window_open (f->win, file));
  simulation = nl_window_get_simulation (f->win);
  nl_simulation_wait (simulation);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  g_assert_null (nl_window_get_trends_page (f->win));
  g_assert_null (find_with_class (GTK_WIDGET (f->win), "outline-text"));

  g_object_set (f->win, "day", 14, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.show-page", "s", "trends"));
  trends = nl_window_get_trends_page (f->win);
  g_assert_nonnull (trends);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  g_assert_true (gtk_widget_get_mapped (trends));
  g_assert_true (nl_trends_page_get_simulation (NL_TRENDS_PAGE (trends)) == simulation);
  g_assert_nonnull (nl_trend_view_get_plot (nl_trends_page_get_view (NL_TRENDS_PAGE (trends))));
  /* It shows the window's day, and the window follows it. */
  g_assert_cmpuint (nl_trends_page_get_day (NL_TRENDS_PAGE (trends)), ==, 14);
  nl_trends_page_set_day (NL_TRENDS_PAGE (trends), 3);
  g_assert_cmpuint (nl_window_get_day (f->win), ==, 3);
  g_assert_cmpuint (nl_diagram_page_get_day (find_diagram_page (GTK_WIDGET (f->win))), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.show-page", "s", "outline"));
  outline = find_with_class (GTK_WIDGET (f->win), "outline-text");
  /* The keyboard went with the page (Alt+3). */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->win)),
                                         adw_view_stack_get_child_by_name (
                                           ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->win), NL_TYPE_WINDOW, "view_stack")),
                                           "outline")));
  g_assert_nonnull (outline);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (outline)), "Cast and train"));
  /* The text has the focus, its cursor at the start: not all of it
   * selected, as a selectable label does as it takes the focus. */
  {
    int start = -1, end = -1;

    g_assert_true (gtk_root_get_focus (GTK_ROOT (f->win)) == outline);
    g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (outline), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, 0);
  }
  /* Both stay, and the outline follows edits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.show-page", "s", "diagram"));
  nl_phase_set_name (nl_program_get_phase (nl_window_get_program (f->win), 0), "Renamed phase");
  /* The window refreshes 50 ms after an edit; a loaded machine may take
   * longer to get there, so wait for it rather than for a set time. */
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (strstr (gtk_label_get_text (GTK_LABEL (outline)), "Renamed phase") == NULL
           && g_get_monotonic_time () < deadline)
      spin_for (20);
  }
  g_assert_true (nl_window_get_trends_page (f->win) == trends);
  g_assert_true (find_with_class (GTK_WIDGET (f->win), "outline-text") == outline);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (outline)), "Renamed phase"));
  nl_undo_stack_set_clean (nl_window_get_undo_stack (f->win));
}

static char *
full_example_path (void)
{
  return g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples", "novice-full-body.neurolift", NULL);
}

static guint
shown_rows (NlWindow *win)
{
  GtkWidget *view = find_with_class (GTK_WIDGET (win), "navigation-sidebar");

  g_assert_true (GTK_IS_LIST_VIEW (view));
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

/* Until the first frame of a window the outline holds the rows that fit in
 * the sidebar, then all of them; selecting works throughout. */
static void
test_outline_first_rows (void)
{
  g_autofree char *path = full_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlWindow *win = nl_window_new (app);
  NlWindow *other = nl_window_new (app);
  GObject *last_sets;
  gint64 end;
  guint all;

  g_assert_true (nl_window_open (win, file));
  all = g_list_model_get_n_items (nl_window_get_outline_model (win));
  g_assert_cmpuint (all, ==, 33);
  /* libadwaita's sidebar rows are 38 pixels high; the sidebar opens 330 high. */
  g_assert_cmpuint (shown_rows (win), >=, 330 / 38 + 1);
  g_assert_cmpuint (shown_rows (win), <, all);

  gtk_window_present (GTK_WINDOW (win));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((shown_rows (win) < all || nl_window_get_selected_item (win) == NULL)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (shown_rows (win), ==, all);
  g_assert_true (nl_window_get_selected_item (win) == G_OBJECT (nl_window_get_program (win)));

  /* An item past the first rows, chosen before the first frame. */
  g_assert_true (nl_window_open (other, file));
  last_sets = find_row_item (other, NL_TYPE_SET_GROUP, 23);
  g_assert_nonnull (last_sets);
  g_assert_true (nl_window_select_item (other, last_sets));
  g_assert_true (nl_window_get_selected_item (other) == last_sets);
  g_assert_cmpuint (shown_rows (other), ==, all);

  /* A window on screen: the same until its next frame. */
  g_assert_true (nl_window_open (win, file));
  g_assert_cmpuint (shown_rows (win), <, all);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (shown_rows (win) < all && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (shown_rows (win), ==, all);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

static gboolean
has_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_status_page (child))
      return TRUE;
  return FALSE;
}

/* A window that opens on a document builds no status page; one that needs
 * one builds them. */
static void
test_status_pages_on_demand (void)
{
  g_autofree char *path = full_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *broken = g_build_filename (tmp_dir, "not-there.neurolift", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (broken);
  NlWindow *win = nl_window_new (app);

  g_assert_true (nl_window_open (win, file));
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  g_assert_false (has_status_page (GTK_WIDGET (win)));
  g_assert_cmpstr (nl_window_get_error_text (win), ==, "");

  g_assert_false (nl_window_open (win, missing));
  g_assert_true (has_status_page (GTK_WIDGET (win)));
  g_assert_cmpstr (nl_window_get_page (win), ==, "error");
  g_assert_cmpstr (nl_window_get_error_text (win), !=, "");

  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, buttons);
}

/* Runs the main loop until @popover is on screen or off it, as @mapped
 * says: a popover opens and closes through the display server. */
static void
wait_for_popover (GtkPopover *popover,
                  gboolean    mapped)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_widget_get_mapped (GTK_WIDGET (popover)) != mapped
         && g_get_monotonic_time () < deadline)
    spin_for (10);
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)) == mapped);
}

/* The main and Add menus are built when they first open, and then open. */
static void
test_menus_on_demand (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint unbuilt = 0;

  collect_menu_buttons (GTK_WIDGET (f->win), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GMenuModel *menu;

      if (gtk_menu_button_get_popover (button) != NULL)
        continue;
      unbuilt++;
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      gtk_menu_button_popup (button);
      menu = gtk_menu_button_get_menu_model (button);
      g_assert_nonnull (menu);
      g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
      g_assert_nonnull (gtk_menu_button_get_popover (button));
      wait_for_popover (gtk_menu_button_get_popover (button), TRUE);
      gtk_menu_button_popdown (button);
      wait_for_popover (gtk_menu_button_get_popover (button), FALSE);
      /* Opening again keeps the same popover. */
      {
        GtkPopover *popover = gtk_menu_button_get_popover (button);

        gtk_menu_button_popup (button);
        g_assert_true (gtk_menu_button_get_popover (button) == popover);
        wait_for_popover (popover, TRUE);
        gtk_menu_button_popdown (button);
        wait_for_popover (popover, FALSE);
      }
    }
  g_assert_cmpuint (unbuilt, ==, 2);
}

static guint deferred_calls;
static gboolean window_ready;

static gboolean
ready_cb (GtkWidget *root)
{
  return window_ready;
}

static void
count_deferred (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  deferred_calls++;
}

/* Deferred work runs once, after the widget's first frame. */
static void
test_defer_after_paint (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Later");
  GtkWidget *hidden = gtk_label_new ("Never shown");
  gint64 end;

  gtk_window_set_child (GTK_WINDOW (window), label);
  deferred_calls = 0;
  nl_defer_after_paint (label, count_deferred);
  nl_defer_after_paint (hidden, count_deferred);
  spin_for (100);
  g_assert_cmpuint (deferred_calls, ==, 0);
  /* Only calls whose widget is on screen are waited for. */
  g_assert_cmpuint (nl_defer_get_waiting (), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (nl_defer_get_waiting (), ==, 1);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (deferred_calls == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (deferred_calls, ==, 1);
  g_assert_cmpuint (nl_defer_get_waiting (), ==, 0);

  /* On a widget already on show, after its next frame; once each. */
  nl_defer_after_paint (label, count_deferred);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (deferred_calls == 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (deferred_calls, ==, 2);
  spin_for (100);
  g_assert_cmpuint (deferred_calls, ==, 2);

  /* While the window is not ready, its frames do not count. */
  window_ready = FALSE;
  nl_defer_set_ready (window, ready_cb);
  nl_defer_after_paint (label, count_deferred);
  gtk_widget_queue_draw (label);
  spin_for (200);
  g_assert_cmpuint (deferred_calls, ==, 2);
  g_assert_cmpuint (nl_defer_get_waiting (), ==, 1);
  window_ready = TRUE;
  gtk_widget_queue_draw (label);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (deferred_calls == 2 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (deferred_calls, ==, 3);
  g_assert_cmpuint (nl_defer_get_waiting (), ==, 0);

  /* A widget gone first is left alone. */
  g_object_ref_sink (hidden);
  g_object_unref (hidden);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_cmpuint (deferred_calls, ==, 3);
}

/* Every icon the window names is in the icon theme (or the application's
 * own icons): a missing one shows as a broken image. */
static void
test_icons_exist (Fixture       *f,
                  gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (f->win)));
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (f->win), ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 1);
  g_autoptr(NlSession) session = nl_session_new (1);
  g_autoptr(NlSetGroup) sets = nl_set_group_new ("back-squat");
  GObject *items[] = { G_OBJECT (program), G_OBJECT (phase), G_OBJECT (session), G_OBJECT (sets) };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_icon_name (page);

      if (name != NULL)
        g_assert_true (gtk_icon_theme_has_icon (theme, name));
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (gtk_icon_theme_has_icon (theme, nl_outline_icon_for_item (items[i])));
  /* The About window's, from the build tree too. */
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
}

static GObject *
session_at (NlPhase *phase,
            guint    position)
{
  g_autoptr(GObject) session = g_list_model_get_item (nl_phase_get_sessions (phase), position);

  return session;   /* the document keeps it alive */
}

/* Removing selects the item beside (the next, else the previous, else the
 * parent) and shows its form; undo brings each item back, selected. */
static void
test_remove_selects_neighbour (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("remove.neurolift");
  GtkWidget *form;
  NlPhase *phase;
  GObject *day1, *day3, *day5;

  g_assert_true (nl_window_open (f->win, file));
  form = nl_window_get_editor_form (f->win);
  phase = nl_program_get_phase (nl_window_get_program (f->win), 0);
  day1 = session_at (phase, 0);
  day3 = session_at (phase, 1);
  day5 = session_at (phase, 2);

  /* Each row is named for screen readers by what it shows. */
  {
    GtkWidget *expander = find_widget_of_type (GTK_WIDGET (f->win), GTK_TYPE_TREE_EXPANDER);
    GtkWidget *label = find_widget_of_type (expander, GTK_TYPE_LABEL);

    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         gtk_label_get_text (GTK_LABEL (label)));
  }

  g_assert_true (nl_window_select_item (f->win, day1));
  {
    g_autofree char *what = nl_outline_describe_item (nl_window_get_program (f->win), day1);
    g_autofree char *said = g_strdup_printf ("Removed “%s”", what);

    g_assert_null (find_label_with (GTK_WIDGET (f->win), said));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL));
    iterate_until_idle ();
    /* A toast says what went, with the way back. */
    g_assert_nonnull (find_label_with (GTK_WIDGET (f->win), said));
  }
  g_assert_true (nl_window_get_selected_item (f->win) == day3);
  g_assert_true (nl_editor_form_get_item (NL_EDITOR_FORM (form)) == day3);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->win)));

  g_assert_true (nl_window_select_item (f->win, day5));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == day3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == G_OBJECT (phase));
  g_assert_true (nl_editor_form_get_item (NL_EDITOR_FORM (form)) == G_OBJECT (phase));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, 0);

  /* Insert after a removal adds like the selected item, after it: here a
   * phase; undoing that selects the phase beside again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add", NULL));
  g_assert_cmpuint (nl_program_get_n_phases (nl_window_get_program (f->win)), ==, 3);
  g_assert_true (nl_window_get_selected_item (f->win)
                 == G_OBJECT (nl_program_get_phase (nl_window_get_program (f->win), 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (nl_program_get_n_phases (nl_window_get_program (f->win)), ==, 2);
  g_assert_true (nl_window_get_selected_item (f->win)
                 == G_OBJECT (nl_program_get_phase (nl_window_get_program (f->win), 1)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == day3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == day5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == day1);
  g_assert_true (nl_editor_form_get_item (NL_EDITOR_FORM (form)) == day1);
  g_assert_true (session_at (phase, 0) == day1 && session_at (phase, 1) == day3 && session_at (phase, 2) == day5);
  g_assert_false (nl_window_get_modified (f->win));

  /* Redo removes again and moves on to the item beside. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.redo", NULL));
  g_assert_true (nl_window_get_selected_item (f->win) == day3);
}

static GtkWidget *
outline_view (NlWindow *win)
{
  GtkWidget *view = find_with_class (GTK_WIDGET (win), "navigation-sidebar");

  g_assert_true (GTK_IS_LIST_VIEW (view));
  return view;
}

/* The widget of the selected row in the outline. */
static GtkWidget *
selected_row (NlWindow *win)
{
  for (GtkWidget *row = gtk_widget_get_first_child (outline_view (win)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED)
      return row;
  return NULL;
}

static void
wait_for_frames (NlWindow *win)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      iterate_until_idle ();
    }
}

/* A new session goes after the session of the selected sets, is selected,
 * and the outline scrolls to show it whole. */
static void
test_add_after_selection (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = full_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *scrolled, *row;
  graphene_rect_t bounds;
  NlPhase *phase;
  GObject *added;
  guint n_sessions;

  g_assert_true (nl_window_open (f->win, file));
  wait_for_frames (f->win);
  phase = nl_program_get_phase (nl_window_get_program (f->win), 0);
  n_sessions = g_list_model_get_n_items (nl_phase_get_sessions (phase));
  g_assert_cmpuint (n_sessions, >=, 2);

  g_assert_true (nl_window_select_item (f->win, find_row_item (f->win, NL_TYPE_SET_GROUP, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.add-item", "s", "session"));
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, n_sessions + 1);
  added = session_at (phase, 1);
  g_assert_true (nl_window_get_selected_item (f->win) == added);
  g_assert_cmpuint (nl_session_get_day (NL_SESSION (added)), ==, 2);

  wait_for_frames (f->win);
  row = selected_row (f->win);
  g_assert_nonnull (row);
  scrolled = gtk_widget_get_parent (outline_view (f->win));
  g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
  g_test_message ("new row at y %.0f to %.0f of %d", bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));

  /* A duplicate goes right after its original, also in view. */
  g_assert_true (nl_window_select_item (f->win, find_row_item (f->win, NL_TYPE_SET_GROUP, 20)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.duplicate", NULL));
  wait_for_frames (f->win);
  row = selected_row (f->win);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
}

/* How many borders (the way GTK draws a CSS outline) @node draws. */
static guint
count_borders (GskRenderNode *node)
{
  guint n = 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_BORDER_NODE:
      return 1;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_borders (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_borders (gsk_transform_node_get_child (node));
    case GSK_OPACITY_NODE:
      return count_borders (gsk_opacity_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_borders (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return count_borders (gsk_rounded_clip_node_get_child (node));
    case GSK_DEBUG_NODE:
      return count_borders (gsk_debug_node_get_child (node));
    case GSK_COLOR_MATRIX_NODE:
      return count_borders (gsk_color_matrix_node_get_child (node));
    default:
      return 0;
    }
}

/* The borders that @widget draws as it is now. */
static guint
borders_drawn (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL ? count_borders (node) : 0;
}

/* Enter (activating a row) takes the keyboard into the item's form; with
 * the focus on a row, removing leaves it on the row beside. */
static void
test_outline_keyboard (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("keyboard.neurolift");
  NlPhase *phase;
  GtkWidget *form, *field, *focus, *row;
  GListModel *rows;
  guint position = G_MAXUINT;

  g_assert_true (nl_window_open (f->win, file));
  wait_for_frames (f->win);
  phase = nl_program_get_phase (nl_window_get_program (f->win), 0);
  rows = nl_window_get_outline_model (f->win);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && position == G_MAXUINT; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (tree_row);

      if (item == G_OBJECT (phase))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_assert_true (gtk_widget_activate_action (outline_view (f->win), "list.activate-item", "u", position));
  g_assert_true (nl_window_get_selected_item (f->win) == G_OBJECT (phase));
  form = nl_window_get_editor_form (f->win);
  field = nl_editor_form_get_field (NL_EDITOR_FORM (form), "name");
  focus = gtk_root_get_focus (GTK_ROOT (f->win));
  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));

  /* Focus on the first session's row; Delete moves it to the next. */
  g_assert_true (nl_window_select_item (f->win, session_at (phase, 0)));
  wait_for_frames (f->win);
  row = selected_row (f->win);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.remove", NULL));
  wait_for_frames (f->win);
  g_assert_true (nl_window_get_selected_item (f->win) == session_at (phase, 0));
  row = selected_row (f->win);
  g_assert_nonnull (row);
  focus = gtk_root_get_focus (GTK_ROOT (f->win));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  /* The focused row shows a focus ring when the keyboard put the focus
   * there, and none after a click. */
  gtk_window_set_focus_visible (GTK_WINDOW (f->win), TRUE);
  wait_for_frames (f->win);
  g_assert_cmpuint (borders_drawn (row), >, 0);
  /* libadwaita fades the ring out. */
  gtk_window_set_focus_visible (GTK_WINDOW (f->win), FALSE);
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (borders_drawn (row) > 0 && g_get_monotonic_time () < deadline)
      {
        spin_for (20);
        wait_for_frames (f->win);
      }
  }
  g_assert_cmpuint (borders_drawn (row), ==, 0);
}

/* A key press as GTK dispatches it, up to the window's own bindings: the
 * capture phase, from the window down to the focus widget, gives each key
 * controller there the key; FALSE when none took it. */
static gboolean
capture_key (NlWindow        *win,
             guint            keyval,
             GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (win)); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);
  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (chain->pdata[i]);

      for (guint k = 0; k < g_list_model_get_n_items (controllers); k++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, k);
          gboolean handled = FALSE;

          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller)
              || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          if (handled)
            return TRUE;
        }
    }
  return FALSE;
}

/* Tab (or Shift+Tab): what the capture phase leaves is the window's
 * move-focus binding, gtk_widget_child_focus() on the window. */
static void
press_tab (NlWindow *win,
           gboolean  backward)
{
  if (!capture_key (win, backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0))
    gtk_widget_child_focus (GTK_WIDGET (win), backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  iterate_until_idle ();
}

static gboolean
focus_in (NlWindow  *win,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (win));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab from a row of the outline leaves the list at once (GTK 4.8 went
 * through every row first); Shift+Tab comes back to the selected row,
 * even when the selection changed while the focus was elsewhere. */
static void
test_outline_tab (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = copy_example ("tab.neurolift");
  GtkWidget *outline, *form, *row;
  GObject *phase, *sets;
  guint presses;

  g_assert_true (nl_window_open (f->win, file));
  wait_for_frames (f->win);
  outline = outline_view (f->win);
  form = nl_window_get_editor_form (f->win);
  phase = find_row_item (f->win, NL_TYPE_PHASE, 0);
  sets = find_row_item (f->win, NL_TYPE_SET_GROUP, 0);

  g_assert_true (nl_window_select_item (f->win, phase));
  wait_for_frames (f->win);
  row = selected_row (f->win);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_assert_true (focus_in (f->win, row));

  /* Other keys are the list's: the arrows still move between rows and
   * Enter still opens the form. */
  g_assert_false (capture_key (f->win, GDK_KEY_Down, 0));
  g_assert_false (capture_key (f->win, GDK_KEY_Return, 0));
  g_assert_false (capture_key (f->win, GDK_KEY_Tab, GDK_CONTROL_MASK));

  /* One Tab: out of the list, to the next widget after it (the add
   * button below the list, or the form). */
  press_tab (f->win, FALSE);
  g_assert_false (focus_in (f->win, outline));
  g_assert_true (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->win)), GTK_TYPE_MENU_BUTTON) != NULL
                 || focus_in (f->win, form));
  g_assert_true (nl_window_get_selected_item (f->win) == phase);

  /* Shift+Tab: back on the selected row. */
  press_tab (f->win, TRUE);
  g_assert_true (focus_in (f->win, selected_row (f->win)));
  g_assert_true (nl_window_get_selected_item (f->win) == phase);

  /* Shift+Tab from the form comes back through the buttons into the
   * list, on the row of what is selected now. */
  g_assert_true (nl_window_select_item (f->win, sets));
  wait_for_frames (f->win);
  g_assert_true (gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_in (f->win, form));
  for (presses = 0; presses < 10 && !focus_in (f->win, outline); presses++)
    press_tab (f->win, TRUE);
  g_assert_true (focus_in (f->win, outline));
  g_assert_true (nl_window_get_selected_item (f->win) == sets);
  g_assert_true (focus_in (f->win, selected_row (f->win)));

  /* And Tab from there reaches the form in as few presses. */
  for (presses = 0; presses < 10 && !focus_in (f->win, form); presses++)
    press_tab (f->win, FALSE);
  g_assert_true (focus_in (f->win, form));
  g_assert_cmpuint (presses, <=, 6);
}

/* An item inside a collapsed phase is selected all the same: its rows
 * open to show it. */
static void
test_select_in_collapsed (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *rows;
  GObject *phase, *sets;

  g_assert_true (nl_window_open (f->win, file));
  iterate_until_idle ();
  phase = find_row_item (f->win, NL_TYPE_PHASE, 0);
  sets = find_row_item (f->win, NL_TYPE_SET_GROUP, 0);
  g_assert_nonnull (phase);
  g_assert_nonnull (sets);
  rows = nl_window_get_outline_model (f->win);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == phase)
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
  g_assert_true (nl_window_select_item (f->win, sets));
  g_assert_true (nl_window_get_selected_item (f->win) == sets);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = nl_test_app_new (&argc, &argv, "ui-window", &tmp_dir);

  g_test_add ("/window/open-example", Fixture, NULL, fixture_setup, test_open_example, fixture_teardown);
  g_test_add ("/window/broken-file", Fixture, NULL, fixture_setup, test_broken_file, fixture_teardown);
  g_test_add ("/window/edit-undo-save", Fixture, NULL, fixture_setup, test_edit_undo_save, fixture_teardown);
  g_test_add ("/window/edit-updates-timeline", Fixture, NULL, fixture_setup, test_edit_updates_timeline, fixture_teardown);
  g_test_add ("/window/drop", Fixture, NULL, fixture_setup, test_drop, fixture_teardown);
  g_test_add ("/window/structure", Fixture, NULL, fixture_setup, test_structure, fixture_teardown);
  g_test_add ("/window/problems-banner", Fixture, NULL, fixture_setup, test_problems_banner, fixture_teardown);
  g_test_add ("/window/presentation-weeks", Fixture, NULL, fixture_setup, test_presentation_weeks, fixture_teardown);
  g_test_add ("/window/lazy-views", Fixture, NULL, fixture_setup, test_lazy_views, fixture_teardown);
  g_test_add_func ("/window/defer-after-paint", test_defer_after_paint);
  g_test_add_func ("/window/open-in-new-window", test_open_in_new_window);
  g_test_add_func ("/window/file-names", test_file_names);
  g_test_add ("/window/export-toast", Fixture, NULL, fixture_setup, test_export_toast, fixture_teardown);
  g_test_add ("/window/undo-shows-item", Fixture, NULL, fixture_setup, test_undo_shows_item, fixture_teardown);
  g_test_add ("/window/add-menu-follows-kind", Fixture, NULL, fixture_setup, test_add_menu_follows_kind, fixture_teardown);
  g_test_add ("/window/icons-exist", Fixture, NULL, fixture_setup, test_icons_exist, fixture_teardown);
  g_test_add_func ("/window/outline-first-rows", test_outline_first_rows);
  g_test_add_func ("/window/status-pages-on-demand", test_status_pages_on_demand);
  g_test_add ("/window/remove-selects-neighbour", Fixture, NULL, fixture_setup, test_remove_selects_neighbour, fixture_teardown);
  g_test_add ("/window/add-after-selection", Fixture, NULL, fixture_setup, test_add_after_selection, fixture_teardown);
  g_test_add ("/window/select-in-collapsed", Fixture, NULL, fixture_setup, test_select_in_collapsed, fixture_teardown);
  g_test_add ("/window/outline-keyboard", Fixture, NULL, fixture_setup, test_outline_keyboard, fixture_teardown);
  g_test_add ("/window/outline-tab", Fixture, NULL, fixture_setup, test_outline_tab, fixture_teardown);
  g_test_add ("/window/menus-on-demand", Fixture, NULL, fixture_setup, test_menus_on_demand, fixture_teardown);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
