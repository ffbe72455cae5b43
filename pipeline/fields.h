/* SPDX-License-Identifier: Apache-2.0 */
/*
 * First-page structure: classify the page's blocks (title, authors,
 * affiliation, abstract, keywords, CLC and article numbers, DOI, dates,
 * funding, author notes, citation) and fill the output contract's fields.
 */
#ifndef FOLIO_FIELDS_H
#define FOLIO_FIELDS_H

#include "page.h"

/**
 * Label pg->blocks and fill pg->fields from them. Fields not found stay
 * NULL (lists empty). \return 0 or a negative folio_status with err set.
 */
int folio_fields_extract(folio_page *pg, folio_error *err);

#endif /* FOLIO_FIELDS_H */
