#!/usr/bin/env bash
# A private PostgreSQL 15 cluster in .local/pg of this checkout, for the demo.
#   local-pg.sh start   initialise (once) and start it; prints nothing else
#   local-pg.sh env     print the libpq environment to eval: eval "$(scripts/local-pg.sh env)"
#   local-pg.sh stop    stop it
# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres'
# system user (created by the postgresql package); otherwise to the current user.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.local/pg"
port="${SUPERVISION_PG_PORT:-54329}"
bin="/usr/lib/postgresql/15/bin"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=''" start >/dev/null
    fi
    ;;
  env)
    echo "export PGHOST='$dir' PGPORT='$port' PGUSER=postgres PGDATABASE=supervision"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|env|stop" >&2
    exit 2
    ;;
esac
