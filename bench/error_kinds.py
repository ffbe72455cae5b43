#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Classify what is still wrong in Folio's page text, kind by kind.

Usage: bench/error_kinds.py CORPUS OUTDIR [--profile clean,scan] [--pages] [--top N] [--show KIND]

CORPUS holds NAME.truth.json and manifest.tsv; OUTDIR holds Folio's NAME.json
(what `folio batch CORPUS -o OUTDIR -f json` writes). Both texts are put in the
corpus' reader view (score.py's raw(), imported, not copied), aligned with
Levenshtein, and every edit is put into one kind a developer can act on.
Prints Markdown: one table of kinds (edit characters, share, pages affected,
most frequent examples as truth→ocr) and one of the kinds by profile;
pages without output are listed, not counted.
--pages adds the edit count of every page; --show KIND (a key such as
han_sub, script, space_spurious) lists every region holding that kind, with
context, to read what lies behind the counts.

An edit region is a maximal run of non-equal opcodes. A long run that the OCR
dropped at one place and inserted at another is a line or reading-order move
and is counted as such; every other region is split into single-character
edits (Levenshtein.editops) and each is classified on its own.
"""
import collections
import json
import os
import sys
import unicodedata

import Levenshtein

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_runs import load_scorer  # noqa: E402  (score.py, found as score_runs finds it)
PROFILES = ["clean", "scan", "bad", "fax", "rotated"]
MOVE_MIN = 8        # a dropped/inserted run at least this long may be a move
MOVE_RATIO = 0.7    # similarity of the dropped and the inserted run

KINDS = [
    ("han_sub", "Han character substituted"),
    ("han_drop", "Han character dropped"),
    ("han_insert", "Han character inserted"),
    ("script", "script confusion (Han <-> Latin/digit/punct)"),
    ("latin_case", "Latin letter case"),
    ("latin", "Latin letter error"),
    ("digit", "digit error"),
    ("punct_width", "punctuation width (，vs , etc.)"),
    ("punct", "other punctuation"),
    ("space_spurious", "spurious space"),
    ("space_missing", "missing space"),
    ("move", "line / reading-order move"),
    ("marker", "superscript / marker noise"),
]

# Pairs that are the same mark at another width (NFKC folds most of them).
WIDTH_PAIRS = {("。", "."), (".", "。"), ("、", ","), (",", "、")}
# Super- and subscripts (author markers, NO₃⁻, m³), note marks, circled numbers.
MARKERS = (set("*†‡§¶#¹²³") | {chr(c) for c in range(0x2070, 0x20A0)} | set("ᵃᵇᶜ")
           | {chr(c) for c in range(0x2460, 0x2474)})


def is_han(c):
    o = ord(c)
    return (0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF
            or 0x3040 <= o <= 0x30FF)


def cclass(c):
    """One of: space, han, marker, digit, letter, punct."""
    if c is None:
        return None
    if c.isspace():
        return "space"
    if is_han(c):
        return "han"
    if c in MARKERS:
        return "marker"
    if c.isdigit():
        return "digit"
    if unicodedata.category(c).startswith("L"):
        return "letter"
    return "punct"


def same_mark(a, b):
    return (unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)) or (a, b) in WIDTH_PAIRS


def kind_of(a, b):
    """Kind of one edit: a (truth char or None) became b (ocr char or None)."""
    ca, cb = cclass(a), cclass(b)
    if "marker" in (ca, cb):
        return "marker"
    if ca == "space" and cb is None:
        return "space_missing"
    if cb == "space" and ca is None:
        return "space_spurious"
    if "space" in (ca, cb):  # a space replaced by a visible char, or the reverse
        return "space_missing" if ca == "space" else "space_spurious"
    if ca == "han" and cb == "han":
        return "han_sub"
    if ca == "han" and cb is None:
        return "han_drop"
    if cb == "han" and ca is None:
        return "han_insert"
    if "han" in (ca, cb):
        return "script"
    if "digit" in (ca, cb):
        return "digit"
    if ca == "letter" and cb == "letter":
        return "latin_case" if a.lower() == b.lower() else "latin"
    if "letter" in (ca, cb) and (ca is None or cb is None or ca == cb):
        return "latin"
    if ca == "punct" and cb == "punct" and same_mark(a, b):
        return "punct_width"
    if "letter" in (ca, cb):
        return "latin"
    return "punct"


def regions(truth, pred):
    """Maximal runs of non-equal opcodes: (t1, t2, p1, p2) spans."""
    out, cur = [], None
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(truth, pred):
        if tag == "equal":
            if cur:
                out.append(tuple(cur))
                cur = None
            continue
        if cur is None:
            cur = [i1, i2, j1, j2]
        else:
            cur[1], cur[3] = i2, j2
    if cur:
        out.append(tuple(cur))
    return out


def covers(a, b):
    """Characters of a and b that align, as a share of the shorter of the two."""
    a, b = a.strip(), b.strip()
    if min(len(a), len(b)) < MOVE_MIN:
        return 0.0
    blocks = Levenshtein.matching_blocks(Levenshtein.editops(a, b), a, b)
    return sum(m[2] for m in blocks) / min(len(a), len(b))


def find_moves(truth, pred, regs):
    """Indexes of regions that are a run dropped in one place and inserted in
    another (a line read into the wrong place, a column read out of order)."""
    drops = [(k, truth[t1:t2]) for k, (t1, t2, p1, p2) in enumerate(regs)
             if t2 - t1 >= MOVE_MIN and (p2 - p1) * 3 < (t2 - t1)]
    ins = [(k, pred[p1:p2]) for k, (t1, t2, p1, p2) in enumerate(regs)
           if p2 - p1 >= MOVE_MIN and (t2 - t1) * 3 < (p2 - p1)]
    moved = set()
    for kd, d in drops:
        for ki, s in ins:
            if covers(d, s) >= MOVE_RATIO:
                moved.update((kd, ki))
    return moved


def short(s, n=24):
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[:n - 1] + "…"


class Tally:
    def __init__(self):
        self.count = collections.Counter()
        self.pages = collections.defaultdict(set)
        self.examples = collections.defaultdict(collections.Counter)
        self.by_profile = collections.defaultdict(collections.Counter)
        self.page_edits = {}
        self.truth_chars = collections.Counter()
        self.regions = collections.defaultdict(list)

    def add(self, kind, n, page, prof, example, context=None):
        if context and (not self.regions[kind] or self.regions[kind][-1] != (page, context)):
            self.regions[kind].append((page, context))
        self.count[kind] += n
        self.pages[kind].add(page)
        self.examples[kind][example] += n
        self.by_profile[prof][kind] += n


def region_example(truth, pred, t1, t2, p1, p2, ctx=2):
    a = truth[max(0, t1 - ctx):t1]
    return "%s[%s→%s]" % (short(a, 4), short(truth[t1:t2]), short(pred[p1:p2]))


def classify_page(tally, name, prof, truth, pred):
    regs = regions(truth, pred)
    moved = find_moves(truth, pred, regs)
    total = 0
    for k, (t1, t2, p1, p2) in enumerate(regs):
        if k in moved:
            n = Levenshtein.distance(truth[t1:t2], pred[p1:p2])
            tally.add("move", n, name, prof, short(truth[t1:t2] or pred[p1:p2], 30),
                      region_example(truth, pred, t1, t2, p1, p2, 12))
            total += n
            continue
        t, p = truth[t1:t2], pred[p1:p2]
        ex = region_example(truth, pred, t1, t2, p1, p2)
        ctx = region_example(truth, pred, t1, t2, p1, p2, 12)[:-1] + "]" + short(truth[t2:t2 + 8], 8)
        for op, si, di in Levenshtein.editops(t, p):
            a = t[si] if op in ("replace", "delete") else None
            b = p[di] if op in ("replace", "insert") else None
            kind = kind_of(a, b)
            example = "%s→%s" % (a, b) if kind in ("han_sub", "latin_case", "punct_width") else ex
            tally.add(kind, 1, name, prof, example, ctx)
            total += 1
    tally.page_edits[name] = (prof, total, len(truth))
    tally.truth_chars[prof] += len(truth)


def load_pages(corpus, outdir, profiles):
    lines = open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8").read().splitlines()[1:]
    for line in lines:
        f, _doc, _layout, _fs, prof = line.split("\t")
        if profiles and prof not in profiles:
            continue
        name = f.rsplit(".", 1)[0]
        truth = json.load(open(os.path.join(corpus, name + ".truth.json"), encoding="utf-8"))["text"]
        path = os.path.join(outdir, name + ".json")
        pred = json.load(open(path, encoding="utf-8")).get("text", "") if os.path.exists(path) else None
        yield name, prof, truth, pred


def print_kinds(tally, top):
    allsum = sum(tally.count.values()) or 1
    truth = sum(tally.truth_chars.values()) or 1
    print("| kind | edit chars | share | pages | top examples (truth→ocr) |")
    print("|---|---|---|---|---|")
    for key, label in KINDS:
        n = tally.count.get(key, 0)
        if not n:
            continue
        ex = ", ".join("`%s` ×%d" % (e.replace("|", "\\|").replace("`", "'"), c)
                       for e, c in tally.examples[key].most_common(top))
        print("| %s | %d | %.1f%% | %d | %s |" % (label, n, 100.0 * n / allsum, len(tally.pages[key]), ex))
    print("| **all** | %d | 100%% | %d | pooled CER %.2f%% over %d truth chars |"
          % (allsum, len(tally.page_edits), 100.0 * allsum / truth, truth))


def print_profiles(tally):
    profs = [p for p in PROFILES if p in tally.by_profile]
    print("\n| kind | " + " | ".join(profs) + " |")
    print("|---|" + "---|" * len(profs))
    for key, label in KINDS:
        cells = [str(tally.by_profile[p].get(key, 0)) for p in profs]
        if any(c != "0" for c in cells):
            print("| %s | %s |" % (label, " | ".join(cells)))
    tot = [sum(tally.by_profile[p].values()) for p in profs]
    print("| **edits** | " + " | ".join(str(t) for t in tot) + " |")
    print("| **pooled CER** | " + " | ".join("%.2f%%" % (100.0 * t / max(tally.truth_chars[p], 1))
                                           for t, p in zip(tot, profs)) + " |")


def main():
    argv = sys.argv[1:]
    args, profiles, top = [], None, 6
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--profile":
            profiles = set(argv[i + 1].split(","))
            i += 1
        elif a.startswith("--profile="):
            profiles = set(a.split("=", 1)[1].split(","))
        elif a == "--show":
            i += 1
        elif a == "--top":
            top = int(argv[i + 1])
            i += 1
        elif not a.startswith("--"):
            args.append(a)
        i += 1
    if len(args) != 2:
        sys.exit(__doc__)
    score = load_scorer()
    tally = Tally()
    missing = []
    for name, prof, truth, pred in load_pages(args[0], args[1], profiles):
        if pred is None:
            missing.append(name)
            continue
        classify_page(tally, name, prof, score.raw(truth), score.raw(pred))
    print_kinds(tally, top)
    print_profiles(tally)
    if missing:
        print("\nMissing (not counted): " + ", ".join(missing))
    if "--show" in argv:
        kind = argv[argv.index("--show") + 1]
        print("\n%s:" % kind)
        for page, ctx in tally.regions.get(kind, []):
            print("  %-40s %s" % (page, ctx))
    if "--pages" in argv:
        print("\n| page | profile | edits | reader CER |")
        print("|---|---|---|---|")
        for name, (prof, n, length) in tally.page_edits.items():
            print("| %s | %s | %d | %.2f%% |" % (name, prof, n, 100.0 * n / max(length, 1)))


if __name__ == "__main__":
    main()
