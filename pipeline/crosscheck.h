/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cross-checks between the two printed copies of a first page's facts: the
 * title block and the printed citation both carry the Chinese title and the
 * authors, and the citation repeats the DOI. OCR damages them differently
 * (the authors line is set in 楷体 and often comes out as Latin letters), so
 * each copy repairs the other. The parsed citation against the rest of the
 * page is reconcile.h. Private to the fields stage; pure functions.
 */
#ifndef FOLIO_CROSSCHECK_H
#define FOLIO_CROSSCHECK_H

#include "page.h"
#include "pinyin.h"

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
 * Check the Chinese author list against the names printed in Latin letters
 * (the English authors line, else the English citation's authors) by their
 * pinyin: a name that disagrees is split when two agreeing names ran
 * together (赵丽孙鹏), cut when OCR added a character (和孙鹏), or replaced
 * by a reading one character apart elsewhere on the page (the author notes,
 * the citation) that agrees; names that agree, and names no reading fixes,
 * stay. When the Latin list is complete and shorter, of two neighbouring
 * readings of one name the one that agrees less is dropped.
 * \param latin     the Latin names (not kept).
 * \param complete  latin lists every author (not a citation's "et al." list).
 * \param page      the page text, or NULL.
 * \param py        the transliterator; NULL: nothing is done.
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_crosscheck_authors_pinyin(folio_strlist *authors, const folio_strlist *latin,
                                    bool complete, const char *page, const folio_pinyin *py);

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

#endif /* FOLIO_CROSSCHECK_H */
