#!/usr/bin/env bash
# The main job: build the runwise CLI (optimised) and evaluate its built-in example workload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target runwise >/dev/null
exec ./build/release/bin/runwise "$@"
