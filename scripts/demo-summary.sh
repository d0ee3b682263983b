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
echo "== The nights run"
psql -P pager=off -c "SELECT count(*) AS nights, min(as_of) AS first, max(as_of) AS last,
       sum((counts->>'enrolled')::int) AS enrolled, sum((counts->>'ended')::int) AS ended,
       sum((counts->>'reviews_opened')::int) AS reviews_opened
  FROM supervision.run WHERE status = 'succeeded'"
echo "== Permits under supervision, per coverage line"
psql -P pager=off -c "SELECT line_id AS line, count(*) FILTER (WHERE ended_on IS NULL) AS supervised,
       count(*) FILTER (WHERE ended_on IS NOT NULL) AS ended, count(*) AS enrolled
  FROM supervision.supervised_permit GROUP BY line_id ORDER BY line_id"
echo "== Supervision signals, per type"
psql -P pager=off -c "SELECT signal_type, count(*) FILTER (WHERE status = 'open') AS open,
       count(*) FILTER (WHERE status = 'resolved') AS resolved, count(review_id) AS in_a_review
  FROM supervision.signal GROUP BY signal_type ORDER BY signal_type"
echo "== Revocation reviews and backlog, per queue"
psql -P pager=off -c "SELECT q.queue, coalesce(r.open, 0) AS open_reviews, coalesce(r.opened_today, 0) AS opened_today,
       coalesce(b.backlog, 0) AS backlog
  FROM (SELECT queue FROM supervision.revocation_review UNION SELECT queue FROM supervision.review_backlog) q
  LEFT JOIN (SELECT queue, count(*) FILTER (WHERE status IN ('open', 'hearing')) AS open,
                    count(*) FILTER (WHERE opened_on = (SELECT max(as_of) FROM supervision.run
                                                        WHERE status = 'succeeded')) AS opened_today
             FROM supervision.revocation_review GROUP BY queue) r USING (queue)
  LEFT JOIN (SELECT queue, count(*) AS backlog FROM supervision.review_backlog GROUP BY queue) b USING (queue)
  ORDER BY q.queue"
echo "== Reviews as the supervisors left them, per queue (closed: revoked / no action)"
psql -P pager=off -c "SELECT queue, count(*) AS reviews, count(*) FILTER (WHERE status = 'open') AS open,
       count(*) FILTER (WHERE status = 'hearing') AS hearing,
       count(*) FILTER (WHERE outcome = 'revoked') AS revoked, count(*) FILTER (WHERE outcome = 'no_action') AS no_action,
       round(100.0 * count(*) FILTER (WHERE outcome = 'revoked') / nullif(count(*) FILTER (WHERE status = 'closed'), 0), 1)
           AS revoked_pct
  FROM supervision.revocation_review GROUP BY queue ORDER BY queue"
bin="${BUILD_DIR:-build}/service/supervision"
year="$(psql -Atc "SELECT extract(year FROM max(as_of))::int FROM supervision.run WHERE status = 'succeeded'")"
if [ -n "$year" ]; then
  echo "== Coverage $year (indicator 5): eligible, covered, uncovered, %, the decisions and the stock in force"
  for view in decisions stock; do
    printf '%-10s %s\n' "$view" "$($bin --log-level warn report coverage --year "$year" --view "$view" --format csv \
      | grep '^total,' | cut -d, -f3-6 | tr ',' ' ')"
  done
  echo "== Forecast: year-end supervised stock, new reviews called for, officials needed"
  $bin --log-level warn report statistics --format csv --table forecast-years \
    | grep -E ',(supervised|review_demand|officials_needed),total,|supervised_growth_pct' | tr -d '\r' | tr ',' '\t'
  echo "== Forecast alarms"
  $bin --log-level warn report statistics --format csv --table alarms | tr -d '\r' | tr ',' '\t'
fi
echo "== Top of each work queue"
psql -P pager=off -c "SELECT queue, review_id, permit_id, priority, due_on, signals FROM (
    SELECT w.*, row_number() OVER (PARTITION BY w.queue ORDER BY w.priority DESC, w.due_on, w.review_id) AS n,
           (SELECT string_agg(s.signal_type, ', ' ORDER BY s.signal_type) FROM supervision.signal s
            WHERE s.review_id = w.review_id) AS signals
    FROM supervision.work_queue w) t
  WHERE n <= 3 ORDER BY queue, n"
echo "== Rejected register rows, per register and reason"
psql -P pager=off -c "SELECT source, reason, count(*) AS rows FROM supervision.rejected_row
  GROUP BY source, reason ORDER BY source, rows DESC"
cat <<EOT
Where to look next:
  the last run's counts:       .local/out/run.json
  coverage, both views (HTML): .local/out/coverage-YYYY.html (this year and the last)
  statistics and forecast:     .local/out/statistics.html, statistics.json; metrics .local/out/forecast.prom
  the database:                eval "\$(scripts/local-pg.sh env)"; psql
  tables:                      supervision.run, supervised_permit, signal, revocation_review,
                               review_backlog, rejected_row; the view supervision.work_queue
  another day:                 build/service/supervision run --as-of YYYY-MM-DD   (after eval above)
  coverage report:             build/service/supervision report coverage --year YYYY --format html --out FILE
  statistics (published):      build/service/supervision report statistics --format csv --publish
  stop the private server:     scripts/local-pg.sh stop
EOT
