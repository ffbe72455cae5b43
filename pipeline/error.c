/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The per-job error object: one code and one message, owned by the caller,
 * never global, so parallel workers never interleave their messages.
 */
#include "folio/folio.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct folio_error {
    int code;
    char message[1024];
};

folio_error *folio_error_create(void)
{
    return calloc(1, sizeof(folio_error));
}

void folio_error_destroy(folio_error **perr)
{
    if (!perr || !*perr)
        return;
    free(*perr);
    *perr = NULL;
}

int folio_error_set(folio_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    err->code = code;
    return code;
}

void folio_error_clear(folio_error *err)
{
    if (!err)
        return;
    err->code = 0;
    err->message[0] = '\0';
}

int folio_error_code(const folio_error *err)
{
    return err ? err->code : 0;
}

const char *folio_error_message(const folio_error *err)
{
    return err ? err->message : "";
}

const char *folio_status_name(int code)
{
    switch (code) {
    case FOLIO_OK: return "ok";
    case FOLIO_EUSAGE: return "usage";
    case FOLIO_EINPUT: return "input";
    case FOLIO_EENGINE: return "engine";
    case FOLIO_EOUTPUT: return "output";
    case FOLIO_ENOMEM: return "memory";
    case FOLIO_ELIMIT: return "limit";
    case FOLIO_EPARTIAL: return "partial";
    case FOLIO_EINTR: return "interrupted";
    default: return "error";
    }
}
