#!/usr/bin/env python3
"""Builds a cadre-kg store on Apache Spark.

Spark reads the corpus (every *.txt under CORPUS, on any file system Spark
reads: local, HDFS, S3), and each partition's articles are piped as records
through `cadre-kg extract --records` on the executors. Each partition's
output is a shard (extractor header, then N-Quads) written under OUT. With
--store, the driver then assembles the shards with `cadre-kg load`: the
cross-article steps (facts, articles and gazetteer graphs) run there, once,
as in a local build, so the store equals the one `cadre-kg build` gives.

    spark-submit --master local[4] examples/spark/cadre_spark.py \\
        --corpus /data/articles --out /data/shards --store /data/store

Run with plain `python3` (pyspark from PyPI), --master picks the master.
No state is shared between records: an executor lost and retried only
redoes its partition.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import threading

from pyspark import AccumulatorParam, SparkFiles
from pyspark.sql import SparkSession

SKIPPED = "# skipped "


class ListParam(AccumulatorParam):
    """Accumulates lists (the skipped articles' lines)."""

    def zero(self, value):
        return []

    def addInPlace(self, a, b):
        a.extend(b)
        return a


def executable(name):
    """The cadre-kg binary on this executor: one shipped with --files,
    else a path, else one on PATH."""
    try:
        shipped = SparkFiles.get(os.path.basename(name))
    except Exception:  # no SparkFiles root outside a task
        shipped = None
    if shipped and os.path.isfile(shipped):
        os.chmod(shipped, 0o755)
        return shipped
    found = name if os.sep in name else shutil.which(name)
    if not found or not os.path.isfile(found):
        raise RuntimeError("cadre-kg binary %r not found on this executor" % name)
    return found


def extract_partition(binary, jobs, skipped):
    """A function of one partition's (name, bytes) rows that yields the
    lines of its shard, from one `cadre-kg extract --records` process."""

    def run(rows):
        proc = subprocess.Popen([executable(binary), "extract", "--records", "--jobs", str(jobs)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        errors = []
        feeding = threading.Thread(target=feed, args=(proc.stdin, rows, errors))
        feeding.start()
        stderr = []
        draining = threading.Thread(target=lambda: stderr.append(proc.stderr.read()))
        draining.start()
        mine = []
        for line in proc.stdout:
            line = line.decode("utf-8").rstrip("\n")
            if line.startswith(SKIPPED):
                mine.append(line[len(SKIPPED):])
            yield line
        feeding.join()
        draining.join()
        status = proc.wait()
        message = stderr[0].decode("utf-8", "replace").strip()
        if errors or status not in (0, 1):
            raise RuntimeError("cadre-kg extract --records failed (exit %s): %s %s" % (status, message, errors))
        skipped.add(mine)

    return run


def feed(stdin, rows, errors):
    """Writes each row as one JSON record line; a write that fails because
    the extractor stopped leaves the reason to its exit status."""
    try:
        for name, content in rows:
            record = {"name": name, "bytes_b64": base64.b64encode(content).decode("ascii")}
            stdin.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        stdin.close()
    except BrokenPipeError:
        pass
    except Exception as e:  # reading the partition failed: say so
        errors.append(repr(e))
        stdin.close()


def qualified_root(spark, corpus):
    """The corpus folder as Spark names its files: a qualified Hadoop path
    (file:/data/articles, hdfs://nn/articles), not percent-encoded."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(corpus)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return fs.makeQualified(path).toString().rstrip("/")


def relative_name(root):
    """A function of a file's URI that gives its name as a local build
    gives it: the path under the corpus root, with / separators."""
    prefix = root + "/"

    def name(uri):
        if not uri.startswith(prefix):
            raise ValueError("%s is not under the corpus %s" % (uri, root))
        return uri[len(prefix):]

    return name


def run_spark(spark, corpus, out, binary, partitions, jobs):
    """Writes the shards under `out`; returns the skipped articles."""
    name = relative_name(qualified_root(spark, corpus))
    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", "*.txt")
             .load(corpus)
             .select("path", "content"))
    # Few partitions: each starts one process, which loads the gazetteer
    # and segmenter once (binaryFile would give one partition per ~30 files).
    rows = files.rdd.map(lambda r: (name(r.path), bytes(r.content)))
    if partitions <= rows.getNumPartitions():
        rows = rows.coalesce(partitions)
    else:
        rows = rows.repartition(partitions)
    skipped = spark.sparkContext.accumulator([], ListParam())
    rows.mapPartitions(extract_partition(binary, jobs, skipped)).saveAsTextFile(out)
    # A retried task adds its partition's skipped articles again.
    return sorted(set(skipped.value))


def shards(out):
    return sorted(os.path.join(out, f) for f in os.listdir(out) if f.startswith("part-"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder (path or URI) holding the *.txt articles")
    ap.add_argument("--out", required=True, help="where to write the shards (must not exist)")
    ap.add_argument("--store", help="assemble the shards into this store with `cadre-kg load` "
                                    "(needs --out on a local file system)")
    ap.add_argument("--bin", default="cadre-kg",
                    help="the cadre-kg binary: a path, a name on PATH, or one shipped with --files")
    ap.add_argument("--partitions", type=int, help="partitions (default: Spark's default parallelism)")
    ap.add_argument("--jobs", type=int, default=1, help="threads per extractor process (default 1)")
    ap.add_argument("--master", help="Spark master when run without spark-submit (e.g. local[2])")
    a = ap.parse_args()
    builder = SparkSession.builder.appName("cadre-kg")
    if a.master:
        builder = builder.master(a.master)
    # A binary given by a path is used by that absolute path everywhere
    # (local mode, or the same install on every node).
    binary = os.path.abspath(a.bin) if os.path.isfile(a.bin) else a.bin
    spark = builder.getOrCreate()
    try:
        partitions = a.partitions or spark.sparkContext.defaultParallelism
        skipped = run_spark(spark, a.corpus, a.out, binary, partitions, a.jobs)
    finally:
        spark.stop()
    for line in skipped:
        print("skipped %s" % line, file=sys.stderr)
    print("shards     %s (%d skipped)" % (a.out, len(skipped)))
    if a.store:
        done = subprocess.run([binary, "load", "--store", a.store, *shards(a.out)])
        if done.returncode != 0:
            sys.exit(done.returncode)
    sys.exit(1 if skipped else 0)


if __name__ == "__main__":
    main()
