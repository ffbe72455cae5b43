/* SPDX-License-Identifier: Apache-2.0 */
/*
 * GB/T 7714 citation parsing: one printed reference string in, its parts out
 * (citation.c); and the parts out again as BibTeX, RIS or CSL-JSON
 * (render_cite.c). Pure functions, no I/O.
 */
#ifndef FOLIO_CITATION_H
#define FOLIO_CITATION_H

#include <stdbool.h>
#include <stddef.h>

typedef struct folio_citation {
    char **authors;    /* n_authors malloc'd strings, as printed ("蒲清平", "PU Q P") */
    size_t n_authors;
    bool et_al;        /* 等 / et al. was printed */
    char *title;
    char *type;        /* "J", "M", "C", "D", "R", "S", "P", "N", "EB/OL", ...; NULL if not printed */
    char *journal;     /* journal, or for [M] the publisher; container title for [C] */
    char *place;       /* place of publication ([M], [C], [D]); NULL otherwise */
    int year;          /* 0 when absent */
    char *volume;
    char *issue;
    char *pages;       /* "37-48", or an article number */
    char *doi;         /* bare DOI, no prefix, no spaces */
    char *url;         /* [EB/OL] and others */
    char *date;        /* publication or access date printed in brackets, if any */
} folio_citation;

/**
 * Parse one citation string.
 * \return a new citation (caller destroys with folio_citation_destroy), or NULL
 *         when text is NULL, empty or does not look like a citation at all.
 */
folio_citation *folio_citation_parse(const char *text);

/** Destroy *pc (NULL allowed) and set *pc to NULL. */
void folio_citation_destroy(folio_citation **pc);

/* ---- export (render_cite.c) ----------------------------------------- */

typedef enum folio_cite_format {
    FOLIO_CITE_BIBTEX, /* one @type{key, ...} entry */
    FOLIO_CITE_RIS,    /* TY ... ER, CRLF line ends */
    FOLIO_CITE_CSL,    /* CSL-JSON: an array holding one item */
} folio_cite_format;

/* Page metadata an export may carry besides the citation. Every member may
 * be NULL/0; nothing is copied or kept. */
typedef struct folio_cite_meta {
    const char *lang; /* "zh", "en" (or another tag); NULL: guessed from the title */
    const char *abstract;
    const char *const *keywords; /* n_keywords strings */
    size_t n_keywords;
} folio_cite_meta;

/**
 * Export a parsed citation.
 * \param c  the citation (not modified, not kept).
 * \param m  extra metadata, or NULL.
 * \return a malloc'd NUL-terminated string (caller frees with free()), or NULL
 *         when c is NULL, f is unknown or memory ran out.
 */
char *folio_citation_export(const folio_citation *c, folio_cite_format f, const folio_cite_meta *m);
/** BibTeX entry; lang as in folio_cite_meta. Caller frees; NULL on error. */
char *folio_citation_to_bibtex(const folio_citation *c, const char *lang);
/** RIS record; lang as in folio_cite_meta. Caller frees; NULL on error. */
char *folio_citation_to_ris(const folio_citation *c, const char *lang);
/** CSL-JSON array of one item; lang as in folio_cite_meta. Caller frees; NULL on error. */
char *folio_citation_to_csl(const folio_citation *c, const char *lang);
/**
 * The stable citation key the exporters use: the first author's Latin surname
 * (lower case) or "folio", the year, "_" and six hex digits hashed from the
 * DOI (or the title): "li2023_4be1f0", "folio2024_0c9a7e".
 * \return a malloc'd string (caller frees), NULL when c is NULL or out of memory.
 */
char *folio_citation_key(const folio_citation *c);

#endif /* FOLIO_CITATION_H */
