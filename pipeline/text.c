/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text helpers shared by every stage: the string buffer, UTF-8 coding and
 * script classification. No stage logic lives here.
 */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool buf_reserve(folio_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void folio_buf_append(folio_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void folio_buf_puts(folio_buf *b, const char *s)
{
    if (s)
        folio_buf_append(b, s, strlen(s));
}

void folio_buf_putc(folio_buf *b, char c)
{
    folio_buf_append(b, &c, 1);
}

void folio_buf_put_cp(folio_buf *b, uint32_t cp)
{
    char tmp[4];
    folio_buf_append(b, tmp, folio_utf8_encode(cp, tmp));
}

void folio_buf_printf(folio_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *folio_buf_take(folio_buf *b)
{
    if (b->oom) {
        folio_buf_free(b);
        return NULL;
    }
    char *s = b->data ? b->data : calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void folio_buf_free(folio_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

size_t folio_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    unsigned char c = u[0];
    size_t need;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        need = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        need = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        need = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < need) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return need;
}

size_t folio_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t folio_utf8_len(const char *s)
{
    size_t n = 0, len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len; n++)
        i += folio_utf8_decode(s + i, len - i, &cp);
    return n;
}

char *folio_strdup(const char *s)
{
    return s ? folio_strndup(s, strlen(s)) : NULL;
}

char *folio_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *folio_utf8_valid(const char *s)
{
    if (!s)
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    size_t len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        folio_buf_put_cp(&b, cp);
    }
    return folio_buf_take(&b);
}

char *folio_strtrim(const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s), a = 0, b = len;
    uint32_t cp;
    while (a < len) {
        size_t k = folio_utf8_decode(s + a, len - a, &cp);
        if (!folio_is_space(cp))
            break;
        a += k;
    }
    while (b > a) {
        size_t start = b - 1;
        while (start > a && ((unsigned char)s[start] & 0xC0) == 0x80)
            start--;
        folio_utf8_decode(s + start, b - start, &cp);
        if (!folio_is_space(cp))
            break;
        b = start;
    }
    return folio_strndup(s + a, b - a);
}

bool folio_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3007;
}

bool folio_is_cjk_punct(uint32_t cp)
{
    if (cp >= 0x3000 && cp <= 0x303F)
        return cp != 0x3000;
    if (cp >= 0xFF01 && cp <= 0xFF0F)
        return true;
    if (cp >= 0xFF1A && cp <= 0xFF20)
        return true;
    if (cp >= 0xFF3B && cp <= 0xFF40)
        return true;
    if (cp >= 0xFF5B && cp <= 0xFF65)
        return true;
    switch (cp) {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x2026: case 0x2014: case 0x00B7: case 0x2015:
    case 0xFE30: case 0xFE31: case 0xFE50: case 0xFE51: case 0xFE52:
        return true;
    default:
        return false;
    }
}

bool folio_is_cjk(uint32_t cp)
{
    return folio_is_han(cp) || folio_is_cjk_punct(cp) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0xFF01 && cp <= 0xFF60);
}

bool folio_is_latin(uint32_t cp)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
        return true;
    return cp >= 0x370 && cp <= 0x3FF;
}

void folio_count_scripts(const char *s, size_t *han, size_t *latin)
{
    size_t len = s ? strlen(s) : 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        *han += folio_is_han(cp);
        *latin += folio_is_latin(cp);
    }
}

bool folio_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0x3000 || cp == 0xA0;
}

int folio_cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
