#!/usr/bin/env bash
# Creates docker/secrets/ for compose.yaml (once; never committed): a random password
# for the local PostgreSQL and the libpq service file that names the database for the
# migrate and run services. Rerunning keeps existing secrets.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/secrets"
[ -f "$dir/db_password" ] && [ -f "$dir/pg_service.conf" ] && exit 0
umask 077
mkdir -p "$dir"
password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
printf '%s' "$password" > "$dir/db_password"
cat > "$dir/pg_service.conf" <<EOT
[supervision]
host=postgres
port=5432
dbname=supervision
user=supervision
password=$password
sslmode=disable
EOT
# The folder stays private to you; the files must be readable inside the containers,
# where they are bind-mounted as they are.
chmod 755 "$dir" && chmod 644 "$dir/db_password" "$dir/pg_service.conf" && chmod 700 "$dir"
echo "secrets written to $dir" >&2
