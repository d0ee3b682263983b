#!/usr/bin/env bash
# ctest package_deb: `cpack -G DEB` builds the .deb; its dependencies are met on this
# Debian 12 (dpkg-checkbuilddeps against the installed packages, versions and Provides
# included) and are all in docker/runtime-packages.txt; dpkg installs it into a scratch
# root (--root, unpack only: the maintainer scripts would create a user on this machine,
# so they are only syntax-checked); from there `supervision --help`, `config check` and
# `migrate` (twice: safe to repeat) run against a fresh database of the throwaway server
# (libpq environment from scripts/with-temp-pg.sh), dropped at the end.
#   check-package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
src="$2"
scratch="$(mktemp -d /tmp/supervision-deb.XXXXXX)"
db="supervision_deb_$$"
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "package_deb: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$scratch/out") >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; fail "cpack failed"; }
debs=("$scratch"/out/supervision_*_amd64.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one supervision_*_amd64.deb, got: ${debs[*]}"
deb="${debs[0]}"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
printf 'Source: supervision\n' >"$scratch/control"
dpkg-checkbuilddeps -d "$depends" "$scratch/control" || fail "dependencies not met on this Debian 12"
runtime="$(sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$src/docker/runtime-packages.txt")"
installed="$(dpkg-query -W -f='${Package} ${Provides}\n')"
for dep in $(tr ',' '\n' <<<"$depends" | sed 's/([^)]*)//; s/[[:space:]]//g'); do
  [ "$dep" = passwd ] && continue  # the postinst's useradd; in every Debian image
  # a virtual package (libspdlog1.10-fmt9) counts as the real one that provides it
  real="$(awk -v d="$dep" '$1 == d || $0 ~ "[ ,]" d "([ ,(]|$)" {print $1}' <<<"$installed" | head -n1)"
  grep -qx "${real:-$dep}" <<<"$runtime" || fail "Depends names $dep, which docker/runtime-packages.txt lacks"
done

contents="$(dpkg-deb -c "$deb" | awk '{print $NF}')"
for f in ./usr/bin/supervision ./etc/supervision/supervision.yaml ./etc/supervision/supervision.env \
         ./lib/systemd/system/supervision.service ./lib/systemd/system/supervision.timer \
         ./usr/share/doc/supervision/operations.md ./usr/share/supervision/sql/migrations/0001_registry.sql; do
  grep -qx "$f" <<<"$contents" || fail "the package lacks $f"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst >"$scratch/postinst"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postrm >"$scratch/postrm"
sh -n "$scratch/postinst" && sh -n "$scratch/postrm" || fail "maintainer script syntax"

root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --unpack "$deb" >"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log"; fail "dpkg --unpack failed"; }
conffiles="$(dpkg-query --root="$root" -W -f='${Conffiles}' supervision)"
for c in supervision.yaml supervision.env pgpass; do
  grep -q "/etc/supervision/$c " <<<"$conffiles" || fail "/etc/supervision/$c is not a conffile"
  # unpack leaves new conffiles as .dpkg-new; configuring (skipped) would move them in place
  mv "$root/etc/supervision/$c.dpkg-new" "$root/etc/supervision/$c"
done
[ "$(stat -c %a "$root/etc/supervision/pgpass")" = 600 ] || fail "/etc/supervision/pgpass is not mode 0600"
echo "installed into $root: $(dpkg-query --root="$root" -W -f='${Status} ${Version}' supervision)"

bin="$root/usr/bin/supervision"
help="$("$bin" --help)" && grep -q "nightly post-permit supervision" <<<"$help" || fail "supervision --help"
help="$("$bin" run --help)" && grep -q -- "--metrics-file" <<<"$help" || fail "supervision run --help lacks --metrics-file"
"$bin" --config "$root/etc/supervision/supervision.yaml" config check >/dev/null || fail "config check of the installed configuration"
createdb "$db"
"$bin" --db "dbname=$db" migrate 2>"$scratch/migrate.log" || { cat "$scratch/migrate.log"; fail "migrate"; }
"$bin" --db "dbname=$db" migrate 2>>"$scratch/migrate.log" || { cat "$scratch/migrate.log"; fail "second migrate"; }
tail -n 2 "$scratch/migrate.log"
tables="$(psql -X -d "$db" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'supervision'")"
[ "$tables" -gt 5 ] || fail "migrate made $tables tables in schema supervision"
echo "package_deb: ok (supervision schema has $tables tables)"
