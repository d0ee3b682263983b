// The enrolment of the demo registers is exactly what rules.md §3 says: an independent
// implementation in C++ (on the unit-tested date rules) predicts, permit by permit, the
// line and day of every enrolment and the day and reason of every end, and the SQL run
// must agree. Two runs: one before the 2026 lines come into force, one after.
#include "demo/demo_loader.h"
#include "rules/dates.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <map>
#include <optional>

namespace supervision::test {
namespace {

using rules::Day;

struct Permit {
    std::string id, person, basis, sequence, status;
    Day decision, from, until;
    std::optional<Day> status_date;
};

Day day(const pqxx::field& f) {
    return *rules::parse_iso_date(f.as<std::string>());
}

class EnrolmentOracleTest : public DbTest {
protected:
    std::vector<Permit> permits;
    std::map<std::string, Day> deceased;  // person → earliest deceased event

    void load() {
        pqxx::read_transaction tx(conn());
        for (const auto& r :
             tx.exec("SELECT permit_id, person_id, basis, sequence, status, decision_date, valid_from, valid_until, "
                     "status_date FROM registry.permit p WHERE NOT EXISTS (SELECT 1 FROM supervision.rejected_row x "
                     "WHERE x.source = 'permit' AND x.source_key = p.permit_id) ORDER BY permit_id")) {
            Permit p{r[0].as<std::string>(),
                     r[1].as<std::string>(),
                     r[2].as<std::string>(),
                     r[3].as<std::string>(),
                     r[4].as<std::string>(),
                     day(r[5]),
                     day(r[6]),
                     day(r[7]),
                     std::nullopt};
            if (!r[8].is_null()) p.status_date = day(r[8]);
            permits.push_back(p);
        }
        for (const auto& r : tx.exec("SELECT person_id, min(event_date) FROM registry.population_event "
                                     "WHERE event_type = 'deceased' AND event_date IS NOT NULL GROUP BY person_id")) {
            deceased[r[0].as<std::string>()] = day(r[1]);
        }
    }

    static bool valid_on(const Permit& p, Day d) {
        return rules::within(d, p.from, p.until) && (p.status == "granted" || (p.status_date && *p.status_date > d));
    }
    bool dead_by(const Permit& p, Day d) const {
        const auto it = deceased.find(p.person);
        return it != deceased.end() && it->second <= d;
    }
    // rules.md §3: the first line in configuration order that the permit matches on d.
    static std::optional<std::string> line_for(const Permit& p, Day d) {
        for (const auto& l : default_config().coverage_lines) {
            if (std::find(l.bases.begin(), l.bases.end(), p.basis) == l.bases.end()) continue;
            if (l.sequence != p.sequence || l.effective_from > d) continue;
            const bool long_enough = l.validity == config::ValidityRule::at_least
                                         ? rules::valid_at_least_months(p.from, p.until, l.validity_months)
                                         : rules::valid_more_than_months(p.from, p.until, l.validity_months);
            const Day scoped = l.scope_field == config::ScopeField::valid_from ? p.from : p.decision;
            if (long_enough && scoped >= l.scope_from) return l.id;
        }
        return std::nullopt;
    }
    std::map<std::string, std::string> actual(const char* sql) {
        pqxx::read_transaction tx(conn());
        std::map<std::string, std::string> out;
        for (const auto& r : tx.exec(sql)) out[r[0].as<std::string>()] = r[1].as<std::string>();
        return out;
    }
};

TEST_F(EnrolmentOracleTest, DemoEnrolmentsAndEndsAreExactlyWhatTheRulesSay) {
    const Day d1 = *rules::parse_iso_date("2025-03-10");
    const Day d2 = *rules::parse_iso_date("2026-01-15");
    demo::load_demo(conn(), demo::DemoSpec{4000, 11, d1, true});
    run_on(conn(), rules::to_iso(d1));
    load();

    // Expected after the first run: permit → "line enrolled_on".
    std::map<std::string, std::string> enrolled;
    for (const auto& p : permits) {
        if (!valid_on(p, d1) || dead_by(p, d1)) continue;
        if (const auto line = line_for(p, d1)) enrolled[p.id] = *line + " " + rules::to_iso(d1);
    }
    ASSERT_GT(enrolled.size(), 300u) << "the demo data should enrol a few hundred permits";
    EXPECT_EQ(actual("SELECT permit_id, line_id || ' ' || enrolled_on FROM supervision.supervised_permit"), enrolled);

    run_on(conn(), rules::to_iso(d2));
    // Expected after the second run: the first run's enrolments ended where the rules say,
    // and the permits valid on d2 enrolled then (the 2026 lines among them).
    std::map<std::string, std::string> ended;
    for (const auto& p : permits) {
        if (enrolled.count(p.id) == 0) {
            if (valid_on(p, d2) && !dead_by(p, d2)) {
                if (const auto line = line_for(p, d2)) enrolled[p.id] = *line + " " + rules::to_iso(d2);
            }
            continue;
        }
        std::string reason;
        if ((p.status == "revoked" || p.status == "withdrawn") && p.status_date && *p.status_date <= d2) {
            reason = p.status;
        } else if (dead_by(p, d2)) {
            reason = "deceased";
        } else if (d2 > p.until) {
            reason = "expired";
        }
        if (!reason.empty()) ended[p.id] = reason + " " + rules::to_iso(d2);
    }
    EXPECT_EQ(actual("SELECT permit_id, line_id || ' ' || enrolled_on FROM supervision.supervised_permit"), enrolled);
    EXPECT_EQ(actual("SELECT permit_id, end_reason || ' ' || ended_on FROM supervision.supervised_permit "
                     "WHERE ended_on IS NOT NULL"),
              ended);
    EXPECT_GT(ended.size(), 100u);
    std::size_t lines_2026 = 0;
    for (const auto& [id, v] : enrolled)
        lines_2026 += v.rfind("self-employed", 0) == 0 || v.rfind("other-work", 0) == 0;
    EXPECT_GE(lines_2026, 5u) << "the 2026 lines should enrol permits on the second run";
}

}  // namespace
}  // namespace supervision::test
