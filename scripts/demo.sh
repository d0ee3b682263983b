#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds, starts a private
# PostgreSQL 15 in .local/pg, migrates, loads demo registers and runs the nightly job
# for today (Europe/Helsinki), then prints a summary and where to look next.
#   DEMO_PERMITS=20000 DEMO_SEED=42 DEMO_AS_OF=YYYY-MM-DD scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh demo
SUPERVISION_BUILD_TESTS=OFF scripts/build.sh supervision >/dev/null
scripts/local-pg.sh start
eval "$(scripts/local-pg.sh env)"
psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'supervision'" | grep -q 1 \
  || createdb supervision
bin=build/service/supervision
as_of="${DEMO_AS_OF:-$(TZ=Europe/Helsinki date +%F)}"
$bin migrate
# The demo starts over each time: fresh registers and a fresh supervision history.
psql -qc "TRUNCATE supervision.run, supervision.supervised_permit, supervision.signal,
          supervision.revocation_review, supervision.review_backlog, supervision.rejected_row_current,
          supervision.rejected_row_history, supervision.config_snapshot, supervision.person_recheck,
          supervision.evaluated_permit, supervision.registry_change" >/dev/null
$bin demo load --replace --permits "${DEMO_PERMITS:-20000}" --seed "${DEMO_SEED:-42}" --as-of "$as_of"
mkdir -p .local/out
# The default configuration plus one thematic campaign for this year, so that the demo
# shows every signal type; the shipped configuration has no campaign.
year="${as_of:0:4}"
sed "s/^campaigns: \[\]$/campaigns:\n  - {id: demo-growth-$year, active_from: $year-01-01, active_until: $year-12-31, bases: [growth_entrepreneur], decided_from: $((year - 1))-01-01}/" \
  config/supervision.yaml > .local/out/demo-config.yaml
grep -q "demo-growth-$year" .local/out/demo-config.yaml
$bin run --config .local/out/demo-config.yaml --as-of "$as_of" > .local/out/run.json
scripts/demo-summary.sh
