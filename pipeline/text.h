/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Small text helpers every stage shares: a growable UTF-8 string buffer,
 * UTF-8 decoding and the script classes the repair and layout rules use.
 */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- growable string ------------------------------------------------- */

typedef struct folio_buf {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
    bool oom;   /* an allocation failed; content is truncated */
} folio_buf;

#define FOLIO_BUF_INIT {NULL, 0, 0, false}

void folio_buf_append(folio_buf *b, const char *s, size_t n);
void folio_buf_puts(folio_buf *b, const char *s);
void folio_buf_putc(folio_buf *b, char c);
void folio_buf_put_cp(folio_buf *b, uint32_t cp);
void folio_buf_printf(folio_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Hand the contents to the caller (free() it); the buffer is reset. Never NULL unless oom. */
char *folio_buf_take(folio_buf *b);
void folio_buf_free(folio_buf *b);

/* ---- UTF-8 ----------------------------------------------------------- */

/**
 * Decode one code point at s (at most n bytes). Invalid bytes decode as
 * U+FFFD one byte at a time. \return bytes consumed (>=1 when n>0, 0 when n==0).
 */
size_t folio_utf8_decode(const char *s, size_t n, uint32_t *cp);
/** Encode cp into out (>=4 bytes). \return bytes written. */
size_t folio_utf8_encode(uint32_t cp, char *out);
/** \return the number of code points in s. */
size_t folio_utf8_len(const char *s);
/** \return a malloc'd copy of s (caller frees), or NULL for NULL. */
char *folio_strdup(const char *s);
/** \return a malloc'd copy of the first n bytes of s (caller frees). */
char *folio_strndup(const char *s, size_t n);
/**
 * \return a malloc'd copy of s in which every byte that is not part of valid
 * UTF-8 became U+FFFD (caller frees), or NULL for NULL or out of memory.
 * JSON and XML cannot carry invalid UTF-8; a file name can hold any byte.
 */
char *folio_utf8_valid(const char *s);
/** \return a malloc'd copy of s without leading and trailing white space (ASCII and U+3000). */
char *folio_strtrim(const char *s);

/* ---- script classes -------------------------------------------------- */

/** Han ideographs (CJK Unified, Ext A, Compatibility). */
bool folio_is_han(uint32_t cp);
/** Chinese/CJK punctuation: U+3000-303F, full-width forms' punctuation, “”‘’…—·. */
bool folio_is_cjk_punct(uint32_t cp);
/** Han, CJK punctuation, kana, full-width forms: a character that takes no spaces around it. */
bool folio_is_cjk(uint32_t cp);
/** Latin or Greek letter, ASCII or not. */
bool folio_is_latin(uint32_t cp);
bool folio_is_space(uint32_t cp);
/** Add the Han characters and the Latin letters of UTF-8 s (NULL: none) to *han and *latin. */
void folio_count_scripts(const char *s, size_t *han, size_t *latin);
/** qsort comparator for int, ascending. */
int folio_cmp_int(const void *a, const void *b);

#endif /* FOLIO_TEXT_H */
