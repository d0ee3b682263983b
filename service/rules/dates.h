#pragma once
// The date rules of rules.md §1. Dates are calendar days (date::sys_days); all rules
// are inclusive at both ends unless the name says otherwise.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace supervision::rules {

using Day = date::sys_days;

// The same day of the month n months later; clamped to that month's last day.
Day add_months(Day d, int n);

Day last_day_of_month(date::year_month ym);
Day first_day_of_month(date::year_month ym);
date::year_month month_of(Day d);

// valid_from ≤ d ≤ valid_until.
bool within(Day d, Day valid_from, Day valid_until);

// "valid for at least n months": valid_until + 1 day ≥ add_months(valid_from, n).
bool valid_at_least_months(Day valid_from, Day valid_until, int n);
// "valid for more than n months": valid_until + 1 day > add_months(valid_from, n).
bool valid_more_than_months(Day valid_from, Day valid_until, int n);

// A month is complete when the register is complete through its last day and that
// last day is before as_of.
bool month_complete(date::year_month m, std::optional<Day> complete_through, Day as_of);

// Strict YYYY-MM-DD; nullopt for anything else (including 2023-02-29).
std::optional<Day> parse_iso_date(std::string_view text);
std::string to_iso(Day d);

// Today's calendar date in Europe/Helsinki, the default as_of of a run.
Day today_in_helsinki();

}  // namespace supervision::rules
