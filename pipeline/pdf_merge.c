/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Merging PDFs with qpdf's C API: the per-page PDFs of a multi-page input
 * become one <stem>.pdf. Each input is read into memory first, so a
 * thousand-page document does not hold a thousand file descriptors, and is
 * parsed without qpdf's recovery: a damaged page file must fail the merge,
 * never yield a merged file with a page quietly repaired or lost. Warnings
 * count as errors for the same reason. qpdf copies a page's objects lazily,
 * when the output is written, so every input document (and the bytes it
 * reads in place) stays alive until after qpdf_write; the result then goes
 * to disk through folio_write_atomic, never as a half-written file. The
 * merged file declares the highest PDF version of its inputs (qpdf's empty
 * document starts at 1.3 and does not look at the pages it is given).
 */
#include "pdf_merge.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define VERSION_MAX 16

/* One input: its bytes, which qpdf reads in place, and its document. */
typedef struct merge_input {
    char *data;
    size_t len;
    qpdf_data q;
} merge_input;

/* Did the last call on q fail? Warnings count: they mean qpdf met damage. */
static bool qpdf_failed(qpdf_data q, QPDF_ERROR_CODE code)
{
    return code != QPDF_SUCCESS || qpdf_has_error(q) || qpdf_more_warnings(q);
}

/* qpdf's reason for the failure on q: its error, else its next warning.
 * Valid until the next qpdf call on q. */
static const char *qpdf_reason(qpdf_data q)
{
    qpdf_error e = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
    if (!e && qpdf_more_warnings(q))
        e = qpdf_next_warning(q);
    const char *s = e ? qpdf_get_error_full_text(q, e) : NULL;
    return s && *s ? s : "qpdf gave no reason";
}

/* A document that reports failures only through its return codes. */
static qpdf_data new_doc(void)
{
    qpdf_data q = qpdf_init();
    if (q) {
        qpdf_silence_errors(q);
        qpdf_set_suppress_warnings(q, QPDF_TRUE);
    }
    return q;
}

/* qpdf_cleanup prints an error nobody retrieved to stderr: retrieve it first. */
static void free_doc(qpdf_data *pq)
{
    if (!*pq)
        return;
    if (qpdf_has_error(*pq))
        qpdf_get_error(*pq);
    qpdf_cleanup(pq);
}

static int read_bytes(const char *path, merge_input *in, folio_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return folio_error_set(err, FOLIO_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    int rc = 0;
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode))
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: not a regular file", path);
    else if (!(in->data = malloc(st.st_size > 0 ? (size_t)st.st_size : 1)))
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
    else if ((in->len = fread(in->data, 1, (size_t)st.st_size, fp)) != (size_t)st.st_size)
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: cannot read it: %s", path,
                             ferror(fp) ? strerror(errno) : "it changed while read");
    fclose(fp);
    return rc;
}

static int open_input(const char *path, merge_input *in, folio_error *err)
{
    int rc = read_bytes(path, in, err);
    if (!rc && !(in->q = new_doc()))
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
    if (rc)
        return rc;
    qpdf_set_attempt_recovery(in->q, QPDF_FALSE);
    QPDF_ERROR_CODE code = qpdf_read_memory(in->q, path, in->data, in->len, NULL);
    if (qpdf_failed(in->q, code))
        return folio_error_set(err, FOLIO_EINPUT, "%s: not a PDF that can be merged: %s", path,
                               qpdf_reason(in->q));
    return 0;
}

/* Keep in `version` the higher of it and in's PDF version ("1.5", "2.0"). */
static void note_version(const merge_input *in, char *version)
{
    const char *v = qpdf_get_pdf_version(in->q);
    int a = 0, b = 0, x = 0, y = 0;
    if (!v || sscanf(v, "%d.%d", &a, &b) != 2 || strlen(v) >= VERSION_MAX)
        return;
    if (sscanf(version, "%d.%d", &x, &y) != 2 || a > x || (a == x && b > y))
        strcpy(version, v);
}

/* Append every page of in to out, in order. */
static int add_pages(qpdf_data out, merge_input *in, const char *path, const char *out_path,
                     folio_error *err)
{
    int np = qpdf_get_num_pages(in->q);
    if (np < 0 || qpdf_failed(in->q, QPDF_SUCCESS))
        return folio_error_set(err, FOLIO_EINPUT, "%s: cannot read its pages: %s", path,
                               qpdf_reason(in->q));
    if (np == 0)
        return folio_error_set(err, FOLIO_EINPUT, "%s: has no pages", path);
    for (int p = 0; p < np; p++) {
        qpdf_oh page = qpdf_get_page_n(in->q, (size_t)p);
        if (qpdf_failed(in->q, QPDF_SUCCESS) || !qpdf_oh_is_initialized(in->q, page))
            return folio_error_set(err, FOLIO_EINPUT, "%s: cannot read page %d: %s", path, p + 1,
                                   qpdf_reason(in->q));
        QPDF_ERROR_CODE code = qpdf_add_page(out, in->q, page, QPDF_FALSE);
        if (qpdf_failed(in->q, QPDF_SUCCESS))
            return folio_error_set(err, FOLIO_EINPUT, "%s: cannot copy page %d: %s", path, p + 1,
                                   qpdf_reason(in->q));
        if (qpdf_failed(out, code))
            return folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot add page %d of %s: %s", out_path,
                                   p + 1, path, qpdf_reason(out));
    }
    return 0;
}

/* Write out in memory (this is when the inputs' pages are really copied),
 * then atomically to out_path. */
static int write_merged(qpdf_data out, merge_input *ins, const char *const *paths, size_t n,
                        const char *version, const char *out_path, folio_error *err)
{
    QPDF_ERROR_CODE code = qpdf_init_write_memory(out);
    if (!qpdf_failed(out, code)) {
        qpdf_set_deterministic_ID(out, QPDF_TRUE); /* same pages in, same bytes out */
        if (*version)
            qpdf_set_minimum_pdf_version(out, version);
        code = qpdf_write(out);
    }
    for (size_t i = 0; i < n; i++) /* damage met while copying a page's streams */
        if (qpdf_failed(ins[i].q, QPDF_SUCCESS))
            return folio_error_set(err, FOLIO_EINPUT, "%s: cannot copy its pages: %s", paths[i],
                                   qpdf_reason(ins[i].q));
    if (qpdf_failed(out, code))
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot assemble the merged PDF: %s",
                               out_path, qpdf_reason(out));
    const unsigned char *buf = qpdf_get_buffer(out);
    size_t len = qpdf_get_buffer_length(out);
    if (!buf || len == 0)
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: qpdf produced no bytes", out_path);
    return folio_write_atomic(out_path, buf, len, err);
}

int folio_pdf_merge(const char *const *paths, size_t n, const char *out_path, folio_error *err)
{
    if (!paths || n == 0 || !out_path || !*out_path)
        return folio_error_set(err, FOLIO_EUSAGE, "pdf merge: bad arguments");
    for (size_t i = 0; i < n; i++)
        if (!paths[i])
            return folio_error_set(err, FOLIO_EUSAGE, "%s: pdf merge: input %zu is NULL", out_path,
                                   i + 1);
    merge_input *ins = calloc(n, sizeof(*ins));
    qpdf_data out = ins ? new_doc() : NULL;
    char version[VERSION_MAX] = "";
    int rc = 0;
    if (!out)
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", out_path);
    else if (qpdf_failed(out, qpdf_empty_pdf(out)))
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot start a PDF: %s", out_path,
                             qpdf_reason(out));
    for (size_t i = 0; i < n && !rc; i++) {
        rc = open_input(paths[i], &ins[i], err);
        if (!rc)
            rc = add_pages(out, &ins[i], paths[i], out_path, err);
        if (!rc)
            note_version(&ins[i], version);
    }
    if (!rc)
        rc = write_merged(out, ins, paths, n, version, out_path, err);
    free_doc(&out); /* before the inputs its pages came from */
    for (size_t i = 0; ins && i < n; i++) {
        free_doc(&ins[i].q);
        free(ins[i].data);
    }
    free(ins);
    return rc;
}
