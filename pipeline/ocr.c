/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tesseract, through its C API. Text is copied out of every Tesseract
 * string and TessDeleteText'd at once; nothing Tesseract owns escapes this
 * file. OpenMP inside Tesseract is held to one thread per worker here, so
 * pages run in parallel across workers instead of fighting inside one.
 */
#include "ocr.h"
#include "ocr_route.h"
#include "ocr_split.h"
#include "recheck.h"
#include "text.h"

#include <omp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>

double folio_ocr_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define ROW_PAD 0.3 /* padding around a row read alone, of its height */

/* The line handles: chi_sim alone for the second pass and for routed Chinese
 * lines, eng alone for routed Latin lines; each made on first use. */
enum { LINE_ZH, LINE_EN, LINE_HANDLES };
static const char *const line_lang[LINE_HANDLES] = {"chi_sim", "eng"};

struct folio_ocr {
    TessBaseAPI *api;
    TessBaseAPI *line[LINE_HANDLES];
    bool line_failed[LINE_HANDLES];
    bool can_route; /* the languages are chi_sim+eng */
    bool route;     /* read a page line by line, each with the model it looks like */
    bool invert;
    char *datapath;
    char *tessdata; /* as given, for the line handles */
    char *config;   /* as given, for the line handles */
};

/*
 * Tesseract's LSTM asks for several threads with num_threads() clauses, which
 * omp_set_num_threads() cannot override; with two pages on two cores those
 * threads spin against each other (measured: 42 s instead of 6.5 s a page).
 * A max-active-levels of 0 makes every parallel region inactive, i.e. one
 * thread, and it is per-thread state: call it on the worker's own thread.
 */
static void limit_openmp(void)
{
    omp_set_dynamic(0);
    omp_set_num_threads(1);
    omp_set_max_active_levels(0);
}

/*
 * Tesseract prints through tprintf to its global debug_file, stderr unless
 * set; models/folio.config sets it, but only once Init has read the config,
 * after the messages of a failed language load ("Error opening data file",
 * "Tesseract couldn't load any languages!"). So it is set before Init too;
 * Folio's own error names the missing data. FOLIO_DEBUG=1 keeps stderr.
 * The variable is process-wide: set under a lock.
 */
static void quiet_tesseract(TessBaseAPI *api)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    const char *d = getenv("FOLIO_DEBUG");
    if (d && *d && *d != '0')
        return;
    pthread_mutex_lock(&lock);
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    pthread_mutex_unlock(&lock);
}

folio_ocr *folio_ocr_create(const char *tessdata, const char *lang, const char *config,
                            folio_error *err)
{
    limit_openmp();
    folio_ocr *o = calloc(1, sizeof(*o));
    if (!o) {
        folio_error_set(err, FOLIO_ENOMEM, "tesseract: out of memory");
        return NULL;
    }
    o->api = TessBaseAPICreate();
    if (o->api)
        quiet_tesseract(o->api);
    char *configs[1] = {(char *)config};
    if (!o->api ||
        TessBaseAPIInit1(o->api, tessdata, lang, OEM_LSTM_ONLY, configs, config ? 1 : 0) != 0) {
        folio_error_set(err, FOLIO_EENGINE,
                        "tesseract: cannot load language data '%s' from %s (install "
                        "tesseract-ocr-chi-sim and tesseract-ocr-eng, or pass --tessdata DIR)",
                        lang, tessdata ? tessdata : "Tesseract's default tessdata directory");
        folio_ocr_destroy(&o);
        return NULL;
    }
    TessBaseAPISetPageSegMode(o->api, PSM_AUTO);
    o->datapath = folio_strdup(TessBaseAPIGetDatapath(o->api));
    o->tessdata = folio_strdup(tessdata);
    o->config = folio_strdup(config);
    o->line_failed[LINE_ZH] = !strstr(lang, "chi_sim");
    o->can_route = strcmp(lang, "chi_sim+eng") == 0 || strcmp(lang, "eng+chi_sim") == 0;
    o->route = o->can_route;
    return o;
}

/* The handles o holds, made or not (NULL), into apis[ALL_HANDLES]. */
#define ALL_HANDLES (1 + LINE_HANDLES)
static void all_handles(const folio_ocr *o, TessBaseAPI **apis)
{
    apis[0] = o->api;
    for (int k = 0; k < LINE_HANDLES; k++)
        apis[1 + k] = o->line[k];
}

void folio_ocr_set_routing(folio_ocr *o, bool on)
{
    if (o)
        o->route = on && o->can_route;
}

void folio_ocr_set_invert(folio_ocr *o, bool on)
{
    if (!o)
        return;
    o->invert = on;
    TessBaseAPI *apis[ALL_HANDLES];
    all_handles(o, apis);
    for (int i = 0; i < ALL_HANDLES; i++)
        if (apis[i])
            TessBaseAPISetVariable(apis[i], "tessedit_do_invert", on ? "1" : "0");
}

void folio_ocr_destroy(folio_ocr **po)
{
    if (!po || !*po)
        return;
    TessBaseAPI *apis[ALL_HANDLES];
    all_handles(*po, apis);
    for (int i = 0; i < ALL_HANDLES; i++) {
        if (apis[i]) {
            TessBaseAPIEnd(apis[i]);
            TessBaseAPIDelete(apis[i]);
        }
    }
    free((*po)->datapath);
    free((*po)->tessdata);
    free((*po)->config);
    free(*po);
    *po = NULL;
}

const char *folio_ocr_datapath(const folio_ocr *o)
{
    return o && o->datapath ? o->datapath : "";
}

/* ---- collecting the iterator's output ---------------------------------- */

typedef struct collect {
    folio_page *pg;
    int routed, twice; /* lines read one by one, and of them read by both models */
    size_t cap_lines, cap_blocks, cap_words;
    const folio_ocr_map *map;
    double conf_sum;
    size_t conf_n;
} collect;

folio_box folio_ocr_map_box(const folio_ocr_map *m, int l, int t, int r, int b)
{
    folio_box box;
    box.x = (int)(l / m->scale + 0.5f) + m->off_x;
    box.y = (int)(t / m->scale + 0.5f) + m->off_y;
    box.w = (int)((r - l) / m->scale + 0.5f);
    box.h = (int)((b - t) / m->scale + 0.5f);
    return box;
}

int folio_ocr_grow(void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, ncap * elem);
    if (!p)
        return FOLIO_ENOMEM;
    memset((char *)p + *cap * elem, 0, (ncap - *cap) * elem);
    *arr = p;
    *cap = ncap;
    return 0;
}

static int start_block(collect *c, const TessPageIterator *pi)
{
    folio_page *pg = c->pg;
    if (folio_ocr_grow((void **)&pg->blocks, &c->cap_blocks, pg->n_blocks, sizeof(folio_block)))
        return FOLIO_ENOMEM;
    folio_block *b = &pg->blocks[pg->n_blocks++];
    int l = 0, t = 0, r = 0, bt = 0;
    TessPageIteratorBoundingBox(pi, RIL_BLOCK, &l, &t, &r, &bt);
    b->box = folio_ocr_map_box(c->map, l, t, r, bt);
    b->first_line = pg->n_lines;
    return 0;
}

static int start_line(collect *c, const TessPageIterator *pi, int para, bool para_start)
{
    folio_page *pg = c->pg;
    if (pg->n_blocks == 0 && start_block(c, pi))
        return FOLIO_ENOMEM;
    if (folio_ocr_grow((void **)&pg->lines, &c->cap_lines, pg->n_lines, sizeof(folio_line)))
        return FOLIO_ENOMEM;
    folio_line *ln = &pg->lines[pg->n_lines++];
    int l = 0, t = 0, r = 0, b = 0;
    TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b);
    ln->box = folio_ocr_map_box(c->map, l, t, r, b);
    ln->block = (int)pg->n_blocks - 1;
    ln->para = para;
    ln->para_start = para_start;
    pg->blocks[pg->n_blocks - 1].n_lines++;
    c->cap_words = 0;
    return 0;
}

static int add_word(collect *c, TessResultIterator *ri, const TessPageIterator *pi)
{
    if (c->pg->n_lines == 0)
        return 0;
    char *t = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
    if (!t)
        return 0;
    char *text = folio_strdup(t);
    TessDeleteText(t);
    if (!text)
        return FOLIO_ENOMEM;
    folio_line *ln = &c->pg->lines[c->pg->n_lines - 1];
    if (folio_ocr_grow((void **)&ln->words, &c->cap_words, ln->n_words, sizeof(folio_word))) {
        free(text);
        return FOLIO_ENOMEM;
    }
    folio_word *w = &ln->words[ln->n_words++];
    int l = 0, tp = 0, r = 0, b = 0;
    TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &tp, &r, &b);
    w->text = text;
    w->box = folio_ocr_map_box(c->map, l, tp, r, b);
    w->conf = TessResultIteratorConfidence(ri, RIL_WORD);
    w->script = folio_word_script(text);
    c->conf_sum += w->conf;
    c->conf_n++;
    return folio_ocr_split_mixed_word(ri, c->map, ln, &c->cap_words);
}

/*
 * Word boxes of Chinese text overlap and gap at random, so whether a space
 * was printed before a word is read from Tesseract's own line text, where
 * its recognizer records the spaces it saw: find each word in the line
 * text in order and look at what precedes it.
 */
static void mark_spaces(folio_line *ln, const char *line_text)
{
    const char *pos = line_text;
    for (size_t j = 0; j < ln->n_words; j++) {
        folio_word *w = &ln->words[j];
        const char *hit = *w->text ? strstr(pos, w->text) : NULL;
        if (!hit) {
            w->space_before = j > 0;
            continue;
        }
        w->space_before = j > 0 && hit > line_text && (hit[-1] == ' ' || hit[-1] == '\t');
        pos = hit + strlen(w->text);
    }
}

/* Keep Tesseract's text of the line just started in ln->text (repair replaces it). */
static int keep_line_text(TessResultIterator *ri, folio_line *ln)
{
    char *t = TessResultIteratorGetUTF8Text(ri, RIL_TEXTLINE);
    if (!t)
        return 0;
    free(ln->text);
    ln->text = folio_strdup(t);
    TessDeleteText(t);
    return ln->text ? 0 : FOLIO_ENOMEM;
}

static void finish_lines(folio_page *pg)
{
    for (size_t i = 0; i < pg->n_lines; i++) {
        folio_line *ln = &pg->lines[i];
        mark_spaces(ln, ln->text ? ln->text : "");
        double s = 0;
        for (size_t j = 0; j < ln->n_words; j++)
            s += ln->words[j].conf;
        ln->conf = ln->n_words ? (float)(s / ln->n_words) : 0;
    }
    for (size_t i = 0; i < pg->n_blocks; i++) {
        folio_block *b = &pg->blocks[i];
        double s = 0;
        for (size_t j = 0; j < b->n_lines; j++)
            s += pg->lines[b->first_line + j].conf;
        b->conf = b->n_lines ? (float)(s / b->n_lines) : 0;
    }
}

static int walk(collect *c, TessResultIterator *ri)
{
    TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
    int para = -1;
    do {
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_BLOCK) && start_block(c, pi))
            return FOLIO_ENOMEM;
        bool ps = TessPageIteratorIsAtBeginningOf(pi, RIL_PARA);
        if (ps)
            para++;
        bool line_start = TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE);
        if (line_start && start_line(c, pi, para < 0 ? 0 : para, ps))
            return FOLIO_ENOMEM;
        if (line_start && keep_line_text(ri, &c->pg->lines[c->pg->n_lines - 1]))
            return FOLIO_ENOMEM;
        if (add_word(c, ri, pi))
            return FOLIO_ENOMEM;
    } while (TessPageIteratorNext(pi, RIL_WORD));
    return 0;
}

/* Line handle k, single-line mode, made on first use with the page
 * handle's config; NULL if it cannot be had. */
static TessBaseAPI *line_handle(folio_ocr *o, int k)
{
    if (o->line[k] || o->line_failed[k])
        return o->line[k];
    TessBaseAPI *h = TessBaseAPICreate();
    if (h)
        quiet_tesseract(h);
    char *configs[1] = {o->config};
    if (!h || TessBaseAPIInit1(h, o->tessdata, line_lang[k], OEM_LSTM_ONLY, configs,
                               o->config ? 1 : 0) != 0) {
        if (h)
            TessBaseAPIDelete(h);
        o->line_failed[k] = true;
        return NULL;
    }
    TessBaseAPISetPageSegMode(h, PSM_SINGLE_LINE);
    TessBaseAPISetVariable(h, "tessedit_do_invert", o->invert ? "1" : "0");
    o->line[k] = h;
    return h;
}

static TessBaseAPI *zh_handle(folio_ocr *o)
{
    return line_handle(o, LINE_ZH);
}

static int second_pass(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
                       double deadline_ms, folio_page *pg, folio_error *err)
{
    TessBaseAPI *zh = zh_handle(o);
    if (!zh)
        return 0;
    if (dpi > 0)
        TessBaseAPISetSourceResolution(zh, dpi);
    int rc = folio_recheck_page(zh, pix, map, deadline_ms, pg, NULL);
    if (rc == FOLIO_ELIMIT)
        return folio_error_set(err, FOLIO_ELIMIT,
                               "%s: recognition exceeded the time limit (in the second pass)",
                               pg->source_path);
    if (rc)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in the second pass",
                               pg->source_path);
    return 0;
}

int folio_ocr_read_lines(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
                         const folio_box *boxes, size_t n, double deadline_ms, char **texts,
                         float *confs)
{
    for (size_t i = 0; i < n; i++)
        texts[i] = NULL, confs[i] = 0;
    if (!o || !pix || !map || n == 0)
        return 0;
    limit_openmp();
    TessBaseAPI *h = zh_handle(o);
    if (!h)
        return FOLIO_EENGINE;
    TessBaseAPISetImage2(h, pix);
    if (dpi > 0)
        TessBaseAPISetSourceResolution(h, dpi);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (deadline_ms > 0 && folio_ocr_now_ms() >= deadline_ms)
            rc = FOLIO_ELIMIT;
        else
            texts[i] = folio_recheck_read(h, pix, map, boxes[i], (float)boxes[i].h, &confs[i]);
    }
    TessBaseAPIClear(h);
    return rc;
}

/* ---- reading line by line, each line with the model it looks like ----- */

#define LINE_PAD 0.2   /* padding around a routed line, of its height */
#define MIN_LINE_PX 12 /* layout rows thinner than this are rules, not print */

typedef struct reading {
    TessBaseAPI *h; /* holds the result; NULL: nothing read */
    char *text;     /* the reading on one line, trimmed (owned) */
    float conf;
} reading;

/* Read rect r of the image set on h; its result stays in h. \return 0 or
 * FOLIO_ENOMEM (a failed recognition leaves rd->h NULL). */
static int read_rect(TessBaseAPI *h, const l_int32 *r, reading *rd)
{
    rd->h = NULL;
    TessBaseAPISetRectangle(h, r[0], r[1], r[2], r[3]);
    if (TessBaseAPIRecognize(h, NULL) != 0)
        return 0;
    char *t = TessBaseAPIGetUTF8Text(h);
    for (char *q = t; q && *q; q++)
        *q = *q == '\n' ? ' ' : *q;
    rd->text = folio_strtrim(t ? t : "");
    if (t)
        TessDeleteText(t);
    if (!rd->text)
        return FOLIO_ENOMEM;
    rd->conf = (float)TessBaseAPIMeanTextConf(h);
    rd->h = h;
    return 0;
}

/* The pixels l,t..r,b of pix grown by p on each side, cut to the image, as
 * x, y, w, h in rect. \return false when less than 4 pixels either way. */
static bool padded_rect(PIX *pix, int l, int t, int r, int b, int p, l_int32 *rect)
{
    int x0 = l - p < 0 ? 0 : l - p, y0 = t - p < 0 ? 0 : t - p;
    int x1 = r + p > pixGetWidth(pix) ? pixGetWidth(pix) : r + p;
    int y1 = b + p > pixGetHeight(pix) ? pixGetHeight(pix) : b + p;
    rect[0] = x0, rect[1] = y0, rect[2] = x1 - x0, rect[3] = y1 - y0;
    return rect[2] >= 4 && rect[3] >= 4;
}

/*
 * Read the line pi is at with the model its print looks like, and with the
 * other one too when that reading is in doubt (ocr_route.h). *keep gets
 * the reading kept (its text owned by the caller; h NULL when nothing was
 * read). \return 0 or FOLIO_ENOMEM.
 */
static int read_routed_line(folio_ocr *o, PIX *pix, const TessPageIterator *pi, reading *keep,
                            collect *c)
{
    memset(keep, 0, sizeof(*keep));
    int l = 0, t = 0, r = 0, b = 0;
    l_int32 rect[4];
    if (!TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b) || b - t < MIN_LINE_PX ||
        !padded_rect(pix, l, t, r, b, (int)((b - t) * LINE_PAD) + 2, rect))
        return 0;
    struct Pix *bin = TessPageIteratorGetBinaryImage(pi, RIL_TEXTLINE);
    bool latin = folio_route_looks_latin(folio_route_strokes(bin));
    pixDestroy(&bin);
    reading first = {0}, second = {0};
    if (read_rect(o->line[latin ? LINE_EN : LINE_ZH], rect, &first))
        return FOLIO_ENOMEM;
    c->routed++;
    if (!first.h || folio_route_doubt(latin, first.text, first.conf)) {
        c->twice++;
        if (read_rect(o->line[latin ? LINE_ZH : LINE_EN], rect, &second)) {
            free(first.text);
            return FOLIO_ENOMEM;
        }
        if (second.h && (!first.h || folio_route_score(!latin, second.text, second.conf) >
                                         folio_route_score(latin, first.text, first.conf))) {
            free(first.text);
            *keep = second;
            return 0;
        }
        free(second.text);
    }
    *keep = first;
    return 0;
}

/* Append the words of the reading held by h to the line just started. */
static int add_reading(collect *c, TessBaseAPI *h)
{
    TessResultIterator *ri = TessBaseAPIGetIterator(h);
    if (!ri)
        return 0;
    TessPageIterator *wpi = TessResultIteratorGetPageIterator(ri);
    int rc = 0;
    do
        rc = add_word(c, ri, wpi);
    while (rc == 0 && TessPageIteratorNext(wpi, RIL_WORD));
    TessResultIteratorDelete(ri);
    return rc;
}

static bool is_text_block(const TessPageIterator *pi)
{
    switch (TessPageIteratorBlockType(pi)) {
    case PT_FLOWING_IMAGE:
    case PT_HEADING_IMAGE:
    case PT_PULLOUT_IMAGE:
    case PT_HORZ_LINE:
    case PT_VERT_LINE:
    case PT_NOISE:
    case PT_UNKNOWN: return false;
    default: return true;
    }
}

/* Cut box b back to the line box l where they overlap. A line read alone
 * gives its words the height of the padded crop (d1 citetop rotated: the
 * authors' names 58 px tall in a 45 px line), which misleads the crops of
 * the second pass; the layout's line box is tight. */
static void clip_to(folio_box *b, const folio_box *l)
{
    int x0 = b->x > l->x ? b->x : l->x, y0 = b->y > l->y ? b->y : l->y;
    int x1 = b->x + b->w < l->x + l->w ? b->x + b->w : l->x + l->w;
    int y1 = b->y + b->h < l->y + l->h ? b->y + b->h : l->y + l->h;
    if (x1 > x0 && y1 > y0)
        *b = (folio_box){x0, y0, x1 - x0, y1 - y0};
}

/*
 * Keep the line pi is at as a new line of pg, with the reading rd (its text
 * taken; h NULL: a line with no words, as Tesseract's own page reading keeps
 * rules and unreadable rows, which the layout stage uses as separators).
 */
static int keep_routed_line(collect *c, const TessPageIterator *pi, reading *rd, int para)
{
    if ((TessPageIteratorIsAtBeginningOf(pi, RIL_BLOCK) && start_block(c, pi)) ||
        start_line(c, pi, para < 0 ? 0 : para, TessPageIteratorIsAtBeginningOf(pi, RIL_PARA))) {
        free(rd->text);
        return FOLIO_ENOMEM;
    }
    folio_line *ln = &c->pg->lines[c->pg->n_lines - 1];
    free(ln->text);
    ln->text = rd->text ? rd->text : folio_strdup("");
    if (!ln->text)
        return FOLIO_ENOMEM;
    int rc = rd->h ? add_reading(c, rd->h) : 0;
    for (size_t j = 0; rc == 0 && j < ln->n_words; j++)
        clip_to(&ln->words[j].box, &ln->box);
    return rc;
}

/*
 * Tesseract's page layout of the image set on o->api, then each text line
 * read alone by read_routed_line: blocks, paragraphs and line boxes come
 * from the layout, words from the line readings. \return 0,
 * FOLIO_ENOMEM or FOLIO_ELIMIT (err not set).
 */
static int walk_routed(folio_ocr *o, collect *c, PIX *pix, double deadline_ms)
{
    TessPageIterator *pi = TessBaseAPIAnalyseLayout(o->api);
    if (!pi)
        return 0;
    int para = -1, rc = 0;
    do {
        if (deadline_ms > 0 && folio_ocr_now_ms() >= deadline_ms) {
            rc = FOLIO_ELIMIT;
            break;
        }
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_PARA))
            para++;
        reading rd = {0};
        if (is_text_block(pi))
            rc = read_routed_line(o, pix, pi, &rd, c);
        if (rc == 0)
            rc = keep_routed_line(c, pi, &rd, para);
    } while (rc == 0 && TessPageIteratorNext(pi, RIL_TEXTLINE));
    TessPageIteratorDelete(pi);
    return rc;
}

/* Can this page be read line by line? Both line handles are needed. */
static bool routing_ready(folio_ocr *o)
{
    return o->route && line_handle(o, LINE_ZH) && line_handle(o, LINE_EN);
}

static int read_page_routed(folio_ocr *o, PIX *pix, int dpi, collect *c, double deadline_ms)
{
    for (int k = 0; k < LINE_HANDLES; k++) {
        TessBaseAPISetImage2(o->line[k], pix);
        if (dpi > 0)
            TessBaseAPISetSourceResolution(o->line[k], dpi);
    }
    int rc = walk_routed(o, c, pix, deadline_ms);
    for (int k = 0; k < LINE_HANDLES; k++)
        TessBaseAPIClear(o->line[k]);
    return rc;
}

/* Recognize pix, or only the pixel rectangle rect of it as one line when rect
 * is not NULL, into pg (see folio_ocr_recognize). */
static int recognize(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map, const l_int32 *rect,
                     double deadline_ms, bool recheck, folio_page *pg, folio_error *err)
{
    if (!o || !pix || !pg || !map)
        return folio_error_set(err, FOLIO_EUSAGE, "ocr: bad arguments");
    double left_ms = deadline_ms > 0 ? deadline_ms - folio_ocr_now_ms() : 0;
    if (deadline_ms > 0 && left_ms < 1)
        return folio_error_set(err, FOLIO_ELIMIT,
                               "%s: the time limit was reached before recognition",
                               pg->source_path);
    limit_openmp();
    TessBaseAPIClear(o->api);
    TessBaseAPISetImage2(o->api, pix);
    if (dpi > 0)
        TessBaseAPISetSourceResolution(o->api, dpi);
    TessBaseAPISetPageSegMode(o->api, rect ? PSM_SINGLE_LINE : PSM_AUTO);
    if (rect)
        TessBaseAPISetRectangle(o->api, rect[0], rect[1], rect[2], rect[3]);
    int rc = 0;
    TessResultIterator *ri = NULL;
    ETEXT_DESC *mon = NULL;
    if (!rect && routing_ready(o)) {
        collect c = {.pg = pg, .map = map, .cap_lines = pg->n_lines, .cap_blocks = pg->n_blocks};
        size_t first = pg->n_lines;
        rc = read_page_routed(o, pix, dpi, &c, deadline_ms);
        folio_route_split_paragraphs(pg, first);
        if (rc) {
            rc = folio_error_set(err, rc, "%s: %s", pg->source_path,
                                 rc == FOLIO_ELIMIT ? "recognition exceeded the time limit"
                                                    : "out of memory in recognition");
            goto done;
        }
        pg->conf = c.conf_n ? c.conf_sum / c.conf_n : -1;
        pg->reread.lines_routed = c.routed;
        pg->reread.lines_read_twice = c.twice;
        goto finish;
    }
    mon = TessMonitorCreate();
    if (mon && deadline_ms > 0)
        TessMonitorSetDeadlineMSecs(mon, left_ms > 2e9 ? 2000000000 : (int)left_ms);
    if (TessBaseAPIRecognize(o->api, mon) != 0) {
        bool late = deadline_ms > 0 && folio_ocr_now_ms() >= deadline_ms;
        rc = folio_error_set(err, late ? FOLIO_ELIMIT : FOLIO_EENGINE, "%s: recognition %s",
                             pg->source_path, late ? "exceeded the time limit" : "failed");
        goto done;
    }
    ri = TessBaseAPIGetIterator(o->api);
    if (ri) {
        collect c = {.pg = pg, .map = map};
        c.cap_lines = pg->n_lines;
        c.cap_blocks = pg->n_blocks;
        if (walk(&c, ri)) {
            rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory in recognition",
                                 pg->source_path);
            goto done;
        }
        pg->conf = c.conf_n ? c.conf_sum / c.conf_n : -1;
    }
finish:
    finish_lines(pg);
    if (recheck)
        rc = second_pass(o, pix, dpi, map, deadline_ms, pg, err);
done:
    if (ri)
        TessResultIteratorDelete(ri);
    if (mon)
        TessMonitorDelete(mon);
    TessBaseAPIClear(o->api);
    TessBaseAPISetPageSegMode(o->api, PSM_AUTO);
    return rc;
}

int folio_ocr_recognize(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
                        double deadline_ms, bool recheck, folio_page *pg, folio_error *err)
{
    return recognize(o, pix, dpi, map, NULL, deadline_ms, recheck, pg, err);
}

/* Pixels of pix around the page box b, grown by pad of its height. \return false if empty. */
static bool rect_of(PIX *pix, const folio_ocr_map *m, folio_box b, double pad, l_int32 *r)
{
    int x = (int)((b.x - m->off_x) * m->scale), y = (int)((b.y - m->off_y) * m->scale);
    return padded_rect(pix, x, y, x + (int)(b.w * m->scale), y + (int)(b.h * m->scale),
                       (int)(b.h * m->scale * pad) + 2, r);
}

int folio_ocr_read_row(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map, folio_box row,
                       double deadline_ms, bool recheck, folio_page *pg, folio_error *err)
{
    l_int32 rect[4];
    if (!o || !pix || !pg || !map)
        return folio_error_set(err, FOLIO_EUSAGE, "ocr: bad arguments");
    if (!rect_of(pix, map, row, ROW_PAD, rect))
        return 0;
    return recognize(o, pix, dpi, map, rect, deadline_ms, recheck, pg, err);
}
