// The building blocks of the exports: RFC 4180 fields, one-decimal percentages, and the
// small-cell suppression of rules.md §9 at its edges 0, 1, 4 and 5.
#include "reports/csv.h"
#include "reports/percent.h"
#include "reports/suppression.h"

#include <gtest/gtest.h>

namespace supervision::reports {
namespace {

TEST(Suppression, CountsFromOneToFourAreHiddenZeroAndFiveStay) {
    EXPECT_EQ(count_text(0, true), "0");
    EXPECT_EQ(count_text(1, true), "<5");
    EXPECT_EQ(count_text(4, true), "<5");
    EXPECT_EQ(count_text(5, true), "5");
    EXPECT_EQ(count_json(0, true), 0);
    EXPECT_EQ(count_json(1, true), "<5");
    EXPECT_EQ(count_json(4, true), "<5");
    EXPECT_EQ(count_json(5, true), 5);
    // Internal output keeps exact counts.
    EXPECT_EQ(count_text(3, false), "3");
    EXPECT_EQ(count_json(3, false), 3);
}

TEST(Suppression, AShareIsBlankWhenACountItIsComputedFromIsHidden) {
    const auto half = Percent::of(2, 4);
    EXPECT_EQ(share_text(half, {2}, true), "");
    EXPECT_TRUE(share_json(half, {2}, true).is_null());
    EXPECT_EQ(share_text(half, {2}, false), "50.0");
    EXPECT_EQ(share_text(Percent::of(5, 10), {5}, true), "50.0");
    EXPECT_EQ(share_text(Percent::of(0, 4), {0}, true), "0.0");  // numerator 0 is shown
    EXPECT_EQ(share_text(Percent::of(6, 8), {6, 2}, true), "");  // a hidden part of the denominator
    EXPECT_EQ(share_text(std::nullopt, {0}, false), "");
}

TEST(Suppression, EstimatesArePublishedAsWholeNumbersAboveFive) {
    EXPECT_EQ(estimate_text(0.0, true), "0");
    EXPECT_EQ(estimate_text(0.4, true), "<5");
    EXPECT_EQ(estimate_text(4.96, true), "<5");
    EXPECT_EQ(estimate_text(5.0, true), "5");
    EXPECT_EQ(estimate_text(12.5, true), "13");
    EXPECT_EQ(estimate_text(12.46, false), "12.5");
    EXPECT_EQ(estimate_json(3.0, true), "<5");
    EXPECT_EQ(estimate_json(7.4, true), 7.0);
}

TEST(PercentOneDecimal, RoundsHalfUpFromExactTenths) {
    EXPECT_EQ(Percent::of(4, 9)->text(), "44.4");  // 44.44…
    EXPECT_EQ(Percent::of(2, 3)->text(), "66.7");  // 66.66…
    EXPECT_EQ(Percent::of(1, 16)->text(), "6.3");  // 6.25 → 6.3
    EXPECT_EQ(Percent::of(1, 1)->text(), "100.0");
    EXPECT_EQ(Percent::of(0, 7)->text(), "0.0");
    EXPECT_FALSE(Percent::of(0, 0).has_value());
    EXPECT_EQ(Percent::parse(std::string("96.6"))->tenths, 966);
    EXPECT_EQ(Percent::parse(std::string("100.0"))->text(), "100.0");
    EXPECT_DOUBLE_EQ(Percent::of(1, 8)->value(), 12.5);
}

TEST(Csv, FieldsAreQuotedOnlyWhenTheyMustBe) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("ääkköset"), "ääkköset");
    EXPECT_EQ(csv_record({"a", "", "c,d"}), "a,,\"c,d\"\r\n");
}

}  // namespace
}  // namespace supervision::reports
