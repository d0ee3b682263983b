#pragma once
// Small-cell suppression of published exports (rules.md §9): a count from 1 to 4 is shown
// as "<5" (JSON: the string "<5"); 0 and counts from 5 stay. A share is blank (JSON: null)
// when one of the counts named as its `from` is suppressed: for the review share its
// numerator, as the rules say (with_review ≤ granted, so a suppressed granted leaves a
// numerator of 0 and a share of 0.0 that tells nothing); for the precision both revoked
// and no_action, since its denominator is their sum and the share would give a
// suppressed one back (docs/reports.md). Unpublished (internal) output keeps exact counts.
#include "reports/percent.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

namespace supervision::reports {

inline constexpr const char* kSuppressed = "<5";

bool is_small(long long count);

nlohmann::json count_json(long long count, bool publish);
std::string count_text(long long count, bool publish);

// `from` lists the counts the share is computed from.
nlohmann::json share_json(const std::optional<Percent>& share, std::initializer_list<long long> from, bool publish);
std::string share_text(const std::optional<Percent>& share, std::initializer_list<long long> from, bool publish);

// A modelled (forecast) figure, one decimal; published, a figure above 0 and below 5 is
// "<5" and the rest are whole numbers.
nlohmann::json estimate_json(double value, bool publish);
std::string estimate_text(double value, bool publish);

}  // namespace supervision::reports
