/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Plain text: the repaired page text in reading order, paragraphs separated
 * by a blank line, ending in a newline.
 */
#include "render.h"

int folio_render_txt(const folio_page *pg, folio_buf *out, folio_error *err)
{
    (void)err;
    folio_buf_puts(out, pg->text ? pg->text : "");
    if (out->len == 0 || out->data[out->len - 1] != '\n')
        folio_buf_putc(out, '\n');
    return 0;
}
