/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hOCR 1.2: the page as XHTML with ocr_page / ocr_carea / ocr_par / ocr_line
 * / ocrx_word elements, each titled with its bbox in page pixels and each
 * word with its x_wconf. A word is a run of the repaired line text
 * (render_runs.c), so a Chinese phrase is one ocrx_word and no element
 * carries a space that was not printed. Folio's blocks are paragraphs, so
 * each ocr_carea holds one ocr_par.
 */
#include "render.h"

#include <stdio.h>
#include <string.h>

typedef struct hocr_ctx {
    folio_xml *x;
    const folio_page *pg;
    int pageno;                  /* 1-based, for element ids */
    size_t blocks, lines, words; /* ids issued so far */
} hocr_ctx;

static void title_bbox(hocr_ctx *c, folio_box b, const char *extra)
{
    folio_xml_attrf(c->x, "title", "bbox %d %d %d %d%s", b.x, b.y, b.x + b.w, b.y + b.h,
                    extra ? extra : "");
}

static void hocr_head(hocr_ctx *c)
{
    folio_xml_start(c->x, "head");
    folio_xml_elem(c->x, "title", c->pg->source_path ? c->pg->source_path : "folio");
    folio_xml_start(c->x, "meta");
    folio_xml_attr(c->x, "http-equiv", "Content-Type");
    folio_xml_attr(c->x, "content", "text/html;charset=utf-8");
    folio_xml_end(c->x);
    folio_xml_start(c->x, "meta");
    folio_xml_attr(c->x, "name", "ocr-system");
    folio_xml_attrf(c->x, "content", "folio %s (tesseract %s)", folio_version(),
                    folio_tesseract_version());
    folio_xml_end(c->x);
    folio_xml_start(c->x, "meta");
    folio_xml_attr(c->x, "name", "ocr-capabilities");
    folio_xml_attr(c->x, "content", "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf");
    folio_xml_end(c->x);
    folio_xml_end(c->x);
}

static void hocr_word(hocr_ctx *c, const folio_run *r)
{
    char extra[32];
    int conf = (int)(r->conf + 0.5f);
    snprintf(extra, sizeof(extra), "; x_wconf %d", conf < 0 ? 0 : conf > 100 ? 100 : conf);
    folio_xml_start(c->x, "span");
    folio_xml_attr(c->x, "class", "ocrx_word");
    folio_xml_attrf(c->x, "id", "word_%d_%zu", c->pageno, ++c->words);
    title_bbox(c, r->box, extra);
    folio_xml_text(c->x, r->text);
    folio_xml_end(c->x);
}

static int hocr_line(hocr_ctx *c, const folio_line *ln)
{
    folio_runs runs;
    int rc = folio_line_runs(c->pg, ln, &runs);
    if (rc == 0 && runs.n > 0) {
        folio_xml_start(c->x, "span");
        folio_xml_attr(c->x, "class", "ocr_line");
        folio_xml_attrf(c->x, "id", "line_%d_%zu", c->pageno, ++c->lines);
        title_bbox(c, ln->box, NULL);
        for (size_t i = 0; i < runs.n; i++)
            hocr_word(c, &runs.items[i]);
        folio_xml_end(c->x);
    }
    folio_runs_free(&runs);
    return rc;
}

static int hocr_block(hocr_ctx *c, const folio_block *b)
{
    size_t first, n = folio_block_lines(c->pg, b, &first);
    size_t id = ++c->blocks;
    folio_xml_start(c->x, "div");
    folio_xml_attr(c->x, "class", "ocr_carea");
    folio_xml_attrf(c->x, "id", "block_%d_%zu", c->pageno, id);
    title_bbox(c, b->box, NULL);
    folio_xml_start(c->x, "p");
    folio_xml_attr(c->x, "class", "ocr_par");
    folio_xml_attrf(c->x, "id", "par_%d_%zu", c->pageno, id);
    folio_xml_attr(c->x, "lang", folio_text_lang(b->text));
    title_bbox(c, b->box, NULL);
    for (size_t j = 0; j < n; j++)
        if (hocr_line(c, &c->pg->lines[first + j]))
            return FOLIO_ENOMEM;
    folio_xml_end(c->x);
    folio_xml_end(c->x);
    return 0;
}

/* The page element's title: image (when its name can be quoted), bbox, page number, dpi. */
static void page_title(hocr_ctx *c)
{
    const folio_page *pg = c->pg;
    folio_buf t = FOLIO_BUF_INIT;
    const char *src = pg->source_path;
    if (src && !strpbrk(src, "\";\\"))
        folio_buf_printf(&t, "image \"%s\"; ", src);
    folio_buf_printf(&t, "bbox 0 0 %d %d; ppageno %d", pg->width, pg->height, pg->source_page);
    if (pg->dpi > 0)
        folio_buf_printf(&t, "; scan_res %d %d", pg->dpi, pg->dpi);
    folio_xml_attr(c->x, "title", t.data ? t.data : "");
    folio_buf_free(&t);
}

int folio_render_hocr(const folio_page *pg, folio_buf *out, folio_error *err)
{
    hocr_ctx c = {.pg = pg, .pageno = pg->source_page + 1};
    c.x = folio_xml_begin("html", "-//W3C//DTD XHTML 1.0 Transitional//EN",
                          "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd");
    const char *lang = folio_text_lang(pg->text) ? folio_text_lang(pg->text) : "zh";
    folio_xml_start(c.x, "html");
    folio_xml_attr(c.x, "xmlns", "http://www.w3.org/1999/xhtml");
    folio_xml_attr(c.x, "xml:lang", lang);
    folio_xml_attr(c.x, "lang", lang);
    hocr_head(&c);
    folio_xml_start(c.x, "body");
    folio_xml_start(c.x, "div");
    folio_xml_attr(c.x, "class", "ocr_page");
    folio_xml_attrf(c.x, "id", "page_%d", c.pageno);
    page_title(&c);
    folio_block whole;
    const folio_block *blocks;
    size_t nb = folio_render_blocks(pg, &whole, &blocks);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < nb; i++)
        rc = hocr_block(&c, &blocks[i]);
    folio_xml_end(c.x);
    folio_xml_end(c.x);
    folio_xml_end(c.x);
    if (folio_xml_finish(&c.x, out) || rc)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory writing hOCR",
                               pg->source_path ? pg->source_path : "page");
    return 0;
}
