#!/usr/bin/env bash
# Installs what building cadre-kg needs on a fresh Debian machine:
# libclang (bindgen, for Oxigraph's RocksDB) and a C++ compiler.
# Rust itself comes from rustup; Python 3 runs the scorer in the tests.
set -euo pipefail
need=()
dpkg -s libclang-dev >/dev/null 2>&1 || need+=(libclang-dev)
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v g++ >/dev/null 2>&1 || need+=(g++)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
