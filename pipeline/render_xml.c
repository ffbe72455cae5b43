/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The XML writer the hOCR, ALTO and JATS renderers share: libxml2's
 * xmlTextWriter into a memory buffer, indented, with sticky errors so a
 * renderer checks once at the end. libxml2 escapes markup characters; what
 * it does not do is refuse bytes XML 1.0 cannot carry, so every string is
 * first decoded as UTF-8 (invalid bytes become U+FFFD) and stripped of
 * control characters, surrogates and U+FFFE/U+FFFF. libxml2 is initialized
 * once, before any thread writes (its first use is not thread-safe).
 */
#include "render.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct folio_xml {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    bool failed;
};

static bool xml_char_ok(uint32_t cp)
{
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' || cp == '\r';
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return false;
    return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

/* s made safe for XML 1.0; caller frees. NULL when out of memory. */
static char *xml_clean(const char *s)
{
    folio_buf b = FOLIO_BUF_INIT;
    size_t len = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        i += folio_utf8_decode(s + i, len - i, &cp);
        if (xml_char_ok(cp))
            folio_buf_put_cp(&b, cp);
    }
    return folio_buf_take(&b);
}

static void check(folio_xml *x, int rc)
{
    if (rc < 0)
        x->failed = true;
}

/* libxml2 must be initialized once before threads use it (batch renders in its workers). */
static void init_libxml(void)
{
    xmlInitParser();
}

folio_xml *folio_xml_begin(const char *dtd_name, const char *pubid, const char *sysid)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_libxml);
    folio_xml *x = calloc(1, sizeof(*x));
    if (!x)
        return NULL;
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w) {
        if (x->buf)
            xmlBufferFree(x->buf);
        free(x);
        return NULL;
    }
    check(x, xmlTextWriterSetIndent(x->w, 1));
    check(x, xmlTextWriterSetIndentString(x->w, BAD_CAST " "));
    check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
    if (dtd_name && !x->failed)
        check(x,
              xmlTextWriterWriteDTD(x->w, BAD_CAST dtd_name, BAD_CAST pubid, BAD_CAST sysid, NULL));
    return x;
}

void folio_xml_start(folio_xml *x, const char *name)
{
    if (x && !x->failed)
        check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void folio_xml_attr(folio_xml *x, const char *name, const char *value)
{
    if (!x || x->failed || !value)
        return;
    char *v = xml_clean(value);
    if (!v) {
        x->failed = true;
        return;
    }
    check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v));
    free(v);
}

void folio_xml_attrf(folio_xml *x, const char *name, const char *fmt, ...)
{
    if (!x || x->failed)
        return;
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(small)) {
        x->failed = true; /* attributes built by format are short numbers and names */
        return;
    }
    folio_xml_attr(x, name, small);
}

void folio_xml_text(folio_xml *x, const char *text)
{
    if (!x || x->failed || !text)
        return;
    char *v = xml_clean(text);
    if (!v) {
        x->failed = true;
        return;
    }
    check(x, xmlTextWriterWriteString(x->w, BAD_CAST v));
    free(v);
}

void folio_xml_elem(folio_xml *x, const char *name, const char *text)
{
    folio_xml_elem_lang(x, name, NULL, text);
}

void folio_xml_elem_lang(folio_xml *x, const char *name, const char *lang, const char *text)
{
    if (!text || !*text)
        return;
    folio_xml_start(x, name);
    folio_xml_attr(x, "xml:lang", lang);
    folio_xml_text(x, text);
    folio_xml_end(x);
}

void folio_xml_end(folio_xml *x)
{
    if (x && !x->failed)
        check(x, xmlTextWriterEndElement(x->w));
}

int folio_xml_finish(folio_xml **px, folio_buf *out)
{
    if (!px || !*px)
        return FOLIO_ENOMEM;
    folio_xml *x = *px;
    if (!x->failed)
        check(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w); /* flushes into x->buf */
    int rc = x->failed ? FOLIO_ENOMEM : 0;
    if (rc == 0) {
        folio_buf_append(out, (const char *)xmlBufferContent(x->buf),
                         (size_t)xmlBufferLength(x->buf));
        rc = out->oom ? FOLIO_ENOMEM : 0;
    }
    xmlBufferFree(x->buf);
    free(x);
    *px = NULL;
    return rc;
}
