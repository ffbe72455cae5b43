/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `folio watch` workers: each owns one engine for its whole life and takes
 * claimed files from the queue. A file is hashed and counted (batch's
 * inspection), checked against the journal of converted content, converted
 * page by page (a page whose outputs all exist is not redone, which is how
 * a restart after a crash resumes), and only after every output is written
 * atomically and the journal line is synced does the source move to done/.
 * A file that fails moves to failed/ with NAME.error.json; the service goes on.
 */
#include "batch.h"
#include "load.h"
#include "pdf.h"
#include "text.h"
#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- log and journal -------------------------------------------------- */

static void iso_now(char *buf, size_t n)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void watch_log(watch_run *r, const char *event, const char *file, const char *fmt, ...)
{
    char msg[1024], when[32];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    iso_now(when, sizeof(when));
    pthread_mutex_lock(&r->log_lock);
    if (r->o->log_json) {
        json_t *j = json_pack("{s:s,s:s,s:s?,s:s}", "time", when, "event", event, "file", file,
                              "message", msg);
        char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
        if (s)
            fprintf(stderr, "%s\n", s);
        free(s);
        json_decref(j);
    } else {
        fprintf(stderr, "folio watch: %s %s%s%s\n", event, file ? file : "", file ? ": " : "", msg);
    }
    fflush(stderr);
    pthread_mutex_unlock(&r->log_lock);
}

/* Remember sha -> stem (caller holds r->lock). \return 0 or FOLIO_ENOMEM. */
static int seen_add(watch_run *r, const char *sha, const char *stem)
{
    if (r->nseen == r->capseen) {
        size_t cap = r->capseen ? r->capseen * 2 : 64;
        watch_seen *v = realloc(r->seen, cap * sizeof(*v));
        if (!v)
            return FOLIO_ENOMEM;
        r->seen = v;
        r->capseen = cap;
    }
    watch_seen *s = &r->seen[r->nseen];
    snprintf(s->sha, sizeof(s->sha), "%s", sha);
    if (!(s->stem = folio_strdup(stem)))
        return FOLIO_ENOMEM;
    r->nseen++;
    return 0;
}

/* Caller holds r->lock. \return the index or -1. */
static long seen_find(const watch_run *r, const char *sha)
{
    for (size_t i = 0; i < r->nseen; i++)
        if (!strcmp(r->seen[i].sha, sha))
            return (long)i;
    return -1;
}

static void seen_drop(watch_run *r, const char *sha)
{
    pthread_mutex_lock(&r->lock);
    long i = seen_find(r, sha);
    if (i >= 0) {
        free(r->seen[i].stem);
        r->seen[i] = r->seen[--r->nseen];
    }
    pthread_mutex_unlock(&r->lock);
}

static void journal_read_line(watch_run *r, const char *line)
{
    json_t *j = json_loads(line, 0, NULL);
    const char *ev = json_string_value(json_object_get(j, "event"));
    const char *sha = json_string_value(json_object_get(j, "sha256"));
    const char *stem = json_string_value(json_object_get(j, "stem"));
    if (ev && sha && stem && !strcmp(ev, "converted") && strlen(sha) == 64 && seen_find(r, sha) < 0)
        seen_add(r, sha, stem);
    json_decref(j);
}

int watch_journal_open(watch_run *r, folio_error *err)
{
    char *path = NULL;
    if (asprintf(&path, "%s/%s", r->o->outdir, WATCH_JOURNAL) < 0)
        return folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    int rc = 0;
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    while (f && getline(&line, &cap, f) > 0)
        journal_read_line(r, line); /* a torn last line is simply not a record */
    free(line);
    if (f)
        fclose(f);
    r->journal_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (r->journal_fd < 0)
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot open: %s", path, strerror(errno));
    free(path);
    return rc;
}

/* Append one JSON object as one line with one write(), then fsync. j is taken. */
static int journal_append(watch_run *r, json_t *j, folio_error *err)
{
    char when[32];
    iso_now(when, sizeof(when));
    json_object_set_new(j, "time", json_string(when));
    char *s = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    if (!s)
        return folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    size_t n = strlen(s);
    s[n] = '\n'; /* json_dumps' NUL becomes the newline: write n + 1 bytes */
    pthread_mutex_lock(&r->log_lock);
    ssize_t w = write(r->journal_fd, s, n + 1);
    int rc = (w == (ssize_t)(n + 1) && fsync(r->journal_fd) == 0)
                 ? 0
                 : folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot append: %s", WATCH_JOURNAL,
                                   strerror(errno));
    pthread_mutex_unlock(&r->log_lock);
    free(s);
    return rc;
}

/* ---- names and moves -------------------------------------------------- */

char *watch_stem(const char *name)
{
    char *s = folio_strdup(name);
    char *dot = s ? strrchr(s, '.') : NULL;
    if (dot && dot != s)
        *dot = '\0';
    return s;
}

char *watch_output_path(const watch_opts *o, const char *stem, int page, int pages,
                        folio_format fmt)
{
    char *s = NULL;
    int n = pages > 1
                ? asprintf(&s, "%s/%s.p%04d.%s", o->outdir, stem, page + 1, folio_format_ext(fmt))
                : asprintf(&s, "%s/%s.%s", o->outdir, stem, folio_format_ext(fmt));
    return n < 0 ? NULL : s;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Copy src to a new file dst (O_EXCL), sync it. \return 0, -EEXIST or -errno. */
static int copy_new(const char *src, const char *dst)
{
    int in = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), out = -1, rc = 0;
    char buf[1 << 16];
    ssize_t n = 0;
    if (in < 0)
        return -errno;
    out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        rc = -errno;
        goto done;
    }
    while ((n = read(in, buf, sizeof(buf))) > 0)
        if (write(out, buf, (size_t)n) != n)
            break;
    if (n != 0 || fsync(out) != 0) {
        rc = -EIO;
        unlink(dst);
    }
done:
    if (out >= 0)
        close(out);
    close(in);
    return rc;
}

/* Rename without replacing; across file systems copy then unlink. \return 0 or -errno. */
static int move_noreplace(const char *src, const char *dst)
{
    if (renameat2(AT_FDCWD, src, AT_FDCWD, dst, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EXDEV)
        return -errno;
    int rc = copy_new(src, dst);
    if (!rc)
        unlink(src);
    return rc;
}

int watch_move_unique(const char *src, const char *dir, const char *name, char **pdst,
                      folio_error *err)
{
    if (pdst)
        *pdst = NULL;
    char *stem = watch_stem(name), *dst = NULL;
    const char *ext = stem ? name + strlen(stem) : "";
    int rc = stem ? -EEXIST : -ENOMEM;
    for (int k = 0; rc == -EEXIST && k < 10000; k++) {
        free(dst);
        dst = NULL;
        int n = k ? asprintf(&dst, "%s/%s-%d%s", dir, stem, k, ext)
                  : asprintf(&dst, "%s/%s", dir, name);
        rc = n < 0 ? -ENOMEM : move_noreplace(src, dst);
    }
    if (rc) {
        free(dst);
        dst = NULL;
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot move to %s: %s", src, dir,
                             strerror(-rc));
    } else {
        fsync_dir(dir);
    }
    if (pdst)
        *pdst = dst;
    else
        free(dst);
    free(stem);
    return rc;
}

/* ---- the queue -------------------------------------------------------- */

int watch_enqueue(watch_run *r, const char *name)
{
    watch_item *it = calloc(1, sizeof(*it));
    char *stem = watch_stem(name);
    if (!it || !stem || !(it->name = folio_strdup(name))) {
        free(it);
        free(stem);
        return FOLIO_ENOMEM;
    }
    pthread_mutex_lock(&r->lock);
    char **v = r->nstems == r->capstems
                   ? realloc(r->stems, (r->capstems = r->capstems * 2 + 16) * sizeof(*v))
                   : r->stems;
    if (v) {
        r->stems = v;
        r->stems[r->nstems++] = stem;
        stem = NULL;
    }
    if (r->tail)
        r->tail->next = it;
    else
        r->head = it;
    r->tail = it;
    pthread_cond_signal(&r->cond);
    pthread_mutex_unlock(&r->lock);
    free(stem);
    return 0;
}

bool watch_stem_busy(watch_run *r, const char *stem)
{
    bool busy = false;
    pthread_mutex_lock(&r->lock);
    for (size_t i = 0; i < r->nstems && !busy; i++)
        busy = !strcmp(r->stems[i], stem);
    pthread_mutex_unlock(&r->lock);
    return busy;
}

static void stem_release(watch_run *r, const char *stem)
{
    pthread_mutex_lock(&r->lock);
    for (size_t i = 0; i < r->nstems; i++)
        if (!strcmp(r->stems[i], stem)) {
            free(r->stems[i]);
            r->stems[i] = r->stems[--r->nstems];
            break;
        }
    pthread_mutex_unlock(&r->lock);
}

/* Block until an item or stop. \return the item (caller frees) or NULL. */
static watch_item *dequeue(watch_run *r)
{
    pthread_mutex_lock(&r->lock);
    while (!r->head && !r->stop)
        pthread_cond_wait(&r->cond, &r->lock);
    watch_item *it = r->stop ? NULL : r->head;
    if (it) {
        r->head = it->next;
        if (!r->head)
            r->tail = NULL;
        r->busy++;
    }
    pthread_mutex_unlock(&r->lock);
    return it;
}

void watch_run_free(watch_run *r)
{
    for (watch_item *it = r->head, *next = NULL; it; it = next) {
        next = it->next;
        free(it->name);
        free(it);
    }
    r->head = r->tail = NULL;
    for (size_t i = 0; i < r->nseen; i++)
        free(r->seen[i].stem);
    for (size_t i = 0; i < r->nstems; i++)
        free(r->stems[i]);
    free(r->seen);
    free(r->stems);
    r->seen = NULL;
    r->stems = NULL;
    r->nseen = r->nstems = 0;
}

/* ---- one file --------------------------------------------------------- */

typedef struct worker {
    watch_run *r;
    folio_engine *e;
    folio_error *err;
    folio_pdf *pdf;
} worker;

typedef struct job {
    const char *name; /* in the work area */
    char *path;       /* WORK/name */
    char *stem;
    batch_file bf;
    const char *stage; /* where it failed */
    json_t *outputs;
    bool recorded; /* the journal already holds its converted line (a restart) */
} job;

static folio_page *convert_one(worker *w, job *jb, int page)
{
    folio_convert_params p = w->r->o->conv;
    p.page = page;
    if (!jb->bf.is_pdf)
        return folio_engine_convert(w->e, jb->path, &p, w->err);
    folio_pdf_destroy(&w->pdf);
    folio_load_limits lim;
    folio_load_limits_init(&lim);
    PIX *pix = NULL;
    folio_page *pg = NULL;
    if ((w->pdf = folio_pdf_open_file(jb->path, &lim, w->err)) &&
        !folio_pdf_render(w->pdf, page, p.dpi, &pix, w->err)) {
        p.dpi = 0;
        pg = folio_engine_convert_pix(w->e, pix, jb->name, page, jb->bf.pages, pixGetXRes(pix),
                                      jb->bf.sha256, &p, w->err);
    }
    pixDestroy(&pix);
    folio_pdf_destroy(&w->pdf);
    return pg;
}

static bool page_complete(const watch_opts *o, const job *jb, int page)
{
    for (int k = 0; k < o->nfmt; k++) {
        char *p = watch_output_path(o, jb->stem, page, jb->bf.pages, o->fmts[k]);
        bool ok = p && access(p, F_OK) == 0;
        free(p);
        if (!ok)
            return false;
    }
    return true;
}

static int write_page(worker *w, job *jb, int page, const folio_page *pg)
{
    const watch_opts *o = w->r->o;
    int rc = 0;
    for (int k = 0; k < o->nfmt && !rc; k++) {
        char *path = watch_output_path(o, jb->stem, page, jb->bf.pages, o->fmts[k]), *data = NULL;
        size_t len = 0;
        rc = path ? folio_page_render(pg, o->fmts[k], &data, &len, w->err)
                  : folio_error_set(w->err, FOLIO_ENOMEM, "out of memory");
        if (!rc)
            rc = folio_write_atomic(path, data, len, w->err);
        if (!rc)
            json_array_append_new(jb->outputs, json_string(path + strlen(o->outdir) + 1));
        free(data);
        free(path);
    }
    return rc;
}

/* Convert the pages not yet complete. \return 0, 1 when stopped, or a folio_status. */
static int convert_pages(worker *w, job *jb)
{
    for (int page = 0; page < jb->bf.pages; page++) {
        if (page_complete(w->r->o, jb, page)) {
            watch_log(w->r, "resume", jb->name, "page %d already converted", page + 1);
            continue;
        }
        if (page > 0 && *w->r->abort_pages)
            return 1;
        jb->stage = "convert";
        folio_error_clear(w->err);
        folio_page *pg = convert_one(w, jb, page);
        if (!pg)
            return folio_error_code(w->err) ? folio_error_code(w->err) : FOLIO_EINPUT;
        jb->stage = "write";
        int rc = write_page(w, jb, page, pg);
        folio_page_destroy(&pg);
        if (rc)
            return rc;
    }
    return 0;
}

static void fail_file(worker *w, job *jb, int rc)
{
    watch_run *r = w->r;
    const char *reason =
        folio_error_message(w->err)[0] ? folio_error_message(w->err) : folio_status_name(rc);
    char *dst = NULL, *ej = NULL, when[32];
    folio_error *err2 = folio_error_create();
    iso_now(when, sizeof(when));
    json_t *j = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "file", jb->name, "reason", reason, "stage",
                          jb->stage, "status", folio_status_name(rc), "time", when, "folio_version",
                          folio_version());
    char *s = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
    watch_log(r, "failed", jb->name, "%s (stage %s)", reason, jb->stage);
    if (!watch_move_unique(jb->path, r->o->failed, jb->name, &dst, err2) && s &&
        asprintf(&ej, "%s.error.json", dst) >= 0)
        folio_write_atomic(ej, s, strlen(s), err2);
    else
        watch_log(r, "error", jb->name, "%s", folio_error_message(err2));
    json_t *rec = json_pack("{s:s,s:s,s:s,s:s?}", "event", "failed", "file", jb->name, "reason",
                            reason, "moved_to", dst);
    if (rec)
        journal_append(r, rec, err2);
    free(ej);
    free(dst);
    free(s);
    json_decref(j);
    folio_error_destroy(&err2);
}

/* Hash seen before under another stem: the file is a duplicate. \return true if so. */
static bool check_duplicate(worker *w, job *jb, char **pof)
{
    watch_run *r = w->r;
    *pof = NULL;
    pthread_mutex_lock(&r->lock);
    long i = seen_find(r, jb->bf.sha256);
    bool dup = i >= 0 && strcmp(r->seen[i].stem, jb->stem);
    if (dup)
        *pof = folio_strdup(r->seen[i].stem);
    jb->recorded = i >= 0 && !dup;
    if (i < 0)
        seen_add(r, jb->bf.sha256, jb->stem);
    pthread_mutex_unlock(&r->lock);
    return dup;
}

static void finish_duplicate(worker *w, job *jb, const char *of)
{
    char *dst = NULL;
    if (watch_move_unique(jb->path, w->r->o->done, jb->name, &dst, w->err)) {
        watch_log(w->r, "error", jb->name, "%s", folio_error_message(w->err));
        return;
    }
    json_t *rec = json_pack("{s:s,s:s,s:s,s:s,s:s}", "event", "duplicate", "file", jb->name,
                            "sha256", jb->bf.sha256, "same_as", of, "moved_to", dst);
    if (rec)
        journal_append(w->r, rec, w->err);
    watch_log(w->r, "duplicate", jb->name, "same content as %s: not converted again", of);
    free(dst);
}

static void finish_ok(worker *w, job *jb, double t0)
{
    char *dst = NULL;
    json_t *rec =
        json_pack("{s:s,s:s,s:s,s:s,s:i,s:O}", "event", "converted", "file", jb->name, "sha256",
                  jb->bf.sha256, "stem", jb->stem, "pages", jb->bf.pages, "outputs", jb->outputs);
    int rc = jb->recorded ? 0 : rec ? journal_append(w->r, rec, w->err) : FOLIO_ENOMEM;
    if (jb->recorded)
        json_decref(rec);
    if (!rc)
        rc = watch_move_unique(jb->path, w->r->o->done, jb->name, &dst, w->err);
    if (rc)
        watch_log(w->r, "error", jb->name, "%s", folio_error_message(w->err));
    else
        watch_log(w->r, "converted", jb->name, "%d page(s) in %.0f ms, source moved to %s",
                  jb->bf.pages, batch_now_ms() - t0, dst);
    free(dst);
}

static void process(worker *w, const char *name)
{
    const watch_opts *o = w->r->o;
    job jb = {.name = name, .stage = "read"};
    double t0 = batch_now_ms();
    char *of = NULL;
    struct stat st;
    folio_error_clear(w->err);
    jb.stem = watch_stem(name);
    jb.outputs = json_array();
    int rc = asprintf(&jb.path, "%s/%s", o->work, name) < 0 || !jb.stem || !jb.outputs
                 ? folio_error_set(w->err, FOLIO_ENOMEM, "out of memory")
                 : 0;
    if (!rc && (lstat(jb.path, &st) != 0 || !S_ISREG(st.st_mode)))
        rc = folio_error_set(w->err, FOLIO_EINPUT, "%s: not a regular file", name);
    if (!rc) {
        jb.bf.path = jb.path;
        jb.bf.rel = jb.stem;
        batch_files fs = {&jb.bf, 1, 1};
        static const volatile sig_atomic_t no_stop = 0;
        batch_inspect(&fs, 1, &no_stop);
        if (jb.bf.error)
            rc = folio_error_set(w->err, FOLIO_EINPUT, "%s", jb.bf.error);
    }
    if (rc)
        fail_file(w, &jb, rc);
    else if (check_duplicate(w, &jb, &of))
        finish_duplicate(w, &jb, of);
    else if ((rc = convert_pages(w, &jb)) == 1)
        watch_log(w->r, "stopped", name, "left in the work area for the next start");
    else if (rc) {
        seen_drop(w->r, jb.bf.sha256);
        fail_file(w, &jb, rc);
    } else
        finish_ok(w, &jb, t0);
    stem_release(w->r, jb.stem);
    free(jb.bf.error);
    free(of);
    free(jb.stem);
    free(jb.path);
    json_decref(jb.outputs);
}

void *watch_worker_main(void *arg)
{
    watch_run *r = arg;
    worker w = {.r = r, .err = folio_error_create()};
    if (w.err)
        w.e = folio_engine_create(&r->o->engine, w.err);
    pthread_mutex_lock(&r->lock);
    if (!w.e && !r->fatal) {
        r->fatal = w.err ? folio_error_code(w.err) : FOLIO_ENOMEM;
        fprintf(stderr, "folio watch: %s\n", w.err ? folio_error_message(w.err) : "out of memory");
    }
    r->started++;
    pthread_cond_broadcast(&r->cond);
    pthread_mutex_unlock(&r->lock);
    watch_item *it = NULL;
    while (w.e && (it = dequeue(r))) {
        process(&w, it->name);
        free(it->name);
        free(it);
        pthread_mutex_lock(&r->lock);
        r->busy--;
        pthread_cond_broadcast(&r->cond);
        pthread_mutex_unlock(&r->lock);
    }
    folio_engine_destroy(&w.e);
    folio_error_destroy(&w.err);
    return NULL;
}
