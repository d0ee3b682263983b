#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster: created in a fresh temporary
# folder, reachable only by its Unix socket there, removed when the command ends
# (whatever way it ends). The command gets PGHOST, PGPORT, PGUSER and PGDATABASE.
#   scripts/with-temp-pg.sh ctest --output-on-failure
# Several can run at once. As root, the cluster runs as the 'postgres' system user
# (PostgreSQL refuses to run as root).
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 COMMAND [ARGS…]" >&2; exit 2; }
bin="/usr/lib/postgresql/15/bin"
dir="$(mktemp -d /tmp/supervision-pg.XXXXXX)"
chmod 755 "$dir"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"

cleanup() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
# Settings for a throwaway test server: durability off (nothing here must survive a crash
# of the machine), enough connections for parallel test binaries, commit timestamps (the
# supervisors' load test checks which of two transactions committed first).
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p 5432 -k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c track_commit_timestamp=on" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export PGHOST="$dir" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
unset PGPASSWORD PGSERVICE
set +e
"$@"
status=$?
set -e
exit "$status"
