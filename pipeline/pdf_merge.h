/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One PDF from several, pages in order, through qpdf's C API: `folio batch`
 * merges the per-page PDFs of a multi-page input into <stem>.pdf.
 */
#ifndef FOLIO_PDF_MERGE_H
#define FOLIO_PDF_MERGE_H

#include "folio/folio.h"

#include <stddef.h>

/**
 * Write to out_path, atomically (folio_write_atomic), one PDF holding every
 * page of paths[0], then every page of paths[1], ... Damaged inputs are
 * refused, not repaired: any error or warning qpdf reports fails the merge.
 * On failure nothing is written at out_path (an existing file there is left
 * as it was). Safe to call from several threads at once on different files.
 * \param paths     n paths of PDF files; borrowed, not taken.
 * \param n         at least 1.
 * \param out_path  the merged file; borrowed.
 * \return 0, or a negative folio_status with err set: FOLIO_EINPUT naming the
 *         input that cannot be read or parsed and why, FOLIO_EOUTPUT naming
 *         out_path (cannot be assembled or written), FOLIO_ENOMEM,
 *         FOLIO_EUSAGE for bad arguments.
 */
int folio_pdf_merge(const char *const *paths, size_t n, const char *out_path, folio_error *err);

#endif /* FOLIO_PDF_MERGE_H */
