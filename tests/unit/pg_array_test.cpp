// PostgreSQL array literals used to bind whole columns (db/pg_array.h).
#include "db/pg_array.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

using supervision::db::int_array;
using supervision::db::number_array;
using supervision::db::optional_text_array;
using supervision::db::text_array;

// ---- text_array ------------------------------------------------------------------------

TEST(TextArray, EmptyVectorIsEmptyArray) {
    EXPECT_EQ(text_array({}), "{}");
}

TEST(TextArray, QuotesEveryElement) {
    EXPECT_EQ(text_array({"a", "b"}), R"({"a","b"})");
}

TEST(TextArray, EmptyStringIsAQuotedEmptyElement) {
    EXPECT_EQ(text_array({""}), R"({""})");
}

TEST(TextArray, EscapesDoubleQuote) {
    EXPECT_EQ(text_array({R"(say "hi")"}), R"({"say \"hi\""})");
}

TEST(TextArray, EscapesBackslash) {
    EXPECT_EQ(text_array({R"(a\b)"}), R"({"a\\b"})");
}

TEST(TextArray, EscapesBackslashBeforeQuote) {
    EXPECT_EQ(text_array({R"(\")"}), R"({"\\\""})");
}

TEST(TextArray, KeepsCommaInsideQuotes) {
    EXPECT_EQ(text_array({"a,b", "c"}), R"({"a,b","c"})");
}

TEST(TextArray, KeepsBracesInsideQuotes) {
    EXPECT_EQ(text_array({"{x}", "}{"}), R"({"{x}","}{"})");
}

TEST(TextArray, TheWordNullIsTextNotNull) {
    EXPECT_EQ(text_array({"NULL"}), R"({"NULL"})");
}

TEST(TextArray, KeepsSpacesAndNonAscii) {
    EXPECT_EQ(text_array({" Äänekoski oy "}), R"({" Äänekoski oy "})");
}

// ---- optional_text_array ---------------------------------------------------------------

TEST(OptionalTextArray, EmptyVectorIsEmptyArray) {
    EXPECT_EQ(optional_text_array({}), "{}");
}

TEST(OptionalTextArray, NulloptIsUnquotedNull) {
    EXPECT_EQ(optional_text_array({std::nullopt}), "{NULL}");
}

TEST(OptionalTextArray, MixesValuesAndNulls) {
    EXPECT_EQ(optional_text_array({std::string("a"), std::nullopt, std::string("")}), R"({"a",NULL,""})");
}

TEST(OptionalTextArray, EscapesValuesLikeTextArray) {
    EXPECT_EQ(optional_text_array({std::string(R"(a"b\c)")}), R"({"a\"b\\c"})");
}

// ---- number_array ----------------------------------------------------------------------

TEST(NumberArray, EmptyVectorIsEmptyArray) {
    EXPECT_EQ(number_array({}), "{}");
}

TEST(NumberArray, PrintsWeightsAndRequirements) {
    EXPECT_EQ(number_array({0.5, 1, 3638}), "{0.5,1,3638}");
}

TEST(NumberArray, PrintsOneTenthAsWritten) {
    EXPECT_EQ(number_array({0.1}), "{0.1}");
}

TEST(NumberArray, PrintsCentsAndNegatives) {
    EXPECT_EQ(number_array({1399.99, -2.25, 0}), "{1399.99,-2.25,0}");
}

// ---- int_array -------------------------------------------------------------------------

TEST(IntArray, EmptyVectorIsEmptyArray) {
    EXPECT_EQ(int_array({}), "{}");
}

TEST(IntArray, JoinsWithCommas) {
    EXPECT_EQ(int_array({1, 2, 3}), "{1,2,3}");
}

TEST(IntArray, PrintsNegativeAndLargeValues) {
    EXPECT_EQ(int_array({-5, 0, 9007199254740993LL}), "{-5,0,9007199254740993}");
}

}  // namespace
