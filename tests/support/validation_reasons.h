#pragma once
// The reasons the validation SQL can give (rules.md §8), read out of the statements: every
// `THEN '<reason>' END` of sql/run/10_validate/<register>.sql and, for the Incomes Register,
// sql/run/13_prepare/income_read.sql, as "<register>: <reason>".
#include <set>
#include <string>

namespace supervision::test {

std::set<std::string> validation_reasons();

}  // namespace supervision::test
