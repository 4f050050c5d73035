#!/usr/bin/env python3
"""Spark benchmark and check: the shipped Spark job (examples/spark/) on a
real Spark in local mode against a single local build of the same corpus.

    python3 bench/spark.py --copies 50                     # ~1,000 articles: the check
    python3 bench/spark.py --corpus /tmp/bench10k --rounds 2 --out bench/results

Each round runs both, alternating which goes first: a full `cadre-kg build
--jobs J` into a fresh store, and the Spark job (`--master local[J]`,
writing shards) followed by `cadre-kg load`, each timed by wall clock
(the Spark time includes starting the JVM). After the first round it
checks that the two stores' sorted dumps are identical and that the next
local `build` on the Spark-assembled store is incremental with nothing to
do; it exits 1 if not. Needs pyspark and Java (scripts/setup.sh).
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from common import BINARY, REPO, make_corpus, mb, run_build, run_measured

JOB = os.path.join(REPO, "examples", "spark", "cadre_spark.py")


def dump_digest(binary, store):
    """SHA-256 and line count of the store's sorted dump, streamed."""
    digest, lines = hashlib.sha256(), 0
    with subprocess.Popen([binary, "dump", "--store", store], stdout=subprocess.PIPE) as p:
        for line in p.stdout:
            digest.update(line)
            lines += 1
    if p.returncode != 0:
        sys.exit("dump of %s failed" % store)
    return digest.hexdigest(), lines


def local_build(a, corpus, work, r):
    store = os.path.join(work, "local-%d" % r)
    report = run_build(a.bin, corpus, store, a.jobs, os.path.join(work, "local-%d.json" % r), ["--full"])
    return store, report["wall_seconds"], report["seconds"], report["max_rss_bytes"]


def spark_build(a, corpus, work, r):
    shards, store = os.path.join(work, "shards-%d" % r), os.path.join(work, "spark-%d" % r)
    env = dict(os.environ, SPARK_LOCAL_IP=os.environ.get("SPARK_LOCAL_IP", "127.0.0.1"))
    code, spark_s, _, _, err = run_measured(
        [sys.executable, JOB, "--master", "local[%d]" % a.jobs, "--corpus", corpus, "--out", shards,
         "--bin", a.bin], env=env)
    if code not in (0, 1):
        sys.exit("the Spark job failed (%d): %s" % (code, err[-3000:]))
    parts = sorted(os.path.join(shards, f) for f in os.listdir(shards) if f.startswith("part-"))
    report = os.path.join(work, "load-%d.json" % r)
    code, load_s, load_rss, _, err = run_measured([a.bin, "load", "--store", store, "--report", report, *parts])
    if code != 0:
        sys.exit("load failed (%d): %s" % (code, err[-3000:]))
    with open(report, encoding="utf-8") as f:
        load_stages = json.load(f)["seconds"]
    shutil.rmtree(shards)
    return store, spark_s, load_s, len(parts), load_stages, load_rss


def check(a, corpus, local, spark, work):
    """The two stores' dumps are identical; the next build is incremental."""
    same = dump_digest(a.bin, local) == dump_digest(a.bin, spark)
    report = os.path.join(work, "next.json")
    run_build(a.bin, corpus, spark, a.jobs, report)
    with open(report, encoding="utf-8") as f:
        r = json.load(f)
    idle = r["mode"] == "incremental" and r["added"] + r["changed"] + r["removed"] == 0
    return {"dumps_identical": same, "quads": dump_digest(a.bin, local)[1], "next_build_mode": r["mode"],
            "next_build_idle": idle, "next_build_seconds": r["seconds"]["total"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50, help="copies of each shipped article (50 → ~1,000)")
    ap.add_argument("--corpus", help="an existing corpus instead of --copies")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="build --jobs and Spark local[N]")
    ap.add_argument("--bin", default=BINARY)
    ap.add_argument("--out", help="write spark.md and spark.json here")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    work = tempfile.mkdtemp(prefix="cadre-kg-spark-")
    try:
        corpus = a.corpus
        if not corpus:
            corpus = os.path.join(work, "corpus")
            make_corpus(a.copies, corpus)
        n = sum(f.endswith(".txt") for _, _, fs in os.walk(corpus) for f in fs)
        rounds, checked = [], None
        for r in range(a.rounds):
            order = [local_build, spark_build] if r % 2 == 0 else [spark_build, local_build]
            done = {f.__name__: f(a, corpus, work, r) for f in order}
            local, local_s, local_stages, local_rss = done["local_build"]
            spark, spark_s, load_s, parts, load_stages, load_rss = done["spark_build"]
            if checked is None:
                checked = check(a, corpus, local, spark, work)
            shutil.rmtree(local)
            shutil.rmtree(spark)
            rounds.append({"first": order[0].__name__.split("_")[0], "local_seconds": local_s,
                           "spark_seconds": spark_s, "load_seconds": load_s, "shards": parts,
                           "ratio": (spark_s + load_s) / local_s, "local_stages": local_stages,
                           "local_peak_memory_bytes": local_rss, "load_stages": load_stages,
                           "load_peak_memory_bytes": load_rss})
            print("round %d: local %.1f s, spark %.1f s + load %.1f s (%d shards), ratio %.2f"
                  % (r, local_s, spark_s, load_s, parts, rounds[-1]["ratio"]), flush=True)
        result = {"articles": n, "jobs": a.jobs, "rounds": rounds, **checked}
        print(json.dumps(checked))
        if a.out:
            write_results(a.out, result)
        sys.exit(0 if checked["dumps_identical"] and checked["next_build_idle"] else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_results(out, r):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "spark.json"), "w", encoding="utf-8") as f:
        json.dump(r, f, indent=2)
    rows = "\n".join("| %d | %s | %.1f (%s) | %.1f + %.1f = %.1f (load %s) | %.2f |"
                     % (i, x["first"], x["local_seconds"], mb(x["local_peak_memory_bytes"]), x["spark_seconds"],
                        x["load_seconds"], x["spark_seconds"] + x["load_seconds"],
                        mb(x["load_peak_memory_bytes"]), x["ratio"]) for i, x in enumerate(r["rounds"]))
    text = ("# Spark local[%d] against a local build (`--jobs %d`), %d articles\n\n"
            "| round | first | local build s (peak memory) | Spark job + load s (peak memory) | ratio |\n"
            "|---|---|---|---|---|\n%s\n\n"
            "Sorted dumps identical: %s (%d quads); next local build on the Spark store: %s, idle: %s.\n"
            % (r["jobs"], r["jobs"], r["articles"], rows, r["dumps_identical"], r["quads"],
               r["next_build_mode"], r["next_build_idle"]))
    with open(os.path.join(out, "spark.md"), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
