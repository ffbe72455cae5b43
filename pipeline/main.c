/* SPDX-License-Identifier: Apache-2.0 */
/* folio: the command-line entry point; everything else lives in the library. */
#include "pipeline/cli.h"

#include <unicode/uclean.h>

int main(int argc, char **argv)
{
    int rc = folio_cli_main(argc, argv);
    /* ICU keeps process-wide caches (the transliterator registry behind
     * pinyin.c, break-iterator data behind vote.c) until told to free them;
     * freed here, once every engine is gone, so leak checkers see nothing. */
    u_cleanup();
    return rc;
}
