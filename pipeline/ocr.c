/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tesseract, through its C API. Text is copied out of every Tesseract
 * string and TessDeleteText'd at once; nothing Tesseract owns escapes this
 * file. OpenMP inside Tesseract is held to one thread per worker here, so
 * pages run in parallel across workers instead of fighting inside one.
 */
#include "ocr.h"
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

struct folio_ocr {
    TessBaseAPI *api;
    TessBaseAPI *zh; /* chi_sim alone, single line: the second pass; made on first use */
    bool zh_failed;
    char *datapath;
    char *tessdata; /* as given, for the second handle */
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
    o->zh_failed = !strstr(lang, "chi_sim");
    return o;
}

void folio_ocr_set_invert(folio_ocr *o, bool on)
{
    if (o && o->api)
        TessBaseAPISetVariable(o->api, "tessedit_do_invert", on ? "1" : "0");
}

void folio_ocr_destroy(folio_ocr **po)
{
    if (!po || !*po)
        return;
    TessBaseAPI *apis[2] = {(*po)->api, (*po)->zh};
    for (int i = 0; i < 2; i++) {
        if (apis[i]) {
            TessBaseAPIEnd(apis[i]);
            TessBaseAPIDelete(apis[i]);
        }
    }
    free((*po)->datapath);
    free((*po)->tessdata);
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
    size_t cap_lines, cap_blocks, cap_words;
    const folio_ocr_map *map;
    double conf_sum;
    size_t conf_n;
} collect;

static folio_box map_box(const folio_ocr_map *m, int l, int t, int r, int b)
{
    folio_box box;
    box.x = (int)(l / m->scale + 0.5f) + m->off_x;
    box.y = (int)(t / m->scale + 0.5f) + m->off_y;
    box.w = (int)((r - l) / m->scale + 0.5f);
    box.h = (int)((b - t) / m->scale + 0.5f);
    return box;
}

static int grow(void **arr, size_t *cap, size_t n, size_t elem)
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
    if (grow((void **)&pg->blocks, &c->cap_blocks, pg->n_blocks, sizeof(folio_block)))
        return FOLIO_ENOMEM;
    folio_block *b = &pg->blocks[pg->n_blocks++];
    int l = 0, t = 0, r = 0, bt = 0;
    TessPageIteratorBoundingBox(pi, RIL_BLOCK, &l, &t, &r, &bt);
    b->box = map_box(c->map, l, t, r, bt);
    b->first_line = pg->n_lines;
    return 0;
}

static int start_line(collect *c, const TessPageIterator *pi, int para, bool para_start)
{
    folio_page *pg = c->pg;
    if (pg->n_blocks == 0 && start_block(c, pi))
        return FOLIO_ENOMEM;
    if (grow((void **)&pg->lines, &c->cap_lines, pg->n_lines, sizeof(folio_line)))
        return FOLIO_ENOMEM;
    folio_line *ln = &pg->lines[pg->n_lines++];
    int l = 0, t = 0, r = 0, b = 0;
    TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b);
    ln->box = map_box(c->map, l, t, r, b);
    ln->block = (int)pg->n_blocks - 1;
    ln->para = para;
    ln->para_start = para_start;
    pg->blocks[pg->n_blocks - 1].n_lines++;
    c->cap_words = 0;
    return 0;
}

static folio_script word_script(const char *s)
{
    size_t len = strlen(s), han = 0, latin = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        han += folio_is_han(cp);
        latin += folio_is_latin(cp);
    }
    if (han == 0 && latin == 0)
        return FOLIO_SCRIPT_OTHER;
    return han >= latin ? FOLIO_SCRIPT_HAN : FOLIO_SCRIPT_LATIN;
}

bool folio_word_mixes_scripts(const char *s)
{
    size_t len = s ? strlen(s) : 0, han = 0, latin = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        han += folio_is_han(cp);
        latin += folio_is_latin(cp);
    }
    return han > 0 && latin >= 2;
}

/* ---- splitting mixed words ---------------------------------------------- */

/*
 * Tesseract's "words" in Chinese lines are whole phrases, and a misread
 * stretch inside one ("天气频发，KAT" for 天气频发，大气扩, "二甲OM," for
 * 二甲双胍；) is a Latin run whose own symbols are unsure while the phrase's
 * mean confidence hides it. Such a word is cut at its unsure Latin runs, so
 * the second pass (recheck.c) can read them again.
 */
#define SPLIT_MAX 128 /* symbols of a word that may be cut; longer ones are left whole */

typedef struct sym {
    char text[16];
    float conf;
    folio_box box;
    bool latin;
} sym;

/* Read the symbols of the word ri is at (ri is not moved). \return how many. */
static size_t read_symbols(const collect *c, const TessResultIterator *ri, sym *out)
{
    TessResultIterator *it = TessResultIteratorCopy(ri);
    if (!it)
        return 0;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(it);
    size_t n = 0;
    do {
        char *t = TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
        if (!t)
            break;
        uint32_t cp = 0;
        size_t len = strlen(t);
        if (len > 0 && len < sizeof(out[n].text)) {
            folio_utf8_decode(t, len, &cp);
            memcpy(out[n].text, t, len + 1);
            int l = 0, tp = 0, r = 0, b = 0;
            TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &l, &tp, &r, &b);
            out[n].box = map_box(c->map, l, tp, r, b);
            out[n].conf = TessResultIteratorConfidence(it, RIL_SYMBOL);
            out[n].latin = folio_is_latin(cp);
            n++;
        }
        TessDeleteText(t);
    } while (n < SPLIT_MAX && !TessPageIteratorIsAtFinalElement(pi, RIL_WORD, RIL_SYMBOL) &&
             TessResultIteratorNext(it, RIL_SYMBOL));
    TessResultIteratorDelete(it);
    return n;
}

/* The word made of symbols s[a..b): text, box union, mean confidence. */
static int make_piece(const sym *s, size_t a, size_t b, folio_word *w)
{
    folio_buf buf = FOLIO_BUF_INIT;
    int x0 = s[a].box.x, y0 = s[a].box.y, x1 = x0 + s[a].box.w, y1 = y0 + s[a].box.h;
    double conf = 0;
    for (size_t i = a; i < b; i++) {
        folio_buf_puts(&buf, s[i].text);
        x0 = s[i].box.x < x0 ? s[i].box.x : x0;
        y0 = s[i].box.y < y0 ? s[i].box.y : y0;
        x1 = s[i].box.x + s[i].box.w > x1 ? s[i].box.x + s[i].box.w : x1;
        y1 = s[i].box.y + s[i].box.h > y1 ? s[i].box.y + s[i].box.h : y1;
        conf += s[i].conf;
    }
    memset(w, 0, sizeof(*w));
    w->text = folio_buf_take(&buf);
    if (!w->text)
        return FOLIO_ENOMEM;
    w->box = (folio_box){x0, y0, x1 - x0, y1 - y0};
    w->conf = (float)(conf / (double)(b - a));
    w->script = word_script(w->text);
    return 0;
}

/* End of the run of symbols of s[a]'s kind (Latin or not) from a. */
static size_t run_end(const sym *s, size_t n, size_t a)
{
    size_t b = a + 1;
    while (b < n && s[b].latin == s[a].latin)
        b++;
    return b;
}

/* Is s[a..b) a Latin run the second pass should read again? */
static bool unsure_latin_run(const sym *s, size_t a, size_t b)
{
    if (!s[a].latin || b - a < 2)
        return false;
    folio_word probe = {.script = FOLIO_SCRIPT_LATIN, .conf = 0};
    for (size_t i = a; i < b; i++)
        probe.conf += s[i].conf;
    probe.conf /= (float)(b - a);
    return folio_recheck_suspicious(&probe);
}

/* Cut points of s: the bounds of its unsure Latin runs. \return how many pieces. */
static size_t plan_pieces(const sym *s, size_t n, size_t *cut)
{
    size_t pieces = 0, start = 0;
    for (size_t a = 0; a < n;) {
        size_t b = run_end(s, n, a);
        if (unsure_latin_run(s, a, b)) {
            if (a > start)
                cut[pieces++] = a;
            cut[pieces++] = b;
            start = b;
        }
        a = b;
    }
    if (pieces > 0 && start < n)
        cut[pieces++] = n;
    return pieces;
}

/* Replace the line's last word by pieces of s ending at cut[0..k). */
static int replace_last_word(folio_line *ln, const sym *s, const size_t *cut, size_t k, size_t *cap)
{
    folio_word *old = &ln->words[ln->n_words - 1];
    bool space = old->space_before;
    free(old->text);
    ln->n_words--;
    for (size_t i = 0, a = 0; i < k; a = cut[i++]) {
        if (grow((void **)&ln->words, cap, ln->n_words, sizeof(folio_word)))
            return FOLIO_ENOMEM;
        folio_word *w = &ln->words[ln->n_words];
        if (make_piece(s, a, cut[i], w))
            return FOLIO_ENOMEM;
        w->space_before = i == 0 && space;
        ln->n_words++;
    }
    return 0;
}

/* Do the symbols s[0..n) spell t exactly? (Else the word is left whole.) */
static bool symbols_spell(const sym *s, size_t n, const char *t)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(s[i].text);
        if (strncmp(t + pos, s[i].text, len) != 0)
            return false;
        pos += len;
    }
    return t[pos] == '\0';
}

/* Cut the line's last word (ri's) at its unsure Latin runs, if it mixes Han and Latin. */
static int split_mixed_word(collect *c, const TessResultIterator *ri, folio_line *ln)
{
    const char *t = ln->words[ln->n_words - 1].text;
    if (!folio_word_mixes_scripts(t))
        return 0;
    sym s[SPLIT_MAX];
    size_t cut[SPLIT_MAX + 1];
    size_t n = read_symbols(c, ri, s);
    size_t k = n && symbols_spell(s, n, t) ? plan_pieces(s, n, cut) : 0;
    if (k < 2)
        return 0;
    return replace_last_word(ln, s, cut, k, &c->cap_words);
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
    if (grow((void **)&ln->words, &c->cap_words, ln->n_words, sizeof(folio_word))) {
        free(text);
        return FOLIO_ENOMEM;
    }
    folio_word *w = &ln->words[ln->n_words++];
    int l = 0, tp = 0, r = 0, b = 0;
    TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &tp, &r, &b);
    w->text = text;
    w->box = map_box(c->map, l, tp, r, b);
    w->conf = TessResultIteratorConfidence(ri, RIL_WORD);
    w->script = word_script(text);
    c->conf_sum += w->conf;
    c->conf_n++;
    return split_mixed_word(c, ri, ln);
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

/* The second-pass handle, created on first use; NULL if it cannot be had. */
static TessBaseAPI *zh_handle(folio_ocr *o)
{
    if (o->zh || o->zh_failed)
        return o->zh;
    o->zh = TessBaseAPICreate();
    if (o->zh)
        quiet_tesseract(o->zh);
    if (!o->zh || TessBaseAPIInit2(o->zh, o->tessdata, "chi_sim", OEM_LSTM_ONLY) != 0) {
        if (o->zh)
            TessBaseAPIDelete(o->zh);
        o->zh = NULL;
        o->zh_failed = true;
        return NULL;
    }
    TessBaseAPISetPageSegMode(o->zh, PSM_SINGLE_LINE);
    return o->zh;
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
    TessBaseAPI *zh = zh_handle(o);
    if (!zh)
        return FOLIO_EENGINE;
    if (dpi > 0)
        TessBaseAPISetSourceResolution(zh, dpi);
    TessBaseAPISetImage2(zh, pix);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (deadline_ms > 0 && folio_ocr_now_ms() >= deadline_ms)
            rc = FOLIO_ELIMIT;
        else
            texts[i] = folio_recheck_read(zh, pix, map, boxes[i], (float)boxes[i].h, &confs[i]);
    }
    TessBaseAPIClear(zh);
    return rc;
}

int folio_ocr_recognize(folio_ocr *o, PIX *pix, int dpi, const folio_ocr_map *map,
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
    ETEXT_DESC *mon = TessMonitorCreate();
    if (mon && deadline_ms > 0)
        TessMonitorSetDeadlineMSecs(mon, left_ms > 2e9 ? 2000000000 : (int)left_ms);
    int rc = 0;
    TessResultIterator *ri = NULL;
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
    finish_lines(pg);
    if (recheck)
        rc = second_pass(o, pix, dpi, map, deadline_ms, pg, err);
done:
    if (ri)
        TessResultIteratorDelete(ri);
    if (mon)
        TessMonitorDelete(mon);
    TessBaseAPIClear(o->api);
    return rc;
}
