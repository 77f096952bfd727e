#!/usr/bin/env bash
# Installs what building runwise's CLI, tests and benchmarks needs on Debian 12, when missing.
# The library itself needs nothing but a C++20 compiler.
set -euo pipefail
packages=(cmake ninja-build g++ clang libclang-rt-14-dev pkgconf doctest-dev nlohmann-json3-dev libcli11-dev libbenchmark-dev python3 libxml2-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
