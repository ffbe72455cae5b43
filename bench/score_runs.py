#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Score one or more `folio batch` output folders against a corpus, side by side.

Usage: bench/score_runs.py CORPUS NAME=DIR [NAME=DIR...] [--pages] [--fields] [--fields-by-profile]

Each DIR holds NAME.json per page (what `folio batch CORPUS -o DIR -f json` writes).
Prints a Markdown table of content / reader CER by profile, one column per run;
--pages adds a per-page table (reader CER), --fields a per-field similarity table
(clean+scan and all pages), --fields-by-profile the first run's fields by profile.
Scoring is the corpus' own (../shared/tools/score.py).
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FOLIO_SHARED") or os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
PROFILES = ["clean", "scan", "bad", "fax", "rotated"]


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "tools", "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    score = load_scorer()
    corpus, runs = args[0], [a.split("=", 1) for a in args[1:]]
    rows = {name: score.score_dir(corpus, d, "json") for name, d in runs}
    names = [n for n, _ in runs]
    print("| profile | pages | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for prof in PROFILES + ["ALL"]:
        cells, n = [], 0
        for name in names:
            rs = [r for _, p, r in rows[name] if prof in ("ALL", p)]
            n = len(rs)
            c = mean([r["cer"] if r else 1.0 for r in rs])
            w = mean([r["cer_raw"] if r else 1.0 for r in rs])
            cells.append("%.2f%% / %.2f%%" % (100 * c, 100 * w))
        if n:
            print("| %s | %d | %s |" % (prof, n, " | ".join(cells)))
    if "--pages" in sys.argv:
        print("\n| page | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for i, (page, prof, _) in enumerate(rows[names[0]]):
            cells = []
            for name in names:
                r = rows[name][i][2]
                cells.append("%.2f%%" % (100 * r["cer_raw"]) if r else "missing")
            print("| %s | %s |" % (page, " | ".join(cells)))
    if "--fields" in sys.argv:
        keys = sorted({k for name in names for _, _, r in rows[name] if r for k in r.get("fields", {})})
        print("\n| field | " + " | ".join("%s clean+scan / all" % n for n in names) + " |")
        print("|---|" + "---|" * len(names))
        for k in keys:
            cells = []
            for name in names:
                cs = [r["fields"][k] for _, p, r in rows[name] if r and k in r.get("fields", {}) and p in ("clean", "scan")]
                al = [r["fields"][k] for _, p, r in rows[name] if r and k in r.get("fields", {})]
                cells.append("%.3f / %.3f" % (mean(cs), mean(al)))
            print("| %s | %s |" % (k, " | ".join(cells)))
    if "--fields-by-profile" in sys.argv:
        fields_by_profile(rows[names[0]])


def fields_by_profile(rows):
    keys = sorted({k for _, _, r in rows if r for k in r.get("fields", {})})
    profs = [p for p in PROFILES if any(p == q for _, q, _ in rows)]
    print("\n| field | " + " | ".join(profs) + " | clean+scan | all |")
    print("|---|" + "---|" * (len(profs) + 2))
    for k in keys:
        def m(sel):
            xs = [r["fields"][k] for _, p, r in rows if r and k in r.get("fields", {}) and sel(p)]
            return "%.3f" % mean(xs) if xs else "–"
        cells = [m(lambda p, q=q: p == q) for q in profs]
        cells += [m(lambda p: p in ("clean", "scan")), m(lambda p: True)]
        print("| %s | %s |" % (k, " | ".join(cells)))
    text = [k for k in keys if k != "citation_parsed"]
    for label, sel in (("clean+scan", lambda p: p in ("clean", "scan")), ("all", lambda p: True)):
        per_page = [mean([r["fields"][k] for k in text if k in r["fields"]])
                    for _, p, r in rows if r and sel(p) and r.get("fields")]
        per_field = [mean([r["fields"][k] for _, p, r in rows if r and sel(p) and k in r.get("fields", {})])
                     for k in text]
        print("mean of text fields, %s: %.3f (mean over fields), %.3f (mean over pages)"
              % (label, mean([x for x in per_field if x == x]), mean(per_page)))


if __name__ == "__main__":
    main()
