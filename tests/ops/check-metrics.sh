#!/usr/bin/env bash
# ctest ops_metrics_promtool: the metrics file of a demo run (demo registers, then
# `supervision run --metrics-file`) passes `promtool check metrics` (Prometheus' own
# parser and linter); a failed run (exit 6) rewrites it with status 0, its exit code and
# the earlier success's time; a dry run leaves it alone; an unwritable one is logged and
# does not fail the run; no temporary file stays behind. The forecast's metrics file
# (`report statistics --metrics-file`) passes promtool too, with and without a forecast.
# A fresh database of the throwaway server (libpq environment), dropped at the end.
#   check-metrics.sh BINARY SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
scratch="$(mktemp -d /tmp/supervision-metrics.XXXXXX)"
db="supervision_metrics_$$"
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "ops_metrics_promtool: $*" >&2; exit 1; }
metrics="$scratch/supervision.prom"
sv() { "$bin" --db "dbname=$db" --config "$src/config/supervision.yaml" "$@"; }
value() { awk -v m="$1" '$1 == m {print $2}' "$metrics"; }
check() {
  promtool check metrics <"$metrics" || { cat "$metrics"; fail "promtool check metrics: $1"; }
  echo "promtool check metrics ($1): ok, $(grep -c '^[a-z]' "$metrics") samples"
}

createdb "$db"
sv migrate 2>/dev/null
sv demo load --replace --permits 2000 --seed 11 --as-of 2025-11-04 2>/dev/null
sv run --as-of 2025-11-04 --metrics-file "$metrics" >/dev/null 2>"$scratch/run.log" || { cat "$scratch/run.log"; fail "run"; }
check "succeeded run"
[ "$(value supervision_run_status)" = 1 ] || fail "status of a succeeded run"
[ "$(value supervision_run_as_of_timestamp_seconds)" = "$(date -u -d 2025-11-04 +%s)" ] || fail "as_of timestamp"
[ "$(value supervision_supervised_permits)" -gt 0 ] || fail "no supervised permits"
for family in supervision_run_stage_duration_seconds supervision_signals_raised supervision_signals_open \
              supervision_reviews_opened supervision_review_backlog supervision_rejected_rows \
              supervision_register_complete_through_timestamp_seconds supervision_register_stale \
              supervision_queue_reviews_open supervision_queue_reviews_overdue; do
  grep -q "^# TYPE $family gauge$" "$metrics" || fail "no $family"
done
grep -q '^supervision_run_stage_duration_seconds{stage="signals"} ' "$metrics" || fail "no signals stage duration"
last_success="$(value supervision_last_success_timestamp_seconds)"
[ -n "$last_success" ] || fail "no last success"

cp "$metrics" "$scratch/before"
sv run --as-of 2025-11-05 --dry-run --metrics-file "$metrics" >/dev/null 2>"$scratch/dry.log" || { cat "$scratch/dry.log"; fail "dry run"; }
cmp -s "$metrics" "$scratch/before" || fail "a dry run changed the metrics file"

set +e
sv run --as-of 2025-11-01 --metrics-file "$metrics" >/dev/null 2>"$scratch/fail.log"
code=$?
set -e
[ "$code" -eq 6 ] || { cat "$scratch/fail.log"; fail "a run before the last one exited $code, not 6"; }
check "failed run"
[ "$(value supervision_run_status)" = 0 ] || fail "status of a failed run"
[ "$(value supervision_run_exit_code)" = 6 ] || fail "exit code of a failed run"
[ "$(value supervision_last_success_timestamp_seconds)" = "$last_success" ] || fail "the last success was lost"

# No database: exit 4, in the file too (the exit code is the one cli::main returns).
set +e
"$bin" --db "dbname=${db}_absent" --config "$src/config/supervision.yaml" run --as-of 2025-11-05 \
  --metrics-file "$metrics" >/dev/null 2>"$scratch/nodb.log"
code=$?
set -e
[ "$code" -eq 4 ] || { cat "$scratch/nodb.log"; fail "a run without its database exited $code, not 4"; }
check "run without a database"
[ "$(value supervision_run_exit_code)" = 4 ] || fail "exit code 4 not in the metrics file"
[ "$(value supervision_last_success_timestamp_seconds)" = "$last_success" ] || fail "the last success was lost"

# A metrics file that cannot be written is logged and leaves the run's exit code alone;
# --log-format json writes one object per line.
sv --log-format json run --as-of 2025-11-04 --metrics-file "$scratch/missing/supervision.prom" \
  >/dev/null 2>"$scratch/nodir.log" || { cat "$scratch/nodir.log"; fail "an unwritable metrics file failed the run"; }
grep -q '"level":"error".*the metrics file [^ ]*: cannot be written' "$scratch/nodir.log" || { cat "$scratch/nodir.log"; fail "no error logged"; }
if grep -qv '^{"time":"[0-9T:.-]*Z","level":"[a-z]*","logger":"supervision","message":".*"}$' "$scratch/nodir.log"; then
  cat "$scratch/nodir.log"; fail "a log line that is not one JSON object"
fi

# The forecast's metrics, from the runs above, then of a database without a run.
forecast="$scratch/supervision-forecast.prom"
sv report statistics --metrics-file "$forecast" >/dev/null 2>"$scratch/report.log" || { cat "$scratch/report.log"; fail "report statistics --metrics-file"; }
promtool check metrics <"$forecast" || { cat "$forecast"; fail "promtool check metrics: the forecast"; }
grep -q '^supervision_forecast_available 1$' "$forecast" || fail "no forecast available"
[ "$(grep -c '^supervision_forecast_supervised_permits{year="20[0-9][0-9]"} ' "$forecast")" -eq 4 ] || fail "not four years"
grep -q '^supervision_forecast_alarms [0-9]*$' "$forecast" || fail "no alarm count"
echo "promtool check metrics (forecast): ok, $(grep -c '^[a-z]' "$forecast") samples"
createdb "${db}_empty"
"$bin" --db "dbname=${db}_empty" migrate 2>/dev/null
"$bin" --db "dbname=${db}_empty" --config "$src/config/supervision.yaml" report statistics \
  --metrics-file "$forecast" >/dev/null 2>"$scratch/empty.log" || { dropdb "${db}_empty"; cat "$scratch/empty.log"; fail "forecast without a run"; }
dropdb "${db}_empty"
promtool check metrics <"$forecast" || { cat "$forecast"; fail "promtool check metrics: no forecast"; }
grep -q '^supervision_forecast_available 0$' "$forecast" || fail "a forecast without a run"

leftovers="$(find "$scratch" -name '.supervision.prom.*' -o -name 'supervision.prom.tmp.*' -o -name '.supervision-forecast.prom.*')"
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "ops_metrics_promtool: ok"
