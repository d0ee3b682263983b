#!/usr/bin/env bash
# Opens an HTML report in headless Chromium (Debian's `chromium`), saves a screenshot
# and the rendered DOM under .local/reports/ (kept out of the repository), and checks
# that the page shows the coverage table and chart and every expected text given.
#   scripts/check-html-report.sh FILE.html ['expected text' …]
# Installs chromium when it is missing (needs root or sudo). Exits 0 when every check
# passes, 1 with the failed checks on standard error otherwise, 2 on bad usage.
set -euo pipefail
[ "$#" -ge 1 ] || { echo "usage: $0 FILE.html ['expected text' …]" >&2; exit 2; }
file="$(realpath "$1")"
shift
[ -f "$file" ] || { echo "$0: $file does not exist" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing chromium (Debian package) for the browser check" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
fi

out="$root/.local/reports"
mkdir -p "$out"
name="$(basename "$file" .html)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# As root Chromium needs --no-sandbox; the rest keep a headless run off the network.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile")

timeout 120 /usr/bin/chromium "${flags[@]}" --window-size=1100,2400 --screenshot="$out/$name.png" \
  "file://$file" >/dev/null 2>"$out/$name.chromium.log" || {
  echo "$0: chromium could not render $file (see $out/$name.chromium.log)" >&2; exit 1; }
timeout 120 /usr/bin/chromium "${flags[@]}" --dump-dom "file://$file" >"$out/$name.dom.html" \
  2>>"$out/$name.chromium.log" || {
  echo "$0: chromium could not load $file (see $out/$name.chromium.log)" >&2; exit 1; }

failed=0
check() {  # description, fixed string the rendered DOM must contain
  if grep -qF -- "$2" "$out/$name.dom.html"; then
    echo "ok: $1"
  else
    echo "FAILED: $1 (not in the rendered page: $2)" >&2
    failed=1
  fi
}
[ -s "$out/$name.png" ] && echo "ok: screenshot $out/$name.png ($(stat -c %s "$out/$name.png") bytes)" || {
  echo "FAILED: no screenshot was written" >&2; failed=1; }
check "coverage table" '<table id="coverage-table">'
check "coverage chart" '<svg id="coverage-chart"'
check "target line in the chart" 'id="target-line"'
for expected in "$@"; do check "shows '$expected'" "$expected"; done
if grep -qiE '<script|https?://[^"]*\.(js|css|woff2?)' "$out/$name.dom.html"; then
  echo "FAILED: the page loads a script or fetches a resource" >&2
  failed=1
fi
exit "$failed"
