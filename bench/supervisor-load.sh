#!/usr/bin/env bash
# The supervisors' update latency while nightly runs happen (docs/performance.md,
# "Supervisors during runs"). On one database of the private cluster:
#   1. generates SIZE permits of demo registers and runs the first night (it opens the
#      reviews the officials then work on);
#   2. starts officials: pgbench with bench/supervisor.pgbench, CLIENTS sessions logged in
#      as the supervisor role, each moving random reviews through their lifecycle;
#   3. after IDLE seconds without a run, runs nights back to back (full and incremental,
#      one and two workers), new signals for permits under review before each night, then
#      IDLE seconds without a run again;
#   4. prints the officials' update latency (median, p99, max) for the transactions that
#      overlapped a run and for the others, the runs' durations, and checks what must hold:
#      every run succeeded, no official's update failed, no signal is linked to a review
#      whose closing committed before the run that linked it.
# Usage: bench/supervisor-load.sh [SIZE]     (default 200000 permits)
#   CLIENTS=n (default 4), RATE=decisions a second of them all (default 5: the queue is
#   never emptied, so new signals keep joining reviews the officials are deciding),
#   IDLE=seconds (default 20), NIGHTS=n (default 6)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-200000}"
clients="${CLIENTS:-4}"
rate="${RATE:-5}"
idle="${IDLE:-20}"
nights="${NIGHTS:-6}"
bin="${BIN:-build/service/supervision}"  # BIN= another build of the binary
scripts/install-deps.sh bench  # pgbench (postgresql-contrib)
scripts/local-pg.sh start
eval "$(scripts/local-pg.sh env)"
export PGDATABASE=supervision_load
psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = 'supervision_load'" | grep -q 1 \
  || createdb supervision_load
[ "$(psql -Atc "SHOW track_commit_timestamp")" = on ] \
  || { echo "the private cluster runs without track_commit_timestamp: scripts/local-pg.sh stop, then again" >&2; exit 1; }
out="bench/out/supervisors-$size"
mkdir -p "$out"
rm -f "$out"/pgbench.*

$bin migrate 2>/dev/null
psql -qc "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'load_officer') THEN
    CREATE ROLE load_officer LOGIN IN ROLE supervision_supervisor; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'load_batch') THEN
    CREATE ROLE load_batch LOGIN IN ROLE supervision_batch; END IF; END \$\$"
psql -qc "TRUNCATE supervision.run, supervision.supervised_permit, supervision.signal, supervision.revocation_review,
          supervision.review_backlog, supervision.rejected_row_current, supervision.rejected_row_history,
          supervision.config_snapshot, supervision.person_recheck, supervision.evaluated_permit,
          supervision.registry_change, supervision.review_audit, supervision.qc_sample"
first="2026-11-02"
$bin demo load --replace --permits "$size" --seed 42 --as-of "$first" 2>"$out/load.log"
psql -qc "VACUUM ANALYZE" >/dev/null
batch="host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=load_batch"
$bin run --db "$batch" --as-of "$first" >/dev/null 2>"$out/night-0.log"

# New signals for permits under review, dated the night (as the load test does).
new_signals() {
  psql -qc "INSERT INTO registry.employment_notice (notice_id, person_id, employer_id, employment_ended_on, received_at)
            SELECT 'LOAD-N-' || r.permit_id || '-$1', p.person_id, 'E-load', '$1', now()
            FROM supervision.revocation_review r JOIN registry.permit p USING (permit_id)
            WHERE r.status IN ('open', 'hearing') AND p.basis IN ('specialist', 'eu_blue_card', 'employed', 'other_work')
            ORDER BY md5(r.permit_id || '$1') LIMIT 100"
}

# The officials work for the whole measurement: two idle spells and the nights between,
# whose length is estimated from the first night (generously: a night that outlasts the
# officials is reported below).
first_seconds=$(psql -Atc "SELECT ceil(extract(epoch FROM finished_at - started_at)) FROM supervision.run")
duration=$((2 * idle + nights * (first_seconds + 5) * 3 / 2))
pgbench -n -c "$clients" -j 2 -T "$duration" -R "$rate" -f bench/supervisor.pgbench -l --log-prefix="$out/pgbench" \
  "host=$PGHOST port=$PGPORT dbname=$PGDATABASE user=load_officer" >"$out/pgbench.out" 2>&1 &
officials=$!
sleep "$idle"
options=("--full" "" "--workers 2 --full" "--workers 2" "--full" "")
for ((i = 1; i <= nights; i++)); do
  day=$(date -d "$first + $i day" +%F)
  new_signals "$day"
  # shellcheck disable=SC2086
  $bin run --db "$batch" --as-of "$day" ${options[$(((i - 1) % 6))]} >/dev/null 2>"$out/night-$i.log" \
    || echo "night $day failed: see $out/night-$i.log" >&2
done
echo "nights done; officials go on until their time is up" >&2
wait "$officials" || true

psql -Atc "SELECT run_id, as_of, status, round(extract(epoch FROM finished_at - started_at)::numeric, 2),
                  evaluation->>'mode', extract(epoch FROM started_at), extract(epoch FROM finished_at)
           FROM supervision.run ORDER BY run_id" -F ' ' >"$out/runs.txt"
violations=$(psql -Atc "SELECT count(*) FROM supervision.signal s
  JOIN supervision.run r ON r.run_id = s.linked_run
  JOIN supervision.review_audit a ON a.review_id = s.review_id AND a.operation = 'UPDATE'
   AND a.new_values->>'status' = 'closed'
  WHERE pg_xact_commit_timestamp(xid(a.transaction_id)) < pg_xact_commit_timestamp(xid(r.transaction_id))")
linked=$(psql -Atc "SELECT count(*) FROM supervision.signal s JOIN supervision.revocation_review r USING (review_id)
                    WHERE s.linked_run <> r.opened_run")
python3 - "$out" "$size" "$violations" "$linked" <<'EOF'
import glob, statistics, sys
out, size, violations, linked = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
runs = []
for line in open(f"{out}/runs.txt"):
    run_id, as_of, status, seconds, mode, start, end = line.split()
    runs.append((int(run_id), as_of, status, float(seconds), mode, float(start), float(end)))
windows = [(r[5], r[6]) for r in runs if r[0] > runs[0][0]]
during, outside = [], []
for log in glob.glob(f"{out}/pgbench.[0-9]*"):
    for line in open(log):
        fields = line.split()
        # With --rate the time counts from the scheduled start: its lag (field 7) is
        # pgbench's own waiting, not the database's.
        latency = int(fields[2]) - (int(fields[6]) if len(fields) > 6 else 0)
        end = int(fields[4]) + int(fields[5]) / 1e6
        start = end - latency / 1e6
        (during if any(start < b and end > a for a, b in windows) else outside).append(latency / 1000)
def figures(ms):
    if not ms:
        return "none"
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"{len(ms)} updates, median {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms"
print(f"size {size} permits")
for r in runs:
    print(f"  run {r[0]} {r[1]} {r[4] or '-'}: {r[2]}, {r[3]:.2f} s")
print(f"officials during runs:  {figures(during)}")
print(f"officials outside runs: {figures(outside)}")
failed = [r for r in runs if r[2] != "succeeded"]
report = open(f"{out}/pgbench.out").read()
ok = "number of failed transactions: 0 " in report
print(f"runs failed: {len(failed)}; officials' failed updates: {'0' if ok else 'some (see pgbench.out)'}; "
      f"signals linked to a review closed before the link: {violations}; new signals linked to reviews "
      f"already open: {linked}")
last_end = max(w[1] for w in windows)
print("the officials worked through every night" if during and max(
    int(l.split()[4]) for f in glob.glob(f"{out}/pgbench.[0-9]*") for l in open(f)) >= last_end
      else "note: the officials stopped before the last night ended")
sys.exit(0 if ok and not failed and violations == 0 else 1)
EOF
