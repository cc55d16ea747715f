/* nl-render-style.h — colours and fonts used by every figure
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain struct so the window (from the GTK theme), the command line (from
 * defaults) and tests (fixed values) can all fill it.  The palette follows
 * Okabe & Ito (2008), which stays distinguishable under the common forms of
 * colour-vision deficiency.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} NlRgba;

typedef enum {
  NL_THEME_LIGHT,
  NL_THEME_DARK,
} NlTheme;

#define NL_RENDER_N_SERIES_COLOURS 7
#define NL_RENDER_TEXT_SCALE_PRESENTATION 1.5

typedef struct {
  NlTheme theme;

  NlRgba  background;
  NlRgba  foreground;        /* text and outlines */
  NlRgba  secondary;         /* captions, caveats, tick labels */
  NlRgba  grid;
  NlRgba  panel;             /* panel fill, slightly off the background */
  NlRgba  panel_border;

  /* Series colours, in the order plots use them. */
  NlRgba  series[NL_RENDER_N_SERIES_COLOURS];

  /* Diagram roles. */
  NlRgba  cortex;
  NlRgba  drive;             /* descending (corticospinal) drive */
  NlRgba  recruited;         /* a recruited motoneuron */
  NlRgba  unrecruited;
  NlRgba  spike;             /* an action potential */
  NlRgba  muscle;
  NlRgba  antagonist;
  NlRgba  inhibitory;
  NlRgba  myokine;
  NlRgba  bdnf;
  NlRgba  phase_shade[3];    /* training, detraining, immobilisation */

  char    font_family[64];   /* the desktop font; "Sans" by default */
  double  font_size;         /* points at 96 dpi */
  double  text_scale;        /* 1 for the desktop, NL_RENDER_TEXT_SCALE_PRESENTATION on a projector */
  double  scale_factor;      /* device pixels per unit (2 on HiDPI) */
} NlRenderStyle;

void     nl_render_style_init             (NlRenderStyle *style,
                                           NlTheme        theme);
void     nl_render_style_set_font         (NlRenderStyle *style,
                                           const char    *family,
                                           double         size_points);
void     nl_render_style_set_presentation (NlRenderStyle *style,
                                           gboolean       presentation);
gboolean nl_theme_from_string             (const char    *str,
                                           NlTheme       *out);

/* Size in user units of body text for a figure of @width × @height: the
 * desktop size at 1280 × 720, grown for large exports so a 4K slide reads
 * like a 1080p one, shrunk by up to a quarter on small canvases. */
double   nl_render_style_text_size        (const NlRenderStyle *style,
                                           int                  width,
                                           int                  height);

G_END_DECLS
