/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two readings of one printed text (the title block's title and the
 * citation's title) disagree where OCR misread one of them. Which reading of
 * each disagreement is right is told by the rest of the page: the abstract
 * and the keywords repeat a title's terms (数字经济, 冬季), so the reading
 * the page prints more often wins; when the page is silent, the reading that
 * falls into fewer dictionary words (ICU's Chinese word breaker: 内涵 is one
 * word, 内洱 two characters) wins. Private to the fields stage; pure
 * functions.
 */
#ifndef FOLIO_VOTE_H
#define FOLIO_VOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * The number of words ICU's Chinese word breaker finds in cp[0..n): a
 * misread character seldom makes a dictionary word with its neighbours.
 * \return the count, or -1 on an ICU or memory error or n > 64.
 */
int folio_vote_words(const uint32_t *cp, size_t n);

/**
 * The reading a of a text with each of its disagreements with the reading b
 * settled by the page: a run of characters where the two differ, between
 * characters they share, is taken from b when the page prints b's run with
 * its neighbours more often, or as often and b's run makes fewer words. The
 * ends are a's (a lost or garbled end is another question).
 * \param page  the page text, or NULL (then only the words decide).
 * \return a malloc'd text (caller frees), or NULL when nothing changes (a or
 *         b NULL, longer than 256 characters, more than a quarter apart) or
 *         out of memory.
 */
char *folio_vote_merge(const char *a, const char *b, const char *page);

/**
 * Are a and b readings of one text close enough to vote between: both
 * non-empty, at most 256 characters, at most a quarter of the longer apart
 * (spaces and full/half width ignored)? NULL is never close.
 */
bool folio_vote_close(const char *a, const char *b);

/**
 * A line's two readings settled: first, from the page's recognition (mean
 * confidence first_conf), and second, the line read again alone
 * (altread.h). The surer reading, by a margin, is the base; the other's
 * runs win where the page prints them more often (folio_vote_merge, the
 * page text here holding both readings). Readings too far apart to vote
 * leave the first.
 * \param page  the page text with the second readings, or NULL.
 * \return a malloc'd text (caller frees), or NULL when the first reading
 *         stands (or out of memory).
 */
char *folio_vote_line(const char *first, float first_conf, const char *second, float second_conf,
                      const char *page);

#endif /* FOLIO_VOTE_H */
