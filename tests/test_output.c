/* SPDX-License-Identifier: Apache-2.0 */
/* Tests for pipeline/output.c: atomic writes leave the whole file or nothing. */
#include "folio/folio.h"
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

START_TEST(writes_whole_file_and_replaces)
{
    char *dir = make_tmpdir();
    char path[4200];
    snprintf(path, sizeof(path), "%s/out.json", dir);
    folio_error *err = folio_error_create();
    ck_assert_int_eq(folio_write_atomic(path, "{\"a\": 1}\n", 9, err), 0);
    char *s = slurp(path, NULL);
    ck_assert_str_eq(s, "{\"a\": 1}\n");
    free(s);
    ck_assert_int_eq(folio_write_atomic(path, "国", 3, err), 0);
    s = slurp(path, NULL);
    ck_assert_str_eq(s, "国");
    free(s);
    ck_assert_int_eq(count_entries(dir), 1); /* no temporary left beside it */
    unlink(path);
    rmdir(dir);
    free(dir);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(unwritable_target_fails_cleanly)
{
    char *dir = make_tmpdir();
    char path[4200];
    folio_error *err = folio_error_create();
    snprintf(path, sizeof(path), "%s/no/such/dir/out.txt", dir);
    ck_assert_int_eq(folio_write_atomic(path, "x", 1, err), FOLIO_EOUTPUT);
    ck_assert(strstr(folio_error_message(err), path) != NULL);
    /* a directory in the way of the rename */
    snprintf(path, sizeof(path), "%s/taken", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    ck_assert_int_eq(folio_write_atomic(path, "x", 1, err), FOLIO_EOUTPUT);
    ck_assert_int_eq(count_entries(dir), 1); /* only the directory; no .part left */
    rmdir(path);
    rmdir(dir);
    free(dir);
    folio_error_destroy(&err);
}
END_TEST

START_TEST(refusing_directory_leaves_nothing)
{
    folio_error *err = folio_error_create();
    /* /proc refuses new files even to root (tests run as root in CI, so
       permission bits cannot make a directory unwritable). */
    ck_assert_int_eq(folio_write_atomic("/proc/folio-test-out.txt", "x", 1, err), FOLIO_EOUTPUT);
    ck_assert(access("/proc/folio-test-out.txt", F_OK) != 0);
    folio_error_destroy(&err);
}
END_TEST

/* -o /dev/null as root once renamed a regular file over /dev/null. Tested on
 * a FIFO and a private copy of /dev/full, never on the real devices. */
START_TEST(special_files_are_written_not_replaced)
{
    char *dir = make_tmpdir();
    char path[4200];
    folio_error *err = folio_error_create();
    snprintf(path, sizeof(path), "%s/fifo", dir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    int rfd = open(path, O_RDWR | O_NONBLOCK); /* a reader, so the writer's open returns */
    ck_assert_int_ge(rfd, 0);
    ck_assert_int_eq(folio_write_atomic(path, "hello", 5, err), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    char buf[8] = {0};
    ck_assert_int_eq(read(rfd, buf, sizeof(buf)), 5);
    ck_assert_str_eq(buf, "hello");
    close(rfd);
    ck_assert_int_eq(count_entries(dir), 1); /* no .part beside it */
    unlink(path);
    snprintf(path, sizeof(path), "%s/full", dir);
    if (mknod(path, S_IFCHR | 0666, makedev(1, 7)) == 0) { /* root: a /dev/full of our own */
        ck_assert_int_eq(folio_write_atomic(path, "x", 1, err), FOLIO_EOUTPUT);
        ck_assert_msg(strstr(folio_error_message(err), "No space left"), "%s",
                      folio_error_message(err));
        ck_assert_int_eq(stat(path, &st), 0);
        ck_assert(S_ISCHR(st.st_mode));
        ck_assert_int_eq(count_entries(dir), 1);
        unlink(path);
    }
    rmdir(dir);
    free(dir);
    folio_error_destroy(&err);
}
END_TEST

static Suite *output_suite(void)
{
    Suite *s = suite_create("output");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, writes_whole_file_and_replaces);
    tcase_add_test(tc, unwritable_target_fails_cleanly);
    tcase_add_test(tc, refusing_directory_leaves_nothing);
    tcase_add_test(tc, special_files_are_written_not_replaced);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(output_suite)
