// The case file (`supervision explain`, docs/reports.md "The case file") of the hand-made
// case of case_fixture.h: every figure it shows against the tables (the score, the
// signals' periods and figures, the review's audit history, the explanations, the runs),
// the sentences an official reads, the state of the queue (review in hearing, cooldown,
// below the threshold, backlog rank k of n for a capacity of c), and no other person's data.
#include "casefile/case_file.h"
#include "casefile/case_html.h"
#include "db/casefile/case_fixture.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <memory>

namespace supervision::test {
namespace {

using Json = nlohmann::json;

std::string official() {
    return "t" + std::to_string(getpid()) + "_official";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool any_sentence(const Json& list, const std::string& part) {
    for (const auto& s : list) {
        if (contains(s.get<std::string>(), part)) return true;
    }
    return false;
}

class CaseFileTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("CREATE ROLE " + tx.quote_name(official()) + " LOGIN IN ROLE supervision_supervisor");
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(official()));
    }
    std::unique_ptr<pqxx::connection> login() {
        return std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + official());
    }
    void load() {
        auto o = login();
        load_case_history(conn(), *o);
    }
    Json case_of(const std::string& permit) { return casefile::load_case_file(conn(), {permit, std::nullopt}); }
    static const Json& signal(const Json& doc, const std::string& type) {
        for (const auto& s : doc["signals"]) {
            if (s["signal_type"] == type) return s;
        }
        throw std::logic_error("no signal " + type);
    }
};

TEST_F(CaseFileTest, ThePermitAndWhyItIsSupervised) {
    load();
    const Json d = case_of("P-1");
    EXPECT_EQ(d["case_file"]["permit_id"], "P-1");
    EXPECT_EQ(d["holder"]["person_id"], "H-1");
    EXPECT_EQ(d["permit"]["basis"], "specialist");
    EXPECT_EQ(d["permit"]["valid_until"], "2026-12-31");
    const Json& s = d["supervision"];
    EXPECT_EQ(s["line_id"], scalar("SELECT line_id FROM supervision.supervised_permit WHERE permit_id = 'P-1'"));
    EXPECT_EQ(s["enrolled_on"], "2024-07-01");
    EXPECT_EQ(s["enrolled_run"], 1);
    EXPECT_EQ(s["line"]["validity_months"], 6) << "specialist-extended as run 1's configuration had it";
    EXPECT_TRUE(any_sentence(s["sentences"], "under the coverage line specialist-extended (in force from 2024-06-17)"));
    EXPECT_TRUE(any_sentence(s["sentences"],
                             "2024-01-01 plus 6 months is 2024-07-01; the permit is valid through "
                             "2026-12-31, so the condition holds."));
    EXPECT_TRUE(any_sentence(s["sentences"], "this one is decided on 2023-12-01, so the condition holds."));
    EXPECT_TRUE(any_sentence(s["sentences"], "Supervision continues."));
}

TEST_F(CaseFileTest, EverySignalWithItsPeriodFiguresAndRunsAsTheTablesHaveThem) {
    load();
    const Json d = case_of("P-1");
    ASSERT_EQ(d["signals"].size(),
              static_cast<std::size_t>(count("SELECT count(*) FROM supervision.signal WHERE permit_id = 'P-1'")));
    pqxx::result rows;
    {
        pqxx::read_transaction tx(conn());
        rows = tx.exec(
            "SELECT signal_id, signal_type, status, period_start::text, period_end::text, "
            "raised_run, resolved_run, linked_run, review_id, weight::float8, evidence::text "
            "FROM supervision.signal WHERE permit_id = 'P-1' ORDER BY signal_id");
    }
    for (const auto& row : rows) {
        const Json& s = signal(d, row["signal_type"].as<std::string>());
        SCOPED_TRACE(s.dump());
        EXPECT_EQ(s["signal_id"], row["signal_id"].as<long long>());
        EXPECT_EQ(s["status"], row["status"].as<std::string>());
        EXPECT_EQ(s["period_start"], row["period_start"].as<std::string>());
        EXPECT_EQ(s["period_end"], row["period_end"].as<std::string>());
        EXPECT_EQ(s["raised_run"], row["raised_run"].as<long long>());
        EXPECT_EQ(s["weight"], row["weight"].as<double>());
        EXPECT_EQ(s["evidence"], Json::parse(row["evidence"].as<std::string>()));
        EXPECT_EQ(s["resolved_run"].is_null(), row["resolved_run"].is_null());
        EXPECT_EQ(s["linked_run"].is_null(), row["linked_run"].is_null());
        EXPECT_FALSE(any_sentence(s["sentences"], "Also recorded")) << "every fact in a sentence";
    }
    const Json& emigrated = signal(d, "emigrated");
    EXPECT_EQ(emigrated["status"], "resolved");
    EXPECT_EQ(emigrated["resolved_run"], 2);
    EXPECT_TRUE(any_sentence(emigrated["sentences"],
                             "records the holder's emigration on 2024-06-20 (event EV-1), on "
                             "or after the permit's validity began on 2024-01-01"));
    EXPECT_TRUE(
        any_sentence(emigrated["sentences"], "Figures from the population register, complete through 2024-06-30."));
    EXPECT_TRUE(any_sentence(emigrated["steps"],
                             "Resolved on 2024-07-02 by run 2 of 2024-07-02: the condition no longer held."));
    const Json& ended = signal(d, "employment_ended");
    EXPECT_TRUE(any_sentence(ended["sentences"],
                             "Employer E-1 reported (notice N-1) that the employment ended on 2024-06-25. "
                             "No month after the end month is complete in the Incomes Register yet"));
    EXPECT_TRUE(any_sentence(ended["sentences"], "Weight 0.5 in the score (in force from 2000-01-01)."));
    EXPECT_TRUE(ended["explained_on_as_of"].get<bool>());
    const Json& thematic = signal(d, "thematic");
    EXPECT_EQ(thematic["linked_run"], 2);
    EXPECT_TRUE(any_sentence(thematic["sentences"],
                             "thematic campaign summer-2024, active from 2024-07-02 to 2024-12-31: "
                             "permits of the bases specialist, sequences (any), decided from "
                             "2023-01-01, decided until 2023-12-31."));
    // Every run a step names, with the ledger's digest and release.
    ASSERT_EQ(d["runs"].size(), 2u);
    for (const auto& r : d["runs"]) {
        const std::string id = std::to_string(r["run_id"].get<long long>());
        EXPECT_EQ(r["config_digest"], scalar("SELECT config_digest FROM supervision.run WHERE run_id = " + id));
        EXPECT_EQ(r["service_version"], scalar("SELECT service_version FROM supervision.run WHERE run_id = " + id));
        EXPECT_EQ(r["as_of"], scalar("SELECT as_of FROM supervision.run WHERE run_id = " + id));
    }
}

TEST_F(CaseFileTest, TheReviewWithItsScoreAtOpeningAndItsHistoryFromTheAuditTrail) {
    load();
    const Json d = case_of("P-1");
    ASSERT_EQ(d["reviews"].size(), 1u);
    const Json& r = d["reviews"][0];
    const std::string id = std::to_string(r["review_id"].get<long long>());
    EXPECT_EQ(id, scalar("SELECT review_id FROM supervision.revocation_review WHERE permit_id = 'P-1'"));
    EXPECT_EQ(r["status"], "hearing");
    EXPECT_EQ(
        r["score_at_opening"].get<double>(),
        std::stod(scalar("SELECT evidence->>'score' FROM supervision.revocation_review WHERE review_id = " + id)));
    EXPECT_EQ(r["score_at_opening"], 1.5);
    EXPECT_EQ(r["threshold_at_opening"], (Json{{"value", 1.0}, {"in_force_from", "2000-01-01"}}));
    EXPECT_EQ(r["due_on"], "2024-07-31");
    EXPECT_EQ(r["signals_at_opening"].size(), 2u);
    EXPECT_EQ(r["signals_linked_later"], Json::array({signal(d, "thematic")["signal_id"]}));
    // The HTML names each signal shown at opening by its id as the tables have it: an id is
    // no figure, so no thousands separator even past 999.
    Json large = d;
    large["reviews"][0]["signals_at_opening"][0]["signal_id"] = 12345;
    EXPECT_TRUE(contains(casefile::case_html(large), "<tr><td>12345: ")) << casefile::case_html(large);
    EXPECT_FALSE(contains(casefile::case_html(large), "12,345"));
    EXPECT_TRUE(any_sentence(r["sentences"],
                             "Opened on 2024-07-01 by run 1 of 2024-07-01 in the work queue: the score "
                             "1.5 reached the threshold 1 (in force from 2000-01-01). Due on 2024-07-31, "
                             "the queue's time for a decision being 30 days (in force from 2000-01-01)"));
    // The history is the audit trail, change by change.
    const auto& h = r["history"];
    ASSERT_EQ(h.size(),
              static_cast<std::size_t>(count("SELECT count(*) FROM supervision.review_audit WHERE review_id = " + id)));
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0]["operation"], "INSERT");
    EXPECT_EQ(h[0]["changed_by"], scalar("SELECT changed_by FROM supervision.review_audit WHERE review_id = " + id +
                                         " ORDER BY audit_id LIMIT 1"));
    EXPECT_EQ(h[0]["change"], "opened: status open, priority 1.5, due on 2024-07-31.");
    EXPECT_EQ(h[1]["changed_by"], official());
    EXPECT_EQ(h[1]["old_values"], (Json{{"status", "open"}}));
    EXPECT_EQ(h[1]["new_values"], (Json{{"status", "hearing"}}));
    EXPECT_EQ(h[1]["change"], "changed status from open to hearing.");
    EXPECT_EQ(h[1]["sentence"],
              h[1]["changed_at"].get<std::string>() + ": " + official() + " changed status from open to hearing.");
    EXPECT_EQ(h[1]["changed_at"], scalar("SELECT to_char(changed_at AT TIME ZONE 'Europe/Helsinki', "
                                         "'YYYY-MM-DD HH24:MI:SS') FROM supervision.review_audit WHERE review_id = " +
                                         id + " ORDER BY audit_id DESC LIMIT 1"));
    // Where the case stands.
    EXPECT_EQ(d["decision"]["state"], "review_in_hearing");
    EXPECT_EQ(d["decision"]["review_id"], r["review_id"]);
    EXPECT_TRUE(any_sentence(d["decision"]["sentences"], "Review " + id +
                                                             " is in hearing in the work queue since "
                                                             "2024-07-01, due on 2024-07-31."));
}

TEST_F(CaseFileTest, ExplanationsWhoWhenUntilWhyAndWhichIsInForce) {
    load();
    const Json d = case_of("P-1");
    const auto& e = d["explanations"];
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0]["explained_until"], "2024-08-31");
    EXPECT_EQ(e[0]["superseded_by"], e[1]["explanation_id"]);
    EXPECT_FALSE(e[0]["in_force"].get<bool>());
    EXPECT_EQ(e[1]["explained_until"], "2024-12-31");
    EXPECT_TRUE(e[1]["in_force"].get<bool>()) << "2024-07-02 ≤ 2024-12-31, and the latest";
    EXPECT_EQ(e[1]["recorded_by"], official());
    EXPECT_EQ(e[1]["reason"], "Parental leave extended <to> the year's end");
    EXPECT_EQ(e[1]["recorded_at"], scalar("SELECT to_char(recorded_at AT TIME ZONE 'Europe/Helsinki', "
                                          "'YYYY-MM-DD HH24:MI:SS') FROM supervision.signal_explanation "
                                          "ORDER BY explanation_id DESC LIMIT 1"));
    EXPECT_TRUE(contains(e[1]["sentence"], "In force on 2024-07-02"));
    // The HTML shows the reason escaped.
    const std::string html = casefile::case_html(d);
    EXPECT_TRUE(contains(html, "Parental leave extended &lt;to&gt; the year&#39;s end"));
    EXPECT_FALSE(contains(html, "<to>"));
}

TEST_F(CaseFileTest, TheHoldersEarlierPermitAndItsReviewAndNoOtherPersonsData) {
    load();
    for (const auto& d : {case_of("P-1"), casefile::load_case_file(conn(), {std::nullopt, 2})}) {
        ASSERT_EQ(d["other_permits"].size(), 1u);
        const Json& p0 = d["other_permits"][0];
        EXPECT_EQ(p0["permit_id"], "P-0");
        ASSERT_EQ(p0["reviews"].size(), 1u);
        EXPECT_EQ(p0["reviews"][0]["outcome"], "no_action");
        EXPECT_TRUE(contains(p0["sentence"],
                             "P-0: specialist, first, valid 2023-02-01 to 2025-01-31, granted; supervised "
                             "from 2024-07-01, still supervised; review 1 opened 2024-07-01, closed "
                             "2024-07-01: no action."));
        for (const std::string& text : {d.dump(), casefile::case_html(d)}) {
            for (const char* other : {"P-2", "H-2", "P-3", "H-3", "P-4", "H-4", "EV-2", "N-3", "E-3"}) {
                EXPECT_FALSE(contains(text, other)) << other << " of another person in the case file";
            }
        }
    }
}

TEST_F(CaseFileTest, CooldownAfterNoActionAndBelowTheThreshold) {
    load();
    const Json p0 = case_of("P-0");
    EXPECT_EQ(p0["decision"]["state"], "cooldown");
    EXPECT_EQ(p0["decision"]["score"], 1.0) << "the thematic signal, unreviewed";
    EXPECT_EQ(p0["decision"]["cooldown_until"], "2024-09-29") << "closed 2024-07-01 + 90 days";
    EXPECT_TRUE(any_sentence(p0["decision"]["sentences"],
                             "no new review opens for 90 days (in force from 2000-01-01), "
                             "until 2024-09-29."));
    const Json p3 = case_of("P-3");
    EXPECT_EQ(p3["decision"]["state"], "below_threshold");
    EXPECT_EQ(p3["decision"]["score"].get<double>(),
              std::stod(scalar("SELECT sum(weight) FROM supervision.signal WHERE permit_id = 'P-3' AND status = 'open' "
                               "AND review_id IS NULL")));
    EXPECT_EQ(p3["decision"]["score"], 0.5);
    EXPECT_TRUE(any_sentence(p3["decision"]["sentences"],
                             "score 0.5; the threshold for a review is 1 (in force from "
                             "2000-01-01)."));
    EXPECT_TRUE(p3["reviews"].empty());
    EXPECT_TRUE(p3["other_permits"].empty());
}

TEST_F(CaseFileTest, AnOpenReviewAndAPermitWithoutSignals) {
    load();
    const Json p2 = case_of("P-2");
    EXPECT_EQ(p2["decision"]["state"], "review_open");
    EXPECT_TRUE(any_sentence(p2["decision"]["sentences"], "Review 3 is open in the work queue since 2024-07-01"));
    const Json p4 = case_of("P-4");
    EXPECT_EQ(p4["decision"]["state"], "no_unreviewed_signal");
    EXPECT_TRUE(p4["signals"].empty());
    EXPECT_TRUE(any_sentence(p4["decision"]["sentences"], "No open signal waits for review on 2024-07-02"));
    EXPECT_TRUE(contains(casefile::case_html(p4), "<p>No signal has been raised for this permit.</p>"));
}

// A third night: P-1's register row is rejected, P-3's row leaves the register, P-0 is
// revoked (its supervision ends); and what the runs told the case system.
TEST_F(CaseFileTest, ARejectedRowAMissingRowAnEndedSupervisionAndTheEvents) {
    load();
    exec(conn(), "UPDATE registry.permit SET required_monthly_income = -1 WHERE permit_id = 'P-1'");
    exec(conn(), "DELETE FROM registry.permit WHERE permit_id = 'P-3'");
    exec(conn(), "UPDATE registry.permit SET status = 'revoked', status_date = '2024-07-03' WHERE permit_id = 'P-0'");
    run_on(conn(), case_config(), "2024-07-03");
    // The runs' own events replaced by a fixture that says which sentence each kind gives.
    exec(conn(),
         "DELETE FROM supervision.event; "
         "INSERT INTO supervision.event (event_id, run_id, kind, permit_id, review_id) VALUES "
         "(1, 1, 'review_opened', 'P-1', 2), (2, 1, 'review_opened', 'P-2', 3), "
         "(3, 2, 'signals_linked', 'P-1', 2)");
    const Json p1 = case_of("P-1");
    EXPECT_EQ(p1["permit"]["rejected_reasons"], Json::array({"negative required_monthly_income"}));
    EXPECT_TRUE(any_sentence(p1["supervision"]["sentences"],
                             "The last run rejected the permit's register row (negative required_monthly_income): "
                             "while it is rejected the permit is not evaluated"));
    ASSERT_EQ(p1["events"].size(), 2u) << "P-2's event is another permit's";
    EXPECT_TRUE(contains(p1["events"][0]["sentence"],
                         "run 1 of 2024-07-01 told the case system: a review opened "
                         "(review 2)."));
    EXPECT_TRUE(contains(p1["events"][1]["sentence"], "new signals linked to the open review (review 2)."));
    EXPECT_TRUE(contains(casefile::case_html(p1), "<ul id=\"events\">"));
    const Json p3 = case_of("P-3");
    EXPECT_FALSE(p3["permit"]["in_register"].get<bool>());
    EXPECT_TRUE(any_sentence(p3["supervision"]["sentences"], "The permit's row is no longer in the register"));
    const Json p0 = case_of("P-0");
    EXPECT_EQ(p0["supervision"]["end_reason"], "revoked");
    EXPECT_EQ(p0["supervision"]["ended_run"], 3);
    EXPECT_TRUE(any_sentence(p0["supervision"]["sentences"],
                             "Supervision ended on 2024-07-03: the permit was revoked (run 3 of 2024-07-03)."));
    EXPECT_EQ(p0["decision"]["state"], "supervision_ended");
    for (const auto& s : p0["signals"]) EXPECT_EQ(s["status"], "resolved") << s.dump();
    // From the holder's other permit, the ended one is seen the same way.
    EXPECT_TRUE(contains(p1["other_permits"][0]["sentence"],
                         "supervised from 2024-07-01 to 2024-07-03 (the permit was revoked)"));
}

// Capacity 3 a day: of the candidates beyond it, a permit's rank in its queue's backlog as
// the run orders them, and the capacity, from the tables.
TEST_F(CaseFileTest, InTheBacklogAtRankKOfNForACapacityOfC) {
    set_all_sources(conn(), "2024-06-30");
    set_source(conn(), "incomes", "2023-12-31");
    for (int i = 1; i <= 6; ++i) {
        const std::string n = std::to_string(i);
        insert(conn(), case_permit("P-" + n, "H-" + n));
        insert(conn(), event("EV-" + n, "emigrated", "2024-06-2" + n, "H-" + n));
    }
    insert(conn(), NoticeRow{"N-6", "H-6", std::string("E-1"), std::string("2024-06-28")});
    run_on(conn(), case_config(), "2024-07-01");
    // Opened: P-6 (1.5), then P-1 and P-2 (the same score and day: by permit id). Waiting:
    // P-3, P-4, P-5.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.review_backlog"), 3);
    const Json d = case_of("P-4");
    EXPECT_EQ(d["decision"]["state"], "backlog");
    EXPECT_EQ(d["decision"]["rank"], 2);
    EXPECT_EQ(d["decision"]["of"], 3);
    EXPECT_EQ(d["decision"]["daily_capacity"]["value"], 3.0);
    EXPECT_EQ(d["decision"]["rank"],
              count("SELECT count(*) FROM supervision.review_backlog b, supervision.review_backlog "
                    "me WHERE me.permit_id = 'P-4' AND b.queue = me.queue AND (b.score > me.score "
                    "OR (b.score = me.score AND (b.first_raised, b.permit_id) <= "
                    "(me.first_raised, me.permit_id)))"));
    EXPECT_EQ(d["decision"]["backlog_since"], "2024-07-01");
    EXPECT_TRUE(any_sentence(d["decision"]["sentences"],
                             "waits in the backlog of the work queue since 2024-07-01, at "
                             "rank 2 of 3 (by score, then the earliest signal, then permit "
                             "id). The queue opens at most 3 reviews a day (in force from "
                             "2000-01-01)."));
    for (const char* other : {"P-3", "P-5", "H-3", "H-5"}) EXPECT_FALSE(contains(d.dump(), other)) << other;
    EXPECT_TRUE(contains(casefile::case_html(d), "id=\"backlog-rank\">2 of 3</td>"));
    // A candidate the last run did not hold (its backlog row gone since): the next run decides.
    exec(conn(), "DELETE FROM supervision.review_backlog WHERE permit_id = 'P-4'");
    const Json later = case_of("P-4");
    EXPECT_EQ(later["decision"]["state"], "candidate_next_run");
    EXPECT_TRUE(later["decision"]["reaches_threshold"].get<bool>());
}

}  // namespace
}  // namespace supervision::test
