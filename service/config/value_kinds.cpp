#include "config/value_kinds.h"

#include <cmath>

namespace supervision::config {

namespace {

bool whole_between(double v, double lo, double hi) {
    return v >= lo && v <= hi && std::floor(v) == v;
}

}  // namespace

std::string describe(ValueKind kind) {
    switch (kind) {
        case ValueKind::day_count:
            return "a whole number of days from 0 to 3650";
        case ValueKind::capacity:
            return "a whole number from 0 to 100000";
        case ValueKind::month_count:
            return "a whole number of months from 0 to 120";
        case ValueKind::month_window:
            return "a whole number of months from 1 to 120";
        case ValueKind::weight:
            return "a finite number ≥ 0";
        case ValueKind::amount:
            return "a finite amount in euros ≥ 0";
        case ValueKind::hours:
            return "a finite number of hours ≥ 0";
        case ValueKind::productivity:
            return "a whole number from 1 to 100000";
        case ValueKind::percent:
            return "a finite percentage from 0 to 100000";
    }
    return "a number";
}

bool allows(ValueKind kind, double v) {
    switch (kind) {
        case ValueKind::day_count:
            return whole_between(v, 0, 3650);
        case ValueKind::capacity:
            return whole_between(v, 0, 100000);
        case ValueKind::month_count:
            return whole_between(v, 0, 120);
        case ValueKind::month_window:
            return whole_between(v, 1, 120);
        case ValueKind::productivity:
            return whole_between(v, 1, 100000);
        case ValueKind::percent:
            return std::isfinite(v) && v >= 0 && v <= 100000;
        case ValueKind::weight:
        case ValueKind::amount:
        case ValueKind::hours:
            return std::isfinite(v) && v >= 0;
    }
    return false;
}

// The kinds follow how the rules read each value (rules.md §4-§7): the windows are counted
// back over at most 120 evaluation months, grace months may be 0 (extended permits), and
// the day counts are added to dates.
const std::vector<ParameterSpec>& known_parameters() {
    static const std::vector<ParameterSpec> v{
        {"grace_months", ValueKind::month_count},
        {"monthly_income_requirement", ValueKind::amount},
        {"income_window_months", ValueKind::month_window},
        {"unemployment_months", ValueKind::month_window},
        {"unemployment_months_long", ValueKind::month_window},
        {"long_work_history_days", ValueKind::day_count},
        {"student_yearly_work_hours", ValueKind::hours},
        {"social_assistance_months", ValueKind::month_window},
        {"review_threshold", ValueKind::weight},
        {"cooldown_days", ValueKind::day_count},
        {"max_staleness_days", ValueKind::day_count},
    };
    return v;
}

const ParameterSpec* find_parameter(const std::string& name) {
    for (const auto& p : known_parameters()) {
        if (p.name == name) return &p;
    }
    return nullptr;
}

}  // namespace supervision::config
