/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Value cleaning for the fields stage: the printed text of one field in,
 * the contract's value out — wrapping parentheses and labels' colons
 * removed, author and keyword lists split, dates, DOIs, CLC codes and
 * article numbers normalized, journal names cut from the running header.
 * Pure functions; every returned string is malloc'd (caller frees) and NULL
 * means "no value" or out of memory.
 */
#ifndef FOLIO_VALUES_H
#define FOLIO_VALUES_H

#include "page.h"

/** Trim spaces and a leading colon or semicolon left from a label. */
char *folio_value_clean(const char *s);
/** Clean, then remove one pair of wrapping parentheses (（）, (), {}). */
char *folio_value_unwrap(const char *s);
/** Bare DOI: from the first "10.", spaces removed, trailing punctuation cut. */
char *folio_value_doi(const char *s);
/** s with every DOI inside it repaired as folio_value_doi does (spaces, misread characters). */
char *folio_value_fix_doi_text(const char *s);
/** How suspect a DOI reading is: characters a DOI does not hold, unbalanced parentheses... (0:
 * clean). */
int folio_value_doi_penalty(const char *doi);
/** A date: the first YYYY-MM-DD as printed (spaces removed), else the cleaned text up to ；. */
char *folio_value_date(const char *s);
/** \return true when s (after spaces) starts with a YYYY-MM-DD date. */
bool folio_value_starts_with_date(const char *s);
/** CLC code(s) at the start of s: A12.3 shapes joined by ";", up to the first other character. */
char *folio_value_clc(const char *s);
/** The first CLC-shaped code (TP391.4, D61) anywhere in s, for a line whose label was lost. */
char *folio_value_find_clc(const char *s);
/** The first article number (dddd-dddd(yyyy)...) anywhere in s. */
char *folio_value_find_article_no(const char *s);
/** Document code: the first capital letter. */
char *folio_value_doc_code(const char *s);
/** A lone capital letter after the text `after` (the CLC code) and before the next digit. */
char *folio_value_find_doc_code(const char *s, const char *after);
/** Article number, spaces removed, separators restored when the digits have the usual shape. */
char *folio_value_article_no(const char *s);
/** Journal name from a running-header line: the text before the year, volume or issue. */
char *folio_value_journal(const char *s, bool zh);

/**
 * Split Chinese author names at ，, 、 spaces U+3000 quotes and superscript
 * markers (digits, *, †); tokens without a Han character are dropped.
 * \return 0 or FOLIO_ENOMEM.
 */
int folio_split_authors_zh(const char *s, folio_strlist *out);
/** Split English author names at , ; and "and"; superscript markers removed. */
int folio_split_authors_en(const char *s, folio_strlist *out);
/** Split keywords at ；; ，, 、 (zh: Chinese list; both split alike); trailing stops removed. */
int folio_split_keywords(const char *s, bool zh, folio_strlist *out);

/**
 * OCR reads the dash of "1964—1980" and "(1990—)" as 一: a run of dashes
 * and spaces holding a 一 between a digit and a digit or ")" becomes "—".
 */
char *folio_value_fix_dashes(const char *s);

/**
 * Chinese text OCR partly read as Latin letters ("- ARANNRE RES NE, 重大意义"):
 * runs of three or more letters with two capitals are removed (not those
 * running into digits: PM2.5).
 */
char *folio_value_drop_latin_garbage(const char *s);

/** \return true when s holds more Latin letters than Han characters (OCR garbage for Han text). */
bool folio_value_mostly_latin(const char *s);

#endif /* FOLIO_VALUES_H */
