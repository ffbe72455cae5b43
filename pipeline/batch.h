/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `folio batch`: many inputs, many pages, many threads. Private to the
 * batch runner (batch.c), its inputs (batch_input.c) and its manifest and
 * reports (batch_manifest.c). Every function follows Folio's one error
 * convention: 0 or a negative folio_status with the message in err.
 */
#ifndef FOLIO_BATCH_H
#define FOLIO_BATCH_H

#include "folio/folio.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* What the command line asked for; strings are borrowed from argv. */
typedef struct batch_opts {
    char **inputs; /* files, folders, @list, @- */
    int ninputs;
    const char *outdir;
    const char *manifest; /* NULL: OUTDIR/manifest[.shard-K-of-N].jsonl */
    folio_engine_params engine;
    folio_convert_params conv;
    folio_format fmts[FOLIO_FMT_COUNT];
    int nfmt;
    int jobs;
    int shard_k, shard_n; /* 1-based; 1/1 means no sharding */
    bool recursive, resume, quiet, log_json;
} batch_opts;

/* One input file. All strings are owned (freed by batch_files_free). */
typedef struct batch_file {
    char *path; /* as given or as found under a folder: what is opened */
    char *rel;  /* output stem relative to OUTDIR, without extension */
    char *real; /* canonical path, to drop repeats; NULL if it does not exist */
    int pages;  /* >= 1 after inspection, 0 when inspection failed */
    bool is_pdf;
    char sha256[65]; /* of the whole file, "" until inspected */
    char *error;     /* why inspection failed, or NULL */
    int left;        /* pages still to finish in this run (under the run's lock) */
    bool failed;     /* a page failed in this run (under the run's lock) */
} batch_file;

typedef struct batch_files {
    batch_file *v;
    size_t n, cap;
} batch_files;

void batch_files_free(batch_files *fs);

/* ---- inputs (batch_input.c) ------------------------------------------ */

/**
 * Collect the inputs: files, folders (walked with --recursive), @list
 * files and @- (standard input), sorted by output stem, repeats dropped.
 * Inputs that cannot be read are kept: they fail at inspection, one record each.
 * \return 0, or FOLIO_EUSAGE when two inputs would write the same outputs.
 */
int batch_collect(const batch_opts *o, batch_files *out, folio_error *err);

/** Keep only the files of shard k of n (stable hash of the output stem). */
void batch_shard(batch_files *fs, int k, int n);

/**
 * Hash and count the pages of every file with `jobs` threads; failures go
 * into the file's error. Stops early when *stop becomes non-zero.
 */
void batch_inspect(batch_files *fs, int jobs, const volatile sig_atomic_t *stop);

/** The output path relative to OUTDIR of page (0-based; -1: the merged file). Caller frees. */
char *batch_output_rel(const batch_file *f, int page, folio_format fmt);

/**
 * Remove temporary files (".NAME.XXXXXX.part") that a killed run left
 * beside outputs of this run. \return the number removed.
 */
int batch_remove_stale(const char *outdir, const batch_files *fs, const batch_opts *o);

/** Create dir and its parents. \return 0 or FOLIO_EOUTPUT with err set. */
int batch_mkdirs(const char *dir, folio_error *err);

/* ---- manifest, resume and reports (batch_manifest.c) ----------------- */

typedef struct batch_manifest batch_manifest;

/** Open (append, create) the manifest at path. \return NULL with err set. */
batch_manifest *batch_manifest_open(const char *path, folio_error *err);
/** Close *pm (NULL allowed) and set *pm to NULL. */
void batch_manifest_close(batch_manifest **pm);

/* One page's record. */
typedef struct batch_record {
    const batch_file *file;
    int page;           /* 0-based, -1 when the file could not be inspected */
    const char *sha256; /* of what was converted, or NULL: the file's */
    const char *status; /* "ok", "failed", "skipped" */
    const char *error;  /* NULL when ok */
    char **outputs;     /* relative to OUTDIR */
    int noutputs;
    double timing_ms;
    double confidence; /* < 0: none */
} batch_record;

/**
 * Append one record as one line with one write(); fsync unless sync is
 * false (the caller then calls batch_manifest_sync). Thread-safe.
 */
int batch_manifest_append(batch_manifest *m, const batch_record *r, bool sync, folio_error *err);
void batch_manifest_sync(batch_manifest *m);

typedef struct batch_resume batch_resume;

/** Read the ok records of the manifest at path (missing file: empty). NULL when out of memory. */
batch_resume *batch_resume_load(const char *path);
void batch_resume_free(batch_resume **pr);
/** \return whether page of f was converted before with the same sha256 and its outputs exist. */
bool batch_resume_done(const batch_resume *r, const char *outdir, const batch_file *f, int page,
                       const batch_opts *o);

/* Counters and terminal/log output; counters are guarded by the report's lock. */
typedef struct batch_report {
    pthread_mutex_t lock;
    bool tty, json, quiet;
    long total, ok, failed, skipped, converted; /* converted: ok + failed in this run */
    double t0_ms, last_ms;
    long last_done;
    bool bar_shown;
} batch_report;

void batch_report_init(batch_report *rep, const batch_opts *o);
void batch_report_destroy(batch_report *rep);
/** Count one page and print it if it failed (or always, as JSON). */
void batch_report_page(batch_report *rep, const batch_record *r);
/** Print progress if due (force: now). */
void batch_report_progress(batch_report *rep, bool force);
/** Print the end summary. */
void batch_report_summary(batch_report *rep, const char *manifest, int exit_code, long not_started);
/** Print a run-level message: event "error" (engine, output folder) or "stopping". */
void batch_report_message(batch_report *rep, const char *event, const char *msg);

double batch_now_ms(void);

#endif /* FOLIO_BATCH_H */
