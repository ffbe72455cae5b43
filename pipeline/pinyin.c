/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Pinyin of Chinese names through ICU's transliterator (see pinyin.h).
 * Names are short: a name of more than MAX_CHARS characters or a Latin
 * name of more than MAX_WORDS words is not compared.
 */
#include "pinyin.h"

#include "labels.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#define MAX_CHARS 8
#define MAX_WORDS 6
#define MAX_WORD 32
#define SYL_MAX 8 /* "zhuang" and a spare */

struct folio_pinyin {
    UTransliterator *t; /* owned: utrans_close */
};

folio_pinyin *folio_pinyin_create(void)
{
    static const char id[] = "Han-Latin; Latin-ASCII";
    UChar uid[sizeof(id)];
    u_uastrcpy(uid, id);
    folio_pinyin *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    UErrorCode e = U_ZERO_ERROR;
    p->t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
    if (U_FAILURE(e) || !p->t) {
        if (p->t)
            utrans_close(p->t);
        free(p);
        return NULL;
    }
    return p;
}

void folio_pinyin_destroy(folio_pinyin **p)
{
    if (!p || !*p)
        return;
    utrans_close((*p)->t);
    free(*p);
    *p = NULL;
}

/* Is s a string of 1..MAX_CHARS Han characters? */
static bool all_han(const char *s, size_t *n)
{
    folio_ustr u;
    *n = 0;
    if (!s || folio_ustr_init(&u, s))
        return false;
    bool ok = u.n >= 1 && u.n <= MAX_CHARS;
    for (size_t i = 0; ok && i < u.n; i++)
        ok = folio_is_han(u.cp[i]);
    *n = u.n;
    folio_ustr_free(&u);
    return ok;
}

/* ICU's output kept only when it is lower-case letters in single-space-separated words. */
static char *clean_syllables(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1), *w = out;
    if (!out)
        return NULL;
    for (const char *c = s; *c; c++) {
        if (*c >= 'a' && *c <= 'z') {
            *w++ = *c;
        } else if (*c == ' ') {
            if (w > out && w[-1] != ' ')
                *w++ = ' ';
        } else {
            free(out);
            return NULL;
        }
    }
    while (w > out && w[-1] == ' ')
        w--;
    *w = '\0';
    if (w == out) {
        free(out);
        return NULL;
    }
    return out;
}

char *folio_pinyin_of(const folio_pinyin *p, const char *han)
{
    size_t n;
    if (!p || !all_han(han, &n))
        return NULL;
    UChar buf[MAX_CHARS * (SYL_MAX + 2) + 1];
    int32_t len = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(buf, (int32_t)(sizeof(buf) / sizeof(buf[0])), &len, han, -1, &e);
    int32_t limit = len;
    if (U_SUCCESS(e))
        utrans_transUChars(p->t, buf, &len, (int32_t)(sizeof(buf) / sizeof(buf[0])), 0, &limit, &e);
    char utf8[sizeof(buf) / sizeof(buf[0]) * 3 + 1];
    if (U_SUCCESS(e))
        u_strToUTF8(utf8, (int32_t)sizeof(utf8), NULL, buf, len, &e);
    return U_SUCCESS(e) ? clean_syllables(utf8) : NULL;
}

/* ---- agreement with a Latin name ------------------------------------------------------ */

/* Surnames whose reading in a name differs from the character's common reading. */
static const struct {
    uint32_t cp;
    const char *name;
} surnames[] = {
    {0x66FE, "zeng"},  {0x5355, "shan"}, {0x89E3, "xie"}, {0x4EC7, "qiu"},  {0x533A, "ou"},
    {0x67E5, "zha"},   {0x6734, "piao"}, {0x8983, "qin"}, {0x7FDF, "zhai"}, {0x4E50, "yue"},
    {0x53EC, "shao"},  {0x7F2A, "miao"}, {0x5C09, "yu"},  {0x76D6, "ge"},   {0x79CD, "chong"},
    {0x91CD, "chong"}, {0x67CF, "bai"},  {0x8584, "bo"},  {0x5BBF, "su"},   {0x533D, "tuo"},
};

typedef struct name_words {
    char w[MAX_WORDS][MAX_WORD];
    size_t n;
} name_words;

/* The Latin name's words, lower case, hyphens and apostrophes dropped. \return false if none fit.
 */
static bool latin_words(const char *en, name_words *out)
{
    memset(out, 0, sizeof(*out));
    size_t len = 0;
    for (const char *c = en;; c++) {
        bool letter = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z');
        if (letter) {
            if (out->n >= MAX_WORDS || len + 1 >= MAX_WORD)
                return false;
            out->w[out->n][len++] = (char)(*c | 0x20);
        } else if (*c == '-' || *c == '\'') {
            continue;
        } else if (*c == ' ' || *c == ',' || *c == '.' || *c == '\0') {
            if (len)
                out->n++, len = 0;
            if (!*c)
                break;
        } else {
            return false; /* digits or other scripts: not a name */
        }
    }
    return out->n >= 2;
}

/* Does s start with syllable syl (ü as u, v or yu after l and n)? \return the length used or 0. */
static size_t syllable_at(const char *s, const char *syl)
{
    size_t n = strlen(syl);
    if (strncmp(s, syl, n) == 0)
        return n;
    if ((syl[0] != 'l' && syl[0] != 'n') || syl[1] != 'u')
        return 0;
    static const char *const umlaut[] = {"v", "yu"};
    for (size_t k = 0; k < 2; k++) {
        size_t u = strlen(umlaut[k]);
        if (s[0] == syl[0] && strncmp(s + 1, umlaut[k], u) == 0 &&
            strncmp(s + 1 + u, syl + 2, n - 2) == 0)
            return n - 1 + u;
    }
    return 0;
}

/* The name's syllables split in place: at most MAX_CHARS. */
static size_t split_syllables(char *py, char **syl)
{
    size_t k = 0;
    for (char *tok = strtok(py, " "); tok && k < MAX_CHARS; tok = strtok(NULL, " "))
        syl[k++] = tok;
    return k;
}

/* Does word equal the surname made of syl[0..sl) (or the name reading of its first character)? */
static bool surname_is(const char *word, char *const *syl, size_t sl, uint32_t first)
{
    if (sl == 1) {
        for (size_t i = 0; i < sizeof(surnames) / sizeof(surnames[0]); i++)
            if (surnames[i].cp == first && strcmp(word, surnames[i].name) == 0)
                return true;
        size_t n = syllable_at(word, syl[0]);
        return n && word[n] == '\0';
    }
    size_t n = syllable_at(word, syl[0]);
    size_t m = n ? syllable_at(word + n, syl[1]) : 0;
    return m && word[n + m] == '\0';
}

/* Given-name syllables syl[0..k) against the Latin given name (words joined). */
static size_t given_agreement(char *const *syl, size_t k, const name_words *w, size_t from,
                              size_t to, bool *full)
{
    char given[MAX_WORDS * MAX_WORD] = "";
    bool initials = true;
    for (size_t i = from; i < to; i++) {
        strcat(given, w->w[i]);
        initials &= strlen(w->w[i]) == 1;
    }
    size_t agree = 0, pos = 0;
    if (initials) {
        while (agree < k && given[agree] && given[agree] == syl[agree][0])
            agree++;
        *full = agree == k && given[agree] == '\0';
        return agree;
    }
    for (size_t n; agree < k && (n = syllable_at(given + pos, syl[agree])) > 0; agree++)
        pos += n;
    *full = agree == k && given[pos] == '\0';
    return agree;
}

/* The agreement with the surname first (order 0) or last (order 1), sl syllables long. */
static size_t agreement_as(char *const *syl, size_t k, uint32_t first, const name_words *w,
                           int order, size_t sl, bool *full)
{
    *full = false;
    const char *sur = order == 0 ? w->w[0] : w->w[w->n - 1];
    if (sl >= k || !surname_is(sur, syl, sl, first))
        return 0;
    size_t from = order == 0 ? 1 : 0, to = order == 0 ? w->n : w->n - 1;
    return sl + given_agreement(syl + sl, k - sl, w, from, to, full);
}

int folio_pinyin_agreement(const folio_pinyin *p, const char *zh, const char *en, bool *full)
{
    *full = false;
    name_words w;
    if (!en || !latin_words(en, &w))
        return 0;
    char *py = folio_pinyin_of(p, zh);
    if (!py)
        return -1;
    char *syl[MAX_CHARS];
    size_t k = split_syllables(py, syl);
    uint32_t first = 0;
    folio_utf8_decode(zh, strlen(zh), &first);
    size_t best = 0;
    if (k == folio_utf8_len(zh)) {
        for (int order = 0; order < 2 && !*full; order++) {
            for (size_t sl = 1; sl <= 2 && !*full; sl++) {
                bool f;
                size_t a = agreement_as(syl, k, first, &w, order, sl, &f);
                if (f || a > best)
                    best = a, *full = f;
            }
        }
    }
    free(py);
    return (int)best;
}
