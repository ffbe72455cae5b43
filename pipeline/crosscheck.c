/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cross-checks between the title block and the printed citation (see
 * crosscheck.h). Sizes are capped (a title of 256 code points, a citation
 * of 4096) so a fuzzed page cannot make the alignment expensive.
 */
#include "crosscheck.h"

#include "align.h"
#include "labels.h"
#include "pinyin.h"
#include "text.h"
#include "values.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TITLE 256

/* ---- authors ------------------------------------------------------------------ */

/* s with only its Han characters (and the · of transcribed names). */
static char *han_only(const char *s, size_t *han)
{
    folio_ustr u;
    *han = 0;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < u.n; i++) {
        if (folio_is_han(u.cp[i]) || (u.cp[i] == 0xB7 && b.len)) {
            folio_buf_put_cp(&b, u.cp[i]);
            *han += folio_is_han(u.cp[i]);
        }
    }
    folio_ustr_free(&u);
    return folio_buf_take(&b);
}

static int push_han(folio_strlist *l, const char *s, size_t bytes)
{
    char *p = folio_strndup(s, bytes);
    int rc = p ? folio_strlist_push(l, p) : FOLIO_ENOMEM;
    free(p);
    return rc;
}

/* Cut a run of names ("李明远王晓燕") at the names the citation knows, else in threes or twos. */
static int split_run(const char *t, size_t han, const folio_strlist *known, folio_strlist *out)
{
    size_t pos = 0, len = strlen(t);
    while (pos < len) {
        size_t k = 0;
        while (k < known->n && (!*known->items[k] ||
                                strncmp(t + pos, known->items[k], strlen(known->items[k])) != 0))
            k++;
        if (k == known->n)
            break;
        int rc = folio_strlist_push(out, known->items[k]);
        if (rc)
            return rc;
        pos += strlen(known->items[k]);
        han = folio_utf8_len(t + pos);
    }
    if (pos >= len)
        return 0;
    size_t chunk = han % 3 == 0 ? 3 : han % 2 == 0 && han > 4 ? 2 : han;
    for (size_t done = 0; done < han && pos < len; done += chunk) {
        size_t end = pos, n = 0;
        while (end < len && n < chunk) {
            uint32_t cp;
            end += folio_utf8_decode(t + end, len - end, &cp);
            n++;
        }
        int rc = push_han(out, t + pos, end - pos);
        if (rc)
            return rc;
        pos = end;
    }
    return 0;
}

/* The citation's authors by position: Han names as printed, "" where OCR garbled one. */
static int known_names(const folio_citation *c, folio_strlist *known, size_t *clean)
{
    *clean = 0;
    for (size_t i = 0; c && i < c->n_authors; i++) {
        size_t han;
        char *n = han_only(c->authors[i], &han);
        bool whole = n && c->authors[i] && folio_utf8_len(n) == folio_utf8_len(c->authors[i]);
        bool ok = whole && han >= 2 && han <= 4;
        int rc = folio_strlist_push(known, ok ? n : "");
        *clean += ok;
        free(n);
        if (rc)
            return rc;
    }
    return 0;
}

/* The Han name (2-4 characters) at the start of s, or NULL. */
static char *name_at(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    size_t i = 0;
    while (i < u.n && (folio_is_space(u.cp[i]) || folio_is_label_colon(u.cp[i])))
        i++;
    size_t j = i;
    while (j < u.n && folio_is_han(u.cp[j]) && j - i < 5)
        j++;
    bool end = j >= u.n || !folio_is_han(u.cp[j]);
    char *name =
        end && j - i >= 2 && j - i <= 4 ? folio_strndup(s + u.off[i], u.off[j] - u.off[i]) : NULL;
    folio_ustr_free(&u);
    return name;
}

/* Edit distance of two short strings in code points (names: at most a few characters). */
static size_t name_distance(const char *x, const char *y)
{
    folio_ustr a, b;
    if (folio_ustr_init(&a, x))
        return 0;
    if (folio_ustr_init(&b, y)) {
        folio_ustr_free(&a);
        return 0;
    }
    size_t d = 99;
    if (a.n <= 8 && b.n <= 8) {
        size_t row[9];
        for (size_t j = 0; j <= b.n; j++)
            row[j] = j;
        for (size_t i = 1; i <= a.n; i++) {
            size_t diag = row[0];
            row[0] = i;
            for (size_t j = 1; j <= b.n; j++) {
                size_t up = row[j], v = diag + (a.cp[i - 1] != b.cp[j - 1]);
                v = row[j] + 1 < v ? row[j] + 1 : v;
                v = row[j - 1] + 1 < v ? row[j - 1] + 1 : v;
                row[j] = v;
                diag = up;
            }
        }
        d = row[b.n];
    }
    folio_ustr_free(&a);
    folio_ustr_free(&b);
    return d;
}

/* The same name, or a one-character misreading of it (李明过 for 李明远, 罗了晓梅 for 罗晓梅)? */
static bool same_name(const char *x, const char *y)
{
    return name_distance(x, y) <= 1;
}

/* Is name on the list, or a one-character misreading of a name on it? */
static bool listed(const folio_strlist *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (same_name(l->items[i], name))
            return true;
    return false;
}

/* The Han name (2-4 characters) that ends right before byte `end` of s, skipping "(" and spaces. */
static char *name_before(const char *s, size_t end)
{
    folio_ustr u;
    char *head = folio_strndup(s, end);
    if (!head || folio_ustr_init(&u, head)) {
        free(head);
        return NULL;
    }
    size_t j = u.n;
    while (j > 0 && (folio_is_space(u.cp[j - 1]) || u.cp[j - 1] == '(' || u.cp[j - 1] == 0xFF08))
        j--;
    size_t i = j;
    while (i > 0 && folio_is_han(u.cp[i - 1]) && j - i < 5)
        i--;
    char *name = j - i >= 2 && j - i <= 4 && j < u.n
                     ? folio_strndup(head + u.off[i], u.off[j] - u.off[i])
                     : NULL;
    folio_ustr_free(&u);
    free(head);
    return name;
}

/* The 通信作者: "通信作者：孙鹏" or "黄若曦(通信作者)". */
static char *corresponding(const char *bio, bool *only)
{
    static const char *const corr[] = {"通信作者", "通讯作者", NULL};
    *only = false;
    for (size_t k = 0; bio && corr[k]; k++) {
        const char *p = strstr(bio, corr[k]);
        if (!p)
            continue;
        *only = p == bio;
        char *name = name_at(p + strlen(corr[k]));
        return name ? name : name_before(bio, (size_t)(p - bio));
    }
    return NULL;
}

/* Names the author notes give: the first person described and the 通信作者. */
static int add_bio_names(folio_strlist *out, const char *bio)
{
    bool only;
    char *last = corresponding(bio, &only);
    char *first = only ? NULL : name_at(bio);
    int rc = 0;
    if (first && !listed(out, first)) {
        rc = folio_strlist_push(out, first);
        for (size_t i = out->n - 1; rc == 0 && i > 0; i--) {
            char *t = out->items[i];
            out->items[i] = out->items[i - 1];
            out->items[i - 1] = t;
        }
    }
    if (rc == 0 && last && !listed(out, last))
        rc = folio_strlist_push(out, last);
    free(first);
    free(last);
    return rc;
}

/* The authors line's names: Han only, runs split at the citation's names. */
static int line_names(const folio_strlist *authors, const folio_strlist *known, folio_strlist *out)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < authors->n; i++) {
        size_t han;
        char *t = han_only(authors->items[i], &han);
        if (!t)
            rc = FOLIO_ENOMEM;
        else if (han >= 2 && han <= 4)
            rc = folio_strlist_push(out, t);
        else if (han > 4)
            rc = split_run(t, han, known, out);
        free(t);
    }
    return rc;
}

/* Replace item i of l by a copy of s. */
static int set_item(folio_strlist *l, size_t i, const char *s)
{
    char *copy = folio_strdup(s);
    if (!copy)
        return FOLIO_ENOMEM;
    free(l->items[i]);
    l->items[i] = copy;
    return 0;
}

/* Insert at i, shifting the rest. */
static int insert_at(folio_strlist *l, size_t i, const char *s)
{
    int rc = folio_strlist_push(l, s);
    for (size_t k = l->n - 1; rc == 0 && k > i; k--) {
        char *t = l->items[k];
        l->items[k] = l->items[k - 1];
        l->items[k - 1] = t;
    }
    return rc;
}

/* The citation's names the line lost ("等" lists still name the first three), in its order. */
static int add_missing(folio_strlist *out, const folio_strlist *known)
{
    int rc = 0;
    size_t at = 0; /* where the previous citation name stands in out, +1 */
    for (size_t i = 0; rc == 0 && i < known->n; i++) {
        const char *name = known->items[i];
        if (!*name)
            continue;
        size_t k = 0;
        while (k < out->n && !same_name(out->items[k], name))
            k++;
        if (k < out->n)
            at = k + 1;
        else if ((rc = insert_at(out, at, name)) == 0)
            at++;
    }
    return rc;
}

/*
 * Two readings of the list: the citation's replaces a line that lost names;
 * a first author the two read differently is the one the notes name.
 */
static int merge_names(folio_strlist *out, const folio_strlist *known, size_t clean, bool et_al,
                       const char *bio)
{
    int rc = 0;
    if (!et_al && clean == known->n && known->n > out->n) {
        folio_strlist_clear(out);
        for (size_t i = 0; rc == 0 && i < known->n; i++)
            rc = folio_strlist_push(out, known->items[i]);
        return rc;
    }
    bool only;
    char *corr = corresponding(bio, &only);
    char *first = only ? NULL : name_at(bio);
    if (out->n && known->n && *known->items[0] && first && strcmp(out->items[0], first) != 0 &&
        strcmp(known->items[0], first) == 0)
        rc = set_item(out, 0, first);
    free(first);
    free(corr);
    /* a name OCR lengthened by a stray character (罗了晓梅): the citation's three */
    for (size_t i = 0; rc == 0 && i < out->n && i < known->n; i++)
        if (*known->items[i] && folio_utf8_len(out->items[i]) == 4 &&
            folio_utf8_len(known->items[i]) == 3 &&
            name_distance(out->items[i], known->items[i]) == 1)
            rc = set_item(out, i, known->items[i]);
    return rc ? rc : add_missing(out, known);
}

int folio_crosscheck_authors_zh(folio_strlist *authors, const folio_citation *c, const char *bio)
{
    folio_strlist known = {0}, out = {0};
    size_t clean = 0;
    int rc = known_names(c, &known, &clean);
    if (rc == 0)
        rc = line_names(authors, &known, &out);
    bool none = out.n == 0;
    for (size_t i = 0; rc == 0 && none && i < known.n; i++)
        rc = *known.items[i] ? folio_strlist_push(&out, known.items[i]) : 0;
    if (rc == 0 && none)
        rc = add_bio_names(&out, bio);
    else if (rc == 0)
        rc = merge_names(&out, &known, clean, c && c->et_al, bio);
    folio_strlist_clear(&known);
    if (rc) {
        folio_strlist_clear(&out);
        return rc;
    }
    folio_strlist_clear(authors);
    *authors = out;
    return 0;
}

/* ---- authors against their Latin spelling --------------------------------------------- */

/* The Latin name zh agrees with best: \return its agreement (-1: zh is no Han name), *j, *full. */
static int best_latin(const folio_pinyin *py, const char *zh, const folio_strlist *latin, size_t *j,
                      bool *full)
{
    int best = -1;
    *j = 0;
    *full = false;
    for (size_t k = 0; k < latin->n && !*full; k++) {
        bool f;
        int a = folio_pinyin_agreement(py, zh, latin->items[k], &f);
        if (f || a > best)
            best = a, *j = k, *full = f;
    }
    return best;
}

static bool agrees(const folio_pinyin *py, const char *zh, const folio_strlist *latin)
{
    size_t j;
    bool full;
    best_latin(py, zh, latin, &j, &full);
    return full;
}

/* Two names run together (赵丽孙鹏) that both agree: split, *done set. \return 0 or FOLIO_ENOMEM.
 */
static int split_pair(folio_strlist *l, size_t i, const folio_pinyin *py,
                      const folio_strlist *latin, bool *done)
{
    folio_ustr u;
    *done = false;
    if (folio_ustr_init(&u, l->items[i]))
        return FOLIO_ENOMEM;
    int rc = 0;
    for (size_t cut = 2; cut + 2 <= u.n && !*done && rc == 0; cut++) {
        char *a = folio_strndup(l->items[i], u.off[cut]);
        char *b = folio_strdup(l->items[i] + u.off[cut]);
        if (!a || !b)
            rc = FOLIO_ENOMEM;
        else if (agrees(py, a, latin) && agrees(py, b, latin)) {
            rc = insert_at(l, i + 1, b);
            rc = rc ? rc : set_item(l, i, a);
            *done = true;
        }
        free(a);
        free(b);
    }
    folio_ustr_free(&u);
    return rc;
}

/* name without its character k (a copy; NULL when out of memory). */
static char *without(const char *name, const folio_ustr *u, size_t k)
{
    folio_buf b = FOLIO_BUF_INIT;
    folio_buf_append(&b, name, u->off[k]);
    folio_buf_puts(&b, name + u->off[k + 1]);
    return folio_buf_take(&b);
}

/*
 * A character OCR added to the name, before or after it (和孙鹏) or inside
 * it from a stroke of the 楷体 face (罗上晓梅 for LUO Xiaomei): the rest when
 * it agrees. The ends are tried first, the first character first.
 */
static char *trimmed(const char *name, const folio_pinyin *py, const folio_strlist *latin)
{
    folio_ustr u;
    if (folio_ustr_init(&u, name))
        return NULL;
    char *out = NULL;
    for (size_t t = 0; u.n >= 3 && t < u.n && !out; t++) {
        size_t k = t == 0 ? 0 : t == 1 ? u.n - 1 : t - 1; /* first, last, then inside */
        char *rest = without(name, &u, k);
        if (rest && agrees(py, rest, latin))
            out = rest;
        else
            free(rest);
    }
    folio_ustr_free(&u);
    return out;
}

/* Another reading of name on the page, one character apart, that agrees; NULL if none. */
static char *page_reading(const char *name, const char *page, const folio_ustr *pg,
                          const folio_pinyin *py, const folio_strlist *latin)
{
    folio_ustr u;
    if (folio_ustr_init(&u, name))
        return NULL;
    char *out = NULL;
    for (size_t p = 0; u.n >= 2 && p + u.n <= pg->n && !out; p++) {
        size_t diff = 0, k = 0;
        for (; k < u.n && diff <= 1 && folio_is_han(pg->cp[p + k]); k++)
            diff += pg->cp[p + k] != u.cp[k];
        bool whole = (p == 0 || !folio_is_han(pg->cp[p - 1])) &&
                     (p + u.n == pg->n || !folio_is_han(pg->cp[p + u.n]));
        if (k < u.n || diff != 1 || !whole)
            continue;
        char *cand = folio_strndup(page + pg->off[p], pg->off[p + u.n] - pg->off[p]);
        if (cand && agrees(py, cand, latin))
            out = cand;
        else
            free(cand);
    }
    folio_ustr_free(&u);
    return out;
}

/* One name made to agree if the page allows: split, trimmed, or read elsewhere. */
static int fix_name(folio_strlist *l, size_t i, const char *page, const folio_ustr *pg,
                    const folio_pinyin *py, const folio_strlist *latin)
{
    size_t j;
    bool full, split = false;
    if (best_latin(py, l->items[i], latin, &j, &full) < 0 || full)
        return 0;
    int rc = folio_utf8_len(l->items[i]) >= 4 ? split_pair(l, i, py, latin, &split) : 0;
    if (rc || split)
        return rc;
    char *better = trimmed(l->items[i], py, latin);
    if (!better && pg)
        better = page_reading(l->items[i], page, pg, py, latin);
    rc = better ? set_item(l, i, better) : 0;
    free(better);
    return rc;
}

/* Two readings of one name side by side (the list longer than the Latin one): drop the worse. */
static void drop_second_readings(folio_strlist *l, const folio_pinyin *py,
                                 const folio_strlist *latin)
{
    size_t i = 0;
    while (i + 1 < l->n && l->n > latin->n) {
        size_t ja, jb;
        bool fa, fb;
        int a = best_latin(py, l->items[i], latin, &ja, &fa);
        int b = best_latin(py, l->items[i + 1], latin, &jb, &fb);
        if (a < 1 || b < 1 || ja != jb || (fa && fb)) {
            i++;
            continue;
        }
        size_t drop = fa || (!fb && a >= b) ? i + 1 : i;
        free(l->items[drop]);
        memmove(&l->items[drop], &l->items[drop + 1], (l->n - drop - 1) * sizeof(*l->items));
        l->n--;
    }
}

int folio_crosscheck_authors_pinyin(folio_strlist *authors, const folio_strlist *latin,
                                    bool complete, const char *page, const folio_pinyin *py)
{
    if (!authors || !latin || !py || latin->n == 0)
        return 0;
    folio_ustr pg;
    bool have_page = page && folio_ustr_init(&pg, page) == 0;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < authors->n; i++)
        rc = fix_name(authors, i, page, have_page ? &pg : NULL, py, latin);
    if (have_page)
        folio_ustr_free(&pg);
    if (rc == 0 && complete)
        drop_second_readings(authors, py, latin);
    return rc;
}

/* ---- the title inside the citation ------------------------------------------------ */

/* A printed type code [J], [M], [EB/OL] starts at i? */
static bool proper_code(const folio_ustr *u, size_t i)
{
    if (i >= u->n || (u->cp[i] != '[' && u->cp[i] != 0xFF3B))
        return false;
    size_t j = i + 1, letters = 0;
    while (j < u->n && ((u->cp[j] >= 'A' && u->cp[j] <= 'Z') || u->cp[j] == '/'))
        j++, letters++;
    return letters >= 1 && j < u->n && (u->cp[j] == ']' || u->cp[j] == 0xFF3D);
}

/* Non-space code points of u with their indices into u. */
static size_t squeeze(const folio_ustr *u, uint32_t *cp, size_t *at, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < u->n && n < max; i++)
        if (!folio_is_space(u->cp[i])) {
            cp[n] = u->cp[i];
            at[n++] = i;
        }
    return n;
}

/* The few code points between the title and the next stop: do they look like a garbled [J]? */
static bool garbled_code(const folio_ustr *u, size_t a, size_t b)
{
    /* 四中口田日目加吕团: what OCR makes of [J] in a Song face */
    static const uint32_t lookalikes[] = {0x56DB, 0x4E2D, 0x53E3, 0x7530, 0x65E5,
                                          0x76EE, 0x52A0, 0x5415, 0x56E2, 0};
    size_t n = 0, brackets = 0;
    uint32_t only = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t c = u->cp[i];
        if (folio_is_space(c))
            continue;
        n++;
        only = c;
        brackets += c == '[' || c == ']' || c == '|' || c == '}' || c == ')' || c == 0x3011 ||
                    c == 0xFF3D || c == 0x3010 || c == 0xFF3B;
    }
    if (n == 1)
        for (const uint32_t *l = lookalikes; *l; l++)
            if (only == *l)
                return true;
    return n >= 1 && n <= 3 && brackets >= 1;
}

static bool has_proper_code(const folio_ustr *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (proper_code(u, i))
            return true;
    return false;
}

/* The garbled type code after the title: [a, b) to replace with [J] (a == b: none). */
static void code_after(const folio_ustr *u, size_t te, size_t *a, size_t *b)
{
    size_t stop = te;
    while (stop < u->n && stop - te < 7 && !folio_align_stop(u->cp[stop]))
        stop++;
    if (stop >= u->n || !folio_align_stop(u->cp[stop]))
        return;
    /* the title block may have lost its last character or two: "预测四" after "…预" */
    for (size_t k = te; k < te + 3 && k < stop; k++) {
        if (garbled_code(u, k, stop)) {
            *a = k, *b = stop;
            return;
        }
        if (!folio_is_han(u->cp[k]))
            return;
    }
}

/*
 * Repairs around the title found in the citation: the separator OCR read as
 * a comma between the authors and the title becomes a full stop (in u, in
 * place), and *a, *b receive the garbled type code to replace (a == b: none).
 */
static void repair_around_title(folio_ustr *u, const char *title, size_t *a, size_t *b)
{
    *a = *b = 0;
    folio_ustr t;
    if (!title || u->n > FOLIO_ALIGN_MAX || folio_ustr_init(&t, title))
        return;
    uint32_t *tc = malloc((t.n + 1) * sizeof(*tc)), *cc = malloc((u->n + 1) * sizeof(*cc));
    size_t *tat = malloc((t.n + 1) * sizeof(*tat)), *cat = malloc((u->n + 1) * sizeof(*cat));
    size_t ts, te;
    if (tc && cc && tat && cat) {
        size_t m = squeeze(&t, tc, tat, MAX_TITLE), n = squeeze(u, cc, cat, FOLIO_ALIGN_MAX);
        if (folio_align_span(tc, m, cc, n, &ts, &te) && te < n) {
            uint32_t *sep = ts > 0 ? &u->cp[cat[ts - 1]] : NULL;
            bool han_before = ts >= 2 && folio_is_han(cc[ts - 2]);
            if (sep && (*sep == ',' || *sep == 0xFF0C) && han_before)
                *sep = *sep == ',' ? '.' : 0xFF0E;
            if (!has_proper_code(u))
                code_after(u, cat[te], a, b);
        }
    }
    free(tc), free(cc), free(tat), free(cat);
    folio_ustr_free(&t);
}

/* OCR's "(1)" for the printed "[1]" at the start of a reference: the index of ")" or 0. */
static size_t paren_index(const folio_ustr *u)
{
    size_t i = 0;
    while (i < u->n && u->cp[i] == ' ')
        i++;
    if (i + 2 >= u->n || (u->cp[i] != '(' && u->cp[i] != 0xFF08))
        return 0;
    size_t j = i + 1;
    while (j < u->n && j - i <= 3 && u->cp[j] >= '0' && u->cp[j] <= '9')
        j++;
    return j > i + 1 && j < u->n && (u->cp[j] == ')' || u->cp[j] == 0xFF09) ? j : 0;
}

/* Punctuation OCR doubles: the "." of ",." and the brackets of an index "(1)". */
static void fix_punct(folio_ustr *u)
{
    size_t w = 0, close = paren_index(u);
    for (size_t i = 0; i < u->n; i++) {
        uint32_t c = u->cp[i];
        if (close && i < close && (c == '(' || c == 0xFF08))
            c = '[';
        if (close && i == close)
            c = ']';
        if (c == '.' && w > 0) {
            size_t k = w;
            while (k > 0 && u->cp[k - 1] == ' ')
                k--;
            if (k > 0 && (u->cp[k - 1] == ',' || u->cp[k - 1] == 0xFF0C))
                continue;
        }
        u->cp[w++] = c;
    }
    u->n = w;
}

/* u as a string with [a, b) replaced by `with` (a == b: unchanged). */
static char *replace_run(const folio_ustr *u, size_t a, size_t b, const char *with)
{
    folio_buf out = FOLIO_BUF_INIT;
    for (size_t i = 0; i < a && i < u->n; i++)
        folio_buf_put_cp(&out, u->cp[i]);
    if (a < b) {
        while (out.len && out.data[out.len - 1] == ' ')
            out.data[--out.len] = '\0';
        folio_buf_puts(&out, with);
    }
    for (size_t i = a < b ? b : a; i < u->n; i++)
        folio_buf_put_cp(&out, u->cp[i]);
    return folio_buf_take(&out);
}

/* Without a title to align: a short bracketed run before a stop, after Chinese ("策略[可."). */
static void bracket_code(const folio_ustr *u, size_t *a, size_t *b)
{
    *a = *b = 0;
    for (size_t i = 1; i < u->n && !has_proper_code(u); i++) {
        if (!folio_is_han(u->cp[i - 1]))
            continue;
        size_t stop = i;
        while (stop < u->n && stop - i < 3 && !folio_align_stop(u->cp[stop]) &&
               !(u->cp[stop] >= '0' && u->cp[stop] <= '9'))
            stop++;
        bool open = u->cp[i] == '[' || u->cp[i] == 0xFF3B || u->cp[i] == 0x3010;
        if (stop < u->n && stop > i && folio_align_stop(u->cp[stop]) && open &&
            garbled_code(u, i, stop)) {
            *a = i, *b = stop;
            return;
        }
    }
}

static bool digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool year_sep(uint32_t c)
{
    return c == ' ' || c == '.' || c == ':' || c == ';' || c == ',' || c == 0xFF0C;
}

/*
 * A year then a volume with its issue at i ("2021.28(6)"): \return the
 * index after the separator between them (at the volume), or 0.
 */
static size_t year_volume_at(const folio_ustr *u, size_t i)
{
    if (i + 4 >= u->n ||
        (i > 0 && (digit(u->cp[i - 1]) || u->cp[i - 1] == '/' || u->cp[i - 1] == '.')))
        return 0;
    if ((u->cp[i] != '1' && u->cp[i] != '2') || !digit(u->cp[i + 1]) || !digit(u->cp[i + 2]) ||
        !digit(u->cp[i + 3]))
        return 0;
    size_t v = i + 4;
    while (v < u->n && v < i + 6 && year_sep(u->cp[v]))
        v++;
    size_t d = v;
    while (d < u->n && digit(u->cp[d]))
        d++;
    return v > i + 4 && d > v && d < u->n && u->cp[d] == '(' ? v : 0;
}

/* "…科学版2024, 30(4)", "2021.28(6)", "2024: 30(4)": the year set off by commas as printed. */
static char *fix_year_volume(const char *s)
{
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return NULL;
    folio_buf out = FOLIO_BUF_INIT;
    for (size_t i = 0; i < u.n; i++) {
        size_t v = year_volume_at(&u, i);
        if (!v) {
            folio_buf_put_cp(&out, u.cp[i]);
            continue;
        }
        if (i > 0 && folio_is_han(u.cp[i - 1]))
            folio_buf_putc(&out, ',');
        bool comma = false;
        for (size_t k = i + 4; k < v; k++)
            comma |= u.cp[k] == ',' || u.cp[k] == 0xFF0C;
        for (size_t k = i; k < (comma ? v : i + 4); k++)
            folio_buf_put_cp(&out, u.cp[k]);
        if (!comma)
            folio_buf_putc(&out, ',');
        i = v - 1;
    }
    folio_ustr_free(&u);
    return folio_buf_take(&out);
}

char *folio_crosscheck_citation(const char *cite, const char *title)
{
    folio_ustr u;
    if (!cite || folio_ustr_init(&u, cite))
        return NULL;
    fix_punct(&u);
    size_t a, b;
    repair_around_title(&u, title, &a, &b);
    if (a == b)
        bracket_code(&u, &a, &b);
    char *step = replace_run(&u, a, b, "[J]");
    folio_ustr_free(&u);
    char *doi = folio_value_fix_doi_text(step);
    free(step);
    char *fixed = fix_year_volume(doi);
    free(doi);
    return fixed;
}

/* ---- the title --------------------------------------------------------------------- */

static void count_script(const char *s, size_t *han, size_t *latin)
{
    folio_ustr u;
    *han = *latin = 0;
    if (!s || folio_ustr_init(&u, s))
        return;
    for (size_t i = 0; i < u.n; i++) {
        *han += folio_is_han(u.cp[i]);
        *latin += folio_is_latin(u.cp[i]);
    }
    folio_ustr_free(&u);
}

bool folio_crosscheck_title_zh(char **title, const char *cite_title, bool block)
{
    size_t ch, cl, th, tl;
    count_script(cite_title, &ch, &cl);
    if (ch < 4 || cl * 2 > ch)
        return false;
    if (!block)
        return false; /* no title block (the web layout): the citation's title is not one */
    count_script(*title, &th, &tl);
    bool poor = !*title || th * 10 < ch * 6 || tl * 2 > th;
    if (!poor)
        return false;
    char *copy = folio_strdup(cite_title);
    if (!copy)
        return false;
    free(*title);
    *title = copy;
    return true;
}
