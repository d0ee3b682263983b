// rules.md §1: the date rules (add_months, validity lengths, completeness, ISO dates).
#include "rules/dates.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace {

using supervision::rules::add_months;
using supervision::rules::Day;
using supervision::rules::first_day_of_month;
using supervision::rules::last_day_of_month;
using supervision::rules::month_complete;
using supervision::rules::month_of;
using supervision::rules::parse_iso_date;
using supervision::rules::to_iso;
using supervision::rules::today_in_helsinki;
using supervision::rules::valid_at_least_months;
using supervision::rules::valid_more_than_months;
using supervision::rules::within;

// A date written in the test; a typo in it fails the test instead of passing silently.
Day D(std::string_view text) {
    const auto d = parse_iso_date(text);
    if (!d) {
        ADD_FAILURE() << "not a valid test date: '" << text << "'";
        return Day{};
    }
    return *d;
}

// add_months as ISO text, so that a failure prints readable dates.
std::string plus_months(std::string_view from, int n) {
    return to_iso(add_months(D(from), n));
}

date::year_month ym(int y, unsigned m) {
    return date::year{y} / date::month{m};
}

// ---- add_months: the examples of rules.md §1 ----------------------------------------

TEST(AddMonths, ClampsAug31PlusSixToLastDayOfFebruary) {
    EXPECT_EQ(plus_months("2024-08-31", 6), "2025-02-28");
}

TEST(AddMonths, ClampsLeapDayPlusTwelveToFeb28) {
    EXPECT_EQ(plus_months("2024-02-29", 12), "2025-02-28");
}

// ---- add_months: more cases ---------------------------------------------------------

TEST(AddMonths, KeepsTheSameDayWhenTheTargetMonthHasIt) {
    EXPECT_EQ(plus_months("2024-03-15", 6), "2024-09-15");
    EXPECT_EQ(plus_months("2024-01-28", 1), "2024-02-28");
}

TEST(AddMonths, ZeroMonthsIsTheSameDay) {
    EXPECT_EQ(plus_months("2024-02-29", 0), "2024-02-29");
    EXPECT_EQ(plus_months("2025-12-31", 0), "2025-12-31");
}

TEST(AddMonths, Jan31PlusOneIsLastDayOfFebruaryInLeapYear) {
    EXPECT_EQ(plus_months("2024-01-31", 1), "2024-02-29");
}

TEST(AddMonths, Jan31PlusOneIsFeb28InCommonYear) {
    EXPECT_EQ(plus_months("2025-01-31", 1), "2025-02-28");
}

TEST(AddMonths, Jan30And29ClampInCommonFebruary) {
    EXPECT_EQ(plus_months("2025-01-30", 1), "2025-02-28");
    EXPECT_EQ(plus_months("2025-01-29", 1), "2025-02-28");
    EXPECT_EQ(plus_months("2024-01-29", 1), "2024-02-29");
}

TEST(AddMonths, Day31ClampsToThirtyDayMonth) {
    EXPECT_EQ(plus_months("2024-03-31", 1), "2024-04-30");
    EXPECT_EQ(plus_months("2024-05-31", 4), "2024-09-30");
    EXPECT_EQ(plus_months("2024-10-31", 1), "2024-11-30");
}

TEST(AddMonths, Day30StaysIn31DayMonth) {
    EXPECT_EQ(plus_months("2024-04-30", 1), "2024-05-30");
}

TEST(AddMonths, Day31StaysIn31DayMonth) {
    EXPECT_EQ(plus_months("2024-07-31", 1), "2024-08-31");
    EXPECT_EQ(plus_months("2024-01-31", 2), "2024-03-31");
}

TEST(AddMonths, CrossesTheYearEnd) {
    EXPECT_EQ(plus_months("2024-12-31", 1), "2025-01-31");
    EXPECT_EQ(plus_months("2024-11-30", 2), "2025-01-30");
    EXPECT_EQ(plus_months("2024-12-15", 13), "2026-01-15");
}

TEST(AddMonths, LeapDayPlusFortyEightMonthsIsTheNextLeapDay) {
    EXPECT_EQ(plus_months("2024-02-29", 48), "2028-02-29");
}

TEST(AddMonths, LeapDayPlusTwelveMonthsToLeapYear2028) {
    EXPECT_EQ(plus_months("2027-02-28", 12), "2028-02-28");
    EXPECT_EQ(plus_months("2028-01-31", 1), "2028-02-29");
}

TEST(AddMonths, Year2100IsNotLeap) {
    EXPECT_EQ(plus_months("2100-01-31", 1), "2100-02-28");
    EXPECT_EQ(plus_months("2096-02-29", 48), "2100-02-28");
}

TEST(AddMonths, Year2000IsLeap) {
    EXPECT_EQ(plus_months("2000-01-31", 1), "2000-02-29");
}

TEST(AddMonths, NegativeMonthsGoBack) {
    EXPECT_EQ(plus_months("2024-09-15", -6), "2024-03-15");
    EXPECT_EQ(plus_months("2025-01-15", -1), "2024-12-15");
}

TEST(AddMonths, NegativeMonthsClampToShorterMonth) {
    EXPECT_EQ(plus_months("2024-03-31", -1), "2024-02-29");
    EXPECT_EQ(plus_months("2025-03-31", -1), "2025-02-28");
    EXPECT_EQ(plus_months("2024-05-31", -1), "2024-04-30");
    EXPECT_EQ(plus_months("2025-02-28", -12), "2024-02-28");
}

TEST(AddMonths, NegativeMonthsCrossTheYearStart) {
    EXPECT_EQ(plus_months("2025-01-31", -1), "2024-12-31");
    EXPECT_EQ(plus_months("2025-02-28", -14), "2023-12-28");
}

// ---- validity lengths: the examples of rules.md §1 ------------------------------------

TEST(ValidityLength, Mar15ToSep14IsAtLeastSixMonths) {
    EXPECT_TRUE(valid_at_least_months(D("2024-03-15"), D("2024-09-14"), 6));
}

TEST(ValidityLength, Mar15ToSep14IsNotMoreThanSixMonths) {
    EXPECT_FALSE(valid_more_than_months(D("2024-03-15"), D("2024-09-14"), 6));
}

TEST(ValidityLength, Mar15ToSep13IsLessThanSixMonths) {
    EXPECT_FALSE(valid_at_least_months(D("2024-03-15"), D("2024-09-13"), 6));
    EXPECT_FALSE(valid_more_than_months(D("2024-03-15"), D("2024-09-13"), 6));
}

TEST(ValidityLength, Mar15ToSep15IsMoreThanSixMonths) {
    EXPECT_TRUE(valid_more_than_months(D("2024-03-15"), D("2024-09-15"), 6));
}

TEST(ValidityLength, Aug31ToFeb27IsAtLeastSixMonths) {
    EXPECT_TRUE(valid_at_least_months(D("2024-08-31"), D("2025-02-27"), 6));
}

TEST(ValidityLength, Aug31ToFeb26IsLessThanSixMonths) {
    EXPECT_FALSE(valid_at_least_months(D("2024-08-31"), D("2025-02-26"), 6));
}

TEST(ValidityLength, LeapDayToFeb27IsNotMoreThanTwelveMonths) {
    EXPECT_FALSE(valid_more_than_months(D("2024-02-29"), D("2025-02-27"), 12));
    EXPECT_TRUE(valid_at_least_months(D("2024-02-29"), D("2025-02-27"), 12));
}

TEST(ValidityLength, LeapDayToFeb28IsMoreThanTwelveMonths) {
    EXPECT_TRUE(valid_more_than_months(D("2024-02-29"), D("2025-02-28"), 12));
}

TEST(ValidityLength, Feb28ToNextLeapYearFeb28IsMoreThanTwelveMonths) {
    EXPECT_TRUE(valid_more_than_months(D("2023-02-28"), D("2024-02-28"), 12));
}

TEST(ValidityLength, Feb28ToFeb27IsExactlyTwelveMonthsNotMore) {
    EXPECT_TRUE(valid_at_least_months(D("2023-02-28"), D("2024-02-27"), 12));
    EXPECT_FALSE(valid_more_than_months(D("2023-02-28"), D("2024-02-27"), 12));
}

TEST(ValidityLength, OneDayPermitIsNotAMonth) {
    EXPECT_FALSE(valid_at_least_months(D("2024-01-01"), D("2024-01-01"), 1));
    EXPECT_TRUE(valid_at_least_months(D("2024-01-01"), D("2024-01-31"), 1));
}

// ---- within: both ends inclusive ------------------------------------------------------

TEST(Within, IncludesTheFirstDay) {
    EXPECT_TRUE(within(D("2024-03-15"), D("2024-03-15"), D("2024-09-14")));
}

TEST(Within, IncludesTheLastDay) {
    EXPECT_TRUE(within(D("2024-09-14"), D("2024-03-15"), D("2024-09-14")));
}

TEST(Within, IncludesADayInside) {
    EXPECT_TRUE(within(D("2024-06-01"), D("2024-03-15"), D("2024-09-14")));
}

TEST(Within, ExcludesTheDayBeforeTheFirst) {
    EXPECT_FALSE(within(D("2024-03-14"), D("2024-03-15"), D("2024-09-14")));
}

TEST(Within, ExcludesTheDayAfterTheLast) {
    EXPECT_FALSE(within(D("2024-09-15"), D("2024-03-15"), D("2024-09-14")));
}

TEST(Within, OneDayValidityContainsOnlyThatDay) {
    EXPECT_TRUE(within(D("2024-02-29"), D("2024-02-29"), D("2024-02-29")));
    EXPECT_FALSE(within(D("2024-03-01"), D("2024-02-29"), D("2024-02-29")));
}

// ---- month_complete: complete_through ≥ last day AND last day < as_of ----------------

TEST(MonthComplete, CompleteThroughLastDayAndAsOfNextDayIsComplete) {
    EXPECT_TRUE(month_complete(ym(2024, 5), D("2024-05-31"), D("2024-06-01")));
}

TEST(MonthComplete, CompleteThroughAfterLastDayIsComplete) {
    EXPECT_TRUE(month_complete(ym(2024, 5), D("2024-06-15"), D("2024-07-01")));
}

TEST(MonthComplete, CompleteThroughDayBeforeLastDayIsNotComplete) {
    EXPECT_FALSE(month_complete(ym(2024, 5), D("2024-05-30"), D("2024-06-10")));
}

TEST(MonthComplete, AsOfOnTheLastDayIsNotComplete) {
    EXPECT_FALSE(month_complete(ym(2024, 5), D("2024-05-31"), D("2024-05-31")));
}

TEST(MonthComplete, AsOfInsideTheMonthIsNotComplete) {
    EXPECT_FALSE(month_complete(ym(2024, 5), D("2024-06-30"), D("2024-05-15")));
}

TEST(MonthComplete, NoCompleteThroughIsNeverComplete) {
    EXPECT_FALSE(month_complete(ym(2024, 5), std::nullopt, D("2025-01-01")));
}

TEST(MonthComplete, LeapFebruaryNeedsTheTwentyNinth) {
    EXPECT_FALSE(month_complete(ym(2024, 2), D("2024-02-28"), D("2024-03-01")));
    EXPECT_TRUE(month_complete(ym(2024, 2), D("2024-02-29"), D("2024-03-01")));
}

TEST(MonthComplete, CommonFebruaryEndsOnTheTwentyEighth) {
    EXPECT_TRUE(month_complete(ym(2025, 2), D("2025-02-28"), D("2025-03-01")));
}

TEST(MonthComplete, DecemberCompletesAcrossTheYearEnd) {
    EXPECT_TRUE(month_complete(ym(2024, 12), D("2024-12-31"), D("2025-01-01")));
    EXPECT_FALSE(month_complete(ym(2024, 12), D("2024-12-31"), D("2024-12-31")));
}

// ---- parse_iso_date / to_iso -----------------------------------------------------------

TEST(ParseIsoDate, AcceptsAValidDate) {
    const auto d = parse_iso_date("2024-03-15");
    ASSERT_TRUE(d.has_value());
    const date::year_month_day ymd{*d};
    EXPECT_EQ(static_cast<int>(ymd.year()), 2024);
    EXPECT_EQ(static_cast<unsigned>(ymd.month()), 3u);
    EXPECT_EQ(static_cast<unsigned>(ymd.day()), 15u);
}

TEST(ParseIsoDate, AcceptsLeapDays) {
    EXPECT_TRUE(parse_iso_date("2024-02-29").has_value());
    EXPECT_TRUE(parse_iso_date("2028-02-29").has_value());
    EXPECT_TRUE(parse_iso_date("2000-02-29").has_value());
}

TEST(ParseIsoDate, RefusesFeb29InCommonYear) {
    EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
}

TEST(ParseIsoDate, RefusesFeb29In2100) {
    EXPECT_FALSE(parse_iso_date("2100-02-29").has_value());
}

TEST(ParseIsoDate, RefusesMonth13) {
    EXPECT_FALSE(parse_iso_date("2024-13-01").has_value());
}

TEST(ParseIsoDate, RefusesMonthZeroAndDayZero) {
    EXPECT_FALSE(parse_iso_date("2024-00-10").has_value());
    EXPECT_FALSE(parse_iso_date("2024-01-00").has_value());
}

TEST(ParseIsoDate, RefusesDayBeyondTheMonth) {
    EXPECT_FALSE(parse_iso_date("2024-04-31").has_value());
    EXPECT_FALSE(parse_iso_date("2024-02-30").has_value());
    EXPECT_FALSE(parse_iso_date("2024-01-32").has_value());
}

TEST(ParseIsoDate, RefusesUnpaddedMonth) {
    EXPECT_FALSE(parse_iso_date("2024-1-01").has_value());
}

TEST(ParseIsoDate, RefusesUnpaddedDay) {
    EXPECT_FALSE(parse_iso_date("2024-01-1").has_value());
}

TEST(ParseIsoDate, RefusesTrailingCharacters) {
    EXPECT_FALSE(parse_iso_date("2024-01-01x").has_value());
    EXPECT_FALSE(parse_iso_date("2024-01-01 ").has_value());
    EXPECT_FALSE(parse_iso_date("2024-01-01T00:00").has_value());
}

TEST(ParseIsoDate, RefusesLeadingCharacters) {
    EXPECT_FALSE(parse_iso_date(" 2024-01-01").has_value());
}

TEST(ParseIsoDate, RefusesEmpty) {
    EXPECT_FALSE(parse_iso_date("").has_value());
}

TEST(ParseIsoDate, RefusesOtherSeparatorsAndSigns) {
    EXPECT_FALSE(parse_iso_date("2024/01/01").has_value());
    EXPECT_FALSE(parse_iso_date("20240101").has_value());
    EXPECT_FALSE(parse_iso_date("2024-+1-01").has_value());
    EXPECT_FALSE(parse_iso_date("2024--1-01").has_value());
}

TEST(ToIso, RoundTripsParsedDates) {
    for (const char* text : {"2024-02-29", "2028-02-29", "2025-01-01", "2024-12-31", "2100-02-28", "1999-09-09"}) {
        EXPECT_EQ(to_iso(D(text)), text);
    }
}

TEST(ToIso, PadsMonthAndDay) {
    EXPECT_EQ(to_iso(Day{date::year{2025} / 1 / 5}), "2025-01-05");
}

// ---- first / last day of month -------------------------------------------------------

TEST(LastDayOfMonth, LeapFebruaryHas29Days) {
    EXPECT_EQ(to_iso(last_day_of_month(ym(2024, 2))), "2024-02-29");
}

TEST(LastDayOfMonth, CommonFebruaryHas28Days) {
    EXPECT_EQ(to_iso(last_day_of_month(ym(2025, 2))), "2025-02-28");
}

TEST(LastDayOfMonth, February2100Has28Days) {
    EXPECT_EQ(to_iso(last_day_of_month(ym(2100, 2))), "2100-02-28");
}

TEST(LastDayOfMonth, February2000Has29Days) {
    EXPECT_EQ(to_iso(last_day_of_month(ym(2000, 2))), "2000-02-29");
}

TEST(LastDayOfMonth, ThirtyDayMonths) {
    for (unsigned m : {4u, 6u, 9u, 11u}) {
        EXPECT_EQ(static_cast<unsigned>(date::year_month_day{last_day_of_month(ym(2024, m))}.day()), 30u) << m;
    }
}

TEST(LastDayOfMonth, ThirtyOneDayMonths) {
    for (unsigned m : {1u, 3u, 5u, 7u, 8u, 10u, 12u}) {
        EXPECT_EQ(static_cast<unsigned>(date::year_month_day{last_day_of_month(ym(2024, m))}.day()), 31u) << m;
    }
}

TEST(LastDayOfMonth, DecemberEndsTheYear) {
    EXPECT_EQ(to_iso(last_day_of_month(ym(2024, 12))), "2024-12-31");
}

TEST(FirstDayOfMonth, IsTheFirst) {
    EXPECT_EQ(to_iso(first_day_of_month(ym(2024, 2))), "2024-02-01");
    EXPECT_EQ(to_iso(first_day_of_month(ym(2025, 1))), "2025-01-01");
    EXPECT_EQ(to_iso(first_day_of_month(ym(2024, 12))), "2024-12-01");
}

TEST(FirstDayOfMonth, FollowsThePreviousMonthsLastDay) {
    EXPECT_EQ(to_iso(first_day_of_month(ym(2024, 3))), to_iso(last_day_of_month(ym(2024, 2)) + date::days{1}));
    EXPECT_EQ(to_iso(first_day_of_month(ym(2025, 1))), to_iso(last_day_of_month(ym(2024, 12)) + date::days{1}));
}

TEST(MonthOf, IsTheCalendarMonthOfTheDay) {
    EXPECT_EQ(month_of(D("2024-02-29")), ym(2024, 2));
    EXPECT_EQ(month_of(D("2024-12-31")), ym(2024, 12));
    EXPECT_EQ(month_of(D("2025-01-01")), ym(2025, 1));
}

// ---- today in Europe/Helsinki ----------------------------------------------------------

TEST(TodayInHelsinki, IsTheUtcDateOrTheNextDay) {
    // Helsinki is UTC+2 or UTC+3: its calendar date is today's UTC date or, late in the
    // UTC evening, the next day.
    const Day utc_before = date::floor<date::days>(std::chrono::system_clock::now());
    const Day helsinki = today_in_helsinki();
    const Day utc_after = date::floor<date::days>(std::chrono::system_clock::now());
    EXPECT_LE(utc_before, helsinki) << to_iso(helsinki);
    EXPECT_LE(helsinki, utc_after + date::days{1}) << to_iso(helsinki);
}

}  // namespace
