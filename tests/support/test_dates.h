#pragma once
// Calendar helpers for building register rows month by month in tests.
#include "rules/dates.h"

#include <string>

namespace supervision::test {

inline std::string ymd(int y, int m, int d) {
    return rules::to_iso(
        rules::Day{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)}});
}

inline int days_in_month(int y, int m) {
    const auto last = rules::last_day_of_month(date::year{y} / date::month{static_cast<unsigned>(m)});
    return static_cast<int>(static_cast<unsigned>(date::year_month_day{last}.day()));
}

}  // namespace supervision::test
