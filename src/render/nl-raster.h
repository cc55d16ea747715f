/* nl-raster.h — antialiased discs and thin lines written straight into an image
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diagram draws hundreds of small round things and thin curves.
 * cairo 1.16's image backend pays a fixed cost for every pixel row an
 * antialiased path touches (its scan converter samples each row 15 times),
 * which made these shapes most of a frame.  On an image target this
 * rasteriser computes each pixel's coverage from its distance to the shape
 * instead, touching only the pixels near it: the same look (coverage of a
 * one-pixel box filter, blended OVER) at a fraction of the cost.  Any other
 * target (PDF, SVG, recordings, rotations, complex clips, other operators)
 * is not handled: callers then draw the same shape with cairo paths.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "nl-layout-record.h"
#include "nl-render-style.h"

G_BEGIN_DECLS

typedef struct {
  guint32 *data;
  int      stride;       /* in pixels */
  int      x0, y0, x1, y1;  /* writable device rectangle (surface ∩ clip) */
  double   sx, sy, tx, ty;  /* user → device: x · sx + tx */
  double   scale;        /* device pixels per user unit (for widths) */
  int      dirty_x0, dirty_y0, dirty_x1, dirty_y1;
  cairo_surface_t *surface;
} NlRaster;

/* Prepares to draw into @cr's target.  Returns FALSE (and leaves nothing
 * to clean up) when the target or the state of @cr is not one this
 * rasteriser reproduces exactly; the caller then uses cairo. */
/* @cr's matrix from user units to the pixels of its target: cairo's
 * matrix, which leaves out the target's device scale and offset, with
 * them put in.  A cached layer must be made at this resolution to be
 * copied pixel for pixel. */
void     _nl_pixel_matrix    (cairo_t        *cr,
                              cairo_matrix_t *matrix);
gboolean _nl_raster_begin    (NlRaster     *raster,
                              cairo_t      *cr);
/* Tells cairo which pixels changed. */
void     _nl_raster_end      (NlRaster     *raster);

/* A filled disc; centre and radius in user units. */
void     _nl_raster_disc     (NlRaster     *raster,
                              double        cx,
                              double        cy,
                              double        radius,
                              const NlRgba *colour);
/* The outline of a circle: a ring @width thick centred on @radius. */
void     _nl_raster_ring     (NlRaster     *raster,
                              double        cx,
                              double        cy,
                              double        radius,
                              double        width,
                              const NlRgba *colour);
/* A filled ellipse with half-axes @rx, @ry along x and y (user units). */
void     _nl_raster_ellipse  (NlRaster     *raster,
                              double        cx,
                              double        cy,
                              double        rx,
                              double        ry,
                              const NlRgba *colour);
/* A horizontal capsule (a stroke with round caps) from (@x0, @y) to
 * (@x1, @y), @width thick; user units, so not for sheared targets. */
void     _nl_raster_capsule  (NlRaster     *raster,
                              double        x0,
                              double        x1,
                              double        y,
                              double        width,
                              const NlRgba *colour);
/* A stroke of @width user units along the polyline (@x[i], @y[i]) with
 * round joins and caps, painted once even where it overlaps itself. */
void     _nl_raster_polyline (NlRaster     *raster,
                              const double *x,
                              const double *y,
                              int           n,
                              double        width,
                              const NlRgba *colour);

/* The rectangle (@x, @y, @width, @height) (user units) with exact area
 * coverage at its edges, as an antialiased cairo_fill() of it. */
void     _nl_raster_rect     (NlRaster     *raster,
                              double        x,
                              double        y,
                              double        width,
                              double        height,
                              const NlRgba *colour);
/* The rounded rectangle @rect (corner @radius; user units) filled with
 * @fill (NULL: not filled) and outlined with a stroke @line_width wide,
 * centred on its edge, in @border (NULL: no outline).  Under an outline
 * the fill is not antialiased (the outline covers its edge), alone it is. */
void     _nl_raster_rounded_rect (NlRaster     *raster,
                                  const NlRect *rect,
                                  double        radius,
                                  const NlRgba *fill,
                                  double        line_width,
                                  const NlRgba *border);

/* Strokes @cr's current path (flattened; round joins and caps) as
 * _nl_raster_polyline() does, one subpath at a time, and clears it.  With
 * @dash (on and off lengths, user units) it is dashed as cairo dashes it
 * (the same dash lengths and gaps; round ends). */
void     _nl_raster_stroke_path (NlRaster     *raster,
                                 cairo_t      *cr,
                                 double        width,
                                 const double *dash,
                                 const NlRgba *colour);
/* Strokes @cr's current path with @width and @colour: straight into the
 * pixels (round joins) when _nl_raster_begin() accepts @cr, else with
 * cairo; the path is cleared either way. */
void     _nl_stroke_outline     (cairo_t      *cr,
                                 double        width,
                                 const NlRgba *colour);
/* Fills the closed polygon (@x[i], @y[i]) (user units) with @colour by
 * the nonzero rule, as an antialiased cairo_fill() would, and clears the
 * path.  When _nl_raster_begin() accepts @cr (and the fill rule is
 * winding) each pixel gets the exact area of it inside the polygon,
 * blended straight into the pixels; else it is cairo_fill(). */
void     _nl_fill_polygon       (cairo_t      *cr,
                                 const double *x,
                                 const double *y,
                                 int           n,
                                 const NlRgba *colour);

/* A circle filled with @fill (NULL: none), then outlined @line_width
 * wide in @line (NULL: none), as cairo_arc() + cairo_fill_preserve() +
 * cairo_stroke() draw it: straight into the pixels when
 * _nl_raster_begin() accepts @cr.  Sets the line width; clears the path. */
void     _nl_disc_outlined      (cairo_t      *cr,
                                 double        cx,
                                 double        cy,
                                 double        radius,
                                 const NlRgba *fill,
                                 double        line_width,
                                 const NlRgba *line);
/* Fills the rectangle with @colour: straight into the pixels when
 * _nl_raster_begin() accepts @cr (whole-pixel rows are memory fills),
 * else with cairo.  For backgrounds, shading and crisp one-pixel lines
 * (a line of width w along y = c is the rectangle c ± w/2).  Clears the
 * path. */
void     _nl_fill_rect          (cairo_t      *cr,
                                 double        x,
                                 double        y,
                                 double        width,
                                 double        height,
                                 const NlRgba *colour);
/* Fills @n rectangles, the k-th with @colours[k], as that many
 * _nl_fill_rect() calls in order would, but on an image row by row
 * through all of them: shading and grid lines of one area cost one pass
 * over its memory.  Clears the path. */
void     _nl_fill_rects         (cairo_t      *cr,
                                 const NlRect *rects,
                                 const NlRgba *colours,
                                 guint         n);
/* The same for an opaque @colour that leaves out @holes: the whole
 * device pixels inside each of them are not touched, for a caller that
 * covers them next with opaque paint anyway (a figure's panels over its
 * background).  One pass over the surface saved is a good share of a
 * frame.  Filled whole where nl-raster cannot draw or the rectangle is
 * not on whole device pixels. */
void     _nl_fill_rect_except   (cairo_t      *cr,
                                 double        x,
                                 double        y,
                                 double        width,
                                 double        height,
                                 const NlRgba *colour,
                                 const NlRect *holes,
                                 guint         n_holes);
/* The part of a rounded panel (as _nl_rounded_panel() draws it with an
 * opaque fill) that its fill covers opaquely: a hole for
 * _nl_fill_rect_except(). */
NlRect   _nl_rounded_panel_hole (cairo_t      *cr,
                                 const NlRect *rect,
                                 double        radius,
                                 double        line_width);
/* Draws the rounded rectangle of _nl_raster_rounded_rect() into @cr:
 * straight into the pixels when _nl_raster_begin() accepts @cr and the
 * target is not stretched, else with cairo paths (the same look).  Panels
 * cover much of a figure, and cairo's image backend fills and outlines a
 * large antialiased shape many times slower.  Leaves no path. */
void     _nl_rounded_panel      (cairo_t      *cr,
                                 const NlRect *rect,
                                 double        radius,
                                 const NlRgba *fill,
                                 double        line_width,
                                 const NlRgba *border);

G_END_DECLS
