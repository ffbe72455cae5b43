/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for the archive formats (pipeline/render_md.c, render_hocr.c,
 * render_alto.c, render_pdf.c, render_jats.c, render_meta.c and their
 * helpers render_runs.c, render_xml.c): on a synthetic page with known
 * words, boxes and fields, and on a real conversion of samples/seed-head.png.
 * Every XML document is parsed back with libxml2; structure is asserted
 * (word counts, boxes inside the page, Chinese words not single characters)
 * and the text read back equals Folio's text after white space
 * normalization. The PDF is checked with qpdf --check and its text layer
 * read with pdftotext (poppler-utils).
 */
#include "pipeline/page.h"
#include "pipeline/render.h"
#include "pipeline/text.h"
#include "testutil.h"

#include <jansson.h>
#include <leptonica/allheaders.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#define NS_XHTML "http://www.w3.org/1999/xhtml"
#define NS_ALTO "http://www.loc.gov/standards/alto/ns-v4#"

/* ---- text helpers ------------------------------------------------------ */

/* White space as score.py's \s sees it (pdftotext ends pages with a form feed). */
static bool is_ws(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f' || cp == ' ' || cp == 0xA0 ||
           cp == 0x3000;
}

static bool is_latin_or_space(uint32_t cp)
{
    return cp <= 0x24F || (cp >= 0x370 && cp <= 0x3FF) || folio_is_space(cp);
}

/*
 * The reader view of ../shared/tools/score.py: white space between two
 * non-Latin characters that holds a line break vanishes, every other white
 * space run becomes one space, ends trimmed. Caller frees.
 */
static char *norm_reader(const char *s)
{
    folio_buf b = FOLIO_BUF_INIT;
    size_t len = strlen(s);
    uint32_t cp, prev = 0;
    for (size_t i = 0; i < len;) {
        size_t n = folio_utf8_decode(s + i, len - i, &cp);
        if (!is_ws(cp)) {
            folio_buf_append(&b, s + i, n);
            prev = cp;
            i += n;
            continue;
        }
        bool newline = false;
        while (i < len) {
            n = folio_utf8_decode(s + i, len - i, &cp);
            if (!is_ws(cp))
                break;
            newline |= cp == '\n';
            i += n;
        }
        if (i >= len || prev == 0)
            continue;
        folio_utf8_decode(s + i, len - i, &cp);
        if (!(newline && !is_latin_or_space(prev) && !is_latin_or_space(cp)))
            folio_buf_putc(&b, ' ');
    }
    return folio_buf_take(&b);
}

/* Every white space run as one space, ends trimmed. Caller frees. */
static char *norm_ws(const char *s)
{
    folio_buf b = FOLIO_BUF_INIT;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' || *s == '\f') {
            space = b.len > 0;
            continue;
        }
        if (space)
            folio_buf_putc(&b, ' ');
        space = false;
        folio_buf_putc(&b, *s);
    }
    return folio_buf_take(&b);
}

/* Edit distance in bytes (enough to bound a difference). */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    size_t *row = malloc((m + 1) * sizeof(*row));
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            best = up + 1 < best ? up + 1 : best;
            best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[m];
    free(row);
    return d;
}

static bool has_han(const char *s)
{
    size_t len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (folio_is_han(cp))
            return true;
    }
    return false;
}

/* ---- a synthetic page -------------------------------------------------- */

#define PAGE_W 1200
#define PAGE_H 900

/* Append a line at y whose words are words[0..n); sp[i]: a space precedes word i. */
static void add_line(folio_page *pg, const char *text, const char *const *words, size_t n,
                     const bool *sp, int y)
{
    pg->lines = realloc(pg->lines, (pg->n_lines + 1) * sizeof(folio_line));
    folio_line *ln = &pg->lines[pg->n_lines++];
    memset(ln, 0, sizeof(*ln));
    ln->text = folio_strdup(text);
    ln->words = calloc(n, sizeof(folio_word));
    ln->n_words = n;
    int x = 60;
    for (size_t i = 0; i < n; i++) {
        folio_word *w = &ln->words[i];
        size_t len = strlen(words[i]), units = 0;
        uint32_t cp;
        for (size_t k = 0; k < len;)
            k += folio_utf8_decode(words[i] + k, len - k, &cp), units += folio_is_cjk(cp) ? 2 : 1;
        x += i == 0 ? 0 : sp[i] ? 18 : 2;
        w->text = folio_strdup(words[i]);
        w->box = (folio_box){x, y, (int)units * 20, 40};
        w->conf = 80.0f + (float)i;
        w->space_before = sp[i];
        w->script = has_han(words[i]) ? FOLIO_SCRIPT_HAN : FOLIO_SCRIPT_LATIN;
        x += w->box.w;
    }
    ln->box = (folio_box){60, y, x - 60, 40};
    ln->conf = 85;
}

static void add_block(folio_page *pg, size_t first, size_t n, const char *text, const char *label)
{
    pg->blocks = realloc(pg->blocks, (pg->n_blocks + 1) * sizeof(folio_block));
    folio_block *b = &pg->blocks[pg->n_blocks++];
    memset(b, 0, sizeof(*b));
    b->first_line = first;
    b->n_lines = n;
    b->text = folio_strdup(text);
    b->label = label;
    b->conf = 85;
    b->box = pg->lines[first].box;
    for (size_t i = first; i < first + n; i++) {
        folio_box l = pg->lines[i].box;
        int x1 = b->box.x + b->box.w > l.x + l.w ? b->box.x + b->box.w : l.x + l.w;
        int y1 = b->box.y + b->box.h > l.y + l.h ? b->box.y + b->box.h : l.y + l.h;
        b->box.w = x1 - b->box.x;
        b->box.h = y1 - b->box.y;
    }
}

static void fill_fields(folio_fields *f)
{
    f->journal_zh = folio_strdup("重庆大学学报(社会科学版)");
    f->journal_en = folio_strdup("Journal of Chongqing University (Social Science Edition)");
    f->title_zh = folio_strdup("国家战略腹地建设的内涵特征");
    f->title_en = folio_strdup("The connotation of national strategic hinterland");
    folio_strlist_push(&f->authors_zh, "蒲清平");
    folio_strlist_push(&f->authors_zh, "马睿");
    folio_strlist_push(&f->authors_en, "PU Qingping");
    folio_strlist_push(&f->authors_en, "MA Rui");
    f->affiliation_zh = folio_strdup("重庆大学 马克思主义学院, 重庆 400044");
    f->affiliation_en = folio_strdup("School of Marxism, Chongqing University, Chongqing 400044");
    f->abstract_zh = folio_strdup("面对复杂的国际政治环境<和>全球产业竞争。");
    f->abstract_en = folio_strdup("Facing a complex *international* environment & competition.");
    folio_strlist_push(&f->keywords_zh, "国家战略腹地");
    folio_strlist_push(&f->keywords_zh, "大后方");
    folio_strlist_push(&f->keywords_en, "strategic hinterland");
    f->clc = folio_strdup("D61");
    f->doc_code = folio_strdup("A");
    f->doi = folio_strdup("10.11835/j.issn.1008-5831.zs.2024.04.016");
    f->received = folio_strdup("2022-06-18");
    f->online = folio_strdup("2024-09-13");
    f->funding = folio_strdup("国家社会科学基金项目(23BKS001)");
    f->citation = calloc(1, sizeof(folio_citation));
    folio_citation *c = f->citation;
    c->authors = calloc(2, sizeof(char *));
    c->authors[0] = folio_strdup("蒲清平");
    c->authors[1] = folio_strdup("马睿");
    c->n_authors = 2;
    c->title = folio_strdup("国家战略腹地建设的内涵特征");
    c->type = folio_strdup("J");
    c->journal = folio_strdup("重庆大学学报(社会科学版)");
    c->year = 2024;
    c->volume = folio_strdup("30");
    c->issue = folio_strdup("4");
    c->pages = folio_strdup("37-48");
    c->doi = folio_strdup("10.11835/j.issn.1008-5831.zs.2024.04.016");
}

/*
 * Three blocks, six lines: Chinese read one character a word, mixed script,
 * Latin, a DOI that repair joined, markup characters, and a Chinese word
 * before a number. depth: of the page image (0: none).
 */
static folio_page *synthetic_page(int depth)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("synthetic \"page\" <1>.png");
    snprintf(pg->sha256, sizeof(pg->sha256), "%064d", 7);
    pg->width = PAGE_W;
    pg->height = PAGE_H;
    pg->dpi = 300;
    pg->pre.dpi_used = 300;
    pg->conf = 85;
    const char *w0[] = {"国家", "战", "略", "腹", "地"};
    const bool s0[] = {false, false, false, false, false};
    add_line(pg, "国家战略腹地", w0, 5, s0, 100);
    const char *w1[] = {"采用", "CNN", "模", "型", ":"};
    const bool s1[] = {false, true, true, false, false};
    add_line(pg, "采用CNN模型：", w1, 5, s1, 160);
    const char *w2[] = {"Deep", "learning", "for", "OCR."};
    const bool s2[] = {false, true, true, true};
    add_line(pg, "Deep learning for OCR.", w2, 4, s2, 260);
    const char *w3[] = {"DOI", ":", "10.1234/", "abc"};
    const bool s3[] = {false, false, true, true};
    add_line(pg, "DOI: 10.1234/abc", w3, 4, s3, 320);
    const char *w4[] = {"A<B", "&", "\"C\""};
    const bool s4[] = {false, true, true};
    add_line(pg, "A<B & \"C\"", w4, 3, s4, 420);
    const char *w5[] = {"重", "庆", "400044"};
    const bool s5[] = {false, false, true};
    add_line(pg, "重庆 400044", w5, 3, s5, 480);
    add_block(pg, 0, 2, "国家战略腹地采用CNN模型：", "title_zh");
    add_block(pg, 2, 2, "Deep learning for OCR. DOI: 10.1234/abc", "body");
    add_block(pg, 4, 2, "A<B & \"C\" 重庆 400044", "body");
    pg->text = folio_strdup("国家战略腹地采用CNN模型：\n\nDeep learning for OCR. DOI: "
                            "10.1234/abc\n\nA<B & \"C\" 重庆 400044");
    fill_fields(&pg->fields);
    if (depth) {
        pg->image = pixCreate(PAGE_W, PAGE_H, depth);
        if (depth != 1)
            pixSetAll(pg->image);
        pg->image_scale = 1;
    }
    return pg;
}

/* The page's lines as one text, lines by "\n", blocks by "\n\n" (what the layers hold). */
static char *page_lines_text(const folio_page *pg)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        const folio_block *bl = &pg->blocks[i];
        for (size_t j = 0; j < bl->n_lines; j++) {
            folio_buf_puts(&b, b.len ? (j ? "\n" : "\n\n") : "");
            folio_buf_puts(&b, pg->lines[bl->first_line + j].text);
        }
    }
    return folio_buf_take(&b);
}

/* ---- rendering and parsing --------------------------------------------- */

static char *render(const folio_page *pg, folio_format f, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    folio_error *err = folio_error_create();
    int rc = folio_page_render(pg, f, &out, &n, err);
    ck_assert_msg(rc == 0, "render %s: %s", folio_format_name(f), folio_error_message(err));
    folio_error_destroy(&err);
    if (len)
        *len = n;
    return out;
}

static xmlDocPtr parse_xml(const char *data, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(data, (int)len, "doc.xml", NULL, XML_PARSE_NONET);
    ck_assert_msg(doc != NULL, "well-formed XML");
    return doc;
}

static xmlXPathObjectPtr xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST NS_XHTML);
    xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST NS_ALTO);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    ck_assert_ptr_nonnull(r);
    return r;
}

static int count(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr r = xpath(doc, expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* The string value of the first node expr selects ("" if none); caller frees. */
static char *value(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr r = xpath(doc, expr);
    char *s = NULL;
    if (r->nodesetval && r->nodesetval->nodeNr > 0) {
        xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        s = strdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(r);
    return s ? s : strdup("");
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    ck_assert_msg(v != NULL, "attribute %s present on %s", name, (const char *)n->name);
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* What a layout format held, line by line. */
typedef struct layer_stats {
    folio_buf lines; /* line texts, one a line */
    size_t words, han_words, han_single;
    bool boxes_inside;
    bool space_inside; /* a word's text held white space */
} layer_stats;

static void count_word(layer_stats *st, const char *text)
{
    st->words++;
    st->space_inside |= strpbrk(text, " \t\n") != NULL;
    if (has_han(text)) {
        st->han_words++;
        st->han_single += folio_utf8_len(text) == 1;
    }
}

static void check_box(layer_stats *st, int x0, int y0, int x1, int y1, int w, int h)
{
    if (x0 < 0 || y0 < 0 || x1 > w || y1 > h || x0 > x1 || y0 > y1)
        st->boxes_inside = false;
}

/* hOCR: every ocr_line's ocrx_word texts joined by a space. */
static layer_stats hocr_stats(xmlDocPtr doc, int w, int h)
{
    layer_stats st = {FOLIO_BUF_INIT, 0, 0, 0, true, false};
    xmlXPathObjectPtr lines = xpath(doc, "//h:span[@class='ocr_line']");
    for (int i = 0; lines->nodesetval && i < lines->nodesetval->nodeNr; i++) {
        bool first = true;
        for (xmlNodePtr c = lines->nodesetval->nodeTab[i]->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            char *cls = attr(c, "class"), *title = attr(c, "title");
            xmlChar *t = xmlNodeGetContent(c);
            ck_assert_str_eq(cls, "ocrx_word");
            int x0, y0, x1, y1, conf;
            ck_assert_int_eq(
                sscanf(title, "bbox %d %d %d %d; x_wconf %d", &x0, &y0, &x1, &y1, &conf), 5);
            ck_assert(conf >= 0 && conf <= 100);
            check_box(&st, x0, y0, x1, y1, w, h);
            count_word(&st, (const char *)t);
            folio_buf_puts(&st.lines, first ? "" : " ");
            folio_buf_puts(&st.lines, (const char *)t);
            first = false;
            xmlFree(t);
            free(cls);
            free(title);
        }
        folio_buf_putc(&st.lines, '\n');
    }
    xmlXPathFreeObject(lines);
    return st;
}

/* ALTO: every TextLine's Strings, an SP read as a space. */
static layer_stats alto_stats(xmlDocPtr doc, int w, int h)
{
    layer_stats st = {FOLIO_BUF_INIT, 0, 0, 0, true, false};
    xmlXPathObjectPtr lines = xpath(doc, "//a:TextLine");
    for (int i = 0; lines->nodesetval && i < lines->nodesetval->nodeNr; i++) {
        for (xmlNodePtr c = lines->nodesetval->nodeTab[i]->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)c->name, "SP") == 0) {
                folio_buf_putc(&st.lines, ' ');
                continue;
            }
            ck_assert_str_eq((const char *)c->name, "String");
            char *content = attr(c, "CONTENT"), *wc = attr(c, "WC");
            char *hp = attr(c, "HPOS"), *vp = attr(c, "VPOS"), *ww = attr(c, "WIDTH"),
                 *hh = attr(c, "HEIGHT");
            double conf = atof(wc);
            ck_assert(conf >= 0 && conf <= 1);
            check_box(&st, atoi(hp), atoi(vp), atoi(hp) + atoi(ww), atoi(vp) + atoi(hh), w, h);
            count_word(&st, content);
            folio_buf_puts(&st.lines, content);
            free(content), free(wc), free(hp), free(vp), free(ww), free(hh);
        }
        folio_buf_putc(&st.lines, '\n');
    }
    xmlXPathFreeObject(lines);
    return st;
}

/* The page's non-empty line texts, white space normalized, one a line. */
static char *expected_lines(const folio_page *pg)
{
    folio_buf b = FOLIO_BUF_INIT;
    for (size_t i = 0; i < pg->n_blocks; i++)
        for (size_t j = 0; j < pg->blocks[i].n_lines; j++) {
            char *t = norm_ws(pg->lines[pg->blocks[i].first_line + j].text);
            if (*t) {
                folio_buf_puts(&b, t);
                folio_buf_putc(&b, '\n');
            }
            free(t);
        }
    return folio_buf_take(&b);
}

/* Each line of got (normalized) equals the same line of want. */
static void assert_lines_equal(const char *got, const char *want)
{
    char *g = strdup(got);
    folio_buf n = FOLIO_BUF_INIT;
    for (char *save = NULL, *l = strtok_r(g, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *t = norm_ws(l);
        folio_buf_puts(&n, t);
        folio_buf_putc(&n, '\n');
        free(t);
    }
    ck_assert_str_eq(n.data ? n.data : "", want);
    folio_buf_free(&n);
    free(g);
}

/* ---- PDF helpers ------------------------------------------------------- */

/* Run a shell command; \return its exit status (127: not found). */
static int sh(const char *cmd)
{
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void assert_qpdf_ok(const char *path)
{
    char *cmd = NULL;
    ck_assert_int_ge(asprintf(&cmd, "qpdf --check '%s' >/dev/null 2>&1", path), 0);
    int rc = sh(cmd);
    free(cmd);
    ck_assert_msg(rc != 127, "qpdf not installed (packaging/debian-packages.txt lists it)");
    ck_assert_msg(rc == 0, "qpdf --check %s passes (exit %d)", path, rc);
}

/* pdftotext's reading of path; raw: in content-stream order. Caller frees. */
static char *pdf_text(const char *path, bool raw)
{
    char *cmd = NULL, *out = NULL;
    ck_assert_int_ge(asprintf(&out, "%s.%s.txt", path, raw ? "raw" : "layout"), 0);
    ck_assert_int_ge(asprintf(&cmd, "pdftotext %s-enc UTF-8 '%s' '%s' 2>/dev/null",
                              raw ? "-raw " : "", path, out),
                     0);
    int rc = sh(cmd);
    ck_assert_msg(rc != 127, "pdftotext not installed (poppler-utils)");
    ck_assert_int_eq(rc, 0);
    char *s = slurp(out, NULL);
    ck_assert_ptr_nonnull(s);
    unlink(out);
    free(out);
    free(cmd);
    return s;
}

static char *write_pdf(const folio_page *pg, const char *dir, const char *name)
{
    size_t len = 0;
    char *data = render(pg, FOLIO_FMT_PDF, &len);
    ck_assert_uint_gt(len, 100);
    ck_assert(memcmp(data, "%PDF-", 5) == 0);
    char *path = NULL;
    ck_assert_int_ge(asprintf(&path, "%s/%s", dir, name), 0);
    spit(path, data, len);
    free(data);
    return path;
}

/* The PDF's text layer read back equals the page's lines (reader view). */
static void assert_pdf_text(const char *path, const char *lines, bool raw)
{
    char *got = pdf_text(path, raw), *g = norm_reader(got), *w = norm_reader(lines);
    ck_assert_str_eq(g, w);
    free(got), free(g), free(w);
}

/* ---- synthetic page ---------------------------------------------------- */

START_TEST(hocr_words_are_runs_with_boxes)
{
    folio_page *pg = synthetic_page(0);
    size_t len;
    char *out = render(pg, FOLIO_FMT_HOCR, &len);
    xmlDocPtr doc = parse_xml(out, len);
    ck_assert_int_eq(count(doc, "/h:html/h:body/h:div[@class='ocr_page']"), 1);
    ck_assert_int_eq(count(doc, "//h:div[@class='ocr_carea']/h:p[@class='ocr_par']"), 3);
    ck_assert_int_eq(count(doc, "//h:p[@class='ocr_par']/h:span[@class='ocr_line']"), 6);
    ck_assert_int_eq(count(doc, "//h:meta[@name='ocr-capabilities']"), 1);
    layer_stats st = hocr_stats(doc, PAGE_W, PAGE_H);
    char *want = expected_lines(pg);
    assert_lines_equal(st.lines.data, want);
    ck_assert_uint_eq(st.words, 1 + 1 + 4 + 2 + 3 + 2);
    ck_assert(st.boxes_inside);
    ck_assert(!st.space_inside);
    ck_assert_uint_eq(st.han_single, 0); /* 国家战略腹地 is one word, not five */
    char *w1 = value(doc, "//h:span[@class='ocrx_word'][1]");
    ck_assert_str_eq(w1, "国家战略腹地");
    char *title = value(doc, "//h:span[@class='ocrx_word'][1]/@title");
    ck_assert_str_eq(title, "bbox 60 100 308 140; x_wconf 82"); /* union of the five boxes */
    free(w1), free(title), free(want), folio_buf_free(&st.lines), free(out);
    xmlFreeDoc(doc);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(alto_strings_spaces_and_description)
{
    folio_page *pg = synthetic_page(0);
    size_t len;
    char *out = render(pg, FOLIO_FMT_ALTO, &len);
    xmlDocPtr doc = parse_xml(out, len);
    char *unit = value(doc, "/a:alto/a:Description/a:MeasurementUnit");
    ck_assert_str_eq(unit, "pixel");
    char *file = value(doc, "//a:sourceImageInformation/a:fileName");
    ck_assert_str_eq(file, pg->source_path);
    ck_assert_int_eq(count(doc, "/a:alto/a:Layout/a:Page/a:PrintSpace/a:TextBlock"), 3);
    ck_assert_int_eq(count(doc, "//a:TextBlock/a:TextLine"), 6);
    ck_assert_int_eq(count(doc, "//a:TextLine/a:SP"), 0 + 0 + 3 + 1 + 2 + 1);
    ck_assert_int_eq(count(doc, "//a:TextLine/a:String[last()]/following-sibling::a:SP"), 0);
    layer_stats st = alto_stats(doc, PAGE_W, PAGE_H);
    char *want = expected_lines(pg);
    assert_lines_equal(st.lines.data, want);
    ck_assert_uint_eq(st.words, 13);
    ck_assert(st.boxes_inside);
    ck_assert_uint_eq(st.han_single, 0);
    char *doi = value(doc, "//a:String[@CONTENT='10.1234/abc']/@WIDTH");
    ck_assert_str_eq(doi, "238"); /* "10.1234/" and "abc" joined by repair: both boxes */
    char *lang = value(doc, "//a:TextBlock[1]/@LANG");
    ck_assert_str_eq(lang, "zh");
    free(unit), free(file), free(want), free(doi), free(lang), folio_buf_free(&st.lines);
    free(out);
    xmlFreeDoc(doc);
    folio_page_destroy(&pg);
}
END_TEST

/* Every element of the list must carry xml:lang. */
static void assert_all_have_lang(xmlDocPtr doc, const char *names)
{
    char expr[256];
    for (const char *p = names; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(expr, sizeof(expr), "//%.*s[not(@xml:lang)]", (int)n, p);
        ck_assert_msg(count(doc, expr) == 0, "every %.*s has xml:lang", (int)n, p);
        p += n + strspn(p + n, " ");
    }
}

START_TEST(jats_front_matter)
{
    folio_page *pg = synthetic_page(0);
    size_t len;
    char *out = render(pg, FOLIO_FMT_JATS, &len);
    xmlDocPtr doc = parse_xml(out, len);
    static const char *const checks[][2] = {
        {"/article/@xml:lang", "zh"},
        {"//journal-meta/journal-title-group/journal-title", "重庆大学学报(社会科学版)"},
        {"//journal-title-group/trans-title-group/trans-title",
         "Journal of Chongqing University (Social Science Edition)"},
        {"//article-meta/title-group/article-title[@xml:lang='zh']", "国家战略腹地建设的内涵特征"},
        {"//title-group/trans-title-group[@xml:lang='en']/trans-title",
         "The connotation of national strategic hinterland"},
        {"//article-id[@pub-id-type='doi']", "10.11835/j.issn.1008-5831.zs.2024.04.016"},
        {"//contrib[2]/name-alternatives/string-name[@xml:lang='zh']", "马睿"},
        {"//contrib[1]/name-alternatives/name[@xml:lang='en']/surname", "PU"},
        {"//contrib[1]/name-alternatives/name/given-names", "Qingping"},
        {"//aff-alternatives/aff[@xml:lang='en']",
         "School of Marxism, Chongqing University, Chongqing 400044"},
        {"//pub-date[@publication-format='print']/year", "2024"},
        {"//pub-date[@publication-format='electronic']/@iso-8601-date", "2024-09-13"},
        {"//article-meta/volume", "30"},
        {"//article-meta/issue", "4"},
        {"//article-meta/fpage", "37"},
        {"//article-meta/lpage", "48"},
        {"//history/date[@date-type='received']/day", "18"},
        {"//abstract[@xml:lang='zh']/p", "面对复杂的国际政治环境<和>全球产业竞争。"},
        {"//trans-abstract[@xml:lang='en']/p",
         "Facing a complex *international* environment & competition."},
        {"//kwd-group[@xml:lang='zh']/kwd[2]", "大后方"},
        {"//kwd-group[@xml:lang='en']/kwd", "strategic hinterland"},
        {"//subj-group[@subj-group-type='clc']/subject", "D61"},
    };
    for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
        char *v = value(doc, checks[i][0]);
        ck_assert_msg(strcmp(v, checks[i][1]) == 0, "%s = '%s', want '%s'", checks[i][0], v,
                      checks[i][1]);
        free(v);
    }
    ck_assert_int_eq(count(doc, "//contrib-group/contrib[@contrib-type='author']"), 2);
    ck_assert_int_eq(count(doc, "//kwd-group"), 2);
    ck_assert_int_eq(count(doc, "/article/body/p"), 2); /* the two blocks labelled body */
    assert_all_have_lang(doc, "article-title trans-title-group journal-title abstract "
                              "trans-abstract kwd-group aff string-name name funding-statement");
    free(out);
    xmlFreeDoc(doc);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(markdown_structure_and_escaping)
{
    folio_page *pg = synthetic_page(0);
    char *md = render(pg, FOLIO_FMT_MD, NULL);
    static const char *const want[] = {
        "# 国家战略腹地建设的内涵特征\n\n",
        "\n\n## The connotation of national strategic hinterland\n\n",
        "蒲清平, 马睿\n\n",
        "**摘要：** 面对复杂的国际政治环境\\<和\\>全球产业竞争。\n\n",
        "**Abstract:** Facing a complex \\*international\\* environment \\& competition.",
        "**关键词：** 国家战略腹地；大后方\n\n",
        "**DOI:** 10.11835/j.issn.1008-5831.zs.2024.04.016",
        "Deep learning for OCR. DOI: 10.1234/abc\n\n",
        "A\\<B \\& \"C\" 重庆 400044\n",
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(strstr(md, want[i]) != NULL, "Markdown holds '%s':\n%s", want[i], md);
    ck_assert_ptr_null(strstr(md, "国家战略腹地采用CNN")); /* the title block is not body */
    ck_assert(md[strlen(md) - 1] == '\n' && md[strlen(md) - 2] != '\n');
    free(md);
    /* Without front matter: the blocks' text. */
    folio_fields_clear(&pg->fields);
    md = render(pg, FOLIO_FMT_MD, NULL);
    ck_assert_str_eq(md, "国家战略腹地采用CNN模型：\n\nDeep learning for OCR. DOI: 10.1234/abc\n\n"
                         "A\\<B \\& \"C\" 重庆 400044\n");
    free(md);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(pdf_text_layer_reads_back)
{
    char *dir = make_tmpdir();
    static const int depths[] = {8, 1, 32, 0}; /* gray, bilevel, colour, no image */
    for (size_t i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
        folio_page *pg = synthetic_page(depths[i]);
        char name[32];
        snprintf(name, sizeof(name), "page%d.pdf", depths[i]);
        char *path = write_pdf(pg, dir, name), *lines = page_lines_text(pg);
        assert_qpdf_ok(path);
        assert_pdf_text(path, lines, false);
        assert_pdf_text(path, lines, true);
        char *txt = pdf_text(path, false);
        ck_assert_ptr_nonnull(strstr(txt, "国家战略腹地"));  /* a Chinese phrase, no spaces */
        ck_assert_ptr_nonnull(strstr(txt, "Deep learning")); /* Latin words, one space */
        free(txt), free(lines), unlink(path), free(path);
        folio_page_destroy(&pg);
    }
    rmdir(dir);
    free(dir);
}
END_TEST

/* A one-word Chinese line with the given box. */
static void add_zh_line(folio_page *pg, const char *text, int x, int y, int w, int h)
{
    const char *words[] = {text};
    const bool sp[] = {false};
    add_line(pg, text, words, 1, sp, y);
    folio_line *ln = &pg->lines[pg->n_lines - 1];
    ln->box = ln->words[0].box = (folio_box){x, y, w, h};
}

/* One Chinese line of a replayed page: its text and box in page pixels. */
typedef struct zh_line_spec {
    const char *text;
    int x, y, w, h;
} zh_line_spec;

static void add_zh_lines(folio_page *pg, const zh_line_spec *ls, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_zh_line(pg, ls[i].text, ls[i].x, ls[i].y, ls[i].w, ls[i].h);
}

/* pdftotext must read pg's PDF as the page's lines in Folio's order. Destroys pg. */
static void assert_pdf_reads_in_order(folio_page *pg, const char *name)
{
    char *dir = make_tmpdir(), *path = write_pdf(pg, dir, name);
    char *got = pdf_text(path, false), *g = norm_reader(got), *lines = page_lines_text(pg);
    char *want = norm_reader(lines);
    ck_assert_str_eq(g, want);
    free(got), free(g), free(lines), free(want), unlink(path), free(path), rmdir(dir), free(dir);
    folio_page_destroy(&pg);
}

/*
 * The first page of d1-concrete (citetop scan) in small: a section heading
 * at the top of the left column, a paragraph below it at Chinese line
 * spacing (1.55 line heights), Tesseract's box for one line taking in half
 * the next row and another read as one tall line over two rows, and the
 * paragraph's last line at the top of the right column, beside the heading.
 * pdftotext must read the paragraph in Folio's order, its last line last.
 */
START_TEST(pdf_paragraph_order_survives_odd_line_boxes)
{
    /* text and box (page pixels at 300 dpi, 2300 rows above cut off) of each line */
    static const zh_line_spec ls[] = {
        {"关键词再生骨料混凝土冻融循环损伤演化寿命预测", 293, 0, 1278, 40},
        {"零引言", 201, 69, 118, 43},
        {"我国每年产生的建筑垃圾超过二十亿吨其中废弃", 285, 131, 917, 40},
        {"混凝土约占四成将废弃混凝土破碎筛分后制备再生", 203, 193, 999, 40},
        {"骨料既能减少天然砂石的开采又能缓解建筑垃", 203, 256, 1000, 80}, /* half the next row */
        {"围城的问题具有显著的经济与环境效益然而再", 205, 318, 998, 40},
        {"生骨料表面附着旧砂浆孔隙率高吸水率大使再", 199, 325, 1003, 112}, /* two rows */
        {"生骨料混凝土在冻融环境中的耐久性明显低于普通混", 203, 443, 1000, 40},
        {"凝土。", 202, 508, 101, 37},
        {"目前国内外学者对再生骨料混凝土的力学性能", 293, 569, 910, 39},
        {"已开展了大量研究但对其冻融损伤机理及寿命预测", 207, 631, 994, 40},
        {"的研究仍不充分本文通过快速冻融试验系统分析", 205, 693, 998, 40},
        {"了取代率对损伤演化的影响。", 1280, 65, 518, 59}, /* top of the next column */
        {"收稿日期二零二二年六月十八日", 201, 864, 298, 29},
        {"基金项目国家自然科学基金重庆市自然科学基金", 201, 908, 1203, 34},
    };
    folio_page *pg = folio_page_new();
    pg->width = 2480;
    pg->height = 1000;
    pg->pre.dpi_used = 300;
    add_zh_lines(pg, ls, sizeof(ls) / sizeof(ls[0]));
    add_block(pg, 0, 1, "", "keywords_zh");
    add_block(pg, 1, 1, "", "heading");
    add_block(pg, 2, 7, "", "body");
    add_block(pg, 9, 4, "", "body");
    add_block(pg, 13, 2, "", "funding");
    assert_pdf_reads_in_order(pg, "columns.pdf");
}
END_TEST

/* d1-concrete (bad scan) from its heading "0 引言" down: the left column's
 * nine lines, then the right column's top three. */
static const char *const d1_bad_texts[12] = {
    "零引言",
    "我国每年产生的建筑垃圾超过二十亿吨其中废弃",
    "混凝土约占四成将废弃混凝土破碎筛分后制备再",
    "生骨料既能减少天然砂石的开采又能缓解建筑垃",
    "圾围城的问题具有显著的经济与环境效益然而",
    "再生骨料表面附着旧砂浆孔隙率高吸水率大使",
    "再生骨料混凝土在冻融环境中的耐久性明显低于普通",
    "混凝土。",
    "目前国内外学者对再生骨料混凝土的力学性能",
    "已开展了大量研究但对其冻融损伤机理及寿命预测",
    "的研究仍不充分本文通过快速冻融试验系统分析",
    "了取代率对损伤演化的影响。",
};

/* That page at 240 dpi with the twelve lines at the boxes given (x, y, w, h). */
static folio_page *d1_bad_page(const int boxes[12][4])
{
    zh_line_spec ls[12];
    for (size_t i = 0; i < 12; i++)
        ls[i] = (zh_line_spec){d1_bad_texts[i], boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3]};
    folio_page *pg = folio_page_new();
    pg->width = 1653;
    pg->height = 2338;
    pg->pre.dpi_used = 240;
    add_zh_lines(pg, ls, 12);
    return pg;
}

/*
 * The first page of d1-concrete (bad scan) in small: at 240 dpi the
 * gutter is 7 to 33 pixels, a third of a line height or less; the layout
 * made most left-column lines paragraphs of their own, Tesseract's boxes of
 * two of them 1.5 times the ink's height; the paragraph that starts at the
 * column's foot goes on at the top of the right column, three short lines
 * beside the left column's first rows. pdftotext must read the left column
 * whole before the right one, no right line joined to a left one.
 */
START_TEST(pdf_narrow_gutter_keeps_columns_apart)
{
    static const int boxes[12][4] = {
        {134, 1559, 87, 29},  {190, 1597, 626, 44}, {135, 1639, 687, 44}, {135, 1685, 667, 31},
        {134, 1727, 648, 29}, {135, 1768, 667, 29}, {135, 1810, 666, 27}, {135, 1852, 91, 26},
        {191, 1893, 610, 30}, {853, 1556, 665, 44}, {829, 1597, 689, 44}, {855, 1639, 340, 44},
    };
    folio_page *pg = d1_bad_page(boxes);
    add_block(pg, 0, 2, "", "body");
    for (size_t i = 2; i < 7; i++)
        add_block(pg, i, 1, "", "body");
    add_block(pg, 7, 5, "", "body");
    assert_pdf_reads_in_order(pg, "gutter.pdf");
}
END_TEST

/*
 * The same page read line by line (the default since 4ee59ab): the layout's
 * line boxes are tight to the ink, so both columns' lines are 26-31 px and
 * each left line is a paragraph of its own. Drawn short of the gutter but at
 * one size, poppler still read each right line into the left line on its
 * row; the run beside is drawn larger.
 */
START_TEST(pdf_narrow_gutter_keeps_like_sized_columns_apart)
{
    static const int boxes[12][4] = {
        {134, 1559, 87, 29},  {190, 1601, 624, 30}, {135, 1643, 686, 28}, {135, 1685, 667, 31},
        {134, 1727, 648, 29}, {135, 1768, 667, 29}, {135, 1810, 666, 27}, {135, 1852, 91, 26},
        {191, 1893, 610, 30}, {853, 1559, 665, 31}, {831, 1601, 687, 30}, {853, 1643, 342, 28},
    };
    folio_page *pg = d1_bad_page(boxes);
    for (size_t i = 0; i < 8; i++)
        add_block(pg, i, 1, "", "body");
    add_block(pg, 8, 4, "", "body");
    assert_pdf_reads_in_order(pg, "gutter-alike.pdf");
}
END_TEST

START_TEST(pdf_embeds_image_and_font)
{
    folio_page *pg = synthetic_page(8);
    size_t len;
    char *pdf = render(pg, FOLIO_FMT_PDF, &len);
    const char *need[] = {"/Subtype /Image",
                          "/Width 1200 /Height 900",
                          "/CIDFontType2",
                          "/Identity-H",
                          "/ToUnicode",
                          "/FontFile2",
                          "/MediaBox [0 0 288.00 216.00]"};
    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
        ck_assert_msg(memmem(pdf, len, need[i], strlen(need[i])) != NULL, "PDF has %s", need[i]);
    free(pdf);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(citation_formats_render)
{
    folio_page *pg = synthetic_page(0);
    const folio_format fmts[] = {FOLIO_FMT_BIBTEX, FOLIO_FMT_RIS, FOLIO_FMT_CSL};
    for (size_t i = 0; i < 3; i++) {
        char *s = render(pg, fmts[i], NULL);
        ck_assert_ptr_nonnull(strstr(s, "10.11835/j.issn.1008-5831.zs.2024.04.016"));
        free(s);
    }
    /* Without a parsed citation: one is built from the fields. */
    folio_citation_destroy(&pg->fields.citation);
    char *bib = render(pg, FOLIO_FMT_BIBTEX, NULL);
    ck_assert_ptr_nonnull(strstr(bib, "title = {国家战略腹地建设的内涵特征}"));
    free(bib);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(hostile_text_and_empty_pages)
{
    folio_page *pg = synthetic_page(0);
    free(pg->lines[2].text);
    pg->lines[2].text = folio_strdup("bad \xff\xfe bytes \x01\x1b and ]]> --");
    free(pg->fields.title_en);
    pg->fields.title_en = folio_strdup("title \x02 with \xc3 control");
    const folio_format xml[] = {FOLIO_FMT_HOCR, FOLIO_FMT_ALTO, FOLIO_FMT_JATS};
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *s = render(pg, xml[i], &len);
        xmlFreeDoc(parse_xml(s, len));
        free(s);
    }
    free(render(pg, FOLIO_FMT_PDF, NULL));
    free(render(pg, FOLIO_FMT_MD, NULL));
    folio_page_destroy(&pg);
    folio_page *empty = folio_page_new();
    for (int f = FOLIO_FMT_MD; f < FOLIO_FMT_COUNT; f++) {
        size_t len;
        char *s = render(empty, (folio_format)f, &len);
        if (f == FOLIO_FMT_HOCR || f == FOLIO_FMT_ALTO || f == FOLIO_FMT_JATS)
            xmlFreeDoc(parse_xml(s, len));
        free(s);
    }
    folio_page_destroy(&empty);
}
END_TEST

/* ---- a real conversion ------------------------------------------------- */

/* From folio's JSON: the line texts (lines "\n", blocks "\n\n") and the normalized list. */
static void json_lines(json_t *doc, char **lines, char **normalized)
{
    folio_buf a = FOLIO_BUF_INIT, b = FOLIO_BUF_INIT;
    size_t i, j;
    json_t *blk, *ln;
    json_array_foreach(json_object_get(doc, "blocks"), i,
                       blk){json_array_foreach(json_object_get(blk, "lines"), j, ln){
        const char *t = json_string_value(json_object_get(ln, "text"));
    folio_buf_puts(&a, a.len ? (j ? "\n" : "\n\n") : "");
    folio_buf_puts(&a, t);
    char *n = norm_ws(t);
    if (*n) {
        folio_buf_puts(&b, n);
        folio_buf_putc(&b, '\n');
    }
    free(n);
}
}
*lines = folio_buf_take(&a);
*normalized = folio_buf_take(&b);
}

/* Four consecutive Han characters from text (a phrase to search for); caller frees. */
static char *han_phrase(const char *text)
{
    size_t len = strlen(text), start = 0, run = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        size_t n = folio_utf8_decode(text + i, len - i, &cp);
        if (!folio_is_han(cp)) {
            run = 0;
        } else if (run++ == 0) {
            start = i;
        }
        i += n;
        if (run == 4)
            return folio_strndup(text + start, i - start);
    }
    return NULL;
}

static char *read_out(const char *dir, const char *ext, size_t *len)
{
    char *path = NULL;
    ck_assert_int_ge(asprintf(&path, "%s/seed.%s", dir, ext), 0);
    char *s = slurp(path, len);
    ck_assert_msg(s != NULL, "%s written", path);
    unlink(path);
    free(path);
    return s;
}

static void check_layout_layer(const char *name, layer_stats *st, const char *want)
{
    assert_lines_equal(st->lines.data ? st->lines.data : "", want);
    ck_assert_msg(st->boxes_inside, "%s: every box inside the page", name);
    ck_assert(!st->space_inside);
    ck_assert_uint_gt(st->han_words, 10);
    ck_assert_msg(st->han_single * 20 < st->han_words, "%s: %zu of %zu Chinese words single", name,
                  st->han_single, st->han_words);
    folio_buf_free(&st->lines);
}

static void check_seed_pdf(const char *dir, const char *lines, const char *phrase)
{
    char *path = NULL;
    ck_assert_int_ge(asprintf(&path, "%s/seed.pdf", dir), 0);
    assert_qpdf_ok(path);
    assert_pdf_text(path, lines, true);
    char *got = pdf_text(path, false), *g = norm_reader(got), *w = norm_reader(lines);
    size_t d = distance(g, w);
    ck_assert_msg(d * 50 <= strlen(w), "pdftotext differs by %zu of %zu bytes", d, strlen(w));
    ck_assert_msg(strstr(got, phrase) != NULL, "pdftotext finds %s", phrase);
    free(got), free(g), free(w);
    unlink(path);
    free(path);
}

START_TEST(seed_page_every_format)
{
    char *dir = make_tmpdir(), *args = NULL, *errout = NULL;
    ck_assert_int_ge(asprintf(&args, "convert '%s' -f pdf,hocr,alto,jats,md,json -o '%s/seed'",
                              sample_path("seed-head.png"), dir),
                     0);
    int rc = run_folio(args, NULL, &errout);
    free(args);
    ck_assert_msg(rc == 0, "folio exit %d: %s", rc, errout ? errout : "");
    free(errout);
    size_t len;
    char *js = read_out(dir, "json", &len), *lines, *want;
    json_t *doc = json_loads(js, 0, NULL);
    ck_assert_ptr_nonnull(doc);
    int w = (int)json_integer_value(json_object_get(json_object_get(doc, "image"), "width"));
    int h = (int)json_integer_value(json_object_get(json_object_get(doc, "image"), "height"));
    json_lines(doc, &lines, &want);
    char *phrase = han_phrase(lines);
    ck_assert_ptr_nonnull(phrase);

    char *s = read_out(dir, "hocr", &len);
    xmlDocPtr x = parse_xml(s, len);
    layer_stats st = hocr_stats(x, w, h);
    check_layout_layer("hOCR", &st, want);
    xmlFreeDoc(x), free(s);

    s = read_out(dir, "alto.xml", &len);
    x = parse_xml(s, len);
    st = alto_stats(x, w, h);
    check_layout_layer("ALTO", &st, want);
    xmlFreeDoc(x), free(s);

    s = read_out(dir, "jats.xml", &len);
    x = parse_xml(s, len);
    const char *title =
        json_string_value(json_object_get(json_object_get(doc, "fields"), "title_zh"));
    char *t = value(x, "//article-meta/title-group/article-title");
    if (title)
        ck_assert_str_eq(t, title);
    free(t), xmlFreeDoc(x), free(s);

    s = read_out(dir, "md", &len);
    ck_assert_uint_gt(len, 0);
    ck_assert(!title || strstr(s, title));
    free(s);

    check_seed_pdf(dir, lines, phrase);
    free(phrase), free(lines), free(want), free(js);
    json_decref(doc);
    ck_assert_int_eq(rmdir(dir), 0);
    free(dir);
}
END_TEST

static Suite *render_formats_suite(void)
{
    Suite *s = suite_create("render_formats");
    TCase *tc = tcase_create("synthetic");
    tcase_add_test(tc, hocr_words_are_runs_with_boxes);
    tcase_add_test(tc, alto_strings_spaces_and_description);
    tcase_add_test(tc, jats_front_matter);
    tcase_add_test(tc, markdown_structure_and_escaping);
    tcase_add_test(tc, pdf_text_layer_reads_back);
    tcase_add_test(tc, pdf_narrow_gutter_keeps_like_sized_columns_apart);
    tcase_add_test(tc, pdf_embeds_image_and_font);
    tcase_add_test(tc, pdf_paragraph_order_survives_odd_line_boxes);
    tcase_add_test(tc, pdf_narrow_gutter_keeps_columns_apart);
    tcase_add_test(tc, citation_formats_render);
    tcase_add_test(tc, hostile_text_and_empty_pages);
    suite_add_tcase(s, tc);
    TCase *real = tcase_create("seed");
    tcase_set_timeout(real, 300);
    tcase_add_test(real, seed_page_every_format);
    suite_add_tcase(s, real);
    return s;
}

FOLIO_TEST_MAIN(render_formats_suite)
