/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Loading one page of an input image: read the file once, hash it, check
 * its header against the limits before decoding anything, then decode the
 * requested page with Leptonica.
 */
#ifndef FOLIO_LOAD_H
#define FOLIO_LOAD_H

#include "folio/folio.h"

#include <leptonica/allheaders.h>
#include <stddef.h>

/*
 * The per-worker memory bound. Converting a page of N pixels holds the
 * decoded image (N bytes, 4N for colour) plus about FOLIO_WORK_BYTES_PER_PX
 * bytes a pixel at the peak: preprocessing's 8-bit working copies (gray,
 * background-normalized, mask, rotated, cropped, rescaled) and Tesseract's
 * own images and tables. Measured with /usr/bin/time -v on pages of 5 to
 * 69 Mpx (docs/RELIABILITY.md); a page whose estimate is over
 * max_work_bytes is refused before decoding, so N workers never need more
 * than about N x max_work_bytes.
 */
#define FOLIO_WORK_BYTES_PER_PX 12

/* A resolution tag outside this range is treated as absent (a note says so). */
#define FOLIO_DPI_MIN 50
#define FOLIO_DPI_MAX 4800

/*
 * A 1-bit page on which ink (ON pixels) covers more than this share of the
 * whole page and of its central 80% is white on black, and is inverted at
 * load. Measured on real 1-bit pages (the dev corpus's seven fax TIFFs, three
 * 1-bit book scans, three Leptonica test pages): 5.1% to 18.4% of the page,
 * 6.7% to 27.6% of its centre; reversed, the same pages are 72% to 95% ink.
 */
#define FOLIO_INVERTED_INK 0.5

typedef struct folio_load_limits {
    size_t max_bytes;         /* file size */
    long long max_pixels;     /* width * height */
    int max_side;             /* width or height */
    int max_pages;            /* pages in one file */
    long long max_work_bytes; /* estimated working memory of one page; 0: no bound */
} folio_load_limits;

/**
 * Route Leptonica's messages into Folio's log (hidden unless FOLIO_DEBUG=1)
 * instead of raw stderr. Process-wide and idempotent; every load entry point
 * and folio_engine_create call it, before their first Leptonica call.
 */
void folio_lept_messages_route(void);

/** Fill lim with the documented defaults (ample for A3 at 600 dpi). */
void folio_load_limits_init(folio_load_limits *lim);

typedef struct folio_loaded {
    PIX *pix;           /* the decoded page; caller destroys with pixDestroy */
    int width, height;
    int depth;          /* bits per pixel after decoding */
    int dpi;            /* the file's resolution tag, 0 if none */
    int pages;          /* pages in the file */
    const char *format; /* static: "png", "jpeg", "tiff", "pnm", ... */
    char sha256[65];    /* of the whole file */
    char note[256];     /* warnings that did not stop loading (ignored dpi tag, inverted
                           bilevel page), "; " between two, or "" */
} folio_loaded;

/**
 * Load page `page` (0-based) of the image at path. A 1-bit page that decodes
 * white on black (see FOLIO_INVERTED_INK) is inverted, and out->note says so.
 * \return 0 with *out filled (caller owns out->pix) or FOLIO_EINPUT / FOLIO_ENOMEM
 *         with err naming the file and the reason; out->pix is NULL then.
 */
int folio_load_page(const char *path, int page, const folio_load_limits *lim,
                    folio_loaded *out, folio_error *err);

/**
 * Load page `page` of an image held in memory (the bytes need not be
 * NUL-terminated; they are not kept). name: how the file is named in
 * messages. Same checks and results as folio_load_page.
 */
int folio_load_page_mem(const char *name, const unsigned char *data, size_t len, int page,
                        const folio_load_limits *lim, folio_loaded *out, folio_error *err);

/**
 * Count the pages of the image at path without decoding pixels.
 * \return the count (>=1) or a negative folio_status with err set.
 */
int folio_load_count_pages(const char *path, const folio_load_limits *lim, folio_error *err);

/**
 * Check page `page` of the file at path against the limits without decoding
 * it: what folio_load_page refuses on the file's size, format, framing,
 * page count and header alone is refused here, in milliseconds, so a caller
 * can refuse a bad input before starting an engine.
 *
 * \return 0 or a negative folio_status with err set.
 */
int folio_load_check(const char *path, int page, const folio_load_limits *lim, folio_error *err);

/** SHA-256 of len bytes as 64 lower-case hex digits + NUL into hex[65]. \return 0 or <0. */
int folio_sha256_hex(const void *data, size_t len, char hex[65]);

#endif /* FOLIO_LOAD_H */
