#pragma once
// The stages of the nightly run, in pipeline order. Each borrows a transaction, never
// opens its own, and adds what it did to the counts it is given.
//
// The evaluation stages find what the run would do, for the persons of ctx.shard, into
// the session's temporary tables only; they may run in the run's transaction or, with
// --workers N, in N shard sessions at once (run/shards.h). The writing stages then make
// it so in the run's transaction, from those tables, and count what they did.
#include "run/run_context.h"

#include <pqxx/pqxx>

#include <initializer_list>

namespace supervision::run {

// Registers' completeness and staleness (rules.md §7).
void check_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

// --- evaluation (per shard) ---
// Validation of every register (rules.md §8): pg_temp.rejected_now.
void validate_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// Supervision that ends, and permits to enrol (rules.md §3): pg_temp.end_now, enrol_now.
void find_ends(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
void find_enrolments(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The evaluated permits and their monthly figures (rules.md §4).
void prepare_evaluation(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The conditions of every signal type that hold (rules.md §5): pg_temp.signal_now.
void find_signals(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// Per evaluated person, the next day a result can change by date alone: pg_temp.recheck_now,
// and with it the evaluated permits as the run will hold them: pg_temp.evaluated_now.
void find_recheck_days(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

// The register changes the evaluation's snapshot sees, which save_evaluation_state deletes.
void note_changes_seen(pqxx::transaction_base& tx);

// --- writing (the run's transaction) ---
// The rejected-rows list (rules.md §8).
void record_rejections(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// End of supervision, then enrolment (rules.md §3).
void end_supervision(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
void enrol_permits(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The permits evaluated after this run's ends and enrolments (supervision.evaluated_permit),
// which the stages after read.
void record_evaluated(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The signal lifecycle: raise, extend, resolve (rules.md §5); an incremental run first
// carries the conditions of the persons it did not evaluate over (docs/incremental.md).
void update_signals(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// Scores, review candidates, the capacity-limited opening and the backlog (rules.md §6).
void score_and_queue(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The case system's events of the run (supervision.event), and their notification.
void write_events(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The day's quality-control sample of permits with no signal (issue 4, docs/reports.md).
void draw_qc_sample(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The recheck days of the persons evaluated, and the register changes taken into account
// (docs/incremental.md).
void save_evaluation_state(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// After a full run has rewritten these tables, their planner statistics, for the stages
// after it and the next run (migration 0007); nothing after an incremental run.
void refresh_table_statistics(pqxx::transaction_base& tx, const RunContext& ctx,
                              std::initializer_list<const char*> tables);
// The last of them (migration 0006).
void refresh_statistics(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

}  // namespace supervision::run
