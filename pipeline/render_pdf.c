/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A searchable PDF: the page image with an invisible text layer, written by
 * a small PDF writer of our own (no PDF library in the chain).
 *
 * The picture is pg->image, the image Tesseract read (upright, deskewed,
 * cropped), embedded losslessly with Flate when it is 1-bit or gray, as
 * JPEG (DCT) when it is colour. The PDF page is that image at its
 * resolution. The text is Folio's repaired text, cut into the same word runs
 * as hOCR and ALTO (render_runs.c): one positioned string per run, drawn in
 * render mode 3 (invisible) with Tesseract's glyphless font (pdf.ttf from the
 * tessdata directory, embedded as a CIDFontType2 under a Type0 font, every
 * CID drawing its one empty glyph). Each distinct character gets its own CID
 * and the ToUnicode CMap maps it back, so extraction and search yield the
 * text as printed: Chinese without spaces, one space between Latin words (a
 * real space glyph closes every run but the last of a line). Horizontal
 * scaling (Tz) stretches each run over its box up to the next run, so a
 * viewer's selection covers the printed words; a wide gap inside a line is
 * mostly given to the run before it, so pdftotext keeps the line whole.
 * The lines down one column share one font size, 1.2 times their median ink
 * height (Chinese print sets lines about 1.5 ink heights apart, and
 * extractors start a new block past 1.5 font sizes), a line close to the
 * next column is drawn short of it, and a line whose box is much taller
 * than its neighbours' is drawn between them (render_pdf_place.c): so an
 * extractor sees each column as one block and reads it in order.
 * Same page in, same bytes out: no dates, the file ID from the input's hash.
 */
#include "render.h"

#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define PDF_MAX_OBJ 16
#define FONT_MAX_BYTES (1 << 20)
#define GLYPH_W 0.5    /* advance of the glyphless font's glyph, in text space units (DW 500) */
#define MAX_GAP 0.5    /* widest space between two runs of a line, in font sizes */
#define EM_PER_INK 1.2 /* font size per pixel of a line's ink height */

enum {
    OBJ_CATALOG = 1,
    OBJ_PAGES,
    OBJ_PAGE,
    OBJ_CONTENT,
    OBJ_IMAGE,
    OBJ_TYPE0,
    OBJ_CIDFONT,
    OBJ_DESCRIPTOR,
    OBJ_FONTFILE,
    OBJ_CIDTOGID,
    OBJ_TOUNICODE,
    OBJ_INFO,
    OBJ_COUNT
};

typedef struct pdf_writer {
    folio_buf *out;
    size_t base;                /* out->len where the document starts */
    size_t offset[PDF_MAX_OBJ]; /* of each object; 0: not written */
} pdf_writer;

/* Page pixels to PDF points: through the image's scale and crop offset. */
typedef struct pdf_geom {
    double w, h;      /* page size in points */
    double k;         /* points per image pixel */
    double scale;     /* image pixels per page pixel */
    int off_x, off_y; /* page pixel at the image's origin */
    int iw, ih;       /* image pixels */
} pdf_geom;

/* The distinct code points of the text layer, sorted; CID = index + 1. */
typedef struct cid_map {
    uint32_t *cp;
    size_t n;
} cid_map;

/* ---- low-level writing ------------------------------------------------- */

static void obj_begin(pdf_writer *w, int num)
{
    w->offset[num] = w->out->len - w->base;
    folio_buf_printf(w->out, "%d 0 obj\n", num);
}

static void obj_end(pdf_writer *w)
{
    folio_buf_puts(w->out, "endobj\n");
}

/* Deflate data. \return a malloc'd buffer (caller frees) or NULL when out of memory. */
static unsigned char *flate(const void *data, size_t len, size_t *out_len)
{
    uLongf n = compressBound((uLong)len);
    unsigned char *z = malloc(n ? n : 1);
    if (z && compress2(z, &n, data, (uLong)len, Z_BEST_COMPRESSION) != Z_OK) {
        free(z);
        z = NULL;
    }
    *out_len = z ? (size_t)n : 0;
    return z;
}

/* A stream object; dict holds the entries besides /Length and /Filter. deflate: compress. */
static int put_stream(pdf_writer *w, int num, const char *dict, const void *data, size_t len,
                      bool deflate)
{
    size_t zlen = len;
    unsigned char *z = deflate ? flate(data, len, &zlen) : NULL;
    if (deflate && !z)
        return FOLIO_ENOMEM;
    obj_begin(w, num);
    folio_buf_printf(w->out, "<< /Length %zu%s %s >>\nstream\n", zlen,
                     deflate ? " /Filter /FlateDecode" : "", dict ? dict : "");
    folio_buf_append(w->out, z ? (const char *)z : data, zlen);
    folio_buf_puts(w->out, "\nendstream\n");
    obj_end(w);
    free(z);
    return 0;
}

/* A PDF text string: UTF-16BE with a byte order mark, in hex. */
static void put_text_string(folio_buf *b, const char *s)
{
    size_t len = strlen(s);
    uint32_t cp;
    folio_buf_puts(b, "<FEFF");
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (cp >= 0x10000)
            folio_buf_printf(b, "%04X%04X", 0xD800 + ((cp - 0x10000) >> 10),
                             0xDC00 + ((cp - 0x10000) & 0x3FF));
        else
            folio_buf_printf(b, "%04X", cp);
    }
    folio_buf_putc(b, '>');
}

/* ---- geometry ---------------------------------------------------------- */

/* Resolution of pg->image: what Tesseract was told, else the page's scaled. */
static double image_dpi(const folio_page *pg, double scale)
{
    if (pg->pre.dpi_used > 0)
        return pg->pre.dpi_used;
    return pg->dpi > 0 ? pg->dpi * scale : 300.0;
}

static void page_geometry(const folio_page *pg, pdf_geom *g)
{
    memset(g, 0, sizeof(*g));
    g->scale = 1;
    if (pg->image) {
        g->scale = pg->image_scale > 0 ? pg->image_scale : 1;
        g->off_x = pg->image_off_x;
        g->off_y = pg->image_off_y;
        g->iw = pixGetWidth(pg->image);
        g->ih = pixGetHeight(pg->image);
    } else {
        g->iw = pg->width;
        g->ih = pg->height;
        for (size_t i = 0; i < pg->n_lines; i++) { /* a page without size: fit its lines */
            const folio_box *b = &pg->lines[i].box;
            g->iw = b->x + b->w > g->iw ? b->x + b->w : g->iw;
            g->ih = b->y + b->h > g->ih ? b->y + b->h : g->ih;
        }
    }
    if (g->iw <= 0 || g->ih <= 0) {
        g->iw = 2550; /* nothing to size the page by: US Letter at 300 dpi */
        g->ih = 3300;
    }
    g->k = 72.0 / image_dpi(pg, g->scale);
    g->w = g->iw * g->k;
    g->h = g->ih * g->k;
}

static double pt_x(const pdf_geom *g, double x)
{
    return (x - g->off_x) * g->scale * g->k;
}

static double pt_y(const pdf_geom *g, double y)
{
    return g->h - (y - g->off_y) * g->scale * g->k;
}

/* ---- characters and CIDs ----------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cid_push(cid_map *m, size_t *cap, uint32_t cp)
{
    if (m->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 256;
        uint32_t *p = realloc(m->cp, ncap * sizeof(*p));
        if (!p)
            return FOLIO_ENOMEM;
        m->cp = p;
        *cap = ncap;
    }
    m->cp[m->n++] = cp;
    return 0;
}

/* Every code point of the page's line texts, plus the space, sorted and unique. */
static int cid_build(const folio_page *pg, cid_map *m)
{
    size_t cap = 0;
    int rc = cid_push(m, &cap, ' ');
    for (size_t i = 0; rc == 0 && i < pg->n_lines; i++) {
        const char *s = pg->lines[i].text ? pg->lines[i].text : "";
        size_t len = strlen(s);
        uint32_t cp;
        for (size_t j = 0; rc == 0 && j < len;) {
            j += folio_utf8_decode(s + j, len - j, &cp);
            rc = cid_push(m, &cap, cp);
        }
    }
    if (rc)
        return rc;
    qsort(m->cp, m->n, sizeof(*m->cp), cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < m->n; i++)
        if (k == 0 || m->cp[i] != m->cp[k - 1])
            m->cp[k++] = m->cp[i];
    m->n = k;
    return m->n < 0xFFFF ? 0 : FOLIO_EINPUT;
}

static unsigned cid_of(const cid_map *m, uint32_t cp)
{
    const uint32_t *hit = bsearch(&cp, m->cp, m->n, sizeof(*m->cp), cmp_u32);
    return hit ? (unsigned)(hit - m->cp) + 1 : 0;
}

/* ---- the content stream ------------------------------------------------ */

static void put_cids(folio_buf *c, const cid_map *m, const char *s)
{
    size_t len = strlen(s);
    uint32_t cp;
    folio_buf_putc(c, '<');
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        folio_buf_printf(c, "%04X", cid_of(m, cp));
    }
    folio_buf_puts(c, "> Tj\n");
}

/* Horizontal scaling (percent) that makes n glyphs of this size span width points. */
static double scaling(double width, size_t n, double size)
{
    double natural = (double)n * size * GLYPH_W;
    return width > 0 && natural > 0 ? 100.0 * width / natural : 100.0;
}

/*
 * Draw one run; next: the following run of the line or NULL. The run and
 * the space after it fill the way to the next run, so a selection has no
 * holes; the space is at most MAX_GAP font sizes wide, the run taking the
 * rest, because text extractors read a wider gap as a column gutter and
 * would tear the line apart (a running header's title and issue number).
 */
static void put_run(folio_buf *c, const pdf_geom *g, const cid_map *m, const folio_run *r,
                    const folio_run *next, double size, double base)
{
    size_t n = folio_utf8_len(r->text);
    double x0 = pt_x(g, r->box.x);
    double x1 = pt_x(g, next ? next->box.x : r->box.x + r->box.w);
    double span = x1 - x0, gap = MAX_GAP * size;
    folio_buf_printf(c, "1 0 0 1 %.2f %.2f Tm\n", x0, base);
    if (!next || span / (double)(n + 1) <= gap) {
        folio_buf_printf(c, "%.2f Tz\n", scaling(span, n + (next ? 1 : 0), size));
        put_cids(c, m, r->text);
        if (next)
            put_cids(c, m, " ");
        return;
    }
    folio_buf_printf(c, "%.2f Tz\n", scaling(span - gap, n, size));
    put_cids(c, m, r->text);
    folio_buf_printf(c, "%.2f Tz\n", scaling(gap, 1, size));
    put_cids(c, m, " ");
}

/* Move the runs of a line spanning x0..x1 so that it ends at right instead. */
static void squeeze(folio_runs *runs, int x0, int x1, int right)
{
    if (right >= x1 || right <= x0)
        return;
    double f = (double)(right - x0) / (double)(x1 - x0);
    for (size_t i = 0; i < runs->n; i++) {
        folio_box *b = &runs->items[i].box;
        int a = x0 + (int)((b->x - x0) * f), e = x0 + (int)((b->x + b->w - x0) * f);
        b->x = a;
        b->w = e > a ? e - a : 1;
    }
}

/* One text object per line, its font size from the placed ink height. */
static int put_line(folio_buf *c, const folio_page *pg, const pdf_geom *g, const cid_map *m,
                    const folio_line *ln, const folio_pdf_place *at)
{
    folio_runs runs;
    int rc = folio_line_runs(pg, ln, &runs);
    if (rc == 0 && runs.n > 0) {
        squeeze(&runs, ln->box.x, ln->box.x + ln->box.w, at->right);
        double size = EM_PER_INK * at->height * g->scale * g->k;
        if (size < 1)
            size = 1;
        double base = pt_y(g, at->bottom);
        folio_buf_printf(c, "BT\n3 Tr\n/F1 %.2f Tf\n", size);
        for (size_t i = 0; i < runs.n; i++)
            put_run(c, g, m, &runs.items[i], i + 1 < runs.n ? &runs.items[i + 1] : NULL, size,
                    base);
        folio_buf_puts(c, "ET\n");
    }
    folio_runs_free(&runs);
    return rc;
}

static int build_content(const folio_page *pg, const pdf_geom *g, const cid_map *m, folio_buf *c)
{
    if (pg->image)
        folio_buf_printf(c, "q\n%.4f 0 0 %.4f 0 0 cm\n/Im1 Do\nQ\n", g->w, g->h);
    folio_block whole;
    const folio_block *blocks;
    size_t nb = folio_render_blocks(pg, &whole, &blocks);
    folio_pdf_place *at = calloc(pg->n_lines ? pg->n_lines : 1, sizeof(*at));
    if (!at || folio_pdf_place_lines(pg, blocks, nb, at)) {
        free(at);
        return FOLIO_ENOMEM;
    }
    int rc = 0;
    for (size_t i = 0; i < nb && rc == 0; i++) {
        size_t first, n = folio_block_lines(pg, &blocks[i], &first);
        for (size_t j = 0; j < n && rc == 0; j++)
            if (at[first + j].drawn)
                rc = put_line(c, pg, g, m, &pg->lines[first + j], &at[first + j]);
    }
    free(at);
    if (rc)
        return FOLIO_ENOMEM;
    return c->oom ? FOLIO_ENOMEM : 0;
}

/* ---- the image --------------------------------------------------------- */

/* pix as 1-bit, 8-bit gray or 32-bit RGB, colormap removed. \return a new PIX or NULL. */
static PIX *image_normalized(PIX *pix)
{
    PIX *p = pixGetColormap(pix) ? pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC) : pixClone(pix);
    if (!p)
        return NULL;
    int d = pixGetDepth(p);
    if (d == 1 || d == 8 || d == 32)
        return p;
    PIX *q = pixConvertTo8(p, 0);
    pixDestroy(&p);
    return q;
}

/* 1-bit and gray: Flate of the raw rows (lossless); colour: JPEG. */
static int put_image(pdf_writer *w, PIX *pix)
{
    PIX *p = image_normalized(pix);
    l_uint8 *data = NULL;
    size_t len = 0;
    int rc = FOLIO_ENOMEM, d = p ? pixGetDepth(p) : 0;
    char dict[256];
    if (!p)
        goto done;
    snprintf(dict, sizeof(dict),
             "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
             "/BitsPerComponent %d%s%s",
             pixGetWidth(p), pixGetHeight(p), d == 32 ? "DeviceRGB" : "DeviceGray", d == 1 ? 1 : 8,
             d == 1 ? " /Decode [1 0]" : "", d == 32 ? " /Filter /DCTDecode" : "");
    if (d == 32) {
        if (pixWriteMemJpeg(&data, &len, p, 90, 0) != 0)
            goto done;
        rc = put_stream(w, OBJ_IMAGE, dict, data, len, false);
    } else {
        if (pixGetRasterData(p, &data, &len) != 0)
            goto done;
        rc = put_stream(w, OBJ_IMAGE, dict, data, len, true);
    }
done:
    if (data)
        lept_free(data);
    pixDestroy(&p);
    return rc;
}

/* ---- the glyphless font ------------------------------------------------ */

/* Tesseract's glyphless font: the engine's tessdata directory first, then
   $TESSDATA_PREFIX, then the usual tessdata directories. */
static unsigned char *read_font(const char *tessdata, size_t *len, char *where, size_t where_size)
{
    static const char *const dirs[] = {"/usr/share/tesseract-ocr/5/tessdata",
                                       "/usr/share/tesseract-ocr/4.00/tessdata",
                                       "/usr/share/tessdata", "/usr/local/share/tessdata"};
    const char *env = getenv("TESSDATA_PREFIX");
    char path[4096];
    for (int i = -3; i < (int)(sizeof(dirs) / sizeof(dirs[0])); i++) {
        if ((i == -3 && (!tessdata || !*tessdata)) || (i > -3 && i < 0 && (!env || !*env)))
            continue;
        if (i == -3)
            snprintf(path, sizeof(path), "%s/pdf.ttf", tessdata);
        else if (i < 0)
            snprintf(path, sizeof(path), "%s%s/pdf.ttf", env, i == -2 ? "" : "/tessdata");
        else
            snprintf(path, sizeof(path), "%s/pdf.ttf", dirs[i]);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        unsigned char *data = malloc(FONT_MAX_BYTES);
        size_t n = data ? fread(data, 1, FONT_MAX_BYTES, f) : 0;
        fclose(f);
        snprintf(where, where_size, "%s", path);
        if (data && n > 0 && n < FONT_MAX_BYTES) {
            *len = n;
            return data;
        }
        free(data);
    }
    *len = 0;
    return NULL;
}

static int put_fonts(pdf_writer *w, const unsigned char *ttf, size_t ttf_len, size_t n_cids)
{
    obj_begin(w, OBJ_TYPE0);
    folio_buf_printf(w->out,
                     "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont "
                     "/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\n",
                     OBJ_CIDFONT, OBJ_TOUNICODE);
    obj_end(w);
    obj_begin(w, OBJ_CIDFONT);
    folio_buf_printf(w->out,
                     "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                     "/FontDescriptor %d 0 R /CIDToGIDMap %d 0 R /DW %d >>\n",
                     OBJ_DESCRIPTOR, OBJ_CIDTOGID, (int)(GLYPH_W * 1000));
    obj_end(w);
    obj_begin(w, OBJ_DESCRIPTOR);
    folio_buf_printf(w->out,
                     "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 "
                     "/FontBBox [0 0 %d 1000] /ItalicAngle 0 /Ascent 1000 /Descent -1 "
                     "/CapHeight 1000 /StemV 80 /FontFile2 %d 0 R >>\n",
                     (int)(GLYPH_W * 1000), OBJ_FONTFILE);
    obj_end(w);
    char dict[64];
    snprintf(dict, sizeof(dict), "/Length1 %zu", ttf_len);
    int rc = put_stream(w, OBJ_FONTFILE, dict, ttf, ttf_len, true);
    /* CID 0 is .notdef; every other CID draws the font's one glyph, GID 1. */
    unsigned char *map = calloc(n_cids + 1, 2);
    if (!map)
        return FOLIO_ENOMEM;
    for (size_t i = 1; i <= n_cids; i++)
        map[2 * i + 1] = 1;
    if (rc == 0)
        rc = put_stream(w, OBJ_CIDTOGID, NULL, map, 2 * (n_cids + 1), true);
    free(map);
    return rc;
}

/* The CMap from each CID back to its character (UTF-16BE), 100 entries a block. */
static int put_tounicode(pdf_writer *w, const cid_map *m)
{
    folio_buf c = FOLIO_BUF_INIT;
    folio_buf_puts(&c, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (size_t i = 0; i < m->n; i += 100) {
        size_t n = m->n - i < 100 ? m->n - i : 100;
        folio_buf_printf(&c, "%zu beginbfchar\n", n);
        for (size_t j = i; j < i + n; j++) {
            uint32_t cp = m->cp[j];
            folio_buf_printf(&c, "<%04zX> <", j + 1);
            if (cp >= 0x10000)
                folio_buf_printf(&c, "%04X%04X", 0xD800 + ((cp - 0x10000) >> 10),
                                 0xDC00 + ((cp - 0x10000) & 0x3FF));
            else
                folio_buf_printf(&c, "%04X", cp);
            folio_buf_puts(&c, ">\n");
        }
        folio_buf_puts(&c, "endbfchar\n");
    }
    folio_buf_puts(&c, "endcmap\nCMapName currentdict /CMapResource defineresource pop\n"
                       "end\nend\n");
    int rc = c.oom ? FOLIO_ENOMEM : put_stream(w, OBJ_TOUNICODE, NULL, c.data, c.len, true);
    folio_buf_free(&c);
    return rc;
}

/* ---- the document ------------------------------------------------------ */

static void put_structure(pdf_writer *w, const pdf_geom *g, bool image)
{
    obj_begin(w, OBJ_CATALOG);
    folio_buf_printf(w->out, "<< /Type /Catalog /Pages %d 0 R >>\n", OBJ_PAGES);
    obj_end(w);
    obj_begin(w, OBJ_PAGES);
    folio_buf_printf(w->out, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>\n", OBJ_PAGE);
    obj_end(w);
    obj_begin(w, OBJ_PAGE);
    folio_buf_printf(w->out,
                     "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                     "/Contents %d 0 R /Resources << /Font << /F1 %d 0 R >>",
                     OBJ_PAGES, g->w, g->h, OBJ_CONTENT, OBJ_TYPE0);
    if (image)
        folio_buf_printf(w->out, " /XObject << /Im1 %d 0 R >>", OBJ_IMAGE);
    folio_buf_puts(w->out, " >> >>\n");
    obj_end(w);
}

static void put_info(pdf_writer *w, const folio_page *pg)
{
    const char *title = pg->fields.title_zh ? pg->fields.title_zh : pg->fields.title_en;
    obj_begin(w, OBJ_INFO);
    folio_buf_printf(w->out, "<< /Producer (Folio %s)", folio_version());
    if (title) {
        folio_buf_puts(w->out, " /Title ");
        put_text_string(w->out, title);
    }
    folio_buf_puts(w->out, " >>\n");
    obj_end(w);
}

static void put_xref(pdf_writer *w, const folio_page *pg)
{
    size_t xref = w->out->len - w->base;
    folio_buf_printf(w->out, "xref\n0 %d\n", OBJ_COUNT);
    /* Unwritten objects (the image of a page without one) form the free list. */
    for (int i = 0; i < OBJ_COUNT; i++) {
        if (i > 0 && w->offset[i]) {
            folio_buf_printf(w->out, "%010zu 00000 n \n", w->offset[i]);
            continue;
        }
        int next = i + 1;
        while (next < OBJ_COUNT && w->offset[next])
            next++;
        folio_buf_printf(w->out, "%010d %05d f \n", next < OBJ_COUNT ? next : 0,
                         i == 0 ? 65535 : 1);
    }
    folio_buf_printf(w->out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R", OBJ_COUNT,
                     OBJ_CATALOG, OBJ_INFO);
    if (strlen(pg->sha256) >= 32) /* the same input gives the same document */
        folio_buf_printf(w->out, " /ID [<%.32s> <%.32s>]", pg->sha256, pg->sha256);
    folio_buf_printf(w->out, " >>\nstartxref\n%zu\n%%%%EOF\n", xref);
}

static int put_document(pdf_writer *w, const folio_page *pg, const unsigned char *ttf,
                        size_t ttf_len)
{
    pdf_geom g;
    cid_map m = {NULL, 0};
    folio_buf content = FOLIO_BUF_INIT;
    page_geometry(pg, &g);
    int rc = cid_build(pg, &m);
    if (rc == 0)
        rc = build_content(pg, &g, &m, &content);
    if (rc)
        goto done;
    folio_buf_puts(w->out, "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n");
    put_structure(w, &g, pg->image != NULL);
    rc = put_stream(w, OBJ_CONTENT, NULL, content.data ? content.data : "", content.len, true);
    if (rc == 0 && pg->image)
        rc = put_image(w, pg->image);
    if (rc == 0)
        rc = put_fonts(w, ttf, ttf_len, m.n);
    if (rc == 0)
        rc = put_tounicode(w, &m);
    if (rc == 0) {
        put_info(w, pg);
        put_xref(w, pg);
    }
done:
    free(m.cp);
    folio_buf_free(&content);
    return rc;
}

int folio_render_pdf(const folio_page *pg, folio_buf *out, folio_error *err)
{
    const char *name = pg->source_path ? pg->source_path : "page";
    char where[4096] = "";
    size_t ttf_len = 0;
    unsigned char *ttf = read_font(pg->tessdata, &ttf_len, where, sizeof(where));
    if (!ttf)
        return folio_error_set(
            err, FOLIO_EENGINE, "%s: cannot make the PDF: Tesseract's glyphless font pdf.ttf %s%s",
            name, where[0] ? "is unreadable: " : "is not in the tessdata directory", where);
    pdf_writer w = {.out = out, .base = out->len};
    int rc = put_document(&w, pg, ttf, ttf_len);
    free(ttf);
    if (rc == 0 && out->oom)
        rc = FOLIO_ENOMEM;
    if (rc == FOLIO_EINPUT)
        return folio_error_set(err, rc, "%s: too many distinct characters for the PDF text layer",
                               name);
    if (rc)
        return folio_error_set(err, rc, "%s: out of memory writing the PDF", name);
    return 0;
}
