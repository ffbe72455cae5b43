/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Private to the repair family (repair*.c): the code point string every
 * line-repair pass works on, the character classes and look-around helpers
 * the passes share, and the passes themselves, which repair.c runs in order.
 * A pass reads in and appends its result to out (out starts empty; the caller
 * frees both with cps_free); it never fails, an allocation failure sets
 * out->oom. Nothing here is part of Folio's API.
 */
#ifndef FOLIO_REPAIR_RULES_H
#define FOLIO_REPAIR_RULES_H

#include "repair.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ==== code point strings (repair_cps.c) ================================ */

#define DEL 0x110000u /* marks a code point a pass removes; never valid Unicode */
#define NPOS ((size_t)-1)

typedef struct cps {
    uint32_t *v;
    size_t n, cap;
    bool oom;
} cps;

void cps_push(cps *s, uint32_t c);
void cps_free(cps *s);
/* Decode UTF-8 text (control white space and NBSP become ' ') onto out. */
void cps_decode(const char *text, cps *out);
/* \return malloc'd UTF-8 without the DEL marks (caller frees), NULL when out of memory. */
char *cps_encode(const cps *s);
/* Copy in to out without the code points marked DEL. */
void cps_compact(const cps *in, cps *out);
/* Does s hold the UTF-8 literal lit at index i / just before index end? */
bool cps_has_at(const cps *s, size_t i, const char *lit);
bool cps_has_before(const cps *s, size_t end, const char *lit);
/* Index of the nearest non-space before i / at or after i (at most 8 spaces away), or NPOS. */
size_t cps_prev_ns(const cps *s, size_t i);
size_t cps_next_ns(const cps *s, size_t i);
/* Does s hold a Han or kana character? */
bool cps_has_han(const cps *s);

/* Code point at i, 0 outside the string (i may have wrapped below zero). */
static inline uint32_t at(const cps *s, size_t i)
{
    return i < s->n ? s->v[i] : 0;
}

/* ==== character classes ================================================= */

static inline bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_lower(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

static inline bool is_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool is_alpha(uint32_t c)
{
    return is_lower(c) || is_upper(c);
}

static inline bool is_alnum(uint32_t c)
{
    return is_alpha(c) || is_digit(c);
}

static inline bool is_ascii_of(uint32_t c, const char *set)
{
    return c > 0 && c < 128 && strchr(set, (int)c) != NULL;
}

/* Han or kana: characters set solid, with no spaces between them. */
static inline bool is_hanlike(uint32_t c)
{
    return folio_is_han(c) || (c >= 0x3040 && c <= 0x30FF);
}

/* Full-width punctuation: it carries its own spacing, so no space touches it. */
static inline bool is_fwpunct(uint32_t c)
{
    if (c == 0x3000 || c == 0x3007)
        return false;
    if (c >= 0x3001 && c <= 0x303F)
        return true;
    if (c >= 0xFF01 && c <= 0xFF65)
        return !((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
                 (c >= 0xFF41 && c <= 0xFF5A));
    return c >= 0xFE30 && c <= 0xFE4F;
}

static inline bool is_zh(uint32_t c)
{
    return is_hanlike(c) || is_fwpunct(c);
}

/* Characters that belong to a Latin/number token: letters, digits, units. */
static inline bool is_wordish(uint32_t c)
{
    return is_alnum(c) || folio_is_latin(c) || c == '%' || c == 0xB0 || c == 0xB1 || c == 0xB2 ||
           c == 0xB3 || c == 0xB5 || c == 0x2030 || c == 0x2103;
}

static inline bool is_curly(uint32_t c)
{
    return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* Hyphen-like glyphs Tesseract returns inside numbers, including 一 (U+4E00). */
static inline bool is_dashlike(uint32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D || c == 0x4E00;
}

/* ==== shared rules ======================================================= */

/* Does a Chinese field label ("文献标志码", "基金项目") start at i? (repair_label.c) */
bool repair_zh_label_at(const cps *s, size_t i);
/* Does a Han run from i name a school, institute or department? (repair_struct.c) */
bool repair_department_at(const cps *s, size_t i, bool strict);
/* Keep the run of spaces s[i..j)? (repair_space.c; also decides line breaks) */
bool repair_keep_space(const cps *s, size_t i, size_t j);
/* Number of words in r's list; 0 for NULL or none (repair_wordlist.c). */
size_t repair_wordlist_size(const folio_repair *r);

/* ==== the line passes, in the order repair.c runs them ================== */

void repair_pass_author_line(const cps *in, cps *out); /* repair_struct.c */
void repair_pass_spaces(const cps *in, cps *out);      /* repair_space.c */
void repair_pass_labels(const cps *in, cps *out);      /* repair_label.c */
void repair_pass_tokens(const cps *in, cps *out);      /* repair_token.c */
void repair_pass_contacts(const cps *in, cps *out);    /* repair_contact.c */
void repair_pass_numbers(const cps *in, cps *out);     /* repair_number.c */
void repair_pass_width(const cps *in, cps *out);       /* repair_punct.c */
void repair_pass_braces(const cps *in, cps *out);      /* repair_brace.c */
void repair_pass_structure(const cps *in, cps *out);   /* repair_struct.c */
void repair_pass_citation(const cps *in, cps *out);    /* repair_cite.c */

#endif /* FOLIO_REPAIR_RULES_H */
