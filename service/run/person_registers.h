#pragma once

// The person registers validated by a statement of their own, run/10_validate/<register>.sql,
// in the order of the data contract. An incremental run lists, per register, the persons
// whose rows of it changed (run/scope.cpp), and validates only those (validate_stage.cpp).
// The Incomes Register is not among them: it is validated where it is read, for every
// person of the run (13_prepare/income_read.sql).

namespace supervision::run {

inline constexpr const char* kPersonRegisters[] = {"permit", "population_event", "study_record", "benefit_payment",
                                                   "employment_notice"};

}  // namespace supervision::run
