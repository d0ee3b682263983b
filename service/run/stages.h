#pragma once
// The stages of the nightly run (run/pipeline.h declares their order). Each borrows a
// transaction, never opens its own, adds what it did to the counts it is given and returns
// the rows it found or wrote. The mode (ctx.mode, run/mode.h) supplies whatever differs
// between a full and an incremental run.
//
// The evaluation stages find what the run would do, for the persons of ctx.shard, into
// the session's temporary tables only; they may run in the run's transaction or, with
// --workers N, in N shard sessions at once (run/shards.h). The writing stages then make
// it so in the run's transaction, from those tables, and count what they did.
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

// --- setup (the run's session) ---
// The configuration into the session's tables (run/session_setup.h).
long long load_configuration(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// Registers' completeness and staleness (rules.md §7).
long long check_registers(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// Full or incremental, and why (run/scope.h): sets ctx.mode and ctx.evaluation_state.
long long choose_mode(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

// --- evaluation (per shard) ---
// Validation of every register (rules.md §8): pg_temp.rejected_now.
long long validate_registers(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// Supervision that ends, and permits to enrol (rules.md §3): pg_temp.end_now, enrol_now.
long long find_ends(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
long long find_enrolments(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The evaluated permits and their monthly figures (rules.md §4).
long long prepare_evaluation(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// Per evaluated person, the next day a result can change by date alone: pg_temp.recheck_now,
// and with it the evaluated permits as the run will hold them: pg_temp.evaluated_now.
long long find_recheck_days(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The conditions of every signal type that hold (rules.md §5): pg_temp.signal_now.
long long find_signals(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

// --- writing (the run's transaction) ---
// The rejected-rows list (rules.md §8).
long long record_rejections(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// End of supervision, then enrolment (rules.md §3).
long long end_supervision(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
long long enrol_permits(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The permits evaluated after this run's ends and enrolments (supervision.evaluated_permit),
// which the stages after read.
long long record_evaluated(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The signal lifecycle: raise, extend, resolve (rules.md §5); an incremental run first
// carries the conditions of the persons it did not evaluate over (docs/incremental.md).
long long update_signals(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// Scores, review candidates, the capacity-limited opening and the backlog (rules.md §6).
long long score_and_queue(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The case system's events of the run (supervision.event), and their notification.
long long write_events(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The queues' SLA and flow after this run, as `report queue` gives them (queues/flow.h).
long long count_queue_flow(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The day's quality-control sample of permits with no signal (docs/reports.md).
long long draw_qc_sample(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// The recheck days of the persons evaluated, and the register changes taken into account
// (docs/incremental.md).
long long save_evaluation_state(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);
// After a run that rewrote these tables, their planner statistics, for the stages after it
// and the next run; nothing after an incremental run.
void refresh_table_statistics(pqxx::transaction_base& tx, const RunContext& ctx,
                              std::initializer_list<const char*> tables);
// The last of them.
long long refresh_planner_statistics(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts);

}  // namespace supervision::run
