/* nl-glyph-warm.h — a target to draw text on once, so that its glyphs are cached
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo keeps the glyphs it has rasterized in each font's own cache,
 * whatever the target: text drawn once on this small alpha-only one is
 * then drawn on any other without rasterizing it again.  cairo rasterizes
 * only the glyphs that land on the target, so a sample must fit in
 * NL_GLYPH_WARM_WIDTH × NL_GLYPH_WARM_HEIGHT user units (wrap a layout at
 * that width).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define NL_GLYPH_WARM_WIDTH  1024
#define NL_GLYPH_WARM_HEIGHT 128

/* At @scale device pixels per user unit (at least 1), the scale the text
 * is shown at.  Free with cairo_destroy(). */
cairo_t *nl_glyph_warm_context_new (double scale);

G_END_DECLS
