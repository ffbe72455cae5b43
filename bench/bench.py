#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Run Folio and the reference tools side by side on a corpus and score them.

Usage:
  [FOLIO_SHARED=../shared] bench/bench.py [--corpus DIR] [--folio BUILD/folio] [--jobs 2] [--tools folio,tesseract]
                 [--out bench/out] [--write BENCHMARKS.md] [--only PATTERN]

Every tool runs over the same pages in the same run, --jobs pages at a time
(the Tesseract CLI with OMP_THREAD_LIMIT=1, as the guide says), so the
throughput figures are comparable as ratios. Scoring uses the corpus' own
definitions (../shared/tools/score.py): content-view CER, reader-view CER,
per-field similarity. Peak RSS is the largest resident set of any one process
of that tool (os.wait4's ru_maxrss).
"""
import argparse
import concurrent.futures as cf
import datetime
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("FOLIO_SHARED") or os.path.normpath(os.path.join(ROOT, "..", "shared"))


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_measured(cmd, env=None, stdout=None):
    """Run cmd; return (exit code, seconds, peak RSS in KiB)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=stdout or subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    return p.returncode, time.monotonic() - t0, ru.ru_maxrss, err


def pages(corpus, only):
    rows = []
    for line in open(os.path.join(corpus, "manifest.tsv")).read().splitlines()[1:]:
        f, doc, layout, fs, prof = line.split("\t")
        if only and only not in f:
            continue
        rows.append((f, prof))
    return rows


def tool_cmd(tool, args, src, stem):
    """The command for one page, and the file its text or JSON lands in."""
    if tool == "folio":
        out = stem + ".json"
        return [args.folio, "convert", src, "-f", "json", "-o", out], out
    if tool == "tesseract":
        return ["tesseract", src, stem, "-l", "chi_sim+eng"], stem + ".txt"
    if tool == "ocrmypdf":
        out = stem + ".txt"
        return ["ocrmypdf", "-q", "-l", "chi_sim+eng", "--rotate-pages", "--deskew", "--clean",
                "--image-dpi", "300", "--sidecar", out, src, stem + ".pdf"], out
    raise SystemExit("unknown tool " + tool)


def run_tool(tool, args, rows, outdir):
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    results = {}

    def one(row):
        f, prof = row
        stem = os.path.join(outdir, f.rsplit(".", 1)[0])
        cmd, out = tool_cmd(tool, args, os.path.join(args.corpus, f), stem)
        rc, secs, rss, err = run_measured(cmd, env=env)
        return f, {"rc": rc, "secs": secs, "rss_kib": rss, "out": out, "err": err[-300:]}

    t0 = time.monotonic()
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for f, r in ex.map(one, rows):
            results[f] = r
            if r["rc"] != 0:
                print("  %s %s: exit %d %s" % (tool, f, r["rc"], r["err"].strip()), file=sys.stderr)
    wall = time.monotonic() - t0
    return results, wall


def score_tool(scorer, args, rows, results):
    scored = []
    for f, prof in rows:
        r = results.get(f)
        name = f.rsplit(".", 1)[0]
        truth = os.path.join(args.corpus, name + ".truth.json")
        if not r or r["rc"] != 0 or not os.path.exists(r["out"]):
            scored.append((name, prof, None))
            continue
        scored.append((name, prof, scorer.score_pair(truth, r["out"])))
    return scored


def pct(x):
    return "%.1f%%" % (100 * x)


def table(summaries, tools):
    profs = [p for p in ["clean", "scan", "bad", "fax", "rotated"]
             if any(p in summaries[t] for t in tools)] + ["ALL"]
    head = "| profile | pages | " + " | ".join("%s content / reader" % t for t in tools) + " |"
    lines = [head, "|" + "---|" * (2 + len(tools))]
    for p in profs:
        n = summaries[tools[0]].get(p, {}).get("n", 0)
        cells = []
        for t in tools:
            s = summaries[t].get(p)
            cells.append("%s / %s" % (pct(s["cer"]), pct(s["cer_raw"])) if s else "-")
        lines.append("| %s | %d | %s |" % (p, n, " | ".join(cells)))
    return "\n".join(lines)


def perf_table(perf, tools, n):
    lines = ["| tool | pages | failed | wall s | pages/min | ratio to tesseract | peak RSS MB |",
             "|---|---|---|---|---|---|---|"]
    base = perf.get("tesseract", {}).get("ppm")
    for t in tools:
        p = perf[t]
        ratio = "%.2f" % (p["ppm"] / base) if base else "-"
        lines.append("| %s | %d | %d | %.0f | %.1f | %s | %.0f |" % (
            t, n, p["failed"], p["wall"], p["ppm"], ratio, p["rss_mb"]))
    return "\n".join(lines)


def fields_table(summary):
    f = summary.get("fields") or {}
    if not f:
        return ""
    lines = ["| field | mean similarity |", "|---|---|"]
    for k, v in sorted(f.items()):
        lines.append("| %s | %.3f |" % (k, v))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus", "dev"))
    ap.add_argument("--folio", default=os.path.join(ROOT, "build", "folio"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tools", default="folio,tesseract")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--write", help="replace the bench section of this Markdown file")
    ap.add_argument("--only", help="only pages whose file name contains this")
    args = ap.parse_args()
    scorer = load_scorer(os.path.join(SHARED, "tools", "score.py"))
    tools = args.tools.split(",")
    rows = pages(args.corpus, args.only)
    summaries, perf, scored_all = {}, {}, {}
    for t in tools:
        if t != "folio" and not shutil.which(t):
            raise SystemExit("%s is not installed" % t)
        print("running %s on %d pages, %d at a time" % (t, len(rows), args.jobs), file=sys.stderr)
        results, wall = run_tool(t, args, rows, os.path.join(args.out, t))
        scored = score_tool(scorer, args, rows, results)
        scored_all[t] = scored
        summaries[t] = scorer.summarize(scored)
        ok = [r for r in results.values() if r["rc"] == 0]
        perf[t] = {"wall": wall, "ppm": 60.0 * len(ok) / wall if wall else 0,
                   "failed": len(rows) - len(ok),
                   "rss_mb": max((r["rss_kib"] for r in results.values()), default=0) / 1024}
    cmd = "bench/bench.py " + " ".join(sys.argv[1:])
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = ["<!-- bench:start -->",
          "Measured %s with `%s` (%d pages, %d at a time, one machine, one run)." % (
              date, cmd, len(rows), args.jobs),
          "", "CER (lower is better), content view / reader view:", "", table(summaries, tools),
          "", "Throughput and memory (same pages, same run):", "", perf_table(perf, tools, len(rows))]
    if "folio" in summaries:
        ft = fields_table(summaries["folio"])
        if ft:
            md += ["", "Folio field similarity (all pages):", "", ft]
    md.append("<!-- bench:end -->")
    text = "\n".join(md) + "\n"
    print(text)
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump({"summaries": summaries, "perf": perf,
                   "pages": {t: [(n, p, r) for n, p, r in s] for t, s in scored_all.items()}},
                  f, ensure_ascii=False, indent=1)
    if args.write:
        old = open(args.write).read() if os.path.exists(args.write) else ""
        a, b = old.find("<!-- bench:start -->"), old.find("<!-- bench:end -->")
        new = old[:a] + text.rstrip("\n") + old[b + len("<!-- bench:end -->"):] if a >= 0 and b > a \
            else old + "\n" + text
        with open(args.write, "w") as f:
            f.write(new)


if __name__ == "__main__":
    main()
