// CSV cells (reports/csv.h): RFC 4180 quoting, and text that a spreadsheet would run as a
// formula neutralised with a leading ', while numbers stay numbers.
#include "reports/csv.h"

#include <gtest/gtest.h>

namespace supervision::reports {
namespace {

TEST(CsvCell, TextStartingLikeAFormulaGetsAQuoteInFront) {
    EXPECT_EQ(csv_field("=1+2"), "'=1+2");
    EXPECT_EQ(csv_field("+1"), "'+1");
    EXPECT_EQ(csv_field("-x"), "'-x");
    EXPECT_EQ(csv_field("@SUM(A1:A9)"), "'@SUM(A1:A9)");
    EXPECT_EQ(csv_field("\tcmd"), "'\tcmd");
    // A carriage return also needs the field quoted (RFC 4180).
    EXPECT_EQ(csv_field("\rcmd"), "\"'\rcmd\"");
}

TEST(CsvCell, ANeutralisedCellIsStillQuotedAsCsvRequires) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csv_field("=A1,B1"), "\"'=A1,B1\"");
}

TEST(CsvCell, OtherTextIsLeftAsItIs) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a=b"), "a=b");
    EXPECT_EQ(csv_field(" =1"), " =1");
    EXPECT_EQ(csv_field("<5"), "<5");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("2025-07"), "2025-07");
    EXPECT_EQ(csv_field("rejected: negative amount"), "rejected: negative amount");
}

TEST(CsvCell, NumbersStayNumbersEvenWhenNegative) {
    EXPECT_EQ(csv_field(CsvCell::number(-3)), "-3");
    EXPECT_EQ(csv_field(CsvCell::number("-1.5")), "-1.5");
    EXPECT_EQ(csv_field(CsvCell::number("44.4")), "44.4");
    EXPECT_EQ(csv_field(CsvCell::number(0)), "0");
    // The same text as a text cell is neutralised.
    EXPECT_EQ(csv_field("-3"), "'-3");
}

TEST(CsvCell, ANumberCellThatIsNotAPlainNumberIsTreatedAsText) {
    EXPECT_EQ(csv_field(CsvCell::number("<5")), "<5");  // a suppressed count
    EXPECT_EQ(csv_field(CsvCell::number("")), "");      // no figure
    EXPECT_EQ(csv_field(CsvCell::number("-1+2")), "'-1+2");
    EXPECT_EQ(csv_field(CsvCell::number("=1")), "'=1");
    EXPECT_EQ(csv_field(CsvCell::number("-")), "'-");
    EXPECT_EQ(csv_field(CsvCell::number("-1.")), "'-1.");
}

TEST(CsvRecord, MixesTextAndNumbersWithCrlf) {
    EXPECT_EQ(csv_record({"uncovered", "=cmd|' /C calc'!A0", CsvCell::number(-2), "c,d"}),
              "uncovered,'=cmd|' /C calc'!A0,-2,\"c,d\"\r\n");
    EXPECT_EQ(csv_record({"a", "", "c,d"}), "a,,\"c,d\"\r\n");
}

}  // namespace
}  // namespace supervision::reports
