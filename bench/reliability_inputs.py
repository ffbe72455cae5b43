#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write the bad (and edge-case) inputs of bench/reliability.sh into a folder.

Pure Python (zlib, struct): PNG, TIFF, GIF, BMP and PDF are written byte by
byte so each header can lie exactly as wanted. JPEGs are rendered by
pdftoppm (poppler-utils) from a small text PDF made here.

    reliability_inputs.py DIR SAMPLES_DIR
"""
import os
import struct
import subprocess
import sys
import zlib


def png(w, h, rows=None, bits=8, color=0, dpi=None):
    """A PNG of w x h; rows: raw scanlines (without filter bytes), None: white."""
    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bits, color, 0, 0, 0))
    if dpi is not None:
        ppm = int(round(dpi / 0.0254))
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    if rows is not None:
        raw = b"".join(b"\x00" + r for r in rows)
        out += chunk(b"IDAT", zlib.compress(raw, 9))
    out += chunk(b"IEND", b"")
    return out


def png_set_dpi(data, dpi):
    """Copy of a PNG with its pHYs replaced (or added) for dpi."""
    pos, chunks = 8, []
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        chunks.append(data[pos:pos + 12 + n])
        pos += 12 + n
    ppm = int(round(dpi / 0.0254))
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    chunks = [c for c in chunks if c[4:8] != b"pHYs"]
    return data[:8] + chunks[0] + phys + b"".join(chunks[1:])


def tiff(w, h, bits, photometric, pixels, xres=300, xres_den=1):
    """Uncompressed single-strip little-endian TIFF; resolution xres/xres_den per inch."""
    entries = [
        (256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, bits), (259, 3, 1, 1),
        (262, 3, 1, photometric), (273, 4, 1, 0), (277, 3, 1, 1), (278, 3, 1, h),
        (279, 4, 1, len(pixels)), (282, 5, 1, 0), (283, 5, 1, 0), (296, 3, 1, 2),
    ]
    ifd_off = 8
    ifd_len = 2 + 12 * len(entries) + 4
    res_off = ifd_off + ifd_len
    data_off = res_off + 8
    out = b"II*\x00" + struct.pack("<I", ifd_off) + struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        if tag == 273:
            val = data_off
        if tag in (282, 283):
            val = res_off
        if typ == 3:
            out += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, cnt, val)
    out += struct.pack("<I", 0)
    out += struct.pack("<II", xres, xres_den)
    return out + pixels


def gif_bomb():
    """A GIF whose screen and only frame claim 65535 x 65535 pixels."""
    out = b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0x80, 0, 0)
    out += b"\x00\x00\x00\xff\xff\xff"
    out += b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0)
    out += b"\x02\x02\x44\x01\x00\x3b"
    return out


def bmp_bomb():
    """A BMP header claiming 60000 x 60000 24-bit pixels, and no pixels."""
    hdr = b"BM" + struct.pack("<IHHI", 54, 0, 0, 54)
    return hdr + struct.pack("<IiiHHIIiiII", 40, 60000, 60000, 1, 24, 0, 0, 2835, 2835, 0, 0)


def pdf(n_pages, text=True):
    """A PDF of n_pages letter pages, each with a few lines of Helvetica."""
    objs = []
    content = (b"BT /F1 28 Tf 72 700 Td (Folio reliability test page) Tj 0 -40 Td "
               b"(The quick brown fox jumps over the lazy dog) Tj 0 -40 Td "
               b"(Chongqing University 400044) Tj ET") if text else b""
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{4 + i} 0 R" for i in range(n_pages)).encode()
    objs.append(b"<< /Type /Pages /Count " + str(n_pages).encode() + b" /Kids [" + kids + b"] >>")
    objs.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content +
                b"\nendstream")
    for _ in range(n_pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                    b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
                    b"/BaseFont /Helvetica >> >> >> >>")
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offs)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def main():
    d, samples = sys.argv[1], sys.argv[2]
    os.makedirs(d, exist_ok=True)

    def put(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)

    seed = open(os.path.join(samples, "seed-head.png"), "rb").read()
    put("seed.png", seed)
    put("empty.png", b"")
    put("truncated.png", seed[: len(seed) // 3])
    put("header-only.png", seed[:64])
    put("seed-named.jpg", seed)
    put("notes.png", b"This is a text file that someone saved as notes.png.\n" * 20)
    put("bomb-200000.png", png(200000, 200000))
    put("bomb-126mpx.png", png(9000, 14000))
    put("bomb.gif", gif_bomb())
    put("bomb.bmp", bmp_bomb())
    put("one-pixel.png", png(1, 1, [b"\x00"]))
    w, h = 2480, 3508
    put("all-black.png", png(w, h, [b"\x00" * w] * h, dpi=300))
    put("all-white.png", png(w, h, [b"\xff" * w] * h, dpi=300))
    put("dpi-huge.png", png_set_dpi(seed, 2000000))
    put("dpi-tiny.png", png_set_dpi(seed, 1))
    put("text.pdf", pdf(1))
    # 1-bit TIFFs of a real text page (pdftoppm -mono: PBM, 1 = black), stored
    # WhiteIsZero as scanners do, and the same bits tagged BlackIsZero.
    base = os.path.join(d, "page")
    subprocess.run(["pdftoppm", "-r", "300", "-mono", "-singlefile",
                    os.path.join(d, "text.pdf"), base], check=True)
    pbm = open(base + ".pbm", "rb").read()
    fields = pbm.split(maxsplit=3)
    tw, th, bits = int(fields[1]), int(fields[2]), fields[3]
    put("bilevel-ok.tif", tiff(tw, th, 1, 0, bits))
    put("bilevel-wrong-photometric.tif", tiff(tw, th, 1, 1, bits))
    put("dpi-4g.tif", tiff(tw, th, 1, 0, bits, xres=0xFFFFFFFF))
    put("dpi-div0.tif", tiff(tw, th, 1, 0, bits, xres=0xFFFFFFFF, xres_den=0))
    t = tiff(tw, th, 1, 0, bits)
    put("truncated.tif", t[: len(t) // 2])
    put("truncated-header.tif", t[:20])
    put("pdf-too-many-pages.pdf", pdf(5001, text=False))
    put("truncated.pdf", pdf(1)[:300])
    # JPEG: pdftoppm renders the text PDF; then a truncated copy.
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-jpeg", "-singlefile",
                    os.path.join(d, "text.pdf"), base], check=True)
    jpg = open(base + ".jpg", "rb").read()
    put("truncated.jpg", jpg[: len(jpg) // 2])
    put("truncated-header.jpg", jpg[:100])


if __name__ == "__main__":
    main()
