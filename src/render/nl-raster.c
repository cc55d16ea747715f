/* nl-raster.c — antialiased discs and thin lines written straight into an image
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <wchar.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "nl-raster.h"
#include "nl-render-private.h"

/* Each byte of @x times @a / 255, rounded (pixman's UN8x4_MUL_UN8). */
static inline guint32
mul8x4 (guint32 x,
        guint32 a)
{
  guint32 rb = (x & 0x00ff00ff) * a + 0x00800080;
  guint32 ag = ((x >> 8) & 0x00ff00ff) * a + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;
  return rb | ag;
}

/* @pixel (premultiplied) at coverage @cov (0…255) OVER *@p. */
static inline void
blend (guint32 *p,
       guint32  pixel,
       guint    cov)
{
  guint32 s;

  if (cov >= 255 && (pixel >> 24) == 255)
    {
      *p = pixel;
      return;
    }
  s = cov >= 255 ? pixel : mul8x4 (pixel, cov);
  *p = s + mul8x4 (*p, 255 - (s >> 24));
}

/* @pixel at coverage @m[i] OVER @row[i] for the @n pixels, clearing the
 * coverage: as blend() pixel by pixel (the same rounding), four pixels a
 * step with SSE2, part of every x86-64; elsewhere pixel by pixel. */
#if defined(__SSE2__)
static void
blend_mask (guint32 *row,
            guint8  *m,
            int      n,
            guint32  pixel)
{
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i half = _mm_set1_epi16 (0x80), v257 = _mm_set1_epi16 (257);
  const __m128i full = _mm_set1_epi16 (255);
  const __m128i src = _mm_unpacklo_epi8 (_mm_set1_epi32 ((int) pixel), zero);
  int i = 0;

  for (; i + 4 <= n; i += 4)
    {
      guint32 cov4;
      __m128i c, c_lo, c_hi, d, d_lo, d_hi, s_lo, s_hi, k_lo, k_hi;

      memcpy (&cov4, m + i, 4);
      if (cov4 == 0)
        continue;
      memset (m + i, 0, 4);
      /* Each coverage byte four times, widened: two pixels a register. */
      c = _mm_unpacklo_epi8 (_mm_cvtsi32_si128 ((int) cov4), _mm_cvtsi32_si128 ((int) cov4));
      c = _mm_unpacklo_epi16 (c, c);
      c_lo = _mm_unpacklo_epi8 (c, zero);
      c_hi = _mm_unpackhi_epi8 (c, zero);
      /* s = pixel × coverage / 255, rounded as mul8x4() rounds. */
      s_lo = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (src, c_lo), half), v257);
      s_hi = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (src, c_hi), half), v257);
      /* keep = 255 − s's alpha, in every channel of its pixel. */
      k_lo = _mm_sub_epi16 (full, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s_lo, 0xff), 0xff));
      k_hi = _mm_sub_epi16 (full, _mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s_hi, 0xff), 0xff));
      d = _mm_loadu_si128 ((const __m128i *) (row + i));
      d_lo = _mm_unpacklo_epi8 (d, zero);
      d_hi = _mm_unpackhi_epi8 (d, zero);
      d_lo = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (d_lo, k_lo), half), v257);
      d_hi = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (d_hi, k_hi), half), v257);
      d = _mm_packus_epi16 (_mm_add_epi16 (d_lo, s_lo), _mm_add_epi16 (d_hi, s_hi));
      _mm_storeu_si128 ((__m128i *) (row + i), d);
    }
  for (; i < n; i++)
    if (m[i] != 0)
      {
        blend (&row[i], pixel, m[i]);
        m[i] = 0;
      }
}
#else
static void
blend_mask (guint32 *row,
            guint8  *m,
            int      n,
            guint32  pixel)
{
  for (int i = 0; i < n; i++)
    if (m[i] != 0)
      {
        blend (&row[i], pixel, m[i]);
        m[i] = 0;
      }
}
#endif

/* GCC vectorises these plain loops only when asked (-O2 does not). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
/* …and on x86-64 also in an AVX2 version, picked at load time where the
 * processor has it: twice the bytes a step for a translucent run. */
#define NL_VECTORISE __attribute__ ((optimize ("tree-vectorize"), target_clones ("avx2", "default")))
#elif defined(__GNUC__) && !defined(__clang__)
#define NL_VECTORISE __attribute__ ((optimize ("tree-vectorize")))
#else
#define NL_VECTORISE
#endif

/* @pixel over the whole run [@x0, @x1) of @row.  A translucent run is
 * blended a byte at a time, 32 bytes a step, which GCC turns into
 * 16-bit SIMD multiplies (the same rounding as mul8x4()). */
NL_VECTORISE static void
fill_run (guint32 *row,
          int      x0,
          int      x1,
          guint32  pixel)
{
  if ((pixel >> 24) == 255)
    {
      /* An opaque run is a plain 32-bit memory fill, which the C library
       * does with the widest stores the processor has. */
#if defined(__WCHAR_MAX__) && __WCHAR_MAX__ == 0x7fffffff
      if (x1 - x0 >= 32)
        wmemset ((wchar_t *) (row + x0), (wchar_t) pixel, (size_t) (x1 - x0));
      else
#endif
      for (int x = x0; x < x1; x++)
        row[x] = pixel;
    }
  else
    {
      guint32 keep = 255 - (pixel >> 24);
      guint8 src[32];
      guint8 *p = (guint8 *) (row + x0);
      int x = x0;

      for (int i = 0; i < 32; i += 4)
        memcpy (src + i, &pixel, 4);
      for (; x + 8 <= x1; x += 8, p += 32)
        for (int i = 0; i < 32; i++)
          {
            guint16 t = (guint16) (p[i] * keep + 0x80);

            /* (t + (t >> 8)) >> 8, as a high-half multiply */
            p[i] = (guint8) (src[i] + ((t * 257u) >> 16));
          }
      for (; x < x1; x++)
        row[x] = pixel + mul8x4 (row[x], keep);
    }
}

/* As cairo converts a colour for pixman: premultiplied in double, to 16
 * bits rounded, then to 8 bits by their high byte. */
static guint32
premultiplied (const NlRgba *c)
{
  double a = CLAMP (c->alpha, 0, 1);
  guint32 A = (guint32) (a * 65535 + 0.5) >> 8;
  guint32 R = (guint32) (CLAMP (c->red, 0, 1) * a * 65535 + 0.5) >> 8;
  guint32 G = (guint32) (CLAMP (c->green, 0, 1) * a * 65535 + 0.5) >> 8;
  guint32 B = (guint32) (CLAMP (c->blue, 0, 1) * a * 65535 + 0.5) >> 8;

  return (A << 24) | (R << 16) | (G << 8) | B;
}

/* How many rows (or spans) ahead the pixels are fetched into the cache. */
#define PREFETCH_AHEAD 8

static inline void
prefetch_pixels (const NlRaster *r,
                 int             row,
                 int             x)
{
#if defined(__GNUC__)
  __builtin_prefetch (r->data + (gsize) row * r->stride + x, 1, 3);
#endif
}

/* floor() and ceil() to an int for coordinates well inside int range:
 * without SSE4.1 the libm calls cost more than the pixels they bound. */
static inline int
ifloor (double v)
{
  int i = (int) v;

  return i - (v < i);
}

static inline int
iceil (double v)
{
  int i = (int) v;

  return i + (v > i);
}

static gboolean
is_whole (double v)
{
  return fabs (v - round (v)) < 1e-6;
}

void
_nl_pixel_matrix (cairo_t        *cr,
                  cairo_matrix_t *matrix)
{
  double sx, sy, ox, oy;

  cairo_get_matrix (cr, matrix);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  cairo_surface_get_device_offset (cairo_get_target (cr), &ox, &oy);
  matrix->xx *= sx;
  matrix->yx *= sy;
  matrix->xy *= sx;
  matrix->yy *= sy;
  matrix->x0 = matrix->x0 * sx + ox;
  matrix->y0 = matrix->y0 * sy + oy;
}

gboolean
_nl_raster_begin (NlRaster *r,
                  cairo_t  *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  cairo_rectangle_list_t *clip;
  double ox = 0, oy = 0, ux = 1, uy = 1, dsx, dsy, dox, doy;
  cairo_format_t format;
  gboolean ok = TRUE;

  memset (r, 0, sizeof *r);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS
      || cairo_get_group_target (cr) != target
      || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER
      || cairo_get_antialias (cr) == CAIRO_ANTIALIAS_NONE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.yy <= 0)
    return FALSE;

  /* User → device by the CTM, then → pixels by the surface's device
   * scale and offset (which cairo_user_to_device() leaves out). */
  cairo_user_to_device (cr, &ox, &oy);
  cairo_user_to_device (cr, &ux, &uy);
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  r->tx = ox * dsx + dox;
  r->ty = oy * dsy + doy;
  r->sx = (ux - ox) * dsx;
  r->sy = (uy - oy) * dsy;
  if (r->sx <= 0 || r->sy <= 0)
    return FALSE;
  r->scale = sqrt (r->sx * r->sy);

  r->x0 = 0;
  r->y0 = 0;
  r->x1 = cairo_image_surface_get_width (target);
  r->y1 = cairo_image_surface_get_height (target);

  /* A clip of whole device pixels is honoured; any other is cairo's job. */
  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles > 1)
    ok = FALSE;
  else if (clip->num_rectangles == 0)
    r->x1 = r->x0, r->y1 = r->y0;
  else
    {
      const cairo_rectangle_t *c = &clip->rectangles[0];
      double cx0 = c->x * r->sx + r->tx, cy0 = c->y * r->sy + r->ty;
      double cx1 = (c->x + c->width) * r->sx + r->tx, cy1 = (c->y + c->height) * r->sy + r->ty;

      if (!is_whole (cx0) || !is_whole (cy0) || !is_whole (cx1) || !is_whole (cy1))
        ok = FALSE;
      else
        {
          r->x0 = MAX (r->x0, (int) round (cx0));
          r->y0 = MAX (r->y0, (int) round (cy0));
          r->x1 = MIN (r->x1, (int) round (cx1));
          r->y1 = MIN (r->y1, (int) round (cy1));
        }
    }
  cairo_rectangle_list_destroy (clip);
  if (!ok)
    return FALSE;

  cairo_surface_flush (target);
  r->surface = target;
  r->data = (guint32 *) cairo_image_surface_get_data (target);
  r->stride = cairo_image_surface_get_stride (target) / 4;
  r->dirty_x0 = r->dirty_y0 = G_MAXINT;
  r->dirty_x1 = r->dirty_y1 = G_MININT;
  return r->data != NULL;
}

void
_nl_raster_end (NlRaster *r)
{
  if (r->surface != NULL && r->dirty_x1 > r->dirty_x0 && r->dirty_y1 > r->dirty_y0)
    cairo_surface_mark_dirty_rectangle (r->surface, r->dirty_x0, r->dirty_y0,
                                        r->dirty_x1 - r->dirty_x0, r->dirty_y1 - r->dirty_y0);
  r->surface = NULL;
}

static void
touch (NlRaster *r,
       int       x0,
       int       y0,
       int       x1,
       int       y1)
{
  r->dirty_x0 = MIN (r->dirty_x0, x0);
  r->dirty_y0 = MIN (r->dirty_y0, y0);
  r->dirty_x1 = MAX (r->dirty_x1, x1);
  r->dirty_y1 = MAX (r->dirty_y1, y1);
}

void
_nl_raster_disc (NlRaster     *r,
                 double        cx,
                 double        cy,
                 double        radius,
                 const NlRgba *colour)
{
  guint32 pixel = premultiplied (colour);
  double dx = cx * r->sx + r->tx, dy = cy * r->sy + r->ty;
  /* A box filter across the edge adds π/12 px² to a disc's area: taken
   * off the radius, small discs keep the ink cairo gives them. */
  double rad = sqrt (MAX (radius * r->scale * radius * r->scale - 1.0 / 12, 0));
  double outer = (rad + 0.5) * (rad + 0.5);
  double inner = rad > 0.5 ? (rad - 0.5) * (rad - 0.5) : -1;
  int x0 = MAX (r->x0, (int) floor (dx - rad - 0.5));
  int x1 = MIN (r->x1, (int) ceil (dx + rad + 0.5));
  int y0 = MAX (r->y0, (int) floor (dy - rad - 0.5));
  int y1 = MIN (r->y1, (int) ceil (dy + rad + 0.5));

  if (rad <= 0 || pixel == 0 || x0 >= x1 || y0 >= y1)
    return;
  touch (r, x0, y0, x1, y1);
  for (int y = y0; y < y1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double py = y + 0.5 - dy, py2 = py * py;
      int f0 = x1, f1 = x1;

      if (py2 >= outer)
        continue;
      /* The row's fully covered run, in one go. */
      if (inner - py2 > 0)
        {
          double half = sqrt (inner - py2);

          f0 = MAX (x0, iceil (dx - half - 0.5));
          f1 = MIN (x1, ifloor (dx + half - 0.5) + 1);
          if (f0 < f1)
            fill_run (row, f0, f1, pixel);
          else
            f0 = f1 = x1;
        }
      /* Coverage of a one-pixel box across the edge, either side of it. */
      for (int x = x0; x < x1; x++)
        {
          double px, d2;

          if (x == f0)
            x = f1;
          if (x >= x1)
            break;
          px = x + 0.5 - dx;
          d2 = px * px + py2;
          if (d2 < outer)
            blend (&row[x], pixel, (guint) (CLAMP (rad + 0.5 - sqrt (d2), 0, 1) * 255 + 0.5));
        }
    }
}

/* A rectangle in device pixels, ready to be filled row by row. */
typedef struct {
  guint32 pixel;
  double  x0, y0, x1, y1;
  int     bx0, by0, bx1, by1;   /* the pixels it touches */
  int     fx0, fx1;             /* the columns wholly inside */
  double  left, right;          /* the shares of the partial end columns */
} DevRect;

static gboolean
dev_rect_init (NlRaster     *r,
               double        ux,
               double        uy,
               double        uw,
               double        uh,
               const NlRgba *colour,
               DevRect      *d)
{
  double x0 = ux * r->sx + r->tx, y0 = uy * r->sy + r->ty;
  double x1 = (ux + uw) * r->sx + r->tx, y1 = (uy + uh) * r->sy + r->ty;

  d->pixel = premultiplied (colour);
  if (x1 < x0)
    {
      double t = x0;
      x0 = x1, x1 = t;
    }
  if (y1 < y0)
    {
      double t = y0;
      y0 = y1, y1 = t;
    }
  if (d->pixel == 0 || !(x1 > x0) || !(y1 > y0))
    return FALSE;
  d->x0 = x0, d->y0 = y0, d->x1 = x1, d->y1 = y1;
  d->bx0 = MAX (r->x0, (int) MAX (floor (x0), G_MININT / 2));
  d->by0 = MAX (r->y0, (int) MAX (floor (y0), G_MININT / 2));
  d->bx1 = MIN (r->x1, (int) MIN (ceil (x1), G_MAXINT / 2));
  d->by1 = MIN (r->y1, (int) MIN (ceil (y1), G_MAXINT / 2));
  if (d->bx0 >= d->bx1 || d->by0 >= d->by1)
    return FALSE;
  d->fx0 = MAX (d->bx0, (int) ceil (x0));
  d->fx1 = MIN (d->bx1, (int) floor (x1));
  d->left = d->fx0 > d->bx0 ? MIN (d->fx0, x1) - x0 : 0;
  d->right = d->fx1 < d->bx1 && d->fx1 >= d->fx0 ? x1 - d->fx1 : 0;
  if (d->fx1 < d->fx0)
    d->fx0 = d->fx1 = d->bx0;   /* all within one column: `left` has it */
  touch (r, d->bx0, d->by0, d->bx1, d->by1);
  return TRUE;
}

/* Row @y (within the rectangle's rows) of @d. */
static inline void
dev_rect_row (NlRaster      *r,
              const DevRect *d,
              int            y)
{
  guint32 *row = r->data + (gsize) y * r->stride;
  /* Only the first and last rows can be partly covered. */
  double cy = y > d->by0 && y + 1 < d->by1 ? 1 : MIN (y + 1, d->y1) - MAX (y, d->y0);
  guint c8 = (guint) (cy * 255 + 0.5);
  guint32 src;

  if (c8 == 0)
    return;
  src = c8 >= 255 ? d->pixel : mul8x4 (d->pixel, c8);
  /* A line a few pixels wide is blended here: a call per row would cost
   * more than its pixels. */
  if (d->fx1 - d->fx0 > 4)
    fill_run (row, d->fx0, d->fx1, src);
  else if ((src >> 24) == 255)
    for (int x = d->fx0; x < d->fx1; x++)
      row[x] = src;
  else
    for (int x = d->fx0; x < d->fx1; x++)
      row[x] = src + mul8x4 (row[x], 255 - (src >> 24));
  if (d->left > 0)
    blend (&row[d->bx0], d->pixel, (guint) (d->left * cy * 255 + 0.5));
  if (d->right > 0)
    blend (&row[d->fx1], d->pixel, (guint) (d->right * cy * 255 + 0.5));
}

void
_nl_raster_rect (NlRaster     *r,
                 double        ux,
                 double        uy,
                 double        uw,
                 double        uh,
                 const NlRgba *colour)
{
  DevRect d;

  if (!dev_rect_init (r, ux, uy, uw, uh, colour, &d))
    return;
  for (int y = d.by0; y < d.by1; y++)
    {
      if (y + PREFETCH_AHEAD < d.by1)
        prefetch_pixels (r, y + PREFETCH_AHEAD, d.bx0);
      dev_rect_row (r, &d, y);
    }
}

/* Is row @y of @d wholly covered (not one of its partial end rows)? */
static inline gboolean
dev_rect_full_row (const DevRect *d,
                   int            y)
{
  return y >= d->by0 && y < d->by1
    && (y > d->by0 && y + 1 < d->by1 ? 1 : MIN (y + 1, d->y1) - MAX (y, d->y0)) == 1;
}

/* After row @y of the live rectangles of @d is filled: the end (at most
 * @bottom) of the rows from @y on that come out as row @y did, whatever
 * was below them, and, in *@ext0 and *@ext1, the columns they touch.  The
 * same rectangles must reach all those rows, each wholly, and every column
 * they touch must be one an opaque one covers wholly.  @y + 1 when that
 * is not so. */
static int
rows_alike (const DevRect *d,
            const guint   *live,
            guint          n_live,
            int            y,
            int            bottom,
            int           *ext0,
            int           *ext1)
{
  int next = bottom, lo = G_MAXINT, hi = G_MININT, reach;

  for (guint i = 0; i < n_live; i++)
    {
      const DevRect *dk = &d[live[i]];

      if (y < dk->by0)
        {
          next = MIN (next, dk->by0);
          continue;
        }
      if (y >= dk->by1)
        continue;
      if (!dev_rect_full_row (dk, y))
        return y + 1;
      /* Its last whole row ends the run. */
      next = MIN (next, dev_rect_full_row (dk, dk->by1 - 1) ? dk->by1 : dk->by1 - 1);
      lo = MIN (lo, dk->bx0);
      hi = MAX (hi, dk->bx1);
    }
  if (next <= y + 1 || lo >= hi)
    return y + 1;
  /* Do opaque rectangles' whole columns cover [lo, hi)? */
  reach = lo;
  for (gboolean grew = TRUE; grew && reach < hi;)
    {
      grew = FALSE;
      for (guint i = 0; i < n_live; i++)
        {
          const DevRect *dk = &d[live[i]];

          if (y >= dk->by0 && y < dk->by1 && (dk->pixel >> 24) == 255
              && dk->fx0 <= reach && reach < dk->fx1)
            {
              reach = dk->fx1;
              grew = TRUE;
            }
        }
    }
  if (reach < hi)
    return y + 1;
  *ext0 = lo;
  *ext1 = hi;
  return next;
}

void
_nl_fill_rects (cairo_t      *cr,
                const NlRect *rects,
                const NlRgba *colours,
                guint         n)
{
  NlRaster r;
  g_autofree DevRect *d = NULL;
  g_autofree guint *live = NULL;
  int top = G_MAXINT, bottom = G_MININT, ext0 = 0, ext1 = 0;
  guint n_live = 0;

  if (n == 0)
    return;
  if (!_nl_raster_begin (&r, cr))
    {
      for (guint k = 0; k < n; k++)
        _nl_fill_rect (cr, rects[k].x, rects[k].y, rects[k].width, rects[k].height, &colours[k]);
      return;
    }
  d = g_new (DevRect, n);
  live = g_new (guint, n);
  for (guint k = 0; k < n; k++)
    if (dev_rect_init (&r, rects[k].x, rects[k].y, rects[k].width, rects[k].height, &colours[k], &d[k]))
      {
        live[n_live++] = k;
        top = MIN (top, d[k].by0);
        bottom = MAX (bottom, d[k].by1);
      }
  /* Row by row, each rectangle in turn: every pixel sees them in their
   * order, as one fill after another would paint them, but each row is
   * fetched from memory once for all of them. */
  for (int y = top; y < bottom;)
    {
      int next;

      for (guint i = 0; i < n_live; i++)
        {
          const DevRect *dk = &d[live[i]];

          if (dk->by0 <= y && y < dk->by1)
            dev_rect_row (&r, dk, y);
        }
      /* Rows on which the same rectangles all cover every pixel they
       * reach come out alike when opaque ones hide what was below: the
       * rest are copies of this one (a plot's shading under its grid). */
      next = rows_alike (d, live, n_live, y, bottom, &ext0, &ext1);
      for (int k = y + 1; k < next; k++)
        memcpy (r.data + (gsize) k * r.stride + ext0, r.data + (gsize) y * r.stride + ext0,
                (gsize) (ext1 - ext0) * sizeof (guint32));
      y = next;
    }
  _nl_raster_end (&r);
  cairo_new_path (cr);
}

void
_nl_fill_rect_except (cairo_t      *cr,
                      double        x,
                      double        y,
                      double        width,
                      double        height,
                      const NlRgba *colour,
                      const NlRect *holes,
                      guint         n_holes)
{
  NlRaster r;
  guint32 pixel = premultiplied (colour);
  g_autofree int *box = NULL;
  g_autofree double *cuts = NULL;
  int x0, y0, x1, y1;

  /* Only an opaque fill of whole device pixels on an image can leave
   * holes; anything else is filled whole. */
  if ((pixel >> 24) != 255 || n_holes == 0 || !_nl_raster_begin (&r, cr))
    {
      _nl_fill_rect (cr, x, y, width, height, colour);
      return;
    }
  x0 = (int) round (x * r.sx + r.tx), x1 = (int) round ((x + width) * r.sx + r.tx);
  y0 = (int) round (y * r.sy + r.ty), y1 = (int) round ((y + height) * r.sy + r.ty);
  if (!is_whole (x * r.sx + r.tx) || !is_whole ((x + width) * r.sx + r.tx)
      || !is_whole (y * r.sy + r.ty) || !is_whole ((y + height) * r.sy + r.ty))
    {
      _nl_raster_end (&r);
      _nl_fill_rect (cr, x, y, width, height, colour);
      return;
    }
  x0 = MAX (x0, r.x0), y0 = MAX (y0, r.y0), x1 = MIN (x1, r.x1), y1 = MIN (y1, r.y1);
  if (x0 >= x1 || y0 >= y1)
    {
      _nl_raster_end (&r);
      return;
    }
  /* Each hole as the whole device pixels inside it. */
  box = g_new (int, 4 * n_holes);
  cuts = g_new (double, 2 * n_holes);
  for (guint i = 0; i < n_holes; i++)
    {
      const NlRect *h = &holes[i];

      box[4 * i] = (int) ceil (h->x * r.sx + r.tx);
      box[4 * i + 1] = (int) ceil (h->y * r.sy + r.ty);
      box[4 * i + 2] = (int) floor ((h->x + h->width) * r.sx + r.tx);
      box[4 * i + 3] = (int) floor ((h->y + h->height) * r.sy + r.ty);
    }
  touch (&r, x0, y0, x1, y1);
  for (int row_y = y0; row_y < y1; row_y++)
    {
      guint32 *row = r.data + (gsize) row_y * r.stride;
      guint n = 0;
      int pos = x0;

      /* The holes across this row, left to right (they may overlap). */
      for (guint i = 0; i < n_holes; i++)
        if (box[4 * i + 1] <= row_y && row_y < box[4 * i + 3] && box[4 * i] < box[4 * i + 2])
          {
            cuts[2 * n] = box[4 * i];
            cuts[2 * n + 1] = box[4 * i + 2];
            n++;
          }
      /* A few at most: sorted in place (qsort costs more than a row). */
      for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && cuts[2 * (j - 1)] > cuts[2 * j]; j--)
          {
            double a = cuts[2 * j], b = cuts[2 * j + 1];

            cuts[2 * j] = cuts[2 * (j - 1)], cuts[2 * j + 1] = cuts[2 * (j - 1) + 1];
            cuts[2 * (j - 1)] = a, cuts[2 * (j - 1) + 1] = b;
          }
      for (guint i = 0; i < n; i++)
        {
          int a = CLAMP ((int) cuts[2 * i], x0, x1), b = CLAMP ((int) cuts[2 * i + 1], x0, x1);

          if (a > pos)
            fill_run (row, pos, a, pixel);
          pos = MAX (pos, b);
        }
      if (pos < x1)
        fill_run (row, pos, x1, pixel);
    }
  _nl_raster_end (&r);
}

NlRect
_nl_rounded_panel_hole (cairo_t      *cr,
                        const NlRect *rect,
                        double        radius,
                        double        line_width)
{
  double dx = 1, dy = 0, sx = 1, sy = 1, scale, m;

  /* Two device pixels past the corners' reach. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  scale = hypot (dx, dy) * MIN (sx, sy);
  m = MIN (radius, MIN (rect->width, rect->height) / 2) + line_width / 2 + 2 / MAX (scale, 1e-3);
  return _nl_rect_inset (rect, m, m);
}

void
_nl_fill_rect (cairo_t      *cr,
               double        x,
               double        y,
               double        width,
               double        height,
               const NlRgba *colour)
{
  NlRaster raster;

  if (_nl_raster_begin (&raster, cr))
    {
      _nl_raster_rect (&raster, x, y, width, height, colour);
      _nl_raster_end (&raster);
      return;
    }
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  _nl_set_colour (cr, colour);
  cairo_fill (cr);
}

/* Signed distance from (@px, @py) to the outline of the rounded
 * rectangle centred on (@cx, @cy) with half-sizes @hx, @hy and corner
 * radius @rad (negative inside). */
static inline double
rounded_rect_distance (double px,
                       double py,
                       double cx,
                       double cy,
                       double hx,
                       double hy,
                       double rad)
{
  double qx = fabs (px - cx) - (hx - rad), qy = fabs (py - cy) - (hy - rad);
  double ox = MAX (qx, 0), oy = MAX (qy, 0);

  return sqrt (ox * ox + oy * oy) + MIN (MAX (qx, qy), 0) - rad;
}

/* The coverages (0…255) of a rounded panel's fill and outline at a pixel
 * at signed distance @d from its edge. */
static inline void
side_cov (double   d,
          double   half,
          guint32  fill,
          guint32  border,
          guint   *fill8,
          guint   *border8)
{
  *fill8 = *border8 = 0;
  if (fill != 0)
    {
      /* Under an outline the fill's edge is hidden: whole pixels by their
       * centre; alone it is antialiased. */
      double cov = border != 0 ? (d < 0 ? 1 : 0) : CLAMP (0.5 - d, 0, 1);

      *fill8 = (guint) (cov * 255 + 0.5);
    }
  if (border != 0)
    {
      /* A one-pixel box across the band |d| ≤ half. */
      double cov = MIN (d + 0.5, half) - MAX (d - 0.5, -half);

      *border8 = cov > 0 ? (guint) (MIN (cov, 1) * 255 + 0.5) : 0;
    }
}

#define SIDE_MAX 32

/* What a side pixel becomes whatever was below it (fill and outline
 * coverages @f8 and @b8), or 0 when it depends on what was below. */
static guint32
side_constant (guint32 fill,
               guint   f8,
               guint32 border,
               guint   b8)
{
  guint32 c;

  if (f8 >= 255 && (fill >> 24) == 255)
    {
      c = fill;
      if (b8 > 0)
        blend (&c, border, b8);
      return c;   /* opaque, so never 0 */
    }
  if (f8 == 0 && b8 >= 255 && (border >> 24) == 255)
    return border;
  return 0;
}

/* A run of @n side pixels from @x0 on, clipped to [@lo, @hi). */
static inline void
side_row (guint32       *row,
          int            x0,
          int            n,
          int            lo,
          int            hi,
          const guint   *f8,
          const guint   *b8,
          const guint32 *constant,
          guint32        fill,
          guint32        border)
{
  int i0 = MAX (0, lo - x0), i1 = MIN (n, hi - x0);

  for (int i = i0; i < i1; i++)
    {
      guint32 *p = &row[x0 + i];

      if (constant[i] != 0)
        *p = constant[i];
      else
        {
          if (f8[i])
            blend (p, fill, f8[i]);
          if (b8[i])
            blend (p, border, b8[i]);
        }
    }
}

void
_nl_raster_rounded_rect (NlRaster     *r,
                         const NlRect *rect,
                         double        radius,
                         const NlRgba *fill,
                         double        line_width,
                         const NlRgba *border)
{
  guint32 fpix = fill != NULL ? premultiplied (fill) : 0;
  guint32 bpix = border != NULL && line_width > 0 ? premultiplied (border) : 0;
  double x0 = rect->x * r->sx + r->tx, y0 = rect->y * r->sy + r->ty;
  double x1 = (rect->x + rect->width) * r->sx + r->tx, y1 = (rect->y + rect->height) * r->sy + r->ty;
  double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2, hy = (y1 - y0) / 2;
  double rad = CLAMP (radius * r->scale, 0, MIN (hx, hy));
  double half = bpix != 0 ? line_width * r->scale / 2 : 0;
  double reach = half + 1;
  /* Columns this far inside both sides see only the top or bottom edge. */
  double margin = MAX (rad, reach);
  int bx0 = MAX (r->x0, (int) floor (x0 - reach)), bx1 = MIN (r->x1, (int) ceil (x1 + reach));
  int by0 = MAX (r->y0, (int) floor (y0 - reach)), by1 = MIN (r->y1, (int) ceil (y1 + reach));
  int ma = MAX (bx0, (int) ceil (x0 + margin - 0.5));
  int mb = MIN (bx1, (int) floor (x1 - margin - 0.5) + 1);
  guint lf[SIDE_MAX], lb[SIDE_MAX], rf[SIDE_MAX], rb[SIDE_MAX];
  guint32 lc[SIDE_MAX], rc[SIDE_MAX];
  int side_w, sl = 0, sr = 0;
  gboolean side_ok;

  if (hx <= 0 || hy <= 0 || (fpix == 0 && bpix == 0) || bx0 >= bx1 || by0 >= by1)
    return;
  if (mb < ma)
    ma = mb = bx1;
  touch (r, bx0, by0, bx1, by1);

  /* Rows well inside the straight sides see only the left and right
   * edges: their side pixels are alike from row to row, worked out once. */
  side_w = iceil (2 * reach) + 2;
  side_ok = side_w <= SIDE_MAX && hx - margin > side_w;
  if (side_ok)
    {
      sl = ifloor (x0 - reach);
      sr = iceil (x1 + reach) - side_w;
      for (int i = 0; i < side_w; i++)
        {
          double dl = fabs (sl + i + 0.5 - cx) - hx, dr = fabs (sr + i + 0.5 - cx) - hx;

          side_cov (dl, half, fpix, bpix, &lf[i], &lb[i]);
          side_cov (dr, half, fpix, bpix, &rf[i], &rb[i]);
          lc[i] = side_constant (fpix, lf[i], bpix, lb[i]);
          rc[i] = side_constant (fpix, rf[i], bpix, rb[i]);
        }
    }

  for (int y = by0; y < by1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double py = y + 0.5, dy = fabs (py - cy) - hy, qy = dy + rad;

      if (y + PREFETCH_AHEAD < by1)
        {
          prefetch_pixels (r, y + PREFETCH_AHEAD, bx0);
          prefetch_pixels (r, y + PREFETCH_AHEAD, bx1 - 1);
        }
      double wo, wd = -1;   /* half-widths: within reach, and deep inside */
      int xo0, xo1, xd0, xd1;

      if (side_ok && qy < MIN (0, rad - reach) - side_w - 1)
        {
          /* Every side pixel's nearest edge is the left or right one. */
          side_row (row, sl, side_w, r->x0, r->x1, lf, lb, lc, fpix, bpix);
          side_row (row, sr, side_w, r->x0, r->x1, rf, rb, rc, fpix, bpix);
          if (fpix != 0)
            fill_run (row, MAX (sl + side_w, r->x0), MIN (sr, r->x1), fpix);
          continue;
        }

      /* Where on this row the outline is within reach, and where the
       * pixels lie deeper inside than it reaches (plain fill). */
      if (qy <= 0)
        wo = hx + reach;
      else if (qy < rad + reach)
        wo = hx - rad + sqrt ((rad + reach) * (rad + reach) - qy * qy);
      else
        continue;
      if (qy <= 0 && qy < rad - reach)
        wd = hx - reach;
      else if (qy < rad - reach)
        wd = hx - rad + sqrt ((rad - reach) * (rad - reach) - qy * qy);
      xo0 = MAX (bx0, ifloor (cx - wo - 0.5));
      xo1 = MIN (bx1, iceil (cx + wo - 0.5) + 1);
      if (xo0 >= xo1)
        continue;
      if (wd > 0)
        {
          /* One pixel short at each end, to be safe: those are done
           * pixel by pixel, as exactly. */
          xd0 = CLAMP (ifloor (cx - wd - 0.5) + 2, xo0, xo1);
          xd1 = CLAMP (iceil (cx + wd - 0.5) - 1, xd0, xo1);
          if (fpix != 0 && xd0 < xd1)
            fill_run (row, xd0, xd1, fpix);
        }
      else
        {
          /* A row along the top or bottom: its middle, one distance. */
          guint f8, b8;

          xd0 = CLAMP (ma, xo0, xo1);
          xd1 = CLAMP (mb, xd0, xo1);
          side_cov (dy, half, fpix, bpix, &f8, &b8);
          if (f8 > 0 && xd0 < xd1)
            fill_run (row, xd0, xd1, f8 >= 255 ? fpix : mul8x4 (fpix, f8));
          if (b8 > 0 && xd0 < xd1)
            fill_run (row, xd0, xd1, b8 >= 255 ? bpix : mul8x4 (bpix, b8));
        }
      /* The sides and corners, pixel by pixel. */
      for (int x = xo0; x < xo1; x++)
        {
          double d;
          guint f8, b8;

          if (x == xd0 && xd1 > xd0)
            x = xd1;
          if (x >= xo1)
            break;
          d = rounded_rect_distance (x + 0.5, py, cx, cy, hx, hy, rad);
          if (d >= reach)
            continue;
          side_cov (d, half, fpix, bpix, &f8, &b8);
          if (f8 > 0)
            blend (&row[x], fpix, f8);
          if (b8 > 0)
            blend (&row[x], bpix, b8);
        }
    }
}

void
_nl_raster_ring (NlRaster     *r,
                 double        cx,
                 double        cy,
                 double        radius,
                 double        width,
                 const NlRgba *colour)
{
  guint32 pixel = premultiplied (colour);
  double dx = cx * r->sx + r->tx, dy = cy * r->sy + r->ty;
  double ro = (radius + width / 2) * r->scale, ri = MAX ((radius - width / 2) * r->scale, 0);
  double outer = (ro + 0.5) * (ro + 0.5), hollow = ri > 0.5 ? (ri - 0.5) * (ri - 0.5) : -1;
  int x0 = MAX (r->x0, ifloor (dx - ro - 0.5)), x1 = MIN (r->x1, iceil (dx + ro + 0.5));
  int y0 = MAX (r->y0, ifloor (dy - ro - 0.5)), y1 = MIN (r->y1, iceil (dy + ro + 0.5));

  if (width <= 0 || pixel == 0 || x0 >= x1 || y0 >= y1)
    return;
  touch (r, x0, y0, x1, y1);
  for (int y = y0; y < y1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double py = y + 0.5 - dy, py2 = py * py;
      int h0 = x1, h1 = x1;   /* the hole this row crosses: no ink there */

      if (py2 >= outer)
        continue;
      if (hollow - py2 > 0)
        {
          double half = sqrt (hollow - py2);

          h0 = MAX (x0, iceil (dx - half - 0.5));
          h1 = MIN (x1, ifloor (dx + half - 0.5) + 1);
          if (h0 >= h1)
            h0 = h1 = x1;
        }
      /* A one-pixel box across each of its two edges. */
      for (int x = x0; x < x1; x++)
        {
          double px, d2, d, cov;

          if (x == h0)
            x = h1;
          if (x >= x1)
            break;
          px = x + 0.5 - dx;
          d2 = px * px + py2;
          if (d2 >= outer)
            continue;
          d = sqrt (d2);
          cov = CLAMP (ro + 0.5 - d, 0, 1) - CLAMP (ri + 0.5 - d, 0, 1);
          if (cov > 0)
            blend (&row[x], pixel, (guint) (cov * 255 + 0.5));
        }
    }
}

void
_nl_disc_outlined (cairo_t      *cr,
                   double        cx,
                   double        cy,
                   double        radius,
                   const NlRgba *fill,
                   double        line_width,
                   const NlRgba *line)
{
  NlRaster raster;

  cairo_set_line_width (cr, line_width);
  if (_nl_raster_begin (&raster, cr))
    {
      if (fill != NULL)
        _nl_raster_disc (&raster, cx, cy, radius, fill);
      if (line != NULL)
        _nl_raster_ring (&raster, cx, cy, radius, line_width, line);
      _nl_raster_end (&raster);
      cairo_new_path (cr);
      return;
    }
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  if (fill != NULL)
    {
      _nl_set_colour (cr, fill);
      cairo_fill_preserve (cr);
    }
  if (line != NULL)
    {
      _nl_set_colour (cr, line);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

/* Each thread keeps one coverage mask, all zero between uses, so a stroke
 * neither allocates nor clears one; it grows to the largest stroke's box. */
typedef struct {
  int row;
  int x0;
  int x1;
} Span;

typedef struct {
  guint8 *data;
  gsize   size;
  Span   *spans;      /* the rows' touched runs, in the order found */
  gsize   max_spans;
  int    *row_last;   /* each row's latest span, or -1 */
  gsize   max_rows;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->data);
  g_free (scratch->spans);
  g_free (scratch->row_last);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static guint8 *
scratch_mask (gsize size)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, scratch);
    }
  if (scratch->size < size)
    {
      g_free (scratch->data);
      scratch->data = g_malloc0 (size);
      scratch->size = size;
    }
  return scratch->data;
}

/* A stroke of one or more polylines: coverage is first gathered in the
 * thread's mask as the largest over all their segments, so joins,
 * overlaps and the dashes of one path are painted once, as cairo paints a
 * stroke; then each covered pixel is blended once. */
typedef struct {
  NlRaster *r;
  double    reach, reach2;
  int       bx0, by0, bx1, by1, bw;
  guint8   *mask;
  Scratch  *scratch;
  gsize     n_spans;
} Stroke;

/* Prepares a stroke @width user units wide inside the device box
 * (@minx, @miny)–(@maxx, @maxy); FALSE when nothing of it can show. */
static gboolean
stroke_begin (Stroke   *st,
              NlRaster *r,
              double    width,
              double    minx,
              double    miny,
              double    maxx,
              double    maxy)
{
  double half = width * r->scale / 2;

  st->r = r;
  st->reach = half + 0.5;
  st->reach2 = st->reach * st->reach;
  st->bx0 = MAX (r->x0, ifloor (minx - st->reach));
  st->by0 = MAX (r->y0, ifloor (miny - st->reach));
  st->bx1 = MIN (r->x1, iceil (maxx + st->reach));
  st->by1 = MIN (r->y1, iceil (maxy + st->reach));
  if (width <= 0 || !(st->bx0 < st->bx1) || !(st->by0 < st->by1))
    return FALSE;
  st->bw = st->bx1 - st->bx0;
  /* The mask is all zero between strokes: stroke_end() clears every
   * byte it blends. */
  st->mask = scratch_mask ((gsize) st->bw * (st->by1 - st->by0));
  st->scratch = g_private_get (&scratch_key);
  st->n_spans = 0;
  if (st->scratch->max_rows < (gsize) (st->by1 - st->by0))
    {
      g_free (st->scratch->row_last);
      st->scratch->max_rows = st->by1 - st->by0;
      st->scratch->row_last = g_new (int, st->scratch->max_rows);
    }
  memset (st->scratch->row_last, 0xff, (st->by1 - st->by0) * sizeof (int));
  return TRUE;
}

static inline void
stroke_span (Stroke *st,
             int     row,
             int     x0,
             int     x1)
{
  Scratch *scratch = st->scratch;
  int *last = &scratch->row_last[row - st->by0];

  /* Where the segments of a row meet (joints, caps) their runs overlap:
   * one run, so stroke_end() visits each pixel once. */
  if (*last >= 0 && scratch->spans[*last].x0 <= x1 && x0 <= scratch->spans[*last].x1)
    {
      Span *span = &scratch->spans[*last];

      span->x0 = MIN (span->x0, x0);
      span->x1 = MAX (span->x1, x1);
      return;
    }
  *last = (int) st->n_spans;
  if (st->n_spans == scratch->max_spans)
    {
      scratch->max_spans = MAX (2 * scratch->max_spans, 1024);
      scratch->spans = g_renew (Span, scratch->spans, scratch->max_spans);
    }
  scratch->spans[st->n_spans++] = (Span) { row, x0, x1 };
}

/* @cov (any value) as a byte of coverage, 0 to 255, rounded.  With SSE2
 * it is clamped by min/max instructions: at a thin stroke's edges
 * branches on it are mispredicted as often as not.  The same bytes
 * either way: 0 and 1 round to 0 and 255. */
static inline guint
coverage8 (double cov)
{
#if defined(__SSE2__)
  __m128d c = _mm_min_sd (_mm_max_sd (_mm_set_sd (cov), _mm_setzero_pd ()), _mm_set_sd (1));

  return (guint) (_mm_cvtsd_f64 (c) * 255 + 0.5);
#else
  if (cov <= 0)
    return 0;
  return cov >= 1 ? 255 : (guint) (cov * 255 + 0.5);
#endif
}

/* Adds the polyline (@x[i], @y[i]) (device pixels) with round joins and
 * caps; one point is a dot. */
static void
stroke_add (Stroke       *st,
            const double *x,
            const double *y,
            int           n)
{
  double reach = st->reach, reach2 = st->reach2;
  int bx0 = st->bx0, by0 = st->by0, bx1 = st->bx1, by1 = st->by1, bw = st->bw;
  guint8 *mask = st->mask;

  if (n < 1)
    return;
  for (int i = 0; i < MAX (n - 1, 1); i++)
    {
      double ax = x[i], ay = y[i];
      double bx = n > 1 ? x[i + 1] : ax, by = n > 1 ? y[i + 1] : ay;
      double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      double inv = len2 > 0 ? 1 / len2 : 0, inv_len = len2 > 0 ? 1 / sqrt (len2) : 0;
      double dt = dx * inv, dside = dy * inv_len;
      /* Divisions are slow: the per-row bounds multiply by these. */
      double inv_dt = fabs (dt) > 1e-12 ? 1 / dt : 0, inv_dside = fabs (dside) > 1e-12 ? 1 / dside : 0;
      int sy0 = MAX (by0, ifloor (MIN (ay, by) - reach));
      int sy1 = MIN (by1, iceil (MAX (ay, by) + reach));
      /* Along a column, t and side at the row's first pixel are linear in
       * the row too, and so are the pixels where they cross their limits:
       * each bound is worked out once for the segment and stepped per row
       * (lo_* ≤ hi_* whatever the segment's direction). */
      double t_at0 = ((0.5 - ax) * dx + (0.5 - ay) * dy) * inv, t_step = dy * inv;
      double side_at0 = ((0.5 - ax) * dy - (0.5 - ay) * dx) * inv_len;
      double t_lo0 = 0, t_hi0 = 0, t_slope = 0, s_lo0 = 0, s_hi0 = 0, s_slope = 0;

      if (inv_dt != 0)
        {
          double ja = (-1e-9 - t_at0) * inv_dt, jb = (1 + 1e-9 - t_at0) * inv_dt;

          t_lo0 = MIN (ja, jb);
          t_hi0 = MAX (ja, jb);
          t_slope = -t_step * inv_dt;
        }
      if (inv_dside != 0)
        {
          double ja = (-reach - side_at0) * inv_dside, jb = (reach - side_at0) * inv_dside;

          s_lo0 = MIN (ja, jb);
          s_hi0 = MAX (ja, jb);
          s_slope = dx * inv_len * inv_dside;
        }

      for (int py = sy0; py < sy1; py++)
        {
          double cy = py + 0.5, qy = cy - ay;
          double t_row = t_at0 + py * t_step;
          guint8 *m = mask + (gsize) (py - by0) * bw - bx0;
          int lo = G_MAXINT, hi = G_MININT;

          /* Beside the segment the distance is to its line.  Along the
           * row, the position along the segment (t) and the signed
           * distance from its line (side) are linear in the pixel: the
           * pixels with 0 ≤ t ≤ 1 (a hair wider: the caps overlap them,
           * and the larger coverage wins) and |side| < reach are found
           * directly, and only they are visited. */
          if (len2 > 0)
            {
              double side_row = ((0.5 - ax) * dy - qy * dx) * inv_len;
              double m0 = bx0, m1 = bx1 - 1;   /* inclusive */

              if (inv_dt != 0)
                {
                  m0 = MAX (m0, t_lo0 + py * t_slope);
                  m1 = MIN (m1, t_hi0 + py * t_slope);
                }
              else if (t_row < -1e-9 || t_row > 1 + 1e-9)
                m1 = m0 - 1;
              if (inv_dside != 0)
                {
                  m0 = MAX (m0, s_lo0 + py * s_slope);
                  m1 = MIN (m1, s_hi0 + py * s_slope);
                }
              else if (fabs (side_row) >= reach)
                m1 = m0 - 1;
              if (m1 >= m0)
                {
                  int j0 = iceil (m0), j1 = ifloor (m1) + 1;
                  double side = side_row + j0 * dside;

                  for (int px = j0; px < j1; px++, side += dside)
                    {
                      guint cov8 = coverage8 (reach - fabs (side));

                      m[px] = MAX (m[px], cov8);
                    }
                  if (j0 < j1)
                    {
                      lo = MIN (lo, j0);
                      hi = MAX (hi, j1);
                    }
                }
            }

          /* Past either end: the distance to that end (round caps and
           * joins; a joint is done once, by the segment it ends). */
          for (int e = i == 0 ? 0 : 1; e < 2; e++)
            {
              double ex = e == 0 ? ax : bx, ey = e == 0 ? ay : by;
              double vy = cy - ey, h2 = reach2 - vy * vy, h;
              int c0, c1;

              if (h2 <= 0 || (e == 1 && len2 == 0))
                continue;
              h = sqrt (h2);
              c0 = MAX (bx0, ifloor (ex - h - 0.5));
              c1 = MIN (bx1, iceil (ex + h + 0.5));
              /* Beside the segment the line's distance rules: only the
               * pixels past this end (t ≤ 0 before the start, t ≥ 1
               * after the end, each a hair wider as above) are visited,
               * found directly as t is linear along the row.  The
               * bound errs outwards: there a pixel's distance to the end
               * is no less than to the line, so the larger coverage is
               * still the line's. */
              if (inv_dt != 0)
                {
                  double j = ((e == 0 ? 1e-9 : 1 - 1e-9) - t_row) * inv_dt;

                  if ((e == 0) == (inv_dt > 0))
                    c1 = MIN (c1, ifloor (j + 1e-6) + 1);
                  else
                    c0 = MAX (c0, iceil (j - 1e-6));
                }
              else if (len2 > 0 && (e == 0 ? t_row > 1e-9 + 1e-6 : t_row < 1 - 1e-9 - 1e-6))
                continue;
              for (int px = c0; px < c1; px++)
                {
                  double vx = px + 0.5 - ex, d2, cov;
                  guint cov8;

                  d2 = vx * vx + vy * vy;
                  if (d2 >= reach2)
                    continue;
                  cov = reach - sqrt (d2);
                  cov8 = cov >= 1 ? 255 : (guint) (cov * 255 + 0.5);
                  if (cov8 > m[px])
                    m[px] = (guint8) cov8;
                  lo = MIN (lo, px);
                  hi = MAX (hi, px + 1);
                }
            }
          if (lo < hi)
            stroke_span (st, py, lo, hi);
        }
    }

}

/* Blends @pixel by the gathered coverage and clears the mask. */
static void
stroke_end (Stroke  *st,
            guint32  pixel)
{
  NlRaster *r = st->r;
  const Span *spans = st->scratch->spans;

  for (gsize i = 0; i < st->n_spans; i++)
    {
      const Span *span = &spans[i];
      guint32 *row = r->data + (gsize) span->row * r->stride;

      /* Rows of a large surface are far apart in memory: each span is
       * a cache miss unless asked for well before it is needed. */
      if (i + PREFETCH_AHEAD < st->n_spans)
        prefetch_pixels (r, spans[i + PREFETCH_AHEAD].row, spans[i + PREFETCH_AHEAD].x0);
      guint8 *m = st->mask + (gsize) (span->row - st->by0) * st->bw - st->bx0;
      int x0 = span->x0, x1 = span->x1, n4 = (x1 - x0 + 3) & ~3;

      /* A thin stroke's runs are a few pixels long: widened to whole
       * steps of four inside the stroke's box, no pixel is left to the
       * slow one-by-one tail.  The extra pixels have no coverage (left
       * as they are, exactly), or belong to another run of this row:
       * blended now, with their gathered coverage, and cleared, so that
       * run skips them. */
      if (x0 + n4 <= st->bx1)
        x1 = x0 + n4;
      else if (x1 - n4 >= st->bx0)
        x0 = x1 - n4;
      blend_mask (row + x0, m + x0, x1 - x0, pixel);
    }
  touch (r, st->bx0, st->by0, st->bx1, st->by1);
}

/* The device box of the points (@ux[i], @uy[i]), in user units. */
static void
device_box (NlRaster     *r,
            const double *ux,
            const double *uy,
            int           n,
            double       *box)
{
  box[0] = box[1] = G_MAXDOUBLE;
  box[2] = box[3] = -G_MAXDOUBLE;
  for (int i = 0; i < n; i++)
    {
      double dx = ux[i] * r->sx + r->tx, dy = uy[i] * r->sy + r->ty;

      box[0] = MIN (box[0], dx);
      box[1] = MIN (box[1], dy);
      box[2] = MAX (box[2], dx);
      box[3] = MAX (box[3], dy);
    }
}

/* Adds the polyline (@ux[i], @uy[i]) in user units. */
static void
stroke_add_user (Stroke       *st,
                 const double *ux,
                 const double *uy,
                 int           n)
{
  NlRaster *r = st->r;
  double stack[2 * 64], *x = n <= 64 ? stack : g_new (double, 2 * n), *y = x + n;

  for (int i = 0; i < n; i++)
    {
      x[i] = ux[i] * r->sx + r->tx;
      y[i] = uy[i] * r->sy + r->ty;
    }
  stroke_add (st, x, y, n);
  if (x != stack)
    g_free (x);
}

void
_nl_raster_polyline (NlRaster     *r,
                     const double *ux,
                     const double *uy,
                     int           n,
                     double        width,
                     const NlRgba *colour)
{
  guint32 pixel = premultiplied (colour);
  double box[4];
  Stroke st;

  if (n < 1 || width <= 0 || pixel == 0)
    return;
  device_box (r, ux, uy, n, box);
  if (!stroke_begin (&st, r, width, box[0], box[1], box[2], box[3]))
    return;
  stroke_add_user (&st, ux, uy, n);
  stroke_end (&st, pixel);
}

void
_nl_raster_ellipse (NlRaster     *r,
                    double        cx,
                    double        cy,
                    double        rx,
                    double        ry,
                    const NlRgba *colour)
{
  guint32 pixel = premultiplied (colour);
  double dx = cx * r->sx + r->tx, dy = cy * r->sy + r->ty;
  double a = rx * r->sx, b = ry * r->sy;
  double ao = a + 0.5, bo = b + 0.5, ai = a - 0.5, bi = b - 0.5;
  int x0 = MAX (r->x0, (int) floor (dx - ao));
  int x1 = MIN (r->x1, (int) ceil (dx + ao));
  int y0 = MAX (r->y0, (int) floor (dy - bo));
  int y1 = MIN (r->y1, (int) ceil (dy + bo));

  if (a <= 0 || b <= 0 || pixel == 0 || x0 >= x1 || y0 >= y1)
    return;
  touch (r, x0, y0, x1, y1);
  for (int y = y0; y < y1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double py = y + 0.5 - dy;

      for (int x = x0; x < x1; x++)
        {
          double px = x + 0.5 - dx, f, g, cov;

          if ((px / ao) * (px / ao) + (py / bo) * (py / bo) >= 1)
            continue;
          if (ai > 0 && bi > 0 && (px / ai) * (px / ai) + (py / bi) * (py / bi) <= 1)
            {
              blend (&row[x], pixel, 255);
              continue;
            }
          /* Distance to the edge, to first order: F / |∇F|. */
          f = (px / a) * (px / a) + (py / b) * (py / b) - 1;
          g = 2 * sqrt ((px * px) / (a * a * a * a) + (py * py) / (b * b * b * b));
          cov = g > 0 ? CLAMP (0.5 - f / g, 0, 1) : 1;
          if (cov > 0)
            blend (&row[x], pixel, (guint) (cov * 255 + 0.5));
        }
    }
}

void
_nl_raster_capsule (NlRaster     *r,
                    double        ux0,
                    double        ux1,
                    double        uy,
                    double        width,
                    const NlRgba *colour)
{
  guint32 pixel = premultiplied (colour);
  double x0 = ux0 * r->sx + r->tx, x1 = ux1 * r->sx + r->tx, cy = uy * r->sy + r->ty;
  double h = width * r->sy / 2;
  int bx0 = MAX (r->x0, (int) floor (x0 - h - 0.5));
  int bx1 = MIN (r->x1, (int) ceil (x1 + h + 0.5));
  int by0 = MAX (r->y0, (int) floor (cy - h - 0.5));
  int by1 = MIN (r->y1, (int) ceil (cy + h + 0.5));

  if (h <= 0 || x1 < x0 || pixel == 0 || bx0 >= bx1 || by0 >= by1)
    return;
  touch (r, bx0, by0, bx1, by1);
  for (int y = by0; y < by1; y++)
    {
      guint32 *row = r->data + (gsize) y * r->stride;
      double v = fabs (y + 0.5 - cy);
      /* Along the straight part every pixel of a row is covered alike. */
      double side = CLAMP (h + 0.5 - v, 0, 1);
      guint side8 = (guint) (side * 255 + 0.5);
      int s0 = MAX (bx0, iceil (x0 - 0.5)), s1 = MIN (bx1, ifloor (x1 - 0.5) + 1);

      if (side8 == 0)
        continue;
      fill_run (row, s0, s1, side8 >= 255 ? pixel : mul8x4 (pixel, side8));
      /* The round caps: coverage by the distance to the end's centre. */
      for (int x = bx0; x < bx1; x++)
        {
          double px, e, d;

          if (x == s0 && s1 > s0)
            x = s1;
          if (x >= bx1)
            break;
          px = x + 0.5;
          e = px < x0 ? x0 : x1;
          d = sqrt ((px - e) * (px - e) + v * v);
          if (d < h + 0.5)
            blend (&row[x], pixel, (guint) (CLAMP (h + 0.5 - d, 0, 1) * 255 + 0.5));
        }
    }
}

/* A polyline in dashes of @dash[0] on, @dash[1] off (user units), the
 * pattern starting afresh with it as cairo's does for each subpath.  The
 * round caps reach half the width past each dash's ends, so the dashes are
 * cut short by that: on screen they keep cairo's lengths and gaps. */
static void
stroke_dashed (Stroke       *st,
               const double *x,
               const double *y,
               int           n,
               double        width,
               const double *dash)
{
  double on = MAX (dash[0] - width, 0), period = dash[0] + dash[1];
  double start = 0, done = 0;   /* this dash's start; length walked before segment i */
  GArray *px = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *py = g_array_new (FALSE, FALSE, sizeof (double));

  if (period <= 0)
    {
      stroke_add_user (st, x, y, n);
      goto out;
    }
  start = width / 2;
  for (int i = 0; i + 1 < n; i++)
    {
      double dx = x[i + 1] - x[i], dy = y[i + 1] - y[i], len = sqrt (dx * dx + dy * dy);

      /* Every dash that begins or goes on within this segment. */
      while (start < done + len)
        {
          double a = MAX (start, done), b = MIN (start + on, done + len);
          double ax = x[i] + dx * (a - done) / MAX (len, 1e-9), ay = y[i] + dy * (a - done) / MAX (len, 1e-9);
          double bx = x[i] + dx * (b - done) / MAX (len, 1e-9), by = y[i] + dy * (b - done) / MAX (len, 1e-9);

          if (px->len == 0)
            {
              g_array_append_val (px, ax);
              g_array_append_val (py, ay);
            }
          g_array_append_val (px, bx);
          g_array_append_val (py, by);
          if (start + on > done + len)
            break;   /* the dash goes on into the next segment */
          stroke_add_user (st, &g_array_index (px, double, 0), &g_array_index (py, double, 0),
                           (int) px->len);
          g_array_set_size (px, 0);
          g_array_set_size (py, 0);
          start += period;
        }
      done += len;
    }
  if (px->len > 0)
    stroke_add_user (st, &g_array_index (px, double, 0), &g_array_index (py, double, 0),
                     (int) px->len);
out:
  g_array_unref (px);
  g_array_unref (py);
}

void
_nl_raster_stroke_path (NlRaster     *r,
                        cairo_t      *cr,
                        double        width,
                        const double *dash,
                        const NlRgba *colour)
{
  cairo_path_t *path = cairo_copy_path_flat (cr);
  guint32 pixel = premultiplied (colour);
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *ys = g_array_new (FALSE, FALSE, sizeof (double));
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  gboolean drawn = FALSE;
  Stroke st;

  cairo_new_path (cr);
  if (path->status != CAIRO_STATUS_SUCCESS || width <= 0 || pixel == 0)
    goto out;
  /* The whole path is one stroke: where its subpaths or dashes overlap,
   * they are painted once, as cairo paints them. */
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    if (path->data[i].header.type == CAIRO_PATH_MOVE_TO || path->data[i].header.type == CAIRO_PATH_LINE_TO)
      {
        double dx = path->data[i + 1].point.x * r->sx + r->tx;
        double dy = path->data[i + 1].point.y * r->sy + r->ty;

        box[0] = MIN (box[0], dx);
        box[1] = MIN (box[1], dy);
        box[2] = MAX (box[2], dx);
        box[3] = MAX (box[3], dy);
      }
  if (!stroke_begin (&st, r, width, box[0], box[1], box[2], box[3]))
    goto out;
  for (int i = 0; i <= path->num_data; i += i < path->num_data ? path->data[i].header.length : 1)
    {
      const cairo_path_data_t *d = i < path->num_data ? &path->data[i] : NULL;

      /* A new subpath (or the end) adds the one collected so far; a lone
       * move (as cairo puts after each close) draws nothing. */
      if (d == NULL || d->header.type == CAIRO_PATH_MOVE_TO)
        {
          if (xs->len == 1 && !drawn)
            ;
          else if (xs->len > 0 && dash != NULL)
            stroke_dashed (&st, &g_array_index (xs, double, 0), &g_array_index (ys, double, 0),
                           (int) xs->len, width, dash);
          else if (xs->len > 0)
            stroke_add_user (&st, &g_array_index (xs, double, 0), &g_array_index (ys, double, 0),
                             (int) xs->len);
          g_array_set_size (xs, 0);
          g_array_set_size (ys, 0);
          drawn = FALSE;
        }
      if (d == NULL)
        break;
      if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_LINE_TO)
        {
          g_array_append_val (xs, d[1].point.x);
          g_array_append_val (ys, d[1].point.y);
          drawn |= d->header.type == CAIRO_PATH_LINE_TO;
        }
      else if (d->header.type == CAIRO_PATH_CLOSE_PATH && xs->len > 0)
        {
          double x = g_array_index (xs, double, 0), y = g_array_index (ys, double, 0);

          g_array_append_val (xs, x);
          g_array_append_val (ys, y);
          drawn = TRUE;
        }
    }
  stroke_end (&st, pixel);
out:
  g_array_unref (xs);
  g_array_unref (ys);
  cairo_path_destroy (path);
}

void
_nl_stroke_outline (cairo_t      *cr,
                    double        width,
                    const NlRgba *colour)
{
  NlRaster raster;

  if (_nl_raster_begin (&raster, cr))
    {
      _nl_raster_stroke_path (&raster, cr, width, NULL, colour);
      _nl_raster_end (&raster);
      return;
    }
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_stroke (cr);
}

void
_nl_rounded_panel (cairo_t      *cr,
                   const NlRect *rect,
                   double        radius,
                   const NlRgba *fill,
                   double        line_width,
                   const NlRgba *border)
{
  NlRaster raster;

  /* Leave the same state either way: later code may read the width. */
  if (border != NULL && line_width > 0)
    cairo_set_line_width (cr, line_width);
  if (_nl_raster_begin (&raster, cr))
    {
      if (fabs (raster.sx - raster.sy) < 1e-9)
        {
          _nl_raster_rounded_rect (&raster, rect, radius, fill, line_width, border);
          _nl_raster_end (&raster);
          cairo_new_path (cr);
          return;
        }
      _nl_raster_end (&raster);
    }
  cairo_new_path (cr);
  _nl_rounded_rect (cr, rect, radius);
  if (fill != NULL)
    {
      _nl_set_colour (cr, fill);
      if (border != NULL && line_width > 0)
        _nl_fill_under_outline (cr);
      else
        cairo_fill_preserve (cr);
    }
  if (border != NULL && line_width > 0)
    {
      _nl_set_colour (cr, border);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

/* Exact area coverage of a filled polygon (the signed-area accumulation of
 * font-rs and stb_truetype 2): each edge adds, to the cells of the rows it
 * crosses, the signed area it sweeps to its right within that cell, so a
 * running sum along a row is the winding number weighted by how much of
 * each pixel lies inside.  Cells are one per device pixel of the box,
 * plus two past its right end for the last partial cell. */
typedef struct {
  float *acc;
  gsize  acc_size;
  Span  *spans;      /* in the order edges touched them */
  Span  *sorted;     /* by row, then by first cell */
  gsize  max_spans;
  int   *row_start;  /* where each row's spans begin in sorted */
  gsize  max_rows;
} FillScratch;

static void
fill_scratch_free (gpointer data)
{
  FillScratch *scratch = data;

  g_free (scratch->acc);
  g_free (scratch->spans);
  g_free (scratch->sorted);
  g_free (scratch->row_start);
  g_free (scratch);
}

static GPrivate fill_scratch_key = G_PRIVATE_INIT (fill_scratch_free);

/* The accumulation buffer is all zero between uses (the sum clears it). */
static FillScratch *
fill_scratch (gsize cells,
              gsize rows)
{
  FillScratch *scratch = g_private_get (&fill_scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (FillScratch, 1);
      g_private_set (&fill_scratch_key, scratch);
    }
  if (scratch->max_rows < rows + 1)
    {
      g_free (scratch->row_start);
      scratch->row_start = g_new (int, rows + 1);
      scratch->max_rows = rows + 1;
    }
  if (scratch->acc_size < cells)
    {
      g_free (scratch->acc);
      scratch->acc = g_new0 (float, cells);
      scratch->acc_size = cells;
    }
  return scratch;
}

typedef struct {
  float       *acc;
  int          w, h;    /* box size; rows are w + 2 cells */
  FillScratch *scratch; /* the cells each edge touched in each row */
  gsize        n_spans;
} Coverage;

/* Adds the edge from (@x0, @y0) to (@x1, @y1) (box pixels, 0 ≤ x ≤ w). */
static void
coverage_line (Coverage *c,
               double    x0,
               double    y0,
               double    x1,
               double    y1)
{
  double dir = 1, dxdy, x;
  int ys, ye;

  if (y0 == y1)
    return;
  if (y0 > y1)
    {
      double t;

      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
      dir = -1;
    }
  if (y1 <= 0 || y0 >= c->h)
    return;
  dxdy = (x1 - x0) / (y1 - y0);
  x = x0;
  if (y0 < 0)
    {
      x -= y0 * dxdy;
      y0 = 0;
    }
  y1 = MIN (y1, c->h);
  ys = ifloor (y0);
  ye = iceil (y1);
  for (int y = ys; y < ye; y++)
    {
      float *row = c->acc + (gsize) y * (c->w + 2);
      double dy = MIN (y + 1, y1) - MAX (y, y0);
      double xnext = x + dxdy * dy;
      double d = dy * dir;
      double lo = MIN (x, xnext), hi = MAX (x, xnext);
      int i0 = ifloor (lo), i1 = iceil (hi);

      /* Rounding can put an end a hair outside the box. */
      i0 = CLAMP (i0, 0, c->w);
      i1 = CLAMP (i1, i0, c->w + 1);
      if (i1 <= i0 + 1)
        {
          double mid = 0.5 * (x + xnext) - i0;

          row[i0] += d - d * mid;
          row[i0 + 1] += d * mid;
          i1 = i0 + 2;
        }
      else
        {
          double s = 1 / (hi - lo);
          double f0 = lo - i0;
          double a0 = 0.5 * s * (1 - f0) * (1 - f0);
          double f1 = hi - i1 + 1;
          double am = 0.5 * s * f1 * f1;

          row[i0] += d * a0;
          if (i1 == i0 + 2)
            row[i0 + 1] += d * (1 - a0 - am);
          else
            {
              double a1 = s * (1.5 - f0);
              double a2 = a1 + (i1 - i0 - 3) * s;

              row[i0 + 1] += d * (a1 - a0);
              for (int i = i0 + 2; i < i1 - 1; i++)
                row[i] += d * s;
              row[i1 - 1] += d * (1 - a2 - am);
            }
          row[i1] += d * am;
          i1++;
        }
      if (c->n_spans == c->scratch->max_spans)
        {
          FillScratch *f = c->scratch;

          f->max_spans = MAX (2 * f->max_spans, 1024);
          f->spans = g_renew (Span, f->spans, f->max_spans);
          g_free (f->sorted);
          f->sorted = g_new (Span, f->max_spans);
        }
      c->scratch->spans[c->n_spans++] = (Span) { y, i0, i1 };
      x = xnext;
    }
}

/* Adds an edge in box pixels, its parts left of the box moved onto the
 * box's left side (they still wind every pixel right of them) and its
 * parts right of the box onto the right side (they wind none). */
static void
coverage_edge (Coverage *c,
               double    x0,
               double    y0,
               double    x1,
               double    y1)
{
  double t[4] = { 0, 0, 0, 1 };
  int n = 1;

  if (y0 == y1)
    return;
  if ((x0 < 0) != (x1 < 0))
    t[n++] = (0 - x0) / (x1 - x0);
  if ((x0 > c->w) != (x1 > c->w))
    t[n++] = (c->w - x0) / (x1 - x0);
  if (n == 3 && t[2] < t[1])
    {
      double s = t[1];

      t[1] = t[2], t[2] = s;
    }
  t[n] = 1;
  for (int i = 0; i < n; i++)
    {
      double ax = x0 + (x1 - x0) * t[i], ay = y0 + (y1 - y0) * t[i];
      double bx = i + 1 == n ? x1 : x0 + (x1 - x0) * t[i + 1];
      double by = i + 1 == n ? y1 : y0 + (y1 - y0) * t[i + 1];

      coverage_line (c, CLAMP (ax, 0, c->w), ay, CLAMP (bx, 0, c->w), by);
    }
}

/* Sorts the spans by row (counting them per row), then each row's few
 * spans by their first cell. */
static void
sort_spans (FillScratch *f,
            gsize        n,
            int          rows)
{
  int *start = f->row_start;

  memset (start, 0, (rows + 1) * sizeof *start);
  for (gsize i = 0; i < n; i++)
    start[f->spans[i].row + 1]++;
  for (int y = 0; y < rows; y++)
    start[y + 1] += start[y];
  for (gsize i = 0; i < n; i++)
    f->sorted[start[f->spans[i].row]++] = f->spans[i];
  /* start[y] is now where row y + 1 begins. */
  for (int y = 0, from = 0; y < rows; from = start[y++])
    for (int i = from + 1; i < start[y]; i++)
      {
        Span v = f->sorted[i];
        int j = i;

        for (; j > from && f->sorted[j - 1].x0 > v.x0; j--)
          f->sorted[j] = f->sorted[j - 1];
        f->sorted[j] = v;
      }
}

static inline guint
coverage_byte (float sum)
{
  float v = fabsf (sum);

  return v >= 1 ? 255 : (guint) (v * 255 + 0.5f);
}

static gboolean
fill_polygon (NlRaster     *r,
              const double *px,
              const double *py,
              int           n,
              const NlRgba *colour)
{
  double minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE, maxy = -G_MAXDOUBLE;
  guint32 pixel = premultiplied (colour);
  int bx0, by0, bx1, by1, bw, bh, band;
  Coverage c;
  FillScratch *scratch;
  const Span *spans;
  gsize nspans;
  double *dev;

  for (int i = 0; i < n; i++)
    {
      double dx = px[i] * r->sx + r->tx, dy = py[i] * r->sy + r->ty;

      if (!isfinite (dx) || !isfinite (dy))
        return FALSE;
      minx = MIN (minx, dx), maxx = MAX (maxx, dx);
      miny = MIN (miny, dy), maxy = MAX (maxy, dy);
    }
  if (n < 3 || pixel == 0)
    return TRUE;
  /* The box: the polygon's pixels within the writable rectangle; what
   * lies left of it still winds the pixels inside (coverage_edge()). */
  bx0 = (int) CLAMP (floor (minx), r->x0, r->x1);
  by0 = (int) CLAMP (floor (miny), r->y0, r->y1);
  bx1 = (int) CLAMP (ceil (maxx), r->x0, r->x1);
  by1 = (int) CLAMP (ceil (maxy), r->y0, r->y1);
  if (bx1 <= bx0 || by1 <= by0)
    return TRUE;
  bw = bx1 - bx0;
  bh = by1 - by0;
  /* The box is done in bands of rows whose cells stay in the cache: a
   * large polygon's whole accumulation buffer would not, and every edge
   * and every sum would wait for memory. */
  band = CLAMP (65536 / (bw + 2), 16, bh);
  scratch = fill_scratch ((gsize) (bw + 2) * band, band);
  dev = g_new (double, 2 * n);
  for (int i = 0; i < n; i++)
    {
      dev[2 * i] = px[i] * r->sx + r->tx - bx0;
      dev[2 * i + 1] = py[i] * r->sy + r->ty - by0;
    }
  for (int top = 0; top < bh; top += band)
    {
      c.acc = scratch->acc;
      c.w = bw;
      c.h = MIN (band, bh - top);
      c.scratch = scratch;
      c.n_spans = 0;
      for (int i = 0; i < n; i++)
        {
          int j = i + 1 == n ? 0 : i + 1;
          double ya = dev[2 * i + 1] - top, yb = dev[2 * j + 1] - top;

          if ((ya <= 0 && yb <= 0) || (ya >= c.h && yb >= c.h))
            continue;
          coverage_edge (&c, dev[2 * i], ya, dev[2 * j], yb);
        }

      /* Along each row the sum changes only in the cells an edge
       * touched: those are summed (and cleared) one by one, and the runs
       * between them, of one coverage, are blended whole. */
      sort_spans (scratch, c.n_spans, c.h);
      spans = scratch->sorted;
      nspans = c.n_spans;
      for (gsize k = 0; k < nspans;)
        {
          int y = spans[k].row;
          float *cells = c.acc + (gsize) y * (bw + 2);
          guint32 *row = r->data + (gsize) (y + top + by0) * r->stride + bx0;
          float sum = 0;
          int pos = 0;

          /* The pixels at both ends of a row a few rows on: its edges
           * are blended before its inside is filled, and each would
           * otherwise wait for memory. */
          if (y + PREFETCH_AHEAD < c.h)
            {
              int first = scratch->row_start[y + PREFETCH_AHEAD - 1];
              int last = scratch->row_start[y + PREFETCH_AHEAD] - 1;

              if (first <= last)
                {
                  prefetch_pixels (r, y + top + by0 + PREFETCH_AHEAD, bx0 + spans[first].x0);
                  prefetch_pixels (r, y + top + by0 + PREFETCH_AHEAD, bx0 + MIN (spans[last].x1, bw) - 1);
                }
            }

          for (; k < nspans && spans[k].row == y; k++)
            {
              int a = MAX (spans[k].x0, pos), b = spans[k].x1;

              if (b <= pos)
                continue;
              if (a > pos)
                {
                  guint cov = coverage_byte (sum);

                  if (cov > 0)
                    fill_run (row, pos, a, cov >= 255 ? pixel : mul8x4 (pixel, cov));
                }
              for (int x = a; x < b; x++)
                {
                  guint cov;

                  sum += cells[x];
                  cells[x] = 0;
                  if (x < bw && (cov = coverage_byte (sum)) > 0)
                    blend (&row[x], pixel, cov);
                }
              pos = b;
            }
          /* Past the last touched cell the sum is back to zero: every row
           * of a closed outline winds out again, if only on the box's
           * right. */
          cells[bw] = cells[bw + 1] = 0;
        }
    }
  g_free (dev);
  touch (r, bx0, by0, bx1, by1);
  return TRUE;
}

void
_nl_fill_polygon (cairo_t      *cr,
                  const double *x,
                  const double *y,
                  int           n,
                  const NlRgba *colour)
{
  NlRaster raster;

  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_WINDING
      && _nl_raster_begin (&raster, cr))
    {
      gboolean done = fill_polygon (&raster, x, y, n, colour);

      _nl_raster_end (&raster);
      if (done)
        {
          cairo_new_path (cr);
          return;
        }
    }
  cairo_new_path (cr);
  for (int i = 0; i < n; i++)
    cairo_line_to (cr, x[i], y[i]);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_fill (cr);
}
