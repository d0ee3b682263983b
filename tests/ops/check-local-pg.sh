#!/usr/bin/env bash
# The demo's private cluster (scripts/local-pg.sh) from a checkout in a private folder, as a
# clone in root's home is: it starts, answers, keeps its data over a restart and stops. As
# root the postgres user cannot enter such a folder, so the cluster must live in the
# postgres user's home with .local/pg linking to it, also after a start that failed there.
#   check-local-pg.sh SOURCE_DIR
set -euo pipefail
src="$1"
work="$(mktemp -d)"
chmod 700 "$work"
checkout="$work/checkout"
mkdir -p "$checkout/scripts"
cp "$src/scripts/local-pg.sh" "$checkout/scripts/"
export SUPERVISION_PG_PORT=$((20000 + RANDOM % 20000))
pg() { "$checkout/scripts/local-pg.sh" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

cluster=""
cleanup() {
  pg stop || true
  [ -n "$cluster" ] && [ "$cluster" != "$checkout/.local/pg" ] && rm -rf "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$(id -u)" -eq 0 ]; then
  # What a start that failed inside the unreachable folder leaves: an empty folder that
  # postgres owns, which the next start replaces with the link.
  mkdir -p "$checkout/.local/pg"
  chown postgres:postgres "$checkout/.local/pg"
fi
pg start
cluster="$(readlink -f "$checkout/.local/pg")"
[ -f "$cluster/data/PG_VERSION" ] || fail "no cluster in $cluster"
if [ "$(id -u)" -eq 0 ]; then
  [ -L "$checkout/.local/pg" ] || fail ".local/pg is not a link to a folder the postgres user can reach"
  home="$(getent passwd postgres | cut -d: -f6)"
  case "$cluster" in "$home"/*) ;; *) fail "the cluster is in $cluster, not under $home" ;; esac
else
  [ "$cluster" = "$checkout/.local/pg" ] || fail "the cluster moved to $cluster"
fi

eval "$(pg env)"
[ "$PGHOST" = "$cluster" ] || fail "env names $PGHOST, the cluster is in $cluster"
psql -d postgres -Atqc "CREATE DATABASE supervision" >/dev/null
pg start  # already running: nothing to do
pg stop
pg start
[ "$(psql -Atqc 'SELECT current_database()')" = supervision ] || fail "the database did not survive a restart"
echo "local-pg: cluster in $cluster started, answered, restarted and stopped"
