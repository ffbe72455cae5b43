/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The parsed Chinese citation reconciled with the page's other copies of
 * its facts: the title block's title, the reconciled author list, the
 * English citation, the article number and the running header's journal.
 * Each copy is read in another size and face, so OCR damages them
 * differently; a key is replaced only where the witnesses agree against
 * it. Private to the fields stage; pure functions.
 */
#ifndef FOLIO_RECONCILE_H
#define FOLIO_RECONCILE_H

#include "page.h"
#include "pinyin.h"

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
    const folio_strlist *latin;   /* the authors' names in Latin letters */
    const folio_pinyin *pinyin;   /* to compare a Chinese name with its Latin spelling */
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
int folio_reconcile_cite_keys(folio_citation *c, const folio_cite_witness *w);

/**
 * Make the English citation, parsed, stand for a Chinese one OCR lost: the
 * title and journal from the page's Chinese copies (the title block, the
 * running header), then every key reconciled as by folio_reconcile_cite_keys
 * (the authors from the Chinese list when it holds them all, the numbers by
 * vote with the article number).
 * \param c  a citation parsed from the English copy, changed in place.
 * \param w  w->title is required: without a Chinese title nothing is done.
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_reconcile_english(folio_citation *c, const folio_cite_witness *w);

/**
 * The title block's title completed with the one or two characters at its
 * end that the block lost and the citation's title still has ("…识别方" and
 * "…识别方法").
eturn a malloc'd title (caller frees), or NULL when
 * nothing is to be added or out of memory.
 */
char *folio_reconcile_title_tail(const char *title, const char *cite_title);

#endif /* FOLIO_RECONCILE_H */
