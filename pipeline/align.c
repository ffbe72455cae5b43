/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Alignment of code-point strings (see align.h).
 */
#include "align.h"

#include "folio/folio.h"
#include "text.h"

#include <stdlib.h>

size_t folio_align_end(const uint32_t *t, size_t m, const uint32_t *c, size_t n)
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

bool folio_align_stop(uint32_t c)
{
    return c == '.' || c == 0xFF0E || c == 0x3002 || c == ',' || c == 0xFF0C;
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

bool folio_align_span(uint32_t *t, size_t m, uint32_t *c, size_t n, size_t *s, size_t *e)
{
    *e = m >= 4 ? folio_align_end(t, m, c, n) : SIZE_MAX;
    if (*e == SIZE_MAX)
        return false;
    reverse(t, m);
    reverse(c, *e);
    size_t back = folio_align_end(t, m, c, *e);
    reverse(t, m);
    reverse(c, *e);
    if (back == SIZE_MAX)
        return false;
    *s = *e - back;
    return true;
}

/* Non-space code points of s, full-width forms folded to ASCII. \return 0 or FOLIO_ENOMEM. */
int folio_align_fold(const char *s, folio_ustr *u)
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
size_t folio_align_distance(const uint32_t *a, size_t m, const uint32_t *b, size_t n)
{
    if (m > FOLIO_ALIGN_MAX || n > FOLIO_ALIGN_MAX)
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
