/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Markdown (CommonMark): the structured page for reading. With front matter
 * found, the Chinese part (title, authors, affiliation, abstract, keywords,
 * classification), the English part, the notes (dates, funding, author
 * notes, citation) and then the body and footnotes; without it, every
 * block's text as a paragraph. Labels are printed as the journal prints
 * them (摘要, Abstract). Markdown punctuation in the text is backslash-
 * escaped so the text reads back exactly as recognized.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* Append s with Markdown's specials escaped and line breaks flattened to spaces. */
static void md_inline(folio_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t') {
            folio_buf_putc(b, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>#|~&", *s))
            folio_buf_putc(b, '\\');
        folio_buf_putc(b, *s);
    }
}

/* A paragraph: what would start a list, heading or rule at the line start is escaped. */
static void md_para(folio_buf *b, const char *s)
{
    while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++;
    if (!s || !*s)
        return;
    size_t digits = strspn(s, "0123456789");
    if (strchr("-+=", *s) || (digits > 0 && (s[digits] == '.' || s[digits] == ')'))) {
        folio_buf_append(b, s, digits);
        folio_buf_putc(b, '\\');
        s += digits;
    }
    md_inline(b, s);
    folio_buf_puts(b, "\n\n");
}

static void md_heading(folio_buf *b, const char *hashes, const char *s)
{
    if (!s || !*s)
        return;
    folio_buf_printf(b, "%s ", hashes);
    md_inline(b, s);
    folio_buf_puts(b, "\n\n");
}

/* "**label** value" as one paragraph; nothing when value is empty. */
static void md_labeled(folio_buf *b, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    folio_buf_printf(b, "**%s** ", label);
    md_inline(b, value);
    folio_buf_puts(b, "\n\n");
}

static void md_list(folio_buf *b, const char *label, const folio_strlist *l, const char *sep)
{
    if (l->n == 0)
        return;
    if (label)
        folio_buf_printf(b, "**%s** ", label);
    for (size_t i = 0; i < l->n; i++) {
        folio_buf_puts(b, i ? sep : "");
        md_inline(b, l->items[i]);
    }
    folio_buf_puts(b, "\n\n");
}

static void md_emph(folio_buf *b, const char *s)
{
    if (!s || !*s)
        return;
    folio_buf_putc(b, '*');
    md_inline(b, s);
    folio_buf_puts(b, "*\n\n");
}

static bool has_front_matter(const folio_fields *f)
{
    return f->title_zh || f->title_en || f->abstract_zh || f->abstract_en || f->authors_zh.n ||
           f->authors_en.n || f->keywords_zh.n || f->keywords_en.n;
}

static void md_zh_part(folio_buf *b, const folio_fields *f)
{
    md_heading(b, "#", f->title_zh);
    md_list(b, NULL, &f->authors_zh, ", ");
    md_emph(b, f->affiliation_zh);
    md_labeled(b, "摘要：", f->abstract_zh);
    md_list(b, "关键词：", &f->keywords_zh, "；");
    md_labeled(b, "中图分类号：", f->clc);
    md_labeled(b, "文献标志码：", f->doc_code);
    md_labeled(b, "文章编号：", f->article_no);
    md_labeled(b, "DOI:", f->doi);
}

static void md_en_part(folio_buf *b, const folio_fields *f)
{
    md_heading(b, f->title_zh ? "##" : "#", f->title_en);
    md_list(b, NULL, &f->authors_en, ", ");
    md_emph(b, f->affiliation_en);
    md_labeled(b, "Abstract:", f->abstract_en);
    md_list(b, "Key words:", &f->keywords_en, "; ");
}

static void md_notes(folio_buf *b, const folio_fields *f)
{
    if (!(f->received || f->online || f->funding || f->author_bio || f->citation_zh ||
          f->citation_en))
        return;
    folio_buf_puts(b, "---\n\n");
    md_labeled(b, "收稿日期：", f->received);
    md_labeled(b, "在线发布日期：", f->online);
    md_labeled(b, "基金项目：", f->funding);
    md_labeled(b, "作者简介：", f->author_bio);
    md_labeled(b, "本文引用格式：", f->citation_zh);
    md_labeled(b, "Citation:", f->citation_en);
}

static bool label_is(const folio_block *b, const char *label)
{
    return b->label && strcmp(b->label, label) == 0;
}

/* Blocks as paragraphs: all of them (want NULL), or those labelled want. */
static void md_blocks(folio_buf *b, const folio_page *pg, const char *want, const char *rule)
{
    bool first = true;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        const folio_block *bl = &pg->blocks[i];
        if (want && !label_is(bl, want))
            continue;
        if (!bl->text || !*bl->text)
            continue;
        if (first && rule)
            folio_buf_puts(b, rule);
        first = false;
        md_para(b, bl->text);
    }
}

/* Text with paragraphs separated by blank lines (the page text of a page without blocks). */
static void md_text_paras(folio_buf *b, const char *text)
{
    while (text && *text) {
        const char *end = strstr(text, "\n\n");
        size_t n = end ? (size_t)(end - text) : strlen(text);
        char *para = folio_strndup(text, n);
        if (!para) {
            b->oom = true;
            return;
        }
        md_para(b, para);
        free(para);
        text += n;
        text += strspn(text, "\n");
    }
}

int folio_render_md(const folio_page *pg, folio_buf *out, folio_error *err)
{
    const folio_fields *f = &pg->fields;
    size_t start = out->len;
    if (!has_front_matter(f)) {
        if (pg->n_blocks > 0)
            md_blocks(out, pg, NULL, NULL);
        else
            md_text_paras(out, pg->text);
    } else {
        if (f->journal_zh || f->journal_en) {
            md_emph(out, f->journal_zh);
            md_emph(out, f->journal_en);
        }
        md_zh_part(out, f);
        md_en_part(out, f);
        md_notes(out, f);
        md_blocks(out, pg, "body", "---\n\n");
        md_blocks(out, pg, "footnote", "---\n\n");
    }
    if (out->len >= start + 2 && strcmp(out->data + out->len - 2, "\n\n") == 0)
        out->data[--out->len] = '\0'; /* one newline at the end, not a blank line */
    if (out->oom)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory writing Markdown",
                               pg->source_path ? pg->source_path : "page");
    return 0;
}
