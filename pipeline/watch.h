/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `folio watch`: a service that converts every file dropped into an inbox.
 * Private to watch.c (options, the inbox scanner and the main loop) and
 * watch_job.c (the workers: claim, convert, move to done/failed, the
 * journal OUTDIR/watch.jsonl and the log). Every function follows Folio's
 * one error convention: 0 or a negative folio_status with the message in err.
 */
#ifndef FOLIO_WATCH_H
#define FOLIO_WATCH_H

#include "folio/folio.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#define WATCH_WORK_DIR ".folio-work"
#define WATCH_JOURNAL "watch.jsonl"

/* What the command line asked for. Paths are owned (absolute, malloc'd),
 * freed by watch_opts_free; engine strings are borrowed from argv. */
typedef struct watch_opts {
    char *inbox, *outdir, *done, *failed, *work;
    folio_engine_params engine;
    folio_convert_params conv;
    folio_format fmts[FOLIO_FMT_COUNT];
    int nfmt;
    int jobs;
    double stable_s; /* size and mtime unchanged this long before a rescan claims */
    double poll_s;   /* > 0: no inotify, rescan every poll_s */
    double rescan_s; /* inotify mode: the safety rescan interval */
    double grace_s;  /* after SIGTERM: time for pages in flight */
    bool log_json;
} watch_opts;

void watch_opts_free(watch_opts *o);

/* A claimed file: WORK/<stem><ext>; the output stem is fixed at claim time. */
typedef struct watch_item {
    char *name; /* the name in the work area (owned) */
    struct watch_item *next;
} watch_item;

/* Converted content, from the journal: sha256 -> output stem. */
typedef struct watch_seen {
    char sha[65];
    char *stem;
} watch_seen;

/* The state shared by the main loop and the workers; `lock` guards the
 * queue, stop, busy, seen and stems. */
typedef struct watch_run {
    const watch_opts *o;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    watch_item *head, *tail;
    bool stop;                          /* no more items: workers exit when idle */
    volatile sig_atomic_t *abort_pages; /* set when the grace period is over */
    int busy;
    int fatal;   /* a worker could not create its engine */
    int started; /* workers whose engine is ready */
    watch_seen *seen;
    size_t nseen, capseen;
    char **stems; /* stems claimed in this run and not yet finished */
    size_t nstems, capstems;
    pthread_mutex_t log_lock;
    int journal_fd;
} watch_run;

/* ---- watch_job.c ------------------------------------------------------ */

/** Log one event: stderr line, or one JSON object with --log-format json. */
void watch_log(watch_run *r, const char *event, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Open the journal and read the hashes it records as converted. */
int watch_journal_open(watch_run *r, folio_error *err);

/** Queue a claimed work-area name (copied). \return 0 or FOLIO_ENOMEM. */
int watch_enqueue(watch_run *r, const char *name);

/** Whether stem is taken by a file in flight (caller holds no lock). */
bool watch_stem_busy(watch_run *r, const char *stem);

/** Free the queue, seen and stems of r once no worker runs. */
void watch_run_free(watch_run *r);

/** Worker thread body; arg is the watch_run. */
void *watch_worker_main(void *arg);

/**
 * Move src to DIR/name without replacing anything: a suffix (-1, -2...) is
 * added on a collision; across file systems the file is copied and synced.
 * The final path goes to *pdst when non-NULL (caller frees).
 */
int watch_move_unique(const char *src, const char *dir, const char *name, char **pdst,
                      folio_error *err);

/** The output path OUTDIR/stem[.pNNNN].ext; caller frees. NULL when out of memory. */
char *watch_output_path(const watch_opts *o, const char *stem, int page, int pages,
                        folio_format fmt);

/** Split name into stem and extension (".png" or ""); caller frees the stem. */
char *watch_stem(const char *name);

#endif /* FOLIO_WATCH_H */
