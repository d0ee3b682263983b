#pragma once
// The effective configuration as plain structs. Loaded and validated by loader.h;
// nothing here reads YAML.
#include "config/dated_parameter.h"
#include "config/value_kinds.h"
#include "rules/dates.h"

#include <map>
#include <string>
#include <vector>

namespace supervision::config {

// The bases and sequences of the data contract (contract.md, registry.permit).
const std::vector<std::string>& known_bases();
const std::vector<std::string>& known_sequences();
const std::vector<std::string>& known_signal_types();
// rules.md §5: the types that speak of an event, whose period runs from the event's date to
// the as_of of the latest run where they held.
const std::vector<std::string>& signal_types_dated_by_run();

enum class ValidityRule { at_least, more_than };
enum class ScopeField { valid_from, decision_date };

struct CoverageLine {
    std::string id;
    rules::Day effective_from;
    std::vector<std::string> bases;
    std::string sequence;
    ValidityRule validity = ValidityRule::at_least;
    int validity_months = 0;
    ScopeField scope_field = ScopeField::decision_date;
    rules::Day scope_from;
};

struct SignalConfig {
    std::vector<std::string> bases;
    std::vector<std::string> sequences;  // empty: every sequence
    DatedParameter weight;
};

struct QueueConfig {
    std::vector<std::string> bases;
    DatedParameter daily_capacity;
    DatedParameter sla_days;
    // Escalation (rules.md §6): a review whose priority reaches the threshold gets a due date
    // of as_of + urgent_sla_days at the latest. Empty: no review of the queue is urgent.
    DatedParameter urgent_threshold;
    DatedParameter urgent_sla_days;
};

struct StudyTerm {
    std::string name;
    unsigned start_month = 1, start_day = 1, end_month = 12, end_day = 31;
};

struct Campaign {
    std::string id;
    rules::Day active_from;
    rules::Day active_until;
    std::vector<std::string> bases;
    std::vector<std::string> sequences;
    std::optional<rules::Day> decided_from;
    std::optional<rules::Day> decided_until;
    std::vector<std::string> with_open_signal;  // empty: no condition
};

// The forecast's planning settings (docs/reports.md#forecast), dated like the parameters;
// the value for a forecast month or year is the one in force on its first day. Without
// the `forecast:` section the forecast has no staffing figure and raises no alarm.
struct ForecastConfig {
    DatedParameter decided_reviews_per_person_year;  // officials needed = reviews / this
    DatedParameter alarm_stock_growth_pct;           // a year-end stock growing more than this over the last
    DatedParameter alarm_reviews_over_capacity_pct;  // new reviews above this share of a queue's capacity
};

struct Config {
    std::string source_path;
    std::string config_version;
    std::vector<CoverageLine> coverage_lines;
    std::map<std::string, DatedParameter> parameters;
    std::map<std::string, SignalConfig> signals;
    std::map<std::string, QueueConfig> queues;
    std::vector<StudyTerm> study_terms;
    std::vector<Campaign> campaigns;
    // Permits drawn for manual quality control per run day; empty: none.
    DatedParameter qc_sample_size;
    ForecastConfig forecast;

    // The parameter by name; throws ConfigError naming it when it is missing.
    const DatedParameter& parameter(const std::string& name) const;
};

// The names of known_parameters() (value_kinds.h): the run needs every one, and the
// loader refuses a configuration without one of them.
const std::vector<std::string>& required_parameters();

}  // namespace supervision::config
