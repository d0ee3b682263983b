#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs the whole
# test suite (unit, database, end-to-end) against a throwaway PostgreSQL 15.
# Extra arguments go to ctest, e.g. scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
../scripts/with-temp-pg.sh ctest --output-on-failure -j"$(nproc)" "$@"
