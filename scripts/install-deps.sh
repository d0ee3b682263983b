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
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
