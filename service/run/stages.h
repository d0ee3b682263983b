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

}  // namespace supervision::run
