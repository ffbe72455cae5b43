/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Page layout: reading order of the recognized lines (running header first,
 * columns in order, footnotes last) and their grouping into paragraphs,
 * which become the page's blocks and its text.
 */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include "page.h"
#include "repair.h"

/**
 * Order pg->lines for reading, regroup them into paragraph blocks
 * (replacing pg->blocks) and build every block's text and pg->text.
 * \return 0 or a negative folio_status with err set.
 */
int folio_layout_run(const folio_repair *r, folio_page *pg, folio_error *err);

#endif /* FOLIO_LAYOUT_H */
