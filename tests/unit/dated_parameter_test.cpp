// rules.md §2: date-effective parameters, keyed by basis and sequence, and the
// defaults of config/supervision.yaml read through them (rules.md §5).
#include "config/dated_parameter.h"
#include "config/loader.h"
#include "rules/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using supervision::config::Config;
using supervision::config::DatedParameter;
using supervision::config::DatedValue;
using supervision::config::kAny;
using supervision::rules::Day;
using supervision::rules::parse_iso_date;

Day D(std::string_view text) {
    const auto d = parse_iso_date(text);
    if (!d) {
        ADD_FAILURE() << "not a valid test date: '" << text << "'";
        return Day{};
    }
    return *d;
}

DatedValue entry(const std::string& basis, const std::string& sequence, std::string_view from, double value) {
    return DatedValue{basis, sequence, D(from), value};
}

// One unkeyed parameter: 3 from 2024-01-01, 6 from 2025-06-11.
DatedParameter two_steps() {
    return DatedParameter("p", {entry(kAny, kAny, "2024-01-01", 3), entry(kAny, kAny, "2025-06-11", 6)});
}

const Config& default_config() {
    static const Config c =
        supervision::config::load_config(std::string(SUPERVISION_SOURCE_DIR) + "/config/supervision.yaml");
    return c;
}

std::optional<double> requirement(std::string_view day, const std::string& basis, const std::string& sequence) {
    return default_config().parameter("monthly_income_requirement").value_on(D(day), basis, sequence);
}

// ---- value_on: the latest start on or before the day -----------------------------------

TEST(DatedParameter, BeforeTheFirstStartHasNoValue) {
    EXPECT_EQ(two_steps().value_on(D("2023-12-31")), std::nullopt);
}

TEST(DatedParameter, OnTheFirstStartHasTheFirstValue) {
    EXPECT_EQ(two_steps().value_on(D("2024-01-01")), 3.0);
}

TEST(DatedParameter, OnALaterStartDayHasTheNewValue) {
    EXPECT_EQ(two_steps().value_on(D("2025-06-11")), 6.0);
}

TEST(DatedParameter, TheDayBeforeALaterStartHasTheOldValue) {
    EXPECT_EQ(two_steps().value_on(D("2025-06-10")), 3.0);
}

TEST(DatedParameter, LongAfterTheLastStartKeepsTheLastValue) {
    EXPECT_EQ(two_steps().value_on(D("2099-12-31")), 6.0);
}

TEST(DatedParameter, EntryOnNamesTheStartOfTheValueUsed) {
    const DatedParameter p = two_steps();
    const DatedValue* e = p.entry_on(D("2025-01-01"));
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(supervision::rules::to_iso(e->from), "2024-01-01");
    EXPECT_EQ(e->value, 3.0);
}

TEST(DatedParameter, EntryOnBeforeTheFirstStartIsNull) {
    EXPECT_EQ(two_steps().entry_on(D("2000-01-01")), nullptr);
}

TEST(DatedParameter, KeepsItsName) {
    EXPECT_EQ(two_steps().name(), "p");
}

// ---- keys: basis and sequence, "*" as a wildcard ----------------------------------------

TEST(DatedParameter, KeyedEntryAppliesToItsBasis) {
    const DatedParameter p("p", {entry(kAny, kAny, "2024-01-01", 1), entry("specialist", kAny, "2024-01-01", 2)});
    EXPECT_EQ(p.value_on(D("2024-06-01"), "specialist", "first"), 2.0);
}

TEST(DatedParameter, OtherBasisFallsBackToTheWildcard) {
    const DatedParameter p("p", {entry(kAny, kAny, "2024-01-01", 1), entry("specialist", kAny, "2024-01-01", 2)});
    EXPECT_EQ(p.value_on(D("2024-06-01"), "student", "first"), 1.0);
}

TEST(DatedParameter, KeyedEntryForAnotherBasisDoesNotApply) {
    const DatedParameter p("p", {entry("specialist", kAny, "2024-01-01", 2)});
    EXPECT_EQ(p.value_on(D("2024-06-01"), "student", "first"), std::nullopt);
}

TEST(DatedParameter, SequenceKeyedEntryAppliesToItsSequenceOnly) {
    const DatedParameter p("p", {entry(kAny, "first", "2000-01-01", 2), entry(kAny, "extended", "2000-01-01", 0)});
    EXPECT_EQ(p.value_on(D("2024-06-01"), "student", "first"), 2.0);
    EXPECT_EQ(p.value_on(D("2024-06-01"), "student", "extended"), 0.0);
}

TEST(DatedParameter, OnTheSameStartAKeyedEntryBeatsTheWildcardWhateverTheOrder) {
    const DatedParameter wildcard_first(
        "p", {entry(kAny, kAny, "2024-01-01", 1), entry("employed", "first", "2024-01-01", 2)});
    const DatedParameter keyed_first("p",
                                     {entry("employed", "first", "2024-01-01", 2), entry(kAny, kAny, "2024-01-01", 1)});
    EXPECT_EQ(wildcard_first.value_on(D("2024-01-01"), "employed", "first"), 2.0);
    EXPECT_EQ(keyed_first.value_on(D("2024-01-01"), "employed", "first"), 2.0);
}

TEST(DatedParameter, OnTheSameStartBasisAndSequenceBeatsBasisOnly) {
    const DatedParameter p("p",
                           {entry("employed", kAny, "2024-01-01", 1), entry("employed", "first", "2024-01-01", 2)});
    EXPECT_EQ(p.value_on(D("2024-01-01"), "employed", "first"), 2.0);
    EXPECT_EQ(p.value_on(D("2024-01-01"), "employed", "extended"), 1.0);
}

TEST(DatedParameter, ALaterWildcardStartBeatsAnEarlierKeyedEntry) {
    const DatedParameter p("p", {entry("employed", "first", "2024-01-01", 2), entry(kAny, kAny, "2025-01-01", 5)});
    EXPECT_EQ(p.value_on(D("2024-12-31"), "employed", "first"), 2.0);
    EXPECT_EQ(p.value_on(D("2025-01-01"), "employed", "first"), 5.0);
}

// ---- the default configuration: employed income requirement ----------------------------

TEST(DefaultIncomeRequirement, EmployedFirstIs1399In2024) {
    EXPECT_EQ(requirement("2024-01-01", "employed", "first"), 1399.0);
    EXPECT_EQ(requirement("2024-12-31", "employed", "first"), 1399.0);
}

TEST(DefaultIncomeRequirement, EmployedExtendedIs1399In2024) {
    EXPECT_EQ(requirement("2024-01-01", "employed", "extended"), 1399.0);
    EXPECT_EQ(requirement("2024-12-31", "employed", "extended"), 1399.0);
}

TEST(DefaultIncomeRequirement, EmployedHasNoRequirementBefore2024) {
    EXPECT_EQ(requirement("2023-12-31", "employed", "first"), std::nullopt);
}

TEST(DefaultIncomeRequirement, EmployedFirstIs1600From2025) {
    EXPECT_EQ(requirement("2025-01-01", "employed", "first"), 1600.0);
}

TEST(DefaultIncomeRequirement, EmployedExtendedIsStill1399OnMarch31_2025) {
    EXPECT_EQ(requirement("2025-01-01", "employed", "extended"), 1399.0);
    EXPECT_EQ(requirement("2025-03-31", "employed", "extended"), 1399.0);
}

TEST(DefaultIncomeRequirement, EmployedExtendedIs1600FromApril1_2025) {
    EXPECT_EQ(requirement("2025-04-01", "employed", "extended"), 1600.0);
}

// ---- the default configuration: specialist and EU Blue Card -----------------------------

TEST(DefaultIncomeRequirement, SpecialistIs3638In2024) {
    EXPECT_EQ(requirement("2024-01-01", "specialist", "first"), 3638.0);
    EXPECT_EQ(requirement("2024-12-31", "specialist", "first"), 3638.0);
}

TEST(DefaultIncomeRequirement, SpecialistIs3827In2025) {
    EXPECT_EQ(requirement("2025-01-01", "specialist", "first"), 3827.0);
    EXPECT_EQ(requirement("2025-12-31", "specialist", "extended"), 3827.0);
}

TEST(DefaultIncomeRequirement, SpecialistIs3937From2026) {
    EXPECT_EQ(requirement("2026-01-01", "specialist", "extended"), 3937.0);
}

TEST(DefaultIncomeRequirement, SpecialistHasNoRequirementBefore2024) {
    EXPECT_EQ(requirement("2023-12-31", "specialist", "first"), std::nullopt);
}

TEST(DefaultIncomeRequirement, EuBlueCardIsTheSameAsSpecialist) {
    for (const char* day : {"2024-01-01", "2024-12-31", "2025-01-01", "2025-12-31", "2026-01-01"}) {
        for (const char* seq : {"first", "extended"}) {
            EXPECT_EQ(requirement(day, "eu_blue_card", seq), requirement(day, "specialist", seq)) << day << " " << seq;
            EXPECT_TRUE(requirement(day, "eu_blue_card", seq).has_value()) << day << " " << seq;
        }
    }
}

TEST(DefaultIncomeRequirement, StudentHasNoRequirement) {
    EXPECT_EQ(requirement("2025-06-01", "student", "first"), std::nullopt);
}

// ---- the default configuration: allowed unemployment period -----------------------------

TEST(DefaultUnemploymentMonthsLong, IsThreeOnJune10_2025) {
    EXPECT_EQ(default_config().parameter("unemployment_months_long").value_on(D("2025-06-10")), 3.0);
}

TEST(DefaultUnemploymentMonthsLong, IsSixFromJune11_2025) {
    EXPECT_EQ(default_config().parameter("unemployment_months_long").value_on(D("2025-06-11")), 6.0);
}

TEST(DefaultUnemploymentMonths, StaysThreeAfterJune11_2025) {
    EXPECT_EQ(default_config().parameter("unemployment_months").value_on(D("2025-06-11")), 3.0);
}

TEST(DefaultGraceMonths, IsTwoForFirstAndZeroForExtendedPermits) {
    const DatedParameter& grace = default_config().parameter("grace_months");
    EXPECT_EQ(grace.value_on(D("2025-01-01"), "student", "first"), 2.0);
    EXPECT_EQ(grace.value_on(D("2025-01-01"), "specialist", "extended"), 0.0);
}

}  // namespace
