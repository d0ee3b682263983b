#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs; idempotent: does nothing when all are
# present. As root, or as a user with sudo (it calls sudo itself).
#   install-deps.sh demo   what the demo builds and runs with
#   install-deps.sh        everything: the demo's and the test suite's
#   install-deps.sh bench  everything, and what the benchmarks measure with
set -euo pipefail

# What the demo needs: the build tools and libraries of the service, and PostgreSQL.
demo_packages=(
  build-essential cmake pkg-config
  libpqxx-dev libspdlog-dev libyaml-cpp-dev libhowardhinnant-date-dev libcli11-dev nlohmann-json3-dev tzdata
  postgresql-15 postgresql-common
)
# What the test suite needs besides.
test_packages=(
  git libgtest-dev postgresql-contrib
  clang-format clang-tidy  # scripts/lint.sh
  chromium  # headless browser: the HTML report tests
  systemd file dpkg-dev binutils  # ops tests: systemd-analyze; cpack -G DEB (file, dpkg-shlibdeps); ldd/objdump
  ca-certificates  # ops tests: the runtime image's and the .deb's dependencies must be installable here
)
# What the benchmarks (bench/) need besides.
bench_packages=(
  time  # GNU time: the service's peak RSS
)

case "${1:-all}" in
  demo) packages=("${demo_packages[@]}"); want_promtool=0 ;;
  all) packages=("${demo_packages[@]}" "${test_packages[@]}"); want_promtool=1 ;;
  bench) packages=("${demo_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}"); want_promtool=1 ;;
  *) echo "usage: $0 [demo|all|bench]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
promtool_missing=0
[ "$want_promtool" -eq 1 ] && ! command -v promtool >/dev/null 2>&1 && promtool_missing=1
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
