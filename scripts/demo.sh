#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds the service, starts a private
# PostgreSQL 15 in .local/pg, migrates and loads demo registers, then plays supervision's
# past: the nightly job once a week from the day the first coverage line came into force
# (2023-09-28) up to today (Europe/Helsinki), the last night being today's, with the
# supervisors holding hearings and deciding reviews between the nights. It writes the
# reports of a living system and prints a summary and where to look next.
#   DEMO_PERMITS=20000 DEMO_SEED=42 DEMO_AS_OF=YYYY-MM-DD DEMO_FROM=2023-09-28 DEMO_EVERY_DAYS=7 scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/install-deps.sh demo
# The demo needs the service only, without the tests (and their packages). A build folder
# already configured keeps its build type (scripts/build.sh's RelWithDebInfo); a fresh one
# is configured without optimisation, which compiles in half the time: the nights' work is
# the database's, and they take as long (measured in docs/demo-data.md).
build_dir="${BUILD_DIR:-build}"
if [ -f "$build_dir/CMakeCache.txt" ] && [ -z "${BUILD_TYPE:-}" ]; then
  cmake -S . -B "$build_dir" -DSUPERVISION_BUILD_TESTS=OFF >/dev/null
else
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-None}" -DSUPERVISION_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build_dir" --target supervision -j"$(nproc)" >/dev/null
built=$(date +%s)
scripts/local-pg.sh start
eval "$(scripts/local-pg.sh env)"
psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'supervision'" | grep -q 1 \
  || createdb supervision
bin="$build_dir/service/supervision"
as_of="${DEMO_AS_OF:-$(TZ=Europe/Helsinki date +%F)}"
from="${DEMO_FROM:-2023-09-28}"
every="${DEMO_EVERY_DAYS:-7}"
seed="${DEMO_SEED:-42}"
$bin migrate
# The demo starts over each time: fresh registers and a fresh supervision history.
psql -qc "TRUNCATE supervision.run, supervision.supervised_permit, supervision.signal,
          supervision.revocation_review, supervision.review_audit, supervision.review_backlog,
          supervision.rejected_row_current, supervision.rejected_row_history, supervision.config_snapshot,
          supervision.person_recheck, supervision.evaluated_permit, supervision.registry_change,
          supervision.qc_sample, supervision.event, supervision.signal_explanation" >/dev/null
$bin demo load --replace --permits "${DEMO_PERMITS:-20000}" --seed "$seed" --as-of "$as_of"
mkdir -p .local/out
# The default configuration plus one thematic campaign for this year, so that the demo
# shows every signal type; the shipped configuration has no campaign.
year="${as_of:0:4}"
sed "s/^campaigns: \[\]$/campaigns:\n  - {id: demo-growth-$year, active_from: $year-01-01, active_until: $year-12-31, bases: [growth_entrepreneur], decided_from: $((year - 1))-01-01}/" \
  config/supervision.yaml > .local/out/demo-config.yaml
grep -q "demo-growth-$year" .local/out/demo-config.yaml

# The nights: every $every days from $from, then today's. Full evaluations every four weeks
# (and whenever a register's month completes): the runs in between evaluate only the
# persons whose registers changed or whose day came, with the same outcome
# (docs/incremental.md), which keeps the whole past within a few minutes.
nights=()
day="$from"
while [[ "$day" < "$as_of" ]]; do
  nights+=("$day")
  day=$(date -d "$day + $every days" +%F)
done
nights+=("$as_of")
echo "playing ${#nights[@]} nights from $from to $as_of, every $every days, supervisors in between" >&2
for i in "${!nights[@]}"; do
  night="${nights[$i]}"
  # The past nights quietly (their warnings repeat the same rejected rows); tonight's as usual.
  level=error
  (( i + 1 < ${#nights[@]} )) || level=info
  $bin --log-level "$level" run --config .local/out/demo-config.yaml --as-of "$night" --full-every-days 28 \
    > .local/out/run.json
  if (( i + 1 < ${#nights[@]} )); then
    before_next=$(date -d "${nights[$((i + 1))]} - 1 day" +%F)
    $bin --log-level warn demo supervise --until "$before_next" --seed "$seed"
  fi
  if (( (i + 1) % 26 == 0 )); then echo "  … $night" >&2; fi
done
played=$(date +%s)

# The reports of the year and of the last one, as the ministry and the statistics product read them.
bin_report() { $bin --log-level warn report "$@"; }
bin_report coverage --year "$year" --format html --out ".local/out/coverage-$year.html"
bin_report coverage --year "$((year - 1))" --format html --out ".local/out/coverage-$((year - 1)).html"
bin_report coverage --year "$year" --view stock --out ".local/out/coverage-$year-stock.json"
bin_report statistics --format html --out .local/out/statistics.html --metrics-file .local/out/forecast.prom
bin_report statistics --out .local/out/statistics.json
scripts/demo-summary.sh
finished=$(date +%s)
echo "demo took $((finished - started)) s: build $((built - started)) s, registers and ${#nights[@]} nights" \
     "$((played - built)) s, reports $((finished - played)) s"
