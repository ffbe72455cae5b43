/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Leptonica preprocessing: orientation, deskew, border and background
 * cleanup, binarization and resolution, each step measured, reported and
 * switchable. One folio_preprocess per worker thread (it may own an OSD
 * Tesseract handle).
 *
 * The steps live one family a file (orient.c, deskew.c, border.c,
 * background.c, binarize.c, resolution.c); their functions are declared at
 * the end of this header so the tests and tools can measure each one alone.
 */
#ifndef FOLIO_PREPROCESS_H
#define FOLIO_PREPROCESS_H

#include "page.h"

#include <leptonica/allheaders.h>

typedef struct folio_preprocess folio_preprocess;

typedef struct folio_preprocess_params {
    bool orient, deskew, crop, background, binarize, rescale;
    int dpi_override; /* >0: trust this instead of the file's tag */
} folio_preprocess_params;

/** Fill p with defaults (every step on). */
void folio_preprocess_params_init(folio_preprocess_params *p);

/**
 * Create the preprocessing context. tessdata: where osd.traineddata lives
 * (NULL: Tesseract's default); without it orientation falls back to Leptonica.
 * \return a new context (destroy with folio_preprocess_destroy) or NULL with err set.
 */
folio_preprocess *folio_preprocess_create(const char *tessdata, folio_error *err);
void folio_preprocess_destroy(folio_preprocess **pp);

/**
 * Run every enabled step on pixs (not taken; the caller still destroys it).
 * dpi_in: the file's resolution tag, 0 if none.
 * \return the image to hand Tesseract (caller destroys with pixDestroy), with
 *         rep filled in, or NULL with err set.
 */
PIX *folio_preprocess_run(folio_preprocess *pp, PIX *pixs, int dpi_in,
                          const folio_preprocess_params *p, folio_preprocess_report *rep,
                          folio_error *err);

/**
 * folio_preprocess_run that also hands back Folio's 1 bpp text mask in the
 * geometry of the returned image: *pmask (caller destroys with pixDestroy)
 * when pmask is non-NULL, NULL on failure.
 */
PIX *folio_preprocess_run_mask(folio_preprocess *pp, PIX *pixs, int dpi_in,
                               const folio_preprocess_params *p, folio_preprocess_report *rep,
                               PIX **pmask, folio_error *err);

/** \return true when the context has a working OSD engine (osd.traineddata found). */
bool folio_preprocess_has_osd(const folio_preprocess *pp);

/* ---- the steps, exposed for tests and tools ---------------------------
 * Unless said otherwise, PIX arguments are not taken (the caller still
 * destroys them) and returned PIX are new (the caller destroys them).
 * "dpi" arguments are the best current guess; they only size filters.
 */

/* preprocess.c */
/**
 * \return pixs as 8 bpp gray (colormap removed, RGB as luminance), or NULL;
 * a clone of pixs when it already is plain 8 bpp: copy before writing to it.
 */
PIX *folio_pre_to_gray(PIX *pixs);

/* orient.c: 90/180/270 turns */
typedef struct folio_osd folio_osd;
/** \return an OSD engine, or NULL when osd.traineddata cannot be loaded from tessdata. */
folio_osd *folio_osd_create(const char *tessdata);
void folio_osd_destroy(folio_osd **po);
/**
 * Leptonica's ascender/descender statistics on pixb (1 bpp, text black).
 * \param rotation out: degrees to turn clockwise to make the page upright
 * \param conf     out: the winning |confidence| (Leptonica's units, >= 8 is firm)
 * \return 0, or -1 when pixb is not 1 bpp
 */
int folio_orient_leptonica(PIX *pixb, int dpi, int *rotation, float *conf);
/** Tesseract's OSD on pixb (1 bpp), same outputs in its units. \return 0, -1: no answer. */
int folio_orient_osd(folio_osd *osd, PIX *pixb, int dpi, int *rotation, float *conf);
/**
 * The decision Folio uses: Leptonica first, OSD (when osd is not NULL) when
 * Leptonica is unsure. *applied is false when no method was confident;
 * *method is a static string naming who decided.
 */
void folio_orient_detect(folio_osd *osd, PIX *pixb, int dpi, int *rotation, float *conf,
                         bool *applied, const char **method);

/* deskew.c: small skew, counter-clockwise positive like the corpus truth */
/**
 * Measure the skew of pixb (1 bpp) within +-10 degrees.
 * \return 0 with *angle (degrees, counter-clockwise positive) and *conf
 *         (Leptonica's score ratio, >= 3 is trustworthy), or -1.
 */
int folio_deskew_find(PIX *pixb, int dpi, float *angle, float *conf);
/** \return pix (1 or 8 bpp) turned clockwise by angle degrees, white brought in, same size. */
PIX *folio_deskew_rotate(PIX *pix, float angle);

/* border.c: scanner-lid bands and dark page edges */
/**
 * Find dark regions connected to the image edge that are solid or long
 * straight lines (never print), in gray (8 bpp, unnormalized).
 * \param crop out: x, y, w, h of the page inside full-length bands (w == 0: none)
 * \return a 1 bpp mask of those regions (ON = border) or NULL when there is none.
 */
PIX *folio_border_mask(PIX *gray, int dpi, int crop[4]);

/* background.c: uneven illumination, paper tone */
/** \return gray (8 bpp) with its background flattened to 200, or NULL (too small, or
 *  Leptonica could not map the background: go on with the page as it is). */
PIX *folio_background_normalize(PIX *gray);
/** \return the paper level of gray (8 bpp): the brightness most pixels reach. */
int folio_background_paper_level(PIX *gray);

/* binarize.c: text mask, speckles, the image Tesseract receives */
/**
 * Hysteresis threshold relative to the paper level (best on a normalized page):
 * dark seeds grown into the fainter pixels touching them, so bleed-through
 * and noise stay out and thin strokes stay in; isolated specks removed.
 * \return the 1 bpp text mask (ON = ink), or NULL.
 */
PIX *folio_binarize_text(PIX *norm, int dpi);
/**
 * Make norm (8 bpp, changed in place) the clean gray image: stretched so
 * paper is white, everything farther than a few pixels from mask (1 bpp, same
 * size) set to white. \return 0, or -1 on bad arguments or out of memory.
 */
int folio_binarize_clean_gray(PIX *norm, PIX *mask, int dpi);
/** Set the pixels of gray (8 bpp) where mask (1 bpp) is polarity (1: ON, 0: OFF) to white. */
void folio_binarize_whiten(PIX *gray, PIX *mask, int polarity);
/** \return a copy of pixb (1 bpp) without the components no larger than size x size pixels. */
PIX *folio_binarize_despeckle(PIX *pixb, int size);

/* resolution.c: the scale of the text itself */
/**
 * Estimate the resolution from the height of text lines in pixb (1 bpp,
 * upright and deskewed), calibrated on 10.5 pt body text.
 * \param line_h out (may be NULL): the median text-line height in pixels
 * \return the estimate in dpi, or 0 when there is too little text.
 */
int folio_resolution_estimate(PIX *pixb, float *line_h);
/**
 * Choose the resolution to believe: the tag when the text agrees with it
 * (or when there is no estimate), otherwise the estimate.
 */
int folio_resolution_choose(int dpi_tag, int dpi_est);

#endif /* FOLIO_PREPROCESS_H */
