#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Do the JATS and BibTeX outputs carry each page's title, DOI and year?

    bench/metadata_check.py CORPUS OUT

OUT holds NAME.jats.xml and NAME.bib for the corpus' pages (e.g. from
`folio batch CORPUS -o OUT -f json,jats,bibtex`). Per format and key, counts the
pages where the key is present and where it equals the truth (title:
score.py's content view of the Chinese title; DOI: case-insensitive; year: the
citation's year). A page whose truth has no value for a key is left out of
that key's count. Prints one Markdown table and the pages that miss.
Needs /usr/bin/python3 with Levenshtein (score.py).
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, "/work/shared/tools")
import score  # noqa: E402  (the corpus's own scorer)

KEYS = ("title", "doi", "year")


def from_jats(path):
    root = ET.parse(path).getroot()
    meta = root.find(".//article-meta")
    title = meta.findtext("title-group/article-title") if meta is not None else None
    doi = year = None
    for aid in root.iter("article-id"):
        if aid.get("pub-id-type") == "doi":
            doi = aid.text
    for pd in root.iter("pub-date"):
        year = year or pd.findtext("year")
    return {"title": title, "doi": doi, "year": year}


def bib_value(text, key):
    m = re.search(r"^\s*%s\s*=\s*\{(.*)\},?\s*$" % key, text, re.M)
    return m.group(1).strip("{}") if m else None


def from_bibtex(path):
    text = open(path, encoding="utf-8").read()
    return {k: bib_value(text, k) for k in KEYS}


def truth_of(path):
    f = json.load(open(path, encoding="utf-8"))["fields"]
    cite = f.get("citation") or {}
    year = cite.get("year")
    return {"title": f.get("title_zh") or cite.get("title"), "doi": f.get("doi") or cite.get("doi"),
            "year": str(year) if year else None}


def same(key, got, want):
    if not got:
        return False
    if key == "title":
        return score.norm(got) == score.norm(want)
    if key == "doi":
        return got.strip().lower() == want.strip().lower()
    return got.strip() == want


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1:]
    readers = {"jats": (".jats.xml", from_jats), "bibtex": (".bib", from_bibtex)}
    counts = {(f, k): [0, 0, 0] for f in readers for k in KEYS}  # pages, present, equal
    misses = []
    names = sorted(n[:-len(".truth.json")] for n in os.listdir(corpus) if n.endswith(".truth.json"))
    for name in names:
        truth = truth_of(os.path.join(corpus, name + ".truth.json"))
        for fmt, (ext, read) in readers.items():
            path = os.path.join(out, name + ext)
            got = read(path) if os.path.exists(path) else {k: None for k in KEYS}
            for k in KEYS:
                if not truth[k]:
                    continue
                c = counts[(fmt, k)]
                c[0] += 1
                c[1] += bool(got[k])
                ok = same(k, got[k], truth[k])
                c[2] += ok
                if not ok:
                    misses.append((name, fmt, k, got[k], truth[k]))
    print("| format | key | pages | present | equal to truth |")
    print("|---|---|---|---|---|")
    for (fmt, k), (n, present, equal) in counts.items():
        print(f"| {fmt} | {k} | {n} | {present} | {equal} |")
    if misses:
        print("\nMisses (page, format, key, got, truth):")
        for m in misses:
            print("- " + " | ".join(str(x) for x in m))


if __name__ == "__main__":
    main()
