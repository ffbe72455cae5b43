/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The text mask and the image Tesseract receives. Once the paper is flat,
 * print, bleed-through and noise differ in contrast: print has a dark core,
 * bleed-through and noise only reach half-way. A hysteresis threshold keeps
 * every faint pixel connected to a dark core (thin strokes of Song type
 * survive) and drops faint blobs without one (the back page). Specks smaller
 * than a full stop are removed. The gray image keeps its antialiasing near
 * the text and is set to white everywhere else.
 *
 * Tesseract gets that gray image, not the mask: measured through folio on
 * the dev pages (CER gray / mask) bad 2.5% / 4.6%, fax 4.0% / 6.3%, scan
 * 1.15% / 1.08%, clean 0.90% / 1.07%; Tesseract's LSTM reads the gray
 * pixels, and its own Otsu on the cleaned page finds the same lines.
 */
#include "preprocess.h"

#include <string.h>

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

void folio_binarize_whiten(PIX *gray, PIX *mask, int polarity)
{
    if (!gray || pixGetDepth(gray) != 8 || !mask || pixGetDepth(mask) != 1)
        return;
    /* Whole 32-pixel runs go at once: most of a page is far from any text. */
    l_uint32 skip = polarity ? 0 : 0xffffffff, fill = ~skip;
    int w = L_MIN(pixGetWidth(gray), pixGetWidth(mask));
    int h = L_MIN(pixGetHeight(gray), pixGetHeight(mask));
    int wplg = pixGetWpl(gray), wplm = pixGetWpl(mask);
    l_uint32 *datag = pixGetData(gray), *datam = pixGetData(mask);
    for (int y = 0; y < h; y++) {
        l_uint32 *lineg = datag + y * wplg, *linem = datam + y * wplm;
        for (int x0 = 0; x0 < w; x0 += 32) {
            l_uint32 word = linem[x0 / 32];
            if (word == skip)
                continue;
            if (word == fill && x0 + 32 <= w) {
                memset(lineg + x0 / 4, 0xff, 32);
                continue;
            }
            for (int x = x0; x < L_MIN(x0 + 32, w); x++)
                if ((int)GET_DATA_BIT(linem, x) == polarity)
                    SET_DATA_BYTE(lineg, x, 255);
        }
    }
}

int folio_binarize_clean_gray(PIX *norm, PIX *mask, int dpi)
{
    if (!norm || pixGetDepth(norm) != 8 || pixGetColormap(norm) || !mask || pixGetDepth(mask) != 1)
        return -1;
    int paper = folio_background_paper_level(norm);
    int r = (int)(GRAY_NEAR_MM * (dpi > 0 ? dpi : 300) / 25.4 + 0.5);
    PIX *near = pixDilateBrick(NULL, mask, 2 * r + 1, 2 * r + 1);
    if (!near)
        return -1;
    pixGammaTRC(norm, norm, 1.0f, 0, L_MAX((int)(paper * GRAY_WHITE), 16));
    folio_binarize_whiten(norm, near, 0);
    pixDestroy(&near);
    return 0;
}
