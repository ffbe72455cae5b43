/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Tests for pipeline/render_json.c: every contract key present, every class
 * of character escaped and read back intact, invalid UTF-8 made valid.
 */
#include "pipeline/page.h"
#include "pipeline/text.h"
#include "testutil.h"

#include <jansson.h>

static const char *const contract_keys[] = {
    "journal_zh", "journal_en", "title_zh", "title_en", "authors_zh", "authors_en",
    "affiliation_zh", "affiliation_en", "abstract_zh", "abstract_en", "keywords_zh",
    "keywords_en", "clc", "doc_code", "article_no", "doi", "received", "online", "funding",
    "author_bio", "citation_zh", "citation_en", "citation",
};

/* A page with one block of one line, text as given. */
static folio_page *make_page(const char *text)
{
    folio_page *pg = folio_page_new();
    pg->source_path = folio_strdup("/scans/页 1.png");
    pg->width = 100;
    pg->height = 200;
    pg->text = folio_strdup(text);
    pg->lines = calloc(1, sizeof(folio_line));
    pg->n_lines = 1;
    pg->lines[0].text = folio_strdup(text);
    pg->lines[0].box = (folio_box){1, 2, 30, 40};
    pg->blocks = calloc(1, sizeof(folio_block));
    pg->n_blocks = 1;
    pg->blocks[0].text = folio_strdup(text);
    pg->blocks[0].n_lines = 1;
    pg->blocks[0].box = (folio_box){1, 2, 30, 40};
    pg->blocks[0].label = "body";
    return pg;
}

static json_t *render_parse(const folio_page *pg)
{
    char *out = NULL;
    size_t len = 0;
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_page_render(pg, FOLIO_FMT_JSON, &out, &len, err), 0);
    ck_assert_uint_eq(strlen(out), len);
    json_error_t jerr;
    json_t *doc = json_loads(out, 0, &jerr);
    ck_assert_msg(doc != NULL, "JSON parses: %s", jerr.text);
    free(out);
    folio_error_destroy(&err);
    return doc;
}

START_TEST(contract_keys_all_present_and_empty)
{
    folio_page *pg = make_page("国家");
    json_t *doc = render_parse(pg);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "schema")), "folio/1");
    json_t *fields = json_object_get(doc, "fields");
    for (size_t i = 0; i < sizeof(contract_keys) / sizeof(contract_keys[0]); i++) {
        json_t *v = json_object_get(fields, contract_keys[i]);
        ck_assert_msg(v != NULL, "key %s present", contract_keys[i]);
        ck_assert_msg(json_is_null(v) || (json_is_array(v) && json_array_size(v) == 0),
                      "key %s empty", contract_keys[i]);
    }
    ck_assert_uint_eq(json_object_size(fields), sizeof(contract_keys) / sizeof(contract_keys[0]));
    json_t *b = json_array_get(json_object_get(doc, "blocks"), 0);
    ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(b, "bbox"), 3)), 40);
    ck_assert_str_eq(json_string_value(json_object_get(b, "label")), "body");
    ck_assert_ptr_nonnull(json_object_get(json_object_get(doc, "timing_ms"), "ocr"));
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(doc, "source"), "path")),
                     "/scans/页 1.png");
    json_decref(doc);
    folio_page_destroy(&pg);
}
END_TEST

/* The load note and the recognition report reach the JSON; no note is null. */
START_TEST(note_and_recognition_reported)
{
    folio_page *pg = make_page("国家");
    pg->reread = (folio_reread_report){.components = 900, .unread = 57, .tried = true, .unread_alt = 12, .kept = true};
    json_t *doc = render_parse(pg);
    ck_assert(json_is_null(json_object_get(doc, "note")));
    json_t *r = json_object_get(doc, "recognition");
    ck_assert_int_eq(json_integer_value(json_object_get(r, "components")), 900);
    ck_assert_int_eq(json_integer_value(json_object_get(r, "unread")), 57);
    ck_assert_int_eq(json_integer_value(json_object_get(r, "unread_reread")), 12);
    ck_assert(json_is_true(json_object_get(r, "reread")));
    ck_assert(json_is_true(json_object_get(r, "reread_kept")));
    json_decref(doc);
    snprintf(pg->note, sizeof(pg->note), "%s", "页.tif: bilevel page is 99% ink; inverted");
    pg->reread = (folio_reread_report){.unread = -1};
    doc = render_parse(pg);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "note")),
                     "页.tif: bilevel page is 99% ink; inverted");
    r = json_object_get(doc, "recognition");
    ck_assert(json_is_null(json_object_get(r, "unread")));
    ck_assert(json_is_null(json_object_get(r, "components")));
    ck_assert(json_is_null(json_object_get(r, "unread_reread")));
    ck_assert(json_is_false(json_object_get(r, "reread")));
    json_decref(doc);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(every_character_class_round_trips)
{
    const char *nasty = "quote\" backslash\\ slash/ tab\t nl\n cr\r bell\x07 nul-ish\x01 "
                        "中文，标点。 full：width ｆｕｌｌ emoji 😀 nbsp\u00a0 ideo\u3000sp";
    folio_page *pg = make_page(nasty);
    folio_strlist_push(&pg->fields.authors_zh, "蒲清平");
    folio_strlist_push(&pg->fields.authors_zh, "马\"睿\"");
    pg->fields.doi = folio_strdup("10.11835/j.issn.1008-5831.zs.2024.04.016");
    json_t *doc = render_parse(pg);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "text")), nasty);
    json_t *fields = json_object_get(doc, "fields");
    json_t *authors = json_object_get(fields, "authors_zh");
    ck_assert_uint_eq(json_array_size(authors), 2);
    ck_assert_str_eq(json_string_value(json_array_get(authors, 1)), "马\"睿\"");
    ck_assert_str_eq(json_string_value(json_object_get(fields, "doi")),
                     "10.11835/j.issn.1008-5831.zs.2024.04.016");
    json_decref(doc);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(invalid_utf8_becomes_replacement)
{
    folio_page *pg = make_page("ok \xff\xfe bad \xe5\x9b");
    free(pg->source_path);
    pg->source_path = folio_strdup("/scans/gb2312-\xb9\xfa.png");
    json_t *doc = render_parse(pg);
    ck_assert_str_eq(json_string_value(json_object_get(doc, "text")),
                     "ok \xef\xbf\xbd\xef\xbf\xbd bad \xef\xbf\xbd\xef\xbf\xbd");
    const char *path = json_string_value(json_object_get(json_object_get(doc, "source"), "path"));
    ck_assert_ptr_nonnull(path);
    ck_assert(strstr(path, "/scans/gb2312-") == path);
    json_decref(doc);
    folio_page_destroy(&pg);
}
END_TEST

START_TEST(text_format_ends_in_newline)
{
    folio_page *pg = make_page("a\n\nb");
    char *out = NULL;
    size_t len;
    ck_assert_int_eq(folio_page_render(pg, FOLIO_FMT_TXT, &out, &len, NULL), 0);
    ck_assert_str_eq(out, "a\n\nb\n");
    free(out);
    folio_page_destroy(&pg);
}
END_TEST

static Suite *render_json_suite(void)
{
    Suite *s = suite_create("render_json");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, contract_keys_all_present_and_empty);
    tcase_add_test(tc, note_and_recognition_reported);
    tcase_add_test(tc, every_character_class_round_trips);
    tcase_add_test(tc, invalid_utf8_becomes_replacement);
    tcase_add_test(tc, text_format_ends_in_newline);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(render_json_suite)
