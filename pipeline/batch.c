/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `folio batch`: convert many files with a pool of worker threads. Pages,
 * not files, are the unit of work, so one long PDF keeps every worker busy.
 * Each worker creates one engine for its whole life (and keeps the PDF it
 * is reading open). A page that fails is recorded and the run goes on.
 * SIGINT/SIGTERM only set a flag: no new page is started, pages in flight
 * finish, the summary is written, and the exit code is 9; the handler
 * resets itself, so a second signal ends the process at once (outputs are
 * written atomically, so no partial file is left either way).
 */
#include "batch.h"
#include "cli.h"
#include "load.h"
#include "pdf.h"
#include "pdf_merge.h"
#include "text.h"

#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 256
#define TICK_MS 200

static volatile sig_atomic_t batch_signal = 0;

static void on_signal(int sig)
{
    batch_signal = sig;
}

typedef struct batch_task {
    int file; /* index into files */
    int page; /* 0-based */
} batch_task;

/* The state shared by the workers; `lock` guards next, stop, running, fatal
 * and every file's left/failed. */
typedef struct batch_run {
    const batch_opts *o;
    batch_files files;
    batch_task *tasks;
    size_t ntasks, next;
    char *manifest_path;
    batch_manifest *man;
    batch_resume *resume;
    batch_report rep;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int running;
    bool stop;
    int fatal;           /* a worker could not start: its status */
    long extra_failures; /* merged files or manifest lines that could not be written */
} batch_run;

typedef struct worker {
    batch_run *r;
    folio_engine *e;
    folio_error *err;
    folio_pdf *pdf; /* the PDF this worker read last, kept open */
} worker;

/* ---- one page --------------------------------------------------------- */

static folio_page *convert_pdf_page(worker *w, const batch_file *f, int page)
{
    const batch_opts *o = w->r->o;
    if (w->pdf && strcmp(folio_pdf_path(w->pdf), f->path))
        folio_pdf_destroy(&w->pdf);
    if (!w->pdf) {
        folio_load_limits lim;
        folio_load_limits_init(&lim);
        if (!(w->pdf = folio_pdf_open_file(f->path, &lim, w->err)))
            return NULL;
    }
    PIX *pix = NULL;
    if (folio_pdf_render(w->pdf, page, o->conv.dpi, &pix, w->err))
        return NULL;
    folio_convert_params p = o->conv;
    p.page = page;
    p.dpi = 0; /* the page was rendered at --dpi: its tag is right */
    folio_page *pg = folio_engine_convert_pix(w->e, pix, f->path, page, f->pages, pixGetXRes(pix),
                                              f->sha256, &p, w->err);
    pixDestroy(&pix);
    return pg;
}

static folio_page *convert_page(worker *w, const batch_file *f, int page)
{
    if (f->is_pdf)
        return convert_pdf_page(w, f, page);
    folio_convert_params p = w->r->o->conv;
    p.page = page;
    return folio_engine_convert(w->e, f->path, &p, w->err);
}

static char *out_path(const batch_opts *o, const char *rel)
{
    char *s = NULL;
    return asprintf(&s, "%s/%s", o->outdir, rel) < 0 ? NULL : s;
}

/* Render and write one format; \return 0 or a folio_status with err set. */
static int write_one(const batch_opts *o, const folio_page *pg, folio_format fmt, const char *rel,
                     folio_error *err)
{
    char *path = out_path(o, rel), *data = NULL;
    size_t len = 0;
    int rc = path ? 0 : folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    char *slash = path ? strrchr(path, '/') : NULL;
    if (slash) {
        *slash = '\0';
        rc = batch_mkdirs(path, err);
        *slash = '/';
    }
    if (!rc)
        rc = folio_page_render(pg, fmt, &data, &len, err);
    if (!rc)
        rc = folio_write_atomic(path, data, len, err);
    free(data);
    free(path);
    return rc;
}

/* Every format of a page; on failure none of them is left. outs[] receives
 * the relative paths (caller frees each). */
static int write_outputs(worker *w, const batch_file *f, int page, const folio_page *pg,
                         char **outs, int *nout)
{
    const batch_opts *o = w->r->o;
    int rc = 0;
    *nout = 0;
    for (int k = 0; k < o->nfmt && !rc; k++) {
        char *rel = batch_output_rel(f, page, o->fmts[k]);
        rc = rel ? write_one(o, pg, o->fmts[k], rel, w->err)
                 : folio_error_set(w->err, FOLIO_ENOMEM, "out of memory");
        if (rel)
            outs[(*nout)++] = rel;
    }
    for (int k = 0; rc && k < *nout; k++) {
        char *path = out_path(o, outs[k]);
        if (path)
            unlink(path);
        free(path);
        free(outs[k]);
    }
    if (rc)
        *nout = 0;
    return rc;
}

static bool wants(const batch_opts *o, folio_format f)
{
    for (int k = 0; k < o->nfmt; k++)
        if (o->fmts[k] == f)
            return true;
    return false;
}

static int append_file(folio_buf *b, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
        folio_buf_append(b, chunk, n);
    int bad = ferror(fp);
    fclose(fp);
    return bad || b->oom ? -1 : 0;
}

/* <stem>.txt of a multi-page input: its pages' txt outputs, separated by a
 * form feed as pdftotext does. \return 0 or a folio_status with err set. */
static int merge_txt(const batch_opts *o, const batch_file *f, folio_error *err)
{
    folio_buf b = FOLIO_BUF_INIT;
    char *rel = NULL, *path = NULL;
    int rc = 0;
    for (int p = 0; p < f->pages && !rc; p++) {
        rel = batch_output_rel(f, p, FOLIO_FMT_TXT);
        path = rel ? out_path(o, rel) : NULL;
        if (p > 0)
            folio_buf_puts(&b, b.len && b.data[b.len - 1] != '\n' ? "\n\f" : "\f");
        if (!path || append_file(&b, path))
            rc = folio_error_set(err, FOLIO_EOUTPUT, "%s/%s: cannot read it back to merge",
                                 o->outdir, rel ? rel : f->rel);
        free(rel);
        free(path);
    }
    rel = rc ? NULL : batch_output_rel(f, -1, FOLIO_FMT_TXT);
    path = rel ? out_path(o, rel) : NULL;
    if (!rc && !path)
        rc = folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    if (!rc)
        rc = folio_write_atomic(path, b.data ? b.data : "", b.len, err);
    free(rel);
    free(path);
    folio_buf_free(&b);
    return rc;
}

/* <stem>.pdf of a multi-page input: its pages' PDFs, in page order, as one
 * document (pdf_merge.c). \return 0 or a folio_status with err set. */
static int merge_pdf(const batch_opts *o, const batch_file *f, folio_error *err)
{
    char **paths = calloc((size_t)f->pages, sizeof(*paths));
    char *rel = NULL, *out = NULL;
    int rc = paths ? 0 : folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    for (int p = 0; p < f->pages && !rc; p++) {
        rel = batch_output_rel(f, p, FOLIO_FMT_PDF);
        if (!rel || !(paths[p] = out_path(o, rel)))
            rc = folio_error_set(err, FOLIO_ENOMEM, "out of memory");
        free(rel);
    }
    rel = rc ? NULL : batch_output_rel(f, -1, FOLIO_FMT_PDF);
    out = rel ? out_path(o, rel) : NULL;
    if (!rc && !out)
        rc = folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    if (!rc)
        rc = folio_pdf_merge((const char *const *)paths, (size_t)f->pages, out, err);
    for (int p = 0; paths && p < f->pages; p++)
        free(paths[p]);
    free(paths);
    free(rel);
    free(out);
    return rc;
}

/* The formats that have a merged <stem>.<ext> for a multi-page input. */
static const folio_format merged_formats[] = {FOLIO_FMT_TXT, FOLIO_FMT_PDF};
#define N_MERGED (sizeof(merged_formats) / sizeof(merged_formats[0]))

static int write_merged(const batch_opts *o, const batch_file *f, folio_format fmt,
                        folio_error *err)
{
    return fmt == FOLIO_FMT_PDF ? merge_pdf(o, f, err) : merge_txt(o, f, err);
}

static void note_extra_failure(batch_run *r, const char *msg)
{
    batch_report_message(&r->rep, "error", msg);
    pthread_mutex_lock(&r->lock);
    r->extra_failures++;
    pthread_mutex_unlock(&r->lock);
}

/* Record a finished page; the worker that finishes a file's last page merges it. */
static void finish_page(batch_run *r, batch_file *f, const batch_record *rec)
{
    folio_error *err = folio_error_create();
    if (batch_manifest_append(r->man, rec, true, err))
        note_extra_failure(r, folio_error_message(err));
    batch_report_page(&r->rep, rec);
    pthread_mutex_lock(&r->lock);
    f->failed |= !strcmp(rec->status, "failed");
    bool merge = --f->left == 0 && !f->failed && f->pages > 1;
    pthread_mutex_unlock(&r->lock);
    for (size_t k = 0; merge && k < N_MERGED; k++)
        if (wants(r->o, merged_formats[k]) && write_merged(r->o, f, merged_formats[k], err))
            note_extra_failure(r, folio_error_message(err));
    folio_error_destroy(&err);
}

static void run_task(worker *w, const batch_task *t)
{
    batch_file *f = &w->r->files.v[t->file];
    double t0 = batch_now_ms();
    char *outs[FOLIO_FMT_COUNT];
    int nout = 0;
    folio_error_clear(w->err);
    folio_page *pg = convert_page(w, f, t->page);
    int rc = pg ? write_outputs(w, f, t->page, pg, outs, &nout) : folio_error_code(w->err);
    if (!pg && !rc)
        rc = folio_error_set(w->err, FOLIO_EINPUT, "%s: page %d: conversion failed", f->path,
                             t->page + 1);
    const char *sha = pg ? folio_page_sha256(pg) : NULL;
    batch_record rec = {.file = f, .page = t->page, .outputs = outs, .noutputs = nout};
    rec.sha256 = sha && *sha ? sha : NULL;
    rec.status = rc ? "failed" : "ok";
    rec.error = rc ? folio_error_message(w->err) : NULL;
    rec.timing_ms = batch_now_ms() - t0;
    rec.confidence = pg && !rc ? folio_page_confidence(pg) : -1;
    finish_page(w->r, f, &rec);
    folio_page_destroy(&pg);
    for (int k = 0; k < nout; k++)
        free(outs[k]);
}

/* ---- workers ---------------------------------------------------------- */

static bool take_task(batch_run *r, size_t *pi)
{
    pthread_mutex_lock(&r->lock);
    bool ok = !r->stop && !batch_signal && r->next < r->ntasks;
    if (ok)
        *pi = r->next++;
    pthread_mutex_unlock(&r->lock);
    return ok;
}

static void *worker_main(void *arg)
{
    worker w = {arg, NULL, folio_error_create(), NULL};
    batch_run *r = w.r;
    w.e = w.err ? folio_engine_create(&r->o->engine, w.err) : NULL;
    if (!w.e) {
        pthread_mutex_lock(&r->lock);
        bool first = !r->fatal;
        if (first)
            r->fatal = w.err ? folio_error_code(w.err) : FOLIO_ENOMEM;
        r->stop = true;
        pthread_mutex_unlock(&r->lock);
        if (first)
            batch_report_message(&r->rep, "error",
                                 w.err ? folio_error_message(w.err) : "out of memory");
    }
    size_t i;
    while (w.e && take_task(r, &i))
        run_task(&w, &r->tasks[i]);
    folio_pdf_destroy(&w.pdf);
    folio_engine_destroy(&w.e);
    folio_error_destroy(&w.err);
    pthread_mutex_lock(&r->lock);
    r->running--;
    pthread_cond_broadcast(&r->cond);
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Start the workers and report progress until they are all gone. */
static void run_workers(batch_run *r, int jobs)
{
    pthread_t th[MAX_JOBS];
    int n = 0;
    r->rep.t0_ms = batch_now_ms();
    pthread_mutex_lock(&r->lock);
    while (n < jobs && (size_t)n < r->ntasks && !pthread_create(&th[n], NULL, worker_main, r)) {
        n++;
        r->running++;
    }
    if (n == 0 && r->ntasks > 0)
        r->fatal = FOLIO_ENOMEM;
    while (r->running > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += TICK_MS * 1000000L;
        ts.tv_sec += ts.tv_nsec / 1000000000L;
        ts.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&r->cond, &r->lock, &ts);
        bool stopping = batch_signal && !r->stop;
        r->stop |= stopping;
        pthread_mutex_unlock(&r->lock);
        if (stopping)
            batch_report_message(
                &r->rep, "stopping",
                "stopping: finishing the pages in flight; a second Ctrl-C quits at once");
        batch_report_progress(&r->rep, false);
        pthread_mutex_lock(&r->lock);
    }
    pthread_mutex_unlock(&r->lock);
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
}

/* ---- planning --------------------------------------------------------- */

/* A record for a page that needs no work: skipped (done before) or a file
 * that could not be inspected. */
static int record_now(batch_run *r, batch_file *f, int page, const char *status, folio_error *err)
{
    char *outs[FOLIO_FMT_COUNT];
    int nout = 0;
    for (int k = 0; page >= 0 && k < r->o->nfmt; k++)
        if ((outs[nout] = batch_output_rel(f, page, r->o->fmts[k])) != NULL)
            nout++;
    batch_record rec = {f, page, NULL, status, f->error, outs, nout, 0, -1};
    int rc = batch_manifest_append(r->man, &rec, false, err);
    batch_report_page(&r->rep, &rec);
    for (int k = 0; k < nout; k++)
        free(outs[k]);
    return rc;
}

/* A multi-page file whose pages were all done before: (re)write its merged
 * files (txt, pdf) that are missing. */
static void merge_if_missing(batch_run *r, const batch_file *f, folio_error *err)
{
    for (size_t k = 0; k < N_MERGED; k++) {
        if (!wants(r->o, merged_formats[k]))
            continue;
        char *rel = batch_output_rel(f, -1, merged_formats[k]);
        char *path = rel ? out_path(r->o, rel) : NULL;
        struct stat st;
        if (path && stat(path, &st) != 0 && write_merged(r->o, f, merged_formats[k], err))
            note_extra_failure(r, folio_error_message(err));
        free(rel);
        free(path);
    }
}

/* Queue every page to convert; record the others. \return 0 or a folio_status. */
static int plan(batch_run *r, folio_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < r->files.n; i++)
        total += r->files.v[i].pages > 0 ? (size_t)r->files.v[i].pages : 1;
    r->rep.total = (long)total;
    r->tasks = calloc(total ? total : 1, sizeof(*r->tasks));
    if (!r->tasks)
        return folio_error_set(err, FOLIO_ENOMEM, "out of memory planning %zu pages", total);
    int rc = 0;
    for (size_t i = 0; i < r->files.n && !rc; i++) {
        batch_file *f = &r->files.v[i];
        if (f->pages < 1)
            rc = record_now(r, f, -1, "failed", err);
        for (int p = 0; p < f->pages && !rc; p++) {
            if (r->o->resume && batch_resume_done(r->resume, r->o->outdir, f, p, r->o)) {
                rc = record_now(r, f, p, "skipped", err);
                continue;
            }
            r->tasks[r->ntasks++] = (batch_task){(int)i, p};
            f->left++;
        }
        if (!rc && f->pages > 1 && f->left == 0)
            merge_if_missing(r, f, err);
    }
    batch_manifest_sync(r->man);
    return rc;
}

/* ---- the run ---------------------------------------------------------- */

static char *manifest_path(const batch_opts *o)
{
    char *s = NULL;
    int n = o->manifest      ? asprintf(&s, "%s", o->manifest)
            : o->shard_n > 1 ? asprintf(&s, "%s/manifest.shard-%d-of-%d.jsonl", o->outdir,
                                        o->shard_k, o->shard_n)
                             : asprintf(&s, "%s/manifest.jsonl", o->outdir);
    return n < 0 ? NULL : s;
}

/* Everything before the workers: inputs, shard, inspection, resume, manifest. */
static int prepare(batch_run *r, folio_error *err)
{
    const batch_opts *o = r->o;
    int rc = batch_collect(o, &r->files, err);
    if (!rc && !(r->manifest_path = manifest_path(o)))
        rc = folio_error_set(err, FOLIO_ENOMEM, "out of memory");
    if (!rc)
        rc = batch_mkdirs(o->outdir, err);
    if (rc)
        return rc;
    batch_shard(&r->files, o->shard_k, o->shard_n);
    batch_inspect(&r->files, o->jobs, &batch_signal);
    if (batch_signal)
        return FOLIO_EINTR;
    if (o->resume && !(r->resume = batch_resume_load(r->manifest_path)))
        return folio_error_set(err, FOLIO_ENOMEM, "out of memory reading %s", r->manifest_path);
    batch_remove_stale(o->outdir, &r->files, o);
    if (!(r->man = batch_manifest_open(r->manifest_path, err)))
        return folio_error_code(err);
    return plan(r, err);
}

static int exit_status(const batch_run *r, int rc)
{
    if (rc)
        return rc;
    if (r->fatal)
        return r->fatal;
    if (batch_signal)
        return FOLIO_EINTR;
    return r->rep.failed > 0 || r->extra_failures > 0 ? FOLIO_EPARTIAL : FOLIO_OK;
}

static int run_batch(const batch_opts *o)
{
    batch_run r;
    memset(&r, 0, sizeof(r));
    r.o = o;
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.cond, NULL);
    batch_report_init(&r.rep, o);
    folio_error *err = folio_error_create();
    int rc = err ? prepare(&r, err) : FOLIO_ENOMEM;
    if (rc && rc != FOLIO_EINTR)
        batch_report_message(&r.rep, "error", err ? folio_error_message(err) : "out of memory");
    if (!rc)
        run_workers(&r, o->jobs);
    rc = exit_status(&r, rc);
    if (r.man || rc == FOLIO_EINTR)
        batch_report_summary(&r.rep, r.manifest_path ? r.manifest_path : "", -rc,
                             (long)(r.ntasks - r.next));
    batch_manifest_close(&r.man);
    batch_resume_free(&r.resume);
    batch_files_free(&r.files);
    free(r.tasks);
    free(r.manifest_path);
    batch_report_destroy(&r.rep);
    pthread_cond_destroy(&r.cond);
    pthread_mutex_destroy(&r.lock);
    folio_error_destroy(&err);
    return rc;
}

/* ---- the command line ------------------------------------------------- */

static const char batch_help[] =
    "Usage: folio batch INPUT... -o OUTDIR [OPTIONS]\n"
    "Convert many page images and PDFs with a pool of threads. INPUT is a file, a\n"
    "folder, @LIST (one path a line) or @- (the list on standard input). Multi-page\n"
    "TIFFs and PDFs expand to their pages. Writes OUTDIR/<path>/<stem>.<ext> (one page)\n"
    "or <stem>.p0001.<ext>... (several; with txt and pdf also <stem>.txt and <stem>.pdf\n"
    "holding every page), atomically, and a manifest: one JSON line a page.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR         where outputs and the manifest go (required)\n"
    "  -f, --format LIST        comma list of formats (default txt,json)\n"
    "  -j, --jobs N             worker threads (default: the cores this process may use)\n"
    "  -r, --recursive          walk folders recursively\n"
    "      --resume             skip pages the manifest records as done (same sha256,\n"
    "                           outputs present)\n"
    "      --manifest FILE      default OUTDIR/manifest.jsonl\n"
    "                           (OUTDIR/manifest.shard-K-of-N.jsonl with --shard)\n"
    "      --shard K/N          convert only shard K of N (stable hash of the path)\n"
    "      --log-format FMT     text (default) or json: JSON lines on stderr\n"
    "  -q, --quiet              print nothing but errors\n"
    FOLIO_CLI_CONVERSION_HELP
    "  -h, --help               show this help\n"
    "\n"
    "Exit codes: 0 every page converted, 8 some pages failed (see the manifest),\n"
    "9 interrupted (run again with --resume), 2 bad arguments, 4 no language data,\n"
    "5 OUTDIR or the manifest cannot be written.\n";

enum {
    OPT_RESUME = 256,
    OPT_MANIFEST,
    OPT_SHARD,
    OPT_LOG_FORMAT,
};

static const struct option batch_long[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'f'},
    {"jobs", required_argument, NULL, 'j'},
    {"recursive", no_argument, NULL, 'r'},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"manifest", required_argument, NULL, OPT_MANIFEST},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"log-format", required_argument, NULL, OPT_LOG_FORMAT},
    {"quiet", no_argument, NULL, 'q'},
    FOLIO_CLI_CONVERSION_OPTIONS,
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "folio batch: %s%s%s\nTry 'folio batch --help'.\n", msg, arg ? ": " : "",
            arg ? arg : "");
    return -FOLIO_EUSAGE;
}

static int default_jobs(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set)
                                                          : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

static int parse_shard(const char *s, batch_opts *o)
{
    const char *slash = s ? strchr(s, '/') : NULL;
    long k = 0, n = 0;
    char kbuf[16];
    if (!slash || slash - s >= (long)sizeof(kbuf))
        return -1;
    memcpy(kbuf, s, (size_t)(slash - s));
    kbuf[slash - s] = '\0';
    if (folio_cli_parse_int(slash + 1, 1, 100000, &n) || folio_cli_parse_int(kbuf, 1, n, &k))
        return -1;
    o->shard_k = (int)k;
    o->shard_n = (int)n;
    return 0;
}

/* One option; \return 0, 1 for --help, or an exit code. */
static int batch_option(batch_opts *o, int c, const char **formats)
{
    long v = 0;
    switch (c) {
    case 'o': o->outdir = optarg; return 0;
    case 'f': *formats = optarg; return 0;
    case 'r': o->recursive = true; return 0;
    case 'q': o->quiet = true; return 0;
    case 'h': return 1;
    case 'j':
        if (folio_cli_parse_int(optarg, 1, MAX_JOBS, &v))
            return usage_error("--jobs takes a count from 1 to 256", optarg);
        o->jobs = (int)v;
        return 0;
    case OPT_RESUME: o->resume = true; return 0;
    case OPT_MANIFEST: o->manifest = optarg; return 0;
    case OPT_SHARD:
        return parse_shard(optarg, o) ? usage_error("--shard takes K/N with 1 <= K <= N", optarg)
                                      : 0;
    case OPT_LOG_FORMAT:
        if (strcmp(optarg, "json") && strcmp(optarg, "text"))
            return usage_error("--log-format takes text or json", optarg);
        o->log_json = !strcmp(optarg, "json");
        return 0;
    default: {
        int rc = folio_cli_conversion_option("batch", c, optarg, &o->engine, &o->conv);
        return rc == 1 ? usage_error("unknown option", NULL) : rc;
    }
    }
}

static int parse_batch(int argc, char **argv, batch_opts *o)
{
    memset(o, 0, sizeof(*o));
    folio_engine_params_init(&o->engine);
    folio_convert_params_init(&o->conv);
    o->jobs = default_jobs();
    o->shard_k = o->shard_n = 1;
    const char *formats = "txt,json";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:j:rqh", batch_long, NULL)) != -1) {
        if (c == ':')
            return usage_error("option needs a value", argv[optind - 1]);
        if (c == '?')
            return usage_error("unknown option", argv[optind - 1]);
        int rc = batch_option(o, c, &formats);
        if (rc == 1) {
            fputs(batch_help, stdout);
            return 1;
        }
        if (rc)
            return rc;
    }
    if (!o->outdir)
        return usage_error("-o OUTDIR is required", NULL);
    if (optind >= argc)
        return usage_error("no INPUT given", NULL);
    o->inputs = argv + optind;
    o->ninputs = argc - optind;
    o->nfmt = folio_cli_parse_formats(formats, o->fmts);
    return o->nfmt < 0 ? -FOLIO_EUSAGE : 0;
}

int folio_cmd_batch(int argc, char **argv)
{
    batch_opts o;
    int rc = parse_batch(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : rc;
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_RESETHAND; /* a second signal ends the process */
    batch_signal = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    rc = run_batch(&o);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    return -rc;
}
