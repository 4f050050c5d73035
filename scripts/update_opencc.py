#!/usr/bin/env python3
"""Regenerate data/opencc/ (the tables behind src/normalize/t2s.rs).

OpenCC's PyPI wheel ships its dictionaries only in the binary `.ocd2` form,
together with OpenCC's own `opencc_dict` tool, which turns them back into
OpenCC's plain-text dictionary format (`source<TAB>candidate candidate ...`).
This script:

1. takes an OpenCC wheel (path given with --wheel, or fetched with
   `pip download --no-deps opencc==VERSION` for CPython 3.11 / manylinux x86_64),
2. checks that `t2s.json` still chains exactly TSPhrases + TSCharacters,
3. decompiles TSCharacters.ocd2 and TSPhrases.ocd2 with the bundled
   `opencc_dict -f ocd2 -t text`,
4. drops every entry whose FIRST candidate has a different number of chars
   than its source (the converter must preserve char offsets; OpenCC itself
   always uses the first candidate), and reports what it dropped,
5. writes data/opencc/{TSCharacters.txt,TSPhrases.txt,LICENSE}.

The output files stay in OpenCC's text format, so `opencc_dict -f text -t ocd2`
can compile them back.  Needs a Linux x86_64 host (it runs the wheel's
binary).  Usage (from the repository root):

    python3 scripts/update_opencc.py [--wheel PATH.whl] [--version 1.1.9]
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

DEFAULT_VERSION = "1.1.9"
SHARE = "opencc/clib/share/opencc/"
TOOL = "opencc/clib/bin/opencc_dict"
TABLES = ["TSPhrases", "TSCharacters"]
OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "opencc"


def fetch_wheel(version: str, dest: Path) -> Path:
    subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "--no-deps",
            "--only-binary=:all:", "--python-version", "3.11",
            "--platform", "manylinux2014_x86_64",
            f"opencc=={version}", "-d", str(dest),
        ],
        check=True,
    )
    wheels = sorted(dest.glob("*.whl"))
    if not wheels:
        sys.exit("pip download produced no wheel")
    return wheels[0]


def check_chain(zf: zipfile.ZipFile) -> None:
    cfg = json.loads(zf.read(SHARE + "t2s.json"))
    files = [
        d["file"]
        for step in cfg["conversion_chain"]
        for d in step["dict"].get("dicts", [step["dict"]])
    ]
    want = [t + ".ocd2" for t in TABLES]
    if files != want:
        sys.exit(f"t2s.json chains {files}, expected {want}: review the converter")


def decompile(tool: Path, src: Path, dst: Path) -> None:
    subprocess.run(
        [str(tool), "-i", str(src), "-o", str(dst), "-f", "ocd2", "-t", "text"],
        check=True,
    )


def filter_table(text: str) -> tuple[list[str], list[str]]:
    kept, dropped = [], []
    for line in text.splitlines():
        if not line:
            continue
        source, candidates = line.split("\t", 1)
        first = candidates.split(" ")[0]
        (kept if len(source) == len(first) else dropped).append(line)
    return kept, dropped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="OpenCC wheel (else pip download)")
    ap.add_argument("--version", default=DEFAULT_VERSION)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wheel = args.wheel or fetch_wheel(args.version, tmp)
        with zipfile.ZipFile(wheel) as zf:
            check_chain(zf)
            license_name = next(
                n for n in zf.namelist() if n.endswith(".dist-info/LICENSE")
            )
            (OUT_DIR).mkdir(parents=True, exist_ok=True)
            (OUT_DIR / "LICENSE").write_bytes(zf.read(license_name))
            zf.extract(TOOL, tmp)
            for t in TABLES:
                zf.extract(SHARE + t + ".ocd2", tmp)
        tool = tmp / TOOL
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
        for t in TABLES:
            txt = tmp / (t + ".txt")
            decompile(tool, tmp / SHARE / (t + ".ocd2"), txt)
            kept, dropped = filter_table(txt.read_text(encoding="utf-8"))
            (OUT_DIR / (t + ".txt")).write_text(
                "".join(line + "\n" for line in kept), encoding="utf-8"
            )
            print(f"{t}: kept {len(kept)}, dropped {len(dropped)} (char-count mismatch)")
            for line in dropped:
                print("  dropped:", line)
    print(f"wrote {OUT_DIR} from {os.path.basename(str(wheel))}")


if __name__ == "__main__":
    main()
