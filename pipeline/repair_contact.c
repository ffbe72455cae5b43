/* SPDX-License-Identifier: Apache-2.0 */
/*
 * E-mail addresses and URLs: spaces OCR put around "@" and the dots of
 * a host name, and a dot read as a space before a top-level domain.
 */
#include "repair_rules.h"

#include <string.h>

static bool is_tld_at(const cps *s, size_t i)
{
    static const char *const tlds[] = {"cn", "com", "net", "org", "edu", "gov", "ac",
                                       "uk", "de",  "jp",  "hk",  "tw",  "io",  "info"};
    for (size_t k = 0; k < sizeof(tlds) / sizeof(tlds[0]); k++) {
        size_t n = strlen(tlds[k]);
        if (cps_has_at(s, i, tlds[k]) && !is_alnum(at(s, i + n)))
            return true;
    }
    return false;
}

/* Walk a host name from j, removing spaces OCR put around its dots. */
static void glue_host(cps *s, size_t j)
{
    bool dotted = false;
    for (int labels = 0; labels < 16; labels++) {
        size_t start = j;
        while (j < s->n && (is_alnum(s->v[j]) || s->v[j] == '-'))
            j++;
        if (j == start)
            return;
        if (at(s, j) == '.' && is_alnum(at(s, j + 1))) {
            j++;
        } else if (at(s, j) == '.' && at(s, j + 1) == ' ' && is_lower(at(s, j + 2))) {
            s->v[j + 1] = DEL;
            j += 2;
        } else if (at(s, j) == ' ' && at(s, j + 1) == '.' && is_lower(at(s, j + 2))) {
            s->v[j] = DEL;
            j += 2;
        } else if (dotted && at(s, j) == ' ' && is_tld_at(s, j + 1)) {
            s->v[j] = '.'; /* "swufe.edu cn": the dot read as a space */
            j++;
        } else {
            return;
        }
        dotted = true;
    }
}

static void fix_email(cps *s, size_t i)
{
    if (at(s, i - 1) == ' ' && is_alnum(at(s, i - 2)))
        s->v[i - 1] = DEL;
    if (at(s, i + 1) == ' ' && is_alnum(at(s, i + 2)) && at(s, i - 1) != ' ')
        s->v[i + 1] = DEL;
    size_t j = at(s, i + 1) == DEL ? i + 2 : i + 1;
    if (is_alnum(at(s, i - 1)) || at(s, i - 1) == DEL)
        glue_host(s, j);
}

static void fix_url(cps *s, size_t i)
{
    size_t j;
    if (cps_has_at(s, i, "https://") || cps_has_at(s, i, "http://")) {
        j = i + (at(s, i + 4) == 's' ? 8 : 7);
        if (at(s, j) == ' ' && is_alnum(at(s, j + 1)))
            s->v[j++] = DEL;
    } else if (cps_has_at(s, i, "www.") && !is_alnum(at(s, i - 1))) {
        j = i;
    } else {
        return;
    }
    glue_host(s, j);
}

void repair_pass_contacts(const cps *in, cps *out)
{
    cps tmp = {0};
    cps_compact(in, &tmp);
    for (size_t i = 0; i < tmp.n && !tmp.oom; i++) {
        if (tmp.v[i] == '@')
            fix_email(&tmp, i);
        else if (tmp.v[i] == 'h' || tmp.v[i] == 'w')
            fix_url(&tmp, i);
    }
    cps_compact(&tmp, out);
    out->oom |= tmp.oom;
    cps_free(&tmp);
}
