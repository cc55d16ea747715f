/* nl-glyph-warm.c — a target to draw text on once, so that its glyphs are cached
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "nl-glyph-warm.h"

cairo_t *
nl_glyph_warm_context_new (double scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  scale = MAX (scale, 1.0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) ceil (NL_GLYPH_WARM_WIDTH * scale),
                                        (int) ceil (NL_GLYPH_WARM_HEIGHT * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}
