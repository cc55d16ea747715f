/* nl-font-warm.h — load the first window's fonts on a second processor
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first time a font is used, Pango has fontconfig find it, FreeType
 * open it and HarfBuzz read its tables; each glyph is then loaded (with
 * the TrueType hinting program run) and rasterized.  For the nine fonts of
 * the first window (four in GTK's labels, five in the diagram) that was
 * 66 million instructions, a sixth of all the main thread did before the
 * first frame (426 million; 360 million with this), and all of it waited
 * for libadwaita to start and the window to be built first.
 *
 * So a thread does it meanwhile, on a PangoCairo font map of its own:
 * while the main thread starts libadwaita and builds the window, it loads
 * the fonts that GTK's labels and the diagram will ask for and draws
 * their common glyphs once.  The main thread then takes that font map as
 * its default (pango_cairo_font_map_set_default()) before anything is
 * measured, and finds the fonts, their metrics and their glyph images
 * ready: Pango's font map is used by one thread at a time, handed over
 * when the thread has ended; fontconfig, FreeType (through cairo) and
 * HarfBuzz are safe to use from any thread.  The thread runs at a lower
 * priority than the threads the main thread waits for (GTK's icon theme,
 * the document, the model).
 *
 * A font is ready only if asked for exactly as it was loaded: the same
 * description, size, font options and resolution.  These come from GTK's
 * own context for a label, so the desktop's font and hinting are
 * followed; the sizes of headings and smaller text follow libadwaita's
 * style sheet and ours; the diagram's, for a canvas under 960 × 540 (a
 * window of the default size), where its text stops getting smaller.  A
 * font that differs (a maximized window's diagram, say) is loaded as it
 * would have been without this, on the main thread.
 *
 * What takes the font map is the default: a widget or a figure whose
 * Pango context exists before the first window is realized keeps the
 * font map it was made with (and works, without the fonts ready).  So
 * nothing on the main thread may measure or draw text before then.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Starts the thread, once per process.  Call on the main thread once GTK
 * is initialized, before libadwaita is started and before anything is
 * drawn.  Does nothing without a display or when called again. */
void     nl_font_warm_start  (void);

/* Takes the thread's font map as the main thread's default if the thread
 * has finished; if it has not, leaves the default alone and lets the
 * thread stop at its next step, so the caller never waits.
 * Call on the main thread before the first window is measured (NlWindow's
 * realize).  Returns whether the font map was taken; FALSE, too, when
 * there is no thread. */
gboolean nl_font_warm_finish (void);

/* Stops a thread that is still running and waits for it (for its current
 * step, at most), so that the process never exits with it inside
 * Pango, cairo or fontconfig.  Call on the main thread at shutdown. */
void     nl_font_warm_stop   (void);

G_END_DECLS
