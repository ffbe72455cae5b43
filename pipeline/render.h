/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Output renderers, one file each (render_json.c, render_txt.c, ...); this
 * header is their common signature, render.c the dispatch by format, and
 * below it the two helpers several renderers share: a line's text cut into
 * word runs with boxes (render_runs.c) and a small XML writer over libxml2
 * (render_xml.c).
 */
#ifndef FOLIO_RENDER_H
#define FOLIO_RENDER_H

#include "page.h"
#include "text.h"

/* Each renderer appends its whole document to out. \return 0 or <0 with err set. */
typedef int (*folio_renderer)(const folio_page *pg, folio_buf *out, folio_error *err);

int folio_render_json(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_txt(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_md(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_hocr(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_alto(const folio_page *pg, folio_buf *out, folio_error *err);
/* Needs pg->image for the picture; without it the PDF holds the text layer only. */
int folio_render_pdf(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_jats(const folio_page *pg, folio_buf *out, folio_error *err);
/* The page's citation (render_meta.c): the parsed one, else one built from the fields. */
int folio_render_bibtex(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_ris(const folio_page *pg, folio_buf *out, folio_error *err);
int folio_render_csl(const folio_page *pg, folio_buf *out, folio_error *err);

/* ---- word runs (render_runs.c) -------------------------------------- */

/*
 * One word as the layout formats show it: a piece of the line's repaired
 * text between two spaces. Chinese comes out as runs of characters (the
 * repaired text has no spaces inside them), never one element a character.
 */
typedef struct folio_run {
    char *text;    /* UTF-8, no white space, owned by the run list */
    folio_box box; /* page pixels: the union of the recognized pieces it came from */
    float conf;    /* 0-100 */
    bool han;      /* holds at least one Han character */
} folio_run;

typedef struct folio_runs {
    folio_run *items; /* owned */
    size_t n;
} folio_runs;

/**
 * Cut ln->text at white space into runs and give each the box and confidence
 * of the recognized words its characters were aligned to. Boxes are clipped
 * to the page. out is overwritten (not freed first).
 * \return 0 or FOLIO_ENOMEM; either way free out with folio_runs_free().
 */
int folio_line_runs(const folio_page *pg, const folio_line *ln, folio_runs *out);
void folio_runs_free(folio_runs *r);

/**
 * The page's blocks in reading order: pg->blocks, or for a page with lines
 * but no blocks one block (*whole, filled here) holding every line.
 * \return the number of blocks at *out.
 */
size_t folio_render_blocks(const folio_page *pg, folio_block *whole, const folio_block **out);
/** The lines of block b, checked against the page: *first and the count. */
size_t folio_block_lines(const folio_page *pg, const folio_block *b, size_t *first);
/** \return "zh" when s holds a Han character, else "en" (NULL or empty: NULL). Static. */
const char *folio_text_lang(const char *s);

/* ---- PDF text placement (render_pdf_place.c) ------------------------- */

/* Where the PDF's invisible text draws one line. */
typedef struct folio_pdf_place {
    bool drawn;    /* the line is in one of the blocks drawn */
    int height;    /* ink height, page pixels, its font size comes from */
    int bottom;    /* baseline, page pixels */
    int right;     /* where its text ends, page pixels: its box's end, or short of a
                      line of another column on the same row */
} folio_pdf_place;

/**
 * Place every line of the blocks blocks[0..nb) (folio_render_blocks):
 * out[i] for pg->lines[i], pg->n_lines entries, filled here. Lines that
 * follow each other down one column share a size; a column beside another
 * gets a size extractors do not join with it (render_pdf_place.c).
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_pdf_place_lines(const folio_page *pg, const folio_block *blocks, size_t nb,
                          folio_pdf_place *out);

/* ---- XML (render_xml.c) --------------------------------------------- */

/*
 * A document being written with libxml2's xmlTextWriter, indented. Every
 * string passes through libxml2's escaping after bytes that XML cannot carry
 * (invalid UTF-8, control characters) were replaced. Errors are sticky: after
 * the first failure every call does nothing and folio_xml_finish reports it.
 */
typedef struct folio_xml folio_xml;

/** Start a document; dtd_name NULL: no DOCTYPE. \return NULL when out of memory. */
folio_xml *folio_xml_begin(const char *dtd_name, const char *pubid, const char *sysid);
void folio_xml_start(folio_xml *x, const char *name);
/** An attribute of the element just started; NULL value: none written. */
void folio_xml_attr(folio_xml *x, const char *name, const char *value);
void folio_xml_attrf(folio_xml *x, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void folio_xml_text(folio_xml *x, const char *text);
/** <name>text</name>; nothing when text is NULL or empty. */
void folio_xml_elem(folio_xml *x, const char *name, const char *text);
/** <name xml:lang="lang">text</name>; nothing when text is NULL or empty. */
void folio_xml_elem_lang(folio_xml *x, const char *name, const char *lang, const char *text);
void folio_xml_end(folio_xml *x);
/**
 * End the document, append it to out and destroy *px (set to NULL).
 * \return 0, or FOLIO_ENOMEM when any step failed (nothing appended).
 */
int folio_xml_finish(folio_xml **px, folio_buf *out);

#endif /* FOLIO_RENDER_H */
