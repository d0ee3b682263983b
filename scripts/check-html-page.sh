#!/usr/bin/env bash
# Opens a self-contained HTML page (a case file, a queue report) in headless Chromium
# (Debian's `chromium`), saves a screenshot and the rendered DOM under .local/reports/
# (kept out of the repository), and checks that the rendered page holds every expected
# text, runs no script and fetches nothing.
#   scripts/check-html-page.sh FILE.html ['expected text' …]
# PAGE_HEIGHT sets the screenshot's height in pixels (default 2400). Exits 0 when every
# check passes, 1 with the failed checks on standard error otherwise, 2 on bad usage.
set -euo pipefail
[ "$#" -ge 1 ] || { echo "usage: $0 FILE.html ['expected text' …]" >&2; exit 2; }
file="$(realpath "$1")"
shift
[ -f "$file" ] || { echo "$0: $file does not exist" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "$0: chromium is not installed: run scripts/install-deps.sh" >&2; exit 1; }
root="$(cd "$(dirname "$0")/.." && pwd)"

out="$root/.local/reports"
mkdir -p "$out"
name="$(basename "$file" .html)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# As root Chromium needs --no-sandbox; the rest keep a headless run off the network.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile")

timeout 120 /usr/bin/chromium "${flags[@]}" --window-size="1100,${PAGE_HEIGHT:-2400}" --screenshot="$out/$name.png" \
  "file://$file" >/dev/null 2>"$out/$name.chromium.log" || {
  echo "$0: chromium could not render $file (see $out/$name.chromium.log)" >&2; exit 1; }
timeout 120 /usr/bin/chromium "${flags[@]}" --dump-dom "file://$file" >"$out/$name.dom.html" \
  2>>"$out/$name.chromium.log" || {
  echo "$0: chromium could not load $file (see $out/$name.chromium.log)" >&2; exit 1; }

failed=0
[ -s "$out/$name.png" ] && echo "ok: screenshot $out/$name.png ($(stat -c %s "$out/$name.png") bytes)" || {
  echo "FAILED: no screenshot was written" >&2; failed=1; }
for expected in "$@"; do
  if grep -qF -- "$expected" "$out/$name.dom.html"; then
    echo "ok: shows '$expected'"
  else
    echo "FAILED: not in the rendered page: $expected" >&2
    failed=1
  fi
done
# (The inline SVG's xmlns names a namespace; nothing is fetched from it.)
if grep -qiE '<script|<link|<img|<iframe|<object|<embed|@import|url\(| (src|href)=' "$out/$name.dom.html"; then
  echo "FAILED: the page runs a script or fetches a resource" >&2
  failed=1
fi
exit "$failed"
