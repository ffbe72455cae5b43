/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Dark borders: scanner-lid bands, the dark world beyond the paper's edge,
 * heavy edge shadows and the thin dark line of a page edge. A border is
 * dark, touches the image edge, and is either solid (it survives an opening
 * by a brick thicker than any printed stroke) or a long straight line (it
 * survives an opening by a line longer than any glyph). Print is neither,
 * so text next to a band is never eaten. Leptonica 1.82 has no pixCropImage, so the page rectangle
 * is read off the bands here.
 */
#include "preprocess.h"

#define BORDER_SOLID_MM 2.0f  /* thicker than any stroke of body or title type */
#define BORDER_LINE_MM 15.0f  /* an edge line longer than any glyph or stroke */
#define BORDER_GROW_MM 1.0f   /* the soft edge of a band */
#define BORDER_BAND_FRACT 0.6 /* a row or column this full of border is band */

static int mm_to_px(float mm, int dpi)
{
    int px = (int)(mm * dpi / 25.4f + 0.5f);
    return px < 1 ? 1 : px;
}

/* Half the paper level: bands are far darker than paper, print too. */
static int dark_threshold(PIX *gray)
{
    return L_MAX(folio_background_paper_level(gray) / 2, 16);
}

/* What of pixr (dark = ON, at dpi) is solid or a long straight line. */
static PIX *open_border_shapes(PIX *pixr, int dpi)
{
    int k = mm_to_px(BORDER_SOLID_MM, dpi) | 1, len = mm_to_px(BORDER_LINE_MM, dpi) | 1;
    PIX *pixd = pixOpenBrick(NULL, pixr, k, k);
    PIX *pixv = pixOpenBrick(NULL, pixr, 1, len);
    PIX *pixh = pixOpenBrick(NULL, pixr, len, 1);
    if (pixd && pixv && pixh) {
        pixOr(pixd, pixd, pixv);
        pixOr(pixd, pixd, pixh);
    } else {
        pixDestroy(&pixd);
    }
    pixDestroy(&pixv);
    pixDestroy(&pixh);
    return pixd;
}

/* The ON components of pixs that touch the image edge. */
static PIX *edge_connected(PIX *pixs)
{
    PIX *seed = pixCreateTemplate(pixs);
    if (!seed)
        return NULL;
    pixSetOrClearBorder(seed, 1, 1, 1, 1, PIX_SET);
    pixAnd(seed, seed, pixs);
    pixSeedfillBinary(seed, seed, pixs, 8);
    return seed;
}

/* How many lines from the start of na (pixel counts of rows or columns of
 * length len) are at least BORDER_BAND_FRACT border. */
static int band_depth(NUMA *na, int len, bool from_end)
{
    int n = numaGetCount(na), depth = 0;
    for (int i = 0; i < n; i++) {
        l_int32 v = 0;
        numaGetIValue(na, from_end ? n - 1 - i : i, &v);
        if (v < BORDER_BAND_FRACT * len)
            break;
        depth = i + 1;
    }
    return depth;
}

/* The rectangle inside the full-length bands of the reduced mask, scaled by red. */
static void band_crop(PIX *pixe, int red, int grow, int w, int h, int crop[4])
{
    int rw = pixGetWidth(pixe), rh = pixGetHeight(pixe);
    NUMA *cols = pixCountPixelsByColumn(pixe);
    NUMA *rows = pixCountPixelsByRow(pixe, NULL);
    if (!cols || !rows)
        goto done;
    int l = band_depth(cols, rh, false), r = band_depth(cols, rh, true);
    int t = band_depth(rows, rw, false), b = band_depth(rows, rw, true);
    if (l + r + t + b == 0)
        goto done;
    int x0 = l ? l * red + grow : 0, y0 = t ? t * red + grow : 0;
    int x1 = r ? w - r * red - grow : w, y1 = b ? h - b * red - grow : h;
    if (x1 - x0 < w / 2 || y1 - y0 < h / 2) /* not a page inside bands: leave it */
        goto done;
    crop[0] = x0;
    crop[1] = y0;
    crop[2] = x1 - x0;
    crop[3] = y1 - y0;
done:
    numaDestroy(&cols);
    numaDestroy(&rows);
}

/* pixr (reduced by red) replicated back to w x h. */
static PIX *expand_to(PIX *pixr, int red, int w, int h)
{
    PIX *pixx = red > 1 ? pixExpandReplicate(pixr, red) : pixClone(pixr);
    PIX *pixd = pixCreate(w, h, 1);
    if (pixx && pixd) {
        pixCopyResolution(pixd, pixr);
        pixRasterop(pixd, 0, 0, w, h, PIX_SRC, pixx, 0, 0);
    }
    pixDestroy(&pixx);
    return pixd;
}

PIX *folio_border_mask(PIX *gray, int dpi, int crop[4])
{
    PIX *pixb = NULL, *pixr = NULL, *pixo = NULL, *pixe = NULL, *pixx = NULL, *mask = NULL;
    crop[0] = crop[1] = crop[2] = crop[3] = 0;
    if (!gray || pixGetDepth(gray) != 8)
        return NULL;
    if (dpi <= 0)
        dpi = 300;
    int w = pixGetWidth(gray), h = pixGetHeight(gray);
    /* Work near 75-100 dpi; the all-four-ON reduction already thins print. */
    int red = dpi >= 280 ? 4 : dpi >= 140 ? 2 : 1;
    pixb = pixThresholdToBinary(gray, dark_threshold(gray));
    pixr = red == 4   ? pixReduceRankBinaryCascade(pixb, 4, 4, 0, 0)
           : red == 2 ? pixReduceRankBinaryCascade(pixb, 4, 0, 0, 0)
                      : pixClone(pixb);
    pixo = pixr ? open_border_shapes(pixr, dpi / red) : NULL;
    pixe = pixo ? edge_connected(pixo) : NULL;
    l_int32 empty = 1;
    if (!pixe || pixZero(pixe, &empty) != 0 || empty)
        goto done;
    int grow = mm_to_px(BORDER_GROW_MM, dpi) | 1;
    band_crop(pixe, red, grow, w, h, crop);
    pixx = expand_to(pixe, red, w, h);
    mask = pixx ? pixDilateBrick(NULL, pixx, 2 * grow + 1, 2 * grow + 1) : NULL;
done:
    pixDestroy(&pixb);
    pixDestroy(&pixr);
    pixDestroy(&pixo);
    pixDestroy(&pixe);
    pixDestroy(&pixx);
    return mask;
}
