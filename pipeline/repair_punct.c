/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Punctuation width: colons and semicolons take the width of the script
 * around them; full-width marks between Latin words become ASCII; the
 * letter-spaced "摘　要：" label.
 */
#include "repair_rules.h"

/*
 * Is the punctuation at i inside Chinese text? Yes when a Chinese character
 * touches it (spaces aside), or when the Latin word before it is itself
 * preceded by Chinese ("研究，E-mail: x").
 */
static bool zh_context(const cps *s, size_t i)
{
    size_t p = cps_prev_ns(s, i), q = cps_next_ns(s, i + 1);
    uint32_t P = at(s, p), N = at(s, q);
    if (is_zh(P) || is_hanlike(N))
        return true;
    if (!is_alnum(P))
        return false;
    size_t k = p;
    for (int steps = 0; k > 0 && steps < 32; steps++) {
        if (!is_alnum(s->v[k - 1]) && s->v[k - 1] != '-')
            break;
        k--;
    }
    return is_zh(at(s, cps_prev_ns(s, k)));
}

static bool is_colon_like(uint32_t c)
{
    return c == ':' || c == ';' || c == 0xFF1A || c == 0xFF1B;
}

/* A run of colons and semicolons (";;", ":：") takes its width from the text
 * around the whole run, so one pass decides it all (repair is idempotent). */
static bool run_zh_context(const cps *s, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && is_colon_like(s->v[a - 1]))
        a--;
    while (b + 1 < s->n && is_colon_like(s->v[b + 1]))
        b++;
    return zh_context(s, a) || zh_context(s, b);
}

/* ":" / ";" in Chinese text → "：" / "；"; "：" / "；" / "，" between Latin words → ASCII. */
static void fix_width(const cps *in, size_t i, cps *out)
{
    uint32_t c = in->v[i], nx = at(in, i + 1);
    if ((c == ':' || c == ';') && !(is_digit(at(in, i - 1)) && is_digit(nx)) && nx != '/') {
        cps_push(out, run_zh_context(in, i) ? (c == ':' ? 0xFF1A : 0xFF1B) : c);
        return;
    }
    if (c != 0xFF1A && c != 0xFF1B && c != 0xFF0C) {
        cps_push(out, c);
        return;
    }
    size_t q = cps_next_ns(in, i + 1);
    if (zh_context(in, i) || !is_alnum(at(in, cps_prev_ns(in, i))) || !is_alnum(at(in, q))) {
        cps_push(out, c);
        return;
    }
    cps_push(out, c == 0xFF1A ? ':' : c == 0xFF1B ? ';' : ',');
    if (is_alpha(nx))
        cps_push(out, ' ');
}

/* "摘 要:" → "摘　要：" (the page letter-spaces the label with U+3000). */
static size_t fix_abstract_label(const cps *in, size_t i, cps *out)
{
    if (in->v[i] != 0x6458 /* 摘 */)
        return 0;
    size_t j = i + 1;
    bool gap = false;
    while (j < in->n && j < i + 3 && (in->v[j] == ' ' || in->v[j] == 0x3000))
        j++, gap = true;
    if (at(in, j) != 0x8981 /* 要 */)
        return 0;
    size_t k = cps_next_ns(in, j + 1);
    uint32_t c = at(in, k);
    if (c != ':' && c != 0xFF1A && c != ';' && c != 0xFF1B)
        return 0;
    cps_push(out, 0x6458);
    if (gap)
        cps_push(out, 0x3000);
    cps_push(out, 0x8981);
    cps_push(out, 0xFF1A);
    return k + 1 - i;
}

void repair_pass_width(const cps *in, cps *out)
{
    for (size_t i = 0; i < in->n;) {
        size_t used = fix_abstract_label(in, i, out);
        if (used) {
            i += used;
            continue;
        }
        fix_width(in, i, out);
        i++;
    }
}
