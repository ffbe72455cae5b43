/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Page orientation (0/90/180/270). Two detectors: Leptonica's
 * ascender/descender statistics (fast, needs some Latin text) and
 * Tesseract's OSD (slower, script-aware). On the dev pages both are right on
 * all 37, but Leptonica is firm on all of them in ~20 ms while OSD takes
 * ~0.3 s and is unsure on six; on a Chinese-only page Leptonica is unsure
 * and OSD right. So Leptonica decides when firm, OSD when it is not, and
 * when neither is firm, or the page shows no lines of text at all (blank,
 * noise, a picture), the page is left as it is. Rotations here are degrees
 * to turn clockwise to make the page upright; Tesseract's orient_deg is how
 * far the content is turned clockwise, so the two add up to 360.
 */
#include "preprocess.h"
#include "text.h"

#include <stdlib.h>
#include <tesseract/capi.h>

/* The OSD engine costs ~36 MB a worker (measured with VmRSS around Init3) and
 * is needed only on pages where Leptonica is unsure: it is loaded once to
 * check the data is there, released, and loaded again on first use. */
struct folio_osd {
    TessBaseAPI *api;
    char *tessdata; /* owned; NULL: Tesseract's default */
    bool ready;     /* api holds the engine */
};

/* Leptonica's own decision thresholds (makeOrientDecision defaults). */
#define LEPT_MIN_CONF 8.0f
#define LEPT_MIN_RATIO 2.5f
/* OSD confidence below this is a guess (measured on the dev pages). */
#define OSD_MIN_CONF 4.0f
/* Both detectors read text at about this resolution, reduced with these
 * rank thresholds (measured: OSD's confidence on the rotated dev pages
 * doubles when strokes stay thin; Leptonica prefers them a little fuller). */
#define ORIENT_DPI 150
#define LEPT_RANK 2
#define OSD_RANK 3

folio_osd *folio_osd_create(const char *tessdata)
{
    folio_osd *o = calloc(1, sizeof(*o));
    if (!o)
        return NULL;
    o->api = TessBaseAPICreate();
    o->tessdata = tessdata ? folio_strdup(tessdata) : NULL;
    if (!o->api || (tessdata && !o->tessdata) || TessBaseAPIInit3(o->api, tessdata, "osd") != 0) {
        folio_osd_destroy(&o);
        return NULL;
    }
    TessBaseAPIEnd(o->api);
    return o;
}

/* Load the engine if it is not loaded. \return whether it is. */
static bool osd_ready(folio_osd *o)
{
    if (!o->ready && TessBaseAPIInit3(o->api, o->tessdata, "osd") == 0) {
        TessBaseAPISetPageSegMode(o->api, PSM_OSD_ONLY);
        TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
        o->ready = true;
    }
    return o->ready;
}

void folio_osd_destroy(folio_osd **po)
{
    if (!po || !*po)
        return;
    if ((*po)->api) {
        TessBaseAPIEnd((*po)->api);
        TessBaseAPIDelete((*po)->api);
    }
    free((*po)->tessdata);
    free(*po);
    *po = NULL;
}

/*
 * A copy of pixb at about ORIENT_DPI, never upscaled. level is the rank
 * reduction threshold (1-4 of the 2x2 pixels ON): higher keeps strokes thin.
 */
static PIX *reduce_for_orient(PIX *pixb, int dpi, int level, int *dpi_out)
{
    *dpi_out = dpi;
    if (dpi >= 3 * ORIENT_DPI) {
        *dpi_out = dpi / 4;
        return pixReduceRankBinaryCascade(pixb, level, level, 0, 0);
    }
    if (dpi >= 3 * ORIENT_DPI / 2) {
        *dpi_out = dpi / 2;
        return pixReduceRankBinaryCascade(pixb, level, 0, 0, 0);
    }
    return pixClone(pixb);
}

/*
 * Leptonica's up/left confidences as a turn: the stronger axis wins, firm
 * when it passes makeOrientDecision's thresholds (redone here because that
 * function writes to stderr when it is unsure). UP: upright; LEFT: tops
 * point left, turn 90 clockwise; DOWN: 180; RIGHT: tops point right, 270.
 */
static bool lept_decide(float up, float left, int *rotation, float *conf)
{
    float aup = L_ABS(up), aleft = L_ABS(left);
    bool vertical = aleft > aup;
    *conf = vertical ? aleft : aup;
    *rotation = vertical ? (left > 0 ? 90 : 270) : (up < 0 ? 180 : 0);
    float other = vertical ? aup : aleft;
    return *conf >= LEPT_MIN_CONF && *conf > LEPT_MIN_RATIO * other;
}

int folio_orient_leptonica(PIX *pixb, int dpi, int *rotation, float *conf)
{
    *rotation = 0;
    *conf = 0;
    if (!pixb || pixGetDepth(pixb) != 1)
        return -1;
    int rdpi, rc = -1;
    PIX *pixr = reduce_for_orient(pixb, dpi, LEPT_RANK, &rdpi);
    l_float32 up = 0, left = 0;
    if (!pixr || pixOrientDetect(pixr, &up, &left, 0, 0) != 0)
        goto done;
    if (!lept_decide(up, left, rotation, conf))
        *conf = L_MIN(*conf, LEPT_MIN_CONF - 0.01f); /* unsure: never reads as firm */
    rc = 0;
done:
    pixDestroy(&pixr);
    return rc;
}

int folio_orient_osd(folio_osd *osd, PIX *pixb, int dpi, int *rotation, float *conf)
{
    *rotation = 0;
    *conf = 0;
    if (!osd || !pixb || pixGetDepth(pixb) != 1 || !osd_ready(osd))
        return -1;
    int rdpi, deg = 0, rc = -1;
    float oconf = 0, sconf = 0;
    const char *script = NULL;
    PIX *pixr = reduce_for_orient(pixb, dpi, OSD_RANK, &rdpi);
    if (!pixr)
        goto done;
    TessBaseAPISetImage2(osd->api, pixr);
    TessBaseAPISetSourceResolution(osd->api, rdpi > 0 ? rdpi : ORIENT_DPI);
    if (TessBaseAPIDetectOrientationScript(osd->api, &deg, &oconf, &script, &sconf)) {
        /* A page whose tops point right reads 90 and needs 270 more. */
        *rotation = (360 - deg) % 360;
        *conf = oconf;
        rc = 0;
    }
    TessBaseAPIClear(osd->api);
done:
    pixDestroy(&pixr);
    return rc;
}

/* Lines of text either way: the resolution estimator finds them, upright or turned. */
static bool has_text_lines(PIX *pixb, int dpi)
{
    int rdpi;
    PIX *pixr = reduce_for_orient(pixb, dpi, LEPT_RANK, &rdpi);
    PIX *pixt = pixr ? pixRotateOrth(pixr, 1) : NULL;
    bool found = pixt && (folio_resolution_estimate(pixr, NULL) > 0 ||
                          folio_resolution_estimate(pixt, NULL) > 0);
    pixDestroy(&pixr);
    pixDestroy(&pixt);
    return found;
}

void folio_orient_detect(folio_osd *osd, PIX *pixb, int dpi, int *rotation, float *conf,
                         bool *applied, const char **method)
{
    int rot = 0;
    float c = 0;
    *rotation = 0;
    *conf = 0;
    *applied = false;
    *method = osd ? "leptonica" : "leptonica (no osd data)";
    if (!pixb || !has_text_lines(pixb, dpi)) /* blank, noise, a picture: nothing to read */
        return;
    folio_orient_leptonica(pixb, dpi, &rot, &c);
    *conf = c;
    if (c >= LEPT_MIN_CONF) {
        *rotation = rot;
        *applied = true;
        return;
    }
    if (!osd)
        return;
    if (folio_orient_osd(osd, pixb, dpi, &rot, &c) != 0)
        return;
    *method = "osd";
    *conf = c;
    if (c >= OSD_MIN_CONF) {
        *rotation = rot;
        *applied = true;
    }
}
