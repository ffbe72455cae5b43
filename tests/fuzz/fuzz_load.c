/* SPDX-License-Identifier: Apache-2.0 */
/*
 * libFuzzer target for the image loading wrapper (pipeline/load.c):
 * folio_load_page_mem on the fuzz bytes, pages 0 and 1, with limits small
 * enough that a valid header claiming a large image is refused instead of
 * decoded (the refusal path is what is under test; the real limits are
 * checked by tests/test_load.c). PDFs are skipped: Poppler is not ours.
 */
#include "pipeline/load.h"
#include "pipeline/pdf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setMsgSeverity(L_SEVERITY_NONE); /* Leptonica's complaints about bad input are expected */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (folio_pdf_sniff(data, size))
        return 0;
    folio_load_limits lim;
    folio_load_limits_init(&lim);
    lim.max_bytes = 1 << 20;
    lim.max_pixels = 4000000;
    lim.max_side = 8000;
    lim.max_pages = 64;
    lim.max_work_bytes = 64LL << 20;
    folio_error *err = folio_error_create();
    for (int page = 0; page < 2; page++) {
        folio_loaded img;
        int rc = folio_load_page_mem("fuzz", data, size, page, &lim, &img, err);
        if (rc == 0) {
            if (!img.pix || img.width <= 0 || img.height <= 0 || img.dpi < 0 ||
                (long long)img.width * img.height > lim.max_pixels)
                abort(); /* a page over the limits got through */
            pixDestroy(&img.pix);
        } else if (img.pix || !strstr(folio_error_message(err), "fuzz")) {
            abort(); /* a failure must name the file and leave nothing */
        }
    }
    folio_error_destroy(&err);
    return 0;
}
