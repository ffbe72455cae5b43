/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Line labelling for the fields stage (see classify.h), in passes:
 *   1. measure: script counts per line, the text frame, the median line height;
 *   2. anchors: lines that start with a label (摘要, Abstract, 收稿日期...), and
 *      the running header at the top of the page;
 *   3. fallbacks for missing labels: the first wide Chinese paragraph is the
 *      Chinese abstract, the first wide Latin one after it the English abstract;
 *   4. growth: a labelled field takes the lines right below it (same column,
 *      small gap, fitting script) until the next label;
 *   5. the front matter between the header and the abstracts: title (large
 *      type), authors, affiliation, Chinese and English, told apart by script,
 *      size and affiliation words;
 *   6. everything else is body, or footnote below the first footnote label.
 * A page with too little front-matter evidence is not a first page: only its
 * header is kept and no field is read from it.
 */
#include "classify.h"

#include "text.h"
#include "values.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define BOX_LIMIT 1000000 /* pixels; a page is far smaller */
#define MAX_LINES 4000    /* more lines than this: not classified (the passes are quadratic) */

typedef struct cl_line {
    const char *text;
    folio_box box;
    int han, latin, digit, n; /* non-space code points */
    int digit_run;            /* longest run of ASCII digits */
    float conf;
    folio_line_class *cls;
} cl_line;

typedef struct cl_ctx {
    cl_line *l;
    size_t n;
    int left, right, width, med_h, page_h;
} cl_ctx;

static const char *const kind_labels[FOLIO_KIND_COUNT] = {
    NULL,          "running_header", "doi",      "title_zh", "authors_zh", "affiliation_zh",
    "abstract_zh", "keywords_zh",    "meta",     "title_en", "authors_en", "affiliation_en",
    "abstract_en", "keywords_en",    "received", "online",   "funding",    "author_bio",
    "citation_zh", "citation_en",    "footnote", "body",
};

const char *folio_kind_label(folio_kind k)
{
    return k > FOLIO_KIND_NONE && k < FOLIO_KIND_COUNT ? kind_labels[k] : NULL;
}

/* ---- measuring ----------------------------------------------------------- */

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Boxes as the passes may multiply them: bounded, no negative size (no int overflow). */
static folio_box clamp_box(folio_box b)
{
    folio_box r = {clamp(b.x, -BOX_LIMIT, BOX_LIMIT), clamp(b.y, -BOX_LIMIT, BOX_LIMIT),
                   clamp(b.w, 0, BOX_LIMIT), clamp(b.h, 0, BOX_LIMIT)};
    return r;
}

static void count_scripts(cl_line *l)
{
    size_t len = l->text ? strlen(l->text) : 0, i = 0;
    int run = 0;
    while (i < len) {
        uint32_t cp;
        i += folio_utf8_decode(l->text + i, len - i, &cp);
        bool dig = cp >= '0' && cp <= '9';
        run = dig ? run + 1 : 0;
        if (run > l->digit_run)
            l->digit_run = run;
        if (folio_is_space(cp))
            continue;
        l->n++;
        l->han += folio_is_han(cp);
        l->latin += folio_is_latin(cp);
        l->digit += dig;
    }
}

/* The text frame (10th/90th percentile of line edges) and the median line height. */
static int measure_frame(cl_ctx *c, int page_h)
{
    int *xs = malloc((c->n + 1) * sizeof(int)), *xe = malloc((c->n + 1) * sizeof(int));
    int *hs = malloc((c->n + 1) * sizeof(int));
    if (!xs || !xe || !hs) {
        free(xs), free(xe), free(hs);
        return -1;
    }
    size_t m = 0;
    int bottom = 0;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        if (l->n < 4)
            continue;
        xs[m] = l->box.x, xe[m] = l->box.x + l->box.w, hs[m++] = l->box.h;
        if (l->box.y + l->box.h > bottom)
            bottom = l->box.y + l->box.h;
    }
    qsort(xs, m, sizeof(int), folio_cmp_int);
    qsort(xe, m, sizeof(int), folio_cmp_int);
    qsort(hs, m, sizeof(int), folio_cmp_int);
    c->left = m ? xs[m / 10] : 0;
    c->right = m ? xe[m - 1 - m / 10] : 1;
    c->width = c->right > c->left ? c->right - c->left : 1;
    c->med_h = m && hs[m / 2] > 0 ? hs[m / 2] : 1;
    c->page_h = page_h > bottom ? page_h : bottom;
    if (c->page_h <= 0)
        c->page_h = 1;
    free(xs), free(xe), free(hs);
    return 0;
}

/* ---- line predicates ----------------------------------------------------- */

static bool is_zh(const cl_line *l)
{
    return l->han > 0 && 2 * l->han >= l->latin;
}

static bool is_latin(const cl_line *l)
{
    return l->latin >= 3 && 4 * l->han < l->latin;
}

static bool is_wide(const cl_ctx *c, const cl_line *l)
{
    return l->box.w * 10 >= c->width * 7;
}

static bool is_big(const cl_ctx *c, const cl_line *l)
{
    return l->box.h * 10 >= c->med_h * 13;
}

static bool is_free(const cl_line *l)
{
    return l->n > 0 && l->cls->kind == FOLIO_KIND_NONE;
}

static int centre_y(const cl_line *l)
{
    return l->box.y + l->box.h / 2;
}

static bool has_any(const char *s, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (strstr(s, words[i]))
            return true;
    return false;
}

static const char *const affil_zh_words[] = {"大学",   "学院", "研究所", "研究院", "医院",   "中心",
                                             "实验室", "公司", "学校",   "科学院", "研究会", NULL};
static const char *const affil_en_words[] = {
    "Universit", "College", "School",  "Institut", "Department", "Academy", "Hospital", "Laborator",
    "Center",    "Centre",  "Faculty", "Company",  "Bureau",     "China",   NULL};

static uint32_t first_cp(const char *s)
{
    uint32_t cp = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (!folio_is_space(cp))
            return cp;
    }
    return 0;
}

static bool opens_paren(const char *s)
{
    uint32_t cp = first_cp(s);
    return cp == '(' || cp == 0xFF08 || cp == '{' || cp == '[';
}

static bool affil_like_zh(const cl_line *l)
{
    return opens_paren(l->text) || has_any(l->text, affil_zh_words) || l->digit_run == 6;
}

static bool affil_like_en(const cl_line *l)
{
    return opens_paren(l->text) || has_any(l->text, affil_en_words) || l->digit_run == 6;
}

/* An item of an English author list: one all-capital word (the surname) and one capitalised word.
 */
static bool author_item(const char *s, size_t a, size_t b)
{
    int caps = 0, cap_word = 0, words = 0;
    size_t i = a;
    while (i < b) {
        while (i < b && (s[i] == ' ' || (s[i] >= '0' && s[i] <= '9') || s[i] == '*'))
            i++;
        size_t j = i;
        int up = 0, low = 0;
        while (j < b && s[j] != ' ') {
            up += s[j] >= 'A' && s[j] <= 'Z';
            low += s[j] >= 'a' && s[j] <= 'z';
            j++;
        }
        if (j > i) {
            words++;
            caps += up >= 2 && low == 0;
            cap_word += up >= 1 && low >= 1 && s[i] >= 'A' && s[i] <= 'Z';
        }
        i = j;
    }
    return words >= 2 && words <= 4 && caps >= 1 && cap_word >= 1;
}

static bool authors_like_en(const cl_line *l)
{
    const char *s = l->text;
    size_t len = strlen(s), a = 0;
    int items = 0, good = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ',' && s[i] != ';')
            continue;
        if (i > a + 1) {
            items++;
            good += author_item(s, a, i);
        }
        a = i + 1;
    }
    return items > 0 && good * 10 >= items * 6 && l->han == 0 && l->digit_run < 4;
}

/* "Zhou Wenjie, Huang Ruoxi": comma-separated runs of 2-4 capitalised words, no function words. */
static bool names_like_en(const cl_line *l)
{
    static const char *const small[] = {" of ", " and ",  " the ", " in ", " for ",
                                        " on ", " with ", " to ",  NULL};
    const char *s = l->text;
    if (l->han || has_any(s, small) || !strchr(s, ','))
        return false;
    int words = 0;
    for (const char *p = s; *p; p++) {
        bool start = p == s || p[-1] == ' ' || p[-1] == ',';
        if (!start || *p == ' ' || *p == ',')
            continue;
        if (!(*p >= 'A' && *p <= 'Z'))
            return false;
        words++;
    }
    return words >= 4;
}

/* Short items separated by ；; — a keyword list (commas are too common in prose to count). */
static bool keywords_like(const char *s)
{
    size_t len = strlen(s), i = 0;
    int seps = 0, item = 0, longest = 0, total = 0;
    while (i < len) {
        uint32_t cp;
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (cp == ';' || cp == 0xFF1B) {
            seps++;
            item = 0;
        } else if (!folio_is_space(cp)) {
            item++;
            total++;
            longest = item > longest ? item : longest;
        }
    }
    return seps >= 2 && longest <= 24 && total <= 120;
}

/* [J] [M] ... or "2024, 30(4)" — the shape of a printed citation. */
static bool citation_like(const char *s)
{
    static const char *const codes[] = {"[J]", "[M]",     "[C]",   "[D]",    "[R]",
                                        "[N]", "[EB/OL]", "［J］", "[J/OL]", NULL};
    if (has_any(s, codes))
        return true;
    for (const char *p = s; *p; p++) {
        if (!(p[0] == '1' || p[0] == '2') || !(p[1] >= '0' && p[1] <= '9'))
            continue;
        const char *q = p;
        int d = 0;
        while (*q >= '0' && *q <= '9')
            q++, d++;
        if (d != 4)
            continue;
        while (*q == ' ' || *q == ',' || (unsigned char)*q == 0xEF || (unsigned char)*q == 0xBC ||
               (unsigned char)*q == 0x8C)
            q++;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '(' && q[1] >= '0' && q[1] <= '9')
            return true;
    }
    return false;
}

static bool header_like(const cl_line *l)
{
    static const char *const marks[] = {"卷",   "期",      "Vol",  "No.", "No,",
                                        "学报", "Journal", "杂志", NULL};
    return l->digit >= 1 && has_any(l->text, marks);
}

/* ---- pass 2: anchors ------------------------------------------------------ */

static folio_kind cue_kind(folio_cue cue)
{
    switch (cue) {
    case FOLIO_CUE_ABSTRACT_ZH:
        return FOLIO_KIND_ABSTRACT_ZH;
    case FOLIO_CUE_KEYWORDS_ZH:
        return FOLIO_KIND_KEYWORDS_ZH;
    case FOLIO_CUE_CLC:
    case FOLIO_CUE_DOC_CODE:
    case FOLIO_CUE_ARTICLE_NO:
        return FOLIO_KIND_META;
    case FOLIO_CUE_ABSTRACT_EN:
        return FOLIO_KIND_ABSTRACT_EN;
    case FOLIO_CUE_KEYWORDS_EN:
        return FOLIO_KIND_KEYWORDS_EN;
    case FOLIO_CUE_DOI:
        return FOLIO_KIND_DOI;
    case FOLIO_CUE_RECEIVED:
        return FOLIO_KIND_RECEIVED;
    case FOLIO_CUE_REVISED:
        return FOLIO_KIND_FOOTNOTE;
    case FOLIO_CUE_ONLINE:
        return FOLIO_KIND_ONLINE;
    case FOLIO_CUE_FUNDING:
        return FOLIO_KIND_FUNDING;
    case FOLIO_CUE_BIO:
    case FOLIO_CUE_CORRESP:
        return FOLIO_KIND_BIO;
    case FOLIO_CUE_CITE_ZH:
        return FOLIO_KIND_CITE_ZH;
    case FOLIO_CUE_CITE_EN:
        return FOLIO_KIND_CITE_EN;
    default:
        return FOLIO_KIND_NONE;
    }
}

static void mark(cl_line *l, folio_kind k, bool start)
{
    l->cls->kind = k;
    l->cls->start = start;
}

static void anchor_cues(cl_ctx *c)
{
    const unsigned meta = FOLIO_CUE_BIT(FOLIO_CUE_CLC) | FOLIO_CUE_BIT(FOLIO_CUE_DOC_CODE) |
                          FOLIO_CUE_BIT(FOLIO_CUE_ARTICLE_NO);
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->l[i];
        if (l->n == 0)
            continue;
        folio_cue_at_start(l->text, &l->cls->cue);
        folio_kind k = cue_kind(l->cls->cue.cue);
        folio_cue_hit mid;
        if (k == FOLIO_KIND_NONE && folio_cue_find(l->text, 0, meta, &mid) && mid.exact)
            k = FOLIO_KIND_META;
        if (k != FOLIO_KIND_NONE)
            mark(l, k, true);
    }
}

/* A footnote whose label OCR lost ("AMEN: 2022-06-18"): a dated line in the lower half is 收稿日期.
 */
static void anchor_dates(cl_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->l[i];
        if (is_free(l) && l->cls->cue.cue == FOLIO_CUE_GARBLED && centre_y(l) * 2 > c->page_h &&
            folio_value_starts_with_date(l->text + l->cls->cue.value) && l->n < 40)
            mark(l, FOLIO_KIND_RECEIVED, true);
    }
}

/* The running header: journal lines in the top tenth of the page, above every field. */
static void anchor_header(cl_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->l[i];
        if (is_free(l) && centre_y(l) * 10 < c->page_h && header_like(l))
            mark(l, FOLIO_KIND_HEADER, true);
    }
}

/* Labels only a first page prints (front matter and its footnotes). */
static bool front_cue(folio_cue q)
{
    return q != FOLIO_CUE_NONE && q != FOLIO_CUE_GARBLED && q != FOLIO_CUE_DOI &&
           q != FOLIO_CUE_CITE_ZH && q != FOLIO_CUE_CITE_EN && q != FOLIO_CUE_CORRESP;
}

/*
 * Is this an article's first page? Two points per kind of label seen, one
 * per affiliation line (a 6-digit postcode and an institution) and one for a
 * printed citation; at least 3, and some front matter (a front label or an
 * affiliation) among them, since a reference list alone is citations and DOIs.
 */
static bool first_page(const cl_ctx *c)
{
    bool seen[FOLIO_CUE_COUNT] = {false};
    int points = 0;
    bool affil_zh = false, affil_en = false, cite = false, front = false;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        folio_cue q = l->cls->cue.cue;
        if (l->n == 0)
            continue;
        if (q == FOLIO_CUE_DOI && centre_y(l) * 4 > c->page_h)
            q = FOLIO_CUE_NONE; /* a DOI line heads the page; lower down it ends a reference */
        if (q != FOLIO_CUE_NONE && q != FOLIO_CUE_GARBLED && !seen[q]) {
            seen[q] = true;
            points += 2;
        }
        front |= front_cue(q) || l->cls->kind == FOLIO_KIND_META;
        affil_zh |= is_zh(l) && has_any(l->text, affil_zh_words) && l->digit_run == 6;
        affil_en |= is_latin(l) && has_any(l->text, affil_en_words) && l->digit_run == 6;
        cite |= citation_like(l->text);
    }
    front |= affil_zh || affil_en;
    return front && points + affil_zh + affil_en + cite >= 3;
}

/* ---- pass 4: growth -------------------------------------------------------- */

static int overlap_x(const folio_box *a, const folio_box *b)
{
    int x0 = a->x > b->x ? a->x : b->x;
    int x1 = a->x + a->w < b->x + b->w ? a->x + a->w : b->x + b->w;
    return x1 - x0;
}

/* Vertical gap from line a down to line b, INT_MAX when b is not right below a. */
static int gap_below(const cl_ctx *c, const cl_line *a, const cl_line *b)
{
    int hmin = a->box.h < b->box.h ? a->box.h : b->box.h;
    if (b->box.y * 10 < a->box.y * 10 + 4 * hmin)
        return INT_MAX;
    int gap = b->box.y - (a->box.y + a->box.h);
    int wmin = a->box.w < b->box.w ? a->box.w : b->box.w;
    if (gap * 10 > 9 * c->med_h + 2 || gap * 10 < -6 * hmin ||
        overlap_x(&a->box, &b->box) * 10 < 3 * wmin)
        return INT_MAX;
    return gap;
}

/* May line l join a field as a continuation (free, or of a kind in steal)? */
static bool joinable(const cl_line *l, unsigned steal)
{
    if (l->n > 0 && (steal & (1u << l->cls->kind)))
        return true;
    return is_free(l) &&
           (l->cls->cue.cue == FOLIO_CUE_NONE || l->cls->cue.cue == FOLIO_CUE_GARBLED);
}

/* Does another line sit between line a and the line b below it (a box's second line)? */
static bool blocked(const cl_ctx *c, size_t a, size_t b)
{
    const cl_line *la = &c->l[a], *lb = &c->l[b];
    for (size_t k = 0; k < c->n; k++) {
        const cl_line *l = &c->l[k];
        if (k == a || k == b || l->n == 0)
            continue;
        int wmin = l->box.w < lb->box.w ? l->box.w : lb->box.w;
        if (centre_y(l) * 4 > la->box.y * 4 + la->box.h * 3 && centre_y(l) < lb->box.y &&
            overlap_x(&l->box, &lb->box) * 10 > 3 * wmin)
            return true;
    }
    return false;
}

/*
 * The line right below line `last` (the closest one overlapping it), when
 * it can still join the field; SIZE_MAX when there is none or it cannot.
 */
static size_t next_below(const cl_ctx *c, size_t last, size_t anchor, unsigned steal)
{
    size_t best = SIZE_MAX;
    int best_gap = INT_MAX;
    for (size_t j = 0; j < c->n; j++) {
        const cl_line *l = &c->l[j];
        if (j == last || l->n == 0)
            continue;
        int gap = gap_below(c, &c->l[last], l);
        if (gap < best_gap)
            best = j, best_gap = gap;
    }
    if (best == SIZE_MAX || !joinable(&c->l[best], steal) || blocked(c, last, best))
        return SIZE_MAX;
    if (c->l[best].box.x * 100 < c->l[anchor].box.x * 100 - 8 * c->width)
        return SIZE_MAX;
    return best;
}

/* Does the line end with a list separator or a hyphen, so that the next line continues it? */
static bool ends_open(const char *s)
{
    size_t len = strlen(s);
    while (len > 0 && s[len - 1] == ' ')
        len--;
    if (len == 0)
        return false;
    if (strchr(";,-", s[len - 1]))
        return true;
    static const char *const wide[] = {"；", "，", "、"};
    for (size_t i = 0; i < 3; i++) {
        size_t w = strlen(wide[i]);
        if (len >= w && memcmp(s + len - w, wide[i], w) == 0)
            return true;
    }
    return false;
}

/* A garbled or lost 关键词 label: a short-item list right after the Chinese abstract. */
static bool keywords_zh_line(const cl_line *l)
{
    const char *v = l->text + (l->cls->cue.cue == FOLIO_CUE_GARBLED ? l->cls->cue.value : 0);
    return keywords_like(v) && (l->cls->cue.cue == FOLIO_CUE_GARBLED || l->n < 60);
}

/* May line l continue field k (anchored at line a)? May relabel l itself. */
static bool accepts(const cl_ctx *c, folio_kind k, const cl_line *a, const cl_line *last,
                    cl_line *l, int taken)
{
    switch (k) {
    case FOLIO_KIND_ABSTRACT_ZH:
        if (is_zh(l) && keywords_zh_line(l) && l->box.w * 10 < c->width * 9) {
            mark(l, FOLIO_KIND_KEYWORDS_ZH, true);
            return false;
        }
        return (is_zh(l) || l->latin < 10) && !citation_like(l->text);
    case FOLIO_KIND_ABSTRACT_EN:
        return (is_latin(l) || l->n < 12) && !citation_like(l->text);
    case FOLIO_KIND_KEYWORDS_ZH: /* a list cut after a separator goes on whatever its size */
        return taken < 2 && is_zh(l) && (!is_big(c, l) || ends_open(last->text));
    case FOLIO_KIND_KEYWORDS_EN:
        return taken < 2 && is_latin(l) && (!is_big(c, l) || ends_open(last->text)) &&
               l->box.x + c->width / 50 >= a->box.x;
    case FOLIO_KIND_CITE_ZH:
    case FOLIO_KIND_CITE_EN:
        /* the title under a citation box is neither its size nor (for citation_en) its script */
        return taken < 4 && l->box.h * 2 < a->box.h * 3 && (k == FOLIO_KIND_CITE_ZH || !is_zh(l));
    case FOLIO_KIND_FUNDING:
    case FOLIO_KIND_BIO:
    case FOLIO_KIND_RECEIVED:
    case FOLIO_KIND_ONLINE:
    case FOLIO_KIND_FOOTNOTE:
        return taken < 3 && !is_big(c, l);
    default:
        return false;
    }
}

static void grow(cl_ctx *c, size_t anchor)
{
    folio_kind k = c->l[anchor].cls->kind;
    unsigned steal = 0;
    if (k == FOLIO_KIND_CITE_ZH || k == FOLIO_KIND_CITE_EN)
        steal = 1u << FOLIO_KIND_DOI;
    size_t last = anchor;
    int pitch_sum = 0;
    for (int taken = 0; taken < 80; taken++) {
        size_t j = next_below(c, last, anchor, steal);
        if (j == SIZE_MAX || !accepts(c, k, &c->l[anchor], &c->l[last], &c->l[j], taken))
            break;
        /* a paragraph keeps its line pitch; a wider step starts something else */
        int pitch = centre_y(&c->l[j]) - centre_y(&c->l[last]);
        if (taken >= 1 && pitch * 10 * taken > 14 * pitch_sum)
            break;
        pitch_sum += pitch;
        mark(&c->l[j], k, false);
        last = j;
    }
}

static void grow_all(cl_ctx *c, folio_kind only)
{
    for (size_t i = 0; i < c->n; i++) {
        const folio_line_class *q = c->l[i].cls;
        if (c->l[i].n > 0 && q->start && (only == FOLIO_KIND_NONE || q->kind == only))
            grow(c, i);
    }
}

/* ---- pass 3: fallbacks for lost labels ----------------------------------------- */

static bool has_kind(const cl_ctx *c, folio_kind k)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->l[i].n > 0 && c->l[i].cls->kind == k)
            return true;
    return false;
}

/* Top of the first line of kind k, or INT_MAX. */
static int top_of(const cl_ctx *c, folio_kind k)
{
    int top = INT_MAX;
    for (size_t i = 0; i < c->n; i++)
        if (c->l[i].n > 0 && c->l[i].cls->kind == k && c->l[i].box.y < top)
            top = c->l[i].box.y;
    return top;
}

/* Bottom of the lowest line of kind k above y_limit, or -1. */
static int bottom_of(const cl_ctx *c, folio_kind k, int y_limit)
{
    int bottom = -1;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        if (l->n > 0 && l->cls->kind == k && l->box.y < y_limit && l->box.y + l->box.h > bottom)
            bottom = l->box.y + l->box.h;
    }
    return bottom;
}

/* A wide, normal-size line with another such line of the same script right below it. */
static bool paragraph_start(const cl_ctx *c, size_t i, bool zh)
{
    const cl_line *l = &c->l[i];
    bool labelled = l->cls->cue.cue == FOLIO_CUE_GARBLED; /* a damaged 摘要: not a title */
    if (!is_free(l) || !is_wide(c, l) || (is_big(c, l) && !labelled) ||
        (zh ? !is_zh(l) : !is_latin(l)))
        return false;
    if (l->cls->cue.cue != FOLIO_CUE_NONE && l->cls->cue.cue != FOLIO_CUE_GARBLED)
        return false;
    for (size_t j = 0; j < c->n; j++) {
        const cl_line *m = &c->l[j];
        if (j != i && is_free(m) && (zh ? is_zh(m) : is_latin(m)) && !is_big(c, m) &&
            gap_below(c, l, m) != INT_MAX)
            return true;
    }
    return false;
}

/* The topmost paragraph start of a script between y_from and y_to. */
static size_t first_paragraph(const cl_ctx *c, bool zh, int y_from, int y_to)
{
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        if (l->box.y < y_from || l->box.y >= y_to || !paragraph_start(c, i, zh))
            continue;
        if (best == SIZE_MAX || l->box.y < c->l[best].box.y)
            best = i;
    }
    return best;
}

static int min_int(int a, int b)
{
    return a < b ? a : b;
}

/* \return the nearest line below y with text, or SIZE_MAX. */
static size_t line_below(const cl_ctx *c, int y)
{
    size_t next = SIZE_MAX;
    for (size_t j = 0; j < c->n; j++)
        if (c->l[j].n > 0 && c->l[j].box.y > y &&
            (next == SIZE_MAX || c->l[j].box.y < c->l[next].box.y))
            next = j;
    return next;
}

/* A paragraph with an English author line among the next three lines below
 * its start is a title, not an abstract: an abstract runs longer than that
 * and is not followed by names. */
static bool title_above_authors_en(const cl_ctx *c, size_t i)
{
    size_t j = i;
    for (int k = 0; k < 3; k++) {
        if ((j = line_below(c, c->l[j].box.y)) == SIZE_MAX)
            return false;
        if (authors_like_en(&c->l[j]))
            return true;
    }
    return false;
}

/* Unlabelled abstracts: the web layout, or a label OCR destroyed. */
static void fallback_abstracts(cl_ctx *c)
{
    int header = -1;
    for (size_t i = 0; i < c->n; i++)
        if (c->l[i].n > 0 && c->l[i].cls->kind == FOLIO_KIND_HEADER)
            header =
                c->l[i].box.y + c->l[i].box.h > header ? c->l[i].box.y + c->l[i].box.h : header;
    if (!has_kind(c, FOLIO_KIND_ABSTRACT_ZH)) {
        int limit = min_int(min_int(top_of(c, FOLIO_KIND_KEYWORDS_ZH), top_of(c, FOLIO_KIND_META)),
                            top_of(c, FOLIO_KIND_ABSTRACT_EN));
        if (limit == INT_MAX)
            limit = c->page_h * 7 / 10;
        size_t i = first_paragraph(c, true, header, limit);
        if (i != SIZE_MAX)
            mark(&c->l[i], FOLIO_KIND_ABSTRACT_ZH, true);
    }
    grow_all(c, FOLIO_KIND_ABSTRACT_ZH);
    if (!has_kind(c, FOLIO_KIND_ABSTRACT_EN)) {
        int from = bottom_of(c, FOLIO_KIND_ABSTRACT_ZH, INT_MAX);
        int limit = top_of(c, FOLIO_KIND_KEYWORDS_EN);
        int to = limit == INT_MAX ? c->page_h * 9 / 10 : limit;
        size_t i = first_paragraph(c, false, from, to);
        for (int tries = 0; i != SIZE_MAX && tries < 3 && title_above_authors_en(c, i); tries++)
            i = first_paragraph(c, false, c->l[i].box.y + 1, to);
        if (i != SIZE_MAX && from >= 0)
            mark(&c->l[i], FOLIO_KIND_ABSTRACT_EN, true);
    }
}

/* ---- pass 5: front matter ---------------------------------------------------- */

typedef struct cl_list {
    size_t idx[64];
    size_t n;
} cl_list;

/* Free lines whose centre lies in [y0, y1), sorted top to bottom (at most 64). */
static void lines_between(const cl_ctx *c, int y0, int y1, cl_list *out)
{
    out->n = 0;
    for (size_t i = 0; i < c->n && out->n < 64; i++) {
        const cl_line *l = &c->l[i];
        if (!is_free(l) || centre_y(l) < y0 || centre_y(l) >= y1)
            continue;
        size_t k = out->n++;
        while (k > 0 && c->l[out->idx[k - 1]].box.y > l->box.y) {
            out->idx[k] = out->idx[k - 1];
            k--;
        }
        out->idx[k] = i;
    }
}

/* Large type among the front lines: large for the page, or well above the smallest front line. */
static bool big_in_front(const cl_ctx *c, const cl_line *l, int min_h, size_t n)
{
    return is_big(c, l) || (n >= 3 && l->box.h * 20 >= min_h * 27);
}

/* Chinese title (large type), authors, affiliation, in this order. */
static void assign_front_zh(cl_ctx *c, const size_t *idx, size_t n)
{
    size_t t = 0, title_end = 0;
    int min_h = INT_MAX;
    for (size_t i = 0; i < n; i++)
        min_h = c->l[idx[i]].box.h < min_h ? c->l[idx[i]].box.h : min_h;
    while (t + 1 < n && !big_in_front(c, &c->l[idx[t]], min_h, n))
        t++;
    if (t < n && big_in_front(c, &c->l[idx[t]], min_h, n)) {
        title_end = t;
        int first_h = c->l[idx[t]].box.h;
        while (title_end < n && big_in_front(c, &c->l[idx[title_end]], min_h, n) &&
               !(title_end > t && (affil_like_zh(&c->l[idx[title_end]]) ||
                                   c->l[idx[title_end]].box.h * 10 < first_h * 8)))
            mark(&c->l[idx[title_end]], FOLIO_KIND_TITLE_ZH, title_end == t), title_end++;
    } else if (n >= 3 && !affil_like_zh(&c->l[idx[0]])) {
        mark(&c->l[idx[0]], FOLIO_KIND_TITLE_ZH, true);
        title_end = 1;
    }
    bool authors = false;
    size_t affil = SIZE_MAX; /* the last affiliation line */
    for (size_t i = title_end; i < n; i++) {
        cl_line *l = &c->l[idx[i]];
        if (affil != SIZE_MAX) {
            /* a second affiliation line sits right below the first and is not prose */
            if (gap_below(c, &c->l[affil], l) == INT_MAX || l->n > 90 ||
                l->box.w * 10 >= c->width * 9)
                break;
            mark(l, FOLIO_KIND_AFFIL_ZH, false);
            affil = idx[i];
        } else if (affil_like_zh(l)) {
            mark(l, FOLIO_KIND_AFFIL_ZH, true);
            affil = idx[i];
        } else {
            mark(l, FOLIO_KIND_AUTHORS_ZH, !authors);
            authors = true;
        }
    }
}

/* Without an author line: the title runs to the first affiliation-like line (or is the large type).
 */
static size_t title_end_en(const cl_ctx *c, const size_t *idx, size_t n)
{
    size_t end = 1;
    while (end < n && !affil_like_en(&c->l[idx[end]]))
        end++;
    if (n > 0 && end < n && !affil_like_en(&c->l[idx[0]]))
        return end;
    end = 0;
    while (end < n && is_big(c, &c->l[idx[end]]))
        end++;
    return end;
}

/* English title, authors (SURNAME Given), affiliation. */
static void assign_front_en(cl_ctx *c, const size_t *idx, size_t n)
{
    size_t p = 0;
    while (p < n && !authors_like_en(&c->l[idx[p]]))
        p++;
    if (p == n) { /* names not in SURNAME Given form: the line before the affiliation */
        size_t a = 1;
        while (a < n && !affil_like_en(&c->l[idx[a]]))
            a++;
        if (a < n && names_like_en(&c->l[idx[a - 1]]) && a >= 2)
            p = a - 1;
    }
    size_t title_end = p < n ? p : title_end_en(c, idx, n);
    for (size_t i = 0; i < title_end; i++)
        mark(&c->l[idx[i]], FOLIO_KIND_TITLE_EN, i == 0);
    size_t i = title_end;
    for (bool first = true; p < n && i < n && (i == p || authors_like_en(&c->l[idx[i]]));
         i++, first = false)
        mark(&c->l[idx[i]], FOLIO_KIND_AUTHORS_EN, first);
    for (size_t a = i; a < n; a++)
        mark(&c->l[idx[a]], FOLIO_KIND_AFFIL_EN, a == i);
}

/*
 * No English abstract below (a page cut after its front matter, or one that
 * prints none): the English front matter is there only if an English author
 * line follows closely; take the lines down to it and the affiliation lines
 * right after it into out, nothing further.
 */
static void front_en_without_abstract(const cl_ctx *c, int top, cl_list *out)
{
    cl_list r;
    lines_between(c, top, c->page_h, &r);
    size_t p = 0;
    while (p < r.n && p < 4 && !authors_like_en(&c->l[r.idx[p]]))
        p++;
    if (p == r.n || p == 4)
        return;
    size_t end = p + 1;
    while (end < r.n && end < p + 4 && affil_like_en(&c->l[r.idx[end]]))
        end++;
    for (size_t i = 0; i < end && out->n < 64; i++)
        out->idx[out->n++] = r.idx[i];
}

static void assign_front(cl_ctx *c)
{
    int zh_end = top_of(c, FOLIO_KIND_ABSTRACT_ZH);
    if (zh_end == INT_MAX)
        zh_end = min_int(top_of(c, FOLIO_KIND_KEYWORDS_ZH), top_of(c, FOLIO_KIND_META));
    int en_end = top_of(c, FOLIO_KIND_ABSTRACT_EN);
    if (zh_end == INT_MAX)
        zh_end = en_end;
    if (zh_end == INT_MAX)
        return;
    /* the front matter starts below the header, the DOI line and a citation box at the top */
    int top = -1;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        folio_kind k = l->cls->kind;
        bool above = k == FOLIO_KIND_HEADER || k == FOLIO_KIND_DOI || k == FOLIO_KIND_CITE_ZH ||
                     k == FOLIO_KIND_CITE_EN;
        if (l->n > 0 && above && l->box.y < zh_end && l->box.y + l->box.h > top)
            top = l->box.y + l->box.h;
    }
    cl_list a, b;
    lines_between(c, top, zh_end, &a);
    size_t last_zh = a.n;
    for (size_t i = 0; i < a.n; i++)
        if (is_zh(&c->l[a.idx[i]]))
            last_zh = i;
    size_t n_zh = last_zh == a.n ? 0 : last_zh + 1;
    assign_front_zh(c, a.idx, n_zh);
    int en_top = bottom_of(c, FOLIO_KIND_META, en_end);
    en_top = en_top < 0 ? bottom_of(c, FOLIO_KIND_KEYWORDS_ZH, en_end) : en_top;
    en_top = en_top < 0 ? bottom_of(c, FOLIO_KIND_ABSTRACT_ZH, en_end) : en_top;
    b.n = 0;
    for (size_t i = n_zh; i < a.n; i++)
        b.idx[b.n++] = a.idx[i];
    if (en_end != INT_MAX && en_top >= 0) {
        cl_list r;
        lines_between(c, en_top, en_end, &r);
        for (size_t i = 0; i < r.n && b.n < 64; i++)
            b.idx[b.n++] = r.idx[i];
    } else if (en_top >= 0) {
        front_en_without_abstract(c, en_top, &b);
    }
    assign_front_en(c, b.idx, b.n);
}

/* ---- pass 6: the rest -------------------------------------------------------- */

/* Unlabelled printed citations (the web layout prints one without a label). */
static void anchor_citations(cl_ctx *c)
{
    int from = bottom_of(c, FOLIO_KIND_ABSTRACT_EN, INT_MAX);
    if (from < 0)
        from = bottom_of(c, FOLIO_KIND_ABSTRACT_ZH, INT_MAX);
    if (from < 0 || has_kind(c, FOLIO_KIND_CITE_ZH))
        return;
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->l[i];
        if (is_free(l) && l->box.y >= from && citation_like(l->text)) {
            bool zh = is_zh(l) || l->conf < 60 || has_kind(c, FOLIO_KIND_CITE_EN);
            mark(l, zh ? FOLIO_KIND_CITE_ZH : FOLIO_KIND_CITE_EN, true);
            grow(c, i);
            return;
        }
    }
}

static void assign_rest(cl_ctx *c, bool first)
{
    int foot = INT_MAX;
    for (size_t i = 0; i < c->n; i++) {
        const cl_line *l = &c->l[i];
        folio_kind k = l->cls->kind;
        bool note = k == FOLIO_KIND_RECEIVED || k == FOLIO_KIND_FUNDING || k == FOLIO_KIND_BIO ||
                    k == FOLIO_KIND_FOOTNOTE || k == FOLIO_KIND_ONLINE;
        if (l->n > 0 && note && l->box.y * 2 > c->page_h && l->box.y < foot)
            foot = l->box.y;
    }
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->l[i];
        if (!first && l->cls->kind != FOLIO_KIND_HEADER)
            mark(l, FOLIO_KIND_NONE, false);
        if (l->n > 0 && l->cls->kind == FOLIO_KIND_NONE)
            mark(l, l->box.y >= foot && first ? FOLIO_KIND_FOOTNOTE : FOLIO_KIND_BODY, false);
    }
}

bool folio_classify_lines(const folio_page *pg, folio_line_class *out, bool *oom)
{
    *oom = false;
    if (!pg || !out)
        return false;
    memset(out, 0, pg->n_lines * sizeof(*out));
    cl_ctx c = {0};
    c.n = pg->n_lines;
    c.l = calloc(c.n ? c.n : 1, sizeof(*c.l));
    if (!c.l) {
        *oom = true;
        return false;
    }
    for (size_t i = 0; i < c.n; i++) {
        c.l[i].text = pg->lines[i].text ? pg->lines[i].text : "";
        c.l[i].box = clamp_box(pg->lines[i].box);
        c.l[i].conf = pg->lines[i].conf;
        c.l[i].cls = &out[i];
        count_scripts(&c.l[i]);
    }
    bool first = false;
    if (c.n > MAX_LINES) { /* no journal page has this many lines; keep the time bounded */
        assign_rest(&c, false);
    } else if (measure_frame(&c, pg->height) == 0) {
        anchor_cues(&c);
        anchor_header(&c);
        first = first_page(&c);
        if (first) {
            if (!has_kind(&c, FOLIO_KIND_RECEIVED))
                anchor_dates(&c);
            grow_all(&c, FOLIO_KIND_NONE);
            fallback_abstracts(&c);
            grow_all(&c, FOLIO_KIND_ABSTRACT_EN);
            grow_all(&c, FOLIO_KIND_KEYWORDS_ZH);
            assign_front(&c);
            anchor_citations(&c);
        }
        assign_rest(&c, first);
    } else {
        *oom = true;
    }
    free(c.l);
    return first;
}

void folio_classify_blocks(folio_page *pg, const folio_line_class *cls)
{
    for (size_t b = 0; b < pg->n_blocks; b++) {
        folio_block *blk = &pg->blocks[b];
        size_t chars[FOLIO_KIND_COUNT] = {0};
        for (size_t j = 0; j < blk->n_lines; j++) {
            size_t li = blk->first_line + j;
            if (li >= pg->n_lines || li < blk->first_line)
                break;
            const char *t = pg->lines[li].text;
            chars[cls[li].kind] += (t ? strlen(t) : 0) + 1;
        }
        folio_kind best = FOLIO_KIND_NONE;
        for (int k = 1; k < FOLIO_KIND_COUNT; k++)
            if (chars[k] > chars[best])
                best = (folio_kind)k;
        blk->label = folio_kind_label(best);
    }
}
