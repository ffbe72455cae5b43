/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Pinyin of Chinese names, to check a Chinese reading of an author's name
 * against the same name printed in Latin letters ("HUANG Ruoxi", "HUANG R X")
 * on the same page. OCR misreads a rare character in every Chinese copy
 * differently (黄若赚, 黄若陪, 黄若曦); the Latin copy decides among them.
 * The pinyin comes from ICU's "Han-Latin; Latin-ASCII" transliterator.
 *
 * Lifecycle: folio_pinyin_create() once per page or per thread, then any
 * number of folio_pinyin_of() / folio_pinyin_agreement() calls from that
 * thread only, then folio_pinyin_destroy().
 */
#ifndef FOLIO_PINYIN_H
#define FOLIO_PINYIN_H

#include <stdbool.h>

typedef struct folio_pinyin folio_pinyin;

/**
 * Open the transliterator (the first in a process compiles ICU's rules,
 * about 0.1 s; later ones are copies).
 * \return a handle (caller destroys with folio_pinyin_destroy), or NULL when
 *         ICU lacks the transliterator or out of memory.
 */
folio_pinyin *folio_pinyin_create(void);

/** Close the handle and set *p to NULL; NULL and *p == NULL are allowed. */
void folio_pinyin_destroy(folio_pinyin **p);

/**
 * The toneless pinyin of a string of Han characters, one syllable per
 * character separated by spaces: "黄若曦" gives "huang ruo xi".
 * \return a malloc'd string (caller frees), or NULL when han is NULL, empty,
 *         holds anything but Han characters, or on an ICU or memory error.
 */
char *folio_pinyin_of(const folio_pinyin *p, const char *han);

/**
 * How far the Chinese name zh agrees with the Latin name en: the number of
 * its syllables that agree, the surname first (en may put the surname first
 * or last, in capitals or not; the given name in full, hyphenated or as
 * initials: "HUANG Ruoxi", "HUANG Ruo-Xi", "HUANG R X", "Ruoxi Huang").
 * A surname that disagrees gives 0. Surnames read otherwise in names
 * (曾 Zeng, 单 Shan...) and ü written u, v or yu are understood.
 * \param full  set when every syllable agrees and en has nothing more.
 * \return the count, or -1 when zh is not a Han name or on error.
 */
int folio_pinyin_agreement(const folio_pinyin *p, const char *zh, const char *en, bool *full);

#endif /* FOLIO_PINYIN_H */
