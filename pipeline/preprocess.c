/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The preprocessing stage: the order of the steps and the report. The page
 * becomes 8 bpp gray; dark borders are painted white; the background is
 * flattened; a text mask (hysteresis threshold, specks removed) drives
 * orientation, skew and the resolution estimate; the gray page is turned
 * upright, deskewed, cropped and rescaled so its text has the size
 * Tesseract reads best; finally Tesseract gets the clean gray page (paper
 * white, bleed-through gone) or the mask itself. Each step is in its own
 * file; see preprocess.h.
 */
#include "preprocess.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Where text is rescaled to, measured on the dev pages: gray pages read best
 * left alone from 175 to 480 dpi (200 dpi brought to 300 read worse), smaller
 * text is brought to 220 dpi (150 dpi: 7.7% CER kept, 1.7% at 220, 2.6% at
 * 300); bilevel pages gain from interpolation and go to 300 dpi. */
#define PRE_GRAY_MIN_DPI 175
#define PRE_GRAY_MAX_DPI 480
#define PRE_GRAY_UP_DPI 220
#define PRE_TARGET_DPI 300
#define PRE_SCALE_KEEP 0.15f /* rescale only when off by more than this */
#define PRE_MAX_SCALE 3.0f
#define PRE_MIN_SCALE 0.5f
#define PRE_MAX_PIXELS 80e6 /* never upscale past this many pixels */
#define PRE_MIN_SKEW_CONF 3.0f
#define PRE_MIN_SKEW_DEG 0.08f /* below this a turn moves nothing by a pixel that matters */
#define PRE_DPI_MIN 50
#define PRE_DPI_MAX 2400

struct folio_preprocess {
    folio_osd *osd; /* NULL: osd.traineddata missing, Leptonica decides alone */
};

/* The page as it goes through the steps. */
typedef struct pre_work {
    PIX *gray;    /* 8 bpp, normalized once the background step ran */
    PIX *mask;    /* 1 bpp text mask in the same geometry */
    int dpi;      /* best current guess */
    int crop[4];  /* the page inside its borders, current frame; w == 0: whole */
    bool bilevel; /* the input was 1 bpp */
} pre_work;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void folio_preprocess_params_init(folio_preprocess_params *p)
{
    if (!p)
        return;
    memset(p, 0, sizeof(*p));
    p->orient = p->deskew = p->crop = p->background = p->rescale = true;
    p->binarize = false; /* measured: Tesseract reads the clean gray page better
                            (BENCHMARKS.md, preprocessing ablation) */
}

folio_preprocess *folio_preprocess_create(const char *tessdata, folio_error *err)
{
    folio_preprocess *pp = calloc(1, sizeof(*pp));
    if (!pp) {
        folio_error_set(err, FOLIO_ENOMEM, "preprocess: out of memory");
        return NULL;
    }
    pp->osd = folio_osd_create(tessdata); /* NULL is fine: Leptonica alone */
    return pp;
}

void folio_preprocess_destroy(folio_preprocess **pp)
{
    if (!pp || !*pp)
        return;
    folio_osd_destroy(&(*pp)->osd);
    free(*pp);
    *pp = NULL;
}

bool folio_preprocess_has_osd(const folio_preprocess *pp)
{
    return pp && pp->osd;
}

PIX *folio_pre_to_gray(PIX *pixs)
{
    if (!pixs)
        return NULL;
    int d = pixGetDepth(pixs);
    if (d == 8 && !pixGetColormap(pixs))
        return pixClone(pixs); /* copied only when a step must write to it */
    PIX *pixd;
    if (d == 1)
        pixd = pixConvert1To8(NULL, pixs, 255, 0);
    else if (d == 32)
        pixd = pixConvertRGBToLuminance(pixs);
    else
        pixd = pixConvertTo8(pixs, FALSE);
    if (pixd)
        pixCopyResolution(pixd, pixs);
    return pixd;
}

/* Replace *ppix by pixn when pixn is not NULL. \return pixn != NULL. */
static bool swap_pix(PIX **ppix, PIX *pixn)
{
    if (!pixn)
        return false;
    pixDestroy(ppix);
    *ppix = pixn;
    return true;
}

/* Make *ppix private before writing to it (it may still be the caller's). */
static bool own_pix(PIX **ppix)
{
    return pixGetRefcount(*ppix) == 1 || swap_pix(ppix, pixCopy(NULL, *ppix));
}

static int plausible_dpi(int dpi)
{
    return dpi >= PRE_DPI_MIN && dpi <= PRE_DPI_MAX ? dpi : 0;
}

/* A first guess before the text is measured: the tag, else an A4 page. */
static int guess_dpi(PIX *pixs, int tag)
{
    if (tag > 0)
        return tag;
    int side = L_MAX(pixGetWidth(pixs), pixGetHeight(pixs));
    int dpi = (int)(side / 11.69f + 0.5f);
    return L_MIN(L_MAX(dpi, 100), 600);
}

/* Paint the dark borders white (on a private copy when there are any). */
static bool step_border(pre_work *w)
{
    PIX *border = folio_border_mask(w->gray, w->dpi, w->crop);
    bool ok = !border || own_pix(&w->gray);
    if (border && ok)
        folio_binarize_whiten(w->gray, border, 1);
    pixDestroy(&border);
    return ok;
}

static void step_orient(folio_preprocess *pp, pre_work *w, folio_preprocess_report *rep)
{
    int rot = 0;
    folio_orient_detect(pp->osd, w->mask, w->dpi, &rot, &rep->orient_conf, &rep->orient_applied,
                        &rep->orient_method);
    if (!rep->orient_applied || rot == 0)
        return;
    int quads = rot / 90;
    int W = pixGetWidth(w->gray), H = pixGetHeight(w->gray);
    if (!swap_pix(&w->gray, pixRotateOrth(w->gray, quads)) ||
        !swap_pix(&w->mask, pixRotateOrth(w->mask, quads))) {
        rep->orient_applied = false;
        return;
    }
    rep->rotation = rot;
    /* The crop rectangle turns with the page (clockwise quarter turns). */
    int *c = w->crop, x = c[0], y = c[1], cw = c[2], ch = c[3];
    if (cw == 0)
        return;
    if (rot == 90)
        c[0] = H - y - ch, c[1] = x, c[2] = ch, c[3] = cw;
    else if (rot == 180)
        c[0] = W - x - cw, c[1] = H - y - ch;
    else
        c[0] = y, c[1] = W - x - cw, c[2] = ch, c[3] = cw;
}

static void step_deskew(pre_work *w, folio_preprocess_report *rep)
{
    if (folio_deskew_find(w->mask, w->dpi, &rep->skew_deg, &rep->skew_conf) != 0)
        return;
    if (rep->skew_conf < PRE_MIN_SKEW_CONF || L_ABS(rep->skew_deg) < PRE_MIN_SKEW_DEG)
        return;
    PIX *gray = folio_deskew_rotate(w->gray, rep->skew_deg);
    PIX *mask = folio_deskew_rotate(w->mask, rep->skew_deg);
    if (gray && mask) {
        swap_pix(&w->gray, gray);
        swap_pix(&w->mask, mask);
        rep->skew_applied = true;
        return;
    }
    pixDestroy(&gray);
    pixDestroy(&mask);
}

static void step_crop(pre_work *w, folio_preprocess_report *rep)
{
    if (w->crop[2] <= 0)
        return;
    BOX *box = boxCreate(w->crop[0], w->crop[1], w->crop[2], w->crop[3]);
    PIX *gray = box ? pixClipRectangle(w->gray, box, NULL) : NULL;
    PIX *mask = box ? pixClipRectangle(w->mask, box, NULL) : NULL;
    if (gray && mask) {
        swap_pix(&w->gray, gray);
        swap_pix(&w->mask, mask);
        memcpy(rep->crop, w->crop, sizeof(rep->crop));
    } else {
        pixDestroy(&gray);
        pixDestroy(&mask);
    }
    boxDestroy(&box);
}

/* The factor that brings text at dpi to where Tesseract reads it best, 1 when close enough. */
static float choose_scale(PIX *pix, int dpi, bool bilevel)
{
    if (dpi <= 0)
        return 1.0f;
    int target = PRE_TARGET_DPI;
    if (!bilevel && dpi >= PRE_GRAY_MIN_DPI && dpi <= PRE_GRAY_MAX_DPI)
        return 1.0f;
    if (!bilevel && dpi < PRE_GRAY_MIN_DPI)
        target = PRE_GRAY_UP_DPI;
    float s = (float)target / dpi;
    if (L_ABS(s - 1.0f) <= PRE_SCALE_KEEP)
        return 1.0f;
    s = L_MIN(L_MAX(s, PRE_MIN_SCALE), PRE_MAX_SCALE);
    double px = (double)pixGetWidth(pix) * pixGetHeight(pix) * s * s;
    return px > PRE_MAX_PIXELS ? 1.0f : s;
}

static void step_resolution(pre_work *w, const folio_preprocess_params *p, int dpi_tag,
                            folio_preprocess_report *rep)
{
    rep->dpi_est = folio_resolution_estimate(w->mask, NULL);
    int dpi =
        p->dpi_override > 0 ? p->dpi_override : folio_resolution_choose(dpi_tag, rep->dpi_est);
    bool known = dpi > 0; /* neither tag nor text: keep the guess, never rescale on it */
    if (!known)
        dpi = w->dpi;
    w->dpi = dpi;
    rep->dpi_used = dpi;
    float s = p->rescale && known ? choose_scale(w->gray, dpi, w->bilevel) : 1.0f;
    if (s == 1.0f)
        return;
    PIX *gray = pixScale(w->gray, s, s);
    if (!gray)
        return;
    swap_pix(&w->gray, gray);
    rep->scale = s;
    w->dpi = rep->dpi_used = (int)(dpi * s + 0.5f);
    pixSetResolution(w->gray, w->dpi, w->dpi);
    swap_pix(&w->mask, folio_binarize_text(w->gray, w->dpi));
}

/* The image Tesseract receives; w->gray is used up. */
static PIX *make_output(pre_work *w, const folio_preprocess_params *p, folio_preprocess_report *rep)
{
    PIX *out = NULL;
    if (p->binarize) {
        out = pixClone(w->mask);
        rep->binarize = "hysteresis";
    } else if (own_pix(&w->gray)) {
        if (!p->background || folio_binarize_clean_gray(w->gray, w->mask, w->dpi) == 0)
            out = pixClone(w->gray);
    }
    if (out)
        pixSetResolution(out, w->dpi, w->dpi);
    return out;
}

static void report_init(folio_preprocess_report *rep, int dpi_in, bool bilevel)
{
    memset(rep, 0, sizeof(*rep));
    rep->scale = 1.0f;
    rep->dpi_in = plausible_dpi(dpi_in);
    rep->binarize = bilevel ? "input-1bpp" : "none";
    rep->orient_method = "off";
}

PIX *folio_preprocess_run(folio_preprocess *pp, PIX *pixs, int dpi_in,
                          const folio_preprocess_params *p, folio_preprocess_report *rep,
                          folio_error *err)
{
    return folio_preprocess_run_mask(pp, pixs, dpi_in, p, rep, NULL, err);
}

PIX *folio_preprocess_run_mask(folio_preprocess *pp, PIX *pixs, int dpi_in,
                               const folio_preprocess_params *p, folio_preprocess_report *rep,
                               PIX **pmask, folio_error *err)
{
    if (pmask)
        *pmask = NULL;
    pre_work w = {0};
    PIX *out = NULL;
    double t0 = now_ms();
    if (!pp || !pixs || !p || !rep) {
        folio_error_set(err, FOLIO_EUSAGE, "preprocess: missing argument");
        return NULL;
    }
    report_init(rep, dpi_in, pixGetDepth(pixs) == 1);
    int tag = p->dpi_override > 0 ? p->dpi_override : rep->dpi_in;
    w.dpi = guess_dpi(pixs, tag);
    w.bilevel = pixGetDepth(pixs) == 1;
    w.gray = folio_pre_to_gray(pixs);
    if (!w.gray)
        goto fail;
    /* Borders go first: a band with no paper in it would leave holes in
     * the background map. */
    if (p->crop && !step_border(&w))
        goto fail;
    if (p->background) /* a page Leptonica cannot normalize goes on as it is */
        rep->background = swap_pix(&w.gray, folio_background_normalize(w.gray));
    if (!(w.mask = folio_binarize_text(w.gray, w.dpi)))
        goto fail;
    if (p->orient)
        step_orient(pp, &w, rep);
    if (p->deskew)
        step_deskew(&w, rep);
    if (p->crop)
        step_crop(&w, rep);
    step_resolution(&w, p, tag, rep);
    if (!(out = make_output(&w, p, rep)))
        goto fail;
    if (pmask) {
        pixSetResolution(w.mask, w.dpi, w.dpi);
        *pmask = w.mask;
        w.mask = NULL;
    }
    goto done;
fail:
    folio_error_set(err, FOLIO_ENOMEM,
                    "preprocess: Leptonica failed on a %dx%d page (out of memory?)",
                    pixGetWidth(pixs), pixGetHeight(pixs));
done:
    pixDestroy(&w.gray);
    pixDestroy(&w.mask);
    rep->ms = now_ms() - t0;
    return out;
}
