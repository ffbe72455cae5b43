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

#endif /* FOLIO_CLI_H */
