#pragma once
// Every dated value the configuration holds, by what it means: the one table that says
// which names `parameters:` may hold and what each value may be. A value outside its
// meaning (a fractional capacity, a negative threshold, a day count of a million years) is
// refused when the file loads, so that `config check` refuses what a run would fail on or
// use in silence.
#include <string>
#include <vector>

namespace supervision::config {

enum class ValueKind {
    day_count,     // whole days, 0 to 3 650 (ten years)
    capacity,      // whole permits or reviews a day, 0 to 100 000
    month_count,   // whole months, 0 to 120 (a grace period may be none)
    month_window,  // whole months, 1 to 120: a window the rules average or count over
    weight,        // a signal's weight or the review threshold: finite, 0 or more
    amount,        // euros: finite, 0 or more
    hours,         // hours of work: finite, 0 or more
    productivity,  // decided reviews per person-year: whole, 1 to 100 000 (a divisor)
    percent,       // an alarm threshold in percent: finite, 0 to 100 000
};

// What a value of the kind may be, as a refusal names it ("a whole number of days from
// 0 to 3650").
std::string describe(ValueKind kind);
// Whether `value` (already known finite) is one the kind allows.
bool allows(ValueKind kind, double value);

struct ParameterSpec {
    std::string name;
    ValueKind kind;
};

// The parameters under `parameters:`, each with its kind. Every one is required; a name
// not listed here is refused (a misspelt name must not leave the real one at a default).
const std::vector<ParameterSpec>& known_parameters();
// nullptr when `name` is not a known parameter.
const ParameterSpec* find_parameter(const std::string& name);

// The dated values outside `parameters:`.
inline constexpr ValueKind kSignalWeightKind = ValueKind::weight;      // signals.<type>.weight
inline constexpr ValueKind kDailyCapacityKind = ValueKind::capacity;   // queues.<name>.daily_capacity
inline constexpr ValueKind kSlaDaysKind = ValueKind::day_count;        // queues.<name>.sla_days
inline constexpr ValueKind kUrgentThresholdKind = ValueKind::weight;   // queues.<name>.urgent_threshold
inline constexpr ValueKind kUrgentSlaDaysKind = ValueKind::day_count;  // queues.<name>.urgent_sla_days
inline constexpr ValueKind kQcSampleSizeKind = ValueKind::capacity;    // quality_control.sample_size
inline constexpr ValueKind kDecidedPerPersonYearKind =
    ValueKind::productivity;                                        // forecast.decided_reviews_per_person_year
inline constexpr ValueKind kAlarmPercentKind = ValueKind::percent;  // forecast.alarm_*_pct

}  // namespace supervision::config
