#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds and tests with; idempotent: does
# nothing when all are present. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libpqxx-dev libspdlog-dev libyaml-cpp-dev libhowardhinnant-date-dev
  libgtest-dev libcli11-dev nlohmann-json3-dev tzdata
  postgresql-15 postgresql-contrib postgresql-common
  chromium  # headless browser: the HTML report test (scripts/check-html-report.sh)
  systemd file dpkg-dev binutils  # ops tests: systemd-analyze; cpack -G DEB (file, dpkg-shlibdeps); ldd/objdump
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
promtool_missing=0
command -v promtool >/dev/null 2>&1 || promtool_missing=1
[ "${#missing[@]}" -eq 0 ] && [ "$promtool_missing" -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# promtool, the Prometheus parser the metrics test uses, is in Debian's prometheus
# package, which would also install and start a Prometheus server: only the tool is
# taken from it, into /usr/local/bin.
if [ "$promtool_missing" -eq 1 ]; then
  echo "installing: promtool (from Debian's prometheus package)" >&2
  tmp="$(mktemp -d)"
  chmod 777 "$tmp"  # apt-get download writes as the _apt user
  (cd "$tmp" && apt-get download -qq prometheus >&2)
  dpkg-deb -x "$tmp"/prometheus_*.deb "$tmp/root"
  $sudo install -m 755 "$tmp/root/usr/bin/promtool" /usr/local/bin/promtool
  rm -rf "$tmp"
fi
