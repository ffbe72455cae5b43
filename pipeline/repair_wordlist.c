/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The word list that decides hyphenation at line ends (repair.h):
 * sorted lower-case English words, searched by bisection.
 */
#include "repair_rules.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct folio_repair {
    char **words; /* sorted, lower-case */
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool push_word(folio_repair *r, size_t *cap, const char *w, size_t n)
{
    if (r->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4096;
        char **p = realloc(r->words, ncap * sizeof(*p));
        if (!p)
            return false;
        r->words = p;
        *cap = ncap;
    }
    char *copy = folio_strndup(w, n);
    if (!copy)
        return false;
    r->words[r->n++] = copy;
    return true;
}

static void load_wordlist(folio_repair *r, FILE *f)
{
    char line[256];
    size_t cap = 0;
    while (fgets(line, sizeof(line), f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0 || n > 63 || strchr(line, '\''))
            continue;
        for (size_t i = 0; i < n; i++)
            line[i] = (char)tolower((unsigned char)line[i]);
        if (!push_word(r, &cap, line, n))
            break;
    }
    if (r->n > 1)
        qsort(r->words, r->n, sizeof(*r->words), cmp_str);
}

folio_repair *folio_repair_create(const char *wordlist)
{
    folio_repair *r = calloc(1, sizeof(*r));
    if (!r || !wordlist)
        return r;
    FILE *f = fopen(wordlist, "r");
    if (f) {
        load_wordlist(r, f);
        fclose(f);
    }
    return r;
}

void folio_repair_destroy(folio_repair **pr)
{
    if (!pr || !*pr)
        return;
    for (size_t i = 0; i < (*pr)->n; i++)
        free((*pr)->words[i]);
    free((*pr)->words);
    free(*pr);
    *pr = NULL;
}

bool folio_repair_known_word(const folio_repair *r, const char *word, size_t len)
{
    if (!r || !word || r->n == 0 || len == 0 || len > 63)
        return false;
    char key[64];
    for (size_t i = 0; i < len; i++)
        key[i] = (char)tolower((unsigned char)word[i]);
    key[len] = '\0';
    const char *k = key;
    return bsearch(&k, r->words, r->n, sizeof(*r->words), cmp_str) != NULL;
}

size_t repair_wordlist_size(const folio_repair *r)
{
    return r ? r->n : 0;
}
