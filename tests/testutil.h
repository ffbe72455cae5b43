/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared helpers for Folio's Check suites: where the samples and the folio
 * binary are, running the binary and capturing its output, small files.
 */
#ifndef FOLIO_TESTUTIL_H
#define FOLIO_TESTUTIL_H

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* samples/NAME: the path in a static buffer. */
static inline const char *sample_path(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("FOLIO_SAMPLES");
    snprintf(buf, sizeof(buf), "%s/%s", dir ? dir : "samples", name);
    return buf;
}

/* Read stream f to its end (NUL-terminated; *plen: its length, may be NULL). Caller frees;
 * NULL when out of memory. Does not close f. */
static inline char *read_stream(FILE *f, size_t *plen)
{
    size_t cap = 4096, len = 0, n;
    char *s = malloc(cap);
    while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *p = realloc(s, cap *= 2);
            if (!p)
                free(s);
            s = p;
        }
    }
    if (s)
        s[len] = '\0';
    if (plen)
        *plen = len;
    return s;
}

/* Read a whole file; caller frees. NULL if unreadable. */
static inline char *slurp(const char *path, size_t *plen)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *s = read_stream(f, plen);
    fclose(f);
    return s;
}

static inline void spit(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    fclose(f);
}

/*
 * Run `$FOLIO_BIN ARGS` through the shell; stdout into *out (caller frees),
 * stderr into *errout (caller frees) when non-NULL. \return the exit status.
 */
static inline int run_folio(const char *args, char **out, char **errout)
{
    char errfile[] = "/tmp/folio-test-stderr-XXXXXX";
    int efd = mkstemp(errfile);
    ck_assert_int_ge(efd, 0);
    char cmd[8192];
    const char *bin = getenv("FOLIO_BIN");
    snprintf(cmd, sizeof(cmd), "%s %s 2>%s", bin ? bin : "./folio", args, errfile);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char *s = read_stream(p, NULL);
    ck_assert_ptr_nonnull(s);
    int st = pclose(p);
    if (out)
        *out = s;
    else
        free(s);
    if (errout)
        *errout = slurp(errfile, NULL);
    close(efd);
    unlink(errfile);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* A fresh temporary directory; the path is malloc'd, caller frees. */
/* Entries of dir other than . and .. (0 when it cannot be read). */
static inline int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

static inline char *make_tmpdir(void)
{
    char *d = strdup("/tmp/folio-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(d));
    return d;
}

/* Remove the tree at dir (made by make_tmpdir) and free dir. */
static inline void rm_rf(char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(dir);
}

#define FOLIO_TEST_MAIN(make_suite)                                                            \
    int main(void)                                                                             \
    {                                                                                          \
        SRunner *sr = srunner_create(make_suite());                                            \
        srunner_run_all(sr, CK_NORMAL);                                                        \
        int failed = srunner_ntests_failed(sr);                                                \
        srunner_free(sr);                                                                      \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                                           \
    }

#endif /* FOLIO_TESTUTIL_H */
