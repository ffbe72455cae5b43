/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Joining lines into paragraphs: nothing between Chinese lines, a space
 * between Latin lines, a break where a field label starts or the script
 * changes; a hyphen at the line end kept or dropped by the word list.
 */
#include "repair_rules.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Letters of the word that ends just before end in s. \return its start. */
static size_t word_start(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && end - i < 63 && isalpha((unsigned char)s[i - 1]))
        i--;
    return i;
}

static bool has_inner_upper(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]))
            return true;
    return false;
}

/*
 * The word ending "L-" at a line end and the line starting with "R": drop the
 * hyphen? Keep it for true compounds: an upper-case or digit piece
 * ("Chengdu-Chongqing", "CNN-BiLSTM-CTC"), a one-letter prefix ("E-mail"), a
 * chain of hyphens, or two words whose join is not a word ("freeze-thaw").
 * Join when the joined form is a word ("recy-cled") or a piece is no word
 * ("Chongq-ing", a break the dictionary lacks).
 */
static bool rejoin_hyphen(const folio_repair *r, const char *para, size_t hyph, const char *line)
{
    size_t ls = word_start(para, hyph), ln = hyph - ls, rn = 0;
    while (rn < 63 && isalpha((unsigned char)line[rn]))
        rn++;
    if (ln < 2 || rn == 0 || isupper((unsigned char)line[0]) || has_inner_upper(para + ls, ln))
        return false;
    if (ls > 0 && strchr("-/0123456789", para[ls - 1]))
        return false;
    if (!r || repair_wordlist_size(r) == 0)
        return false; /* without a dictionary the hyphen stays as read */
    char joined[128];
    memcpy(joined, para + ls, ln);
    memcpy(joined + ln, line, rn);
    if (folio_repair_known_word(r, joined, ln + rn))
        return true;
    return !(folio_repair_known_word(r, para + ls, ln) && folio_repair_known_word(r, line, rn));
}

/* Do at least two Latin words run from i in direction dir (+1/-1), up to a space? */
static bool two_latin_words(const cps *s, size_t i, int dir)
{
    size_t words = 0, len = 0;
    for (size_t k = 0; k < 48 && i < s->n; k++, i += (size_t)(ptrdiff_t)dir) {
        uint32_t c = s->v[i];
        if (is_wordish(c) || is_ascii_of(c, ".,-()")) {
            len++;
        } else if (c == ' ' && len > 0) {
            if (++words >= 2)
                return true;
            len = 0;
        } else {
            return false;
        }
    }
    return false;
}

/*
 * A line break between a Chinese line and an English line ("…第4期" /
 * "Journal of …") is a separation, not a word continuing ("利用" / "PMF模型").
 */
static bool latin_line_meets_zh(const cps *s, size_t space)
{
    uint32_t a = at(s, space - 1), b = at(s, space + 1);
    if (is_hanlike(a) && is_alpha(b))
        return two_latin_words(s, space + 1, 1);
    if (is_wordish(a) && is_hanlike(b))
        return two_latin_words(s, space - 1, -1);
    return false;
}

/* Does the line open with a field label ("基金项目：", "收稿日期：")? */
static bool starts_with_label(const char *line)
{
    static const char *const starts[] = {
        "摘",       "关键词",       "中图分类号", "文献标志码",   "文献标识码",   "文章编号",
        "收稿日期", "修回日期",     "录用日期",   "基金项目",     "作者简介",     "通信作者",
        "通讯作者", "本文引用格式", "引用格式",   "在线发布日期", "网络出版日期", "DOI"};
    for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++) {
        size_t n = strlen(starts[k]);
        if (strncmp(line, starts[k], n) != 0)
            continue;
        if (k > 0 || strncmp(line + n, "要", 3) == 0 || strncmp(line + n, "　要", 6) == 0 ||
            strncmp(line + n, " 要", 4) == 0)
            return true;
    }
    return false;
}

enum break_kind { BREAK_NONE, BREAK_SPACE, BREAK_LINE };

/* Keep a space at a line break? Decided like a space inside a line. */
static enum break_kind keep_break_space(const char *para, size_t plen, const char *line)
{
    size_t from = plen > 96 ? plen - 96 : 0, cut = 0;
    while (from < plen && ((unsigned char)para[from] & 0xC0) == 0x80)
        from++;
    while (cut < 96 && line[cut])
        cut++;
    while (line[cut] && ((unsigned char)line[cut] & 0xC0) == 0x80)
        cut++;
    char *tail = folio_strndup(para + from, plen - from), *head = folio_strndup(line, cut);
    cps s = {0};
    size_t space = 0;
    if (tail && head) {
        cps_decode(tail, &s);
        space = s.n;
        cps_push(&s, ' ');
        cps_decode(head, &s);
    }
    enum break_kind k = BREAK_NONE;
    if (tail && head && !s.oom)
        k = repair_keep_space(&s, space, space + 1) ? BREAK_SPACE
            : latin_line_meets_zh(&s, space)        ? BREAK_LINE
                                                    : BREAK_NONE;
    cps_free(&s);
    free(tail);
    free(head);
    return k;
}

/*
 * What goes between the paragraph and the next line: nothing (a Chinese
 * sentence continues), a space (Latin words), or a line break where the print
 * starts a new field or switches between a Chinese and an English line.
 */
static enum break_kind line_break(const char *para, size_t plen, const char *line)
{
    if (starts_with_label(line))
        return BREAK_LINE;
    return keep_break_space(para, plen, line);
}

/* A DOI or URL broken after "/", "." or "_" continues without a space. */
static bool token_continues(const char *para, size_t plen)
{
    char last = plen ? para[plen - 1] : 0;
    if (last != '/' && last != '.' && last != '_')
        return false;
    size_t s = plen;
    while (s > 0 && para[s - 1] != ' ' && plen - s < 200)
        s--;
    const char *t = para + s;
    return strncmp(t, "10.", 3) == 0 || strncmp(t, "http", 4) == 0 || strncmp(t, "www.", 4) == 0;
}

/*
 * "(1964一" / "1980)": the numeric dash read as 一 at a line end becomes
 * "—", and the lines join without a space. \return whether the line ends in
 * such a dash (fixed now or before).
 */
static bool fix_break_dash(char *s, size_t n, const char *next)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (*next == ' ')
        next++;
    if (n < 4 || !isdigit((unsigned char)s[n - 4]) || !isdigit((unsigned char)next[0]))
        return false;
    if (memcmp(s + n - 3, "—", 3) == 0)
        return true;
    if (memcmp(s + n - 3, "一", 3) != 0)
        return false;
    memcpy(s + n - 3, "—", 3);
    return true;
}

bool folio_repair_line_end(char *line, const char *next)
{
    size_t n = line ? strlen(line) : 0;
    if (!next || n < 4 || memcmp(line + n - 3, "一", 3) != 0)
        return false;
    return fix_break_dash(line, n, next);
}

void folio_repair_append_line(const folio_repair *r, folio_buf *para, const char *line)
{
    if (!para || !line)
        return;
    while (*line == ' ')
        line++;
    size_t llen = strlen(line);
    while (llen > 0 && line[llen - 1] == ' ')
        llen--;
    if (llen == 0)
        return;
    while (para->len > 0 && para->data[para->len - 1] == ' ')
        para->data[--para->len] = '\0';
    char *ln = folio_strndup(line, llen);
    if (!ln) {
        para->oom = true;
        return;
    }
    size_t plen = para->len;
    if (plen == 0) {
        folio_buf_puts(para, ln);
    } else if (para->data[plen - 1] == '-' && plen >= 2 &&
               isalnum((unsigned char)para->data[plen - 2])) {
        if (rejoin_hyphen(r, para->data, plen - 1, ln))
            para->data[--para->len] = '\0';
        folio_buf_puts(para, ln);
    } else {
        enum break_kind k = BREAK_NONE;
        if (!fix_break_dash(para->data, para->len, ln) && !token_continues(para->data, plen))
            k = line_break(para->data, plen, ln);
        if (k != BREAK_NONE)
            folio_buf_putc(para, k == BREAK_LINE ? '\n' : ' ');
        folio_buf_puts(para, ln);
    }
    free(ln);
}
