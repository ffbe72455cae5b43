/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `folio watch INBOX -o OUTDIR`: the command line, the checks made before
 * starting, and the main loop that finds files in the inbox (inotify close-
 * after-write and moved-in events, a start-up scan, a periodic rescan, a full
 * rescan on queue overflow; or --poll with a size+mtime stability check) and
 * claims each by an atomic rename into INBOX/.folio-work/. The workers
 * (watch_job.c) do the rest. Files left in the work area by a killed run go
 * back to the queue at start. SIGINT/SIGTERM only set a flag.
 */
#include "cli.h"
#include "batch.h"
#include "text.h"
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_JOBS 256

static volatile sig_atomic_t watch_signal = 0;

static void on_signal(int sig)
{
    watch_signal = sig;
}

static const char watch_help[] =
    "Usage: folio watch INBOX -o OUTDIR [OPTIONS]\n"
    "Convert every file that arrives in INBOX, as a service. A file is claimed by\n"
    "a rename into INBOX/.folio-work/, its outputs are written atomically to OUTDIR,\n"
    "then it moves to --done (or to --failed with NAME.error.json).\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR         where the outputs go (required)\n"
    "      --done DIR           converted sources (default: done/ beside OUTDIR)\n"
    "      --failed DIR         sources that failed (default: failed/ beside OUTDIR)\n"
    "  -j, --jobs N             worker threads, one engine each (default: the cores)\n"
    "  -f, --format LIST        txt,json (default) or any list folio convert takes\n"
    "      --stable-seconds S   size and mtime unchanged this long before a scan\n"
    "                           claims a file (default 2)\n"
    "      --poll SECONDS       no inotify: scan every SECONDS (network shares)\n"
    "      --rescan SECONDS     with inotify, the safety rescan interval (default 30)\n"
    "      --grace SECONDS      after SIGTERM, time for pages in flight (default 60)\n"
    "      --log-format FMT     text (default) or json: one JSON object a line\n"
    FOLIO_CLI_CONVERSION_HELP
    "  -h, --help               show this help\n";

enum {
    OPT_DONE = 256,
    OPT_FAILED,
    OPT_STABLE,
    OPT_POLL,
    OPT_RESCAN,
    OPT_GRACE,
    OPT_LOGFMT,
};

static const struct option watch_long[] = {
    {"output", required_argument, NULL, 'o'},
    {"done", required_argument, NULL, OPT_DONE},
    {"failed", required_argument, NULL, OPT_FAILED},
    {"jobs", required_argument, NULL, 'j'},
    {"format", required_argument, NULL, 'f'},
    {"stable-seconds", required_argument, NULL, OPT_STABLE},
    {"poll", required_argument, NULL, OPT_POLL},
    {"rescan", required_argument, NULL, OPT_RESCAN},
    {"grace", required_argument, NULL, OPT_GRACE},
    {"log-format", required_argument, NULL, OPT_LOGFMT},
    FOLIO_CLI_CONVERSION_OPTIONS,
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

void watch_opts_free(watch_opts *o)
{
    free(o->inbox);
    free(o->outdir);
    free(o->done);
    free(o->failed);
    free(o->work);
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "folio watch: %s%s%s\nTry 'folio watch --help'.\n", msg, arg ? ": " : "",
            arg ? arg : "");
    return FOLIO_EUSAGE;
}

static int parse_seconds(const char *s, double lo, double *out)
{
    char *end = NULL;
    double v = strtod(s, &end);
    if (!*s || *end || !(v >= lo) || v > 86400)
        return usage_error("not a valid number of seconds", s);
    *out = v;
    return 0;
}

/* ---- paths ------------------------------------------------------------ */

/* An absolute, symlink-free path for p, which need not exist yet (its
 * nearest existing ancestor is resolved). Caller frees; NULL on failure. */
static char *abs_path(const char *p)
{
    char *r = realpath(p, NULL);
    if (r || errno != ENOENT)
        return r;
    char *copy = folio_strdup(p), *slash = copy ? strrchr(copy, '/') : NULL, *out = NULL;
    const char *base = slash ? slash + 1 : copy;
    char *parent = !copy ? NULL : !slash ? abs_path(".") : slash == copy ? folio_strdup("/") : NULL;
    if (slash && slash != copy) {
        *slash = '\0';
        parent = abs_path(copy);
    }
    if (parent && *base &&
        asprintf(&out, "%s%s%s", parent, strcmp(parent, "/") ? "/" : "", base) < 0)
        out = NULL;
    else if (parent && !*base)
        out = folio_strdup(parent);
    free(parent);
    free(copy);
    return out;
}

static bool is_inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

/* DIR/../name where DIR is OUTDIR: the default done/ and failed/. */
static char *beside(const char *outdir, const char *name)
{
    char *s = NULL, *copy = folio_strdup(outdir), *slash = copy ? strrchr(copy, '/') : NULL;
    if (slash)
        *slash = '\0';
    if (copy && asprintf(&s, "%s/%s", *copy ? copy : "", name) < 0)
        s = NULL;
    free(copy);
    return s;
}

/* Make every path absolute and check where they lie. \return 0 or FOLIO_EUSAGE. */
static int check_paths(watch_opts *o, const char *done, const char *failed)
{
    struct stat st;
    if (lstat(o->inbox, &st) != 0 || !S_ISDIR(st.st_mode) || access(o->inbox, W_OK | X_OK) != 0)
        return usage_error("INBOX is not a writable folder", o->inbox);
    char *in = abs_path(o->inbox), *out = abs_path(o->outdir);
    free(o->inbox);
    free(o->outdir);
    o->inbox = in;
    o->outdir = out;
    if (!in || !out)
        return usage_error("cannot resolve the folders", NULL);
    o->done = done ? abs_path(done) : beside(out, "done");
    o->failed = failed ? abs_path(failed) : beside(out, "failed");
    if (!o->done || !o->failed || asprintf(&o->work, "%s/%s", in, WATCH_WORK_DIR) < 0)
        return usage_error("cannot resolve the folders", NULL);
    const char *names[] = {"OUTDIR", "--done", "--failed"};
    const char *dirs[] = {o->outdir, o->done, o->failed};
    for (int i = 0; i < 3; i++)
        if (is_inside(dirs[i], in)) {
            fprintf(stderr, "folio watch: %s (%s) lies inside INBOX (%s): refusing to start\n",
                    names[i], dirs[i], in);
            return FOLIO_EUSAGE;
        }
    return 0;
}

/* ---- options ---------------------------------------------------------- */

static int watch_option(watch_opts *o, int c, const char **fmts, const char **dirs)
{
    long v = 0;
    switch (c) {
    case 'o':
        o->outdir = folio_strdup(optarg);
        return o->outdir ? 0 : FOLIO_ENOMEM;
    case OPT_DONE:
        dirs[0] = optarg;
        return 0;
    case OPT_FAILED:
        dirs[1] = optarg;
        return 0;
    case 'f':
        *fmts = optarg;
        return 0;
    case 'j':
        if (folio_cli_parse_int(optarg, 1, MAX_JOBS, &v))
            return usage_error("--jobs wants 1 to 256", optarg);
        o->jobs = (int)v;
        return 0;
    case OPT_STABLE:
        return parse_seconds(optarg, 0, &o->stable_s);
    case OPT_POLL:
        return parse_seconds(optarg, 0.05, &o->poll_s);
    case OPT_RESCAN:
        return parse_seconds(optarg, 0.05, &o->rescan_s);
    case OPT_GRACE:
        return parse_seconds(optarg, 0, &o->grace_s);
    case OPT_LOGFMT:
        if (strcmp(optarg, "json") && strcmp(optarg, "text"))
            return usage_error("--log-format wants text or json", optarg);
        o->log_json = !strcmp(optarg, "json");
        return 0;
    default:
        return folio_cli_conversion_option("watch", c, optarg, &o->engine, &o->conv) == 0
                   ? 0
                   : FOLIO_EUSAGE;
    }
}

static void opts_init(watch_opts *o)
{
    memset(o, 0, sizeof(*o));
    folio_engine_params_init(&o->engine);
    folio_convert_params_init(&o->conv);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = n > 0 ? (int)(n < MAX_JOBS ? n : MAX_JOBS) : 1;
    o->stable_s = 2;
    o->rescan_s = 30;
    o->grace_s = 60;
}

/* \return 0, 1 after --help, or FOLIO_EUSAGE. */
static int parse_watch(int argc, char **argv, watch_opts *o)
{
    const char *fmts = "txt,json", *dirs[2] = {NULL, NULL};
    int c, rc = 0;
    opts_init(o);
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "o:f:j:h", watch_long, NULL)) != -1) {
        if (c == 'h') {
            fputs(watch_help, stdout);
            return 1;
        }
        rc = c == '?' ? usage_error("bad option", NULL) : watch_option(o, c, &fmts, dirs);
    }
    if (rc)
        return rc;
    if (optind != argc - 1 || !o->outdir)
        return usage_error("wants one INBOX and -o OUTDIR", NULL);
    if ((o->nfmt = folio_cli_parse_formats(fmts, o->fmts)) < 0)
        return FOLIO_EUSAGE;
    if (!(o->inbox = folio_strdup(argv[optind])))
        return FOLIO_ENOMEM;
    return check_paths(o, dirs[0], dirs[1]);
}

/* ---- the inbox -------------------------------------------------------- */

typedef struct pending {
    char *name;
    long long size, mtime_ns;
    double since_ms;
    bool present;
} pending;

/* What the scanner remembers between scans. */
typedef struct scanner {
    watch_run *r;
    pending *p;
    size_t np, capp;
    char **reported; /* non-regular names already reported */
    size_t nrep, caprep;
} scanner;

static bool ignored_name(const char *n)
{
    size_t len = strlen(n);
    return n[0] == '.' || n[0] == '~' || (len >= 5 && !strcmp(n + len - 5, ".part")) ||
           (len >= 4 && !strcmp(n + len - 4, ".tmp"));
}

static bool stem_taken(watch_run *r, const char *stem)
{
    bool taken = watch_stem_busy(r, stem);
    for (int k = 0; k < r->o->nfmt && !taken; k++) {
        char *a = watch_output_path(r->o, stem, 0, 1, r->o->fmts[k]);
        char *b = watch_output_path(r->o, stem, 0, 2, r->o->fmts[k]);
        taken = !a || !b || access(a, F_OK) == 0 || access(b, F_OK) == 0;
        free(a);
        free(b);
    }
    return taken;
}

/* Claim INBOX/name: rename it into the work area under an output stem that
 * no earlier file uses, and queue it. */
static void claim(scanner *sc, const char *name)
{
    watch_run *r = sc->r;
    char *stem = watch_stem(name), *src = NULL, *dst = NULL, *wname = NULL;
    const char *ext = stem ? name + strlen(stem) : "";
    int rc = -1;
    if (stem && asprintf(&src, "%s/%s", r->o->inbox, name) < 0)
        src = NULL;
    for (int k = 0; src && rc && k < 10000; k++) {
        free(wname);
        free(dst);
        dst = NULL;
        if ((k ? asprintf(&wname, "%s-%d%s", stem, k, ext) : asprintf(&wname, "%s", name)) < 0)
            break;
        char *ws = watch_stem(wname);
        bool taken = !ws || stem_taken(r, ws);
        free(ws);
        if (taken || asprintf(&dst, "%s/%s", r->o->work, wname) < 0)
            continue;
        rc = renameat2(AT_FDCWD, src, AT_FDCWD, dst, RENAME_NOREPLACE);
        if (rc && errno != EEXIST)
            break;
    }
    if (!rc && !watch_enqueue(r, wname))
        watch_log(r, "claimed", name, "queued as %s", wname);
    else if (rc && errno != ENOENT)
        watch_log(r, "error", name, "cannot claim: %s", strerror(errno));
    free(wname);
    free(dst);
    free(src);
    free(stem);
}

static void report_once(scanner *sc, const char *name, const struct stat *st)
{
    for (size_t i = 0; i < sc->nrep; i++)
        if (!strcmp(sc->reported[i], name))
            return;
    if (sc->nrep == sc->caprep) {
        char **v = realloc(sc->reported, (sc->caprep * 2 + 16) * sizeof(*v));
        if (!v)
            return;
        sc->reported = v;
        sc->caprep = sc->caprep * 2 + 16;
    }
    if (!(sc->reported[sc->nrep] = folio_strdup(name)))
        return;
    sc->nrep++;
    const char *what = S_ISLNK(st->st_mode)    ? "a symbolic link"
                       : S_ISDIR(st->st_mode)  ? "a folder"
                       : S_ISFIFO(st->st_mode) ? "a FIFO"
                                               : "not a regular file";
    watch_log(sc->r, "ignored", name, "%s: left alone", what);
}

/* A regular file seen by a scan: claim it once it has been stable long enough. */
static void scan_file(scanner *sc, const char *name, const struct stat *st, double now)
{
    long long mt = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
    for (size_t i = 0; i < sc->np; i++) {
        pending *p = &sc->p[i];
        if (strcmp(p->name, name))
            continue;
        p->present = true;
        if (p->size != (long long)st->st_size || p->mtime_ns != mt) {
            p->size = (long long)st->st_size;
            p->mtime_ns = mt;
            p->since_ms = now;
        } else if (now - p->since_ms >= sc->r->o->stable_s * 1000) {
            claim(sc, name);
        }
        return;
    }
    if (sc->np == sc->capp) {
        pending *v = realloc(sc->p, (sc->capp * 2 + 16) * sizeof(*v));
        if (!v)
            return;
        sc->p = v;
        sc->capp = sc->capp * 2 + 16;
    }
    char *dup = folio_strdup(name);
    if (dup)
        sc->p[sc->np++] = (pending){dup, (long long)st->st_size, mt, now, true};
    if (dup && sc->r->o->stable_s <= 0)
        claim(sc, name);
}

static void forget_absent(scanner *sc)
{
    for (size_t i = 0; i < sc->np;) {
        if (!sc->p[i].present) {
            free(sc->p[i].name);
            sc->p[i] = sc->p[--sc->np];
            continue;
        }
        sc->p[i++].present = false;
    }
}

static void rescan(scanner *sc)
{
    DIR *d = opendir(sc->r->o->inbox);
    struct dirent *de;
    double now = batch_now_ms();
    while (d && !watch_signal && (de = readdir(d))) {
        struct stat st;
        if (ignored_name(de->d_name) || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
            continue;
        if (S_ISREG(st.st_mode))
            scan_file(sc, de->d_name, &st, now);
        else
            report_once(sc, de->d_name, &st);
    }
    if (d)
        closedir(d);
    forget_absent(sc);
}

/* An inotify event: a file closed after writing or moved in is complete. */
static void on_event(scanner *sc, const struct inotify_event *ev, double *next_scan)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        watch_log(sc->r, "overflow", NULL, "inotify queue overflowed: full rescan");
        *next_scan = 0;
        return;
    }
    if (!ev->len || ignored_name(ev->name))
        return;
    struct stat st;
    char *path = NULL;
    if (asprintf(&path, "%s/%s", sc->r->o->inbox, ev->name) < 0)
        return;
    if (lstat(path, &st) == 0) {
        if (S_ISREG(st.st_mode))
            claim(sc, ev->name);
        else
            report_once(sc, ev->name, &st);
    }
    free(path);
}

static void read_events(scanner *sc, int fd, double *next_scan)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
            on_event(sc, ev, next_scan);
            p += sizeof(*ev) + ev->len;
        }
}

static void scanner_free(scanner *sc)
{
    for (size_t i = 0; i < sc->np; i++)
        free(sc->p[i].name);
    for (size_t i = 0; i < sc->nrep; i++)
        free(sc->reported[i]);
    free(sc->p);
    free(sc->reported);
}

/* ---- the service ------------------------------------------------------ */

/* Queue what a killed run left in the work area, oldest names first. */
static int recover(watch_run *r)
{
    struct dirent **list = NULL;
    int n = scandir(r->o->work, &list, NULL, alphasort), count = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        const char *nm = list[i]->d_name;
        char *path = NULL;
        if (nm[0] != '.' && asprintf(&path, "%s/%s", r->o->work, nm) >= 0 && !lstat(path, &st) &&
            S_ISREG(st.st_mode) && !watch_enqueue(r, nm)) {
            watch_log(r, "recovered", nm, "claimed by an earlier run: queued again");
            count++;
        }
        free(path);
        free(list[i]);
    }
    free(list);
    return count;
}

/* Remove ".NAME.XXXXXX.part" files that a killed run's atomic writes left in
 * dir (OUTDIR and failed/ belong to this service). \return how many. */
static int remove_stale(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;
    while (d && (de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' && len > 13 && !strcmp(de->d_name + len - 5, ".part") &&
            !unlinkat(dirfd(d), de->d_name, 0))
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

static int make_dirs(const watch_opts *o, folio_error *err)
{
    int rc = batch_mkdirs(o->outdir, err);
    if (!rc)
        rc = batch_mkdirs(o->done, err);
    if (!rc)
        rc = batch_mkdirs(o->failed, err);
    if (!rc)
        rc = batch_mkdirs(o->work, err);
    return rc;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* The main loop: until a signal, wait for events and scan when due. */
static void serve(watch_run *r, int ifd)
{
    scanner sc = {.r = r};
    const watch_opts *o = r->o;
    double interval = (o->poll_s > 0 ? o->poll_s : o->rescan_s) * 1000, next_scan = 0;
    double tick = o->poll_s > 0 && o->poll_s < 0.5 ? o->poll_s * 1000 : 500;
    while (!watch_signal) {
        double now = batch_now_ms();
        if (now >= next_scan) {
            rescan(&sc);
            bool waiting = sc.np > 0;
            next_scan = now + (waiting && interval > tick ? tick : interval);
        }
        struct pollfd pfd = {ifd, POLLIN, 0};
        int wait = (int)(next_scan - now > tick ? tick : next_scan - now);
        if (ifd >= 0 ? poll(&pfd, 1, wait > 0 ? wait : 0) > 0 : (usleep((unsigned)wait * 1000), 0))
            read_events(&sc, ifd, &next_scan);
    }
    scanner_free(&sc);
}

/* Stop: no new file is started; files in flight get the grace period. */
static int drain(watch_run *r, pthread_t *th, int n)
{
    watch_log(r, "stopping", NULL, "signal %d: finishing the pages in flight", (int)watch_signal);
    pthread_mutex_lock(&r->lock);
    r->stop = true;
    pthread_cond_broadcast(&r->cond);
    double end = batch_now_ms() + r->o->grace_s * 1000;
    while (r->busy > 0 && batch_now_ms() < end) {
        pthread_mutex_unlock(&r->lock);
        usleep(50000);
        pthread_mutex_lock(&r->lock);
    }
    int busy = r->busy;
    pthread_mutex_unlock(&r->lock);
    if (busy) {
        watch_log(r, "stopped", NULL, "%d file(s) still in flight after the grace period", busy);
        return FOLIO_EINTR; /* their pages are atomic; the next start resumes them */
    }
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    watch_log(r, "stopped", NULL, "clean stop");
    return 0;
}

static int start_workers(watch_run *r, pthread_t *th, int *pn)
{
    *pn = 0;
    for (int i = 0; i < r->o->jobs; i++)
        if (!pthread_create(&th[i], NULL, watch_worker_main, r))
            (*pn)++;
    pthread_mutex_lock(&r->lock);
    while (r->started < *pn && !r->fatal)
        pthread_cond_wait(&r->cond, &r->lock);
    int rc = *pn ? r->fatal : FOLIO_ENOMEM;
    pthread_mutex_unlock(&r->lock);
    return rc;
}

static int run_watch(const watch_opts *o)
{
    watch_run r = {.o = o, .abort_pages = &watch_signal, .journal_fd = -1};
    pthread_mutex_init(&r.lock, NULL);
    pthread_mutex_init(&r.log_lock, NULL);
    pthread_cond_init(&r.cond, NULL);
    folio_error *err = folio_error_create();
    pthread_t th[MAX_JOBS];
    int n = 0, ifd = -1;
    int rc = err ? make_dirs(o, err) : FOLIO_ENOMEM;
    if (!rc)
        rc = watch_journal_open(&r, err);
    if (rc) {
        fprintf(stderr, "folio watch: %s\n", err ? folio_error_message(err) : "out of memory");
        goto done;
    }
    install_signals();
    if (o->poll_s <= 0 &&
        ((ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0 ||
         inotify_add_watch(ifd, o->inbox, IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR) < 0)) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: cannot watch: %s (try --poll)", o->inbox,
                             strerror(errno));
        fprintf(stderr, "folio watch: %s\n", folio_error_message(err));
        goto done;
    }
    if ((rc = start_workers(&r, th, &n)))
        goto done;
    watch_log(&r, "started", o->inbox, "%d worker(s), outputs to %s, %s", n, o->outdir,
              ifd >= 0 ? "inotify" : "polling");
    int stale = remove_stale(o->outdir) + remove_stale(o->failed);
    if (stale)
        watch_log(&r, "cleaned", o->outdir, "removed %d partial file(s) of a killed run", stale);
    recover(&r);
    serve(&r, ifd);
    rc = drain(&r, th, n);
    n = 0;
done:
    pthread_mutex_lock(&r.lock);
    r.stop = true;
    pthread_cond_broadcast(&r.cond);
    pthread_mutex_unlock(&r.lock);
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    if (ifd >= 0)
        close(ifd);
    if (r.journal_fd >= 0)
        close(r.journal_fd);
    if (rc != FOLIO_EINTR)
        watch_run_free(&r);
    folio_error_destroy(&err);
    return rc; /* the queue, seen and stems die with the process when rc is EINTR */
}

int folio_cmd_watch(int argc, char **argv)
{
    watch_opts o;
    int rc = parse_watch(argc, argv, &o);
    if (!rc)
        rc = run_watch(&o);
    watch_opts_free(&o);
    return rc == 1 ? 0 : -rc;
}
