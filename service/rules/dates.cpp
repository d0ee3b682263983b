#include "rules/dates.h"

#include <date/tz.h>

#include <chrono>
#include <cstdio>

namespace supervision::rules {

Day add_months(Day d, int n) {
    const date::year_month_day ymd{d};
    const auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{n};
    const auto last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}};
    const auto day = ymd.day() <= last.day() ? ymd.day() : last.day();
    return Day{date::year_month_day{ym.year(), ym.month(), day}};
}

Day last_day_of_month(date::year_month ym) {
    return Day{date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}};
}

Day first_day_of_month(date::year_month ym) {
    return Day{ym.year() / ym.month() / date::day{1}};
}

date::year_month month_of(Day d) {
    const date::year_month_day ymd{d};
    return {ymd.year(), ymd.month()};
}

bool within(Day d, Day valid_from, Day valid_until) {
    return valid_from <= d && d <= valid_until;
}

bool valid_at_least_months(Day valid_from, Day valid_until, int n) {
    return valid_until + date::days{1} >= add_months(valid_from, n);
}

bool valid_more_than_months(Day valid_from, Day valid_until, int n) {
    return valid_until + date::days{1} > add_months(valid_from, n);
}

bool month_complete(date::year_month m, std::optional<Day> complete_through, Day as_of) {
    const Day last = last_day_of_month(m);
    return complete_through.has_value() && *complete_through >= last && last < as_of;
}

std::optional<Day> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const date::year_month_day ymd{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                   date::day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

std::string to_iso(Day d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

Day today_in_helsinki() {
    const auto zoned = date::make_zoned("Europe/Helsinki", std::chrono::system_clock::now());
    // local_days and sys_days count the same epoch days; only the clock tag differs.
    return Day{date::floor<date::days>(zoned.get_local_time()).time_since_epoch()};
}

}  // namespace supervision::rules
