/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text repair rules: turn Tesseract's words back into the text as printed.
 *
 * Tesseract separates every recognized "word" by a space; for Chinese a word
 * is often one character, so spaces appear where print has none, Chinese
 * punctuation comes back half-width (":" for "："), and exact tokens (DOI,
 * article numbers, dates, e-mail addresses) get spaces and letter/digit
 * confusions inside. Each rule is a small pass over the line's code points,
 * in a file of its own concern (repair_space.c, repair_punct.c,
 * repair_token.c... listed in repair_rules.h); this file runs them in order
 * until the line settles. Every pass is pure, bounded (linear in the line,
 * with fixed look-around windows) and safe on any byte string. Joining words
 * is repair_join.c, joining lines repair_lines.c. The rules were drawn from
 * the damage Tesseract 5.3 (chi_sim+eng) does to the development pages; each
 * case is documented in tests/test_repair.c.
 *
 * Decided from data, not from taste: spaces between Chinese and Latin/digits
 * are dropped (journals print "经过150次", "采用CNN") except where print keeps
 * them (postcodes "重庆 400044", section numbers "1 引言", wide gaps); commas
 * are left as Tesseract read them (it separates "，" from ", " well, and the
 * ink box of a comma does not tell its advance width); colons and semicolons
 * take their width from the surrounding script, because Tesseract reads
 * nearly every printed "：" as ":".
 */
#include "repair_rules.h"

#include <stdlib.h>
#include <string.h>

/* ==== line repair ====================================================== */

typedef void (*repair_pass)(const cps *in, cps *out);

/*
 * Spaces are settled first (so the patterns see "(1964一1980)", not
 * "(1964 一 1980)") and again last (after punctuation changed width).
 */
static const repair_pass line_passes[] = {
    repair_pass_author_line, repair_pass_spaces,   repair_pass_braces,  repair_pass_labels,
    repair_pass_tokens,      repair_pass_contacts, repair_pass_numbers, repair_pass_width,
    repair_pass_structure,   repair_pass_citation, repair_pass_spaces,
};

static bool cps_equal(const cps *a, const cps *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(*a->v)) == 0);
}

/* Most rules decide from their neighbours, and one rule's output can be
 * another's neighbour ("；; x": the second ';' takes its width from the first
 * only once that one is "；"), so the passes run until the line no longer
 * changes, which makes the repair idempotent; in practice the second round
 * confirms, and MAX_ROUNDS bounds the rest. Found by tests/fuzz/fuzz_repair. */
#define MAX_ROUNDS 16

char *folio_repair_line(const char *line)
{
    cps cur = {0};
    cps_decode(line ? line : "", &cur);
    for (int round = 0; round < MAX_ROUNDS && !cur.oom; round++) {
        cps start = {0};
        for (size_t i = 0; i < cur.n; i++)
            cps_push(&start, cur.v[i]);
        for (size_t k = 0; k < sizeof(line_passes) / sizeof(line_passes[0]) && !cur.oom; k++) {
            cps next = {0};
            line_passes[k](&cur, &next);
            next.oom |= cur.oom;
            cps_free(&cur);
            cur = next;
        }
        bool same = !start.oom && cps_equal(&start, &cur);
        cur.oom |= start.oom;
        cps_free(&start);
        if (same)
            break;
    }
    char *s = cur.oom ? NULL : cps_encode(&cur);
    cps_free(&cur);
    return s;
}

int folio_repair_page(const folio_repair *r, folio_page *pg, folio_error *err)
{
    (void)r;
    if (!pg)
        return folio_error_set(err, FOLIO_EUSAGE, "repair: no page");
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_line *ln = &pg->lines[i];
        char *t = folio_repair_join_words(ln->words, ln->n_words);
        if (!t)
            return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in repair",
                                   pg->source_path ? pg->source_path : "page");
        free(ln->text);
        ln->text = t;
    }
    return 0;
}
