"""Helpers shared by the benchmark scripts in bench/: paths, corpus
generation with ../shared/bench/make_corpus.py, and running a command while
measuring its wall time and peak memory."""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(REPO, "..", "shared")
BINARY = os.path.join(REPO, "target", "release", "cadre-kg")
SOURCES = [os.path.join(REPO, "corpus")]


def make_corpus(copies, out, sources=SOURCES):
    """Writes `copies` unique copies of every article of `sources` to `out`."""
    subprocess.run([sys.executable, os.path.join(SHARED, "bench", "make_corpus.py"), "--copies", str(copies),
                    "--out", out, *sources], check=True, capture_output=True)


def run_measured(cmd, timeout=None, **kwargs):
    """Runs `cmd` and returns (exit status, wall seconds, peak resident
    bytes, stdout, stderr). The peak comes from the kernel's rusage of this
    one child (wait4), so it covers any program, not only ours. After
    `timeout` seconds the child is killed (status -9): what it wrote so far
    is still returned."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.monotonic()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, **kwargs)
        status, usage = wait_or_kill(p, t + timeout if timeout else None)
        wall = time.monotonic() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (p.returncode, wall, usage.ru_maxrss * 1024,
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def wait_or_kill(p, deadline):
    """Waits for child `p` (polling every 10 ms, so that it is killed only
    while it is still ours); kills it at `deadline`. Returns its wait
    status and rusage."""
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            return status, usage
        if deadline is not None and time.monotonic() > deadline:
            p.kill()
            deadline = None
        time.sleep(0.01)


def run_build(binary, corpus, store, jobs, report, extra=()):
    """One `cadre-kg build` with `--report`: the report, plus the measured
    wall time and peak memory."""
    code, wall, rss, _, err = run_measured([binary, "build", "--corpus", corpus, "--store", store,
                                            "--jobs", str(jobs), "--report", report, *extra])
    if code not in (0, 1):
        sys.exit("build failed (%d): %s" % (code, err[-2000:]))
    with open(report, encoding="utf-8") as f:
        r = json.load(f)
    r["wall_seconds"] = wall
    r["max_rss_bytes"] = rss
    return r


def mb(b):
    """Bytes as whole megabytes (10^6), for tables."""
    return "%.0f MB" % (b / 1e6) if b else "?"
