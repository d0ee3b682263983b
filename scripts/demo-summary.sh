#!/usr/bin/env bash
# Prints what the last demo run did, from the database (libpq environment).
set -euo pipefail
cd "$(dirname "$0")/.."
echo
echo "== Last run"
psql -P pager=off -c "SELECT run_id, as_of, status, finished_at - started_at AS took,
       counts->'enrolled' AS enrolled, counts->'ended' AS ended, counts->'evaluated' AS supervised,
       counts->'rejected_rows' AS rejected_rows, counts->'stale_registers' AS stale
  FROM supervision.run ORDER BY run_id DESC LIMIT 1"
echo "== Permits under supervision, per coverage line"
psql -P pager=off -c "SELECT line_id AS line, count(*) FILTER (WHERE ended_on IS NULL) AS supervised,
       count(*) FILTER (WHERE ended_on IS NOT NULL) AS ended, count(*) AS enrolled
  FROM supervision.supervised_permit GROUP BY line_id ORDER BY line_id"
echo "== Rejected register rows, per register and reason"
psql -P pager=off -c "SELECT source, reason, count(*) AS rows FROM supervision.rejected_row
  GROUP BY source, reason ORDER BY source, rows DESC"
cat <<EOT
Where to look next:
  the run's counts (JSON):     .local/out/run.json
  the database:                eval "\$(scripts/local-pg.sh env)"; psql
  tables:                      supervision.run, supervision.supervised_permit, supervision.rejected_row
  another day:                 build/service/supervision run --as-of YYYY-MM-DD   (after eval above)
  stop the private server:     scripts/local-pg.sh stop
EOT
