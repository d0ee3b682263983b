#pragma once
// The stages of the nightly run, in pipeline order. Each borrows the run's transaction,
// never opens its own, and adds what it did to the run's counts.
#include "run/run_context.h"

#include <pqxx/pqxx>

namespace supervision::run {

// Registers' completeness and staleness (rules.md §7).
void check_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

// Validation of every register (rules.md §8) and the rejected-rows list.
void validate_registers(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

// End of supervision, then enrolment (rules.md §3).
void end_supervision(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
void enrol_permits(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

// The evaluated permits and their monthly figures (rules.md §4).
void prepare_evaluation(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// Every signal type and the signal lifecycle (rules.md §5).
void evaluate_signals(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// Scores, review candidates, the capacity-limited opening and the backlog (rules.md §6).
void score_and_queue(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);
// The day's quality-control sample of permits with no signal (issue 4, docs/reports.md).
void draw_qc_sample(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts);

}  // namespace supervision::run
