/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PDF pages through Poppler's GLib API and cairo. A scanned PDF is one
 * image per page: it is rendered at that image's own resolution, so the
 * page Folio sees has the scan's pixels, not a resample. Limits are checked
 * before anything is decoded: the page count when the document is opened,
 * the size of every embedded image (read from the file's image
 * dictionaries, which are never compressed) before Poppler decodes one to
 * measure it, and the rendered size before rendering.
 */
#include "pdf.h"
#include "text.h"

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

struct folio_pdf {
    PopplerDocument *doc;
    GBytes *bytes;    /* what doc reads */
    GMappedFile *map; /* the mapping behind bytes, for open_file */
    char *path;
    folio_load_limits lim;
    int pages;
    bool images_ok; /* every embedded image is within the limits */
};

bool folio_pdf_sniff(const void *data, size_t len)
{
    return data && memmem(data, len < 1024 ? len : 1024, "%PDF-", 5) != NULL;
}

/* Largest integer following `key` anywhere in data (0 if none). */
static long long max_after(const char *data, size_t len, const char *key)
{
    size_t klen = strlen(key);
    long long best = 0;
    const char *p = data, *end = data + len;
    while ((p = memmem(p, (size_t)(end - p), key, klen)) != NULL) {
        p += klen;
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            p++;
        long long v = 0;
        while (p < end && *p >= '0' && *p <= '9' && v < (1LL << 40))
            v = v * 10 + (*p++ - '0');
        if (v > best)
            best = v;
    }
    return best;
}

/* Are all embedded images small enough to decode? Image XObjects are stream
 * dictionaries, which PDF never puts inside compressed object streams. */
static bool images_within(const void *data, size_t len, const folio_load_limits *lim)
{
    long long w = max_after(data, len, "/Width");
    long long h = max_after(data, len, "/Height");
    return w <= lim->max_side && h <= lim->max_side && w * h <= lim->max_pixels;
}

static folio_pdf *open_bytes(const char *path, GBytes *bytes, GMappedFile *map,
                             const folio_load_limits *lim, folio_error *err)
{
    GError *gerr = NULL;
    folio_pdf *pd = calloc(1, sizeof(*pd));
    if (!pd || !(pd->path = folio_strdup(path))) {
        folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
        goto fail;
    }
    pd->bytes = bytes;
    pd->map = map;
    bytes = NULL;
    map = NULL;
    pd->lim = *lim;
    size_t len = 0;
    const void *data = g_bytes_get_data(pd->bytes, &len);
    pd->images_ok = images_within(data, len, lim);
    pd->doc = poppler_document_new_from_bytes(pd->bytes, NULL, &gerr);
    if (!pd->doc) {
        folio_error_set(err, FOLIO_EINPUT, "%s: corrupt or unreadable PDF (%s)", path,
                        gerr ? gerr->message : "no reason given");
        goto fail;
    }
    pd->pages = poppler_document_get_n_pages(pd->doc);
    if (pd->pages < 1 || pd->pages > lim->max_pages) {
        folio_error_set(err, FOLIO_EINPUT, "%s: PDF of %d pages (limit 1 to %d)", path, pd->pages,
                        lim->max_pages);
        goto fail;
    }
    return pd;
fail:
    if (gerr)
        g_error_free(gerr);
    if (bytes)
        g_bytes_unref(bytes);
    if (map)
        g_mapped_file_unref(map);
    folio_pdf_destroy(&pd);
    return NULL;
}

folio_pdf *folio_pdf_open_mem(const char *path, const void *data, size_t len,
                              const folio_load_limits *lim, folio_error *err)
{
    if (!path || !data || !lim) {
        folio_error_set(err, FOLIO_EUSAGE, "pdf: bad arguments");
        return NULL;
    }
    if (len > lim->max_bytes) {
        folio_error_set(err, FOLIO_EINPUT, "%s: file of %zu bytes exceeds the limit of %zu", path,
                        len, lim->max_bytes);
        return NULL;
    }
    return open_bytes(path, g_bytes_new_static(data, len), NULL, lim, err);
}

folio_pdf *folio_pdf_open_file(const char *path, const folio_load_limits *lim, folio_error *err)
{
    if (!path || !lim) {
        folio_error_set(err, FOLIO_EUSAGE, "pdf: bad arguments");
        return NULL;
    }
    GError *gerr = NULL;
    GMappedFile *map = g_mapped_file_new(path, FALSE, &gerr);
    if (!map) {
        folio_error_set(err, FOLIO_EINPUT, "%s: cannot open: %s", path,
                        gerr ? gerr->message : "unknown error");
        if (gerr)
            g_error_free(gerr);
        return NULL;
    }
    size_t len = g_mapped_file_get_length(map);
    if (len > lim->max_bytes || len == 0) {
        folio_error_set(err, FOLIO_EINPUT, "%s: file of %zu bytes (limit 1 to %zu)", path, len,
                        lim->max_bytes);
        g_mapped_file_unref(map);
        return NULL;
    }
    GBytes *bytes = g_bytes_new_static(g_mapped_file_get_contents(map), len);
    return open_bytes(path, bytes, map, lim, err);
}

void folio_pdf_destroy(folio_pdf **pd)
{
    if (!pd || !*pd)
        return;
    folio_pdf *d = *pd;
    if (d->doc)
        g_object_unref(d->doc);
    if (d->bytes)
        g_bytes_unref(d->bytes);
    if (d->map)
        g_mapped_file_unref(d->map);
    free(d->path);
    free(d);
    *pd = NULL;
}

int folio_pdf_pages(const folio_pdf *pd)
{
    return pd ? pd->pages : 0;
}

const char *folio_pdf_path(const folio_pdf *pd)
{
    return pd ? pd->path : "";
}

/* The largest image on the page: its area in square points and its id. */
static int largest_image(PopplerPage *page, double *parea)
{
    *parea = 0;
    int id = -1;
    GList *maps = poppler_page_get_image_mapping(page);
    for (GList *l = maps; l; l = l->next) {
        const PopplerImageMapping *m = l->data;
        double a = fabs((m->area.x2 - m->area.x1) * (m->area.y2 - m->area.y1));
        if (a > *parea) {
            *parea = a;
            id = m->image_id;
        }
    }
    poppler_page_free_image_mapping(maps);
    return id;
}

/* The scan's resolution when one image covers most of the page, else 0. */
static int scan_dpi(const folio_pdf *pd, PopplerPage *page, double pw, double ph)
{
    double area = 0;
    int id = largest_image(page, &area);
    if (id < 0 || !pd->images_ok || area < 0.5 * pw * ph)
        return 0;
    cairo_surface_t *img = poppler_page_get_image(page, id);
    if (!img)
        return 0;
    double px = (double)cairo_image_surface_get_width(img) * cairo_image_surface_get_height(img);
    cairo_surface_destroy(img);
    /* Rotation-invariant: pixels per square point, as a linear resolution. */
    return px > 0 ? (int)lround(sqrt(px / area) * 72.0) : 0;
}

/* Lower dpi until the rendered page fits the limits. \return 0 if it never does. */
static int fit_dpi(int dpi, double pw, double ph, const folio_load_limits *lim)
{
    for (; dpi >= 50; dpi = dpi * 9 / 10) {
        double w = ceil(pw * dpi / 72.0), h = ceil(ph * dpi / 72.0);
        if (w <= lim->max_side && h <= lim->max_side && w * h <= (double)lim->max_pixels &&
            w <= 32767 && h <= 32767)
            return dpi;
    }
    return 0;
}

/* cairo's xRGB to Leptonica 8-bit gray. \return NULL when out of memory. */
static PIX *surface_to_gray(cairo_surface_t *s, int dpi)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    PIX *pix = pixCreate(w, h, 8);
    if (!pix || !data) {
        pixDestroy(&pix);
        return NULL;
    }
    l_uint32 *pd = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
        l_uint32 *line = pd + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            uint32_t v = row[x];
            unsigned r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
            SET_DATA_BYTE(line, x, (r * 299 + g * 587 + b * 114 + 500) / 1000);
        }
    }
    pixSetResolution(pix, dpi, dpi);
    return pix;
}

static PIX *render_page(PopplerPage *page, double pw, double ph, int dpi)
{
    int w = (int)ceil(pw * dpi / 72.0), h = (int)ceil(ph * dpi / 72.0);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    PIX *pix = NULL;
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        goto done;
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    poppler_page_render(page, cr);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_flush(s);
    if (ok)
        pix = surface_to_gray(s, dpi);
done:
    cairo_surface_destroy(s);
    return pix;
}

int folio_pdf_render(folio_pdf *pd, int page, int dpi, PIX **ppix, folio_error *err)
{
    if (ppix)
        *ppix = NULL;
    if (!pd || !ppix || dpi < 0)
        return folio_error_set(err, FOLIO_EUSAGE, "pdf: bad arguments");
    if (page < 0 || page >= pd->pages)
        return folio_error_set(err, FOLIO_EINPUT, "%s: has %d page(s); page %d requested", pd->path,
                               pd->pages, page + 1);
    int rc = 0;
    PopplerPage *pg = poppler_document_get_page(pd->doc, page);
    double pw = 0, ph = 0;
    if (pg)
        poppler_page_get_size(pg, &pw, &ph);
    if (!pg || pw < 1 || ph < 1) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: page %d is unreadable or has no size",
                             pd->path, page + 1);
        goto done;
    }
    if (dpi == 0)
        dpi = scan_dpi(pd, pg, pw, ph);
    if (dpi == 0)
        dpi = FOLIO_PDF_DEFAULT_DPI;
    int used = fit_dpi(dpi < FOLIO_PDF_MAX_DPI ? dpi : FOLIO_PDF_MAX_DPI, pw, ph, &pd->lim);
    if (!used) {
        rc = folio_error_set(err, FOLIO_EINPUT,
                             "%s: page %d of %.0f x %.0f points exceeds the "
                             "size limit",
                             pd->path, page + 1, pw, ph);
        goto done;
    }
    *ppix = render_page(pg, pw, ph, used);
    if (!*ppix)
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: page %d: out of memory rendering at %d dpi",
                             pd->path, page + 1, used);
done:
    if (pg)
        g_object_unref(pg);
    return rc;
}
