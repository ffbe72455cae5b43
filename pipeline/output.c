/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Atomic output: a temporary file beside the target, written, fsync'd and
 * renamed over it, then the directory fsync'd, so a reader (or a crash)
 * sees either the old file, nothing, or the complete new file. Temporary
 * names start with '.' and end in ".part" so watchers and resumers skip them.
 */
#include "folio/folio.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/*
 * An existing device, FIFO or socket (-o /dev/null, /dev/stdout) is written
 * to, never replaced: renaming a temporary over /dev/null would turn it into
 * a regular file for every process on the machine (as root it can).
 */
static int write_special(const char *path, const void *data, size_t len, folio_error *err)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot open: %s", path, strerror(errno));
    int rc = 0;
    if (write_all(fd, data, len) != 0)
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: write failed: %s", path, strerror(errno));
    if (close(fd) != 0 && rc == 0)
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: write failed: %s", path, strerror(errno));
    return rc;
}

int folio_write_atomic(const char *path, const void *data, size_t len, folio_error *err)
{
    if (!path || !*path || (!data && len))
        return folio_error_set(err, FOLIO_EUSAGE, "write: bad arguments");
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return folio_error_set(err, FOLIO_EOUTPUT, "%s: is a directory", path);
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_special(path, data, len, err);
    char *dcopy = folio_strdup(path), *bcopy = folio_strdup(path);
    char *tmp = NULL;
    int rc = 0, fd = -1;
    if (!dcopy || !bcopy) {
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    const char *dir = dirname(dcopy), *base = basename(bcopy);
    if (asprintf(&tmp, "%s/.%s.XXXXXX.part", dir, base) < 0) {
        tmp = NULL;
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    fd = mkostemps(tmp, 5, O_CLOEXEC);
    if (fd < 0) {
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot create a file in %s: %s", path, dir,
                             strerror(errno));
        goto done;
    }
    if (fchmod(fd, 0644) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: write failed: %s", path, strerror(errno));
        goto done;
    }
    if (close(fd) != 0) {
        fd = -1;
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: write failed: %s", path, strerror(errno));
        goto done;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        rc = folio_error_set(err, FOLIO_EOUTPUT, "%s: cannot rename into place: %s", path,
                             strerror(errno));
        goto done;
    }
    fsync_dir(dir);
done:
    if (fd >= 0)
        close(fd);
    if (rc && tmp)
        unlink(tmp);
    free(tmp);
    free(dcopy);
    free(bcopy);
    return rc;
}
