/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Background: uneven illumination, edge shadows and paper tone flattened by
 * Leptonica's tiled background normalization, so one threshold fits the
 * whole page afterwards. Bleed-through is left to binarize.c, which can
 * tell it from print by its contrast once the paper is flat.
 */
#include "preprocess.h"

#define BG_TILE_W 10 /* tiles small enough to follow a shadow across a line */
#define BG_TILE_H 15
#define BG_MIN_COUNT 50 /* paper pixels a tile needs to be measured */
#define BG_LEVEL 200    /* where the paper lands */
#define BG_SMOOTH_X 2
#define BG_SMOOTH_Y 1

int folio_background_paper_level(PIX *gray)
{
    l_uint32 v = BG_LEVEL;
    if (!gray || pixGetDepth(gray) != 8 || pixGetRankValue(gray, 4, 0.75f, &v) != 0)
        return BG_LEVEL;
    return (int)v;
}

PIX *folio_background_normalize(PIX *gray)
{
    if (!gray || pixGetDepth(gray) != 8 || pixGetWidth(gray) < 4 * BG_TILE_W ||
        pixGetHeight(gray) < 4 * BG_TILE_H) /* too small to have a background map */
        return NULL;
    /* Paper is whatever is brighter than 60% of the paper level: shadows and
     * dark corners stay paper, print and bands do not. */
    int thresh = L_MIN(L_MAX(folio_background_paper_level(gray) * 3 / 5, 40), 160);
    return pixBackgroundNorm(gray, NULL, NULL, BG_TILE_W, BG_TILE_H, thresh, BG_MIN_COUNT, BG_LEVEL,
                             BG_SMOOTH_X, BG_SMOOTH_Y);
}
