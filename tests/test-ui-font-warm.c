/* test-ui-font-warm.c — the first window's fonts, loaded on another thread
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nl-font-warm.h loads the fonts that GTK's labels and the diagram will ask
 * for on a thread while the application starts, and hands its font map to
 * the main thread when the first window is realized.  That helps only if
 * the window then asks for exactly those fonts.  Pango asks fontconfig to
 * complete the pattern of every font description it has not loaded
 * before (FcConfigSubstitute()): this program's own definition of that
 * function, which the libraries' calls reach first, counts the calls made
 * on the main thread.  The thread and its font map are the process's, so
 * each case runs in a subprocess of its own.
 */
#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>

#include "nl-diagram-page.h"
#include "nl-diagram-view.h"
#include "nl-font-warm-private.h"
#include "nl-window.h"
#include "nl-test-app.h"
#include "nl-test-subprocess.h"
#include "nl-test-widgets.h"

typedef FcBool (*SubstituteFunc) (FcConfig *, FcPattern *, FcMatchKind);

static __thread gboolean on_main_thread;
static SubstituteFunc    real_substitute;   /* set before any thread starts */
static gint              main_substitutions;

FcBool
FcConfigSubstitute (FcConfig    *config,
                    FcPattern   *pattern,
                    FcMatchKind  kind)
{
  if (on_main_thread)
    g_atomic_int_inc (&main_substitutions);
  return real_substitute (config, pattern, kind);
}

static NlWindow *
open_example_window (NlApplication *app)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples",
                                            "novice-full-body.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlWindow *window = nl_window_new (app);

  g_assert_true (nl_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Runs the main loop until @window's diagram has been drawn. */
static void
wait_for_diagram (NlWindow *window)
{
  GtkWidget *page = find_widget_of_type (GTK_WIDGET (window), NL_TYPE_DIAGRAM_PAGE);
  NlDiagramView *view = nl_diagram_page_get_view (NL_DIAGRAM_PAGE (page));
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (nl_diagram_view_get_frame_count (view) == 0 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (nl_diagram_view_get_frame_count (view), >, 0);
}

/* Loads a font nothing in the window uses, through @widget's context: a
 * lookup the count must see, or it counts nothing. */
static void
assert_counts_lookups (GtkWidget *widget)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Monospace Bold 37px");
  g_autoptr(PangoFont) font = NULL;
  int before = g_atomic_int_get (&main_substitutions);

  font = pango_context_load_font (gtk_widget_get_pango_context (widget), desc);
  g_assert_nonnull (font);
  g_assert_cmpint (g_atomic_int_get (&main_substitutions), >, before);
}

static void
fonts_ready (void)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr(NlApplication) app = nl_test_app_register ("font-warm", &tmp_dir);
  GtkWidget *label = gtk_label_new ("Heading");
  PangoContext *context;
  GPtrArray *fonts;
  NlWindow *window;
  GtkWidget *window_widget;
  GtkWidget *other;
  gboolean found = FALSE;

  /* The application started the thread; let it finish. */
  _nl_font_warm_wait ();
  g_assert_null (_nl_font_warm_get_fonts ());

  g_atomic_int_set (&main_substitutions, 0);
  window = open_example_window (app);
  window_widget = GTK_WIDGET (window);
  wait_for_diagram (window);

  /* The window took the thread's font map... */
  fonts = _nl_font_warm_get_fonts ();
  g_assert_nonnull (fonts);
  g_assert_cmpuint (fonts->len, ==, 4);
  g_assert_true (pango_font_get_font_map (g_ptr_array_index (fonts, 0))
                 == pango_context_get_font_map (gtk_widget_get_pango_context (window_widget)));
  /* ...and showing its labels and drawing its diagram needed no font it
   * had not loaded. */
  g_assert_cmpint (g_atomic_int_get (&main_substitutions), ==, 0);
  assert_counts_lookups (GTK_WIDGET (window));

  /* A heading in another window gets one of them, the very same. */
  gtk_widget_add_css_class (label, "heading");
  other = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (other), label);
  gtk_window_present (GTK_WINDOW (other));
  context = gtk_widget_get_pango_context (label);
  {
    const PangoFontDescription *desc = pango_context_get_font_description (context);
    g_autoptr(PangoFont) font = pango_context_load_font (context, desc);

    for (guint i = 0; i < fonts->len; i++)
      found |= g_ptr_array_index (fonts, i) == font;
  }
  g_assert_true (found);

  /* Taken once: later windows and calls change nothing. */
  g_assert_false (nl_font_warm_finish ());
  nl_font_warm_start ();
  g_assert_false (nl_font_warm_finish ());
  g_assert_true (_nl_font_warm_get_fonts () == fonts);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
}

/* A window realized before the thread is done does not wait for it. */
static void
fonts_not_ready (void)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr(NlApplication) app = NULL;
  PangoFontMap *before;
  NlWindow *window;

  /* The thread waits before its first font until the window is up. */
  _nl_font_warm_hold (TRUE);
  app = nl_test_app_register ("font-warm", &tmp_dir);
  before = pango_cairo_font_map_get_default ();
  g_assert_cmpuint (_nl_font_warm_get_n_running (), ==, 1);

  g_atomic_int_set (&main_substitutions, 0);
  window = open_example_window (app);
  wait_for_diagram (window);

  /* The window went on without it, with the main thread's own font map,
   * loading its fonts itself. */
  g_assert_null (_nl_font_warm_get_fonts ());
  g_assert_true (pango_cairo_font_map_get_default () == before);
  g_assert_true (pango_context_get_font_map (gtk_widget_get_pango_context (GTK_WIDGET (window)))
                 == before);
  g_assert_cmpint (g_atomic_int_get (&main_substitutions), >, 0);

  /* Let go, the thread stops at once and frees what it made; shutdown
   * still waits for it to end. */
  _nl_font_warm_hold (FALSE);
  nl_font_warm_stop ();
  g_assert_cmpuint (_nl_font_warm_get_n_running (), ==, 0);
  g_assert_null (_nl_font_warm_get_fonts ());
  g_assert_false (nl_font_warm_finish ());

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
}

/* Quitting before a window took the fonts stops the thread and waits for
 * it, wherever it is. */
static void
fonts_stopped (void)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr(NlApplication) app = NULL;

  _nl_font_warm_hold (TRUE);
  app = nl_test_app_register ("font-warm", &tmp_dir);
  g_assert_cmpuint (_nl_font_warm_get_n_running (), ==, 1);
  /* What the application's shutdown does. */
  nl_font_warm_stop ();
  g_assert_cmpuint (_nl_font_warm_get_n_running (), ==, 0);
  g_assert_false (nl_font_warm_finish ());
  g_assert_null (_nl_font_warm_get_fonts ());
}

int
main (int   argc,
      char *argv[])
{
  on_main_thread = TRUE;
  real_substitute = (SubstituteFunc) dlsym (RTLD_NEXT, "FcConfigSubstitute");
  g_assert_nonnull (real_substitute);
  /* libadwaita is left to the application, which starts it as it
   * always does, after the thread. */
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/font-warm/ready", fonts_ready, nl_test_in_subprocess);
  g_test_add_data_func ("/font-warm/not-ready", fonts_not_ready, nl_test_in_subprocess);
  g_test_add_data_func ("/font-warm/stopped", fonts_stopped, nl_test_in_subprocess);

  return g_test_run ();
}
