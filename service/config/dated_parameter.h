#pragma once
// A date-effective parameter (rules.md §2): a list of (in force from, value) pairs,
// optionally keyed by basis and sequence. The value for a day is the one with the
// latest start on or before that day; on the same start, a keyed entry beats a
// wildcard one.
#include "rules/dates.h"

#include <optional>
#include <string>
#include <vector>

namespace supervision::config {

inline constexpr const char* kAny = "*";

struct DatedValue {
    std::string basis = kAny;     // a basis, or "*" for every basis
    std::string sequence = kAny;  // first / extended, or "*"
    rules::Day from;
    double value = 0;
};

class DatedParameter {
public:
    DatedParameter() = default;
    DatedParameter(std::string name, std::vector<DatedValue> values);

    const std::string& name() const { return name_; }
    const std::vector<DatedValue>& values() const { return values_; }

    // nullopt when no entry applies to that day, basis and sequence.
    std::optional<double> value_on(rules::Day day, const std::string& basis = kAny,
                                   const std::string& sequence = kAny) const;
    // The entry that value_on used, for evidence ("3 638 € in force from 2024-01-01").
    const DatedValue* entry_on(rules::Day day, const std::string& basis = kAny,
                               const std::string& sequence = kAny) const;

private:
    std::string name_;
    std::vector<DatedValue> values_;
};

}  // namespace supervision::config
