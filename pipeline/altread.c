/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Second readings (see altread.h). The page's lines go through the chi_sim +
 * eng model in automatic layout; a line of Chinese print in a small face
 * (the citation in a footnote or a box) can come out badly there, while the
 * same line cut out and read alone with chi_sim comes out well.
 */
#include "altread.h"

#include "classify.h"
#include "repair.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNSURE_CONF 80.0f /* title and author lines read below this are read again */

/* Does s hold more Han than Latin letters? (Read alone with chi_sim, a Latin line comes back
 * worse: "DOL10.11833/j.isSn" for "DOI:10.11835/j.issn".) */
static bool han_text(const char *s)
{
    size_t han = 0, latin = 0;
    folio_count_scripts(s, &han, &latin);
    return han > latin;
}

/* Is the line read again? Every Chinese line of the citation; the title's and the authors'
 * when read unsure (the 楷体 author line read "tat SR" at 60, "蒲清平 + SA" at 49). */
static bool wanted(const folio_line *ln, folio_kind k)
{
    if (k == FOLIO_KIND_CITE_ZH)
        return han_text(ln->text);
    if (k != FOLIO_KIND_TITLE_ZH && k != FOLIO_KIND_AUTHORS_ZH)
        return false;
    return ln->conf < UNSURE_CONF;
}

long folio_altread_choose(const folio_page *pg, bool *out)
{
    memset(out, 0, pg->n_lines * sizeof(*out));
    folio_line_class *cls = calloc(pg->n_lines ? pg->n_lines : 1, sizeof(*cls));
    if (!cls)
        return -1;
    bool oom = false;
    bool first = folio_classify_lines(pg, cls, &oom);
    long n = 0;
    for (size_t i = 0; first && !oom && i < pg->n_lines; i++) {
        out[i] = wanted(&pg->lines[i], cls[i].kind);
        n += out[i];
    }
    free(cls);
    return oom ? -1 : n;
}

/* Store the readings texts[k] (taken) on the lines idx[k], repaired like the first reading. */
static void keep_readings(folio_page *pg, const size_t *idx, char **texts, const float *confs,
                          size_t n)
{
    for (size_t k = 0; k < n; k++) {
        folio_line *ln = &pg->lines[idx[k]];
        free(ln->alt_text);
        ln->alt_text = texts[k] ? folio_repair_line(texts[k]) : NULL; /* NULL: out of memory */
        ln->alt_conf = confs[k];
#ifdef FOLIO_ALTREAD_DEBUG /* developer aid: each line's two readings on stderr */
        fprintf(stderr, "ALT %s\n %4.0f %s\n %4.0f %s\n", pg->source_path, ln->conf,
                ln->text ? ln->text : "", ln->alt_conf, ln->alt_text ? ln->alt_text : "(none)");
#endif
        free(texts[k]);
        texts[k] = NULL;
    }
}

int folio_altread_run(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map, double deadline_ms,
                      folio_page *pg, folio_error *err)
{
    if (!pg || pg->n_lines == 0)
        return 0;
    bool *chosen = calloc(pg->n_lines, sizeof(*chosen));
    if (!chosen)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", pg->source_path);
    long n = folio_altread_choose(pg, chosen);
    folio_box *boxes = n > 0 ? calloc((size_t)n, sizeof(*boxes)) : NULL;
    size_t *idx = n > 0 ? calloc((size_t)n, sizeof(*idx)) : NULL;
    char **texts = n > 0 ? calloc((size_t)n, sizeof(*texts)) : NULL;
    float *confs = n > 0 ? calloc((size_t)n, sizeof(*confs)) : NULL;
    int rc = 0;
    if (n < 0 || (n > 0 && (!boxes || !idx || !texts || !confs))) {
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", pg->source_path);
        goto done;
    }
    for (size_t i = 0, k = 0; i < pg->n_lines; i++)
        if (chosen[i])
            idx[k] = i, boxes[k++] = pg->lines[i].box;
    rc = n > 0 ? folio_ocr_read_lines(o, pix, dpi, map, boxes, (size_t)n, deadline_ms, texts, confs)
               : 0;
    if (rc == FOLIO_EENGINE)
        rc = 0;
    keep_readings(pg, idx, texts, confs, (size_t)(n > 0 ? n : 0));
    if (rc == FOLIO_ELIMIT)
        folio_error_set(err, rc, "%s: the time limit was reached in the second readings",
                        pg->source_path);
done:
    free(chosen);
    free(boxes);
    free(idx);
    free(texts);
    free(confs);
    return rc;
}
