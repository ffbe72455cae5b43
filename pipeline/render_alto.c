/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ALTO v4 (schema 4.2): Description (pixel units, the source image, the
 * software), then Layout / Page / PrintSpace / TextBlock / TextLine /
 * String, with an SP between two Strings wherever the text has a space.
 * A String is a run of the repaired line text (render_runs.c): a Chinese
 * phrase is one String, and no SP stands where nothing was printed.
 * Positions are pixels of the upright page; WC is the confidence in 0..1.
 */
#include "render.h"

#include <string.h>

#define ALTO_NS "http://www.loc.gov/standards/alto/ns-v4#"
#define ALTO_XSD "http://www.loc.gov/standards/alto/v4/alto-4-2.xsd"

typedef struct alto_ctx {
    folio_xml *x;
    const folio_page *pg;
    size_t blocks, lines, strings; /* ids issued so far */
} alto_ctx;

static void alto_pos(folio_xml *x, folio_box b)
{
    folio_xml_attrf(x, "HPOS", "%d", b.x);
    folio_xml_attrf(x, "VPOS", "%d", b.y);
    folio_xml_attrf(x, "WIDTH", "%d", b.w);
    folio_xml_attrf(x, "HEIGHT", "%d", b.h);
}

static void alto_description(alto_ctx *c)
{
    folio_xml *x = c->x;
    folio_xml_start(x, "Description");
    folio_xml_elem(x, "MeasurementUnit", "pixel");
    folio_xml_start(x, "sourceImageInformation");
    folio_xml_elem(x, "fileName", c->pg->source_path);
    if (c->pg->sha256[0]) {
        folio_xml_start(x, "fileIdentifier");
        folio_xml_attr(x, "fileIdentifierLocation", "sha256");
        folio_xml_text(x, c->pg->sha256);
        folio_xml_end(x);
    }
    folio_xml_end(x);
    folio_xml_start(x, "Processing");
    folio_xml_attr(x, "ID", "folio_ocr");
    folio_xml_elem(x, "processingCategory", "contentGeneration");
    folio_xml_start(x, "processingSoftware");
    folio_xml_elem(x, "softwareName", "Folio");
    folio_xml_elem(x, "softwareVersion", folio_version());
    folio_xml_start(x, "applicationDescription");
    folio_xml_text(x, "Tesseract ");
    folio_xml_text(x, folio_tesseract_version());
    folio_xml_text(x, " with Folio's preprocessing and text repair");
    folio_xml_end(x);
    folio_xml_end(x);
    folio_xml_end(x);
    folio_xml_end(x);
}

static void alto_string(alto_ctx *c, const folio_run *r)
{
    float wc = r->conf / 100.0f;
    folio_xml_start(c->x, "String");
    folio_xml_attrf(c->x, "ID", "string_%zu", ++c->strings);
    alto_pos(c->x, r->box);
    folio_xml_attr(c->x, "CONTENT", r->text);
    folio_xml_attrf(c->x, "WC", "%.2f", wc < 0 ? 0.0 : wc > 1 ? 1.0 : (double)wc);
    folio_xml_end(c->x);
}

/* The white space between two Strings of a line. */
static void alto_space(alto_ctx *c, const folio_run *a, const folio_run *b)
{
    int x0 = a->box.x + a->box.w, w = b->box.x - x0;
    folio_xml_start(c->x, "SP");
    folio_xml_attrf(c->x, "WIDTH", "%d", w > 0 ? w : 0);
    folio_xml_attrf(c->x, "HPOS", "%d", x0);
    folio_xml_attrf(c->x, "VPOS", "%d", a->box.y);
    folio_xml_end(c->x);
}

static int alto_line(alto_ctx *c, const folio_line *ln)
{
    folio_runs runs;
    int rc = folio_line_runs(c->pg, ln, &runs);
    if (rc == 0 && runs.n > 0) {
        folio_xml_start(c->x, "TextLine");
        folio_xml_attrf(c->x, "ID", "line_%zu", ++c->lines);
        alto_pos(c->x, ln->box);
        for (size_t i = 0; i < runs.n; i++) {
            if (i > 0)
                alto_space(c, &runs.items[i - 1], &runs.items[i]);
            alto_string(c, &runs.items[i]);
        }
        folio_xml_end(c->x);
    }
    folio_runs_free(&runs);
    return rc;
}

static int alto_block(alto_ctx *c, const folio_block *b)
{
    size_t first, n = folio_block_lines(c->pg, b, &first);
    folio_xml_start(c->x, "TextBlock");
    folio_xml_attrf(c->x, "ID", "block_%zu", ++c->blocks);
    alto_pos(c->x, b->box);
    folio_xml_attr(c->x, "LANG", folio_text_lang(b->text));
    for (size_t j = 0; j < n; j++)
        if (alto_line(c, &c->pg->lines[first + j]))
            return FOLIO_ENOMEM;
    folio_xml_end(c->x);
    return 0;
}

static int alto_layout(alto_ctx *c)
{
    const folio_page *pg = c->pg;
    folio_box page = {0, 0, pg->width, pg->height};
    folio_xml_start(c->x, "Layout");
    folio_xml_start(c->x, "Page");
    folio_xml_attrf(c->x, "ID", "page_%d", pg->source_page + 1);
    folio_xml_attrf(c->x, "PHYSICAL_IMG_NR", "%d", pg->source_page + 1);
    folio_xml_attrf(c->x, "WIDTH", "%d", pg->width);
    folio_xml_attrf(c->x, "HEIGHT", "%d", pg->height);
    if (pg->conf >= 0 && pg->conf <= 100)
        folio_xml_attrf(c->x, "PC", "%.2f", pg->conf / 100.0);
    folio_xml_start(c->x, "PrintSpace");
    alto_pos(c->x, page);
    folio_block whole;
    const folio_block *blocks;
    size_t nb = folio_render_blocks(pg, &whole, &blocks);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < nb; i++)
        rc = alto_block(c, &blocks[i]);
    folio_xml_end(c->x);
    folio_xml_end(c->x);
    folio_xml_end(c->x);
    return rc;
}

int folio_render_alto(const folio_page *pg, folio_buf *out, folio_error *err)
{
    alto_ctx c = {.pg = pg};
    c.x = folio_xml_begin(NULL, NULL, NULL);
    folio_xml_start(c.x, "alto");
    folio_xml_attr(c.x, "xmlns", ALTO_NS);
    folio_xml_attr(c.x, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    folio_xml_attr(c.x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    folio_xml_attr(c.x, "xsi:schemaLocation", ALTO_NS " " ALTO_XSD);
    folio_xml_attr(c.x, "SCHEMAVERSION", "4.2");
    alto_description(&c);
    int rc = alto_layout(&c);
    folio_xml_end(c.x);
    if (folio_xml_finish(&c.x, out) || rc)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory writing ALTO",
                               pg->source_path ? pg->source_path : "page");
    return 0;
}
