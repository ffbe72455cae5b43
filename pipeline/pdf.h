/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PDF input through Poppler's GLib API: count the pages of a PDF and render
 * one page to an 8-bit gray Leptonica image, at the resolution of the
 * page's scan when the page is one embedded image (a scanned PDF), else at
 * 300 dpi. A document belongs to one thread at a time.
 */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H

#include "folio/folio.h"
#include "load.h"

#include <leptonica/allheaders.h>
#include <stdbool.h>
#include <stddef.h>

#define FOLIO_PDF_DEFAULT_DPI 300
#define FOLIO_PDF_MAX_DPI 600

typedef struct folio_pdf folio_pdf;

/** \return whether the first bytes of data are a PDF header ("%PDF-" in the first KiB). */
bool folio_pdf_sniff(const void *data, size_t len);

/**
 * Open a PDF held in memory. data is borrowed: it must outlive the document.
 * path only names the file in messages.
 * \return a document (caller destroys with folio_pdf_destroy) or NULL with
 *         err set (FOLIO_EINPUT for a corrupt, encrypted or over-limit file).
 */
folio_pdf *folio_pdf_open_mem(const char *path, const void *data, size_t len,
                              const folio_load_limits *lim, folio_error *err);

/**
 * Open the PDF file at path (mapped, not read into memory).
 * \return a document (caller destroys with folio_pdf_destroy) or NULL with err set.
 */
folio_pdf *folio_pdf_open_file(const char *path, const folio_load_limits *lim, folio_error *err);

/** Destroy *pd (NULL allowed) and set *pd to NULL. */
void folio_pdf_destroy(folio_pdf **pd);

/** \return the number of pages (>= 1). */
int folio_pdf_pages(const folio_pdf *pd);

/** \return the path the document was opened with (owned by the document). */
const char *folio_pdf_path(const folio_pdf *pd);

/**
 * Render page `page` (0-based) as 8-bit gray. dpi > 0 forces the resolution;
 * 0 picks the scan's resolution (or FOLIO_PDF_DEFAULT_DPI), at most
 * FOLIO_PDF_MAX_DPI and lowered until the image fits the limits.
 * \param ppix  receives the image (caller destroys with pixDestroy), its
 *              resolution tag set to the dpi used.
 * \return 0, or FOLIO_EINPUT / FOLIO_ENOMEM with err set and *ppix NULL.
 */
int folio_pdf_render(folio_pdf *pd, int page, int dpi, PIX **ppix, folio_error *err);

#endif /* FOLIO_PDF_H */
