#!/usr/bin/env bash
# A private PostgreSQL 15 cluster in .local/pg of this checkout, for the demo.
#   local-pg.sh start   initialise (once) and start it; prints nothing else
#   local-pg.sh env     print the libpq environment to eval: eval "$(scripts/local-pg.sh env)"
#   local-pg.sh stop    stop it
# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres'
# system user (created by the postgresql package); otherwise to the current user.
# A checkout the postgres user cannot enter (root's home is private: a clone in /root)
# keeps its cluster in the postgres user's home instead, one folder per checkout, and
# .local/pg is a link to it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${SUPERVISION_PG_PORT:-54329}"
bin="/usr/lib/postgresql/15/bin"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster's folder: .local/pg, or where its link points, or, as root when the
# postgres user cannot reach .local, a folder of this checkout under the postgres home.
cluster_dir() {
  local link="$root/.local/pg"
  if [ -L "$link" ]; then
    readlink -f "$link"
  elif [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$root/.local" 2>/dev/null; then
    local home
    home="$(getent passwd postgres | cut -d: -f6)"
    echo "$home/supervision/$(printf '%s' "$root" | md5sum | cut -c1-12)"
  else
    echo "$link"
  fi
}

mkdir -p "$root/.local"
dir="$(cluster_dir)"

case "${1:-}" in
  start)
    if [ "$dir" != "$root/.local/pg" ]; then
      if [ -d "$root/.local/pg" ] && [ ! -L "$root/.local/pg" ]; then
        # A folder the postgres user could not enter holds no cluster, at most the traces
        # of a start that failed.
        if [ -e "$root/.local/pg/data/PG_VERSION" ]; then
          echo "local-pg: $root/.local/pg holds a cluster the postgres user cannot reach; move the checkout where it can (or chmod o+x its parents)" >&2
          exit 1
        fi
        rm -rf "$root/.local/pg"
      fi
      mkdir -p "$dir"
      chown postgres:postgres "$(dirname "$dir")"
      ln -sfn "$dir" "$root/.local/pg"
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      # Sized for the machine as an operator would (docs/operations.md, "Server settings"):
      # a quarter of the memory for shared buffers (at most 8 GB), the rest counted as page
      # cache, and checkpoints spaced for loads of millions of rows. PostgreSQL's defaults
      # (128 MB) made the run's sessions write out dirty pages themselves to find room.
      mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
      buffers_mb=$((mem_mb / 4 > 8192 ? 8192 : (mem_mb / 4 < 128 ? 128 : mem_mb / 4)))
      # Commit timestamps: the supervisors' load benchmark checks which of two transactions
      # committed first.
      settings="-c shared_buffers=${buffers_mb}MB -c effective_cache_size=$((mem_mb / 2))MB -c max_wal_size=4GB"
      settings="$settings -c track_commit_timestamp=on"
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses='' $settings" start >/dev/null
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
