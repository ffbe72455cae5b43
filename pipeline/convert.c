/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The engine and the per-page pipeline: load -> preprocess -> ocr ->
 * repair -> layout -> altread -> fields. An engine owns one Tesseract handle, one
 * preprocessing context and the repair word list, and is reused for every
 * page its thread converts.
 */
#include "folio/folio.h"
#include "altread.h"
#include "coverage.h"
#include "dark_ground.h"
#include "fields.h"
#include "folio_config.h"
#include "layout.h"
#include "load.h"
#include "ocr.h"
#include "preprocess.h"
#include "repair.h"
#include "rows.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>
#include <unistd.h>

#define WORDLIST_PATH "/usr/share/dict/american-english"

struct folio_engine {
    folio_ocr *ocr;
    folio_preprocess *pre;
    folio_repair *repair;
    char *models;
    folio_load_limits limits;
};

void folio_engine_params_init(folio_engine_params *p)
{
    memset(p, 0, sizeof(*p));
    p->lang = "chi_sim+eng";
}

void folio_convert_params_init(folio_convert_params *p)
{
    memset(p, 0, sizeof(*p));
    p->orient = p->deskew = p->crop = p->background = true;
    p->rescale = p->second_pass = p->reread = p->route_lines = true;
    p->binarize = false; /* measured: BENCHMARKS.md, preprocessing ablation */
}

static bool is_dir(const char *path)
{
    char probe[4096];
    snprintf(probe, sizeof(probe), "%s/folio.config", path);
    return access(probe, R_OK) == 0;
}

/* Folio's models/: explicit, $FOLIO_MODELS, the installed copy, the source tree. */
static char *find_models(const char *given)
{
    if (given)
        return folio_strdup(given);
    const char *env = getenv("FOLIO_MODELS");
    if (env && *env)
        return folio_strdup(env);
    if (is_dir(FOLIO_MODELS_DIR))
        return folio_strdup(FOLIO_MODELS_DIR);
    return folio_strdup(FOLIO_SOURCE_MODELS_DIR);
}

folio_engine *folio_engine_create(const folio_engine_params *p, folio_error *err)
{
    folio_lept_messages_route();
    folio_engine_params defaults;
    if (!p) {
        folio_engine_params_init(&defaults);
        p = &defaults;
    }
    folio_engine *e = calloc(1, sizeof(*e));
    if (!e) {
        folio_error_set(err, FOLIO_ENOMEM, "engine: out of memory");
        return NULL;
    }
    folio_load_limits_init(&e->limits);
    e->models = find_models(p->models);
    char config[4096];
    snprintf(config, sizeof(config), "%s/folio.config", e->models ? e->models : ".");
    e->ocr = folio_ocr_create(p->tessdata, p->lang ? p->lang : "chi_sim+eng",
                              access(config, R_OK) == 0 ? config : NULL, err);
    if (!e->ocr)
        goto fail;
    e->pre = folio_preprocess_create(p->tessdata, err);
    if (!e->pre)
        goto fail;
    e->repair = folio_repair_create(WORDLIST_PATH);
    if (!e->repair) {
        folio_error_set(err, FOLIO_ENOMEM, "engine: out of memory");
        goto fail;
    }
    return e;
fail:
    folio_engine_destroy(&e);
    return NULL;
}

void folio_engine_destroy(folio_engine **pe)
{
    if (!pe || !*pe)
        return;
    folio_engine *e = *pe;
    folio_ocr_destroy(&e->ocr);
    folio_preprocess_destroy(&e->pre);
    folio_repair_destroy(&e->repair);
    free(e->models);
    free(e);
    *pe = NULL;
}

const char *folio_engine_tessdata(const folio_engine *e)
{
    return e ? folio_ocr_datapath(e->ocr) : "";
}

static double now_ms(void)
{
    return folio_ocr_now_ms();
}

static int run_preprocess(folio_engine *e, folio_page *pg, PIX *pix, int dpi_tag,
                          const folio_convert_params *p, PIX **pwork, PIX **pmask,
                          folio_error *err)
{
    folio_preprocess_params pp;
    folio_preprocess_params_init(&pp);
    pp.orient = p->orient;
    pp.deskew = p->deskew;
    pp.crop = p->crop;
    pp.background = p->background;
    pp.binarize = p->binarize;
    pp.rescale = p->rescale;
    pp.dpi_override = p->dpi;
    *pwork = folio_preprocess_run_mask(e->pre, pix, dpi_tag, &pp, &pg->pre, pmask, err);
    if (!*pwork)
        return folio_error_code(err) ? folio_error_code(err) : FOLIO_EINPUT;
    if (p->save_preprocessed && pixWrite(p->save_preprocessed, *pwork, IFF_PNG) != 0)
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot write the preprocessed image",
                               p->save_preprocessed);
    return 0;
}

/* Read a page again when recognition left more than REREAD_SHARE of the
 * mask's text components unaccounted for, and at least REREAD_MIN (about a
 * printed row of Chinese), and keep the second reading when it leaves fewer
 * than REREAD_GAIN of the first's. Measured on the 37 dev pages: a full
 * reading leaves 0.2-3.3% (stray marks, superscripts, rules' pieces); the
 * reading that had lost two rows of an abstract left 7.4%. */
#define REREAD_SHARE 0.05
#define REREAD_MIN 40
#define REREAD_GAIN 0.7

/* Exchange the recognized text of two pages (lines, blocks, confidence). */
static void swap_reading(folio_page *a, folio_page *b)
{
    folio_line *lines = a->lines;
    folio_block *blocks = a->blocks;
    size_t n_lines = a->n_lines, n_blocks = a->n_blocks;
    double conf = a->conf;
    a->lines = b->lines, a->n_lines = b->n_lines, a->blocks = b->blocks;
    a->n_blocks = b->n_blocks, a->conf = b->conf;
    b->lines = lines, b->n_lines = n_lines, b->blocks = blocks;
    b->n_blocks = n_blocks, b->conf = conf;
}

/*
 * When the first reading (of the gray page) left print unread (coverage.h),
 * read the page again from the text mask and keep the reading that leaves
 * less unread. mask is not taken. \return 0, or FOLIO_ELIMIT past the
 * deadline; other failures of the second reading keep the first.
 */
static int reread_lost(folio_engine *e, folio_page *pg, PIX *mask, const folio_ocr_map *map,
                       const folio_convert_params *p, double deadline_ms, folio_error *err)
{
    folio_coverage first, second;
    pg->reread.unread = -1;
    if (!mask || folio_coverage_measure(mask, pg, map, pg->pre.dpi_used, &first))
        return 0;
    pg->reread.unread = first.unread;
    pg->reread.components = first.components;
    bool lost = first.unread >= REREAD_MIN && first.unread > REREAD_SHARE * first.components;
    if (!p->reread || !lost || strcmp(pg->pre.binarize, "none") != 0)
        return 0;
    folio_page *alt = folio_page_new();
    if (!alt)
        return 0;
    alt->source_path = pg->source_path; /* borrowed for messages */
    int rc = folio_ocr_recognize(e->ocr, mask, pg->pre.dpi_used, map, deadline_ms,
                                 p->second_pass, alt, err);
    if (rc == 0 && folio_coverage_measure(mask, alt, map, pg->pre.dpi_used, &second) == 0) {
        pg->reread.tried = true;
        pg->reread.unread_alt = second.unread;
        pg->reread.kept = second.unread < REREAD_GAIN * first.unread;
        if (pg->reread.kept)
            swap_reading(pg, alt);
    }
    alt->source_path = NULL;
    folio_page_destroy(&alt);
    if (rc && rc != FOLIO_ELIMIT)
        folio_error_clear(err);
    return rc == FOLIO_ELIMIT ? rc : 0;
}

/* Ask Tesseract to try doubtful lines inverted only on a page with dark
 * ground, where white print may stand (dark_ground.h). */
static void choose_invert(folio_engine *e, folio_page *pg, PIX *work)
{
    pg->reread.dark_ground_mm2 = folio_dark_ground_mm2(work, pg->pre.dpi_used);
    pg->reread.invert = pg->reread.dark_ground_mm2 >= FOLIO_DARK_GROUND_MIN_MM2;
    folio_ocr_set_invert(e->ocr, pg->reread.invert);
}

/* Read alone the rows recognition lost (rows.h), unless switched off.
 * \return 0, or FOLIO_ELIMIT past the deadline; other failures keep the
 * reading as it is. */
static int recover_rows(folio_engine *e, folio_page *pg, PIX *work, PIX *mask,
                        const folio_ocr_map *map, const folio_convert_params *p, double deadline_ms,
                        folio_error *err)
{
    if (!mask || !p->reread)
        return 0;
    folio_rows_params rp = {pg->pre.dpi_used, map, deadline_ms, p->second_pass};
    int rc = folio_rows_recover(e->ocr, work, mask, &rp, pg, NULL, err);
    if (rc && rc != FOLIO_ELIMIT)
        folio_error_clear(err);
    return rc == FOLIO_ELIMIT ? rc : 0;
}

/* p->timeout_s counts from the page's start (its loading, when Folio loads it). */
static int run_stages(folio_engine *e, folio_page *pg, PIX *pix, int dpi_tag,
                      const folio_convert_params *p, double deadline_ms, folio_error *err)
{
    PIX *work = NULL, *mask = NULL;
    folio_ocr_map map = {1, 0, 0};
    double t = now_ms();
    int rc = run_preprocess(e, pg, pix, dpi_tag, p, &work, &mask, err);
    pg->timing_ms[FOLIO_STAGE_PREPROCESS] = now_ms() - t;
    if (rc)
        goto done;
    if (pg->pre.rotation == 90 || pg->pre.rotation == 270) {
        pg->width = pixGetHeight(pix);
        pg->height = pixGetWidth(pix);
    }
    pg->dpi = pg->pre.dpi_used > 0 && pg->pre.scale > 0
                  ? (int)(pg->pre.dpi_used / pg->pre.scale + 0.5f)
                  : pg->dpi;
    map.scale = pg->pre.scale > 0 ? pg->pre.scale : 1;
    map.off_x = pg->pre.crop[0];
    map.off_y = pg->pre.crop[1];
    t = now_ms();
    choose_invert(e, pg, work);
    folio_ocr_set_routing(e->ocr, p->route_lines);
    rc = folio_ocr_recognize(e->ocr, work, pg->pre.dpi_used, &map, deadline_ms, p->second_pass, pg,
                             err);
    if (!rc)
        rc = reread_lost(e, pg, mask, &map, p, deadline_ms, err);
    if (!rc)
        rc = recover_rows(e, pg, work, mask, &map, p, deadline_ms, err);
    pg->timing_ms[FOLIO_STAGE_OCR] = now_ms() - t;
    if (rc)
        goto done;
    t = now_ms();
    rc = folio_repair_page(e->repair, pg, err);
    pg->timing_ms[FOLIO_STAGE_REPAIR] = now_ms() - t;
    if (rc)
        goto done;
    t = now_ms();
    rc = folio_layout_run(e->repair, pg, err);
    pg->timing_ms[FOLIO_STAGE_LAYOUT] = now_ms() - t;
    if (rc)
        goto done;
    t = now_ms();
    if (p->second_pass)
        rc = folio_altread_run(e->ocr, work, pg->pre.dpi_used, &map, deadline_ms, pg, err);
    pg->timing_ms[FOLIO_STAGE_ALTREAD] = now_ms() - t;
    if (rc)
        goto done;
    t = now_ms();
    rc = folio_fields_extract(pg, err);
    pg->timing_ms[FOLIO_STAGE_FIELDS] = now_ms() - t;
done:
    pixDestroy(&mask);
    pg->image = work; /* the page owns it now */
    pg->image_scale = map.scale;
    pg->image_off_x = map.off_x;
    pg->image_off_y = map.off_y;
    return rc;
}

static int check_params(const char *name, const folio_convert_params *p, folio_error *err)
{
    if (p->dpi < 0 || p->dpi > 4800 || p->page < 0)
        return folio_error_set(err, FOLIO_EUSAGE, "%s: bad --dpi or --page", name);
    return 0;
}

static folio_page *new_page(const char *name, folio_error *err)
{
    folio_page *pg = folio_page_new();
    if (!pg || !(pg->source_path = folio_strdup(name))) {
        folio_page_destroy(&pg);
        folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", name);
    }
    return pg;
}

static folio_page *convert_pix(folio_engine *e, PIX *pix, const char *name, int page, int pages,
                               int dpi_tag, const char *sha256, const folio_convert_params *p,
                               double deadline_ms, folio_error *err);

folio_page *folio_engine_convert_pix(folio_engine *e, PIX *pix, const char *name, int page,
                                     int pages, int dpi_tag, const char *sha256,
                                     const folio_convert_params *p, folio_error *err)
{
    double deadline = p && p->timeout_s > 0 ? now_ms() + p->timeout_s * 1e3 : 0;
    return convert_pix(e, pix, name, page, pages, dpi_tag, sha256, p, deadline, err);
}

static folio_page *convert_pix(folio_engine *e, PIX *pix, const char *name, int page, int pages,
                               int dpi_tag, const char *sha256, const folio_convert_params *p,
                               double deadline_ms, folio_error *err)
{
    folio_convert_params defaults;
    if (!p) {
        folio_convert_params_init(&defaults);
        p = &defaults;
    }
    if (!e || !pix || !name) {
        folio_error_set(err, FOLIO_EUSAGE, "convert: no engine, image or name");
        return NULL;
    }
    if (check_params(name, p, err))
        return NULL;
    folio_page *pg = new_page(name, err);
    if (!pg)
        return NULL;
    pg->tessdata = folio_strdup(folio_ocr_datapath(e->ocr));
    pg->source_page = page;
    pg->source_pages = pages;
    if (sha256)
        snprintf(pg->sha256, sizeof(pg->sha256), "%s", sha256);
    pg->width = pixGetWidth(pix);
    pg->height = pixGetHeight(pix);
    pg->dpi = p->dpi > 0 ? p->dpi : dpi_tag;
    if (run_stages(e, pg, pix, dpi_tag, p, deadline_ms, err))
        folio_page_destroy(&pg);
    return pg;
}

folio_page *folio_engine_convert(folio_engine *e, const char *path, const folio_convert_params *p,
                                 folio_error *err)
{
    folio_convert_params defaults;
    if (!p) {
        folio_convert_params_init(&defaults);
        p = &defaults;
    }
    if (!e || !path) {
        folio_error_set(err, FOLIO_EUSAGE, "convert: no engine or no path");
        return NULL;
    }
    if (check_params(path, p, err))
        return NULL;
    folio_loaded img;
    double t = now_ms();
    double deadline = p->timeout_s > 0 ? t + p->timeout_s * 1e3 : 0;
    if (folio_load_page(path, p->page, &e->limits, &img, err))
        return NULL;
    double load_ms = now_ms() - t;
    folio_page *pg =
        convert_pix(e, img.pix, path, p->page, img.pages, img.dpi, img.sha256, p, deadline, err);
    pixDestroy(&img.pix);
    if (pg) {
        pg->timing_ms[FOLIO_STAGE_LOAD] = load_ms;
        snprintf(pg->note, sizeof(pg->note), "%s", img.note);
    }
    return pg;
}

const char *folio_version(void)
{
    return FOLIO_VERSION;
}

const char *folio_tesseract_version(void)
{
    return TessVersion();
}

char *folio_leptonica_version(void)
{
    return getLeptonicaVersion();
}
