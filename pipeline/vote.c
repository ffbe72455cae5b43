/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Two readings of one text settled by the page (see vote.h). The readings
 * are aligned by edit distance with a traceback; the runs between shared
 * characters are the disagreements. Sizes are capped (MAX_TEXT code points a
 * reading, the page by FOLIO_ALIGN_MAX per search window) so a fuzzed page
 * stays cheap.
 */
#include "vote.h"

#include "align.h"
#include "labels.h"
#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#define MAX_TEXT 256
#define MAX_WINDOW 64
#define CONTEXT 2         /* characters each side the word breaker sees */
#define LINE_MARGIN 10.0f /* a second reading this much surer is the base of a line's vote */
#define LINE_STRETCH 2    /* a gap of a line's vote changes the length by at most this */

int folio_vote_words(const uint32_t *cp, size_t n)
{
    if (!cp || n > MAX_WINDOW)
        return -1;
    UChar u[2 * MAX_WINDOW];
    int32_t len = 0;
    UErrorCode e = U_ZERO_ERROR;
    for (size_t i = 0; i < n && U_SUCCESS(e); i++) {
        int32_t got = 0;
        UChar32 c = (UChar32)cp[i];
        u_strFromUTF32(u + len, (int32_t)(2 * MAX_WINDOW) - len, &got, &c, 1, &e);
        len += got;
    }
    UBreakIterator *b = U_SUCCESS(e) ? ubrk_open(UBRK_WORD, "zh", u, len, &e) : NULL;
    if (!b || U_FAILURE(e)) {
        if (b)
            ubrk_close(b);
        return -1;
    }
    int words = 0;
    ubrk_first(b);
    while (ubrk_next(b) != UBRK_DONE)
        words += ubrk_getRuleStatus(b) >= UBRK_WORD_NONE_LIMIT;
    ubrk_close(b);
    return words;
}

/* ---- alignment ------------------------------------------------------------------------ */

/* A run where the readings differ: a[a0..a1) against b[b0..b1), shared characters around. */
typedef struct gap {
    size_t a0, a1, b0, b1;
} gap;

/* Edit distances of every prefix pair, (m + 1) x (n + 1); NULL when out of memory. */
static uint16_t *distances(const folio_ustr *a, const folio_ustr *b)
{
    size_t w = b->n + 1;
    uint16_t *d = malloc((a->n + 1) * w * sizeof(*d));
    if (!d)
        return NULL;
    for (size_t j = 0; j <= b->n; j++)
        d[j] = (uint16_t)j;
    for (size_t i = 1; i <= a->n; i++) {
        d[i * w] = (uint16_t)i;
        for (size_t j = 1; j <= b->n; j++) {
            uint16_t sub = d[(i - 1) * w + j - 1] + (a->cp[i - 1] != b->cp[j - 1]);
            uint16_t del = d[(i - 1) * w + j] + 1, ins = d[i * w + j - 1] + 1;
            uint16_t best = sub < del ? sub : del;
            d[i * w + j] = best < ins ? best : ins;
        }
    }
    return d;
}

/*
 * The shared characters of one optimal alignment, as index pairs in order:
 * ma[k] in a matches mb[k] in b. \return their count, or SIZE_MAX when out
 * of memory. Caller frees *ma and *mb.
 */
static size_t matches(const folio_ustr *a, const folio_ustr *b, size_t **ma, size_t **mb)
{
    uint16_t *d = distances(a, b);
    size_t cap = a->n < b->n ? a->n : b->n, k = 0, w = b->n + 1;
    *ma = malloc((cap + 1) * sizeof(**ma));
    *mb = malloc((cap + 1) * sizeof(**mb));
    if (!d || !*ma || !*mb) {
        free(d);
        return SIZE_MAX;
    }
    size_t i = a->n, j = b->n;
    while (i > 0 && j > 0) {
        bool same = a->cp[i - 1] == b->cp[j - 1];
        if (d[i * w + j] == d[(i - 1) * w + j - 1] + !same) {
            if (same)
                (*ma)[k] = i - 1, (*mb)[k++] = j - 1;
            i--, j--;
        } else if (d[i * w + j] == d[(i - 1) * w + j] + 1) {
            i--;
        } else {
            j--;
        }
    }
    free(d);
    for (size_t x = 0; x < k / 2; x++) { /* collected backwards */
        size_t t = (*ma)[x];
        (*ma)[x] = (*ma)[k - 1 - x], (*ma)[k - 1 - x] = t;
        t = (*mb)[x];
        (*mb)[x] = (*mb)[k - 1 - x], (*mb)[k - 1 - x] = t;
    }
    return k;
}

/* ---- evidence ------------------------------------------------------------------------- */

/* Occurrences of x[0..n) in the page's code points. */
static size_t count_on(const folio_ustr *pg, const uint32_t *x, size_t n)
{
    size_t c = 0;
    for (size_t p = 0; pg && n > 0 && p + n <= pg->n; p++)
        c += memcmp(pg->cp + p, x, n * sizeof(*x)) == 0;
    return c;
}

/* A reading's run with its shared neighbours: left context, the run, right context. */
typedef struct window {
    uint32_t cp[MAX_WINDOW];
    size_t n, run0, run1; /* the run is cp[run0..run1) */
} window;

static bool make_window(const folio_ustr *s, size_t r0, size_t r1, const folio_ustr *ctx, size_t c0,
                        size_t c1, window *w)
{
    size_t from = c0 >= CONTEXT ? c0 - CONTEXT : 0,
           to = c1 + CONTEXT < ctx->n ? c1 + CONTEXT : ctx->n;
    w->n = 0;
    if ((c0 - from) + (r1 - r0) + (to - c1) > MAX_WINDOW)
        return false;
    for (size_t i = from; i < c0; i++)
        w->cp[w->n++] = ctx->cp[i];
    w->run0 = w->n;
    for (size_t i = r0; i < r1; i++)
        w->cp[w->n++] = s->cp[i];
    w->run1 = w->n;
    for (size_t i = c1; i < to; i++)
        w->cp[w->n++] = ctx->cp[i];
    return true;
}

/*
 * The page's support of a run: its occurrences with the left, and with the
 * right, neighbour; of an empty run (a character lost), the two neighbours'
 * occurrences side by side, counted for both.
 */
static size_t support(const folio_ustr *pg, const window *w)
{
    const uint32_t *run = w->cp + w->run0 - 1;
    size_t len = w->run1 - w->run0;
    if (len == 0)
        return 2 * count_on(pg, run, 2);
    return count_on(pg, run, len + 1) + count_on(pg, run + 1, len + 1);
}

/* Does b's run win the gap? */
static bool b_wins(const folio_ustr *a, const folio_ustr *b, const gap *g, const folio_ustr *pg)
{
    window wa, wb;
    /* the context is a's: the characters around a gap are shared */
    if (!make_window(a, g->a0, g->a1, a, g->a0, g->a1, &wa) ||
        !make_window(b, g->b0, g->b1, a, g->a0, g->a1, &wb))
        return false;
    size_t sa = support(pg, &wa), sb = support(pg, &wb);
    if (sa != sb)
        return sb > sa;
    int na = folio_vote_words(wa.cp, wa.n), nb = folio_vote_words(wb.cp, wb.n);
    return na > 0 && nb > 0 && nb < na;
}

/* ---- the merge ------------------------------------------------------------------------ */

/* a's bytes for a[i0..i1) (with the spaces after), or b's for a gap b wins. */
static void put_range(folio_buf *out, const char *s, const folio_ustr *u, size_t i0, size_t i1)
{
    if (i1 > i0)
        folio_buf_append(out, s + u->off[i0], u->off[i1] - u->off[i0]);
}

/* The length change a gap brings when b's run replaces a's. */
static size_t gap_change(const gap *g)
{
    size_t la = g->a1 - g->a0, lb = g->b1 - g->b0;
    return la > lb ? la - lb : lb - la;
}

/* a with the gaps b wins taken from b; gaps that change the length by more than max_change stay
 * a's. \return NULL when nothing changes or out of memory. */
static char *merge(const char *sa, const folio_ustr *a, const char *sb, const folio_ustr *b,
                   const folio_ustr *pg, size_t max_change)
{
    size_t *ma = NULL, *mb = NULL;
    size_t k = matches(a, b, &ma, &mb);
    folio_buf out = FOLIO_BUF_INIT;
    bool changed = false;
    size_t from = 0; /* a's characters before from are written */
    for (size_t x = 0; k != SIZE_MAX && x + 1 < k; x++) {
        gap g = {ma[x] + 1, ma[x + 1], mb[x] + 1, mb[x + 1]};
        if ((g.a0 == g.a1 && g.b0 == g.b1) || gap_change(&g) > max_change || !b_wins(a, b, &g, pg))
            continue;
        put_range(&out, sa, a, from, g.a0);
        put_range(&out, sb, b, g.b0, g.b1);
        from = g.a1;
        changed = true;
    }
    free(ma);
    free(mb);
    if (!changed) {
        folio_buf_free(&out);
        return NULL;
    }
    folio_buf_append(&out, sa + a->off[from], strlen(sa + a->off[from]));
    return folio_buf_take(&out);
}

static char *vote_merge(const char *a, const char *b, const char *page, size_t max_change)
{
    folio_ustr ua = {0}, ub = {0}, pg = {0};
    char *out = NULL;
    bool have_page = false;
    if (!a || !b || folio_align_fold(a, &ua))
        return NULL;
    if (folio_align_fold(b, &ub))
        goto done;
    size_t longer = ua.n > ub.n ? ua.n : ub.n;
    if (ua.n == 0 || ub.n == 0 || longer > MAX_TEXT)
        goto done;
    size_t d = folio_align_distance(ua.cp, ua.n, ub.cp, ub.n);
    if (d == 0 || d == SIZE_MAX || d * 4 > longer)
        goto done;
    if (page && folio_align_fold(page, &pg) == 0)
        have_page = true;
    out = merge(a, &ua, b, &ub, have_page ? &pg : NULL, max_change);
done:
    folio_ustr_free(&ua);
    folio_ustr_free(&ub);
    if (have_page)
        folio_ustr_free(&pg);
    return out;
}

char *folio_vote_merge(const char *a, const char *b, const char *page)
{
    return vote_merge(a, b, page, SIZE_MAX);
}

bool folio_vote_close(const char *a, const char *b)
{
    folio_ustr ua = {0}, ub = {0};
    if (!a || !b || folio_align_fold(a, &ua))
        return false;
    bool close = false;
    if (folio_align_fold(b, &ub) == 0) {
        size_t longer = ua.n > ub.n ? ua.n : ub.n;
        size_t d = ua.n && ub.n && longer <= MAX_TEXT
                       ? folio_align_distance(ua.cp, ua.n, ub.cp, ub.n)
                       : SIZE_MAX;
        close = d != SIZE_MAX && d * 4 <= longer;
        folio_ustr_free(&ub);
    }
    folio_ustr_free(&ua);
    return close;
}

char *folio_vote_line(const char *first, float first_conf, const char *second, float second_conf,
                      const char *page)
{
    if (!folio_vote_close(first, second))
        return NULL;
    bool second_base = second_conf >= first_conf + LINE_MARGIN;
    /* a line's vote settles misread characters, it adds or drops no stretch: aligned with a
     * reading that repeats a stretch ("37-48. 2024,30(4):37-48."), the repeat's pieces
     * scatter, and the page supports them */
    char *m = second_base ? vote_merge(second, first, page, LINE_STRETCH)
                          : vote_merge(first, second, page, LINE_STRETCH);
    return m ? m : second_base ? folio_strdup(second) : NULL;
}
