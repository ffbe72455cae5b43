/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Second pass over misread spans. Measured on the dev pages: garbage Latin
 * words in Chinese lines ("ihe Ba" for 蒲清平 马睿, "KER DMA RM FG" for four
 * author names, "SK," for a surname) come with confidences of 37-70, while
 * real English words are read at 85-97. Such a span is cut out, read alone
 * with chi_sim in single-line mode, and replaced when the new reading holds
 * Chinese and its confidence beats the old one by a margin. A reading that
 * is mostly Han needs no margin, only to be as sure as the old one, and in
 * a line that is otherwise Chinese may be a little less sure: author names
 * in 楷体 come back right at confidences of 50-55 ("赵丽“孙鹏" at 53 for
 * "RM Fh" at 55, "孙鹏，" at 54 for "PIS," at 48), while the chi_sim
 * reading of real English stays Latin. A second reading that is Latin too
 * replaces the old one only when it is far surer and keeps its punctuation
 * ("Chengdu-Chongqing" at 91 for "Chengdu-Chongging" at 42, "22&ZD071)" at
 * 85 for "C2&ZD071)" at 51); the crop often takes in a neighbour's mark
 * ("Hg/ms ;"), which the skeleton test refuses.
 */
#include "recheck.h"
#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define SUSPICIOUS_CONF 75.0f /* Latin words below this are re-read */
#define ACCEPT_MARGIN 10.0f   /* the new reading must be this much surer */
#define HAN_SHARE 0.6         /* ...unless this share of its letters is Han */
#define HAN_LINE_SLACK 5.0f   /* ...and a little less sure in a Chinese line */
#define LATIN_MARGIN 30.0f    /* a Latin reading must be this much surer */
#define PAD_FRACTION 0.15     /* padding around a span, of its height */

bool folio_recheck_suspicious(const folio_word *w)
{
    return w->script == FOLIO_SCRIPT_LATIN && w->conf < SUSPICIOUS_CONF;
}

static folio_box span_box(const folio_word *w, size_t n)
{
    int x0 = w[0].box.x, y0 = w[0].box.y;
    int x1 = x0 + w[0].box.w, y1 = y0 + w[0].box.h;
    for (size_t i = 1; i < n; i++) {
        x0 = w[i].box.x < x0 ? w[i].box.x : x0;
        y0 = w[i].box.y < y0 ? w[i].box.y : y0;
        x1 = w[i].box.x + w[i].box.w > x1 ? w[i].box.x + w[i].box.w : x1;
        y1 = w[i].box.y + w[i].box.h > y1 ? w[i].box.y + w[i].box.h : y1;
    }
    folio_box b = {x0, y0, x1 - x0, y1 - y0};
    return b;
}

static bool has_han(const char *s)
{
    size_t len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (folio_is_han(cp))
            return true;
    }
    return false;
}

char *folio_recheck_read(TessBaseAPI *zh, PIX *pix, const folio_ocr_map *m, folio_box b,
                         float line_h, float *conf)
{
    int pad = (int)(line_h * PAD_FRACTION * m->scale) + 2;
    int x = (int)((b.x - m->off_x) * m->scale) - pad, y = (int)((b.y - m->off_y) * m->scale) - pad;
    int w = (int)(b.w * m->scale) + 2 * pad, h = (int)(b.h * m->scale) + 2 * pad;
    int W = pixGetWidth(pix), H = pixGetHeight(pix);
    x = x < 0 ? 0 : x;
    y = y < 0 ? 0 : y;
    w = x + w > W ? W - x : w;
    h = y + h > H ? H - y : h;
    if (w < 4 || h < 4)
        return NULL;
    TessBaseAPISetRectangle(zh, x, y, w, h);
    char *t = TessBaseAPIGetUTF8Text(zh);
    if (!t)
        return NULL;
    *conf = (float)TessBaseAPIMeanTextConf(zh);
    char *s = folio_strtrim(t);
    TessDeleteText(t);
    return s;
}

/* Share of Han among the letters (Han, Latin, digits) of s; 0 when it has none. */
static double han_share(const char *s)
{
    size_t len = strlen(s), han = 0, letters = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        bool h = folio_is_han(cp);
        han += h;
        letters += h || folio_is_latin(cp) || (cp >= '0' && cp <= '9');
    }
    return letters ? (double)han / (double)letters : 0;
}

/* Do a and b hold the same marks (not letters, digits or spaces) in the same order? */
static bool same_skeleton(const char *a, const char *b)
{
    for (;;) {
        while (*a && (isalnum((unsigned char)*a) || *a == ' '))
            a++;
        while (*b && (isalnum((unsigned char)*b) || *b == ' '))
            b++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
        a++, b++;
    }
}

static size_t count_spaces(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

bool folio_recheck_accept(const char *old_text, const char *alt, float alt_conf, float old_conf,
                          bool han_line)
{
    if (!alt || !*alt)
        return false;
    if (!has_han(alt))
        return old_text && same_skeleton(old_text, alt) &&
               count_spaces(alt) <= count_spaces(old_text) && alt_conf >= old_conf + LATIN_MARGIN;
    float margin = ACCEPT_MARGIN;
    if (han_share(alt) >= HAN_SHARE)
        margin = han_line ? -HAN_LINE_SLACK : 0.0f;
    return alt_conf >= old_conf + margin;
}

/* Do the words of ln outside [a, b) hold more Han than Latin letters? */
static bool han_context(const folio_line *ln, size_t a, size_t b)
{
    size_t han = 0, latin = 0;
    for (size_t i = 0; i < ln->n_words; i++)
        if (i < a || i >= b)
            folio_count_scripts(ln->words[i].text, &han, &latin);
    return han > latin;
}

static float mean_conf(const folio_word *w, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += w[i].conf;
    return n ? (float)(s / (double)n) : 0;
}

/* The words[a..b) of ln joined by spaces (malloc'd; NULL when out of memory). */
static char *span_text(const folio_line *ln, size_t a, size_t b)
{
    folio_buf buf = FOLIO_BUF_INIT;
    for (size_t i = a; i < b; i++) {
        if (i > a)
            folio_buf_putc(&buf, ' ');
        folio_buf_puts(&buf, ln->words[i].text ? ln->words[i].text : "");
    }
    return folio_buf_take(&buf);
}

/* Replace words[a..b) of ln by one word. */
static void replace_span(folio_line *ln, size_t a, size_t b, char *text, float conf)
{
    folio_word nw = ln->words[a];
    nw.box = span_box(ln->words + a, b - a);
    for (size_t i = a; i < b; i++)
        free(ln->words[i].text);
    nw.text = text;
    nw.conf = conf;
    nw.script = has_han(text) ? FOLIO_SCRIPT_HAN : FOLIO_SCRIPT_LATIN;
    ln->words[a] = nw;
    memmove(ln->words + a + 1, ln->words + b, (ln->n_words - b) * sizeof(folio_word));
    ln->n_words -= b - a - 1;
}

/*
 * The box to read words[a..b) of ln from: their box, cut back where it runs
 * into the words either side. Tesseract's boxes of misread words overlap
 * their neighbours (d4-citetop-rotated: "WMA." spans half of the next word
 * "经济研究，2024"), and a crop that takes in a neighbour reads its text
 * too, which then stands twice in the line ("经济研究，经济研究，").
 */
static folio_box crop_box(const folio_line *ln, size_t a, size_t b)
{
    folio_box s = span_box(ln->words + a, b - a);
    int x0 = s.x, x1 = s.x + s.w;
    if (a > 0) {
        const folio_box *l = &ln->words[a - 1].box;
        x0 = l->x + l->w > x0 && l->x + l->w < x1 ? l->x + l->w : x0;
    }
    if (b < ln->n_words) {
        const folio_box *r = &ln->words[b].box;
        x1 = r->x < x1 && r->x > x0 ? r->x : x1;
    }
    s.x = x0;
    s.w = x1 - x0;
    return s;
}

/*
 * Cut the crop s of line li back from the rows of other lines that take up a
 * good part of it. Tesseract sometimes returns a line whose box spans two
 * printed rows, the upper half of it another line's row; the eng model then
 * reads the line's own row as Latin garbage (d1 citetop-scan: "Ae APSE BHF
 * I TK, ARE, « BORA." for 生骨料表面附着旧砂浆，孔隙率高、吸水率大，), and a crop
 * of both rows reads no better with chi_sim. A neighbour counts when its box
 * overlaps the span's sideways and covers at least OVERLAP_CUT of its height
 * from the top or the bottom, and is itself a row: the span is at least
 * TALL times its height (two lines of one size that overlap a little are a
 * neighbour's descenders, and cutting them cuts ink). At least KEEP_MIN of
 * the height stays.
 */
#define OVERLAP_CUT 0.25
#define KEEP_MIN 0.5
#define TALL 1.5

static folio_box clear_of_rows(const folio_page *pg, size_t li, folio_box s)
{
    int y0 = s.y, y1 = s.y + s.h, mid = s.y + s.h / 2;
    for (size_t j = 0; j < pg->n_lines; j++) {
        const folio_box *o = &pg->lines[j].box;
        if (j == li || o->x >= s.x + s.w || o->x + o->w <= s.x || s.h < TALL * o->h)
            continue;
        int top = o->y > s.y ? o->y : s.y;
        int bottom = o->y + o->h < s.y + s.h ? o->y + o->h : s.y + s.h;
        if (bottom - top < OVERLAP_CUT * s.h)
            continue;
        if (o->y + o->h / 2 < mid && o->y + o->h > y0)
            y0 = o->y + o->h;
        else if (o->y + o->h / 2 >= mid && o->y < y1)
            y1 = o->y;
    }
    if (y1 - y0 >= KEEP_MIN * s.h) {
        s.y = y0;
        s.h = y1 - y0;
    }
    return s;
}

static int recheck_line(TessBaseAPI *zh, PIX *pix, const folio_ocr_map *m, folio_page *pg,
                        size_t li, folio_recheck_stats *st)
{
    folio_line *ln = &pg->lines[li];
    for (size_t a = 0; a < ln->n_words; a++) {
        if (!folio_recheck_suspicious(&ln->words[a]))
            continue;
        size_t b = a + 1;
        while (b < ln->n_words && folio_recheck_suspicious(&ln->words[b]))
            b++;
        float old = mean_conf(ln->words + a, b - a), conf = 0;
        folio_box span = crop_box(ln, a, b), crop = clear_of_rows(pg, li, span);
        int line_h = crop.h < span.h ? crop.h : ln->box.h; /* padding: of the row kept */
        char *alt = folio_recheck_read(zh, pix, m, crop, (float)line_h, &conf);
        st->spans++;
        char *was = span_text(ln, a, b);
        bool better = folio_recheck_accept(was, alt, conf, old, han_context(ln, a, b));
        free(was);
        if (better) {
            replace_span(ln, a, b, alt, conf);
            st->replaced++;
        } else {
            free(alt);
            a = b - 1;
        }
    }
    return 0;
}

int folio_recheck_page(TessBaseAPI *zh, PIX *pix, const folio_ocr_map *map, double deadline_ms,
                       folio_page *pg, folio_recheck_stats *stats)
{
    folio_recheck_stats local = {0, 0};
    if (!stats)
        stats = &local;
    bool any = false;
    for (size_t i = 0; i < pg->n_lines && !any; i++)
        for (size_t j = 0; j < pg->lines[i].n_words && !any; j++)
            any = folio_recheck_suspicious(&pg->lines[i].words[j]);
    if (!any)
        return 0;
    TessBaseAPISetImage2(zh, pix);
    int rc = 0;
    for (size_t i = 0; i < pg->n_lines && rc == 0; i++) {
        if (deadline_ms > 0 && folio_ocr_now_ms() >= deadline_ms)
            rc = FOLIO_ELIMIT;
        else if (recheck_line(zh, pix, map, pg, i, stats))
            rc = FOLIO_ENOMEM;
    }
    TessBaseAPIClear(zh);
    return rc;
}
