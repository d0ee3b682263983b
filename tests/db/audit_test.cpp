// The audit trail (supervision.review_audit, sql/migrations/0005_roles_audit.sql):
// every change to a review, by the run or by a supervisor, is recorded with who, when and
// the values before and after, so that an auditor can rebuild a case's history. A change
// rolled back leaves no audit row (the kill tests compare the trail after a kill too).
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <unistd.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace supervision::test {
namespace {

constexpr const char* kHistory =
    "SELECT operation, changed_by, acting_role, coalesce(application, ''), coalesce(old_values::text, 'null'), "
    "coalesce(new_values::text, 'null'), changed_at::text FROM supervision.review_audit WHERE review_id = $1 "
    "ORDER BY audit_id";
constexpr const char* kCurrent = "SELECT to_jsonb(r)::text FROM supervision.revocation_review r WHERE review_id = $1";

std::string user(const char* role) {
    return "a" + std::to_string(getpid()) + "_" + role;
}

struct Change {
    std::string operation, changed_by, acting_role, application;
    nlohmann::json before, after;
    std::string at;
};

class AuditTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("CREATE ROLE " + tx.quote_name(user("batch")) + " LOGIN IN ROLE supervision_batch");
        tx.exec0("CREATE ROLE " + tx.quote_name(user("officer")) + " LOGIN IN ROLE supervision_supervisor");
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "officer"}) tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user(role)));
    }
    void SetUp() override {
        DbTest::SetUp();
        load_small_demo(conn(), "2025-11-04");
        const auto p = run_binary("run --as-of 2025-11-03 --db '" + TestDatabase::instance().conninfo() +
                                  " user=" + user("batch") + "' --config " + source_path("config/supervision.yaml"));
        ASSERT_EQ(p.exit_code, 0) << p.err;
        review_ = count("SELECT min(review_id) FROM supervision.revocation_review");
    }
    std::unique_ptr<pqxx::connection> officer() {
        return std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + user("officer") +
                                                  " application_name=case-system");
    }
    static void update(pqxx::connection& c, const std::string& set, long long review, bool commit = true) {
        pqxx::work tx(c);
        tx.exec_params0("UPDATE supervision.revocation_review SET " + set + " WHERE review_id = $1", review);
        if (commit) tx.commit();
    }
    std::vector<Change> history(long long review) {
        pqxx::read_transaction tx(conn());
        std::vector<Change> out;
        for (const auto& r : tx.exec_params(kHistory, review)) {
            out.push_back(Change{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(),
                                 r[3].as<std::string>(), nlohmann::json::parse(r[4].as<std::string>()),
                                 nlohmann::json::parse(r[5].as<std::string>()), r[6].as<std::string>()});
        }
        return out;
    }
    nlohmann::json current(long long review) {
        pqxx::read_transaction tx(conn());
        return nlohmann::json::parse(tx.exec_params1(kCurrent, review)[0].as<std::string>());
    }

    long long review_ = 0;
};

TEST_F(AuditTest, ACaseHistoryIsRebuiltFromTheTrail) {
    auto c = officer();
    update(*c, "status = 'hearing'", review_);
    update(*c, "status = 'hearing'", review_);  // changes nothing: no audit row
    update(*c, "status = 'closed', outcome = 'no_action', closed_on = '2025-11-20'", review_, false);  // rolled back
    {
        pqxx::nontransaction tx(*c);
        tx.exec0("SET ROLE supervision_supervisor");
    }
    update(*c, "status = 'closed', outcome = 'revoked', closed_on = '2025-11-21'", review_);

    const auto h = history(review_);
    ASSERT_EQ(h.size(), 3u);
    EXPECT_EQ(h[0].operation, "INSERT");
    EXPECT_EQ(h[0].changed_by, user("batch"));
    EXPECT_EQ(h[0].application, "supervision.run");
    EXPECT_TRUE(h[0].before.is_null());
    EXPECT_EQ(h[1].operation, "UPDATE");
    EXPECT_EQ(h[1].changed_by, user("officer"));
    EXPECT_EQ(h[1].acting_role, user("officer"));
    EXPECT_EQ(h[1].application, "case-system");
    EXPECT_EQ(h[1].before, nlohmann::json({{"status", "open"}}));
    EXPECT_EQ(h[1].after, nlohmann::json({{"status", "hearing"}}));
    EXPECT_EQ(h[2].changed_by, user("officer"));
    EXPECT_EQ(h[2].acting_role, "supervision_supervisor");
    EXPECT_EQ(h[2].before, nlohmann::json({{"status", "hearing"}, {"outcome", nullptr}, {"closed_on", nullptr}}));
    EXPECT_EQ(h[2].after, nlohmann::json({{"status", "closed"}, {"outcome", "revoked"}, {"closed_on", "2025-11-21"}}));
    EXPECT_LE(h[0].at, h[1].at);
    EXPECT_LE(h[1].at, h[2].at);

    // Replay: the inserted row, then each change (whose "before" is what the row was).
    nlohmann::json row = h[0].after;
    for (std::size_t i = 1; i < h.size(); ++i) {
        for (const auto& [key, value] : h[i].before.items()) EXPECT_EQ(row[key], value) << "change " << i << " " << key;
        for (const auto& [key, value] : h[i].after.items()) row[key] = value;
    }
    EXPECT_EQ(row, current(review_));
}

TEST_F(AuditTest, EveryReviewTheRunOpenedHasItsInsertAndNothingElse) {
    EXPECT_GT(count("SELECT count(*) FROM supervision.revocation_review"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review r WHERE NOT EXISTS (SELECT 1 FROM "
                    "supervision.review_audit a WHERE a.review_id = r.review_id AND a.operation = 'INSERT' "
                    "AND a.new_values = to_jsonb(r))"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.review_audit WHERE operation <> 'INSERT'"), 0);
}

TEST_F(AuditTest, ADeletionIsRefusedEvenForTheOwnerAndLeavesTheTrailAsItWas) {
    const auto before = history(review_).size();
    try {
        exec(conn(), "DELETE FROM supervision.revocation_review WHERE review_id = " + std::to_string(review_));
        FAIL() << "the owner deleted a review";
    } catch (const pqxx::sql_error& e) {
        EXPECT_NE(std::string(e.what()).find("review " + std::to_string(review_) + ": deletion refused"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(history(review_).size(), before);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review WHERE review_id = " + std::to_string(review_)),
              1);
}

}  // namespace
}  // namespace supervision::test
