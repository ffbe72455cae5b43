/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The options every converting subcommand takes (convert, batch, watch):
 * languages, tessdata, resolution, time limit and the preprocessing
 * switches. One table, one parser, one help text, so the three commands
 * accept the same values with the same messages.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static int bad_value(const char *cmd, const char *msg, const char *arg)
{
    fprintf(stderr, "folio %s: %s: %s\nTry 'folio %s --help'.\n", cmd, msg, arg, cmd);
    return -FOLIO_EUSAGE;
}

static int set_int(const char *cmd, const char *arg, long lo, long hi, const char *msg, int *out)
{
    long v = 0;
    if (folio_cli_parse_int(arg, lo, hi, &v))
        return bad_value(cmd, msg, arg);
    *out = (int)v;
    return 0;
}

/* The preprocessing switches: the step each one turns off or on. */
static bool *step_flag(int c, folio_convert_params *conv, bool *value)
{
    *value = false;
    switch (c) {
    case FOLIO_OPT_NO_ORIENT: return &conv->orient;
    case FOLIO_OPT_NO_DESKEW: return &conv->deskew;
    case FOLIO_OPT_NO_CROP: return &conv->crop;
    case FOLIO_OPT_NO_BACKGROUND: return &conv->background;
    case FOLIO_OPT_NO_BINARIZE: return &conv->binarize;
    case FOLIO_OPT_NO_RESCALE: return &conv->rescale;
    case FOLIO_OPT_NO_SECOND: return &conv->second_pass;
    case FOLIO_OPT_NO_REREAD: return &conv->reread;
    case FOLIO_OPT_NO_ROUTING: return &conv->route_lines;
    case FOLIO_OPT_BINARIZE: *value = true; return &conv->binarize;
    default: return NULL;
    }
}

int folio_cli_conversion_option(const char *cmd, int c, const char *arg,
                                folio_engine_params *engine, folio_convert_params *conv)
{
    int secs = 0, rc = 0;
    bool value = false;
    bool *flag = step_flag(c, conv, &value);
    if (flag) {
        *flag = value;
        return 0;
    }
    switch (c) {
    case FOLIO_OPT_LANG: engine->lang = arg; return 0;
    case FOLIO_OPT_TESSDATA: engine->tessdata = arg; return 0;
    case FOLIO_OPT_DPI:
        return set_int(cmd, arg, 50, 4800, "--dpi takes a resolution from 50 to 4800", &conv->dpi);
    case FOLIO_OPT_TIMEOUT:
        rc = set_int(cmd, arg, 1, 86400, "--timeout takes whole seconds from 1 to 86400", &secs);
        if (!rc)
            conv->timeout_s = secs;
        return rc;
    default: return 1;
    }
}
