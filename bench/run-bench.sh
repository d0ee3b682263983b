#!/usr/bin/env bash
# The nightly-run benchmark (docs/performance.md). On one database, in one go:
#   1. generates SIZE permits of demo registers (sql/demo/generate.sql, seeded);
#   2. the scan floor: PostgreSQL reading every registry table the run reads, once,
#      with COPY (SELECT …) TO '/dev/null' (server side; needs a superuser);
#   3. a full nightly run on fresh data (first run);
#   4. a steady-state run the next day after about 1 % of the inputs changed: the
#      registers of 1 % of the persons (their incomes corrected, an emigration each);
#      between the two, the day's autovacuum of the run's tables (day_between);
#   5. another the day after, with 1 % of the income records changed at random instead
#      (scattered over about a fifth of the persons);
#   6. prints the figures: seconds, ratios full/floor and steady/full, peak RSS of the
#      service (/usr/bin/time -v), permits evaluated per second.
#   7. after the repeats, the median of each figure.
# Usage: bench/run-bench.sh [SIZE] [REPEATS]    (default 1000000 permits, 3 repeats; 0: load only)
#   WORKERS=n        the runs' --workers (default: the number of cores)
#   BENCH_REUSE=1    keep the registers of an earlier run of the same size (no load)
# Uses the private cluster of scripts/local-pg.sh and a database supervision_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-1000000}"
repeats="${2:-3}"
workers="${WORKERS:-$(nproc)}"
as_of="2026-11-02"
next="2026-11-03"
after="2026-11-04"
bin=build/service/supervision
scripts/install-deps.sh bench
scripts/local-pg.sh start
eval "$(scripts/local-pg.sh env)"
export PGDATABASE=supervision_bench
psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'supervision_bench'" | grep -q 1 \
  || createdb supervision_bench
out="bench/out/$size"
mkdir -p "$out"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
now() { date +%s.%N; }

$bin migrate 2>/dev/null
t0=$(now)
if [ "${BENCH_REUSE:-0}" = 1 ] && [ "$(psql -Atc "SELECT count(*) FROM registry.permit")" = "$size" ]; then
  load=0  # BENCH_REUSE=1: the registers of an earlier run of this size are used again
else
  $bin demo load --replace --permits "$size" --seed 42 --as-of "$as_of" 2>"$out/load.log"
  load=$(python3 -c "print($(now) - $t0)")
  psql -qc "VACUUM ANALYZE" >/dev/null
fi

# Before each repeat: the server writes out what the load or the last repeat left dirty,
# so that a checkpoint's writing does not fall into the next measurement.
settle() {
  psql -qc "CHECKPOINT" >/dev/null
}

floor() {
  local t
  t=$(now)
  for table in permit income_record population_event company_status study_record benefit_payment \
               employment_notice source_status; do
    psql -qc "COPY (SELECT * FROM registry.$table) TO '/dev/null'" >/dev/null
  done
  python3 -c "print($(now) - $t)"
}

# Between two nights, a day: autovacuum goes over the tables the last run wrote (sets their
# rows' hint bits and visibility), as it would in the hours between; without it the next
# night's first readers do that work, which no night after a real day does. The registers'
# changes for the next night come after it, as a register load just before the night.
day_between() {
  psql -q <<'SQL' >/dev/null
SELECT format('VACUUM %I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = 'supervision' \gexec
SQL
}

reset_outputs() {
  psql -qc "TRUNCATE supervision.run, supervision.supervised_permit, supervision.signal,
            supervision.revocation_review, supervision.review_backlog, supervision.rejected_row_current,
            supervision.rejected_row_history, supervision.config_snapshot, supervision.qc_sample,
            supervision.review_audit, supervision.person_recheck, supervision.evaluated_permit,
            supervision.registry_change" >/dev/null
}

timed_run() {  # prints "seconds max_rss_kib"
  local day="$1" log="$2"
  /usr/bin/time -v "$bin" run --workers "$workers" --as-of "$day" >"$log.json" 2>"$log.err"
  python3 - "$log.err" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
print(f"{secs:.2f} {rss}")
PY
}

change_persons() {
  # About 1 % of the inputs change between the two nights, as register loads change them:
  # by person. The incomes of 1 % of the persons corrected (1 % of the income records), and
  # an emigration for each of them.
  psql -qc "UPDATE registry.income_record SET gross_amount = gross_amount * 0.5
            WHERE abs(hashtext(person_id || '-bench')) % 100 = 0" >/dev/null
  psql -qc "INSERT INTO registry.population_event (event_id, person_id, event_type, event_date, received_at)
            SELECT 'BENCH-' || person_id, person_id, 'emigrated', date '$next' - 1, now()
            FROM (SELECT DISTINCT person_id FROM registry.permit WHERE abs(hashtext(person_id || '-bench')) % 100 = 0) p
            ON CONFLICT DO NOTHING" >/dev/null
}

change_scattered() {
  # 1 % of the income records, drawn one by one: the persons touched are many more.
  psql -qc "UPDATE registry.income_record SET gross_amount = gross_amount * 0.5
            WHERE abs(hashtext(record_id)) % 100 = 0" >/dev/null
}

undo_changes() {
  psql -qc "UPDATE registry.income_record SET gross_amount = gross_amount * 2
            WHERE abs(hashtext(person_id || '-bench')) % 100 = 0" >/dev/null
  psql -qc "UPDATE registry.income_record SET gross_amount = gross_amount * 2
            WHERE abs(hashtext(record_id)) % 100 = 0" >/dev/null
  psql -qc "DELETE FROM registry.population_event WHERE event_id LIKE 'BENCH-%'" >/dev/null
}

echo "size=$size workers=$workers load_seconds=$(seconds "$load")"
results="$out/results.txt"
: >"$results"
for i in $(seq 1 "$repeats"); do
  settle
  f=$(floor)
  reset_outputs
  read -r full rss_full < <(timed_run "$as_of" "$out/full-$i")
  day_between
  change_persons
  read -r steady rss_steady < <(timed_run "$next" "$out/steady-$i")
  day_between
  change_scattered
  read -r scattered rss_scattered < <(timed_run "$after" "$out/scattered-$i")
  undo_changes
  python3 - "$size" "$i" "$f" "$full" "$steady" "$scattered" "$rss_full" "$rss_steady" "$rss_scattered" "$out" <<'PY'
import json, sys
size, i, floor, full, steady, scattered, rss_full, rss_steady, rss_scattered, out = sys.argv[1:]
floor, full, steady, scattered = float(floor), float(full), float(steady), float(scattered)
counts = {k: json.load(open(f"{out}/{k}-{i}.json"))["counts"] for k in ("full", "steady", "scattered")}
evaluated = counts["full"]["evaluated"]
persons = lambda k: counts[k]["evaluation"]["persons"] or "all"
print(f"size={size} repeat={i} scan_floor_s={floor:.2f} full_run_s={full:.2f} steady_run_s={steady:.2f} "
      f"full/floor={full / floor:.2f} steady/full={steady / full:.2f} "
      f"steady_scattered_s={scattered:.2f} scattered/full={scattered / full:.2f} "
      f"peak_rss_mib={max(int(rss_full), int(rss_steady), int(rss_scattered)) / 1024:.1f} "
      f"evaluated={evaluated} permits_per_s={evaluated / full:.0f} "
      f"steady_persons={persons('steady')} scattered_persons={persons('scattered')}")
PY
done | tee "$results"

[ -s "$results" ] || exit 0  # REPEATS=0: the load alone
python3 - "$results" <<'PY'
import statistics, sys
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in open(sys.argv[1]) if line.strip()]
keys = [k for k in rows[0] if k not in ("size", "repeat", "evaluated", "steady_persons", "scattered_persons")]
print("median of %d: size=%s " % (len(rows), rows[0]["size"])
      + " ".join(f"{k}={statistics.median(float(r[k]) for r in rows):.2f}" for k in keys))
PY
