#!/usr/bin/env bash
# ctest ops_systemd_units: deploy/systemd's units pass `systemd-analyze verify` with no
# message at all (it exits 0 on unknown keys, so any output fails the test), and the
# timer fires at 02:30 Helsinki time in winter and in summer.
# The service is verified as a copy whose ExecStart names the built binary, since
# verify requires the program to exist and /usr/bin/supervision is not installed here.
#   check-systemd.sh SOURCE_DIR BINARY
set -euo pipefail
src="$1"
binary="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

sed "s|^ExecStart=/usr/bin/supervision |ExecStart=$binary |" "$src/deploy/systemd/supervision.service" \
  > "$scratch/supervision.service"
grep -q "^ExecStart=$binary " "$scratch/supervision.service"
cp "$src/deploy/systemd/supervision.timer" "$scratch/"

out="$(systemd-analyze verify "$scratch/supervision.service" "$scratch/supervision.timer" 2>&1)" || {
  echo "$out"; echo "systemd-analyze verify failed" >&2; exit 1; }
if [ -n "$out" ]; then echo "$out"; echo "systemd-analyze verify printed warnings" >&2; exit 1; fi
echo "systemd-analyze verify: supervision.service, supervision.timer: no findings"

spec="$(sed -n 's/^OnCalendar=//p' "$scratch/supervision.timer")"
# 02:30 in Helsinki is 00:30 UTC in winter (EET) and 23:30 UTC the day before in summer (EEST).
check_next() {
  local base="$1" expected="$2" got
  got="$(TZ=UTC systemd-analyze calendar --base-time="$base" "$spec" | sed -n 's/^ *Next elapse: //p')"
  [ "$got" = "$expected" ] || { echo "after $base: next elapse '$got', expected '$expected'" >&2; exit 1; }
  echo "after $base: $got"
}
check_next "2026-01-15 12:00:00 UTC" "Fri 2026-01-16 00:30:00 UTC"
check_next "2026-07-15 12:00:00 UTC" "Wed 2026-07-15 23:30:00 UTC"
grep -qx "Persistent=true" "$scratch/supervision.timer"
grep -qx "Type=oneshot" "$scratch/supervision.service"
