/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The area of a page on dark ground (dark_ground.h).
 */
#include "dark_ground.h"

/* A 1 mm cell is dark when its mean gray level is below this (about 65%
 * ink on the background-normalized page: paper near 255, ink near 0). */
#define CELL_DARK_LEVEL 90
#define PATCH_CELLS 3 /* a patch of dark ground is this many cells across */

/* pix as 8 bpp gray without a colormap. \return a new PIX or NULL. */
static PIX *as_gray(PIX *pix)
{
    if (pixGetDepth(pix) == 1)
        return pixConvert1To8(NULL, pix, 255, 0);
    if (pixGetDepth(pix) == 8 && !pixGetColormap(pix))
        return pixClone(pix);
    return pixConvertTo8(pix, 0);
}

double folio_dark_ground_mm2(PIX *pix, int dpi)
{
    if (!pix || dpi <= 0 || pixGetWidth(pix) <= 0 || pixGetHeight(pix) <= 0)
        return -1;
    float cell = dpi / 25.4f; /* pixels a millimetre */
    if (cell < 1)
        return -1;
    PIX *gray = as_gray(pix);
    PIX *cells = gray ? pixScaleAreaMap(gray, 1.0f / cell, 1.0f / cell) : NULL;
    pixDestroy(&gray);
    PIX *dark = cells ? pixThresholdToBinary(cells, CELL_DARK_LEVEL) : NULL;
    pixDestroy(&cells);
    PIX *ground = dark ? pixOpenBrick(NULL, dark, PATCH_CELLS, PATCH_CELLS) : NULL;
    pixDestroy(&dark);
    if (!ground)
        return -1;
    l_int32 count = 0;
    int rc = pixCountPixels(ground, &count, NULL);
    pixDestroy(&ground);
    return rc == 0 ? (double)count : -1;
}
