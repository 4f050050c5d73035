#!/usr/bin/env python3
"""Rebuild benchmark: a full build of a large corpus, then an incremental
rebuild after changing a few articles, with peak memory.

Generates the corpus with ../shared/bench/make_corpus.py (real articles, each
copy made unique), then runs the release binary:

    python3 bench/rebuild.py --copies 500 --changed 10 [--jobs 2] [--out bench/results]

Writes a Markdown table and a JSON file. The target: the incremental rebuild
takes under 2% of the full build.
"""
import argparse
import json
import os
import shutil
import tempfile
import time

from common import BINARY, HERE, make_corpus, mb, run_build


def change(corpus, n):
    names = sorted(os.listdir(corpus))[:n]
    for name in names:
        with open(os.path.join(corpus, name), "a", encoding="utf-8") as f:
            f.write("\n本期编辑 记者更正\n")
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=500, help="copies of each of the 20 articles (500 → 10,000)")
    ap.add_argument("--changed", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--bin", default=BINARY)
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="cadre-kg-bench-")
    try:
        corpus, store = os.path.join(work, "corpus"), os.path.join(work, "store")
        make_corpus(a.copies, corpus)
        n = len(os.listdir(corpus))
        # An archive's files are older than the nightly build; files written
        # within a second of a build are re-read by the next one (their
        # stamps cannot vouch for them), which is not the case measured here.
        an_hour_ago = time.time() - 3600
        for name in os.listdir(corpus):
            os.utime(os.path.join(corpus, name), (an_hour_ago, an_hour_ago))
        full = run_build(a.bin, corpus, store, a.jobs, os.path.join(work, "full.json"), ["--full"])
        change(corpus, a.changed)
        inc = run_build(a.bin, corpus, store, a.jobs, os.path.join(work, "inc.json"))
        ratio = inc["wall_seconds"] / full["wall_seconds"]
        result = {
            "articles": n, "jobs": a.jobs, "changed": a.changed,
            "full_seconds": full["wall_seconds"], "full_stages": full["seconds"],
            "full_statements": full["statements"], "full_peak_memory_bytes": full["peak_memory_bytes"],
            "incremental_seconds": inc["wall_seconds"], "incremental_stages": inc["seconds"],
            "incremental_counts": {k: inc[k] for k in ("added", "changed", "removed", "unchanged")},
            "incremental_peak_memory_bytes": inc["peak_memory_bytes"],
            "incremental_share_of_full": ratio,
        }
        with open(os.path.join(a.out, "rebuild.json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
        table = "\n".join([
            "| %d articles, --jobs %d | seconds | peak memory |" % (n, a.jobs),
            "|---|---|---|",
            "| full build | %.1f | %s |" % (full["wall_seconds"], mb(full["peak_memory_bytes"])),
            "| incremental, %d changed | %.2f (%.1f%% of full) | %s |" % (
                a.changed, inc["wall_seconds"], 100 * ratio, mb(inc["peak_memory_bytes"])),
        ])
        with open(os.path.join(a.out, "rebuild.md"), "w", encoding="utf-8") as f:
            f.write(table + "\n")
        print(table)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
