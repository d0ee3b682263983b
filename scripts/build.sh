#!/usr/bin/env bash
# Configures and builds into build/ (BUILD_DIR to change). Incremental on repeat.
#   build.sh                 everything: the service and the test suite
#   build.sh supervision     only the targets named (the demo builds the binary alone)
# SUPERVISION_BUILD_TESTS=OFF configures without the tests (and without GoogleTest).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  -DSUPERVISION_BUILD_TESTS="${SUPERVISION_BUILD_TESTS:-ON}" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
