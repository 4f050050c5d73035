#!/usr/bin/env bash
# Runs one fuzz target with the settings the README's Fuzzing section
# records: `fuzz/run.sh TARGET [SECONDS]` (default 1800). Seeds the
# corpora first if they are missing. Findings go to artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh decode|normalize|extract|query_check [SECONDS]}
seconds=${2:-1800}
case $target in
    decode) max_len=65536 ;;
    normalize) max_len=16384 ;;
    extract | query_check) max_len=8192 ;;
    *)
        echo "no fuzz target $target: decode, normalize, extract or query_check" >&2
        exit 2
        ;;
esac
[ -d "corpus/$target" ] || ./seed.sh
# cargo fuzz passes -Z flags to the stable compiler.
RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run -O "$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len="$max_len" -print_final_stats=1
