/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The load stage. The file is read into memory exactly once, so the bytes
 * that are hashed are the bytes that are decoded; its header is checked
 * against the size limits before Leptonica allocates any pixels, so a
 * "decompression bomb" is refused in milliseconds. PDFs ("%PDF-") go to
 * pdf.c, which checks its own limits before rendering.
 */
#include "load.h"
#include "pdf.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* Leptonica's messages go through Folio, not raw to stderr; shown with FOLIO_DEBUG=1. */
static void lept_message(const char *msg)
{
    const char *d = getenv("FOLIO_DEBUG");
    if (d && *d && *d != '0')
        fprintf(stderr, "folio: leptonica: %s", msg);
}

static void install_handlers(void)
{
    leptSetStderrHandler(lept_message);
}

void folio_lept_messages_route(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_handlers);
}

void folio_load_limits_init(folio_load_limits *lim)
{
    lim->max_bytes = (size_t)512 << 20; /* 512 MiB */
    lim->max_pixels = 120000000LL;      /* A3 at 600 dpi is 7016 x 9921 = 69.6 Mpx */
    lim->max_side = 30000;
    lim->max_pages = 5000;
    lim->max_work_bytes = (long long)2 << 30; /* 2 GiB per worker, see load.h */
}

int folio_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
        return FOLIO_ENOMEM;
    for (unsigned i = 0; i < mdlen; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = '\0';
    return 0;
}

/* Read the whole regular file at path. Refuses FIFOs, devices, directories. */
static int read_file(const char *path, const folio_load_limits *lim, unsigned char **pdata,
                     size_t *plen, folio_error *err)
{
    *pdata = NULL;
    *plen = 0;
    int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return folio_error_set(err, FOLIO_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    int rc = 0;
    unsigned char *data = NULL;
    if (fstat(fd, &st) != 0) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: cannot stat: %s", path, strerror(errno));
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: not a regular file", path);
        goto done;
    }
    if (st.st_size == 0) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: empty file", path);
        goto done;
    }
    if ((unsigned long long)st.st_size > lim->max_bytes) {
        rc = folio_error_set(err, FOLIO_EINPUT, "%s: file of %lld bytes exceeds the limit of %zu",
                             path, (long long)st.st_size, lim->max_bytes);
        goto done;
    }
    size_t len = (size_t)st.st_size, got = 0;
    data = malloc(len + 1);
    if (!data) {
        rc = folio_error_set(err, FOLIO_ENOMEM, "%s: out of memory reading the file", path);
        goto done;
    }
    while (got < len) {
        ssize_t n = read(fd, data + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = folio_error_set(err, FOLIO_EINPUT, "%s: read failed: %s", path,
                                 n < 0 ? strerror(errno) : "file shrank while reading");
            goto done;
        }
        got += (size_t)n;
    }
    *pdata = data;
    *plen = len;
    data = NULL;
done:
    free(data);
    close(fd);
    return rc;
}

static const char *format_name(int fmt)
{
    if (L_FORMAT_IS_TIFF(fmt))
        return "tiff";
    switch (fmt) {
    case IFF_PNG: return "png";
    case IFF_JFIF_JPEG: return "jpeg";
    case IFF_PNM: return "pnm";
    case IFF_BMP: return "bmp";
    case IFF_GIF: return "gif";
    case IFF_WEBP: return "webp";
    case IFF_JP2: return "jp2";
    default: return NULL;
    }
}

static int count_tiff_pages(const unsigned char *data, size_t len, int *pn)
{
    FILE *fp = fmemopen((void *)data, len, "rb");
    if (!fp)
        return -1;
    int n = 0;
    int bad = tiffGetCount(fp, &n);
    fclose(fp);
    *pn = n;
    return bad || n < 1 ? -1 : 0;
}

static unsigned rd16le(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static long rd32le(const unsigned char *p)
{
    return (long)(int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                           (uint32_t)p[3] << 24);
}

/* Skip GIF data sub-blocks from *pos; \return 0, or -1 when they run past the end. */
static int gif_skip_blocks(const unsigned char *data, size_t len, size_t *pos)
{
    while (*pos < len) {
        size_t n = data[(*pos)++];
        if (n == 0)
            return 0;
        *pos += n;
    }
    return -1;
}

/*
 * The largest frame of a GIF, walked block by block without decoding:
 * Leptonica has no header-only GIF reader, and giflib allocates every
 * frame's width x height before decoding any of it (a 65535 x 65535 frame
 * is 4 GiB). \return 0 with *pw, *ph, or -1 for a truncated or corrupt file.
 */
static int gif_dims(const unsigned char *data, size_t len, int *pw, int *ph)
{
    size_t pos = 13;
    if (len < 13)
        return -1;
    *pw = (int)rd16le(data + 6);
    *ph = (int)rd16le(data + 8);
    if (data[10] & 0x80)
        pos += 3u << ((data[10] & 7) + 1);
    while (pos < len) {
        unsigned char tag = data[pos++];
        if (tag == 0x3B)
            return 0;
        if (tag == 0x21) {
            if (++pos > len || gif_skip_blocks(data, len, &pos))
                return -1;
        } else if (tag == 0x2C) {
            if (pos + 9 > len)
                return -1;
            *pw = L_MAX(*pw, (int)rd16le(data + pos + 4));
            *ph = L_MAX(*ph, (int)rd16le(data + pos + 6));
            unsigned char packed = data[pos + 8];
            pos += 9;
            if (packed & 0x80)
                pos += 3u << ((packed & 7) + 1);
            if (++pos > len || gif_skip_blocks(data, len, &pos)) /* LZW code size, data */
                return -1;
        } else {
            return -1;
        }
    }
    return -1;
}

/* Leptonica reads a whole BMP to learn its size; the header has it at fixed places. */
static int bmp_dims(const unsigned char *data, size_t len, int *pw, int *ph, int *pbpp)
{
    if (len < 30)
        return -1;
    long w = rd32le(data + 18), h = rd32le(data + 22);
    if (h < 0 && h > -0x7fffffffL)
        h = -h;
    *pw = w > 0 && w <= 0x7fffffffL ? (int)w : 0;
    *ph = h > 0 && h <= 0x7fffffffL ? (int)h : 0;
    *pbpp = (int)rd16le(data + 28);
    return 0;
}

/*
 * PNG and JPEG framing, walked before Leptonica sees the bytes: Leptonica
 * installs no error handler for libpng or libjpeg, whose defaults print raw
 * lines on stderr ("libpng error: ...", "Premature end of JPEG file"), so a
 * truncated or damaged file is refused here with Folio's own message. A file
 * whose framing is sound but whose compressed data is not can still make the
 * library print a line before Folio's message (docs/RELIABILITY.md).
 */
static uint32_t rd32be(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Every chunk whole with a good CRC, IHDR first, IEND present. \return a reason or NULL. */
static const char *png_framing(const unsigned char *data, size_t len)
{
    size_t pos = 8;
    for (int k = 0;; k++) {
        if (len - pos < 12)
            return "no IEND chunk";
        uint32_t n = rd32be(data + pos);
        if (n > 0x7fffffffu || n > len - pos - 12)
            return "a chunk runs past the end of the file";
        const unsigned char *type = data + pos + 4;
        if (k == 0 && memcmp(type, "IHDR", 4) != 0)
            return "no IHDR chunk";
        if ((uint32_t)crc32(0, type, n + 4) != rd32be(data + pos + 8 + n))
            return "a chunk fails its CRC check";
        if (memcmp(type, "IEND", 4) == 0)
            return NULL;
        pos += 12 + (size_t)n;
    }
}

/* Markers from SOI to EOI, entropy-coded data skipped. \return a reason or NULL. */
static const char *jpeg_framing(const unsigned char *data, size_t len)
{
    size_t pos = 2;
    bool scan = false;
    while (pos < len) {
        if (data[pos] != 0xFF) {
            if (!scan)
                return "data between markers";
            pos++;
            continue;
        }
        while (pos < len && data[pos] == 0xFF)
            pos++;
        if (pos >= len)
            break;
        unsigned m = data[pos++];
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7) || m == 0x01)
            continue; /* stuffed byte, restart marker, TEM: no length */
        if (m == 0xD9)
            return scan ? NULL : "no image data";
        if (len - pos < 2 || (data[pos] << 8 | data[pos + 1]) < 2 ||
            (size_t)(data[pos] << 8 | data[pos + 1]) > len - pos)
            return "a segment runs past the end of the file";
        pos += (size_t)(data[pos] << 8 | data[pos + 1]);
        scan = scan || m == 0xDA;
    }
    return "no end-of-image marker";
}

/* A classic TIFF's reader: byte order from the header. */
typedef struct tiff_rd {
    const unsigned char *d;
    size_t len;
    bool be;
} tiff_rd;

static uint32_t tiff_u(const tiff_rd *t, size_t off, int size)
{
    if (off > t->len || (size_t)size > t->len - off)
        return UINT32_MAX;
    const unsigned char *p = t->d + off;
    if (size == 2)
        return t->be ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
    return t->be ? rd32be(p)
                 : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
}

/* Value i of the SHORT or LONG array of IFD entry e. \return UINT32_MAX when outside the file. */
static uint32_t tiff_value(const tiff_rd *t, size_t e, uint32_t i)
{
    uint32_t type = tiff_u(t, e + 2, 2), n = tiff_u(t, e + 4, 4);
    int size = type == 3 ? 2 : type == 4 ? 4 : 0;
    if (size == 0 || n == UINT32_MAX || i >= n)
        return UINT32_MAX;
    size_t base = (size_t)n * size <= 4 ? e + 8 : tiff_u(t, e + 8, 4);
    return base == UINT32_MAX ? UINT32_MAX : tiff_u(t, base + (size_t)i * size, size);
}

/*
 * Do the strips (or tiles) of page `page` lie inside the file? A truncated
 * TIFF keeps its first directory and loses its pixels. BigTIFF is left to
 * libtiff. \return a reason or NULL.
 */
static const char *tiff_framing(const unsigned char *data, size_t len, int page)
{
    tiff_rd t = {data, len, data[0] == 'M'};
    if (tiff_u(&t, 2, 2) != 42)
        return NULL;
    uint32_t ifd = tiff_u(&t, 4, 4);
    for (int k = 0; k < page && ifd != UINT32_MAX && ifd != 0; k++)
        ifd = tiff_u(&t, (size_t)ifd + 2 + 12 * (size_t)tiff_u(&t, ifd, 2), 4);
    uint32_t n = tiff_u(&t, ifd, 2);
    if (ifd == 0 || n == UINT32_MAX)
        return "a directory lies past the end of the file";
    size_t offs = 0, counts = 0;
    for (uint32_t k = 0; k < n; k++) {
        size_t e = (size_t)ifd + 2 + 12 * (size_t)k;
        uint32_t tag = tiff_u(&t, e, 2);
        if (tag == UINT32_MAX)
            return "a directory runs past the end of the file";
        if (tag == 273 || tag == 324)
            offs = e;
        if (tag == 279 || tag == 325)
            counts = e;
    }
    if (!offs || !counts)
        return NULL; /* libtiff decides */
    uint32_t strips = tiff_u(&t, offs + 4, 4);
    for (uint32_t i = 0; i < strips; i++) {
        uint32_t o = tiff_value(&t, offs, i), c = tiff_value(&t, counts, i);
        if (o == UINT32_MAX || c == UINT32_MAX || o > len || c > len - o)
            return "its pixel data runs past the end of the file";
    }
    return NULL;
}

static const char *framing(const unsigned char *data, size_t len, int fmt, int page)
{
    if (fmt == IFF_PNG)
        return png_framing(data, len);
    if (fmt == IFF_JFIF_JPEG)
        return jpeg_framing(data, len);
    if (L_FORMAT_IS_TIFF(fmt))
        return tiff_framing(data, len, page);
    return NULL;
}

/* Width, height and bits per pixel of page `page`, from the header only. */
static int read_dims(const unsigned char *data, size_t len, int fmt, int page, int *pw, int *ph,
                     int *pbpp, int *pres)
{
    int bps = 0, spp = 0, cmap = 0, f = fmt;
    *pres = 0;
    if (fmt == IFF_GIF) {
        *pbpp = 8;
        return gif_dims(data, len, pw, ph);
    }
    if (fmt == IFF_BMP)
        return bmp_dims(data, len, pw, ph, pbpp);
    if (L_FORMAT_IS_TIFF(fmt)) {
        if (readHeaderMemTiff(data, len, page, pw, ph, &bps, &spp, pres, &cmap, &f))
            return -1;
    } else if (pixReadHeaderMem(data, len, &f, pw, ph, &bps, &spp, &cmap)) {
        return -1;
    }
    *pbpp = cmap ? 32 : bps * spp; /* a colormap is expanded to RGB by the first stage */
    return 0;
}

/*
 * The working memory a page of w x h pixels needs, in bytes: the decoded
 * image at its depth (32 bits for colour, as Leptonica holds it) plus
 * FOLIO_WORK_BYTES_PER_PX for the 8-bit copies preprocessing keeps at once
 * and Tesseract's own images and tables (load.h).
 */
static long long work_bytes(int w, int h, int bpp)
{
    long long px = (long long)w * h;
    int in = bpp > 8 ? 4 : 1;
    return px * (in + FOLIO_WORK_BYTES_PER_PX);
}

/* Check format, page count and dimensions without decoding pixels. */
static int check_header(const char *path, const unsigned char *data, size_t len, int page,
                        const folio_load_limits *lim, folio_loaded *out, int *pfmt,
                        folio_error *err)
{
    int fmt = IFF_UNKNOWN, w = 0, h = 0, bpp = 0, res = 0;
    if (len < 12 || findFileFormatBuffer(data, &fmt) || !format_name(fmt))
        return folio_error_set(err, FOLIO_EINPUT,
                               "%s: not an image Folio reads (PNG, JPEG, TIFF, PNM, BMP, GIF, "
                               "WebP, JPEG 2000)", path);
    out->format = format_name(fmt);
    out->pages = 1;
    if (L_FORMAT_IS_TIFF(fmt) && count_tiff_pages(data, len, &out->pages))
        return folio_error_set(err, FOLIO_EINPUT, "%s: corrupt TIFF (no readable directory)",
                               path);
    if (out->pages > lim->max_pages)
        return folio_error_set(err, FOLIO_EINPUT, "%s: %d pages exceed the limit of %d", path,
                               out->pages, lim->max_pages);
    if (page >= out->pages)
        return folio_error_set(err, FOLIO_EINPUT, "%s: has %d page(s); page %d requested", path,
                               out->pages, page + 1);
    const char *why = framing(data, len, fmt, page);
    if (why)
        return folio_error_set(err, FOLIO_EINPUT, "%s: corrupt or truncated %s data (%s)", path,
                               out->format, why);
    if (read_dims(data, len, fmt, page, &w, &h, &bpp, &res))
        return folio_error_set(err, FOLIO_EINPUT, "%s: unreadable or truncated %s header", path,
                               out->format);
    if (w <= 0 || h <= 0)
        return folio_error_set(err, FOLIO_EINPUT, "%s: image has no pixels (%d x %d)", path, w,
                               h);
    if (w > lim->max_side || h > lim->max_side || (long long)w * h > lim->max_pixels)
        return folio_error_set(err, FOLIO_EINPUT,
                               "%s: %d x %d pixels exceed the limit (%d per side, %lld in all)",
                               path, w, h, lim->max_side, lim->max_pixels);
    long long need = work_bytes(w, h, bpp);
    if (lim->max_work_bytes > 0 && need > lim->max_work_bytes)
        return folio_error_set(err, FOLIO_EINPUT,
                               "%s: a %d x %d page at %d bits needs about %lld MiB to convert, "
                               "over the per-worker budget of %lld MiB",
                               path, w, h, bpp, need >> 20, lim->max_work_bytes >> 20);
    *pfmt = fmt;
    return 0;
}

static PIX *decode(const unsigned char *data, size_t len, int fmt, int page)
{
    if (L_FORMAT_IS_TIFF(fmt))
        return pixReadMemTiff(data, len, page);
    return pixReadMem(data, len);
}

/* A PDF page: opened (page count checked) and rendered at the scan's resolution. */
static int load_pdf_page(const char *path, const unsigned char *data, size_t len, int page,
                         const folio_load_limits *lim, folio_loaded *out, folio_error *err)
{
    out->format = "pdf";
    folio_pdf *pd = folio_pdf_open_mem(path, data, len, lim, err);
    if (!pd)
        return folio_error_code(err);
    out->pages = folio_pdf_pages(pd);
    int rc = folio_sha256_hex(data, len, out->sha256)
                 ? folio_error_set(err, FOLIO_ENOMEM, "%s: cannot hash the file", path)
                 : folio_pdf_render(pd, page, 0, &out->pix, err);
    folio_pdf_destroy(&pd);
    return rc;
}

/* Append one warning to out->note ("; " between two), truncating at its size. */
static void add_note(folio_loaded *out, const char *fmt, ...)
{
    size_t used = strlen(out->note);
    if (used && used + 2 < sizeof(out->note)) {
        memcpy(out->note + used, "; ", 3);
        used += 2;
    }
    if (used + 1 >= sizeof(out->note))
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->note + used, sizeof(out->note) - used, fmt, ap);
    va_end(ap);
}

/* A resolution tag outside the range a scan can have is treated as absent. */
static void check_dpi(const char *name, folio_loaded *out)
{
    int x = pixGetXRes(out->pix), y = pixGetYRes(out->pix);
    out->dpi = x;
    if (x == 0 && y == 0)
        return;
    if (x >= FOLIO_DPI_MIN && x <= FOLIO_DPI_MAX && y >= FOLIO_DPI_MIN && y <= FOLIO_DPI_MAX)
        return;
    out->dpi = 0;
    add_note(out, "%s: resolution tag %d x %d dpi is implausible (not %d to %d); ignored", name, x,
             y, FOLIO_DPI_MIN, FOLIO_DPI_MAX);
}

/* The share of pix's pixels inside box (NULL: all) that are ink (ON), or -1. */
static double ink_share(PIX *pix, BOX *box)
{
    PIX *part = box ? pixClipRectangle(pix, box, NULL) : pixClone(pix);
    l_int32 on = 0;
    double share = -1;
    if (part && pixCountPixels(part, &on, NULL) == 0)
        share = (double)on / ((double)pixGetWidth(part) * pixGetHeight(part));
    pixDestroy(&part);
    return share;
}

/*
 * A bilevel page whose polarity is reversed (a TIFF tagged BlackIsZero for
 * WhiteIsZero bits, or a negative scan) decodes as white text on black, and
 * Tesseract reads garbage from it. Printed pages are mostly paper: ink covers
 * over half of the page and of its central 80% only on such a page (see
 * FOLIO_INVERTED_INK), so it is inverted here, before preprocessing, with a
 * note. A colour-mapped 1-bit page is left alone: its ON bits need not be ink.
 */
static void check_polarity(const char *name, folio_loaded *out)
{
    PIX *pix = out->pix;
    if (pixGetDepth(pix) != 1 || pixGetColormap(pix))
        return;
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    BOX *centre = boxCreate(w / 10, h / 10, L_MAX(1, w - 2 * (w / 10)), L_MAX(1, h - 2 * (h / 10)));
    double all = ink_share(pix, NULL), mid = centre ? ink_share(pix, centre) : -1;
    boxDestroy(&centre);
    if (all <= FOLIO_INVERTED_INK || mid <= FOLIO_INVERTED_INK)
        return;
    pixInvert(pix, pix);
    add_note(out,
             "%s: bilevel page is %.0f%% ink, white on black (a wrong photometric tag?); inverted",
             name, 100 * all);
}

int folio_load_page_mem(const char *name, const unsigned char *data, size_t len, int page,
                        const folio_load_limits *lim, folio_loaded *out, folio_error *err)
{
    folio_lept_messages_route();
    memset(out, 0, sizeof(*out));
    if (!name || !lim || page < 0 || (!data && len))
        return folio_error_set(err, FOLIO_EUSAGE, "load: bad arguments");
    int fmt = IFF_UNKNOWN, rc;
    if (len == 0)
        return folio_error_set(err, FOLIO_EINPUT, "%s: empty file", name);
    if (len > lim->max_bytes)
        return folio_error_set(err, FOLIO_EINPUT, "%s: file of %zu bytes exceeds the limit of %zu",
                               name, len, lim->max_bytes);
    if (folio_pdf_sniff(data, len)) {
        rc = load_pdf_page(name, data, len, page, lim, out, err);
        goto done;
    }
    rc = check_header(name, data, len, page, lim, out, &fmt, err);
    if (rc)
        return rc;
    if (folio_sha256_hex(data, len, out->sha256))
        return folio_error_set(err, FOLIO_ENOMEM, "%s: cannot hash the file", name);
    out->pix = decode(data, len, fmt, page);
    if (!out->pix)
        return folio_error_set(err, FOLIO_EINPUT, "%s: corrupt or truncated %s data", name,
                               out->format);
done:
    if (rc == 0 && out->pix) {
        out->width = pixGetWidth(out->pix);
        out->height = pixGetHeight(out->pix);
        out->depth = pixGetDepth(out->pix);
        check_dpi(name, out);
        check_polarity(name, out);
    }
    return rc;
}

int folio_load_page(const char *path, int page, const folio_load_limits *lim,
                    folio_loaded *out, folio_error *err)
{
    memset(out, 0, sizeof(*out));
    if (!path || !lim || page < 0)
        return folio_error_set(err, FOLIO_EUSAGE, "load: bad arguments");
    unsigned char *data = NULL;
    size_t len = 0;
    int rc = read_file(path, lim, &data, &len, err);
    if (rc == 0)
        rc = folio_load_page_mem(path, data, len, page, lim, out, err);
    free(data);
    return rc;
}

/* Read path's header (PDF: its page tree) and check that page exists.
   \return the number of pages, or a negative folio_status with err set. */
static int inspect(const char *path, int page, const folio_load_limits *lim, folio_error *err)
{
    folio_lept_messages_route();
    if (!path || !lim || page < 0)
        return folio_error_set(err, FOLIO_EUSAGE, "load: bad arguments");
    unsigned char *data = NULL;
    size_t len = 0;
    int rc = read_file(path, lim, &data, &len, err);
    if (rc)
        return rc;
    if (folio_pdf_sniff(data, len)) {
        folio_pdf *pd = folio_pdf_open_mem(path, data, len, lim, err);
        rc = pd ? folio_pdf_pages(pd) : folio_error_code(err);
        if (pd && page >= rc)
            rc = folio_error_set(err, FOLIO_EINPUT, "%s: has %d page(s); page %d requested", path,
                                 rc, page + 1);
        folio_pdf_destroy(&pd);
    } else {
        folio_loaded info;
        int fmt;
        memset(&info, 0, sizeof(info));
        rc = check_header(path, data, len, page, lim, &info, &fmt, err);
        rc = rc ? rc : info.pages;
    }
    free(data);
    return rc;
}

int folio_load_count_pages(const char *path, const folio_load_limits *lim, folio_error *err)
{
    return inspect(path, 0, lim, err);
}

int folio_load_check(const char *path, int page, const folio_load_limits *lim, folio_error *err)
{
    int rc = inspect(path, page, lim, err);
    return rc < 0 ? rc : 0;
}
