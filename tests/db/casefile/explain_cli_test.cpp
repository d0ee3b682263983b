// `supervision explain` and `supervision report queue` as officials run them: the binary,
// logged in as a member of supervision_supervisor (a read-only login that cannot read the
// registers or the enrolments: migration 0012), its exit codes, --out, and what the
// supervisor role can and cannot read.
#include "db/casefile/case_fixture.h"
#include "db/reports/queue_fixture.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>

namespace supervision::test {
namespace {

using Json = nlohmann::json;

std::string user(const char* role) {
    return "t" + std::to_string(getpid()) + "_" + role;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class ExplainCliTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("CREATE ROLE " + tx.quote_name(user("official")) + " LOGIN IN ROLE supervision_supervisor");
        tx.exec0("CREATE ROLE " + tx.quote_name(user("reader")) + " LOGIN IN ROLE supervision_stats_reader");
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"official", "reader"}) tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user(role)));
    }
    std::unique_ptr<pqxx::connection> login(const char* role) {
        return std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + user(role));
    }
    void load() {
        auto o = login("official");
        load_case_history(conn(), *o);
    }
    // The binary as that login; no --config: explain needs none.
    Process explain(const std::string& args, const char* role = "official") {
        return run_binary("explain " + args + " --db '" + TestDatabase::instance().conninfo() + " user=" + user(role) +
                          "' --config /nonexistent.yaml");
    }
    static std::string slurp(const std::string& path) {
        std::ifstream in(path);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    // Whether the statement may run as that login; only a missing privilege counts as no.
    static bool can(pqxx::connection& c, const std::string& sql) {
        pqxx::work tx(c);
        try {
            tx.exec(sql);
            return true;
        } catch (const pqxx::insufficient_privilege&) {
            return false;
        }
    }
};

TEST_F(ExplainCliTest, TheSupervisorLoginWritesTheCaseFileInBothFormats) {
    load();
    const auto json = explain("--permit P-1");
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const Json d = Json::parse(json.out);
    EXPECT_EQ(d["case_file"]["permit_id"], "P-1");
    EXPECT_EQ(d["permit"]["decision_date"], "2023-12-01") << "the register row, through the case file's function";
    EXPECT_EQ(d["supervision"]["line_id"], "specialist-extended");
    EXPECT_EQ(d["judged_on"]["as_of"], "2024-07-02");
    EXPECT_EQ(d["decision"]["state"], "review_in_hearing");
    EXPECT_EQ(d["runs"].size(), 2u) << "the run ledger's columns it may read";
    EXPECT_EQ(d["reviews"][0]["threshold_at_opening"]["value"], 1.0) << "the configuration snapshot";
    EXPECT_TRUE(contains(json.err, "case file written to standard output"));

    const std::string out = "/tmp/supervision_case_" + std::to_string(getpid()) + ".html";
    const auto html = explain("--review 2 --format html --out " + out);
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_EQ(html.out, "");
    const std::string page = slurp(out);
    std::remove(out.c_str());
    EXPECT_TRUE(contains(page, "<h1>Case file: residence permit <span id=\"permit-id\">P-1</span></h1>"));
    EXPECT_TRUE(contains(page, "asked for review 2"));
    EXPECT_TRUE(contains(page, "id=\"decision-score\""));
    EXPECT_FALSE(contains(page, "<script"));
    EXPECT_FALSE(contains(page, "http://"));
    EXPECT_FALSE(contains(page, "https://"));
    for (const char* other : {"P-2", "H-2", "P-3", "H-3"}) EXPECT_FALSE(contains(page + json.out, other)) << other;
}

TEST_F(ExplainCliTest, WhatIsMissingExitsTwoWithAClearMessage) {
    load();
    PermitRow never = case_permit("P-x", "H-x");
    never.basis = "family";  // no coverage line takes it: in the register, never supervised
    insert(conn(), never);
    const auto permit = explain("--permit P-404");
    EXPECT_EQ(permit.exit_code, 2);
    EXPECT_TRUE(contains(permit.err, "--permit P-404: no such permit under supervision")) << permit.err;
    EXPECT_EQ(permit.out, "");
    const auto unsupervised = explain("--permit P-x");
    EXPECT_EQ(unsupervised.exit_code, 2);
    EXPECT_TRUE(contains(unsupervised.err, "--permit P-x: no such permit under supervision")) << unsupervised.err;
    const auto review = explain("--review 404 --format html");
    EXPECT_EQ(review.exit_code, 2);
    EXPECT_TRUE(contains(review.err, "--review 404: no such review")) << review.err;
    const auto empty = explain("--permit ''");
    EXPECT_EQ(empty.exit_code, 2) << empty.err;
}

TEST_F(ExplainCliTest, BadOptionsExitTwo) {
    for (const char* args : {"", "--permit P-1 --review 2", "--permit P-1 --format csv", "--review abc", "--review 0",
                             "--review -3", "--permit", "--permits P-1", "--permit P-1 --out"}) {
        const auto p = explain(args);
        EXPECT_EQ(p.exit_code, 2) << "explain " << args << ": " << p.err;
        EXPECT_EQ(p.out, "") << args;
    }
    EXPECT_TRUE(contains(explain("").err, "give either --permit P or --review R"));
}

TEST_F(ExplainCliTest, AnUnwritableOutExitsTwo) {
    load();
    const auto p = explain("--permit P-1 --out /nonexistent-folder/case.json");
    EXPECT_EQ(p.exit_code, 2);
    EXPECT_TRUE(contains(p.err, "--out /nonexistent-folder/case.json")) << p.err;
}

TEST_F(ExplainCliTest, ALoginWithoutTheSupervisorRoleIsRefusedNamingTheRole) {
    load();
    const auto p = explain("--permit P-1", "reader");
    EXPECT_EQ(p.exit_code, 1);
    EXPECT_TRUE(contains(p.err, "lacks a privilege")) << p.err;
    EXPECT_TRUE(contains(p.err, "supervision_supervisor")) << p.err;
    EXPECT_EQ(p.out, "");
}

// Migration 0012: the supervisor role reads one holder's permits through the function, the
// run ledger's step columns and the configurations; not the registers, the enrolments, the
// ledger's counts or errors.
TEST_F(ExplainCliTest, TheSupervisorRoleGetsOneHoldersPermitsAndNothingMore) {
    load();
    auto official = login("official");
    EXPECT_FALSE(can(*official, "SELECT * FROM registry.permit"));
    EXPECT_FALSE(can(*official, "SELECT * FROM supervision.supervised_permit"));
    EXPECT_FALSE(can(*official, "SELECT * FROM supervision.evaluated_permit"));
    EXPECT_FALSE(can(*official, "SELECT * FROM supervision.rejected_row_current"));
    EXPECT_FALSE(can(*official, "SELECT error FROM supervision.run"));
    EXPECT_FALSE(can(*official, "SELECT counts FROM supervision.run"));
    EXPECT_FALSE(can(*official, "SELECT evaluation FROM supervision.run"));
    EXPECT_TRUE(can(*official, "SELECT run_id, as_of, status, config_digest, service_version FROM supervision.run"));
    EXPECT_TRUE(can(*official, "SELECT config FROM supervision.config_snapshot"));
    EXPECT_FALSE(can(*official, "UPDATE supervision.config_snapshot SET config_version = 'x'"));
    auto holder_of = [&](const std::string& permit) {
        pqxx::read_transaction tx(*official);
        std::string out;
        for (const auto& r : tx.exec_params("SELECT permit_id, person_id FROM supervision.case_holder_permits($1) "
                                            "ORDER BY permit_id",
                                            permit)) {
            out += r[0].as<std::string>() + "/" + r[1].as<std::string>() + " ";
        }
        return out;
    };
    EXPECT_EQ(holder_of("P-1"), "P-0/H-1 P-1/H-1 ");
    EXPECT_EQ(holder_of("P-2"), "P-2/H-2 ");
    PermitRow never = case_permit("P-x", "H-x");
    never.basis = "family";
    insert(conn(), never);
    EXPECT_EQ(holder_of("P-x"), "") << "a permit never under supervision";
    EXPECT_EQ(holder_of(""), "");
    // The batch role does not need the function; nobody else may call it.
    auto reader = login("reader");
    EXPECT_FALSE(can(*reader, "SELECT * FROM supervision.case_holder_permits('P-1')"));
    EXPECT_EQ(scalar("SELECT has_function_privilege('supervision_batch', "
                     "'supervision.case_holder_permits(text)', 'EXECUTE')::text"),
              "false");
}

TEST_F(ExplainCliTest, TheQueueReportInEveryFormatAndItsBadOptions) {
    load_queue_fixture(conn());
    const std::string db =
        " --db '" + TestDatabase::instance().conninfo() + "' --config " + source_path("config/supervision.yaml");
    const auto json = run_binary("report queue" + db);
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const Json r = Json::parse(json.out);
    EXPECT_EQ(r["total"]["overdue"], 1);
    EXPECT_EQ(r["total"]["due_within_7_days"], 2);
    const auto csv = run_binary("report queue --format csv" + db);
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
              "kind,queue,month,open,hearing,due_within_7_days,overdue,open_age_median_days,open_age_max_days,backlog,"
              "backlog_age_median_days,backlog_age_max_days,closed,decision_median_days,decision_p90_days,opened,"
              "decided,decided_per_opened");
    EXPECT_TRUE(contains(csv.out, "\r\nqueue,work,,3,1,2,1,25.5,31,2,5.5,11,3,1.0,61.0,,,\r\n")) << csv.out;
    EXPECT_TRUE(contains(csv.out, "\r\ntotal,,,4,1,2,1,21.0,31,3,11.0,61,4,1.0,53.5,,,\r\n")) << csv.out;
    EXPECT_TRUE(contains(csv.out, "\r\nmonth,work,2025-11,,,,,,,,,,,,,4,2,0.50\r\n")) << csv.out;
    EXPECT_TRUE(contains(csv.out, "\r\nmonth,work,2025-12,,,,,,,,,,,,,0,1,\r\n")) << csv.out;
    EXPECT_TRUE(contains(csv.out, "\r\nmonth_total,,2025-11,,,,,,,,,,,,,5,3,0.60\r\n")) << csv.out;
    const auto html = run_binary("report queue --format html" + db);
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_TRUE(contains(html.out, "<svg id=\"queue-chart\""));
    EXPECT_TRUE(contains(html.out, "<svg id=\"flow-chart\""));
    EXPECT_TRUE(contains(html.out, "id=\"total-overdue\">1<"));
    for (const char* args : {"report queue --format xml", "report queue --year 2025", "report queue --table cohort",
                             "report queue --publish", "report queue --out"}) {
        const auto p = run_binary(std::string(args) + db);
        EXPECT_EQ(p.exit_code, 2) << args << ": " << p.err;
        EXPECT_EQ(p.out, "") << args;
    }
}

TEST_F(ExplainCliTest, TheSupervisorLoginCanRunTheQueueReport) {
    load_queue_fixture(conn());
    const auto p = run_binary("report queue --db '" + TestDatabase::instance().conninfo() +
                              " user=" + user("official") + "' --config " + source_path("config/supervision.yaml"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(Json::parse(p.out)["total"]["open"], 4);
}

}  // namespace
}  // namespace supervision::test
