#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Is `folio batch` memory flat over a long run? Resident set size against pages done.

Usage: bench/memory_soak.py [--folio build/folio] [--pages 1000] [--jobs 2] [--corpus DIR]

Makes PAGES distinct page images from the corpus' pages (each page cut into four
horizontal bands, so every image is a real scan fragment with title, body or
footnote text and the run stays affordable), runs one `folio batch` over them,
and samples the process' VmRSS once a second against the number of manifest
lines written. Prints RSS at 10%, 50% and 100% of the pages and the ratio of the
last to the 10% figure (no leak: within 1.10). Needs python3-pil.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FOLIO_SHARED") or os.path.normpath(os.path.join(HERE, "..", "..", "shared"))


def make_pages(corpus, n, dst):
    srcs = sorted(f for f in os.listdir(corpus) if f.rsplit(".", 1)[-1] in ("png", "jpg", "tif"))
    for i in range(n):
        src, band = srcs[i % len(srcs)], (i // len(srcs)) % 4
        im = Image.open(os.path.join(corpus, src))
        w, h = im.size
        top = band * h // 4
        im.crop((0, top, w, min(h, top + h // 4 + h // 40))).save(
            os.path.join(dst, "p%05d.png" % i), dpi=im.info.get("dpi", (300, 300)))


def rss_kib(pid):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--folio", default=os.path.join(os.path.dirname(HERE), "build", "folio"))
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus", "dev"))
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="folio-soak.")
    try:
        pages, out = os.path.join(work, "pages"), os.path.join(work, "out")
        os.makedirs(pages)
        make_pages(args.corpus, args.pages, pages)
        manifest = os.path.join(out, "manifest.jsonl")
        t0 = time.monotonic()
        p = subprocess.Popen([args.folio, "batch", pages, "-o", out, "-j", str(args.jobs),
                              "-f", "txt,json", "-q"])
        samples = []  # (pages done, rss KiB)
        while p.poll() is None:
            r = rss_kib(p.pid)
            done = sum(1 for _ in open(manifest)) if os.path.exists(manifest) else 0
            if r:
                samples.append((done, r))
            time.sleep(1)
        wall = time.monotonic() - t0
        if p.returncode != 0:
            sys.exit("folio batch exited %d" % p.returncode)

        def at(frac):
            want = max(1, int(args.pages * frac))
            rs = [r for d, r in samples if d <= want]
            return max(rs[-5:]) if rs else None  # the largest of the last few samples up to there
        a, b, c = at(0.1), at(0.5), at(1.0)
        print("pages %d, jobs %d, wall %.0f s, %d samples" % (args.pages, args.jobs, wall, len(samples)))
        print("| pages done | RSS MB |\n|---|---|")
        for frac, v in ((0.1, a), (0.5, b), (1.0, c)):
            print("| %d | %.0f |" % (int(args.pages * frac), v / 1024))
        print("| peak | %.0f |" % (max(r for _, r in samples) / 1024))
        print("ratio RSS at %d / at %d pages: %.3f" % (args.pages, args.pages // 10, c / a))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
