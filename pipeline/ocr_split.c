/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Words as the ocr stage collects them from Tesseract's iterator: their
 * script, and the cutting of a word that mixes Han and unsure Latin runs
 * (ocr_split.h).
 */
#include "ocr_split.h"
#include "recheck.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

folio_script folio_word_script(const char *s)
{
    size_t han = 0, latin = 0;
    folio_count_scripts(s, &han, &latin);
    if (han == 0 && latin == 0)
        return FOLIO_SCRIPT_OTHER;
    return han >= latin ? FOLIO_SCRIPT_HAN : FOLIO_SCRIPT_LATIN;
}

bool folio_word_mixes_scripts(const char *s)
{
    size_t han = 0, latin = 0;
    folio_count_scripts(s, &han, &latin);
    return han > 0 && latin >= 2;
}

/*
 * Tesseract's "words" in Chinese lines are whole phrases, and a misread
 * stretch inside one ("天气频发，KAT" for 天气频发，大气扩, "二甲OM," for
 * 二甲双胍；) is a Latin run whose own symbols are unsure while the phrase's
 * mean confidence hides it. Such a word is cut at its unsure Latin runs, so
 * the second pass (recheck.c) can read them again.
 */
#define SPLIT_MAX 128 /* symbols of a word that may be cut; longer ones are left whole */

typedef struct sym {
    char text[16];
    float conf;
    folio_box box;
    bool latin;
} sym;

/* Read the symbols of the word ri is at (ri is not moved). \return how many. */
static size_t read_symbols(const folio_ocr_map *map, const TessResultIterator *ri, sym *out)
{
    TessResultIterator *it = TessResultIteratorCopy(ri);
    if (!it)
        return 0;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(it);
    size_t n = 0;
    do {
        char *t = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
        if (!t)
            break;
        uint32_t cp = 0;
        size_t len = strlen(t);
        if (len > 0 && len < sizeof(out[n].text)) {
            folio_utf8_decode(t, len, &cp);
            memcpy(out[n].text, t, len + 1);
            int l = 0, tp = 0, r = 0, b = 0;
            TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &l, &tp, &r, &b);
            out[n].box = folio_ocr_map_box(map, l, tp, r, b);
            out[n].conf = TessResultIteratorConfidence(it, RIL_SYMBOL);
            out[n].latin = folio_is_latin(cp);
            n++;
        }
        TessDeleteText(t);
    } while (n < SPLIT_MAX && !TessPageIteratorIsAtFinalElement(pi, RIL_WORD, RIL_SYMBOL) &&
             TessResultIteratorNext(it, RIL_SYMBOL));
    TessResultIteratorDelete(it);
    return n;
}

/* The word made of symbols s[a..b): text, box union, mean confidence. */
static int make_piece(const sym *s, size_t a, size_t b, folio_word *w)
{
    folio_buf buf = FOLIO_BUF_INIT;
    int x0 = s[a].box.x, y0 = s[a].box.y, x1 = x0 + s[a].box.w, y1 = y0 + s[a].box.h;
    double conf = 0;
    for (size_t i = a; i < b; i++) {
        folio_buf_puts(&buf, s[i].text);
        x0 = s[i].box.x < x0 ? s[i].box.x : x0;
        y0 = s[i].box.y < y0 ? s[i].box.y : y0;
        x1 = s[i].box.x + s[i].box.w > x1 ? s[i].box.x + s[i].box.w : x1;
        y1 = s[i].box.y + s[i].box.h > y1 ? s[i].box.y + s[i].box.h : y1;
        conf += s[i].conf;
    }
    memset(w, 0, sizeof(*w));
    w->text = folio_buf_take(&buf);
    if (!w->text)
        return FOLIO_ENOMEM;
    w->box = (folio_box){x0, y0, x1 - x0, y1 - y0};
    w->conf = (float)(conf / (double)(b - a));
    w->script = folio_word_script(w->text);
    return 0;
}

/* End of the run of symbols of s[a]'s kind (Latin or not) from a. */
static size_t run_end(const sym *s, size_t n, size_t a)
{
    size_t b = a + 1;
    while (b < n && s[b].latin == s[a].latin)
        b++;
    return b;
}

/* Is s[a..b) a Latin run the second pass should read again? */
static bool unsure_latin_run(const sym *s, size_t a, size_t b)
{
    if (!s[a].latin || b - a < 2)
        return false;
    folio_word probe = {.script = FOLIO_SCRIPT_LATIN, .conf = 0};
    for (size_t i = a; i < b; i++)
        probe.conf += s[i].conf;
    probe.conf /= (float)(b - a);
    return folio_recheck_suspicious(&probe);
}

/* Cut points of s: the bounds of its unsure Latin runs. \return how many pieces. */
static size_t plan_pieces(const sym *s, size_t n, size_t *cut)
{
    size_t pieces = 0, start = 0;
    for (size_t a = 0; a < n;) {
        size_t b = run_end(s, n, a);
        if (unsure_latin_run(s, a, b)) {
            if (a > start)
                cut[pieces++] = a;
            cut[pieces++] = b;
            start = b;
        }
        a = b;
    }
    if (pieces > 0 && start < n)
        cut[pieces++] = n;
    return pieces;
}

/* Replace the line's last word by pieces of s ending at cut[0..k). */
static int replace_last_word(folio_line *ln, const sym *s, const size_t *cut, size_t k, size_t *cap)
{
    folio_word *old = &ln->words[ln->n_words - 1];
    bool space = old->space_before;
    free(old->text);
    ln->n_words--;
    for (size_t i = 0, a = 0; i < k; a = cut[i++]) {
        if (folio_ocr_grow((void **)&ln->words, cap, ln->n_words, sizeof(folio_word)))
            return FOLIO_ENOMEM;
        folio_word *w = &ln->words[ln->n_words];
        if (make_piece(s, a, cut[i], w))
            return FOLIO_ENOMEM;
        w->space_before = i == 0 && space;
        ln->n_words++;
    }
    return 0;
}

/* Do the symbols s[0..n) spell t exactly? (Else the word is left whole.) */
static bool symbols_spell(const sym *s, size_t n, const char *t)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(s[i].text);
        if (strncmp(t + pos, s[i].text, len) != 0)
            return false;
        pos += len;
    }
    return t[pos] == '\0';
}

int folio_ocr_split_mixed_word(const TessResultIterator *ri, const folio_ocr_map *map,
                               folio_line *ln, size_t *cap_words)
{
    const char *t = ln->words[ln->n_words - 1].text;
    if (!folio_word_mixes_scripts(t))
        return 0;
    sym s[SPLIT_MAX];
    size_t cut[SPLIT_MAX + 1];
    size_t n = read_symbols(map, ri, s);
    size_t k = n && symbols_spell(s, n, t) ? plan_pieces(s, n, cut) : 0;
    if (k < 2)
        return 0;
    return replace_last_word(ln, s, cut, k, cap_words);
}
