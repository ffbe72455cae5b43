#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Check the archive formats (PDF text layer, hOCR, ALTO) on every dev page.

    bench/formats_check.py [--folio BIN] [--corpus DIR] [--out OUT] [--jobs N]

Without an existing OUT holding NAME.json/.pdf/.hocr/.alto.xml for every page,
converts the corpus once with `folio batch CORPUS -o OUT -j N -f
json,pdf,hocr,alto -q` (OMP_THREAD_LIMIT=1). Then, per page:

- the PDF's text layer (`pdftotext -enc UTF-8`) scored with score.py's `text`
  mode (reader view, cer_raw) beside the JSON's own `json` figure, and their
  ratio (the JSON's CER is floored at 0.1% so a perfect page does not divide
  by zero);
- the share of Chinese words (hOCR `ocrx_word`, ALTO `String/@CONTENT`; a word
  holding a Han character) whose letters and digits are one Han character:
  a writer that cuts Chinese text character by character makes a reader's
  search and copy worse;
- whether the hOCR and ALTO files are well-formed XML (xml.etree).

Prints a Markdown table per profile, the worst pages and the overall figures
against the goals: PDF CER within 1.5x of the JSON's and at most 3%; under 5%
single-character Chinese words in hOCR and ALTO. A miss is put down to the
writer unless the text it carries already misses: the JSON's own CER over 3%,
or one-character words that are words of the JSON's own line texts too (a
letter-spaced label, a phrase cut by a printed line end). Exit 0 when no miss
is the writer's, 1 otherwise. Needs /usr/bin/python3 with Levenshtein and
pdftotext.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = "/work/shared"
sys.path.insert(0, os.path.join(SHARED, "tools"))
import score  # noqa: E402  (the corpus's own scorer)

RATIO_GOAL, PDF_CER_GOAL, SINGLE_GOAL = 1.5, 0.03, 0.05
CER_FLOOR = 0.001
EXTS = ("json", "pdf", "hocr", "alto.xml")


def is_han(ch):
    cp = ord(ch)
    return (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3134F)


def word_kind(word):
    """'single' (one Han character among its letters and digits), 'zh', or None (no Han)."""
    if not any(is_han(c) for c in word):
        return None
    core = [c for c in word if unicodedata.category(c)[0] in "LN"]
    return "single" if len(core) == 1 else "zh"


def single_share(words):
    kinds = [word_kind(w) for w in words]
    zh = sum(1 for k in kinds if k)
    return (sum(1 for k in kinds if k == "single") / zh if zh else 0.0), zh


def local(tag):
    return tag.rsplit("}", 1)[-1]


def xml_words(path, fmt):
    """(words, None) or (None, the parse error)."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        return None, str(e)
    words = []
    for el in tree.iter():
        if fmt == "hocr" and "ocrx_word" in (el.get("class") or "").split():
            words.append("".join(el.itertext()))
        elif fmt == "alto" and local(el.tag) == "String":
            words.append(el.get("CONTENT") or "")
    return words, None


def pdf_cer(truth, pdf):
    with tempfile.NamedTemporaryFile(suffix=".txt") as t:
        subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, t.name], check=True,
                       stderr=subprocess.DEVNULL)
        return score.score_pair(truth, t.name)["cer_raw"]


def line_singles(json_path):
    """The one-character Chinese words of the JSON's own line texts, cut at white space."""
    page = json.load(open(json_path, encoding="utf-8"))
    words = [w for b in page.get("blocks") or [] for ln in b.get("lines") or []
             for w in (ln.get("text") or "").split()]
    return collections.Counter(w for w in words if word_kind(w) == "single")


def check_page(corpus, out, name, profile):
    truth = os.path.join(corpus, name + ".truth.json")
    base = os.path.join(out, name)
    r = {"name": name, "profile": profile}
    r["json"] = score.score_pair(truth, base + ".json")["cer_raw"]
    r["pdf"] = pdf_cer(truth, base + ".pdf")
    r["ratio"] = r["pdf"] / max(r["json"], CER_FLOOR)
    text_singles = line_singles(base + ".json")
    for fmt, ext in (("hocr", ".hocr"), ("alto", ".alto.xml")):
        words, error = xml_words(base + ext, fmt)
        r[fmt + "_error"] = error
        r[fmt + "_single"], r[fmt + "_zh"] = single_share(words) if words is not None else (1.0, 0)
        made = collections.Counter(w for w in words or [] if word_kind(w) == "single")
        r[fmt + "_writer_singles"] = sum((made - text_singles).values())
    r["misses"] = [g for g, bad in (
        ("pdf ratio", r["ratio"] > RATIO_GOAL), ("pdf cer", r["pdf"] > PDF_CER_GOAL),
        ("hocr single", r["hocr_single"] >= SINGLE_GOAL),
        ("alto single", r["alto_single"] >= SINGLE_GOAL),
        ("hocr xml", r["hocr_error"] is not None), ("alto xml", r["alto_error"] is not None)) if bad]
    # A miss is the writer's when the text it was given meets the goal: the
    # JSON's own CER within 3%, or a one-character word its line texts lack.
    r["writer"] = [m for m in r["misses"] if not (
        (m == "pdf cer" and r["json"] > PDF_CER_GOAL)
        or (m in ("hocr single", "alto single") and r[m.split()[0] + "_writer_singles"] == 0))]
    return r


def convert(folio, corpus, out, jobs):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [folio, "batch", corpus, "-o", out, "-j", str(jobs), "-f", "json,pdf,hocr,alto", "-q"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, env=env, check=False)


def pct(x):
    return "%.2f%%" % (100 * x)


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def print_tables(rows):
    print("| profile | pages | JSON cer_raw | PDF cer_raw | ratio mean | ratio max | PDF > 3% "
          "| hOCR 1-char zh | ALTO 1-char zh | well-formed |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    profiles = sorted({r["profile"] for r in rows})
    for prof in profiles + ["all"]:
        rs = [r for r in rows if prof in ("all", r["profile"])]
        wf = sum(1 for r in rs if r["hocr_error"] is None and r["alto_error"] is None)
        print("| %s | %d | %s | %s | %.2f | %.2f | %d | %s | %s | %d/%d |" % (
            prof, len(rs), pct(mean([r["json"] for r in rs])), pct(mean([r["pdf"] for r in rs])),
            mean([r["ratio"] for r in rs]), max(r["ratio"] for r in rs),
            sum(1 for r in rs if r["pdf"] > PDF_CER_GOAL),
            pct(mean([r["hocr_single"] for r in rs])), pct(mean([r["alto_single"] for r in rs])),
            wf, len(rs)))
    print()
    print("Worst pages (by PDF/JSON ratio, then every page missing a goal):")
    print()
    print("| page | JSON | PDF | ratio | hOCR 1-char | ALTO 1-char | misses | the writer's |")
    print("|---|---|---|---|---|---|---|---|")
    worst = sorted(rows, key=lambda r: -r["ratio"])[:5]
    worst += [r for r in rows if r["misses"] and r not in worst]
    for r in worst:
        print("| %s | %s | %s | %.2f | %s | %s | %s | %s |" % (
            r["name"], pct(r["json"]), pct(r["pdf"]), r["ratio"], pct(r["hocr_single"]),
            pct(r["alto_single"]), ", ".join(r["misses"]) or "—", ", ".join(r["writer"]) or "—"))
    for r in rows:
        for fmt in ("hocr", "alto"):
            if r[fmt + "_error"]:
                print("%s.%s: not well-formed: %s" % (r["name"], fmt, r[fmt + "_error"]))
    print()
    print("Overall: mean ratio PDF/JSON %.2f, max %.2f; pages with PDF CER > 3%%: %d of %d; "
          "pages with >= 5%% one-character Chinese words: hOCR %d, ALTO %d; pages missing a "
          "goal: %d (the writer's: %d)" % (
              mean([r["ratio"] for r in rows]), max(r["ratio"] for r in rows),
              sum(1 for r in rows if r["pdf"] > PDF_CER_GOAL), len(rows),
              sum(1 for r in rows if r["hocr_single"] >= SINGLE_GOAL),
              sum(1 for r in rows if r["alto_single"] >= SINGLE_GOAL),
              sum(1 for r in rows if r["misses"]), sum(1 for r in rows if r["writer"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folio", default=os.path.join(ROOT, "build", "folio"))
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus", "dev"))
    ap.add_argument("--out", help="folder of earlier outputs to reuse, or where to write them")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    pages = []
    for line in open(os.path.join(a.corpus, "manifest.tsv")).read().splitlines()[1:]:
        f, _doc, _layout, _fonts, profile = line.split("\t")
        pages.append((f.rsplit(".", 1)[0], profile))
    out = a.out or tempfile.mkdtemp(prefix="folio-formats.")
    have = all(os.path.exists(os.path.join(out, n + "." + e)) for n, _ in pages for e in EXTS)
    if not have:
        os.makedirs(out, exist_ok=True)
        convert(a.folio, a.corpus, out, a.jobs)
    rows = []
    for name, profile in pages:
        if not all(os.path.exists(os.path.join(out, name + "." + e)) for e in EXTS):
            print("%s: outputs missing in %s" % (name, out), file=sys.stderr)
            rows.append({"name": name, "profile": profile, "json": 1.0, "pdf": 1.0, "ratio": 1.0,
                         "hocr_single": 1.0, "alto_single": 1.0, "hocr_error": "missing",
                         "alto_error": "missing", "misses": ["outputs missing"],
                         "writer": ["outputs missing"]})
            continue
        rows.append(check_page(a.corpus, out, name, profile))
    print_tables(rows)
    with open(os.path.join(out, "formats_check.json"), "w") as f:
        json.dump(rows, f, indent=1, ensure_ascii=False)
    return 1 if any(r["writer"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
