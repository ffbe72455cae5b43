/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Integration: the real `folio watch` service on an inbox filled at test
 * time with small strips of samples/seed-head.png (each made unique by one
 * pixel, so no two share a SHA-256): files present at start, files moved in,
 * a corrupt file, a slow writer (inotify and --poll), a burst, kill -9 and
 * restart, SIGTERM with work in flight, and the refusals.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <leptonica/allheaders.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

/* ---- inputs ----------------------------------------------------------- */

/* PNG bytes of a 2500x200 strip, variant k (one pixel differs). Caller frees. */
static unsigned char *strip_png(int k, size_t *len)
{
    PIX *page = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(page);
    BOX *box = boxCreate(0, 300, 2500, 200);
    PIX *s = pixClipRectangle(page, box, NULL);
    ck_assert_ptr_nonnull(s);
    pixSetResolution(s, 300, 300);
    l_uint32 v = 0;
    pixGetPixel(s, k % 2500, 199 - k / 2500, &v);
    pixSetPixel(s, k % 2500, 199 - k / 2500, v ? 0 : 255);
    unsigned char *data = NULL;
    ck_assert_int_eq(pixWriteMem(&data, len, s, IFF_PNG), 0);
    boxDestroy(&box);
    pixDestroy(&s);
    pixDestroy(&page);
    return data;
}

static void put_strip(const char *dir, const char *name, int k)
{
    char path[4400];
    size_t len = 0;
    unsigned char *d = strip_png(k, &len);
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    spit(path, d, len);
    free(d);
}

/* Write to a scratch name outside the inbox, then rename in: one event. */
static void drop_strip(const char *root, const char *name, int k)
{
    char tmp[4400], dst[4400];
    put_strip(root, ".scratch", k);
    snprintf(tmp, sizeof(tmp), "%s/.scratch", root);
    snprintf(dst, sizeof(dst), "%s/in/%s", root, name);
    ck_assert_int_eq(rename(tmp, dst), 0);
}

/* ---- the service ------------------------------------------------------ */

/* Start `folio watch ROOT/in -o ROOT/out ARGS` with stderr in ROOT/log. */
static pid_t start_watch(const char *root, const char *args)
{
    char cmd[8192];
    const char *bin = getenv("FOLIO_BIN");
    snprintf(cmd, sizeof(cmd), "exec %s watch '%s/in' -o '%s/out' --jobs 2 %s 2>>'%s/log'",
             bin ? bin : "./folio", root, root, args, root);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Stop with sig and \return the exit status (128+sig when killed). */
static int stop_watch(pid_t pid, int sig)
{
    int st = 0;
    kill(pid, sig);
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Files in dir whose name ends with suffix ("" for all), hidden ones excluded. */
static int count(const char *root, const char *sub, const char *suffix)
{
    char dir[4400];
    snprintf(dir, sizeof(dir), "%s/%s", root, sub);
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t a = strlen(de->d_name), b = strlen(suffix);
        if (de->d_name[0] != '.' && a >= b && !strcmp(de->d_name + a - b, suffix))
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

/* Any ".part" file or entry at all in the work area? */
static int leftovers(const char *root)
{
    char cmd[4400];
    snprintf(cmd, sizeof(cmd),
             "test -z \"$(find '%s/out' -name '*.part'; find '%s/in/.folio-work' -mindepth 1)\"",
             root, root);
    return system(cmd);
}

/* Lines of ROOT/out/watch.jsonl containing needle. */
static int journal_count(const char *root, const char *needle)
{
    char path[4400];
    snprintf(path, sizeof(path), "%s/out/watch.jsonl", root);
    char *s = slurp(path, NULL);
    int n = 0;
    for (char *p = s; p && (p = strstr(p, needle)); p++)
        n++;
    free(s);
    return n;
}

static void wait_for(const char *root, const char *sub, const char *suffix, int want, int secs)
{
    for (int i = 0; i < secs * 10 && count(root, sub, suffix) < want; i++)
        usleep(100000);
    ck_assert_int_ge(count(root, sub, suffix), want); /* exact counts are checked at the end */
}

static char *new_root(void)
{
    char *root = make_tmpdir(), in[4400];
    snprintf(in, sizeof(in), "%s/in", root);
    ck_assert_int_eq(mkdir(in, 0755), 0);
    return root;
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(lifecycle_present_moved_corrupt_slow)
{
    char *root = new_root(), in[4096];
    snprintf(in, sizeof(in), "%s/in", root);
    put_strip(in, "early1.png", 1);
    put_strip(in, "early2.png", 2);
    char link[4400];
    snprintf(link, sizeof(link), "%s/link.png", in);
    ck_assert_int_eq(symlink("/etc/passwd", link), 0);
    pid_t pid = start_watch(root, "--stable-seconds 1");
    wait_for(root, "out", ".txt", 2, 60);
    drop_strip(root, "moved.png", 3);
    drop_strip(root, "early1.png", 6); /* same name, new content: a suffix, no overwrite */
    char bad[4400];
    snprintf(bad, sizeof(bad), "%s/bad.png", in);
    spit(bad, "not a png at all", 16);
    /* a slow writer: the file is open over ~3 s; inotify waits for its close */
    size_t len = 0;
    unsigned char *png = strip_png(5, &len);
    char slow[4400];
    snprintf(slow, sizeof(slow), "%s/slow.png", in);
    int fd = open(slow, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    for (size_t off = 0, step = len / 6 + 1; off < len; off += step) {
        size_t n = len - off < step ? len - off : step;
        ck_assert_int_eq(write(fd, png + off, n), (ssize_t)n);
        usleep(500000);
    }
    close(fd);
    free(png);
    wait_for(root, "out", ".txt", 5, 60);
    wait_for(root, "failed", ".error.json", 1, 30);
    ck_assert_int_eq(count(root, "out", "early1-1.txt"), 1);
    ck_assert_int_eq(kill(pid, 0), 0); /* still running */
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    wait_for(root, "done", ".png", 5, 30);
    ck_assert_int_eq(count(root, "done", "early1-1.png"), 1);
    ck_assert_int_eq(count(root, "done", ".png"), 5);
    ck_assert_int_eq(count(root, "out", ".txt"), 5);
    ck_assert_int_eq(count(root, "out", ".json"), 5);
    ck_assert_int_eq(count(root, "failed", "bad.png"), 1);
    ck_assert_int_eq(journal_count(root, "\"converted\""), 5);
    ck_assert_int_eq(journal_count(root, "slow.png"), 1);
    ck_assert_int_eq(count(root, "in", "link.png"), 1); /* left alone */
    ck_assert_int_eq(leftovers(root), 0);
    rm_rf(root);
}
END_TEST

START_TEST(burst_converted_once_each)
{
    char *root = new_root();
    const int n = 50;
    pid_t pid = start_watch(root, "");
    usleep(1500000);
    for (int k = 0; k < n; k++) {
        char name[64];
        snprintf(name, sizeof(name), "burst%02d.png", k);
        drop_strip(root, name, 100 + k);
    }
    wait_for(root, "done", ".png", n, 240);
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    ck_assert_int_eq(count(root, "done", ".png"), n);
    ck_assert_int_eq(count(root, "out", ".txt"), n);
    ck_assert_int_eq(count(root, "out", ".json"), n);
    ck_assert_int_eq(journal_count(root, "\"converted\""), n);
    ck_assert_int_eq(leftovers(root), 0);
    rm_rf(root);
}
END_TEST

START_TEST(poll_waits_for_a_slow_writer)
{
    char *root = new_root(), slow[4400];
    pid_t pid = start_watch(root, "--poll 0.3 --stable-seconds 1.5");
    size_t len = 0;
    unsigned char *png = strip_png(7, &len);
    snprintf(slow, sizeof(slow), "%s/in/slow.png", root);
    int fd = open(slow, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    for (size_t off = 0, step = len / 4 + 1; off < len; off += step) {
        size_t n = len - off < step ? len - off : step;
        ck_assert_int_eq(write(fd, png + off, n), (ssize_t)n);
        usleep(800000);
    }
    wait_for(root, "done", ".png", 1, 60); /* claimed only once it stopped growing */
    close(fd);
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    char done[4400];
    snprintf(done, sizeof(done), "%s/done/slow.png", root);
    struct stat st;
    ck_assert_int_eq(stat(done, &st), 0);
    ck_assert_int_eq((size_t)st.st_size, len);
    ck_assert_int_eq(count(root, "failed", ""), 0);
    ck_assert_int_eq(journal_count(root, "\"converted\""), 1);
    free(png);
    rm_rf(root);
}
END_TEST

START_TEST(kill_9_then_restart_finishes_everything_once)
{
    char *root = new_root(), in[4096];
    const int n = 8;
    snprintf(in, sizeof(in), "%s/in", root);
    for (int k = 0; k < n; k++) {
        char name[64];
        snprintf(name, sizeof(name), "k%02d.png", k);
        put_strip(in, name, 200 + k);
    }
    pid_t pid = start_watch(root, "--stable-seconds 0");
    wait_for(root, "out", ".txt", 1, 60); /* pages in flight now */
    ck_assert_int_eq(stop_watch(pid, SIGKILL), 128 + SIGKILL);
    ck_assert_int_lt(count(root, "done", ".png"), n);
    pid = start_watch(root, "--stable-seconds 0");
    wait_for(root, "done", ".png", n, 240);
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    ck_assert_int_eq(count(root, "done", ".png"), n);
    ck_assert_int_eq(count(root, "out", ".txt"), n);
    ck_assert_int_eq(count(root, "out", ".json"), n);
    ck_assert_int_eq(count(root, "in", ".png"), 0);
    ck_assert_int_eq(journal_count(root, "\"duplicate\""), 0);
    ck_assert_int_eq(leftovers(root), 0);
    rm_rf(root);
}
END_TEST

START_TEST(sigterm_with_work_in_flight_loses_nothing)
{
    char *root = new_root(), in[4096];
    const int n = 6;
    snprintf(in, sizeof(in), "%s/in", root);
    for (int k = 0; k < n; k++) {
        char name[64];
        snprintf(name, sizeof(name), "t%02d.png", k);
        put_strip(in, name, 300 + k);
    }
    pid_t pid = start_watch(root, "--stable-seconds 0");
    wait_for(root, "out", ".txt", 1, 60);
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    /* what was not finished is still in the inbox or the work area */
    ck_assert_int_eq(count(root, "done", ".png") + count(root, "in", ".png") +
                         count(root, "in/.folio-work", ".png"),
                     n);
    pid = start_watch(root, "--stable-seconds 0");
    wait_for(root, "done", ".png", n, 240);
    ck_assert_int_eq(stop_watch(pid, SIGTERM), 0);
    ck_assert_int_eq(count(root, "done", ".png"), n);
    ck_assert_int_eq(count(root, "out", ".txt"), n);
    ck_assert_int_eq(journal_count(root, "\"converted\""), n);
    ck_assert_int_eq(leftovers(root), 0);
    rm_rf(root);
}
END_TEST

START_TEST(refuses_outputs_inside_the_inbox)
{
    char *root = new_root(), args[9000], *err = NULL;
    snprintf(args, sizeof(args), "watch '%s/in' -o '%s/in/out'", root, root);
    ck_assert_int_eq(run_folio(args, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "inside INBOX"));
    free(err);
    snprintf(args, sizeof(args), "watch '%s/in' -o '%s/out' --done '%s/in/d'", root, root, root);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 2);
    snprintf(args, sizeof(args), "watch '%s/missing' -o '%s/out'", root, root);
    ck_assert_int_eq(run_folio(args, NULL, &err), 2);
    ck_assert_ptr_nonnull(strstr(err, "not a writable folder"));
    free(err);
    rm_rf(root);
}
END_TEST

static Suite *watch_suite(void)
{
    Suite *s = suite_create("watch");
    TCase *tc = tcase_create("service");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, refuses_outputs_inside_the_inbox);
    tcase_add_test(tc, lifecycle_present_moved_corrupt_slow);
    tcase_add_test(tc, poll_waits_for_a_slow_writer);
    tcase_add_test(tc, burst_converted_once_each);
    tcase_add_test(tc, kill_9_then_restart_finishes_everything_once);
    tcase_add_test(tc, sigterm_with_work_in_flight_loses_nothing);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(watch_suite)
