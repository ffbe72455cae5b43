/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tolerant matching of the printed labels of a journal's first page (摘要,
 * 关键词, 中图分类号, Abstract, Key words, DOI, 收稿日期, 引用格式, Citation...).
 * OCR damages them (摘 要;  Key word5  DOT:  RHA: for 关键词), so Han labels
 * match with spaces anywhere and one wrong character when a colon follows,
 * Latin labels by edit distance, and a short Latin run plus colon before
 * Chinese text is reported as a garbled label for the caller to judge by
 * position. Pure functions on strings, for the fields stage (and layout,
 * which finds a column of bare field labels with them).
 */
#ifndef FOLIO_LABELS_H
#define FOLIO_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum folio_cue {
    FOLIO_CUE_NONE,
    FOLIO_CUE_ABSTRACT_ZH, /* 摘要 */
    FOLIO_CUE_KEYWORDS_ZH, /* 关键词 */
    FOLIO_CUE_CLC,         /* 中图分类号 */
    FOLIO_CUE_DOC_CODE,    /* 文献标志码 */
    FOLIO_CUE_ARTICLE_NO,  /* 文章编号 */
    FOLIO_CUE_ABSTRACT_EN, /* Abstract */
    FOLIO_CUE_KEYWORDS_EN, /* Key words */
    FOLIO_CUE_DOI,         /* DOI */
    FOLIO_CUE_RECEIVED,    /* 收稿日期 */
    FOLIO_CUE_REVISED,     /* 修回日期, 录用日期 */
    FOLIO_CUE_ONLINE,      /* 在线发布日期, 网络出版日期 */
    FOLIO_CUE_FUNDING,     /* 基金项目 */
    FOLIO_CUE_BIO,         /* 作者简介 */
    FOLIO_CUE_CORRESP,     /* 通信作者 */
    FOLIO_CUE_CITE_ZH,     /* 本文引用格式, 引用格式 */
    FOLIO_CUE_CITE_EN,     /* Citation, Cite this article */
    FOLIO_CUE_GARBLED,     /* a short damaged label and a colon before Chinese text or digits */
    FOLIO_CUE_COUNT
} folio_cue;

/* One label found in a string; offsets are bytes into that string. */
typedef struct folio_cue_hit {
    folio_cue cue;
    size_t start; /* first byte of the label */
    size_t value; /* first byte of the value: after the label, its colon and spaces */
    bool exact;   /* matched without a wrong character */
} folio_cue_hit;

/* A string decoded to code points, with the byte offset of each (off[n] = length). */
typedef struct folio_ustr {
    uint32_t *cp;
    size_t *off;
    size_t n;
} folio_ustr;

/** Decode s (NULL counts as ""). \return 0 or FOLIO_ENOMEM; free with folio_ustr_free. */
int folio_ustr_init(folio_ustr *u, const char *s);
void folio_ustr_free(folio_ustr *u);

/**
 * Match a label at the start of s (leading spaces and brackets skipped).
 * \return true with *hit filled, false (hit->cue = NONE) when s starts with none.
 */
bool folio_cue_at_start(const char *s, folio_cue_hit *hit);

/** Bit for cue c in the masks below. */
#define FOLIO_CUE_BIT(c) (1u << (unsigned)(c))

/**
 * Find the first Han label of the set mask that starts at or after byte
 * from of s, used to end a value where the next label of the same line
 * begins (中图分类号：D61　文献标志码：A). \return true with *hit filled.
 */
bool folio_cue_find(const char *s, size_t from, unsigned mask, folio_cue_hit *hit);

/** \return a short static name of c ("abstract_zh", ...). */
const char *folio_cue_name(folio_cue c);

/** \return true for a colon, semicolon or similar separator after a label. */
bool folio_is_label_colon(uint32_t cp);

#endif /* FOLIO_LABELS_H */
