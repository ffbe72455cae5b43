/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Code point strings, the working form of every line-repair pass, and
 * the look-around helpers the passes share (repair_rules.h).
 */
#include "repair_rules.h"

#include <stdlib.h>
#include <string.h>

void cps_push(cps *s, uint32_t c)
{
    if (s->oom)
        return;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        uint32_t *p = realloc(s->v, ncap * sizeof(*p));
        if (!p) {
            s->oom = true;
            return;
        }
        s->v = p;
        s->cap = ncap;
    }
    s->v[s->n++] = c;
}

void cps_free(cps *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

/* Control white space and NBSP become plain spaces; U+3000 stays (it is printed). */
void cps_decode(const char *text, cps *out)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        uint32_t c;
        i += folio_utf8_decode(text + i, len - i, &c);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0)
            c = ' ';
        cps_push(out, c);
    }
}

char *cps_encode(const cps *s)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] != DEL)
            folio_buf_put_cp(&b, s->v[i]);
    return folio_buf_take(&b);
}

/* Copy in to out without the code points marked DEL. */
void cps_compact(const cps *in, cps *out)
{
    for (size_t i = 0; i < in->n; i++)
        if (in->v[i] != DEL)
            cps_push(out, in->v[i]);
}

/* Does s hold the UTF-8 literal lit at index i? */
bool cps_has_at(const cps *s, size_t i, const char *lit)
{
    size_t len = strlen(lit), k = 0;
    while (k < len) {
        uint32_t c;
        k += folio_utf8_decode(lit + k, len - k, &c);
        if (i >= s->n || s->v[i] != c)
            return false;
        i++;
    }
    return true;
}

/* Does the literal end just before index end? */
bool cps_has_before(const cps *s, size_t end, const char *lit)
{
    size_t n = folio_utf8_len(lit);
    return end >= n && end <= s->n && cps_has_at(s, end - n, lit);
}

/* Index of the nearest non-space before i / at or after i (at most 8 spaces away). */
size_t cps_prev_ns(const cps *s, size_t i)
{
    for (size_t k = 0; k < 9 && i > 0; k++) {
        i--;
        if (s->v[i] != ' ')
            return i;
    }
    return NPOS;
}

size_t cps_next_ns(const cps *s, size_t i)
{
    for (size_t k = 0; k < 9 && i < s->n; k++, i++)
        if (s->v[i] != ' ')
            return i;
    return NPOS;
}

bool cps_has_han(const cps *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (is_hanlike(s->v[i]))
            return true;
    return false;
}
