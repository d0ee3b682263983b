#pragma once
// The registers, as the run names them: the lists the SQL receives (pg_temp.vocabulary,
// run/session_setup.cpp) rather than keeping copies of its own.

namespace supervision::run {

// The person registers validated by a statement of their own, sql/run/10_validate/<register>.sql,
// in the order of the data contract. An incremental run lists, per register, the persons
// whose rows of it changed (run/scope.cpp), and validates only those (run/mode.h). The
// Incomes Register is not among them: it is validated where it is read, for every person of
// the run (sql/run/13_prepare/income_read.sql).
inline constexpr const char* kPersonRegisters[] = {"permit", "population_event", "study_record", "benefit_payment",
                                                   "employment_notice"};

// The registry tables whose changes the triggers of migration 0007 capture.
inline constexpr const char* kCapturedRegisters[] = {"permit",           "income_record", "population_event",
                                                     "company_status",   "study_record",  "benefit_payment",
                                                     "employment_notice"};

// The sources of registry.source_status: one row per register, its completeness.
inline constexpr const char* kSources[] = {"incomes", "population", "companies", "studies", "benefits", "notices"};

}  // namespace supervision::run
