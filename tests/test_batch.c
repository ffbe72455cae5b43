/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Integration: the real `folio batch` on folders made at test time from
 * samples/ (strips cropped from seed-head.png, the two-page TIFF, a
 * scanned PDF written by Leptonica), checked through its outputs and its
 * manifest: trees, lists on stdin, bad files, resume after kill -9, a
 * graceful Ctrl-C, shards, and the merged PDF of a multi-page input.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <leptonica/allheaders.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

#define STRIP_H 280

/* ---- building inputs -------------------------------------------------- */

static void mkdir_p(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Strip k (0..5) of seed-head.png: a few lines of text, 2500 x 280. Caller destroys. */
static PIX *strip(int k)
{
    PIX *page = pixRead(sample_path("seed-head.png"));
    ck_assert_ptr_nonnull(page);
    BOX *box = boxCreate(0, 60 + k * STRIP_H, pixGetWidth(page), STRIP_H);
    PIX *s = pixClipRectangle(page, box, NULL);
    boxDestroy(&box);
    pixDestroy(&page);
    ck_assert_ptr_nonnull(s);
    pixSetResolution(s, 300, 300);
    return s;
}

static void write_strip(const char *dir, const char *name, int k)
{
    char path[4400];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    PIX *s = strip(k);
    ck_assert_int_eq(pixWrite(path, s, IFF_PNG), 0);
    pixDestroy(&s);
}

/* A scanned PDF: strips k0 and k1, one image a page, embedded at 200 dpi. */
static void write_pdf(const char *path, int k0, int k1)
{
    PIXA *pa = pixaCreate(2);
    pixaAddPix(pa, strip(k0), L_INSERT);
    pixaAddPix(pa, strip(k1), L_INSERT);
    ck_assert_int_eq(pixaConvertToPdf(pa, 200, 1.0, L_FLATE_ENCODE, 0, "test", path), 0);
    pixaDestroy(&pa);
}

/* A multi-page TIFF: strips k0, k0 + 1, ... one a page. */
static void write_tiff(const char *path, int k0, int pages)
{
    for (int p = 0; p < pages; p++) {
        PIX *s = strip(k0 + p);
        ck_assert_int_eq(pixWriteTiff(path, s, IFF_TIFF_ZIP, p ? "a" : "w"), 0);
        pixDestroy(&s);
    }
}

static void copy_file(const char *from, const char *to)
{
    size_t len = 0;
    char *data = slurp(from, &len);
    ck_assert_ptr_nonnull(data);
    spit(to, data, len);
    free(data);
}

static bool exists(const char *dir, const char *rel)
{
    char path[4400];
    snprintf(path, sizeof(path), "%s/%s", dir, rel);
    return access(path, F_OK) == 0;
}

/* The standard output of a shell command, which must exit 0; caller frees. */
static char *capture(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char *s = read_stream(p, NULL);
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(pclose(p) == 0, "`%s` succeeds", cmd);
    return s;
}

/* Every run of whitespace (form feeds too) made one space, none at the ends. In place. */
static char *squeeze(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        bool space = strchr(" \t\n\r\f\v", *r) != NULL;
        if (!space)
            *w++ = *r;
        else if (w > s && w[-1] != ' ')
            *w++ = ' ';
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
    return s;
}

/* pdftotext's text of the PDF at dir/rel, whitespace squeezed; caller frees. */
static char *pdf_text(const char *dir, const char *rel)
{
    char cmd[4600];
    snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s/%s' -", dir, rel);
    return squeeze(capture(cmd));
}

static int pdf_pages(const char *dir, const char *rel)
{
    char cmd[4600];
    snprintf(cmd, sizeof(cmd), "qpdf --show-npages '%s/%s'", dir, rel);
    char *out = capture(cmd);
    int n = atoi(out);
    free(out);
    return n;
}

static long long mtime_ns(const char *dir, const char *rel)
{
    char path[4400];
    struct stat st;
    snprintf(path, sizeof(path), "%s/%s", dir, rel);
    ck_assert_int_eq(stat(path, &st), 0);
    return st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* ---- reading the manifest --------------------------------------------- */

/* Every record of a manifest, in order; caller decrefs. */
static json_t *manifest(const char *path)
{
    json_t *all = json_array();
    char *text = slurp(path, NULL);
    ck_assert_msg(text != NULL, "no manifest %s", path);
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        json_error_t jerr;
        json_t *rec = json_loads(line, 0, &jerr);
        ck_assert_msg(rec != NULL, "manifest line is JSON: %s (%s)", line, jerr.text);
        json_array_append_new(all, rec);
    }
    free(text);
    return all;
}

static const char *rec_str(json_t *rec, const char *key)
{
    const char *s = json_string_value(json_object_get(rec, key));
    return s ? s : "";
}

/* The record of input (its path ends with `name`) and page with the given status. */
static int count_records(json_t *all, const char *name, int page, const char *status)
{
    int n = 0;
    size_t i;
    json_t *rec;
    json_array_foreach(all, i, rec)
    {
        const char *in = rec_str(rec, "input");
        size_t a = strlen(in), b = strlen(name);
        if (a >= b && !strcmp(in + a - b, name) &&
            (page < 0 || json_integer_value(json_object_get(rec, "page")) == page) &&
            !strcmp(rec_str(rec, "status"), status))
            n++;
    }
    return n;
}

/* Is any ".part" file left anywhere under dir? */
static bool has_part_files(const char *dir)
{
    char cmd[4300];
    snprintf(cmd, sizeof(cmd), "find '%s' -name '*.part' | grep -q .", dir);
    return system(cmd) == 0;
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(tree_recursive_tiff_pdf)
{
    char *root = make_tmpdir();
    char in[4200], out[4200], path[4400], args[9000];
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(out, sizeof(out), "%s/out", root);
    snprintf(path, sizeof(path), "%s/sub/deep", in);
    mkdir_p(path);
    write_strip(in, "a.png", 0);
    write_strip(in, "sub/b.png", 1);
    write_strip(in, ".hidden.png", 1);
    snprintf(path, sizeof(path), "%s/sub/deep/two.tif", in);
    copy_file(sample_path("two-pages.tif"), path);
    snprintf(path, sizeof(path), "%s/doc.pdf", in);
    write_pdf(path, 2, 3);
    snprintf(path, sizeof(path), "%s/notes.txt", in);
    spit(path, "not a page\n", 11);

    char *err = NULL;
    snprintf(args, sizeof(args), "batch %s -r -o %s -j 2 -f txt,json --log-format json", in, out);
    ck_assert_int_eq(run_folio(args, NULL, &err), 0);
    ck_assert_msg(strstr(err, "\"event\":\"summary\"") != NULL, "JSON summary in: %s", err);
    free(err);
    const char *want[] = {"a.txt",
                          "a.json",
                          "sub/b.txt",
                          "sub/deep/two.p0001.txt",
                          "sub/deep/two.p0002.json",
                          "sub/deep/two.txt",
                          "doc.p0001.json",
                          "doc.p0002.txt",
                          "doc.txt"};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        ck_assert_msg(exists(out, want[i]), "%s/%s written", out, want[i]);
    ck_assert(!exists(out, "hidden.txt") && !exists(out, ".hidden.txt"));

    json_t *all = manifest(strcat(strcpy(path, out), "/manifest.jsonl"));
    ck_assert_uint_eq(json_array_size(all), 6);
    ck_assert_int_eq(count_records(all, "", -1, "ok"), 6);
    ck_assert_uint_eq(strlen(rec_str(json_array_get(all, 0), "sha256")), 64);
    ck_assert_int_eq(count_records(all, "two.tif", 2, "ok"), 1);
    json_decref(all);

    /* The merged text holds both pages, page 2 being the English one. */
    snprintf(path, sizeof(path), "%s/sub/deep/two.txt", out);
    char *merged = slurp(path, NULL);
    ck_assert_msg(strchr(merged, '\f') && strstr(merged, "English"), "merged: %s", merged);
    free(merged);
    /* A PDF page scanned at 200 dpi is rendered at 200 dpi: the strip's 2500 pixels. */
    snprintf(path, sizeof(path), "%s/doc.p0001.json", out);
    json_t *doc = json_load_file(path, 0, NULL);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(doc, "image"), "width")),
                     2500);
    json_decref(doc);

    /* `folio convert` reads PDF pages too. */
    snprintf(args, sizeof(args), "convert %s/doc.pdf --page 2 -f json -o %s/p2.json", in, root);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 0);
    snprintf(path, sizeof(path), "%s/p2.json", root);
    doc = json_load_file(path, 0, NULL);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(doc, "source"), "page")),
                     2);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(doc, "image"), "width")),
                     2500);
    json_decref(doc);

    /* Not recursive, resumed: only the top level, and nothing redone. */
    snprintf(args, sizeof(args), "batch %s --resume -o %s -j 2 -f txt,json", in, out);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 0);
    all = manifest(strcat(strcpy(path, out), "/manifest.jsonl"));
    ck_assert_uint_eq(json_array_size(all), 9);
    ck_assert_int_eq(count_records(all, "", -1, "skipped"), 3);
    ck_assert_int_eq(count_records(all, "", -1, "ok"), 6);
    json_decref(all);
    rm_rf(root);
}
END_TEST

START_TEST(list_on_stdin_with_bad_files)
{
    char *root = make_tmpdir();
    char list[4200], out[4200], path[4400], args[9000];
    write_strip(root, "good.png", 4);
    size_t len = 0;
    char *png = slurp(sample_path("seed-head.png"), &len);
    snprintf(path, sizeof(path), "%s/bad.png", root);
    spit(path, png, len / 5); /* a good header, truncated data */
    free(png);
    snprintf(path, sizeof(path), "%s/broken.pdf", root);
    write_pdf(path, 0, 1);
    char *pdf = slurp(path, &len);
    spit(path, pdf, len / 3); /* cut: no cross-reference table, no pages */
    free(pdf);
    snprintf(list, sizeof(list), "%s/list.txt", root);
    FILE *f = fopen(list, "w");
    fprintf(f, "%s/good.png\n%s/bad.png\n\n%s/missing.png\n%s/broken.pdf\n", root, root, root,
            root);
    fclose(f);
    snprintf(out, sizeof(out), "%s/out", root);

    char *err = NULL;
    snprintf(args, sizeof(args), "batch @- -o %s -j 2 -f txt < %s", out, list);
    ck_assert_int_eq(run_folio(args, NULL, &err), 8);
    ck_assert_msg(strstr(err, "bad.png") != NULL, "the failure is named: %s", err);
    free(err);
    json_t *all = manifest(strcat(strcpy(path, out), "/manifest.jsonl"));
    ck_assert_uint_eq(json_array_size(all), 4);
    ck_assert_int_eq(count_records(all, "/good.png", 1, "ok"), 1);
    ck_assert_int_eq(count_records(all, "/bad.png", -1, "failed"),
                     1); /* at inspection or decoding */
    ck_assert_int_eq(count_records(all, "/missing.png", -1, "failed"), 1);
    ck_assert_int_eq(count_records(all, "/broken.pdf", -1, "failed"), 1);
    size_t i;
    json_t *rec;
    json_array_foreach(all, i, rec)
    {
        if (!strcmp(rec_str(rec, "status"), "failed"))
            ck_assert_msg(strstr(rec_str(rec, "error"), "corrupt") ||
                              strstr(rec_str(rec, "error"), "cannot open") ||
                              strstr(rec_str(rec, "error"), "PDF"),
                          "reason: %s", rec_str(rec, "error"));
    }
    json_decref(all);
    ck_assert(exists(out, "good.txt"));
    ck_assert(!exists(out, "bad.txt"));
    rm_rf(root);
}
END_TEST

/* Start `folio batch ARGS` in the background. \return its pid. */
static pid_t spawn_folio(const char *args)
{
    char cmd[9000];
    snprintf(cmd, sizeof(cmd), "exec %s %s >/dev/null 2>&1", getenv("FOLIO_BIN"), args);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Wait until the manifest has at least n lines (at most 10 minutes). */
static void wait_lines(const char *path, int n)
{
    for (int tries = 0; tries < 12000; tries++) {
        char *text = slurp(path, NULL);
        int lines = 0;
        for (char *p = text; p && *p; p++)
            lines += *p == '\n';
        free(text);
        if (lines >= n)
            return;
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    ck_abort_msg("%s never reached %d lines", path, n);
}

static void make_strips(const char *dir, int n)
{
    mkdir_p(dir);
    for (int k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof(name), "s%d.png", k);
        write_strip(dir, name, k % 6);
    }
}

START_TEST(resume_after_kill_9)
{
    char *root = make_tmpdir();
    char in[4200], out[4200], man[4400], args[9000];
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(out, sizeof(out), "%s/out", root);
    snprintf(man, sizeof(man), "%s/manifest.jsonl", out);
    make_strips(in, 6);
    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt,json", in, out);
    pid_t pid = spawn_folio(args);
    wait_lines(man, 2);
    kill(pid, SIGKILL);
    int st = 0;
    waitpid(pid, &st, 0);
    ck_assert(WIFSIGNALED(st));
    json_t *first = manifest(man);
    int done = count_records(first, "", -1, "ok");
    ck_assert_int_lt(done, 6);
    json_decref(first);

    /* As a kill leaves them: a temporary file of ours, and one of another run's. */
    char stale[4400], other[4400];
    snprintf(stale, sizeof(stale), "%s/.s5.json.Ab12Cd.part", out);
    snprintf(other, sizeof(other), "%s/.elsewhere.txt.Ab12Cd.part", out);
    spit(stale, "{", 1);
    spit(other, "x", 1);

    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt,json --resume", in, out);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 0);
    ck_assert_msg(access(stale, F_OK) != 0, "our stale temporary file is removed");
    ck_assert_msg(access(other, F_OK) == 0, "another run's temporary file is left alone");
    unlink(other);
    json_t *all = manifest(man);
    for (int k = 0; k < 6; k++) {
        char name[32], txt[32];
        snprintf(name, sizeof(name), "/s%d.png", k);
        snprintf(txt, sizeof(txt), "s%d.json", k);
        ck_assert_msg(count_records(all, name, 1, "ok") == 1, "%s converted exactly once", name);
        ck_assert(exists(out, txt));
    }
    ck_assert_int_eq(count_records(all, "", -1, "skipped"), done);
    json_decref(all);
    ck_assert_msg(!has_part_files(out), "no temporary file left");
    rm_rf(root);
}
END_TEST

START_TEST(interrupt_finishes_in_flight_pages)
{
    char *root = make_tmpdir();
    char in[4200], out[4200], man[4400], args[9000];
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(out, sizeof(out), "%s/out", root);
    snprintf(man, sizeof(man), "%s/manifest.jsonl", out);
    make_strips(in, 5);
    snprintf(args, sizeof(args), "batch %s -o %s -j 1 -f txt", in, out);
    pid_t pid = spawn_folio(args);
    wait_lines(man, 1);
    kill(pid, SIGINT);
    int st = 0;
    waitpid(pid, &st, 0);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 9, "exit 9 after SIGINT (status %d)", st);
    json_t *all = manifest(man);
    int ok = count_records(all, "", -1, "ok");
    ck_assert_int_ge(ok, 1);
    ck_assert_int_lt(ok, 5);
    for (int k = 0; k < 5; k++) { /* every page recorded ok has its output, no other has */
        char name[32], txt[32];
        snprintf(name, sizeof(name), "/s%d.png", k);
        snprintf(txt, sizeof(txt), "s%d.txt", k);
        ck_assert_int_eq(exists(out, txt), count_records(all, name, 1, "ok") == 1);
    }
    json_decref(all);
    ck_assert(!has_part_files(out));
    rm_rf(root);
}
END_TEST

START_TEST(shards_make_the_whole)
{
    char *root = make_tmpdir();
    char in[4200], out[4200], path[4400], args[9000];
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(out, sizeof(out), "%s/out", root);
    make_strips(in, 3);
    for (int k = 0; k < 5; k++) { /* not images: refused at once, still one record each */
        snprintf(path, sizeof(path), "%s/junk%d.png", in, k);
        spit(path, "not an image at all", 19);
    }
    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt --shard 1/2", in, out);
    int rc1 = run_folio(args, NULL, NULL);
    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt --shard 2/2", in, out);
    int rc2 = run_folio(args, NULL, NULL);
    ck_assert(rc1 == 0 || rc1 == 8);
    ck_assert(rc2 == 0 || rc2 == 8);
    json_t *one = manifest(strcat(strcpy(path, out), "/manifest.shard-1-of-2.jsonl"));
    json_t *two = manifest(strcat(strcpy(path, out), "/manifest.shard-2-of-2.jsonl"));
    ck_assert(!exists(out, "manifest.jsonl"));
    ck_assert_uint_eq(json_array_size(one) + json_array_size(two), 8);
    for (int k = 0; k < 3; k++) {
        char name[32], txt[32];
        snprintf(name, sizeof(name), "/s%d.png", k);
        snprintf(txt, sizeof(txt), "s%d.txt", k);
        ck_assert_int_eq(count_records(one, name, 1, "ok") + count_records(two, name, 1, "ok"), 1);
        ck_assert(exists(out, txt));
    }
    for (int k = 0; k < 5; k++) {
        char name[32];
        snprintf(name, sizeof(name), "/junk%d.png", k);
        ck_assert_int_eq(
            count_records(one, name, -1, "failed") + count_records(two, name, -1, "failed"), 1);
    }
    json_decref(one);
    json_decref(two);
    rm_rf(root);
}
END_TEST

START_TEST(usage_and_collisions)
{
    char *root = make_tmpdir();
    char args[9000], a[4200], b[4200];
    char *err = NULL;
    ck_assert_int_eq(run_folio("batch x.png", NULL, NULL), 2);
    ck_assert_int_eq(run_folio("batch x.png -o /tmp/none --shard 3/2", NULL, NULL), 2);
    ck_assert_int_eq(run_folio("batch x.png -o /tmp/none --jobs 0", NULL, NULL), 2);
    ck_assert_int_eq(run_folio("batch --help", NULL, NULL), 0);
    snprintf(a, sizeof(a), "%s/a", root);
    snprintf(b, sizeof(b), "%s/b", root);
    mkdir_p(a);
    mkdir_p(b);
    write_strip(a, "x.png", 0);
    write_strip(b, "x.png", 0);
    snprintf(args, sizeof(args), "batch %s %s -o %s/out", a, b, root);
    ck_assert_int_eq(run_folio(args, NULL, &err), 2);
    ck_assert_msg(strstr(err, "would both write") != NULL, "collision explained: %s", err);
    free(err);
    rm_rf(root);
}
END_TEST

#define MERGE_PAGES 3

START_TEST(merged_pdf_of_a_multi_page_input)
{
    char *root = make_tmpdir();
    char in[4200], out[4200], path[4400], args[9000];
    snprintf(in, sizeof(in), "%s/in", root);
    snprintf(out, sizeof(out), "%s/out", root);
    mkdir_p(in);
    snprintf(path, sizeof(path), "%s/doc.tif", in);
    write_tiff(path, 1, MERGE_PAGES);
    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt,pdf", in, out);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 0);

    /* One record a page, each knowing the input's page count. */
    json_t *all = manifest(strcat(strcpy(path, out), "/manifest.jsonl"));
    ck_assert_int_eq(count_records(all, "/doc.tif", -1, "ok"), MERGE_PAGES);
    json_t *rec = json_array_get(all, 0);
    int pages = (int)json_integer_value(json_object_get(rec, "pages"));
    ck_assert_int_eq(pages, MERGE_PAGES);
    json_decref(all);

    ck_assert_int_eq(pdf_pages(out, "doc.pdf"), pages);
    snprintf(args, sizeof(args), "qpdf --check '%s/doc.pdf' >/dev/null", out);
    ck_assert_msg(system(args) == 0, "qpdf --check passes on the merged PDF");

    /* Its text is the pages' texts in page order: each page non-empty and
     * different from the others, so a missing or moved page shows. */
    char *texts[MERGE_PAGES];
    size_t total = 0;
    for (int p = 0; p < pages; p++) {
        char rel[64];
        snprintf(rel, sizeof(rel), "doc.p%04d.pdf", p + 1);
        texts[p] = pdf_text(out, rel);
        ck_assert_msg(*texts[p], "page %d has text", p + 1);
        for (int q = 0; q < p; q++)
            ck_assert_msg(strcmp(texts[p], texts[q]), "pages %d and %d differ", q + 1, p + 1);
        total += strlen(texts[p]) + 1;
    }
    char *joined = calloc(total + 1, 1);
    for (int p = 0; p < pages; p++) {
        if (p)
            strcat(joined, " ");
        strcat(joined, texts[p]);
        free(texts[p]);
    }
    char *merged = pdf_text(out, "doc.pdf");
    ck_assert_str_eq(merged, joined);
    free(joined);

    /* Deleted, the merged PDF is written again by --resume, no page redone. */
    long long before = mtime_ns(out, "doc.p0002.pdf");
    snprintf(path, sizeof(path), "%s/doc.pdf", out);
    ck_assert_int_eq(unlink(path), 0);
    snprintf(args, sizeof(args), "batch %s -o %s -j 2 -f txt,pdf --resume", in, out);
    ck_assert_int_eq(run_folio(args, NULL, NULL), 0);
    all = manifest(strcat(strcpy(path, out), "/manifest.jsonl"));
    ck_assert_int_eq(count_records(all, "/doc.tif", -1, "ok"), MERGE_PAGES);
    ck_assert_int_eq(count_records(all, "/doc.tif", -1, "skipped"), MERGE_PAGES);
    json_decref(all);
    ck_assert(mtime_ns(out, "doc.p0002.pdf") == before);
    ck_assert_int_eq(pdf_pages(out, "doc.pdf"), pages);
    char *again = pdf_text(out, "doc.pdf");
    ck_assert_str_eq(again, merged);
    free(again);
    free(merged);
    ck_assert(!has_part_files(out));
    rm_rf(root);
}
END_TEST

static Suite *batch_suite(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("binary");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, usage_and_collisions);
    tcase_add_test(tc, tree_recursive_tiff_pdf);
    tcase_add_test(tc, list_on_stdin_with_bad_files);
    tcase_add_test(tc, resume_after_kill_9);
    tcase_add_test(tc, interrupt_finishes_in_flight_pages);
    tcase_add_test(tc, shards_make_the_whole);
    tcase_add_test(tc, merged_pdf_of_a_multi_page_input);
    suite_add_tcase(s, tc);
    return s;
}

FOLIO_TEST_MAIN(batch_suite)
