/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cross-checks between the two printed copies of a first page's facts: the
 * title block and the printed citation both carry the Chinese title and the
 * authors, and the citation repeats the DOI. OCR damages them differently
 * (the authors line is set in 楷体 and often comes out as Latin letters), so
 * each copy repairs the other. Private to the fields stage; pure functions.
 */
#ifndef FOLIO_CROSSCHECK_H
#define FOLIO_CROSSCHECK_H

#include "page.h"

/**
 * Make the Chinese author list from the authors line's tokens and the
 * citation's authors: Han-only names, run-together names split where the
 * citation shows the boundary; when the line gave none, the citation's list
 * completed with the names the author notes give (the first person they
 * describe first, the 通信作者 last).
 * \param c    the parsed citation, or NULL (not kept).
 * \param bio  the 作者简介 value, or NULL.
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_crosscheck_authors_zh(folio_strlist *authors, const folio_citation *c, const char *bio);

/**
 * Repair a printed Chinese citation with the title read from the title
 * block: a type code OCR garbled right after the title ("预测四．", "解析加]．")
 * becomes [J]; spaces OCR put inside the DOI are removed; the "." of ",."
 * is dropped and an index read "(1)" becomes "[1]".
 * \return a malloc'd repaired copy (caller frees), or NULL when out of memory.
 */
char *folio_crosscheck_citation(const char *cite, const char *title);

/**
 * Choose the Chinese title: the title block's text unless it is mostly OCR
 * garbage (or was dropped as such) or much shorter than the citation's title.
 * \param block  the page has a title block; without one (the web layout) the
 *               citation's title is not taken.
 * \return true when *title was replaced by a copy of cite_title.
 */
bool folio_crosscheck_title_zh(char **title, const char *cite_title, bool block);

/* What the rest of the page says about the facts a printed citation repeats.
 * Every member may be NULL; nothing is copied or kept. */
typedef struct folio_cite_witness {
    const folio_citation *en;     /* the printed English citation, parsed */
    const char *en_text;          /* the printed English citation as read */
    const char *title;            /* the title block's Chinese title (larger type) */
    const folio_strlist *authors; /* the Chinese author list as reconciled */
    const char *article_no;       /* 文章编号: ISSN(year)issue-first page-page count */
    const char *journal;          /* the running header's Chinese journal name */
    const char *page;             /* the whole page text, to count a name's readings */
} folio_cite_witness;

/**
 * Reconcile the parsed Chinese citation with the page's other copies of its
 * facts, key by key: the title from the title block when the two readings
 * are close; the authors from the reconciled author list (as many as the
 * citations print); year, volume, issue and pages by vote among the Chinese
 * and English citations and the article number; the journal cut to the
 * running header's name when OCR added characters around it.
 * \param c  the citation, changed in place (NULL: nothing to do).
 * 
eturn 0 or FOLIO_ENOMEM.
 */
int folio_crosscheck_cite_keys(folio_citation *c, const folio_cite_witness *w);

/**
 * The title block's title completed with the one or two characters at its
 * end that the block lost and the citation's title still has ("…识别方" and
 * "…识别方法"). 
eturn a malloc'd title (caller frees), or NULL when
 * nothing is to be added or out of memory.
 */
char *folio_crosscheck_title_tail(const char *title, const char *cite_title);

#endif /* FOLIO_CROSSCHECK_H */
