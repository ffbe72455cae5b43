/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The command line: global options, subcommand dispatch, and `folio
 * convert`. Parsing and reporting only; the work is the library's.
 */
#include "cli.h"
#include "load.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_CODES_HELP                                                                        \
    "Exit codes:\n"                                                                            \
    "  0  success\n"                                                                           \
    "  2  usage: bad arguments\n"                                                              \
    "  3  input missing, unreadable, corrupt or over a limit\n"                                \
    "  4  engine: Tesseract language data missing\n"                                           \
    "  5  output cannot be written\n"                                                          \
    "  6  out of memory\n"                                                                     \
    "  7  a page exceeded the time limit\n"                                                    \
    "  8  batch: some pages failed (the others were converted)\n"                              \
    "  9  interrupted by a signal\n"

static const char main_help[] =
    "Usage: folio COMMAND [OPTIONS]\n"
    "Turn scanned pages of Chinese-English journals into clean text and metadata.\n"
    "\n"
    "Commands:\n"
    "  convert PAGE      convert one page image (see folio convert --help)\n"
    "  batch INPUT...    convert many files, folders and PDFs (see folio batch --help)\n"
    "  watch INBOX       convert every file dropped into INBOX (see folio watch --help)\n"
    "\n"
    "Options:\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show Folio, Tesseract and Leptonica versions and the tessdata path\n"
    "\n" EXIT_CODES_HELP;

static const char convert_help[] =
    "Usage: folio convert PAGE [OPTIONS]\n"
    "Recognize one page image (PNG, JPEG, TIFF incl. 1-bit G4, PNM) and print its\n"
    "repaired text, or write it to a file.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE        write to FILE atomically instead of standard output;\n"
    "                           with several formats FILE is a stem: FILE.txt, FILE.json...\n"
    "  -f, --format LIST        txt (default), json, md, hocr, alto, pdf, jats, bibtex,\n"
    "                           ris, csl, or a comma list of them\n"
    "      --page N             page N (1-based) of a multi-page TIFF (default 1)\n"
    "      --save-preprocessed FILE  write the image Tesseract receives (PNG)\n"
    FOLIO_CLI_CONVERSION_HELP
    "  -q, --quiet              print nothing but errors\n"
    "  -h, --help               show this help\n"
    "\n" EXIT_CODES_HELP;

int folio_cli_parse_int(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int folio_cli_parse_formats(const char *list, folio_format *fmts)
{
    int n = 0;
    char *copy = strdup(list ? list : "");
    if (!copy)
        return -1;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int f = folio_format_from_name(tok);
        if (f < 0) {
            fprintf(stderr, "folio: unknown or unavailable format '%s'\n", tok);
            n = -1;
            break;
        }
        for (int i = 0; i < n; i++)
            if (fmts[i] == (folio_format)f)
                f = -1;
        if (f >= 0 && n < FOLIO_FMT_COUNT)
            fmts[n++] = (folio_format)f;
    }
    free(copy);
    if (n == 0) {
        if (list)
            fprintf(stderr, "folio: --format needs at least one format\n");
        return -1;
    }
    return n;
}

static int print_version(void)
{
    char *lept = folio_leptonica_version();
    printf("folio %s\ntesseract %s\n%s\n", folio_version(), folio_tesseract_version(),
           lept ? lept : "leptonica ?");
    free(lept);
    folio_error *err = folio_error_create();
    folio_engine *e = folio_engine_create(NULL, err);
    if (e)
        printf("tessdata %s\n", folio_engine_tessdata(e));
    else
        printf("tessdata unavailable: %s\n", folio_error_message(err));
    folio_engine_destroy(&e);
    folio_error_destroy(&err);
    return 0;
}

typedef struct convert_opts {
    const char *input, *output, *formats;
    folio_engine_params engine;
    folio_convert_params conv;
    bool quiet;
} convert_opts;

enum { OPT_PAGE = 256, OPT_SAVE_PRE };

static const struct option convert_long[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'f'},
    {"page", required_argument, NULL, OPT_PAGE},
    {"save-preprocessed", required_argument, NULL, OPT_SAVE_PRE},
    FOLIO_CLI_CONVERSION_OPTIONS,
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "folio convert: %s%s%s\nTry 'folio convert --help'.\n", msg,
            arg ? ": " : "", arg ? arg : "");
    return -FOLIO_EUSAGE;
}

/* One option; \return 0, 1 for --help, or an exit code. */
static int convert_option(convert_opts *o, int c)
{
    long v = 0;
    switch (c) {
    case 'o': o->output = optarg; return 0;
    case 'f': o->formats = optarg; return 0;
    case 'q': o->quiet = true; return 0;
    case 'h': return 1;
    case OPT_PAGE:
        if (folio_cli_parse_int(optarg, 1, 100000, &v))
            return usage_error("--page takes a page number from 1", optarg);
        o->conv.page = (int)v - 1;
        return 0;
    case OPT_SAVE_PRE: o->conv.save_preprocessed = optarg; return 0;
    default: {
        int rc = folio_cli_conversion_option("convert", c, optarg, &o->engine, &o->conv);
        return rc == 1 ? usage_error("unknown option", NULL) : rc;
    }
    }
}

static int parse_convert(int argc, char **argv, convert_opts *o)
{
    memset(o, 0, sizeof(*o));
    folio_engine_params_init(&o->engine);
    folio_convert_params_init(&o->conv);
    o->formats = "txt";
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":o:f:qh", convert_long, NULL)) != -1) {
        if (c == ':')
            return usage_error("option needs a value", argv[optind - 1]);
        if (c == '?')
            return usage_error("unknown option", argv[optind - 1]);
        int rc = convert_option(o, c);
        if (rc == 1) {
            fputs(convert_help, stdout);
            return 1;
        }
        if (rc)
            return rc;
    }
    if (optind != argc - 1)
        return usage_error(optind >= argc ? "no PAGE given" : "one PAGE at a time",
                           optind < argc - 1 ? argv[optind + 1] : NULL);
    o->input = argv[optind];
    return 0;
}

/* Write one rendered format to stdout or a file; \return 0 or a folio_status. */
static int emit(const folio_page *pg, folio_format f, const char *path, folio_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = folio_page_render(pg, f, &data, &len, err);
    if (rc)
        return rc;
    if (path)
        rc = folio_write_atomic(path, data, len, err);
    else if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
        rc = folio_error_set(err, FOLIO_EOUTPUT, "standard output: write failed: %s",
                             strerror(errno));
    free(data);
    return rc;
}

static int emit_all(const folio_page *pg, const convert_opts *o, const folio_format *fmts,
                    int nf, folio_error *err)
{
    for (int i = 0; i < nf; i++) {
        char *path = NULL;
        if (o->output && nf > 1) {
            if (asprintf(&path, "%s.%s", o->output, folio_format_ext(fmts[i])) < 0)
                return folio_error_set(err, FOLIO_ENOMEM, "out of memory");
        } else if (o->output) {
            path = strdup(o->output);
        }
        int rc = emit(pg, fmts[i], path, err);
        free(path);
        if (rc)
            return rc;
    }
    return 0;
}

int folio_cmd_convert(int argc, char **argv)
{
    convert_opts o;
    int rc = parse_convert(argc, argv, &o);
    if (rc)
        return rc == 1 ? 0 : rc;
    folio_format fmts[FOLIO_FMT_COUNT];
    int nf = folio_cli_parse_formats(o.formats, fmts);
    if (nf < 0)
        return -FOLIO_EUSAGE;
    if (nf > 1 && !o.output)
        return usage_error("several formats need -o STEM", NULL);
    folio_error *err = folio_error_create();
    /* A bad input is refused from its header before the engine's ~0.5 s start. */
    folio_load_limits lim;
    folio_load_limits_init(&lim);
    bool ok = err && folio_load_check(o.input, o.conv.page, &lim, err) == 0;
    folio_engine *e = ok ? folio_engine_create(&o.engine, err) : NULL;
    folio_page *pg = e ? folio_engine_convert(e, o.input, &o.conv, err) : NULL;
    if (pg && *folio_page_note(pg) && !o.quiet)
        fprintf(stderr, "folio: note: %s\n", folio_page_note(pg));
    rc = pg ? emit_all(pg, &o, fmts, nf, err) : folio_error_code(err);
    if (!err)
        rc = FOLIO_ENOMEM;
    if (rc)
        fprintf(stderr, "folio: %s\n", err ? folio_error_message(err) : "out of memory");
    folio_page_destroy(&pg);
    folio_engine_destroy(&e);
    folio_error_destroy(&err);
    return -rc;
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"convert", folio_cmd_convert},
    {"batch", folio_cmd_batch},
    {"watch", folio_cmd_watch},
};

int folio_cli_main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(main_help, stderr);
        return -FOLIO_EUSAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        fputs(main_help, stdout);
        return 0;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version"))
        return print_version();
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "folio: unknown command '%s'\nTry 'folio --help'.\n", cmd);
    return -FOLIO_EUSAGE;
}
