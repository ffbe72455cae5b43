/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Label damage: "DOT:" for "DOI:", a semicolon or comma after a field
 * label ("基金项目;") that prints a colon.
 */
#include "repair_rules.h"

/*
 * Two characters OCR made of a DOI's "10" (d3 fax: "DOI: £G.11897/SP.J"):
 * a dot, the registrant's four or five digits and the slash follow. Every
 * DOI starts "10.", so after a DOI label nothing else can stand there.
 */
static bool garbled_ten(const cps *s, size_t j)
{
    if (at(s, j) == ' ' || at(s, j + 1) == ' ' || at(s, j + 2) != '.')
        return false;
    size_t k = j + 3;
    while (is_digit(at(s, k)))
        k++;
    return k - (j + 3) >= 4 && k - (j + 3) <= 5 && at(s, k) == '/';
}

/* "DOT: 10." / "DOE:" / "D0I:" → "DOI:" when a DOI follows, its "10" mended. */
static void fix_doi_label(cps *s, size_t i)
{
    if (is_alpha(at(s, i - 1)) || at(s, i) != 'D' || (at(s, i + 1) != 'O' && at(s, i + 1) != '0'))
        return;
    uint32_t x = at(s, i + 2);
    if (!is_ascii_of(x, "TEIl1|JL"))
        return;
    size_t j = i + 3;
    if (at(s, j) == ' ')
        j++;
    if (at(s, j) != ':' && at(s, j) != 0xFF1A)
        return;
    j = cps_next_ns(s, j + 1);
    if (j == NPOS)
        return;
    if (!cps_has_at(s, j, "10.") && garbled_ten(s, j)) {
        s->v[j] = '1';
        s->v[j + 1] = '0';
    }
    if (cps_has_at(s, j, "10.")) {
        s->v[i + 1] = 'O';
        s->v[i + 2] = 'I';
    }
}

static const char *const zh_labels[] = {
    "摘要",     "摘　要",   "关键词",   "中图分类号",   "文献标志码",   "文献标识码",
    "文章编号", "收稿日期", "修回日期", "录用日期",     "基金项目",     "作者简介",
    "通信作者", "通讯作者", "引用格式", "在线发布日期", "网络出版日期", "电子信箱",
    "邮政编码", "E-mail",   "Email",
};

static bool label_ends_at(const cps *s, size_t end)
{
    for (size_t k = 0; k < sizeof(zh_labels) / sizeof(zh_labels[0]); k++)
        if (cps_has_before(s, end, zh_labels[k]))
            return true;
    return false;
}

/* Does a Chinese field label ("文献标志码", "基金项目") start at i? */
bool repair_zh_label_at(const cps *s, size_t i)
{
    for (size_t k = 0; k < sizeof(zh_labels) / sizeof(zh_labels[0]); k++)
        if ((zh_labels[k][0] & 0x80) && cps_has_at(s, i, zh_labels[k]))
            return true;
    return false;
}

/* "基金项目; 国家" / "E-mail; x@y" / "电子信箱，x@y": a label takes a colon. */
static void fix_label_colon(cps *s, size_t i)
{
    uint32_t c = s->v[i];
    bool semi = c == ';' || c == 0xFF1B, comma = c == ',' || c == 0xFF0C;
    if (!semi && !comma)
        return;
    size_t p = cps_prev_ns(s, i);
    if (p == NPOS || !label_ends_at(s, p + 1))
        return;
    size_t q = cps_next_ns(s, i + 1);
    if (comma && (q == NPOS || !is_alnum(s->v[q])))
        return;
    s->v[i] = ':';
}

void repair_pass_labels(const cps *in, cps *out)
{
    cps_compact(in, out);
    for (size_t i = 0; i < out->n; i++) {
        fix_doi_label(out, i);
        fix_label_colon(out, i);
    }
}
