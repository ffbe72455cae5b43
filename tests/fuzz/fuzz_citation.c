/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for the GB/T 7714 citation parser (pipeline/citation.c)
 * and its exporters (pipeline/render_cite.c): parse the input, export the
 * result in every format with and without page metadata, and check the
 * CSL-JSON is JSON and every export is valid UTF-8 text.
 */
#include "pipeline/citation.h"
#include "pipeline/text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = folio_utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            abort();
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = folio_strndup((const char *)data, size);
    if (!s)
        return 0;
    folio_citation *c = folio_citation_parse(s);
    if (c) {
        static const char *const kw[] = {"再生混凝土", "recycled aggregate", ""};
        folio_cite_meta m = {
            .lang = size % 2 ? "zh" : NULL, .abstract = s, .keywords = kw, .n_keywords = 3};
        for (int f = FOLIO_CITE_BIBTEX; f <= FOLIO_CITE_CSL; f++) {
            char *a = folio_citation_export(c, (folio_cite_format)f, NULL);
            char *b = folio_citation_export(c, (folio_cite_format)f, &m);
            check_text(a);
            check_text(b);
            if (f == FOLIO_CITE_CSL && b) {
                json_error_t je;
                json_t *j = json_loads(b, 0, &je);
                if (!j)
                    abort(); /* CSL-JSON that does not parse */
                json_decref(j);
            }
            free(a);
            free(b);
        }
        free(folio_citation_to_bibtex(c, "en"));
        free(folio_citation_to_ris(c, NULL));
        free(folio_citation_to_csl(c, "zh"));
        free(folio_citation_key(c));
        folio_citation_destroy(&c);
        if (c)
            abort();
    }
    free(s);
    return 0;
}
