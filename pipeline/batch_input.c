/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The inputs of `folio batch`: what to convert and where each result goes.
 * Files, folders and @lists become one sorted list of files, each with an
 * output stem relative to OUTDIR: a file found under a folder keeps its path
 * relative to that folder; a file named directly keeps the relative path it
 * was named by (its base name when absolute or outside the working folder).
 * Two inputs that would write the same outputs are refused before any work,
 * so outputs never collide. Inspection hashes each file and counts its pages.
 */
#include "batch.h"
#include "load.h"
#include "pdf.h"
#include "text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 64

static const char *const input_exts[] = {"png", "jpg", "jpeg", "tif", "tiff", "pnm", "pbm",
                                         "pgm", "ppm", "bmp",  "gif", "webp", "jp2", "pdf"};

static void file_free(batch_file *f)
{
    free(f->path);
    free(f->rel);
    free(f->real);
    free(f->error);
    memset(f, 0, sizeof(*f));
}

void batch_files_free(batch_files *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        file_free(&fs->v[i]);
    free(fs->v);
    memset(fs, 0, sizeof(*fs));
}

static bool is_input_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (name[0] == '.' || !dot)
        return false;
    for (size_t i = 0; i < sizeof(input_exts) / sizeof(input_exts[0]); i++)
        if (!strcasecmp(dot + 1, input_exts[i]))
            return true;
    return false;
}

/* "dir/name.ext" -> "dir/name" (in place). */
static void strip_ext(char *rel)
{
    char *slash = strrchr(rel, '/');
    char *base = slash ? slash + 1 : rel;
    char *dot = strrchr(base, '.');
    if (dot && dot > base)
        *dot = '\0';
}

/* Append a file; takes ownership of rel. \return 0 or FOLIO_ENOMEM. */
static int push(batch_files *fs, const char *path, char *rel)
{
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 64;
        batch_file *v = realloc(fs->v, cap * sizeof(*v));
        if (!v) {
            free(rel);
            return FOLIO_ENOMEM;
        }
        fs->v = v;
        fs->cap = cap;
    }
    batch_file *f = &fs->v[fs->n];
    memset(f, 0, sizeof(*f));
    f->path = folio_strdup(path);
    f->rel = rel;
    if (!f->path || !rel) {
        free(f->path);
        free(rel);
        return FOLIO_ENOMEM;
    }
    strip_ext(f->rel);
    f->real = realpath(path, NULL);
    fs->n++;
    return 0;
}

/* The output stem of a file named directly: its relative path, normalized,
 * or its base name when absolute or reaching outside with "..". */
static char *given_rel(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (path[0] == '/' || !*base)
        return folio_strdup(*base ? base : "input");
    folio_buf b = FOLIO_BUF_INIT;
    char *copy = folio_strdup(path), *save = NULL;
    bool up = false;
    for (char *c = copy ? strtok_r(copy, "/", &save) : NULL; c; c = strtok_r(NULL, "/", &save)) {
        if (!strcmp(c, ".."))
            up = true;
        if (!strcmp(c, ".") || up)
            continue;
        if (b.len)
            folio_buf_putc(&b, '/');
        folio_buf_puts(&b, c);
    }
    free(copy);
    if (up || !b.len) {
        folio_buf_free(&b);
        return folio_strdup(base);
    }
    return folio_buf_take(&b);
}

static char *join(const char *a, const char *b)
{
    char *s = NULL;
    if (!a || !*a)
        return folio_strdup(b);
    return asprintf(&s, "%s/%s", a, b) < 0 ? NULL : s;
}

/* What a walk adds to, and the folder it never enters: OUTDIR, whose
 * outputs (PDF among them) must not become inputs of the next run. */
typedef struct walker {
    batch_files *fs;
    bool recursive;
    char *outdir_real; /* NULL when OUTDIR does not exist yet */
} walker;

static int walk(walker *w, const char *dir, const char *rel, int depth);

static bool is_outdir(const walker *w, const char *path)
{
    char *real = w->outdir_real ? realpath(path, NULL) : NULL;
    bool same = real && !strcmp(real, w->outdir_real);
    free(real);
    return same;
}

/* One entry of a folder being walked. */
static int walk_entry(walker *w, const char *dir, const char *rel, const char *name, int depth)
{
    char *path = join(dir, name), *sub = join(rel, name);
    struct stat st;
    int rc = 0;
    if (!path || !sub)
        rc = FOLIO_ENOMEM;
    else if (lstat(path, &st) != 0)
        rc = 0; /* vanished meanwhile */
    else if (S_ISDIR(st.st_mode))
        rc = w->recursive && depth < MAX_DEPTH && !is_outdir(w, path)
                 ? walk(w, path, sub, depth + 1)
                 : 0;
    else if ((S_ISREG(st.st_mode) ||
              (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))) &&
             is_input_name(name)) {
        rc = push(w->fs, path, sub);
        sub = NULL;
    }
    free(path);
    free(sub);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk a folder in name order; hidden entries (and so ".part" files) are skipped. */
static int walk(walker *w, const char *dir, const char *rel, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0; /* unreadable folder: nothing in it to convert */
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **v = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof(*v));
            if (!v) {
                rc = FOLIO_ENOMEM;
                goto done;
            }
            names = v;
        }
        if (!(names[n] = folio_strdup(e->d_name))) {
            rc = FOLIO_ENOMEM;
            goto done;
        }
        n++;
    }
    if (n)
        qsort(names, n, sizeof(*names), cmp_str);
    for (size_t i = 0; i < n && !rc; i++)
        rc = walk_entry(w, dir, rel, names[i], depth);
done:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    closedir(d);
    return rc;
}

static int add_path(walker *w, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return walk(w, path, "", 0);
    return push(w->fs, path, given_rel(path)); /* missing or unreadable: fails at inspection */
}

/* @list.txt or @- : one path a line. */
static int add_list(walker *w, const char *arg, folio_error *err)
{
    bool std = !strcmp(arg, "-");
    FILE *fp = std ? stdin : fopen(arg, "r");
    if (!fp)
        return folio_error_set(err, FOLIO_EINPUT, "%s: cannot open the list: %s", arg,
                               strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len > 0)
            rc = add_path(w, line);
    }
    if (!rc && ferror(fp))
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: read failed", std ? "standard input" : arg);
    else if (rc)
        folio_error_set(err, rc, "out of memory reading %s", arg);
    free(line);
    if (!std)
        fclose(fp);
    return rc;
}

/* The same file named twice (by any path) is converted once. */
static const char *identity(const batch_file *f)
{
    return f->real ? f->real : f->path;
}

static int cmp_identity(const void *a, const void *b)
{
    const batch_file *x = a, *y = b;
    int c = strcmp(identity(x), identity(y));
    return c ? c : strcmp(x->rel, y->rel);
}

static int cmp_rel(const void *a, const void *b)
{
    return strcmp(((const batch_file *)a)->rel, ((const batch_file *)b)->rel);
}

static void drop_repeats(batch_files *fs)
{
    if (fs->n)
        qsort(fs->v, fs->n, sizeof(*fs->v), cmp_identity);
    size_t out = 0;
    for (size_t i = 0; i < fs->n; i++) {
        if (out && !strcmp(identity(&fs->v[out - 1]), identity(&fs->v[i]))) {
            file_free(&fs->v[i]);
            continue;
        }
        fs->v[out++] = fs->v[i];
    }
    fs->n = out;
}

int batch_collect(const batch_opts *o, batch_files *out, folio_error *err)
{
    memset(out, 0, sizeof(*out));
    walker w = {out, o->recursive, realpath(o->outdir, NULL)};
    int rc = 0;
    for (int i = 0; i < o->ninputs && !rc; i++) {
        const char *a = o->inputs[i];
        if (a[0] == '@' && a[1])
            rc = add_list(&w, a + 1, err);
        else if ((rc = add_path(&w, a)) != 0)
            folio_error_set(err, rc, "out of memory listing %s", a);
    }
    free(w.outdir_real);
    if (rc)
        return rc;
    drop_repeats(out);
    if (out->n)
        qsort(out->v, out->n, sizeof(*out->v), cmp_rel);
    for (size_t i = 1; i < out->n; i++)
        if (!strcmp(out->v[i - 1].rel, out->v[i].rel))
            return folio_error_set(err, FOLIO_EUSAGE,
                                   "%s and %s would both write %s/%s.*: rename one or convert "
                                   "them in separate runs",
                                   out->v[i - 1].path, out->v[i].path, o->outdir, out->v[i].rel);
    return 0;
}

/* FNV-1a: stable across runs, hosts and versions. */
static uint64_t stable_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

void batch_shard(batch_files *fs, int k, int n)
{
    if (n <= 1)
        return;
    size_t out = 0;
    for (size_t i = 0; i < fs->n; i++) {
        if (stable_hash(fs->v[i].rel) % (uint64_t)n == (uint64_t)(k - 1)) {
            fs->v[out++] = fs->v[i];
            continue;
        }
        file_free(&fs->v[i]);
    }
    fs->n = out;
}

/* ---- inspection ------------------------------------------------------- */

/* Map the file, hash it; \return 0 or FOLIO_EINPUT / FOLIO_ENOMEM with err set. */
static int hash_file(batch_file *f, const folio_load_limits *lim, folio_error *err)
{
    int fd = open(f->path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return folio_error_set(err, FOLIO_EINPUT, "%s: cannot open: %s", f->path, strerror(errno));
    struct stat st;
    int rc = 0;
    void *map = MAP_FAILED;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: not a regular, non-empty file", f->path);
        goto done;
    }
    if ((unsigned long long)st.st_size > lim->max_bytes) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: file of %lld bytes exceeds the limit of %zu",
                             f->path, (long long)st.st_size, lim->max_bytes);
        goto done;
    }
    size_t len = (size_t)st.st_size;
    map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: cannot read: %s", f->path, strerror(errno));
        goto done;
    }
    f->is_pdf = folio_pdf_sniff(map, len);
    if (folio_sha256_hex(map, len, f->sha256))
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: cannot hash the file", f->path);
    if (!rc && f->is_pdf) {
        folio_pdf *pd = folio_pdf_open_mem(f->path, map, len, lim, err);
        rc = pd ? 0 : folio_error_code(err);
        f->pages = folio_pdf_pages(pd);
        folio_pdf_destroy(&pd);
    }
    munmap(map, len);
done:
    close(fd);
    return rc;
}

static void inspect_file(batch_file *f, const folio_load_limits *lim, folio_error *err)
{
    folio_error_clear(err);
    int rc = hash_file(f, lim, err);
    if (!rc && !f->is_pdf) {
        rc = folio_load_count_pages(f->path, lim, err);
        f->pages = rc > 0 ? rc : 0;
    }
    if (rc < 0 || f->pages < 1) {
        f->pages = 0;
        f->error = folio_strdup(rc < 0 ? folio_error_message(err) : "no pages");
    }
}

typedef struct inspect_ctx {
    batch_files *fs;
    size_t next;
    pthread_mutex_t lock;
    const volatile sig_atomic_t *stop;
} inspect_ctx;

static void *inspect_main(void *arg)
{
    inspect_ctx *c = arg;
    folio_error *err = folio_error_create();
    folio_load_limits lim;
    folio_load_limits_init(&lim);
    for (;;) {
        pthread_mutex_lock(&c->lock);
        size_t i = c->next < c->fs->n && !*c->stop ? c->next++ : c->fs->n;
        pthread_mutex_unlock(&c->lock);
        if (i >= c->fs->n)
            break;
        inspect_file(&c->fs->v[i], &lim, err);
    }
    folio_error_destroy(&err);
    return NULL;
}

void batch_inspect(batch_files *fs, int jobs, const volatile sig_atomic_t *stop)
{
    inspect_ctx c = {fs, 0, PTHREAD_MUTEX_INITIALIZER, stop};
    pthread_t th[64];
    int n = 0;
    if (jobs > 64)
        jobs = 64;
    while (n < jobs - 1 && (size_t)n + 1 < fs->n && !pthread_create(&th[n], NULL, inspect_main, &c))
        n++;
    inspect_main(&c); /* this thread works too */
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    pthread_mutex_destroy(&c.lock);
}

/* ---- outputs ---------------------------------------------------------- */

char *batch_output_rel(const batch_file *f, int page, folio_format fmt)
{
    char *s = NULL;
    int n = f->pages > 1 && page >= 0
                ? asprintf(&s, "%s.p%04d.%s", f->rel, page + 1, folio_format_ext(fmt))
                : asprintf(&s, "%s.%s", f->rel, folio_format_ext(fmt));
    return n < 0 ? NULL : s;
}

int batch_mkdirs(const char *dir, folio_error *err)
{
    char *p = folio_strdup(dir);
    int rc = p ? 0 : folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", dir);
    for (char *s = p ? p + 1 : NULL; s && !rc; s++) {
        bool last = *s == '\0';
        if (*s != '/' && !last)
            continue;
        *s = '\0';
        struct stat st;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot create: %s", p, strerror(errno));
        else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: not a folder", p);
        if (last)
            break;
        *s = '/';
    }
    free(p);
    return rc;
}

typedef struct names {
    char **v;
    size_t n, cap;
} names;

static int names_add(names *ns, char *s)
{
    if (!s)
        return FOLIO_ENOMEM;
    if (ns->n == ns->cap) {
        char **v = realloc(ns->v, (ns->cap = ns->cap ? ns->cap * 2 : 256) * sizeof(*v));
        if (!v) {
            free(s);
            return FOLIO_ENOMEM;
        }
        ns->v = v;
    }
    ns->v[ns->n++] = s;
    return 0;
}

/* Every output this run may write, relative to OUTDIR: the merged txt and
 * pdf of a multi-page input (-1) too. */
static int expected_outputs(const batch_files *fs, const batch_opts *o, names *ns)
{
    int rc = 0;
    for (size_t i = 0; i < fs->n && !rc; i++) {
        const batch_file *f = &fs->v[i];
        for (int p = f->pages > 1 ? -1 : 0; p < f->pages && !rc; p++)
            for (int k = 0; k < o->nfmt && !rc; k++)
                if (p >= 0 || o->fmts[k] == FOLIO_FMT_TXT || o->fmts[k] == FOLIO_FMT_PDF)
                    rc = names_add(ns, batch_output_rel(f, p, o->fmts[k]));
    }
    if (ns->n)
        qsort(ns->v, ns->n, sizeof(*ns->v), cmp_str);
    return rc;
}

/* ".NAME.XXXXXX.part" -> is OUTDIR/rel/NAME one of ours? Then remove it. */
static int stale_entry(const char *dir, const char *rel, const char *name, const names *ns)
{
    size_t len = strlen(name);
    const size_t tail = strlen(".XXXXXX.part");
    if (name[0] != '.' || len <= tail + 1 || strcmp(name + len - 5, ".part"))
        return 0;
    char *target = folio_strndup(name + 1, len - 1 - tail);
    char *trel = target ? join(rel, target) : NULL, *path = join(dir, name);
    int removed = 0;
    if (trel && path && ns->n && bsearch(&trel, ns->v, ns->n, sizeof(*ns->v), cmp_str) &&
        unlink(path) == 0)
        removed = 1;
    free(target);
    free(trel);
    free(path);
    return removed;
}

static int stale_walk(const char *dir, const char *rel, const names *ns, int depth)
{
    DIR *d = opendir(dir);
    int removed = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *path = join(dir, e->d_name), *sub = join(rel, e->d_name);
        struct stat st;
        if (path && sub && lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH)
                removed += stale_walk(path, sub, ns, depth + 1);
            else if (S_ISREG(st.st_mode))
                removed += stale_entry(dir, rel, e->d_name, ns);
        }
        free(path);
        free(sub);
    }
    if (d)
        closedir(d);
    return removed;
}

int batch_remove_stale(const char *outdir, const batch_files *fs, const batch_opts *o)
{
    names ns = {NULL, 0, 0};
    int removed = expected_outputs(fs, o, &ns) ? 0 : stale_walk(outdir, "", &ns, 0);
    for (size_t i = 0; i < ns.n; i++)
        free(ns.v[i]);
    free(ns.v);
    return removed;
}
