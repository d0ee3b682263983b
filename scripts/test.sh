#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, checks the style
# (scripts/lint.sh: a C++ file not formatted as .clang-format says, or a clang-tidy
# warning, fails it) and runs the whole test suite (unit, database, end-to-end) against a
# throwaway PostgreSQL 15.
# Extra arguments go to ctest, e.g. scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/lint.sh "${BUILD_DIR:-build}"
cd "${BUILD_DIR:-build}"
../scripts/with-temp-pg.sh ctest --output-on-failure -j"$(nproc)" "$@"
