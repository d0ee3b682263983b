#!/usr/bin/env bash
# Checks, without a Docker engine, that the runtime stage of docker/Dockerfile has what
# the binary needs: every shared library `ldd` resolves for the built binary belongs to
# a Debian package (`dpkg -S`) that docker/runtime-packages.txt lists or that those
# packages pull in (their Depends, recursively, as installed here); the libraries the
# binary names itself (NEEDED) must come from listed packages; no -dev package is listed.
#   docker/check-runtime.sh BINARY        (ctest: ops_docker_runtime)
set -euo pipefail
binary="${1:?usage: $0 BINARY}"
list="$(dirname "$0")/runtime-packages.txt"
mapfile -t listed < <(sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$list")
fail=0

for p in "${listed[@]}"; do
  case "$p" in *-dev) echo "runtime-packages.txt lists a development package: $p" >&2; fail=1 ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || { echo "runtime-packages.txt: $p is not a Debian 12 package installed here (renamed?)" >&2; fail=1; }
done

# The package owning a library path; usrmerge means dpkg may know it under /lib or /usr/lib.
owner() {
  local path="$1" real candidates c
  real="$(readlink -f "$path")"
  candidates=("$path" "$real" "${path#/usr}" "${real#/usr}" "/usr$path" "/usr$real")
  for c in "${candidates[@]}"; do
    dpkg -S "$c" 2>/dev/null | head -n1 | cut -d: -f1 && return 0
  done
  return 1
}

# The listed packages and everything they depend on, recursively (alternatives: each one
# installed here), as the dpkg database of this Debian 12 machine says.
declare -A closure=()
queue=("${listed[@]}")
while [ "${#queue[@]}" -gt 0 ]; do
  p="${queue[0]}"; queue=("${queue[@]:1}")
  [ -n "${closure[$p]:-}" ] && continue
  closure[$p]=1
  deps="$(dpkg-query -W -f='${Depends}, ${Pre-Depends}' "$p" 2>/dev/null || true)"
  for d in $(echo "$deps" | tr ',|' '\n\n' | sed 's/([^)]*)//g; s/:any//; s/[[:space:]]//g' | sed '/^$/d'); do
    dpkg-query -W "$d" >/dev/null 2>&1 && queue+=("$d")
  done
done

needed="$(objdump -p "$binary" | awk '/NEEDED/ {print $2}')"
checked=0
while read -r lib arrow path _; do
  [ "$arrow" = "=>" ] || continue
  [ -n "$path" ] && [ "$path" != "not" ] || { echo "ldd: $lib not found" >&2; fail=1; continue; }
  pkg="$(owner "$path")" || { echo "$lib ($path) belongs to no Debian package" >&2; fail=1; continue; }
  pkg="${pkg%%:*}"
  checked=$((checked + 1))
  if grep -qx "$lib" <<<"$needed"; then
    # A here-string, not a pipe: grep -q may exit before printf has written all, and
    # pipefail would then count printf's SIGPIPE as a failure.
    grep -qx "$pkg" <<<"$(printf '%s\n' "${listed[@]}")" \
      || { echo "$lib (NEEDED by the binary) is in $pkg, which runtime-packages.txt does not list" >&2; fail=1; }
  elif [ -z "${closure[$pkg]:-}" ]; then
    echo "$lib is in $pkg, which the runtime packages do not pull in" >&2; fail=1
  fi
done < <(ldd "$binary")

[ "$checked" -gt 5 ] || { echo "ldd resolved only $checked libraries: not a dynamic binary?" >&2; fail=1; }
[ "$fail" -eq 0 ] || exit 1
echo "runtime stage: ${#listed[@]} packages listed, ${#closure[@]} with dependencies; all $checked libraries of $(basename "$binary") covered"
