/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The text mask and the image Tesseract receives. Once the paper is flat,
 * print, bleed-through and noise differ in contrast: print has a dark core,
 * bleed-through and noise only reach half-way. A hysteresis threshold keeps
 * every faint pixel connected to a dark core (thin strokes of Song type
 * survive) and drops faint blobs without one (the back page). Specks smaller
 * than a full stop are removed. The gray image keeps its antialiasing near
 * the text and is set to white everywhere else.
 */
#include "preprocess.h"
#include <stdlib.h>

/* Fractions of the paper level: a pixel darker than STRONG seeds print,
 * one darker than WEAK joins the print it touches. */
#define BIN_STRONG 0.60
#define BIN_WEAK 0.82
/* The clean gray maps this fraction of the paper level and above to white. */
#define GRAY_WHITE 0.95
#define GRAY_NEAR_MM 0.35 /* how far from the mask the gray is kept */

static int speck_size(int dpi)
{
    return dpi >= 250 ? 3 : dpi >= 150 ? 2 : 1;
}

PIX *folio_binarize_despeckle(PIX *pixb, int size)
{
    if (!pixb || pixGetDepth(pixb) != 1)
        return NULL;
    return pixSelectBySize(pixb, size, size, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
}

PIX *folio_binarize_text(PIX *norm, int dpi)
{
    PIX *strong = NULL, *weak = NULL, *pixd = NULL;
    if (!norm || pixGetDepth(norm) != 8)
        return NULL;
    int paper = folio_background_paper_level(norm);
    strong = pixThresholdToBinary(norm, (int)(paper * BIN_STRONG));
    weak = pixThresholdToBinary(norm, (int)(paper * BIN_WEAK));
    if (!strong || !weak)
        goto done;
    pixSeedfillBinary(strong, strong, weak, 8);
    pixd = folio_binarize_despeckle(strong, speck_size(dpi));
    if (pixd)
        pixCopyResolution(pixd, norm);
done:
    pixDestroy(&strong);
    pixDestroy(&weak);
    return pixd;
}

PIX *folio_binarize_clean_gray(PIX *norm, PIX *mask, int dpi)
{
    PIX *near = NULL, *pixd = NULL;
    if (!norm || pixGetDepth(norm) != 8 || !mask || pixGetDepth(mask) != 1)
        return NULL;
    int paper = folio_background_paper_level(norm);
    int r = (int)(GRAY_NEAR_MM * (dpi > 0 ? dpi : 300) / 25.4 + 0.5);
    near = pixDilateBrick(NULL, mask, 2 * r + 1, 2 * r + 1);
    double gw = getenv("EXP_GW") ? atof(getenv("EXP_GW")) : GRAY_WHITE; /* EXPERIMENT */
    pixd = pixGammaTRC(NULL, norm, 1.0f, 0, L_MAX((int)(paper * gw), 16));
    if (!near || !pixd) {
        pixDestroy(&pixd);
        goto done;
    }
    pixInvert(near, near);
    pixSetMasked(pixd, near, 255);
done:
    pixDestroy(&near);
    return pixd;
}
