// The SQL add_months (used set-based by the run) must agree with the C++ one (used in
// unit-tested rules) on every day of four years, for every n the rules use.
#include "rules/dates.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class AddMonthsSqlTest : public DbTest {};

TEST_F(AddMonthsSqlTest, AgreesWithCppOnEveryDayOfFourYears) {
    pqxx::read_transaction tx(conn());
    const auto rows = tx.exec(
        "SELECT d::date::text, n, supervision.add_months(d::date, n)::text "
        "FROM generate_series(date '2023-01-01', date '2026-12-31', interval '1 day') d, "
        "unnest(ARRAY[-12, -1, 1, 2, 3, 6, 12, 24]) n");
    ASSERT_EQ(rows.size(), 1461u * 8u);
    for (const auto& r : rows) {
        const auto d = rules::parse_iso_date(r[0].as<std::string>());
        ASSERT_TRUE(d);
        ASSERT_EQ(rules::to_iso(rules::add_months(*d, r[1].as<int>())), r[2].as<std::string>())
            << r[0].as<std::string>() << " + " << r[1].as<int>();
    }
}

TEST_F(AddMonthsSqlTest, LineConditionsFollowTheRulesExamples) {
    // rules.md §1 examples, through the SQL function the enrolment uses.
    const char* sql =
        "SELECT supervision.line_conditions_hold($1::date, $2::date, date '2024-01-01', $3, $4, 'decision_date', "
        "date '2000-01-01')";
    struct Case {
        const char* from;
        const char* until;
        const char* rule;
        int months;
        bool expected;
    };
    const Case cases[] = {
        {"2024-03-15", "2024-09-14", "at_least", 6, true},    {"2024-03-15", "2024-09-14", "more_than", 6, false},
        {"2024-03-15", "2024-09-13", "at_least", 6, false},   {"2024-08-31", "2025-02-27", "at_least", 6, true},
        {"2024-02-29", "2025-02-27", "more_than", 12, false}, {"2023-02-28", "2024-02-28", "more_than", 12, true},
    };
    pqxx::read_transaction tx(conn());
    for (const auto& c : cases) {
        EXPECT_EQ(tx.exec_params1(sql, c.from, c.until, c.rule, c.months)[0].as<bool>(), c.expected)
            << c.from << ".." << c.until << " " << c.rule << " " << c.months;
    }
}

}  // namespace
}  // namespace supervision::test
