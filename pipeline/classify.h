/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Line and block labelling of a journal's first page: which line is the
 * running header, the Chinese title, the authors, the abstract, a footnote...
 * decided from the evidence a reader uses: label cues (labels.h), position,
 * text size, language (Han vs Latin share) and centring. Private to the
 * fields stage.
 */
#ifndef FOLIO_CLASSIFY_H
#define FOLIO_CLASSIFY_H

#include "labels.h"
#include "page.h"

typedef enum folio_kind {
    FOLIO_KIND_NONE,
    FOLIO_KIND_HEADER,
    FOLIO_KIND_DOI,
    FOLIO_KIND_TITLE_ZH,
    FOLIO_KIND_AUTHORS_ZH,
    FOLIO_KIND_AFFIL_ZH,
    FOLIO_KIND_ABSTRACT_ZH,
    FOLIO_KIND_KEYWORDS_ZH,
    FOLIO_KIND_META,
    FOLIO_KIND_TITLE_EN,
    FOLIO_KIND_AUTHORS_EN,
    FOLIO_KIND_AFFIL_EN,
    FOLIO_KIND_ABSTRACT_EN,
    FOLIO_KIND_KEYWORDS_EN,
    FOLIO_KIND_RECEIVED,
    FOLIO_KIND_ONLINE,
    FOLIO_KIND_FUNDING,
    FOLIO_KIND_BIO,
    FOLIO_KIND_CITE_ZH,
    FOLIO_KIND_CITE_EN,
    FOLIO_KIND_FOOTNOTE,
    FOLIO_KIND_BODY,
    FOLIO_KIND_COUNT
} folio_kind;

/* What the classifier decided for one line of the page. */
typedef struct folio_line_class {
    folio_kind kind;
    folio_cue_hit cue; /* label at the line's start, cue NONE if none */
    bool start;        /* first line of its field (the label, if any, is here) */
} folio_line_class;

/**
 * Classify every line of pg. out must hold pg->n_lines entries.
 * \return true when the page looks like an article's first page (front
 *         matter found); false: only header, body and footnotes were labelled.
 *         out is filled either way; on allocation failure every line is NONE
 *         and *oom is set.
 */
bool folio_classify_lines(const folio_page *pg, folio_line_class *out, bool *oom);

/** Set each block's label from its lines' kinds (the kind holding most characters). */
void folio_classify_blocks(folio_page *pg, const folio_line_class *cls);

/** \return the block label for k ("title_zh", "body"...), static; NULL for NONE. */
const char *folio_kind_label(folio_kind k);

#endif /* FOLIO_CLASSIFY_H */
