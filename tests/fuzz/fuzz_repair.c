/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for the text repair rules (pipeline/repair.c). The first
 * byte picks the entry point: folio_repair_line (also checking that the
 * result is valid UTF-8 and that repairing it again changes nothing, as
 * repair.h promises), folio_repair_append_line over the input's lines, or
 * folio_repair_join_words on words whose boxes and flags come from the bytes.
 */
#include "pipeline/repair.h"
#include "pipeline/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static folio_repair *repair_ctx(void)
{
    static folio_repair *r;
    if (!r)
        r = folio_repair_create("/usr/share/dict/american-english");
    return r;
}

/* Is s valid UTF-8? (Lead bytes and continuation bytes; enough for these checks.) */
static bool valid_utf8(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80                ? 1
                   : c >= 0xC2 && c < 0xE0 ? 2
                   : c >= 0xE0 && c < 0xF0 ? 3
                   : c >= 0xF0 && c < 0xF5 ? 4
                                           : 0;
        if (k == 0 || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return false;
        i += k;
    }
    return true;
}

/* Repair promises valid UTF-8 out (invalid bytes become U+FFFD). */
static void check_utf8(const char *s)
{
    if (!valid_utf8(s))
        abort();
}

static void fuzz_line(const char *s)
{
    char *once = folio_repair_line(s);
    if (!once)
        return;
    check_utf8(once);
    if (getenv("FOLIO_FUZZ_IDEMPOTENT")) {
        char *twice = folio_repair_line(once);
        if (twice && strcmp(once, twice) != 0) {
            fprintf(stderr, "not idempotent:\n  in:    %s\n  once:  %s\n  twice: %s\n", s, once,
                    twice);
            abort();
        }
        free(twice);
    }
    free(once);
}

/* Lines are repaired text, i.e. valid UTF-8, in the pipeline; only then is
 * the paragraph checked (raw bytes still exercise memory safety). */
static void fuzz_append(char *s)
{
    bool valid_in = valid_utf8(s);
    folio_buf para = FOLIO_BUF_INIT;
    const folio_repair *r = (s[0] & 1) ? repair_ctx() : NULL;
    for (char *save = NULL, *ln = strtok_r(s, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save))
        folio_repair_append_line(r, &para, ln);
    if (para.data && valid_in)
        check_utf8(para.data);
    folio_buf_free(&para);
}

/* Words: the text split at '\n'; each word takes 8 bytes of box and flags from its front. */
static void fuzz_join(const uint8_t *data, size_t size)
{
    folio_word words[64];
    size_t n = 0;
    memset(words, 0, sizeof(words));
    size_t i = 0;
    while (i < size && n < 64) {
        folio_word *w = &words[n++];
        uint8_t b[8] = {0};
        for (int k = 0; k < 8 && i < size; k++)
            b[k] = data[i++];
        w->box.x = (int16_t)(b[0] | b[1] << 8);
        w->box.y = b[2];
        w->box.w = (int8_t)b[3] * 4;
        w->box.h = (int8_t)b[4];
        w->conf = b[5] % 101;
        w->script = (folio_script)(b[6] % 3);
        w->space_before = b[7] & 1;
        size_t j = i;
        while (j < size && data[j] != '\n')
            j++;
        w->text = (b[7] & 2) ? NULL : folio_strndup((const char *)data + i, j - i);
        i = j + 1;
    }
    char *s = folio_repair_join_words(words, n);
    if (s)
        check_utf8(s);
    free(s);
    for (size_t k = 0; k < n; k++)
        free(words[k].text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    uint8_t mode = data[0] % 3;
    data++, size--;
    if (mode == 2) {
        fuzz_join(data, size);
        return 0;
    }
    char *s = folio_strndup((const char *)data, size); /* stops at an embedded NUL */
    if (!s)
        return 0;
    if (mode == 0)
        fuzz_line(s);
    else if (*s)
        fuzz_append(s);
    free(s);
    return 0;
}
