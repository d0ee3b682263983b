#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for one fault test, so that stopping and starting the
# server disturbs no other test running in parallel (ctest -j). Reachable only by its
# Unix socket in DIR (port 5432 there). fsync is off (the machine does not crash here)
# but synchronous_commit stays on: an immediate stop must not lose committed runs.
#   private-pg.sh init DIR       create DIR (must not exist or be empty) and a cluster in DIR/data
#   private-pg.sh start DIR      start it and wait until it accepts connections
#   private-pg.sh stop DIR [immediate|fast]   stop it (default immediate: like a crash)
#   private-pg.sh destroy DIR    stop it if running and remove DIR
#   private-pg.sh start-tls DIR PORT   start it on 127.0.0.1:PORT too, TLS only there: a
#                                self-signed certificate for localhost (DIR/server.crt, the
#                                client's sslrootcert) and pg_hba rejecting TCP without TLS
# As root the cluster runs as the 'postgres' system user (PostgreSQL refuses root).
set -euo pipefail
bin="/usr/lib/postgresql/15/bin"
cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 init|start|stop|destroy DIR [MODE]" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  init)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    ;;
  start)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p 5432 -k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=40" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  start-tls)
    port="${3:?port}"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1
    chmod 600 "$dir/server.key"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/server.key" "$dir/server.crt"
    { echo "hostnossl all all 0.0.0.0/0 reject"; cat "$dir/data/pg_hba.conf"; } > "$dir/pg_hba.new"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg_hba.new"
    mv "$dir/pg_hba.new" "$dir/data/pg_hba.conf"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key -c fsync=off -c max_connections=40" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m "${3:-immediate}" -w stop >/dev/null
    ;;
  destroy)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 init|start|stop|destroy DIR [MODE]" >&2; exit 2 ;;
esac
