/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Text repair: the rules that turn Tesseract's words into text as printed.
 * Spaces around Chinese, punctuation width, hyphenation, exact tokens (DOI,
 * ISSN, article numbers...). Pure functions on strings and words; the only
 * state is the word list used to rejoin hyphenated words.
 */
#ifndef FOLIO_REPAIR_H
#define FOLIO_REPAIR_H

#include "page.h"
#include "text.h"

typedef struct folio_repair folio_repair;

/**
 * Create the repair context. wordlist: a file with one English word a line
 * (e.g. /usr/share/dict/american-english); NULL or unreadable: hyphenation is
 * decided without a dictionary (never fails because of it).
 * \return a new context (destroy with folio_repair_destroy), NULL when out of memory.
 */
folio_repair *folio_repair_create(const char *wordlist);
void folio_repair_destroy(folio_repair **pr);
/** \return true when word[0..len) (ASCII, any case) is in the word list; false for NULL r/word. */
bool folio_repair_known_word(const folio_repair *r, const char *word, size_t len);

/**
 * Join one line's words into text, then repair it (folio_repair_line). The
 * blank before each word is Tesseract's own (folio_word.space_before) when any
 * word of the line has it set; otherwise Chinese words are set solid and
 * Latin words spaced, a box gap of half the line height marking a candidate
 * space. A box gap of two line heights (columns, running heads) becomes two
 * spaces. A lone "," as wide as a Han glyph between Chinese words is "，".
 * words may be NULL (n is then ignored); words with NULL or empty text are skipped.
 * Does not take ownership of words.
 * \return malloc'd text (caller frees) or NULL when out of memory.
 */
char *folio_repair_join_words(const folio_word *words, size_t n);

/**
 * Repair one line of text as printed: spurious spaces between Chinese
 * characters, around full-width punctuation and between Chinese and Latin
 * (kept for postcodes, section numbers, institution/department, runs of two
 * or more spaces); colon and semicolon width from the surrounding script;
 * spaces and O/0 l/1 confusions inside DOIs, article numbers, ISSNs, dates,
 * e-mail addresses and URLs; label damage (DOT: → DOI:, 基金项目; → 基金项目：);
 * ± read as + or 4, 一 for a dash between numbers, % read as 96 or 9%6,
 * Rz for R², μg/m³; the journal's "j." of a Chinese DOI suffix; full-width
 * parentheses around a Chinese affiliation (also when "（" came back "《");
 * a citation's "[J]" read as a look-alike Han character, and its pages colon
 * as wide as its commas.
 * Idempotent. line may be NULL (treated as ""); invalid UTF-8 becomes U+FFFD.
 * \return malloc'd text (caller frees) or NULL when out of memory.
 */
char *folio_repair_line(const char *line);

/**
 * Append a (repaired) line to a paragraph being assembled: nothing between
 * two Chinese lines, one space between Latin lines, a line break where a
 * field label starts ("基金项目：") or a Chinese line meets an English one.
 * A hyphen at the line end is removed when the joined word is in the word
 * list or one piece is no word ("recy-/cled", "Chongq-/ing"), kept for true
 * compounds (upper-case or digit pieces, a one-letter prefix, two words whose
 * join is none: "freeze-thaw"); without a word list it is kept. r may be
 * NULL; para and line NULL do nothing. Trailing spaces of para are trimmed.
 */
void folio_repair_append_line(const folio_repair *r, folio_buf *para, const char *line);

/**
 * Repair the end of a line from the start of the line that follows it in
 * its paragraph: "(1964一" / "1980)", the numeric dash read as 一 at a line
 * break, becomes "(1964—". Edits line in place (same length), so the line
 * texts the layout formats draw agree with the joined paragraph. NULLs do
 * nothing. \return whether line changed.
 */
bool folio_repair_line_end(char *line, const char *next);

/** Repair the text of every line of pg in place (line.text from its words). \return 0 or <0. */
int folio_repair_page(const folio_repair *r, folio_page *pg, folio_error *err);

#endif /* FOLIO_REPAIR_H */
