/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Resolution from the text itself. The page is cut into narrow vertical
 * strips; in each, the row projection of the text mask breaks into runs,
 * one per text line, whose height is the line's ink height (a Han glyph,
 * or Latin ascender to descender: both close to the type size). The median
 * run over the page, against the same measure of 10.5 pt body type at
 * 300 dpi, gives the resolution (on the 37 dev pages: -11% to +16% of the
 * truth; the type size itself varies that much between journals). The
 * file's tag is believed when the text agrees with it.
 */
#include "preprocess.h"

#include <math.h>

#define RES_STRIPS 12   /* narrow, so residual skew barely thickens a line */
#define RES_MIN_RUNS 20 /* fewer text lines than this: no estimate */
#define RES_REF_DPI 300
#define RES_REF_LINE_H 35.0f /* median line height of the dev pages at 300 dpi (31-39) */
#define RES_PEAKED 0.5f      /* share of runs within 25% of the median: text, not noise */
#define RES_AGREE 0.25f      /* the tag and the text agree within 25% */
#define RES_SNAP 0.08f       /* snap an estimate to a usual resolution within 8% */

/* Add the heights of the ink runs of one strip's row projection to heights. */
static void strip_runs(PIX *strip, NUMA *heights)
{
    NUMA *rows = pixCountPixelsByRow(strip, NULL);
    if (!rows)
        return;
    int n = numaGetCount(rows), run = 0;
    for (int y = 0; y <= n; y++) {
        l_int32 v = 0;
        if (y < n)
            numaGetIValue(rows, y, &v);
        if (y < n && v > 0) {
            run++;
            continue;
        }
        if (run >= 3)
            numaAddNumber(heights, run);
        run = 0;
    }
    numaDestroy(&rows);
}

/* \return the share of the values of na within 25% of med. */
static float share_near(NUMA *na, float med)
{
    int n = numaGetCount(na), near = 0;
    for (int i = 0; i < n; i++) {
        l_float32 v = 0;
        numaGetFValue(na, i, &v);
        near += v >= 0.75f * med && v <= 1.25f * med;
    }
    return n > 0 ? (float)near / n : 0.0f;
}

int folio_resolution_estimate(PIX *pixb, float *line_h)
{
    if (line_h)
        *line_h = 0;
    if (!pixb || pixGetDepth(pixb) != 1)
        return 0;
    int w = pixGetWidth(pixb), h = pixGetHeight(pixb), dpi = 0;
    int sw = L_MAX(w / RES_STRIPS, 8);
    NUMA *heights = numaCreate(256);
    if (!heights)
        return 0;
    for (int x = 0; x + sw <= w; x += sw) {
        BOX *box = boxCreate(x, 0, sw, h);
        PIX *strip = box ? pixClipRectangle(pixb, box, NULL) : NULL;
        if (strip)
            strip_runs(strip, heights);
        pixDestroy(&strip);
        boxDestroy(&box);
    }
    l_float32 med = 0;
    if (numaGetCount(heights) < RES_MIN_RUNS || numaGetMedian(heights, &med) != 0 || med <= 0)
        goto done;
    /* Lines of one size give a sharp peak; noise, pictures or a blank page do not. */
    if (share_near(heights, med) < RES_PEAKED)
        goto done;
    dpi = (int)(RES_REF_DPI * med / RES_REF_LINE_H + 0.5f);
    if (line_h)
        *line_h = med;
done:
    numaDestroy(&heights);
    return dpi;
}

/* The usual scanner resolution within RES_SNAP of dpi, else dpi itself. */
static int snap_dpi(int dpi)
{
    static const int usual[] = {72, 96, 100, 120, 150, 200, 240, 300, 350, 400, 600, 1200};
    for (size_t i = 0; i < sizeof(usual) / sizeof(usual[0]); i++)
        if (fabsf((float)dpi / usual[i] - 1.0f) <= RES_SNAP)
            return usual[i];
    return dpi;
}

int folio_resolution_choose(int dpi_tag, int dpi_est)
{
    if (dpi_est <= 0)
        return dpi_tag;
    if (dpi_tag > 0 && fabsf((float)dpi_est / dpi_tag - 1.0f) <= RES_AGREE)
        return dpi_tag;
    return snap_dpi(dpi_est);
}
