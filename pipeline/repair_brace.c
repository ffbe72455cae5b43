/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Braces read for brackets. The journals' first pages print no braces in
 * running text, but on fax and bad scans Tesseract reads a round or square
 * bracket's end as one: "P. R. China}" closing "(School of ...", "[J}" and
 * "{J}" for the citation's type code. A brace becomes the bracket it
 * pairs with on its line: "}" closes the nearest open "(", "（" or "[", and
 * "{" is opened by the ")" or "]" that closes it; a "{...}" pair around a
 * type code (one to three capital letters, "J", "M", "EB/OL") becomes
 * "[...]". Other braces (a set in a formula, "{x|x>0}") stay as read.
 */
#include "repair_rules.h"

#define STACK_MAX 32

static bool is_opener(uint32_t c)
{
    return c == '(' || c == 0xFF08 || c == '[' || c == '{';
}

static bool is_closer(uint32_t c)
{
    return c == ')' || c == 0xFF09 || c == ']' || c == '}';
}

/* The bracket that closes opener c ('{' has none of its own here). */
static uint32_t closer_of(uint32_t c)
{
    return c == '(' ? ')' : c == 0xFF08 ? 0xFF09 : c == '[' ? ']' : 0;
}

/* The opener that a closer c of a brace's pair stands for. */
static uint32_t opener_of(uint32_t c)
{
    return c == ')' ? '(' : c == 0xFF09 ? 0xFF08 : c == ']' ? '[' : 0;
}

/* Are v[a+1..b) a type code: one to three capitals, or EB/OL-like with a slash? */
static bool type_code_between(const uint32_t *v, size_t a, size_t b)
{
    size_t n = b - a - 1;
    if (n < 1 || n > 5)
        return false;
    size_t caps = 0;
    for (size_t k = a + 1; k < b; k++) {
        if (v[k] >= 'A' && v[k] <= 'Z')
            caps++;
        else if (v[k] != '/')
            return false;
    }
    return caps >= 1 && (caps <= 3 || n == 5);
}

/* Settle the closer at out->v[i] against the opener at out->v[o]. */
static void settle(cps *out, size_t o, size_t i)
{
    uint32_t open = out->v[o], close = out->v[i];
    if (close == '}' && open != '{')
        out->v[i] = closer_of(open);
    else if (open == '{' && close != '}')
        out->v[o] = opener_of(close);
    else if (open == '{' && close == '}' && type_code_between(out->v, o, i)) {
        out->v[o] = '[';
        out->v[i] = ']';
    }
}

void repair_pass_braces(const cps *in, cps *out)
{
    size_t stack[STACK_MAX], depth = 0;
    for (size_t i = 0; i < in->n; i++) {
        cps_push(out, in->v[i]);
        if (out->oom)
            return;
        uint32_t c = in->v[i];
        if (is_opener(c)) {
            if (depth < STACK_MAX)
                stack[depth++] = i;
        } else if (is_closer(c) && depth > 0) {
            settle(out, stack[--depth], i);
        }
    }
}
