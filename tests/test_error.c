/* SPDX-License-Identifier: Apache-2.0 */
/* Tests for pipeline/error.c: the per-job error object. */
#include "folio/folio.h"
#include "testutil.h"

START_TEST(set_keeps_code_and_formatted_message)
{
    folio_error *e = folio_error_create();
    ck_assert_int_eq(folio_error_code(e), 0);
    ck_assert_str_eq(folio_error_message(e), "");
    int rc = folio_error_set(e, FOLIO_EINPUT, "%s: %s", "page.png", "empty file");
    ck_assert_int_eq(rc, FOLIO_EINPUT);
    ck_assert_int_eq(folio_error_code(e), FOLIO_EINPUT);
    ck_assert_str_eq(folio_error_message(e), "page.png: empty file");
    folio_error_clear(e);
    ck_assert_int_eq(folio_error_code(e), 0);
    ck_assert_str_eq(folio_error_message(e), "");
    folio_error_destroy(&e);
    ck_assert_ptr_null(e);
    folio_error_destroy(&e); /* NULL is fine */
}
END_TEST

START_TEST(long_messages_are_truncated_not_overflowed)
{
    folio_error *e = folio_error_create();
    char big[5000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    folio_error_set(e, FOLIO_EOUTPUT, "%s", big);
    ck_assert_uint_lt(strlen(folio_error_message(e)), sizeof(big));
    ck_assert_uint_gt(strlen(folio_error_message(e)), 500);
    folio_error_destroy(&e);
}
END_TEST

START_TEST(null_error_object_is_allowed)
{
    ck_assert_int_eq(folio_error_set(NULL, FOLIO_ENOMEM, "x"), FOLIO_ENOMEM);
    ck_assert_int_eq(folio_error_code(NULL), 0);
    ck_assert_str_eq(folio_error_message(NULL), "");
}
END_TEST

START_TEST(status_names)
{
    ck_assert_str_eq(folio_status_name(FOLIO_EINPUT), "input");
    ck_assert_str_eq(folio_status_name(FOLIO_EENGINE), "engine");
    ck_assert_str_eq(folio_status_name(12345), "error");
}
END_TEST

static Suite *error_suite(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, set_keeps_code_and_formatted_message);
    tcase_add_test(tc, long_messages_are_truncated_not_overflowed);
    tcase_add_test(tc, null_error_object_is_allowed);
    tcase_add_test(tc, status_names);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(error_suite)
