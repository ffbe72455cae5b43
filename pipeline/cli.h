/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The command line: `folio convert|batch|watch ...`. Each subcommand parses
 * its own options and returns the process exit code (0, or a negated
 * folio_status).
 */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include "folio/folio.h"

#include <stdbool.h>
#include <stddef.h>

/** Run the command line; \return the process exit code. */
int folio_cli_main(int argc, char **argv);

/* Subcommands (argv[0] is the subcommand name). */
int folio_cmd_convert(int argc, char **argv);
int folio_cmd_batch(int argc, char **argv);
int folio_cmd_watch(int argc, char **argv);

/**
 * Parse a comma list of format names into fmts (at most FOLIO_FMT_COUNT,
 * no repeats). \return the count, or -1 with a message on stderr.
 */
int folio_cli_parse_formats(const char *list, folio_format *fmts);

/** Parse a non-negative integer in [lo, hi]. \return 0 or -1. */
int folio_cli_parse_int(const char *s, long lo, long hi, long *out);

/*
 * The options convert, batch and watch share (cli_options.c). Each command
 * puts FOLIO_CLI_CONVERSION_OPTIONS into its getopt_long table and
 * FOLIO_CLI_CONVERSION_HELP into its --help, and hands every option code it
 * does not know itself to folio_cli_conversion_option.
 */
enum {
    FOLIO_OPT_LANG = 0x200,
    FOLIO_OPT_TESSDATA,
    FOLIO_OPT_DPI,
    FOLIO_OPT_TIMEOUT,
    FOLIO_OPT_NO_ORIENT,
    FOLIO_OPT_NO_DESKEW,
    FOLIO_OPT_NO_CROP,
    FOLIO_OPT_NO_BACKGROUND,
    FOLIO_OPT_BINARIZE,
    FOLIO_OPT_NO_BINARIZE,
    FOLIO_OPT_NO_RESCALE,
    FOLIO_OPT_NO_SECOND,
    FOLIO_OPT_NO_REREAD,
    FOLIO_OPT_NO_ROUTING,
};

#define FOLIO_CLI_CONVERSION_OPTIONS                                                           \
    {"lang", required_argument, NULL, FOLIO_OPT_LANG},                                         \
        {"tessdata", required_argument, NULL, FOLIO_OPT_TESSDATA},                             \
        {"dpi", required_argument, NULL, FOLIO_OPT_DPI},                                       \
        {"timeout", required_argument, NULL, FOLIO_OPT_TIMEOUT},                               \
        {"no-orient", no_argument, NULL, FOLIO_OPT_NO_ORIENT},                                 \
        {"no-deskew", no_argument, NULL, FOLIO_OPT_NO_DESKEW},                                 \
        {"no-crop", no_argument, NULL, FOLIO_OPT_NO_CROP},                                     \
        {"no-background", no_argument, NULL, FOLIO_OPT_NO_BACKGROUND},                         \
        {"binarize", no_argument, NULL, FOLIO_OPT_BINARIZE},                                   \
        {"no-binarize", no_argument, NULL, FOLIO_OPT_NO_BINARIZE},                             \
        {"no-rescale", no_argument, NULL, FOLIO_OPT_NO_RESCALE},                               \
        {"no-second-pass", no_argument, NULL, FOLIO_OPT_NO_SECOND},                             \
        {"no-reread", no_argument, NULL, FOLIO_OPT_NO_REREAD},                                 \
        {"no-line-routing", no_argument, NULL, FOLIO_OPT_NO_ROUTING}

#define FOLIO_CLI_CONVERSION_HELP                                                              \
    "      --lang LANGS         Tesseract languages (default chi_sim+eng)\n"                   \
    "      --tessdata DIR       directory holding the *.traineddata files\n"                   \
    "      --dpi N              the scan's resolution (50-4800), overriding its tag;\n"        \
    "                           PDF pages are rendered at N\n"                                  \
    "      --timeout SECONDS    give up on a page after this long (default: no limit)\n"       \
    "      --no-orient --no-deskew --no-crop --no-background --no-rescale\n"                  \
    "      --no-second-pass --no-reread   switch single steps off (see README)\n"               \
    "      --no-line-routing    let Tesseract try both languages on each line\n"             \
    "      --binarize           hand Tesseract Folio's own black-and-white image\n"            \
    "                           instead of the cleaned gray one (--no-binarize: default)\n"

/**
 * Apply conversion option c (a FOLIO_OPT_* code) with its argument to
 * engine and conv; arg is kept by pointer, not copied. cmd names the
 * subcommand in messages.
 * \return 0, 1 when c is not a conversion option, or -FOLIO_EUSAGE after a
 * message on stderr.
 */
int folio_cli_conversion_option(const char *cmd, int c, const char *arg,
                                folio_engine_params *engine, folio_convert_params *conv);

#endif /* FOLIO_CLI_H */
