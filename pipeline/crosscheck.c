/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cross-checks between the title block and the printed citation (see
 * crosscheck.h). Sizes are capped (a title of 256 code points, a citation
 * of 4096) so a fuzzed page cannot make the alignment expensive.
 */
#include "crosscheck.h"

#include "labels.h"
#include "text.h"
#include "values.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TITLE 256
#define MAX_CITE 4096
#define CITE_AUTHORS_MAX 64

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

/* ---- the title inside the citation ------------------------------------------------ */

/*
 * Where the title t (m code points, no spaces) ends inside the citation's
 * non-space code points c[0..n): semi-global edit distance, free start.
 * \return the index in c after the best match, or SIZE_MAX when it is too far.
 */
static size_t title_end_in(const uint32_t *t, size_t m, const uint32_t *c, size_t n)
{
    int *prev = malloc((m + 1) * sizeof(int)), *cur = malloc((m + 1) * sizeof(int));
    size_t best_j = SIZE_MAX;
    int best = (int)m / 4 + 1;
    if (!prev || !cur)
        goto done;
    for (size_t i = 0; i <= m; i++)
        prev[i] = (int)i;
    for (size_t j = 1; j <= n; j++) {
        cur[0] = 0;
        for (size_t i = 1; i <= m; i++) {
            int v = prev[i - 1] + (t[i - 1] != c[j - 1]);
            if (prev[i] + 1 < v)
                v = prev[i] + 1;
            if (cur[i - 1] + 1 < v)
                v = cur[i - 1] + 1;
            cur[i] = v;
        }
        if (cur[m] < best || (cur[m] == best && best_j != SIZE_MAX && j == best_j + 1)) {
            best = cur[m];
            best_j = j;
        }
        int *sw = prev;
        prev = cur;
        cur = sw;
    }
done:
    free(prev);
    free(cur);
    return best_j;
}

static bool stop_char(uint32_t c)
{
    return c == '.' || c == 0xFF0E || c == 0x3002 || c == ',' || c == 0xFF0C;
}

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

/* Reverse n code points in place. */
static void reverse(uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n / 2; i++) {
        uint32_t t = v[i];
        v[i] = v[n - 1 - i];
        v[n - 1 - i] = t;
    }
}

/*
 * Where the title t lies in the citation's non-space code points c[0..n):
 * the end by a forward alignment, the start by aligning both reversed.
 * \return false when the title is not found. c and t are reversed and back.
 */
static bool title_span(uint32_t *t, size_t m, uint32_t *c, size_t n, size_t *s, size_t *e)
{
    *e = m >= 4 ? title_end_in(t, m, c, n) : SIZE_MAX;
    if (*e == SIZE_MAX)
        return false;
    reverse(t, m);
    reverse(c, *e);
    size_t back = title_end_in(t, m, c, *e);
    reverse(t, m);
    reverse(c, *e);
    if (back == SIZE_MAX)
        return false;
    *s = *e - back;
    return true;
}

/* The garbled type code after the title: [a, b) to replace with [J] (a == b: none). */
static void code_after(const folio_ustr *u, size_t te, size_t *a, size_t *b)
{
    size_t stop = te;
    while (stop < u->n && stop - te < 7 && !stop_char(u->cp[stop]))
        stop++;
    if (stop >= u->n || !stop_char(u->cp[stop]))
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
    if (!title || u->n > MAX_CITE || folio_ustr_init(&t, title))
        return;
    uint32_t *tc = malloc((t.n + 1) * sizeof(*tc)), *cc = malloc((u->n + 1) * sizeof(*cc));
    size_t *tat = malloc((t.n + 1) * sizeof(*tat)), *cat = malloc((u->n + 1) * sizeof(*cat));
    size_t ts, te;
    if (tc && cc && tat && cat) {
        size_t m = squeeze(&t, tc, tat, MAX_TITLE), n = squeeze(u, cc, cat, MAX_CITE);
        if (title_span(tc, m, cc, n, &ts, &te) && te < n) {
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
        while (stop < u->n && stop - i < 3 && !stop_char(u->cp[stop]) &&
               !(u->cp[stop] >= '0' && u->cp[stop] <= '9'))
            stop++;
        bool open = u->cp[i] == '[' || u->cp[i] == 0xFF3B || u->cp[i] == 0x3010;
        if (stop < u->n && stop > i && stop_char(u->cp[stop]) && open && garbled_code(u, i, stop)) {
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

/* ---- the parsed citation against the page's other copies ----------------------------- */

/* Non-space code points of s, full-width forms folded to ASCII. \return 0 or FOLIO_ENOMEM. */
static int folded_cps(const char *s, folio_ustr *u)
{
    if (folio_ustr_init(u, s))
        return FOLIO_ENOMEM;
    size_t w = 0;
    for (size_t i = 0; i < u->n; i++) {
        uint32_t c = u->cp[i];
        if (folio_is_space(c))
            continue;
        u->cp[w] = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
        u->off[w++] = u->off[i];
    }
    u->off[w] = u->off[u->n];
    u->n = w;
    return 0;
}

/* Levenshtein distance of a[0..m) and b[0..n); SIZE_MAX when too long or out of memory. */
static size_t cp_distance(const uint32_t *a, size_t m, const uint32_t *b, size_t n)
{
    if (m > MAX_CITE || n > MAX_CITE)
        return SIZE_MAX;
    size_t *row = malloc((n + 1) * sizeof(*row));
    if (!row)
        return SIZE_MAX;
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (size_t i = 1; i <= m; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);
            v = up + 1 < v ? up + 1 : v;
            v = row[j - 1] + 1 < v ? row[j - 1] + 1 : v;
            row[j] = v;
            diag = up;
        }
    }
    size_t d = row[n];
    free(row);
    return d;
}

/* Distance of two strings ignoring spaces and full/half width; SIZE_MAX on error. */
static size_t text_distance(const char *x, const char *y, size_t *longer)
{
    folio_ustr a, b;
    *longer = 0;
    if (folded_cps(x, &a))
        return SIZE_MAX;
    if (folded_cps(y, &b)) {
        folio_ustr_free(&a);
        return SIZE_MAX;
    }
    *longer = a.n > b.n ? a.n : b.n;
    size_t d = cp_distance(a.cp, a.n, b.cp, b.n);
    folio_ustr_free(&a);
    folio_ustr_free(&b);
    return d;
}

char *folio_crosscheck_title_tail(const char *title, const char *cite_title)
{
    folio_ustr t, c;
    char *out = NULL;
    if (!title || !cite_title || folded_cps(title, &t))
        return NULL;
    if (folded_cps(cite_title, &c)) {
        folio_ustr_free(&t);
        return NULL;
    }
    size_t e = t.n >= 4 && t.n <= MAX_TITLE && c.n <= MAX_TITLE
                   ? title_end_in(t.cp, t.n, c.cp, c.n)
                   : SIZE_MAX;
    bool han = e != SIZE_MAX && e < c.n && c.n - e <= 2;
    for (size_t i = e; han && i < c.n; i++)
        han = folio_is_han(c.cp[i]);
    if (han) {
        folio_buf b = FOLIO_BUF_INIT;
        folio_buf_puts(&b, title);
        folio_buf_puts(&b, cite_title + c.off[e]);
        out = folio_buf_take(&b);
    }
    folio_ustr_free(&t);
    folio_ustr_free(&c);
    return out;
}

/* Replace *field by a copy of s. \return 0 or FOLIO_ENOMEM. */
static int set_copy(char **field, const char *s)
{
    char *copy = folio_strdup(s);
    if (!copy)
        return FOLIO_ENOMEM;
    free(*field);
    *field = copy;
    return 0;
}

/*
 * The title: the title block's reading (larger type, read better: on the
 * development pages it was exact twice as often) when the two are close,
 * completed with a lost last character from the citation's reading. The
 * tail is not taken when the English citation prints a type code that the
 * Chinese reading lacks: there the extra character is the garbled code.
 */
static int reconcile_title(folio_citation *c, const folio_cite_witness *w)
{
    size_t longer, d = text_distance(w->title, c->title, &longer);
    if (d == 0 || d == SIZE_MAX || d * 4 > longer)
        return 0;
    bool code_lost = !c->type && w->en && w->en->type;
    char *tail = code_lost ? NULL : folio_crosscheck_title_tail(w->title, c->title);
    int rc = set_copy(&c->title, tail ? tail : w->title);
    free(tail);
    return rc;
}

/* A Chinese personal name: 2-4 Han characters (a · allowed inside). */
static bool han_name(const char *s)
{
    size_t han;
    char *h = han_only(s, &han);
    bool ok = h && han >= 2 && han <= 4 && strcmp(h, s) == 0;
    free(h);
    return ok;
}

static size_t count_in(const char *page, const char *s)
{
    size_t n = 0, len = strlen(s);
    for (const char *p = page ? strstr(page, s) : NULL; p && len; p = strstr(p + len, s))
        n++;
    return n;
}

/*
 * The authors: as many as the citations print (the English one's count: its
 * names are read best), taken from the reconciled author list, which already
 * weighed the authors line, this citation and the author notes. A name the
 * citation read differently stays when the page prints its reading more often.
 */
/* One word of an English name list: its letters, capitals, and whether a lower-case one. */
typedef struct en_word {
    size_t len, caps, letters;
    bool lower_first;
} en_word;

/* The word at s, ended by a space, comma or full stop. \return its length in bytes. */
static size_t en_word_at(const char *s, en_word *w)
{
    memset(w, 0, sizeof(*w));
    while (s[w->len] && s[w->len] != ' ' && s[w->len] != ',' && s[w->len] != '.') {
        char ch = s[w->len];
        bool up = ch >= 'A' && ch <= 'Z', low = ch >= 'a' && ch <= 'z';
        w->caps += up;
        w->letters += up || low || ch == '-';
        if (w->len == 0)
            w->lower_first = low;
        w->len++;
    }
    return w->len;
}

static bool initials(const en_word *w)
{
    return w->caps >= 1 && w->caps <= 2 && w->letters == w->len && w->caps == w->len;
}

/* A given name in full: "Wen-Jie", "Ruoxi". */
static bool given(const en_word *w)
{
    return !w->lower_first && w->caps >= 1 && w->caps < w->letters && w->letters == w->len;
}

/*
 * How many authors the printed English citation names, counted from its
 * text: each capitals surname followed by initials or a given name, until
 * the first word that is none of these nor "et al" (the title). Counting the
 * surnames, not the commas, survives a comma OCR lost ("LI M Y WANG X Y") or
 * read as a full stop ("YANG X. HE J F").
 */
static size_t en_author_count(const char *s)
{
    size_t n = 0;
    bool name = false; /* inside a name: its initials or given name may follow */
    while (s && *s) {
        while (*s == ' ' || *s == ',' || *s == '.')
            s++;
        en_word w, next;
        size_t len = en_word_at(s, &w);
        if (len == 0)
            break;
        const char *t = s + len;
        while (*t == ' ' || *t == ',' || *t == '.')
            t++;
        en_word_at(t, &next);
        bool etal = w.len == 2 && w.lower_first && strncmp(t, "al", 2) == 0; /* et/ct/at al */
        if (w.caps >= 2 && w.caps == w.len && (initials(&next) || given(&next))) {
            n++; /* a surname: skip it and its first initials or given name */
            name = true;
            s = t + en_word_at(t, &next);
            continue;
        }
        if (etal)
            break;
        if (!(name && (initials(&w) || given(&w))))
            break;
        s = t;
    }
    return n;
}

static int reconcile_authors(folio_citation *c, const folio_cite_witness *w)
{
    size_t k = en_author_count(w->en_text) ? en_author_count(w->en_text) : c->n_authors;
    const folio_strlist *l = w->authors;
    if (!l || k == 0 || l->n < k || k > CITE_AUTHORS_MAX)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (!han_name(l->items[i]))
            return 0;
    char **names = calloc(k, sizeof(*names));
    if (!names)
        return FOLIO_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        const char *own = i < c->n_authors ? c->authors[i] : NULL;
        bool keep = own && han_name(own) && count_in(w->page, own) > count_in(w->page, l->items[i]);
        names[i] = folio_strdup(keep ? own : l->items[i]);
        if (!names[i]) {
            for (size_t j = 0; j < i; j++)
                free(names[j]);
            free(names);
            return FOLIO_ENOMEM;
        }
    }
    for (size_t i = 0; i < c->n_authors; i++)
        free(c->authors[i]);
    free(c->authors);
    c->authors = names;
    c->n_authors = k;
    c->et_al |= w->en && w->en->et_al;
    return 0;
}

/* ---- numbers ---------------------------------------------------------------------- */

/* What the article number "1008-5831(2024)04-0037-12" gives: year, issue, first-last page. */
typedef struct art_numbers {
    int year;
    char issue[12], pages[32];
} art_numbers;

static size_t digits_at(const char *s, size_t i, unsigned long *v)
{
    size_t n = 0;
    *v = 0;
    while (s[i + n] >= '0' && s[i + n] <= '9' && n < 9)
        *v = *v * 10 + (unsigned long)(s[i + n++] - '0');
    return n;
}

static bool article_numbers(const char *an, art_numbers *out)
{
    memset(out, 0, sizeof(*out));
    const char *p = an ? strchr(an, '(') : NULL;
    unsigned long y, is, first, count;
    if (!p || digits_at(p, 1, &y) != 4 || p[5] != ')')
        return false;
    size_t i = 6, n = digits_at(p, i, &is);
    if (n == 0 || p[i + n] != '-')
        return false;
    i += n + 1;
    n = digits_at(p, i, &first);
    if (n == 0 || p[i + n] != '-' || first == 0)
        return false;
    i += n + 1;
    n = digits_at(p, i, &count);
    if (n == 0 || count == 0 || count > 999)
        return false;
    out->year = (int)y;
    snprintf(out->issue, sizeof(out->issue), "%lu", is);
    snprintf(out->pages, sizeof(out->pages), count > 1 ? "%lu-%lu" : "%lu", first,
             first + count - 1);
    return true;
}

static bool all_digits(const char *s)
{
    size_t n = 0;
    while (s && s[n] >= '0' && s[n] <= '9')
        n++;
    return s && n > 0 && n <= 8 && s[n] == '\0';
}

/* "37-48", "e012345", "988-1001": a page range or an article number. */
static bool pages_form(const char *s)
{
    unsigned long v;
    size_t i = s && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) ? 1 : 0;
    size_t n = s ? digits_at(s, i, &v) : 0;
    if (n == 0)
        return false;
    i += n;
    if (s[i] == '-' && digits_at(s, i + 1, &v) > 0)
        i += 1 + digits_at(s, i + 1, &v);
    return s[i] == '\0';
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/*
 * One number of the citation by vote: the Chinese and English readings and a
 * third witness (the article number), the value two agree on; else the
 * Chinese reading if well formed, else the English one.
 */
static int vote_number(char **zh, const char *en, const char *third, bool (*ok)(const char *))
{
    const char *pick = *zh;
    if (same(*zh, en) || same(*zh, third))
        return 0;
    if (same(en, third) || ((!*zh || !ok(*zh)) && en && ok(en)))
        pick = en;
    else if ((!*zh || !ok(*zh)) && third)
        pick = third;
    return pick == *zh ? 0 : set_copy(zh, pick);
}

static void vote_year(folio_citation *c, int en, int third)
{
    if (c->year && (c->year == en || c->year == third))
        return;
    if ((en && en == third) || (!c->year && en))
        c->year = en;
    else if (!c->year && third)
        c->year = third;
}

static int reconcile_numbers(folio_citation *c, const folio_cite_witness *w)
{
    art_numbers an;
    bool art = article_numbers(w->article_no, &an);
    const folio_citation *en = w->en;
    vote_year(c, en ? en->year : 0, art ? an.year : 0);
    int rc = vote_number(&c->volume, en ? en->volume : NULL, NULL, all_digits);
    if (rc == 0)
        rc = vote_number(&c->issue, en ? en->issue : NULL, art ? an.issue : NULL, all_digits);
    if (rc == 0)
        rc = vote_number(&c->pages, en ? en->pages : NULL, art ? an.pages : NULL, pages_form);
    return rc;
}

/* ---- the journal -------------------------------------------------------------------- */

/*
 * The journal: when the running header's name (larger type) ends the
 * citation's journal within one misread character, OCR added what stands
 * before it (a stray mark, or the title run in after a lost type code): the
 * header's name is taken. *title_lost: the part before it held the title.
 */
static int reconcile_journal(folio_citation *c, const folio_cite_witness *w, bool *title_lost)
{
    folio_ustr h, j;
    int rc = 0;
    *title_lost = false;
    if (!c->journal || !w->journal || folded_cps(w->journal, &h))
        return 0;
    if (folded_cps(c->journal, &j)) {
        folio_ustr_free(&h);
        return FOLIO_ENOMEM;
    }
    while (j.n > 0 && stop_char(j.cp[j.n - 1]))
        j.n--;
    size_t s = 0, e = 0;
    bool found = h.n >= 4 && h.n <= MAX_TITLE && j.n <= MAX_CITE &&
                 title_span(h.cp, h.n, j.cp, j.n, &s, &e) && e == j.n;
    size_t d = found ? cp_distance(h.cp, h.n, j.cp + s, e - s) : SIZE_MAX;
    if (found && d <= 1 && (d > 0 || s > 0)) {
        size_t han = 0;
        for (size_t i = 0; i < s; i++)
            han += folio_is_han(j.cp[i]);
        *title_lost = han >= 4;
        rc = set_copy(&c->journal, w->journal);
    }
    folio_ustr_free(&h);
    folio_ustr_free(&j);
    return rc;
}

int folio_crosscheck_cite_keys(folio_citation *c, const folio_cite_witness *w)
{
    if (!c || !w)
        return 0;
    bool title_lost = false;
    int rc = reconcile_journal(c, w, &title_lost);
    if (rc == 0 && title_lost && !c->title && w->title)
        rc = set_copy(&c->title, w->title);
    if (rc == 0 && w->title && c->title)
        rc = reconcile_title(c, w);
    if (rc == 0)
        rc = reconcile_authors(c, w);
    if (rc == 0)
        rc = reconcile_numbers(c, w);
    return rc;
}
