#!/usr/bin/env bash
# Style, enforced by the test command (scripts/test.sh):
#   - clang-format (.clang-format) on every C++ file of the repository: a difference fails;
#   - clang-tidy (.clang-tidy: the checks that pay, each disabled one said why) on the
#     service's sources, with the build's compile_commands.json: a warning fails.
#   scripts/lint.sh [BUILD_DIR]        (default: build, which scripts/build.sh makes)
#   scripts/lint.sh --fix              reformats the C++ files in place (clang-format only)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.h' '*.h.in')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${sources[@]}"
  exit 0
fi
build="${1:-${BUILD_DIR:-build}}"
[ -f "$build/compile_commands.json" ] || { echo "$0: no $build/compile_commands.json: run scripts/build.sh first" >&2; exit 2; }

if ! clang-format --dry-run --Werror "${sources[@]}"; then
  echo "lint: the files above are not formatted as .clang-format says: scripts/lint.sh --fix" >&2
  exit 1
fi
# The service's translation units; a header is checked where a service source includes it.
if ! run-clang-tidy -quiet -p "$build" -j "$(nproc)" -header-filter='service/.*' \
     "$(pwd)/service/" >"$build/clang-tidy.log" 2>&1; then
  grep -E "warning:|error:" "$build/clang-tidy.log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u >&2
  echo "lint: clang-tidy found the above (whole output in $build/clang-tidy.log)" >&2
  exit 1
fi
echo "lint: ${#sources[@]} C++ files formatted; clang-tidy clean on service/" >&2
