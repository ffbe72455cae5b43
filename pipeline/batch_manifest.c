/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The manifest and the reports of `folio batch`. The manifest is JSON
 * Lines, one record a page, appended as pages finish: each line is one
 * write() on an O_APPEND descriptor, fsync'd, under a mutex, so a killed
 * run leaves only whole lines and loses at most its in-flight pages.
 * Manifests of shards concatenate into the manifest of the whole. Resume
 * reads the ok records back: a page is done when every output it would
 * write is named by an ok record of the same page and sha256, and exists.
 * Reports go to stderr: a live bar on a terminal, a line every few seconds
 * elsewhere, or JSON lines.
 */
#include "batch.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_TTY_MS 500.0
#define PROGRESS_LOG_MS 5000.0
#define PROGRESS_IDLE_MS 60000.0
#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))

double batch_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A JSON string of s; bytes that are not UTF-8 (a file name can hold any)
 * become U+FFFD rather than losing the field. */
static json_t *jstr(const char *s)
{
    if (!s)
        s = "";
    json_t *j = json_string(s);
    if (j)
        return j;
    char *fixed = folio_utf8_valid(s);
    j = json_string(fixed ? fixed : "");
    free(fixed);
    return j;
}

/* ---- the manifest ----------------------------------------------------- */

struct batch_manifest {
    int fd;
    pthread_mutex_t lock;
    char *path;
};

batch_manifest *batch_manifest_open(const char *path, folio_error *err)
{
    batch_manifest *m = calloc(1, sizeof(*m));
    if (!m || !(m->path = folio_strdup(path))) {
        free(m);
        folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    m->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (m->fd < 0) {
        folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot open the manifest: %s", path,
                        strerror(errno));
        free(m->path);
        free(m);
        return NULL;
    }
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void batch_manifest_close(batch_manifest **pm)
{
    if (!pm || !*pm)
        return;
    batch_manifest *m = *pm;
    fsync(m->fd);
    close(m->fd);
    pthread_mutex_destroy(&m->lock);
    free(m->path);
    free(m);
    *pm = NULL;
}

static json_t *record_json(const batch_record *r)
{
    const batch_file *f = r->file;
    const char *sha = r->sha256 ? r->sha256 : f->sha256;
    json_t *outs = json_array();
    for (int i = 0; i < r->noutputs; i++)
        json_array_append_new(outs, jstr(r->outputs[i]));
    json_t *o = json_object();
    json_object_set_new(o, "input", jstr(f->path));
    json_object_set_new(o, "page", r->page >= 0 ? json_integer(r->page + 1) : json_null());
    json_object_set_new(o, "pages", f->pages > 0 ? json_integer(f->pages) : json_null());
    json_object_set_new(o, "sha256", *sha ? json_string(sha) : json_null());
    json_object_set_new(o, "status", json_string(r->status));
    json_object_set_new(o, "error", r->error ? jstr(r->error) : json_null());
    json_object_set_new(o, "outputs", outs);
    json_object_set_new(o, "timing_ms", json_integer((json_int_t)llround(r->timing_ms)));
    json_object_set_new(o, "confidence",
                        r->confidence >= 0 ? json_real(round(r->confidence * 10) / 10)
                                           : json_null());
    return o;
}

/* The record as one line with its newline; caller frees. */
static char *record_line(const batch_record *r, size_t *plen)
{
    json_t *o = record_json(r);
    char *s = o ? json_dumps(o, JSON_FLAGS) : NULL;
    json_decref(o);
    char *line = NULL;
    int n = s ? asprintf(&line, "%s\n", s) : -1;
    free(s);
    *plen = n > 0 ? (size_t)n : 0;
    return n > 0 ? line : NULL;
}

int batch_manifest_append(batch_manifest *m, const batch_record *r, bool sync, folio_error *err)
{
    size_t len = 0;
    char *line = record_line(r, &len);
    if (!line)
        return folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", m->path);
    pthread_mutex_lock(&m->lock);
    ssize_t n;
    do
        n = write(m->fd, line, len); /* one write: never a half line among whole ones */
    while (n < 0 && errno == EINTR);
    int rc = n == (ssize_t)len ? 0 : -1;
    if (!rc && sync)
        fdatasync(m->fd);
    pthread_mutex_unlock(&m->lock);
    free(line);
    if (rc)
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: write failed: %s", m->path,
                               n < 0 ? strerror(errno) : "short write");
    return 0;
}

void batch_manifest_sync(batch_manifest *m)
{
    pthread_mutex_lock(&m->lock);
    fdatasync(m->fd);
    pthread_mutex_unlock(&m->lock);
}

/* ---- resume ----------------------------------------------------------- */

typedef struct done_output {
    char *output; /* relative to OUTDIR */
    char sha256[65];
    int page; /* 0-based */
} done_output;

struct batch_resume {
    done_output *v;
    size_t n, cap;
};

static int cmp_done(const void *a, const void *b)
{
    return strcmp(((const done_output *)a)->output, ((const done_output *)b)->output);
}

/* Index every output of one ok record. \return 0 or -1 when out of memory. */
static int add_record(batch_resume *r, json_t *rec)
{
    const char *status = json_string_value(json_object_get(rec, "status"));
    const char *sha = json_string_value(json_object_get(rec, "sha256"));
    json_t *page = json_object_get(rec, "page"), *outs = json_object_get(rec, "outputs");
    if (!status || strcmp(status, "ok") || !sha || strlen(sha) != 64 || !json_is_integer(page))
        return 0;
    size_t i;
    json_t *out;
    json_array_foreach(outs, i, out)
    {
        if (!json_is_string(out))
            continue;
        if (r->n == r->cap) {
            done_output *v = realloc(r->v, (r->cap = r->cap ? r->cap * 2 : 256) * sizeof(*v));
            if (!v)
                return -1;
            r->v = v;
        }
        done_output *d = &r->v[r->n];
        if (!(d->output = folio_strdup(json_string_value(out))))
            return -1;
        memcpy(d->sha256, sha, 65);
        d->page = (int)json_integer_value(page) - 1;
        r->n++;
    }
    return 0;
}

batch_resume *batch_resume_load(const char *path)
{
    batch_resume *r = calloc(1, sizeof(*r));
    FILE *fp = r ? fopen(path, "r") : NULL;
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    while (fp && !rc && getline(&line, &cap, fp) >= 0) {
        json_t *rec = json_loads(line, 0, NULL); /* an unreadable line is skipped */
        rc = rec ? add_record(r, rec) : 0;
        json_decref(rec);
    }
    free(line);
    if (fp)
        fclose(fp);
    if (rc)
        batch_resume_free(&r);
    if (r && r->n)
        qsort(r->v, r->n, sizeof(*r->v), cmp_done);
    return r;
}

void batch_resume_free(batch_resume **pr)
{
    if (!pr || !*pr)
        return;
    for (size_t i = 0; i < (*pr)->n; i++)
        free((*pr)->v[i].output);
    free((*pr)->v);
    free(*pr);
    *pr = NULL;
}

/* Is there an ok record naming output for this page and sha256? */
static bool recorded(const batch_resume *r, const char *output, const char *sha, int page)
{
    done_output key = {(char *)output, "", 0};
    done_output *d = bsearch(&key, r->v, r->n, sizeof(*r->v), cmp_done);
    if (!d)
        return false;
    while (d > r->v && !strcmp(d[-1].output, output))
        d--;
    for (; d < r->v + r->n && !strcmp(d->output, output); d++)
        if (d->page == page && !strcmp(d->sha256, sha))
            return true;
    return false;
}

bool batch_resume_done(const batch_resume *r, const char *outdir, const batch_file *f, int page,
                       const batch_opts *o)
{
    if (!r || !r->n || !f->sha256[0])
        return false;
    bool done = true;
    for (int k = 0; k < o->nfmt && done; k++) {
        char *rel = batch_output_rel(f, page, o->fmts[k]);
        char *path = NULL;
        if (!rel || asprintf(&path, "%s/%s", outdir, rel) < 0)
            path = NULL;
        struct stat st;
        done = path && recorded(r, rel, f->sha256, page) && stat(path, &st) == 0 &&
               S_ISREG(st.st_mode);
        free(rel);
        free(path);
    }
    return done;
}

/* ---- reports ---------------------------------------------------------- */

void batch_report_init(batch_report *rep, const batch_opts *o)
{
    memset(rep, 0, sizeof(*rep));
    pthread_mutex_init(&rep->lock, NULL);
    rep->tty = isatty(STDERR_FILENO);
    rep->json = o->log_json;
    rep->quiet = o->quiet;
    rep->t0_ms = rep->last_ms = batch_now_ms();
    rep->last_done = -1;
}

void batch_report_destroy(batch_report *rep)
{
    pthread_mutex_destroy(&rep->lock);
}

/* One JSON line on stderr; takes o. Called with the lock held. */
static void emit_json(json_t *o)
{
    char *s = o ? json_dumps(o, JSON_FLAGS) : NULL;
    if (s)
        fprintf(stderr, "%s\n", s);
    free(s);
    json_decref(o);
}

/* Erase the progress bar before printing a line. Called with the lock held. */
static void clear_bar(batch_report *rep)
{
    if (rep->bar_shown)
        fputs("\r\033[K", stderr);
    rep->bar_shown = false;
}

/* A failed page as text. Called with the lock held. */
static void print_failure(batch_report *rep, const batch_record *r)
{
    const char *path = r->file->path, *msg = r->error ? r->error : "unknown error";
    bool named = !strncmp(msg, path, strlen(path)); /* messages name the file already */
    clear_bar(rep);
    if (r->page >= 0 && named)
        fprintf(stderr, "folio batch: page %d failed: %s\n", r->page + 1, msg);
    else if (r->page >= 0)
        fprintf(stderr, "folio batch: page %d of %s failed: %s\n", r->page + 1, path, msg);
    else
        fprintf(stderr, "folio batch: failed: %s%s%s\n", named ? "" : path, named ? "" : ": ", msg);
}

void batch_report_page(batch_report *rep, const batch_record *r)
{
    bool failed = !strcmp(r->status, "failed"), skipped = !strcmp(r->status, "skipped");
    pthread_mutex_lock(&rep->lock);
    rep->ok += !failed && !skipped;
    rep->failed += failed;
    rep->skipped += skipped;
    rep->converted += !skipped && r->page >= 0;
    if (rep->json && !skipped && (failed || !rep->quiet))
        emit_json(json_pack("{s:s s:o s:o s:s s:o}", "event", "page", "input", jstr(r->file->path),
                            "page", r->page >= 0 ? json_integer(r->page + 1) : json_null(),
                            "status", r->status, "error", r->error ? jstr(r->error) : json_null()));
    else if (!rep->json && failed)
        print_failure(rep, r);
    pthread_mutex_unlock(&rep->lock);
}

static void fmt_duration(double s, char *buf, size_t n)
{
    long t = s > 0 && s < 1e9 ? (long)(s + 0.5) : 0;
    if (t >= 3600)
        snprintf(buf, n, "%ldh%02ldm%02lds", t / 3600, t / 60 % 60, t % 60);
    else if (t >= 60)
        snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
    else
        snprintf(buf, n, "%lds", t);
}

/* Pages per minute converted in this run, and the seconds left (-1: unknown). */
static double rate_eta(const batch_report *rep, double now, double *eta_s)
{
    double min = (now - rep->t0_ms) / 60000.0;
    double rate = min > 0 ? rep->converted / min : 0;
    long left = rep->total - rep->ok - rep->failed - rep->skipped;
    *eta_s = rate > 0 ? left / rate * 60.0 : -1;
    return rate;
}

static void print_progress(batch_report *rep, double now)
{
    long done = rep->ok + rep->failed + rep->skipped;
    double eta = -1, rate = rate_eta(rep, now, &eta);
    char etabuf[32] = "--";
    if (eta >= 0)
        fmt_duration(eta, etabuf, sizeof(etabuf));
    if (rep->json) {
        emit_json(json_pack("{s:s s:i s:i s:i s:i s:i s:f s:o}", "event", "progress", "done",
                            (json_int_t)done, "total", (json_int_t)rep->total, "ok",
                            (json_int_t)rep->ok, "failed", (json_int_t)rep->failed, "skipped",
                            (json_int_t)rep->skipped, "pages_per_min", round(rate * 10) / 10,
                            "eta_s", eta >= 0 ? json_integer((json_int_t)eta) : json_null()));
        return;
    }
    if (rep->tty) {
        char bar[21];
        int fill = rep->total > 0 ? (int)(20 * done / rep->total) : 0;
        for (int i = 0; i < 20; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[20] = '\0';
        fprintf(stderr, "\r\033[K[%s] %ld/%ld pages  %ld failed  %.1f pages/min  ETA %s", bar, done,
                rep->total, rep->failed, rate, etabuf);
        rep->bar_shown = true;
    } else {
        fprintf(stderr, "folio batch: %ld/%ld pages, %ld failed, %.1f pages/min, ETA %s\n", done,
                rep->total, rep->failed, rate, etabuf);
    }
    fflush(stderr);
}

void batch_report_progress(batch_report *rep, bool force)
{
    pthread_mutex_lock(&rep->lock);
    double now = batch_now_ms(), since = now - rep->last_ms;
    long done = rep->ok + rep->failed + rep->skipped;
    bool live = rep->tty && !rep->json;
    bool due =
        live ? since >= PROGRESS_TTY_MS
             : (since >= PROGRESS_LOG_MS && done != rep->last_done) || since >= PROGRESS_IDLE_MS;
    if (!rep->quiet && (force || due)) {
        print_progress(rep, now);
        rep->last_ms = now;
        rep->last_done = done;
    }
    pthread_mutex_unlock(&rep->lock);
}

void batch_report_summary(batch_report *rep, const char *manifest, int exit_code, long not_started)
{
    pthread_mutex_lock(&rep->lock);
    double now = batch_now_ms(), eta = 0, rate = rate_eta(rep, now, &eta);
    char took[32];
    fmt_duration((now - rep->t0_ms) / 1000.0, took, sizeof(took));
    if (rep->quiet && exit_code == 0) {
        /* nothing: --quiet prints errors only */
    } else if (rep->json) {
        emit_json(json_pack("{s:s s:i s:i s:i s:i s:i s:f s:f s:o s:i}", "event", "summary",
                            "pages", (json_int_t)rep->total, "ok", (json_int_t)rep->ok, "failed",
                            (json_int_t)rep->failed, "skipped", (json_int_t)rep->skipped,
                            "not_started", (json_int_t)not_started, "seconds",
                            round((now - rep->t0_ms) / 100.0) / 10.0, "pages_per_min",
                            round(rate * 10) / 10, "manifest", jstr(manifest), "exit", exit_code));
    } else {
        clear_bar(rep);
        fprintf(stderr,
                "folio batch: %ld page%s: %ld ok, %ld failed, %ld skipped (done before)%s in %s, "
                "%.1f pages/min; manifest %s\n",
                rep->total, rep->total == 1 ? "" : "s", rep->ok, rep->failed, rep->skipped,
                not_started ? ", interrupted before the rest" : "", took, rate, manifest);
        if (not_started)
            fprintf(stderr, "folio batch: %ld pages not started; run again with --resume\n",
                    not_started);
    }
    fflush(stderr);
    pthread_mutex_unlock(&rep->lock);
}

void batch_report_message(batch_report *rep, const char *event, const char *msg)
{
    pthread_mutex_lock(&rep->lock);
    clear_bar(rep);
    if (rep->json)
        emit_json(json_pack("{s:s s:o}", "event", event, "message", jstr(msg)));
    else
        fprintf(stderr, "folio batch: %s\n", msg);
    pthread_mutex_unlock(&rep->lock);
}
