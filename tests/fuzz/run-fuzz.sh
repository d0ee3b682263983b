#!/usr/bin/env bash
# Fuzzes the configuration loader for SECONDS (default 600) with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer (docs/reliability.md). Builds build-fuzz/ with clang when
# needed. The working corpus (build-fuzz/fuzz-corpus) starts from config/supervision.yaml
# and tests/fuzz/seeds/ and grows between runs; a finding is written to
# build-fuzz/fuzz-findings/ and makes the script exit non-zero. Copy such an input into
# tests/fuzz/regressions/ with the fix, so that ctest replays it (config_fuzz_replay).
#   tests/fuzz/run-fuzz.sh [SECONDS] [extra libFuzzer options…]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-600}"
shift || true
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
if [ ! -x "$build/tests/fuzz/config_fuzzer" ] || [ -n "${FUZZ_REBUILD:-}" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSUPERVISION_FUZZ=ON -DSUPERVISION_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target config_fuzzer -j"$(nproc)"
fi
corpus="$build/fuzz-corpus"
findings="$build/fuzz-findings"
mkdir -p "$corpus" "$findings"
cp -n "$root/config/supervision.yaml" "$root"/tests/fuzz/seeds/* "$corpus/" 2>/dev/null || true
[ -d "$root/tests/fuzz/regressions" ] && cp -n "$root"/tests/fuzz/regressions/* "$corpus/" 2>/dev/null || true
# -timeout: an input taking more than 10 s is a hang; -rss_limit_mb: more than 2 GB is a leak or a blow-up.
exec "$build/tests/fuzz/config_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -dict="$root/tests/fuzz/yaml.dict" -artifact_prefix="$findings/" -print_final_stats=1 "$@" "$corpus"
