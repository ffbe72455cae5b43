/* SPDX-License-Identifier: Apache-2.0 */
/* folio: the command-line entry point; everything else lives in the library. */
#include "pipeline/cli.h"

int main(int argc, char **argv)
{
    return folio_cli_main(argc, argv);
}
