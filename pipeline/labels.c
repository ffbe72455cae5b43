/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tolerant label matching for the fields stage (see labels.h). Han labels
 * are compared character by character with spaces skipped; one wrong
 * character is forgiven when a colon follows the label. Latin labels are
 * compared on their letters (OCR's 5/0/1 folded to s/o/l) by edit distance.
 * Every loop is bounded by the decoded length; no input can read past it.
 */
#include "labels.h"

#include "folio/folio.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LATIN 24 /* letters of a Latin label considered */

typedef struct han_label {
    folio_cue cue;
    const char *text;
} han_label;

/* Longer labels first so 本文引用格式 wins over 引用格式. */
static const han_label han_labels[] = {
    {FOLIO_CUE_ONLINE, "在线发布日期"}, {FOLIO_CUE_ONLINE, "网络出版日期"},
    {FOLIO_CUE_ONLINE, "网络出版时间"}, {FOLIO_CUE_CITE_ZH, "本文引用格式"},
    {FOLIO_CUE_CLC, "中图法分类号"},    {FOLIO_CUE_CLC, "中图分类号"},
    {FOLIO_CUE_DOC_CODE, "文献标志码"}, {FOLIO_CUE_DOC_CODE, "文献标识码"},
    {FOLIO_CUE_ARTICLE_NO, "文章编号"}, {FOLIO_CUE_RECEIVED, "收稿日期"},
    {FOLIO_CUE_REVISED, "修回日期"},    {FOLIO_CUE_REVISED, "录用日期"},
    {FOLIO_CUE_FUNDING, "基金项目"},    {FOLIO_CUE_BIO, "作者简介"},
    {FOLIO_CUE_CORRESP, "通信作者"},    {FOLIO_CUE_CORRESP, "通讯作者"},
    {FOLIO_CUE_CITE_ZH, "引用格式"},    {FOLIO_CUE_CITE_ZH, "引用本文"},
    {FOLIO_CUE_KEYWORDS_ZH, "关键词"},  {FOLIO_CUE_ABSTRACT_ZH, "摘要"},
};

typedef struct latin_label {
    folio_cue cue;
    const char *letters; /* lower case, no spaces */
} latin_label;

static const latin_label latin_labels[] = {
    {FOLIO_CUE_ABSTRACT_EN, "abstract"},
    {FOLIO_CUE_KEYWORDS_EN, "keywords"},
    {FOLIO_CUE_CITE_EN, "citethisarticle"},
    {FOLIO_CUE_CITE_EN, "citation"},
};

static const char *const cue_names[FOLIO_CUE_COUNT] = {
    "none",        "abstract_zh", "keywords_zh",   "clc",         "doc_code",    "article_no",
    "abstract_en", "keywords_en", "doi",           "received",    "revised",     "online",
    "funding",     "author_bio",  "corresponding", "citation_zh", "citation_en", "garbled",
};

const char *folio_cue_name(folio_cue c)
{
    return c >= 0 && c < FOLIO_CUE_COUNT ? cue_names[c] : "none";
}

/* ---- decoded strings --------------------------------------------------- */

int folio_ustr_init(folio_ustr *u, const char *s)
{
    memset(u, 0, sizeof(*u));
    size_t len = s ? strlen(s) : 0;
    u->cp = malloc((len + 1) * sizeof(*u->cp));
    u->off = malloc((len + 1) * sizeof(*u->off));
    if (!u->cp || !u->off) {
        folio_ustr_free(u);
        return FOLIO_ENOMEM;
    }
    size_t i = 0;
    while (i < len) {
        u->off[u->n] = i;
        i += folio_utf8_decode(s + i, len - i, &u->cp[u->n]);
        u->n++;
    }
    u->off[u->n] = len;
    return 0;
}

void folio_ustr_free(folio_ustr *u)
{
    free(u->cp);
    free(u->off);
    memset(u, 0, sizeof(*u));
}

/* ---- character classes ------------------------------------------------- */

bool folio_is_label_colon(uint32_t cp)
{
    switch (cp) {
    case ':':
    case ';':
    case 0xFF1A:
    case 0xFF1B:
    case 0xFE55:
    case 0x2236:
        return true;
    default:
        return false;
    }
}

/* Softer separators OCR leaves after a label: , . 、 */
static bool is_soft_colon(uint32_t cp)
{
    return cp == ',' || cp == '.' || cp == 0xFF0C || cp == 0x3001 || cp == 0xFF0E || cp == 0x3002;
}

static bool is_open_bracket(uint32_t cp)
{
    return cp == '[' || cp == 0x3010 || cp == 0xFF3B || cp == 0x3014;
}

static bool is_close_bracket(uint32_t cp)
{
    return cp == ']' || cp == 0x3011 || cp == 0xFF3D || cp == 0x3015;
}

/* Marks OCR leaves in and before labels: stray quotes, dots, bars. */
static bool is_junk(uint32_t c)
{
    switch (c) {
    case '\'':
    case '"':
    case '`':
    case '|':
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0xB7:
    case 0x2022:
    case '_':
    case '~':
    case '=':
        return true;
    default:
        return false;
    }
}

static size_t skip_spaces(const folio_ustr *u, size_t i)
{
    while (i < u->n && folio_is_space(u->cp[i]))
        i++;
    return i;
}

/*
 * After a label ending at code point i: skip a closing bracket, spaces, one
 * colon and spaces. *colon tells whether a real colon was there.
 */
static size_t after_label(const folio_ustr *u, size_t i, bool *colon)
{
    *colon = false;
    i = skip_spaces(u, i);
    if (i < u->n && is_close_bracket(u->cp[i]))
        i = skip_spaces(u, i + 1);
    if (i < u->n && folio_is_label_colon(u->cp[i])) {
        *colon = true;
        i++;
    } else if (i < u->n && is_soft_colon(u->cp[i])) {
        i++;
    }
    return skip_spaces(u, i);
}

/* ---- Han labels -------------------------------------------------------- */

/*
 * Compare the label lab (code points) with u from i, spaces in u skipped.
 * \return the wrong characters (more than 1: no match), *end after the label.
 */
static int han_errors(const folio_ustr *u, size_t i, const uint32_t *lab, size_t ln, size_t *end)
{
    int err = 0;
    size_t k = 0;
    while (k < ln) {
        if (i >= u->n)
            return 99;
        if (k > 0 && (folio_is_space(u->cp[i]) || is_junk(u->cp[i]))) {
            i++;
            continue;
        }
        if (u->cp[i] != lab[k] && ++err > 1)
            return 99;
        if (u->cp[i] != lab[k] && (u->cp[i] < 0x80 || folio_is_cjk_punct(u->cp[i])))
            return 99; /* a wrong character must still look like a Han character */
        i++;
        k++;
    }
    *end = i;
    return err;
}

static size_t decode_label(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len && n < max)
        i += folio_utf8_decode(s + i, len - i, &out[n++]);
    return n;
}

/* Try every Han label at code point i; mask limits the set (0: all). */
static bool han_at(const folio_ustr *u, size_t i, unsigned mask, bool mid, folio_cue_hit *hit)
{
    for (size_t t = 0; t < sizeof(han_labels) / sizeof(han_labels[0]); t++) {
        if (mask && !(mask & FOLIO_CUE_BIT(han_labels[t].cue)))
            continue;
        uint32_t lab[8];
        size_t ln = decode_label(han_labels[t].text, lab, 8), end = 0;
        if (i >= u->n || (u->cp[i] != lab[0] && (mid || ln < 4)))
            continue;
        int err = han_errors(u, i, lab, ln, &end);
        if (err > 1 || (err == 1 && ln < 3))
            continue;
        bool colon;
        size_t v = after_label(u, end, &colon);
        if (err == 1 && !colon)
            continue;
        /* inside a line a label stands after a separator or before a colon (not 国家基金项目(...))
         */
        bool after_sep = i == 0 || folio_is_space(u->cp[i - 1]) ||
                         folio_is_label_colon(u->cp[i - 1]) || is_soft_colon(u->cp[i - 1]) ||
                         folio_is_cjk_punct(u->cp[i - 1]);
        if (mid && !colon && (ln == 2 || !after_sep))
            continue;
        /* a label runs into its value only when long and distinctive (基金项目的管理 is prose) */
        bool separated = colon || v > end || ln >= 5;
        if (!separated)
            continue;
        hit->cue = han_labels[t].cue;
        hit->start = u->off[i];
        hit->value = u->off[v];
        hit->exact = err == 0;
        return true;
    }
    return false;
}

/* ---- Latin labels ------------------------------------------------------ */

static char fold_latin(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return (char)(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z')
        return (char)c;
    switch (c) {
    case '5':
        return 's';
    case '0':
        return 'o';
    case '1':
    case '|':
        return 'l';
    default:
        return 0;
    }
}

static int edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    int row[MAX_LATIN + 1];
    for (size_t j = 0; j <= nb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/*
 * Letters from code point i (spaces skipped): folded into buf; pos[k] is the
 * index after letter k, gap[k] tells whether a space came before letter k.
 */
static size_t latin_letters(const folio_ustr *u, size_t i, char *buf, size_t *pos, bool *gap)
{
    size_t n = 0;
    bool space = false;
    while (i < u->n && n < MAX_LATIN) {
        uint32_t c = u->cp[i];
        if (c == ' ') {
            space = true;
            i++;
            continue;
        }
        char f = fold_latin(c);
        if (!f)
            break;
        gap[n] = space;
        space = false;
        buf[n] = f;
        pos[n++] = ++i;
    }
    return n;
}

static bool latin_label_at(const folio_ustr *u, size_t i, folio_cue_hit *hit)
{
    char buf[MAX_LATIN];
    size_t pos[MAX_LATIN];
    bool gap[MAX_LATIN];
    size_t n = latin_letters(u, i, buf, pos, gap);
    for (size_t t = 0; t < sizeof(latin_labels) / sizeof(latin_labels[0]); t++) {
        const char *lab = latin_labels[t].letters;
        size_t ln = strlen(lab);
        for (size_t p = ln > 2 ? ln - 2 : 1; p <= ln + 1 && p <= n; p++) {
            int d = edit_distance(buf, p, lab, ln);
            bool colon;
            size_t v = after_label(u, pos[p - 1], &colon);
            bool boundary = p == n || gap[p];
            if (!boundary || !(d == 0 || (d <= 2 && colon)))
                continue;
            hit->cue = latin_labels[t].cue;
            hit->start = u->off[i];
            hit->value = u->off[v];
            hit->exact = d == 0;
            return true;
        }
    }
    return false;
}

/* DOI, DOT, DOK, D0I: a D, an O, one more letter, then 10. */
static bool doi_at(const folio_ustr *u, size_t i, folio_cue_hit *hit)
{
    if (i + 3 > u->n || (u->cp[i] != 'D' && u->cp[i] != 'd'))
        return false;
    uint32_t o = u->cp[i + 1], x = u->cp[i + 2];
    if (o != 'O' && o != 'o' && o != '0' && o != 'Q')
        return false;
    if (!((x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || x == '1' || x == '|'))
        return false;
    bool colon;
    size_t v = after_label(u, i + 3, &colon);
    if (v + 1 >= u->n)
        return false;
    uint32_t a = u->cp[v], b = u->cp[v + 1];
    if (!((a == '1' || a == 'l' || a == 'I') && (b == '0' || b == 'O' || b == 'o')))
        return false;
    hit->cue = FOLIO_CUE_DOI;
    hit->start = u->off[i];
    hit->value = u->off[v];
    hit->exact = x == 'I' || x == 'i';
    return true;
}

/*
 * A damaged label before Chinese text: at most 8 Latin letters, digits and
 * spaces (RHA:, XR:, AMEN: for 收稿日期), or at most 4 Han characters with
 * OCR's stray quotes (搞”要：, 收营日斯：), then a colon and Chinese text or a number.
 */
static bool garbled_at(const folio_ustr *u, size_t i, folio_cue_hit *hit)
{
    size_t j = i, letters = 0, han = 0, other = 0;
    while (j < u->n && j - i < 9) {
        uint32_t c = u->cp[j];
        bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alpha && !(c >= '0' && c <= '9') && c != ' ' && !folio_is_han(c) && !is_junk(c))
            break;
        letters += alpha;
        han += folio_is_han(c);
        other += !alpha && !folio_is_han(c) && c != ' ';
        j++;
    }
    if (letters + han == 0 || letters > 6 || han > 4 || (han && letters + han + other > 6))
        return false;
    if (j >= u->n || !folio_is_label_colon(u->cp[j]))
        return false;
    size_t v = skip_spaces(u, j + 1);
    if (v >= u->n || !(folio_is_han(u->cp[v]) || (u->cp[v] >= '0' && u->cp[v] <= '9')))
        return false;
    hit->cue = FOLIO_CUE_GARBLED;
    hit->start = u->off[i];
    hit->value = u->off[v];
    hit->exact = false;
    return true;
}

bool folio_cue_at_start(const char *s, folio_cue_hit *hit)
{
    memset(hit, 0, sizeof(*hit));
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    size_t i = skip_spaces(&u, 0);
    while (i < u.n && (is_junk(u.cp[i]) || is_open_bracket(u.cp[i]) || u.cp[i] == '-'))
        i = skip_spaces(&u, i + 1);
    bool found = han_at(&u, i, 0, false, hit) || doi_at(&u, i, hit) || latin_label_at(&u, i, hit) ||
                 garbled_at(&u, i, hit);
    folio_ustr_free(&u);
    if (!found)
        memset(hit, 0, sizeof(*hit));
    return found;
}

bool folio_cue_find(const char *s, size_t from, unsigned mask, folio_cue_hit *hit)
{
    memset(hit, 0, sizeof(*hit));
    folio_ustr u;
    if (!s || folio_ustr_init(&u, s))
        return false;
    bool found = false;
    for (size_t i = 0; i < u.n && !found; i++)
        if (u.off[i] >= from)
            found = han_at(&u, i, mask, true, hit);
    folio_ustr_free(&u);
    if (!found)
        memset(hit, 0, sizeof(*hit));
    return found;
}
