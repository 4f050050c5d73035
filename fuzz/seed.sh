#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/TARGET/, not in git) from the
# project's articles and queries: the articles as they are, and for the
# decoder also in GB18030 and UTF-16 (with and without a BOM).
set -euo pipefail
cd "$(dirname "$0")"
for t in decode normalize extract query_check; do mkdir -p "corpus/$t"; done
for f in ../corpus/*.txt; do
    name=$(basename "$f" .txt)
    cp "$f" corpus/decode/ && cp "$f" corpus/normalize/ && cp "$f" corpus/extract/
    iconv -f UTF-8 -t GB18030 "$f" > "corpus/decode/$name.gb18030" || true
    iconv -f UTF-8 -t UTF-16LE "$f" > "corpus/decode/$name.utf16le"
    iconv -f UTF-8 -t UTF-16 "$f" > "corpus/decode/$name.utf16bom"
done
cp ../queries/*.rq corpus/query_check/
