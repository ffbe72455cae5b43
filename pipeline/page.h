/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The page model every stage reads and writes: words, lines and blocks as
 * recognized and repaired, the structured fields, and what each stage did.
 * struct folio_page is private to the library; the public API sees it opaque.
 */
#ifndef FOLIO_PAGE_H
#define FOLIO_PAGE_H

#include "folio/folio.h"
#include "citation.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct folio_box {
    int x, y, w, h; /* pixels of the upright page (after orientation, deskew and crop,
                       scaled back to input resolution), top-left origin */
} folio_box;

typedef enum folio_script { FOLIO_SCRIPT_OTHER, FOLIO_SCRIPT_HAN, FOLIO_SCRIPT_LATIN } folio_script;

typedef struct folio_word {
    char *text;         /* UTF-8, owned */
    folio_box box;
    float conf;         /* 0-100 */
    folio_script script;
    bool space_before;  /* Tesseract's line text has white space before this word */
} folio_word;

typedef struct folio_line {
    folio_word *words;  /* owned array */
    size_t n_words;
    char *text;         /* the line's repaired text, owned */
    folio_box box;
    float conf;         /* mean word confidence */
    int block;          /* index into folio_page.blocks */
    int para;           /* Tesseract paragraph number within the page */
    bool para_start;    /* first line of a paragraph */
    char *alt_text;     /* a second reading of the whole line (altread.h), repaired, owned;
                           NULL when the line was not read again */
    float alt_conf;     /* its mean confidence */
} folio_line;

typedef struct folio_block {
    char *text;         /* the block's repaired text, lines joined, owned */
    folio_box box;
    float conf;
    const char *label;  /* static string: "body", "title_zh", ... or NULL */
    size_t first_line;  /* lines[first_line .. first_line + n_lines) */
    size_t n_lines;
} folio_block;

typedef struct folio_strlist {
    char **items;       /* owned strings */
    size_t n;
} folio_strlist;

/* The output contract of ../shared/corpus/README.md, one member per key. */
typedef struct folio_fields {
    char *journal_zh, *journal_en;
    char *title_zh, *title_en;
    folio_strlist authors_zh, authors_en;
    char *affiliation_zh, *affiliation_en;
    char *abstract_zh, *abstract_en;
    folio_strlist keywords_zh, keywords_en;
    char *clc, *doc_code, *article_no, *doi;
    char *received, *online;
    char *funding, *author_bio;
    char *citation_zh, *citation_en;
    folio_citation *citation; /* parsed citation_zh, or NULL */
} folio_fields;

typedef struct folio_preprocess_report {
    int rotation;        /* degrees turned clockwise to make the page upright: 0/90/180/270 */
    float orient_conf;   /* confidence of the orientation decision */
    bool orient_applied;
    float skew_deg;      /* measured skew, counter-clockwise positive */
    float skew_conf;
    bool skew_applied;
    int crop[4];         /* x, y, w, h kept, in input pixels; w==0: no crop */
    int dpi_in;          /* the file's resolution tag, 0 if none or implausible */
    int dpi_est;         /* resolution estimated from the text, 0 if not estimated */
    int dpi_used;        /* resolution handed to Tesseract (after any rescale) */
    float scale;         /* rescale factor applied, 1 if none */
    const char *binarize;/* static: "none" (gray), "hysteresis" (Folio's mask), "input-1bpp" */
    bool background;
    double ms;
    const char *orient_method; /* static: who decided the orientation: "leptonica", "osd",
                                  "leptonica (no osd data)", or "off" */
} folio_preprocess_report;

/* Did recognition leave print unread, and did reading the page again help? */
typedef struct folio_reread_report {
    int components;   /* text-sized components of Folio's text mask (coverage.h) */
    int unread;       /* of them, not accounted for by the recognized words,
                         -1: not measured */
    bool tried;       /* the page was read again from Folio's black-and-white image */
    int unread_alt;   /* the same count for that second reading */
    bool kept;        /* the second reading replaced the first */
    double dark_ground_mm2; /* page area on dark ground (dark_ground.h), -1: not measured */
    bool invert;      /* Tesseract also tried doubtful lines inverted */
    int lines_routed; /* lines the first reading read one by one, each with the model its
                         print looks like (ocr_route.h); -1: Tesseract read the page whole */
    int lines_read_twice; /* of them, read by both models (the first reading in doubt) */
} folio_reread_report;

enum folio_stage {
    FOLIO_STAGE_LOAD,
    FOLIO_STAGE_PREPROCESS,
    FOLIO_STAGE_OCR,
    FOLIO_STAGE_REPAIR,
    FOLIO_STAGE_LAYOUT,
    FOLIO_STAGE_ALTREAD,
    FOLIO_STAGE_FIELDS,
    FOLIO_STAGE_COUNT
};

struct folio_page {
    char *source_path;   /* as given */
    int source_page;     /* 0-based */
    int source_pages;    /* pages in the input file */
    char sha256[65];
    int width, height;   /* input image, pixels */
    int dpi;             /* resolution of the input image as used */
    folio_preprocess_report pre;
    folio_reread_report reread;

    folio_line *lines;   /* owned, reading order once layout has run */
    size_t n_lines;
    folio_block *blocks; /* owned */
    size_t n_blocks;
    char *text;          /* final page text, owned */
    folio_fields fields;
    double timing_ms[FOLIO_STAGE_COUNT];
    double conf;         /* mean word confidence, -1 if none */

    /* The image Tesseract read, kept for renderers that embed it (PDF); owned.
       A page box (x, y) lies at ((x - image_off_x) * image_scale,
       (y - image_off_y) * image_scale) in it. */
    struct Pix *image;
    float image_scale;
    int image_off_x, image_off_y;
    char *tessdata;      /* the engine's tessdata directory (renderers find pdf.ttf there); owned */
    char note[256];      /* a warning about the input that did not stop the page, or "" */
};

/** \return the stage's name for timing reports; static. */
const char *folio_stage_name(int stage);

/** Allocate an empty page. \return NULL when out of memory. */
/** The smallest box holding a and b; an empty a (w or h <= 0) gives b. */
folio_box folio_box_union(folio_box a, folio_box b);

folio_page *folio_page_new(void);
/** Free every member of f and zero it. */
void folio_fields_clear(folio_fields *f);
/** Append a copy of s to l. \return 0 or FOLIO_ENOMEM. */
int folio_strlist_push(folio_strlist *l, const char *s);
void folio_strlist_clear(folio_strlist *l);

#endif /* FOLIO_PAGE_H */
