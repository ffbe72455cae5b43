/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Folio's public API: turn a scanned page of a Chinese-English journal into
 * repaired text and structured metadata.
 *
 * Lifecycle (mirrors Tesseract's capi.h):
 *   1. folio_error_create()             one per job or thread; reused freely
 *   2. folio_engine_create()            once per worker thread (~0.4 s, ~55 MB)
 *   3. folio_engine_convert()           any number of pages, one at a time
 *   4. folio_page_render()              each output format wanted
 *   5. folio_page_destroy()             after each page
 *   6. folio_engine_destroy()           when the worker ends
 *   7. folio_error_destroy()
 *
 * Error convention: functions return 0 on success or a negative folio_status,
 * or NULL on failure; in both cases the human message (naming the file and the
 * reason) is in the folio_error the caller passed. An engine and its pages
 * belong to one thread at a time.
 */
#ifndef FOLIO_FOLIO_H
#define FOLIO_FOLIO_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FOLIO_SCHEMA "folio/1"

/* Status codes. The CLI's exit code is the negated value. */
typedef enum folio_status {
    FOLIO_OK = 0,
    FOLIO_EUSAGE = -2,   /* bad arguments or parameters */
    FOLIO_EINPUT = -3,   /* input missing, unreadable, corrupt or refused */
    FOLIO_EENGINE = -4,  /* Tesseract or its language data unavailable */
    FOLIO_EOUTPUT = -5,  /* output cannot be written */
    FOLIO_ENOMEM = -6,   /* out of memory */
    FOLIO_ELIMIT = -7,   /* a page exceeded a time or size limit */
    FOLIO_EPARTIAL = -8, /* a batch finished but some pages failed */
    FOLIO_EINTR = -9,    /* interrupted by a signal */
} folio_status;

/* ---- errors ---------------------------------------------------------- */

typedef struct folio_error folio_error;

/** Create an empty error object. \return NULL only when out of memory. */
folio_error *folio_error_create(void);
/** Destroy *perr (NULL allowed) and set *perr to NULL. */
void folio_error_destroy(folio_error **perr);
/** Record an error; later calls overwrite earlier ones. \return code. */
int folio_error_set(folio_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Forget any recorded error. */
void folio_error_clear(folio_error *err);
/** \return the last code (0 if none). */
int folio_error_code(const folio_error *err);
/** \return the last message ("" if none); owned by err, valid until the next set/clear. */
const char *folio_error_message(const folio_error *err);
/** \return a short name for a status code ("input", "engine", ...); static string. */
const char *folio_status_name(int code);

/* ---- engine ---------------------------------------------------------- */

typedef struct folio_engine folio_engine;

typedef struct folio_engine_params {
    const char *lang;     /* Tesseract languages, default "chi_sim+eng" */
    const char *tessdata; /* directory holding *.traineddata, NULL: Tesseract's default */
    const char *models;   /* Folio's models/ directory, NULL: built-in default */
} folio_engine_params;

/** Fill p with defaults. */
void folio_engine_params_init(folio_engine_params *p);

/**
 * Create an engine: its Tesseract page handle initialized and ready (the
 * single-language line handles follow on first use). Limits Tesseract's
 * OpenMP to one thread for the whole process.
 * \return a new engine (caller destroys with folio_engine_destroy) or NULL
 *         with err set (FOLIO_EENGINE when language data is missing).
 */
folio_engine *folio_engine_create(const folio_engine_params *p, folio_error *err);
/** Destroy *pe (NULL allowed) and set *pe to NULL. */
void folio_engine_destroy(folio_engine **pe);
/** \return the tessdata directory in use (owned by the engine). */
const char *folio_engine_tessdata(const folio_engine *e);

/* ---- converting a page ---------------------------------------------- */

typedef struct folio_convert_params {
    int page;          /* 0-based page of a multi-page input */
    int dpi;           /* >0 overrides the image's resolution tag */
    bool orient;       /* detect and undo 90/180/270 rotation */
    bool deskew;       /* measure and undo small skew */
    bool crop;         /* remove dark borders and page edges */
    bool background;   /* normalize uneven background and paper tone */
    bool binarize;     /* hand Tesseract Folio's own binarization */
    bool rescale;      /* estimate resolution from the text and rescale */
    bool second_pass;  /* re-recognize lines that look wrong; read the citation's lines again */
    bool route_lines;  /* with chi_sim+eng: read each text line with the one model its print
                          looks like, the other only when in doubt (faster than Tesseract
                          trying both on most lines; --no-line-routing turns it off) */
    bool reread;       /* read the page again from Folio's black-and-white image when the
                          first reading left text lines of the page uncovered */
    double timeout_s;  /* per-page time limit from the page's start (loading, preprocessing,
                          both recognition passes), 0: none; over it: FOLIO_ELIMIT */
    const char *save_preprocessed; /* write the image Tesseract receives here */
} folio_convert_params;

/** Fill p with defaults (every step on, page 0, no dpi override). */
void folio_convert_params_init(folio_convert_params *p);

typedef struct folio_page folio_page;

/**
 * Read page p->page of the image at path, preprocess, recognize, repair and
 * structure it.
 * \return a new page (caller destroys with folio_page_destroy) or NULL with err set.
 */
folio_page *folio_engine_convert(folio_engine *e, const char *path, const folio_convert_params *p,
                                 folio_error *err);
struct Pix; /* Leptonica's image */

/**
 * Convert a page image the caller already decoded (e.g. a PDF page).
 * pix is not taken. name: how the page is named in messages and in the
 * JSON's source.path; page/pages: its place in the source (0-based);
 * dpi_tag: its resolution if known, else 0; sha256: of the source file, or NULL.
 * \return a new page (caller destroys with folio_page_destroy) or NULL with err set.
 */
folio_page *folio_engine_convert_pix(folio_engine *e, struct Pix *pix, const char *name, int page,
                                     int pages, int dpi_tag, const char *sha256,
                                     const folio_convert_params *p, folio_error *err);

/** Destroy *pp (NULL allowed) and set *pp to NULL. */
void folio_page_destroy(folio_page **pp);

/** \return the repaired page text in reading order (owned by the page). */
const char *folio_page_text(const folio_page *pg);
/** \return the mean word confidence (0-100), or -1 when no word was read. */
double folio_page_confidence(const folio_page *pg);
/** \return the input's SHA-256 as 64 hex digits (owned by the page). */
const char *folio_page_sha256(const folio_page *pg);
/**
 * \return a warning about the input that did not stop the conversion (an
 * implausible resolution tag that was ignored), naming the file; "" if none.
 * Owned by the page.
 */
const char *folio_page_note(const folio_page *pg);

/* ---- output ---------------------------------------------------------- */

typedef enum folio_format {
    FOLIO_FMT_TXT,
    FOLIO_FMT_JSON,
    FOLIO_FMT_MD,
    FOLIO_FMT_HOCR,
    FOLIO_FMT_ALTO,
    FOLIO_FMT_PDF,
    FOLIO_FMT_JATS,
    FOLIO_FMT_BIBTEX,
    FOLIO_FMT_RIS,
    FOLIO_FMT_CSL,
    FOLIO_FMT_COUNT
} folio_format;

/** \return the format named name ("txt", "json", ...) or -1. */
int folio_format_from_name(const char *name);
/** \return the format's name, also its file extension's stem; static string. */
const char *folio_format_name(folio_format f);
/** \return the file extension for f (without dot); static string. */
const char *folio_format_ext(folio_format f);

/**
 * Render a converted page.
 * \param out  receives a malloc'd buffer (caller frees with free()); NUL-terminated
 *             for text formats, binary for PDF.
 * \param len  receives the length in bytes, excluding the terminating NUL.
 * \return 0 or a negative folio_status with err set.
 */
int folio_page_render(const folio_page *pg, folio_format f, char **out, size_t *len,
                      folio_error *err);

/**
 * Write len bytes to path atomically: a temporary file in the same directory,
 * fsync, rename, directory fsync. On any failure no file is left at path or
 * beside it. A path naming an existing device, FIFO or socket (/dev/null,
 * /dev/stdout) is opened and written, never replaced; a directory is refused.
 * \return 0 or FOLIO_EOUTPUT with err set.
 */
int folio_write_atomic(const char *path, const void *data, size_t len, folio_error *err);

/* ---- versions -------------------------------------------------------- */

/** \return Folio's version string; static. */
const char *folio_version(void);
/** \return Tesseract's version string; static. */
const char *folio_tesseract_version(void);
/** \return Leptonica's version string; caller frees with free(). */
char *folio_leptonica_version(void);

#ifdef __cplusplus
}
#endif

#endif /* FOLIO_FOLIO_H */
