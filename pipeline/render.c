/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Format names and the dispatch from a folio_format to its renderer.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

typedef struct format_info {
    const char *name;
    const char *ext;
    folio_renderer render; /* NULL: not available in this build */
} format_info;

static const format_info formats[FOLIO_FMT_COUNT] = {
    [FOLIO_FMT_TXT] = {"txt", "txt", folio_render_txt},
    [FOLIO_FMT_JSON] = {"json", "json", folio_render_json},
    [FOLIO_FMT_MD] = {"md", "md", folio_render_md},
    [FOLIO_FMT_HOCR] = {"hocr", "hocr", folio_render_hocr},
    [FOLIO_FMT_ALTO] = {"alto", "alto.xml", folio_render_alto},
    [FOLIO_FMT_PDF] = {"pdf", "pdf", folio_render_pdf},
    [FOLIO_FMT_JATS] = {"jats", "jats.xml", folio_render_jats},
    [FOLIO_FMT_BIBTEX] = {"bibtex", "bib", folio_render_bibtex},
    [FOLIO_FMT_RIS] = {"ris", "ris", folio_render_ris},
    [FOLIO_FMT_CSL] = {"csl", "csl.json", folio_render_csl},
};

int folio_format_from_name(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < FOLIO_FMT_COUNT; i++)
        if (strcmp(formats[i].name, name) == 0 && formats[i].render)
            return i;
    return -1;
}

const char *folio_format_name(folio_format f)
{
    return f < FOLIO_FMT_COUNT ? formats[f].name : "?";
}

const char *folio_format_ext(folio_format f)
{
    return f < FOLIO_FMT_COUNT ? formats[f].ext : "out";
}

int folio_page_render(const folio_page *pg, folio_format f, char **out, size_t *len,
                      folio_error *err)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!pg || !out || f >= FOLIO_FMT_COUNT || !formats[f].render)
        return folio_error_set(err, FOLIO_EUSAGE, "render: unknown or unavailable format");
    folio_buf b = FOLIO_BUF_INIT;
    int rc = formats[f].render(pg, &b, err);
    if (rc) {
        folio_buf_free(&b);
        return rc;
    }
    size_t n = b.len;
    *out = folio_buf_take(&b);
    if (!*out)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory rendering %s",
                               pg->source_path, formats[f].name);
    if (len)
        *len = n;
    return 0;
}
