/* nl-render-style.c — colours and fonts used by every figure
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-render-style.h"

static NlRgba
rgb (guint32 hex)
{
  return (NlRgba) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                    (hex & 0xff) / 255.0, 1.0 };
}

static NlRgba
with_alpha (NlRgba c,
            double alpha)
{
  c.alpha = alpha;
  return c;
}

void
nl_render_style_init (NlRenderStyle *style,
                      NlTheme        theme)
{
  gboolean dark = theme == NL_THEME_DARK;

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->theme = theme;

  /* Okabe–Ito: orange E69F00, sky blue 56B4E9, bluish green 009E73,
   * yellow F0E442, blue 0072B2, vermillion D55E00, reddish purple CC79A7.
   * On the dark background the blue is lifted so it keeps its contrast. */
  style->series[0] = dark ? rgb (0x56B4E9) : rgb (0x0072B2);
  style->series[1] = rgb (0xE69F00);
  style->series[2] = rgb (0x009E73);
  style->series[3] = rgb (0xCC79A7);
  style->series[4] = rgb (0xD55E00);
  style->series[5] = dark ? rgb (0x0072B2) : rgb (0x56B4E9);
  style->series[6] = dark ? rgb (0xF0E442) : rgb (0x8A7D00);

  if (dark)
    {
      style->background = rgb (0x1E1E1E);
      style->foreground = rgb (0xF2F2F2);
      style->secondary = rgb (0xB8B8B8);
      style->grid = with_alpha (rgb (0xFFFFFF), 0.14);
      style->panel = rgb (0x2A2A2A);
      style->panel_border = rgb (0x4A4A4A);
      style->unrecruited = rgb (0x7A7A7A);   /* 3:1 against the panel */
      style->muscle = rgb (0x7A3B3B);
      style->spike = rgb (0xF0E442);
    }
  else
    {
      style->background = rgb (0xFFFFFF);
      style->foreground = rgb (0x1A1A1A);
      style->secondary = rgb (0x555555);
      style->grid = with_alpha (rgb (0x000000), 0.10);
      style->panel = rgb (0xF6F6F4);
      style->panel_border = rgb (0xCFCFCB);
      style->unrecruited = rgb (0xD2D2D2);
      style->muscle = rgb (0xE8B4A6);
      style->spike = rgb (0xD55E00);
    }

  style->cortex = rgb (0xCC79A7);
  style->drive = style->series[0];
  style->recruited = rgb (0xE69F00);
  /* On the dark background the thin antagonist and inhibitory strokes are
   * lifted (same hues) so that they keep at least 3:1 against the panel. */
  style->antagonist = dark ? rgb (0x2FC49A) : rgb (0x009E73);
  style->inhibitory = dark ? rgb (0xF08A4B) : rgb (0xD55E00);
  style->myokine = rgb (0x009E73);
  style->bdnf = dark ? rgb (0x56B4E9) : rgb (0x0072B2);
  style->phase_shade[0] = with_alpha (style->series[0], dark ? 0.10 : 0.06);
  style->phase_shade[1] = with_alpha (rgb (0xE69F00), dark ? 0.08 : 0.10);
  style->phase_shade[2] = with_alpha (rgb (0xD55E00), dark ? 0.10 : 0.10);

  g_strlcpy (style->font_family, "Sans", sizeof style->font_family);
  style->font_size = 11.0;
  style->text_scale = 1.0;
  style->scale_factor = 1.0;
}

void
nl_render_style_set_font (NlRenderStyle *style,
                          const char    *family,
                          double         size_points)
{
  g_return_if_fail (style != NULL);

  if (family != NULL && *family != '\0')
    g_strlcpy (style->font_family, family, sizeof style->font_family);
  if (size_points > 0)
    style->font_size = size_points;
}

void
nl_render_style_set_presentation (NlRenderStyle *style,
                                  gboolean       presentation)
{
  g_return_if_fail (style != NULL);

  style->text_scale = presentation ? NL_RENDER_TEXT_SCALE_PRESENTATION : 1.0;
}

gboolean
nl_theme_from_string (const char *str,
                      NlTheme    *out)
{
  if (g_strcmp0 (str, "light") == 0)
    *out = NL_THEME_LIGHT;
  else if (g_strcmp0 (str, "dark") == 0)
    *out = NL_THEME_DARK;
  else
    return FALSE;
  return TRUE;
}

double
nl_render_style_text_size (const NlRenderStyle *style,
                           int                  width,
                           int                  height)
{
  /* Desktop text on a 1280 × 720 canvas; on larger canvases it grows so an
   * exported 4K figure keeps the proportions of a 1080p one, and on small
   * ones it shrinks a little (to three quarters at most) to leave room. */
  double grow = MIN (width / 1280.0, height / 720.0);
  double px = style->font_size * 96.0 / 72.0 * style->text_scale;

  if (style->fixed_text_size)
    return px;
  return px * MAX (0.75, grow);
}
