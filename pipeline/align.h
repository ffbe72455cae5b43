/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Alignment of code-point strings, shared by the cross-checks between a
 * first page's copies of one fact (crosscheck.c, reconcile.c): where a
 * title lies inside a citation, the edit distance of two readings.
 * Lengths are capped (FOLIO_ALIGN_MAX) so a fuzzed page stays cheap.
 * Pure functions.
 */
#ifndef FOLIO_ALIGN_H
#define FOLIO_ALIGN_H

#include "labels.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FOLIO_ALIGN_MAX 4096

/**
 * Where the title t (m code points, no spaces) ends inside the citation's
 * non-space code points c[0..n): semi-global edit distance, free start.
 * \return the index in c after the best match, or SIZE_MAX when it is too
 *         far (more than m/4 edits) or out of memory.
 */
size_t folio_align_end(const uint32_t *t, size_t m, const uint32_t *c, size_t n);

/**
 * Where the title t lies in c[0..n): the end by a forward alignment, the
 * start by aligning both reversed. t and c are reversed and restored.
 * \return false when the title (at least 4 code points) is not found.
 */
bool folio_align_span(uint32_t *t, size_t m, uint32_t *c, size_t n, size_t *s, size_t *e);

/** A citation's stop: a full stop or a comma, either width, or "。". */
bool folio_align_stop(uint32_t c);

/**
 * The non-space code points of s into u, full-width forms folded to ASCII
 * (u->off still points into s). Caller frees u with folio_ustr_free().
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_align_fold(const char *s, folio_ustr *u);

/**
 * Levenshtein distance of a[0..m) and b[0..n).
 * \return SIZE_MAX when either is longer than FOLIO_ALIGN_MAX or out of memory.
 */
size_t folio_align_distance(const uint32_t *a, size_t m, const uint32_t *b, size_t n);

#endif /* FOLIO_ALIGN_H */
