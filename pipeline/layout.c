/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The layout stage. Tesseract's page segmentation already returns blocks in
 * a reading order; this stage puts back the lines it misplaced (cut out of
 * a line straddling two columns, read before the line above them, read
 * inside the wrong column, or a value read apart from its field label),
 * turns its paragraphs into Folio's blocks, joins each paragraph's lines by
 * the repair rules, and assembles the page text: paragraphs separated by a
 * blank line.
 */
#include "layout.h"
#include "labels.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- a column of field labels ---------------------------------------------- */

/*
 * On a fax the footnote labels (收稿日期：, 基金项目：, 作者简介：) can come back
 * as a column of their own, a few pixels left of their values, and each value
 * is then read after all the labels. A line that is a field label and nothing
 * else takes in the line beside it on its row, as printed.
 */
#define LABEL_GAP 3.0 /* line heights a value may stand right of its label */

static int set_line_words(folio_line *dst, const folio_word *w, size_t n);

/* Is ln's text a field label (with its colon) and nothing more? */
static bool is_bare_label(const folio_line *ln)
{
    folio_cue_hit hit;
    if (!ln->text || !folio_cue_at_start(ln->text, &hit) || hit.cue == FOLIO_CUE_GARBLED)
        return false;
    return ln->text[hit.value] == '\0';
}

/* The line on label line i's row standing within LABEL_GAP line heights right of it, or i. */
static size_t value_beside(const folio_page *pg, size_t i)
{
    const folio_box *a = &pg->lines[i].box;
    size_t best = i;
    int best_x = 0;
    for (size_t j = 0; j < pg->n_lines; j++) {
        const folio_box *b = &pg->lines[j].box;
        int low = a->h < b->h ? a->h : b->h;
        int top = a->y > b->y ? a->y : b->y,
            bottom = a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h;
        if (j == i || pg->lines[j].n_words == 0 || 2 * (bottom - top) < low ||
            b->x < a->x + a->w / 2 || b->x - (a->x + a->w) > LABEL_GAP * a->h ||
            (best != i && b->x >= best_x))
            continue;
        best = j;
        best_x = b->x;
    }
    return best;
}

/* Move line j's words to the end of line i and drop line j. */
static int join_lines(folio_page *pg, size_t i, size_t j)
{
    folio_line *a = &pg->lines[i], *b = &pg->lines[j];
    folio_word *w = realloc(a->words, (a->n_words + b->n_words) * sizeof(*w));
    if (!w)
        return FOLIO_ENOMEM;
    memcpy(w + a->n_words, b->words, b->n_words * sizeof(*w));
    a->words = w;
    a->n_words += b->n_words;
    free(b->words);
    free(b->text);
    free(b->alt_text);
    memmove(pg->lines + j, pg->lines + j + 1, (pg->n_lines - j - 1) * sizeof(*pg->lines));
    pg->n_lines--;
    a = &pg->lines[j < i ? i - 1 : i];
    a->para_start = true; /* a field of its own, like the label column's other lines */
    return set_line_words(a, a->words, a->n_words);
}

static int join_label_rows(folio_page *pg)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        if (!is_bare_label(&pg->lines[i]))
            continue;
        size_t j = value_beside(pg, i);
        if (j == i || is_bare_label(&pg->lines[j]))
            continue;
        if (join_lines(pg, i, j))
            return FOLIO_ENOMEM;
        if (j < i)
            i--;
    }
    return 0;
}

/* ---- lines that straddle two columns --------------------------------------- */

/*
 * A short line at the top of a column (a section heading, "0 引言") and the
 * first line of the next column at the same height come back from Tesseract
 * as one line with a wide gap in it, and the next column's line is then read
 * first. Such a line is cut at the gap, and its right part goes where that
 * column starts: after the last line of the column below it.
 */
#define WIDE_GAP 2.0       /* a gap of this many line heights separates columns */
#define COLUMN_MIN_LINES 3 /* justified lines below that prove a column */
#define EDGE_SLACK 1.5     /* line heights a justified line's end may vary */

/* Index of the first word after a gap of WIDE_GAP line heights, or 0. */
static size_t wide_gap_at(const folio_line *ln)
{
    double h = ln->box.h > 0 ? ln->box.h : 1;
    for (size_t k = 1; k < ln->n_words; k++) {
        const folio_box *a = &ln->words[k - 1].box, *b = &ln->words[k].box;
        if ((double)b->x - (double)(a->x + a->w) >= WIDE_GAP * h)
            return k;
    }
    return 0;
}

/*
 * The column under line i whose text ends before x: the lines after i that
 * start near line i's start and end before x, at least COLUMN_MIN_LINES of
 * them ending together (justified). \return the last line of the column, or 0.
 */
static size_t column_below(const folio_page *pg, size_t i, int x)
{
    const folio_line *top = &pg->lines[i];
    double h = top->box.h > 0 ? top->box.h : 1;
    int right = 0;
    size_t last = 0, full = 0;
    for (size_t j = i + 1; j < pg->n_lines; j++) {
        const folio_box *b = &pg->lines[j].box;
        if (!pg->lines[j].text || !*pg->lines[j].text) /* a rule under the column ends it */
            break;
        if (b->x + b->w >= x || fabs((double)(b->x - top->box.x)) > 2 * h)
            break;
        right = b->x + b->w > right ? b->x + b->w : right;
        last = j;
    }
    for (size_t j = i + 1; last && j <= last; j++) {
        const folio_box *b = &pg->lines[j].box;
        full += (double)(right - (b->x + b->w)) <= EDGE_SLACK * h;
    }
    return full >= COLUMN_MIN_LINES ? last : 0;
}

/* Join words[a..b) of ln into a new line's text. \return 0 or FOLIO_ENOMEM. */
static int set_line_words(folio_line *dst, const folio_word *w, size_t n)
{
    char *t = folio_repair_join_words(w, n);
    if (!t)
        return FOLIO_ENOMEM;
    free(dst->text);
    dst->text = t;
    folio_box u = {0, 0, 0, 0};
    double conf = 0;
    for (size_t k = 0; k < n; k++) {
        u = folio_box_union(u, w[k].box);
        conf += w[k].conf;
    }
    dst->box = u;
    dst->conf = n ? (float)(conf / (double)n) : 0;
    return 0;
}

/*
 * Chinese print never starts a line with a closing mark (”’），。、；：！？」》): a
 * right part cut at the gutter that starts with one took in a mark read in
 * the gutter ("”的研究仍不充分"). Drop such leading marks from word w in place.
 */
static void drop_gutter_marks(folio_word *w)
{
    static const uint32_t closing[] = {0x201D, 0x2019, 0xFF09, 0xFF0C, 0x3002, 0x3001,
                                       0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x300D, 0x300B};
    size_t len = strlen(w->text), off = 0;
    for (;;) {
        uint32_t cp;
        size_t n = off < len ? folio_utf8_decode(w->text + off, len - off, &cp) : 0;
        bool mark = false;
        for (size_t k = 0; n && k < sizeof(closing) / sizeof(closing[0]); k++)
            mark |= cp == closing[k];
        if (!mark || off + n >= len) /* keep the word's last character */
            break;
        off += n;
    }
    memmove(w->text, w->text + off, len - off + 1);
}

/* Cut line i at word k and move words[k..) to a new line after line `after`. */
static int move_right_part(folio_page *pg, size_t i, size_t k, size_t after)
{
    folio_line *grown = realloc(pg->lines, (pg->n_lines + 1) * sizeof(*grown));
    if (!grown)
        return FOLIO_ENOMEM;
    pg->lines = grown;
    folio_line *ln = &pg->lines[i], nl = {0};
    nl.n_words = ln->n_words - k;
    nl.words = malloc(nl.n_words * sizeof(*nl.words));
    if (!nl.words)
        return FOLIO_ENOMEM;
    memcpy(nl.words, ln->words + k, nl.n_words * sizeof(*nl.words));
    drop_gutter_marks(&nl.words[0]);
    ln->n_words = k;
    nl.block = pg->lines[after].block;
    nl.para = pg->lines[after].para;
    if (set_line_words(ln, ln->words, ln->n_words) || set_line_words(&nl, nl.words, nl.n_words)) {
        free(nl.words);
        free(nl.text);
        return FOLIO_ENOMEM;
    }
    memmove(pg->lines + after + 2, pg->lines + after + 1,
            (pg->n_lines - after - 1) * sizeof(*pg->lines));
    pg->lines[after + 1] = nl;
    pg->n_lines++;
    return 0;
}

/*
 * Where line j crosses into the column that starts at x: the first word that
 * lies mostly right of x (a mark read in the gutter goes with it), when the
 * line starts within 2 line heights of left and reaches a line height past
 * x. \return the word's index, or 0.
 */
static size_t cut_at_column(const folio_line *ln, int left, int x)
{
    double h = ln->box.h > 0 ? ln->box.h : 1;
    if (fabs((double)(ln->box.x - left)) > 2 * h || ln->box.x + ln->box.w < x + h)
        return 0;
    for (size_t k = 1; k < ln->n_words; k++) {
        const folio_box *b = &ln->words[k].box;
        if (b->x + b->w / 2 >= x - h / 2)
            return k;
    }
    return 0;
}

/*
 * Line i straddles two columns (cut at word k); on a bad scan the lines
 * below it often straddle too, read across the gutter without a wide gap
 * ("…其中废弃”的研究仍不充分…"). Those are cut where the next column starts,
 * and all the right parts go, in order, after the last line of the column
 * under them.
 */
static int split_straddling_run(folio_page *pg, size_t i, size_t k)
{
    const folio_line *top = &pg->lines[i];
    int left = top->box.x, x = top->words[k].box.x;
    size_t cut[64], n = 1;
    cut[0] = k;
    while (i + n < pg->n_lines && n < 64 && (cut[n] = cut_at_column(&pg->lines[i + n], left, x)))
        n++;
    size_t last = column_below(pg, i + n - 1, x);
    for (size_t s = 0; last && s < n; s++)
        if (move_right_part(pg, i + s, cut[s], last + s))
            return FOLIO_ENOMEM;
    return 0;
}

static int split_straddling_lines(folio_page *pg)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        size_t k = wide_gap_at(&pg->lines[i]);
        if (k && split_straddling_run(pg, i, k))
            return FOLIO_ENOMEM;
    }
    return 0;
}

/* ---- lines Tesseract put out of order ---------------------------------------- */

/*
 * Small differences in the image (a page turned and scanned again) make
 * Tesseract's segmentation put a line in the wrong place: the second line of
 * a boxed citation in a block of its own before its first line, or the first
 * line of the right column inside the left column's paragraph. Two rules put
 * such lines back; both need the geometry to prove the misplacement.
 */
#define ABOVE_GAP 1.0     /* line heights between a line and the one it continues */
#define COLUMN_GAP 1.5    /* line heights between two lines of one column */
#define COLUMN_INDENT 3.0 /* line heights a column's line may start from its left edge */
#define NO_LINE ((size_t)-1)

static bool is_blank(const folio_line *ln)
{
    return !ln->text || !*ln->text;
}

/* The last non-blank line before i, or NO_LINE. */
static size_t prev_text_line(const folio_page *pg, size_t i)
{
    while (i-- > 0)
        if (!is_blank(&pg->lines[i]))
            return i;
    return NO_LINE;
}

/* The first non-blank line at or after i, or NO_LINE. */
static size_t next_text_line(const folio_page *pg, size_t i)
{
    for (; i < pg->n_lines; i++)
        if (!is_blank(&pg->lines[i]))
            return i;
    return NO_LINE;
}

static double line_h(const folio_box *a, const folio_box *b)
{
    int h = a->h < b->h ? a->h : b->h;
    return h > 0 ? h : 1;
}

/* Move lines[a..b] (inclusive) to just after line `after` (after > b) or to
 * just before line `after` (after < a). Order within the run is kept. */
static int move_run(folio_page *pg, size_t a, size_t b, size_t after, bool before)
{
    size_t n = b - a + 1;
    folio_line *tmp = malloc(n * sizeof(*tmp));
    if (!tmp)
        return FOLIO_ENOMEM;
    memcpy(tmp, pg->lines + a, n * sizeof(*tmp));
    if (!before) {
        memmove(pg->lines + a, pg->lines + b + 1, (after - b) * sizeof(*tmp));
        memcpy(pg->lines + after - n + 1, tmp, n * sizeof(*tmp));
    } else {
        memmove(pg->lines + after + n, pg->lines + after, (a - after) * sizeof(*tmp));
        memcpy(pg->lines + after, tmp, n * sizeof(*tmp));
    }
    free(tmp);
    return 0;
}

/* Is a (read later) the line directly above b (read earlier), starting at
 * b's left edge? */
static bool directly_above(const folio_box *a, const folio_box *b)
{
    double h = line_h(a, b), gap = (double)b->y - (double)(a->y + a->h);
    return gap >= 0 && gap <= ABOVE_GAP * h && fabs((double)(a->x - b->x)) <= 2 * h;
}

/*
 * The first line of the block that line p (read before line i) is in, when
 * line i stands directly above it: a block's wrapped first line that the
 * layout read after the block (d1 citetop rotated: the citation box's
 * Chinese line, read after its own last words and the English citation).
 * NO_LINE otherwise.
 */
static size_t block_top_below(const folio_page *pg, size_t i, size_t p)
{
    size_t q = p;
    while (q > 0 && pg->lines[q - 1].block == pg->lines[p].block)
        q--;
    while (q < p && is_blank(&pg->lines[q]))
        q++;
    if (q == p || pg->lines[i].block == pg->lines[p].block)
        return NO_LINE;
    return directly_above(&pg->lines[i].box, &pg->lines[q].box) ? q : NO_LINE;
}

/*
 * A line read after the line directly below it goes back above it. When the
 * upper line runs at least as far right as the lower one, the lower line
 * continues it (a paragraph Tesseract cut into two blocks) and joins its
 * paragraph.
 */
static int raise_lines_read_late(folio_page *pg)
{
    for (size_t i = 1; i < pg->n_lines; i++) {
        size_t p = is_blank(&pg->lines[i]) ? NO_LINE : prev_text_line(pg, i);
        if (p != NO_LINE && !directly_above(&pg->lines[i].box, &pg->lines[p].box))
            p = block_top_below(pg, i, p);
        if (p == NO_LINE)
            continue;
        if (move_run(pg, i, i, p, true))
            return FOLIO_ENOMEM;
        folio_line *up = &pg->lines[p], *low = &pg->lines[p + 1];
        if (up->box.x + up->box.w >= low->box.x + low->box.w) {
            low->block = up->block;
            low->para = up->para;
            low->para_start = false;
        }
        i = p;
    }
    return 0;
}

/* Does line n continue the column whose line p it follows, left of x? */
static bool continues_column(const folio_line *p, const folio_line *n, int col_left, int x)
{
    const folio_box *a = &p->box, *b = &n->box;
    double h = line_h(a, b), gap = (double)b->y - (double)(a->y + a->h);
    return b->x + b->w < x && fabs((double)(b->x - col_left)) <= COLUMN_INDENT * h &&
           gap >= -0.5 * h && gap <= COLUMN_GAP * h;
}

/* The last line of the column that line n continues (see continues_column). */
static size_t column_end(const folio_page *pg, size_t n, int col_left, int x)
{
    for (size_t j = next_text_line(pg, n + 1); j != NO_LINE; j = next_text_line(pg, j + 1)) {
        if (!continues_column(&pg->lines[n], &pg->lines[j], col_left, x))
            break;
        n = j;
    }
    return n;
}

/* Does the column's line `last` end at the column's right edge (the
 * paragraph goes on), judged against the lines from `first` to it? */
static bool ends_full(const folio_page *pg, size_t first, size_t last)
{
    int right = 0;
    for (size_t j = first; j <= last; j++) {
        const folio_box *c = &pg->lines[j].box;
        if (!is_blank(&pg->lines[j]) && c->x + c->w > right)
            right = c->x + c->w;
    }
    const folio_box *b = &pg->lines[last].box;
    return (double)(right - (b->x + b->w)) <= EDGE_SLACK * (b->h > 0 ? b->h : 1);
}

/*
 * Lines i.. (up to k) lie right of and above line p, yet the column of p goes
 * on after them: they are the next column's top, read too early. They go
 * after the column's last line, joining its paragraph when that line is full.
 * \return 1 when moved, 0 when the rule does not apply, or FOLIO_ENOMEM.
 */
static int defer_column_top(folio_page *pg, size_t p, size_t i)
{
    const folio_box *pb = &pg->lines[p].box, *ib = &pg->lines[i].box;
    int col_right = pb->x + pb->w;
    if (ib->x < col_right || ib->y + ib->h > pb->y)
        return 0;
    size_t k = i, n;
    while ((n = next_text_line(pg, k + 1)) != NO_LINE && pg->lines[n].box.x >= col_right)
        k = n;
    if (n == NO_LINE || !continues_column(&pg->lines[p], &pg->lines[n], pb->x, ib->x))
        return 0;
    size_t last = column_end(pg, n, pb->x, ib->x);
    bool full = ends_full(pg, n, last);
    for (size_t j = i; j <= k; j++) {
        pg->lines[j].block = pg->lines[last].block;
        pg->lines[j].para = pg->lines[last].para;
    }
    pg->lines[i].para_start = !full;
    return move_run(pg, i, k, last, false) ? FOLIO_ENOMEM : 1;
}

static int defer_column_tops(folio_page *pg)
{
    for (size_t i = 1; i < pg->n_lines; i++) {
        size_t p = is_blank(&pg->lines[i]) ? NO_LINE : prev_text_line(pg, i);
        int rc = p == NO_LINE ? 0 : defer_column_top(pg, p, i);
        if (rc < 0)
            return rc;
        i -= rc; /* a moved run: look at the line now at i again */
    }
    return 0;
}

static bool starts_paragraph(const folio_page *pg, size_t i)
{
    if (i == 0)
        return true;
    const folio_line *a = &pg->lines[i - 1], *b = &pg->lines[i];
    return b->para_start || a->block != b->block || a->para != b->para;
}

/* Count paragraphs so the new block array can be sized once. */
static size_t count_paragraphs(const folio_page *pg)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->n_lines; i++)
        n += starts_paragraph(pg, i);
    return n;
}

static int build_block(const folio_repair *r, folio_page *pg, folio_block *b)
{
    folio_buf buf = FOLIO_BUF_INIT;
    double conf = 0;
    size_t words = 0;
    for (size_t j = 0; j < b->n_lines; j++) {
        folio_line *ln = &pg->lines[b->first_line + j];
        if (j + 1 < b->n_lines)
            folio_repair_line_end(ln->text, pg->lines[b->first_line + j + 1].text);
        ln->block = (int)(b - pg->blocks);
        b->box = folio_box_union(b->box, ln->box);
        folio_repair_append_line(r, &buf, ln->text ? ln->text : "");
        conf += ln->conf * (double)ln->n_words;
        words += ln->n_words;
    }
    b->conf = words ? (float)(conf / (double)words) : 0;
    b->text = folio_buf_take(&buf);
    return b->text ? 0 : FOLIO_ENOMEM;
}

static void free_blocks(folio_block *blocks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(blocks[i].text);
    free(blocks);
}

static int regroup(const folio_repair *r, folio_page *pg)
{
    size_t n = count_paragraphs(pg);
    folio_block *blocks = calloc(n ? n : 1, sizeof(*blocks));
    if (!blocks)
        return FOLIO_ENOMEM;
    free_blocks(pg->blocks, pg->n_blocks);
    pg->blocks = blocks;
    pg->n_blocks = 0;
    for (size_t i = 0; i < pg->n_lines; i++) {
        if (starts_paragraph(pg, i))
            pg->blocks[pg->n_blocks++].first_line = i;
        pg->blocks[pg->n_blocks - 1].n_lines++;
    }
    for (size_t i = 0; i < pg->n_blocks; i++)
        if (build_block(r, pg, &pg->blocks[i]))
            return FOLIO_ENOMEM;
    return 0;
}

static int build_text(folio_page *pg)
{
    folio_buf buf = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        if (!pg->blocks[i].text || !*pg->blocks[i].text)
            continue;
        if (buf.len)
            folio_buf_puts(&buf, "\n\n");
        folio_buf_puts(&buf, pg->blocks[i].text);
    }
    free(pg->text);
    pg->text = folio_buf_take(&buf);
    return pg->text ? 0 : FOLIO_ENOMEM;
}

int folio_layout_run(const folio_repair *r, folio_page *pg, folio_error *err)
{
    if (join_label_rows(pg) || split_straddling_lines(pg) || raise_lines_read_late(pg) ||
        defer_column_tops(pg) || regroup(r, pg) || build_text(pg))
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in layout", pg->source_path);
    return 0;
}
