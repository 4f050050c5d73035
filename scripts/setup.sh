#!/usr/bin/env bash
# Installs what building cadre-kg needs on a fresh Debian machine:
# libclang (bindgen, for Oxigraph's RocksDB) and a C++ compiler.
# Rust itself comes from rustup (with rustfmt and clippy); Python 3 runs
# the scorer in the tests.
# The graph-export tests need Chromium (the HTML view, headless) and
# NetworkX (reading GraphML/GEXF back, recomputing the analytics).
# The Spark test runs examples/spark/ on a real Spark in local mode:
# pyspark from PyPI and a Java runtime (Spark 4 needs 17 or later).
# The server tests query `serve` with the analysts' Python clients:
# SPARQLWrapper and rdflib (its SPARQLStore); curl sends the raw requests.
set -euo pipefail
need=()
dpkg -s libclang-dev >/dev/null 2>&1 || need+=(libclang-dev)
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
java -version >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The test command checks formatting and lints: rustup's default profile
# has both; a minimal one does not.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add rustfmt clippy
fi
if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  python3 -m pip install --quiet networkx \
    || python3 -m pip install --quiet --break-system-packages networkx \
    || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
         $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >/dev/null; }
fi
if ! python3 -c 'import pyspark' >/dev/null 2>&1; then
  python3 -m pip install --quiet pyspark \
    || python3 -m pip install --quiet --break-system-packages pyspark
fi
for module in SPARQLWrapper rdflib; do
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    python3 -m pip install --quiet "$module" \
      || python3 -m pip install --quiet --break-system-packages "$module"
  fi
done
