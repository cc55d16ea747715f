/* nl-font-warm.c — load the first window's fonts on a second processor
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-font-warm"

#include "config.h"

#include <math.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include <gtk/gtk.h>
#include <pango/pangocairo.h>

#include "nl-font-warm-private.h"
#include "nl-glyph-warm.h"
#include "nl-signal-diagram.h"
#include "nl-view-style.h"

/* GTK's text styles in the first window, from the desktop font: body
 * text; headings (libadwaita's .heading, the window title); the
 * outline's names (110 % in .outline-text, bold by markup); and smaller
 * text (row subtitles: CSS "smaller", a sixth less). */
static const struct {
  double      scale;
  PangoWeight weight;
} label_styles[] = {
  { 1.0, PANGO_WEIGHT_NORMAL },
  { 1.0, PANGO_WEIGHT_BOLD },
  { 1.1, PANGO_WEIGHT_BOLD },
  { 1.0 / 1.2, PANGO_WEIGHT_NORMAL },
};

/* The thread's nice value (see warm_thread()). */
#define WARM_NICE   10

/* The glyphs drawn once in each of GTK's fonts. */
static const char label_sample[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
  ".,:;!?'\"()[]%+-/=&×·—–…";

typedef struct {
  /* What GTK's labels ask Pango for, read on the main thread. */
  PangoFontDescription *label_font;
  double                label_px;   /* its size in CSS pixels, unrounded */
  cairo_font_options_t *label_options;
  double                resolution;
  gboolean              round_positions;
  PangoLanguage        *language;
  /* The diagram's text, and the window's scale factor. */
  NlRenderStyle         diagram_style;

  PangoFontMap         *font_map;   /* made by the thread */
  GPtrArray            *fonts;      /* of PangoFont, loaded by it */
  gint                  state;      /* atomic: a WarmState */
} Warm;

typedef enum {
  WARM_RUNNING,
  WARM_DONE,       /* the main thread joins it and takes the font map */
  WARM_ABANDONED,  /* the main thread went on without it: it cleans up */
} WarmState;

static gboolean started;
static GThread *thread;   /* while the main thread may still join it */
static Warm    *running;  /* the thread's, while it may run */
static Warm    *taken;    /* the finished one, its font map in use */
static guint    n_running;  /* atomic */

/* Tests hold the thread back (_nl_font_warm_hold()). */
static GMutex   hold_lock;
static GCond    hold_cond;
static gboolean held;

static void
warm_free (Warm *warm)
{
  g_clear_pointer (&warm->label_font, pango_font_description_free);
  g_clear_pointer (&warm->label_options, cairo_font_options_destroy);
  g_clear_object (&warm->font_map);
  g_clear_pointer (&warm->fonts, g_ptr_array_unref);
  g_free (warm);
}

static gboolean
abandoned (Warm *warm)
{
  return g_atomic_int_get (&warm->state) == WARM_ABANDONED;
}

static void
warm_labels (Warm *warm)
{
  PangoContext *context = pango_font_map_create_context (warm->font_map);
  /* Rasterized at the window's scale: as many device pixels as it has. */
  cairo_t *cr = nl_glyph_warm_context_new (warm->diagram_style.scale_factor);

  pango_cairo_context_set_font_options (context, warm->label_options);
  pango_cairo_context_set_resolution (context, warm->resolution);
  pango_context_set_round_glyph_positions (context, warm->round_positions);
  pango_context_set_language (context, warm->language);

  for (guint i = 0; i < G_N_ELEMENTS (label_styles) && !abandoned (warm); i++)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_copy (warm->label_font);
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      double size = warm->label_px * label_styles[i].scale * PANGO_SCALE;
      PangoFont *font;

      /* As GTK rounds a CSS font size in pixels to Pango units. */
      pango_font_description_set_absolute_size (desc, round (size));
      pango_font_description_set_weight (desc, label_styles[i].weight);

      font = pango_context_load_font (context, desc);
      if (font != NULL)
        g_ptr_array_add (warm->fonts, font);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, label_sample, -1);
      pango_layout_set_width (layout, NL_GLYPH_WARM_WIDTH * PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
  g_object_unref (context);
}

static gpointer
warm_thread (gpointer data)
{
  Warm *warm = data;

#ifdef __linux__
  /* Below the threads the main thread waits for (GTK's icon theme, the
   * document, the model): this one only saves it work.  On Linux a
   * thread has a nice value of its own; this one starts none.  Under
   * load it may hold a fontconfig or cairo lock a little longer. */
  setpriority (PRIO_PROCESS, 0, WARM_NICE);
#endif
  g_mutex_lock (&hold_lock);
  while (held && !abandoned (warm))
    g_cond_wait (&hold_cond, &hold_lock);
  g_mutex_unlock (&hold_lock);

  warm->font_map = pango_cairo_font_map_new ();
  warm_labels (warm);
  /* The diagram's text goes through the render layer's own context,
   * made from this thread's default font map: make it this one. */
  if (!abandoned (warm))
    {
      pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (warm->font_map));
      nl_signal_diagram_warm_text (&warm->diagram_style, 0, 0);
      pango_cairo_font_map_set_default (NULL);
    }
  if (!g_atomic_int_compare_and_exchange (&warm->state, WARM_RUNNING, WARM_DONE))
    g_clear_pointer (&warm, warm_free);
  g_atomic_int_dec_and_test (&n_running);
  return warm;
}

/* The size in pixels that GTK's CSS gave @font, before it was rounded to
 * Pango units: sizes in percent of it are rounded from that, and a
 * rounded size would land one unit off (14.666 pixels for 14.667).  It
 * is the desktop font's, unless a style sheet changed it. */
static double
label_font_px (const PangoFontDescription *font,
               double                      resolution)
{
  g_autofree char *name = NULL;
  g_autoptr(PangoFontDescription) desktop = NULL;
  double rounded = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  double px;

  g_object_get (gtk_settings_get_default (), "gtk-font-name", &name, NULL);
  desktop = pango_font_description_from_string (name != NULL ? name : "");
  px = (double) pango_font_description_get_size (desktop) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (desktop))
    px *= resolution / 72.0;
  return round (px * PANGO_SCALE) == pango_font_description_get_size (font) ? px : rounded;
}

void
nl_font_warm_start (void)
{
  g_autoptr(GtkWidget) label = NULL;
  g_autoptr(GError) error = NULL;
  PangoContext *context;
  Warm *warm;

  if (started || gdk_display_get_default () == NULL)
    return;
  started = TRUE;

  /* GTK's own context for a label: the desktop's font, hinting and
   * resolution, exactly as the window's labels will have them. */
  label = g_object_ref_sink (gtk_label_new (NULL));
  context = gtk_widget_get_pango_context (label);

  warm = g_new0 (Warm, 1);
  warm->label_font = pango_font_description_copy (pango_context_get_font_description (context));
  warm->label_options = cairo_font_options_copy (pango_cairo_context_get_font_options (context));
  warm->resolution = pango_cairo_context_get_resolution (context);
  warm->label_px = label_font_px (warm->label_font, warm->resolution);
  warm->round_positions = pango_context_get_round_glyph_positions (context);
  warm->language = pango_context_get_language (context);
  nl_view_style_init_text (&warm->diagram_style, label);
  warm->fonts = g_ptr_array_new_with_free_func (g_object_unref);

  g_atomic_int_inc (&n_running);
  thread = g_thread_try_new ("[neurolift] fonts", warm_thread, warm, &error);
  if (thread == NULL)
    {
      /* Only a little slower without it. */
      g_debug ("No thread to load the fonts: %s", error->message);
      g_atomic_int_dec_and_test (&n_running);
      warm_free (warm);
      return;
    }
  running = warm;
}

/* Tells a running thread that the main thread goes on without it. */
static gboolean
abandon (Warm *warm)
{
  gboolean now = g_atomic_int_compare_and_exchange (&warm->state, WARM_RUNNING, WARM_ABANDONED);

  /* A thread held back must not wait for a test any more. */
  g_mutex_lock (&hold_lock);
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
  return now;
}

gboolean
nl_font_warm_finish (void)
{
  Warm *warm = g_steal_pointer (&running);

  /* No thread, or an earlier window took its fonts or went on without. */
  if (warm == NULL)
    return FALSE;

  /* Still at work: waiting could cost more than the fonts save.  It stops
   * at its next step (a font of GTK's, or the diagram's) and cleans up
   * after itself; what it loaded by then (fontconfig's data, FreeType's
   * faces, which cairo shares) still helps.  Shutdown joins it. */
  if (abandon (warm))
    {
      g_debug ("Fonts not ready yet: left to the main thread");
      return FALSE;
    }

  taken = g_thread_join (g_steal_pointer (&thread));
  g_debug ("Fonts ready: %u of GTK's, and the diagram's", taken->fonts->len);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (taken->font_map));
  return TRUE;
}

void
nl_font_warm_stop (void)
{
  Warm *warm = g_steal_pointer (&running);
  Warm *left;

  if (warm != NULL)
    abandon (warm);
  if (thread == NULL)
    return;
  /* An abandoned thread frees what it made before it ends; one that was
   * done returns it, its font map unused. */
  left = g_thread_join (g_steal_pointer (&thread));
  g_clear_pointer (&left, warm_free);
}

void
_nl_font_warm_hold (gboolean hold)
{
  g_mutex_lock (&hold_lock);
  held = hold;
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

void
_nl_font_warm_wait (void)
{
  while (g_atomic_int_get (&n_running) > 0)
    g_usleep (1000);
}

guint
_nl_font_warm_get_n_running (void)
{
  return g_atomic_int_get (&n_running);
}

GPtrArray *
_nl_font_warm_get_fonts (void)
{
  return taken != NULL ? taken->fonts : NULL;
}
