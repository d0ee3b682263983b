// rules.md §6, the review lifecycle in the database (sql/migrations/0008_review_lifecycle.sql):
// open → hearing → closed or open → closed, outcome and closed_on on closing only, a closed
// review never reopened or changed, no review deleted; refused for every role (a login in
// the batch and supervisor roles, and the owner), with a message that names the review and
// the transition; every accepted change in the audit trail, no refused one.
#include "support/registry_builder.h"
#include "support/test_database.h"

#include <unistd.h>

#include <memory>
#include <string>

namespace supervision::test {
namespace {

std::string user(const char* role) {
    return "l" + std::to_string(getpid()) + "_" + role;
}

constexpr const char* kInsertOpen =
    "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, priority, status, opened_on, "
    "opened_run, due_on, evidence) VALUES (1, 'P-1', 'H-1', 'work', 1, 'open', '2025-11-04', 1, '2025-12-04', '{}')";

// What a statement leads to when run as a login, rolled back either way: "" when it is
// accepted, "privilege" when a privilege is missing, else the database's message.
std::string outcome(pqxx::connection& c, const std::string& sql) {
    pqxx::work tx(c);
    try {
        tx.exec(sql);
        return "";
    } catch (const pqxx::insufficient_privilege&) {
        return "privilege";
    } catch (const pqxx::sql_error& e) {
        return e.what();
    }
}

bool refused_naming(const std::string& message, const std::string& words) {
    return message.find("review 1: " + words) != std::string::npos;
}

class ReviewLifecycleTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor"}) {
            tx.exec0("CREATE ROLE " + tx.quote_name(user(role)) + " LOGIN IN ROLE " +
                     tx.quote_name(std::string("supervision_") + role));
        }
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor"}) tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user(role)));
    }
    std::unique_ptr<pqxx::connection> login(const char* role) {
        return std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + user(role));
    }
    // The review in a state, reached the way the supervisors' system reaches it.
    void review_in(const std::string& status) {
        exec(conn(), kInsertOpen);
        if (status == "hearing") exec(conn(), "UPDATE supervision.revocation_review SET status = 'hearing'");
        if (status == "closed") {
            exec(conn(),
                 "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
                 "closed_on = '2025-11-20'");
        }
    }
    long long audit_rows() { return count("SELECT count(*) FROM supervision.review_audit WHERE review_id = 1"); }
};

TEST_F(ReviewLifecycleTest, InsertsAreOpenOnlyForEveryRole) {
    auto batch = login("batch");
    auto supervisor = login("supervisor");
    const std::string columns =
        "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, priority, status, outcome, "
        "opened_on, opened_run, due_on, closed_on, evidence) VALUES (1, 'P-1', 'H-1', 'work', 1, ";
    for (const std::string values : {"'closed', 'revoked', '2025-11-04', 1, '2025-12-04', '2025-11-05', '{}')",
                                     "'hearing', NULL, '2025-11-04', 1, '2025-12-04', NULL, '{}')",
                                     "'open', 'no_action', '2025-11-04', 1, '2025-12-04', NULL, '{}')",
                                     "'open', NULL, '2025-11-04', 1, '2025-12-04', '2025-11-05', '{}')"}) {
        EXPECT_TRUE(refused_naming(outcome(*batch, columns + values), "insert as")) << values;
        EXPECT_TRUE(refused_naming(outcome(conn(), columns + values), "insert as")) << values;
        EXPECT_EQ(outcome(*supervisor, columns + values), "privilege") << values;
    }
    EXPECT_EQ(outcome(*batch, kInsertOpen), "");
    EXPECT_EQ(audit_rows(), 0);
}

TEST_F(ReviewLifecycleTest, TheSupervisorMovesOpenToHearingToClosedAndEachStepIsAudited) {
    review_in("open");
    auto supervisor = login("supervisor");
    exec(*supervisor, "UPDATE supervision.revocation_review SET status = 'hearing' WHERE review_id = 1");
    exec(*supervisor,
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'revoked', "
         "closed_on = '2025-12-01' WHERE review_id = 1");
    EXPECT_EQ(scalar("SELECT status || ' ' || outcome || ' ' || closed_on FROM supervision.revocation_review"),
              "closed revoked 2025-12-01");
    EXPECT_EQ(scalar("SELECT string_agg(operation || ':' || coalesce(new_values->>'status', ''), ' ' ORDER BY "
                     "audit_id) FROM supervision.review_audit WHERE review_id = 1"),
              "INSERT:open UPDATE:hearing UPDATE:closed");
}

TEST_F(ReviewLifecycleTest, OpenToClosedDirectlyAndOnTheDayItOpenedIsAccepted) {
    review_in("open");
    auto supervisor = login("supervisor");
    EXPECT_EQ(outcome(*supervisor,
                      "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
                      "closed_on = '2025-11-04'"),
              "");
}

TEST_F(ReviewLifecycleTest, HearingNeverGoesBackToOpen) {
    review_in("hearing");
    auto supervisor = login("supervisor");
    const std::string back = "UPDATE supervision.revocation_review SET status = 'open'";
    EXPECT_TRUE(refused_naming(outcome(*supervisor, back), "status hearing → open refused"));
    EXPECT_TRUE(refused_naming(outcome(conn(), back), "status hearing → open refused"));
    EXPECT_EQ(outcome(*login("batch"), back), "privilege");
    EXPECT_EQ(audit_rows(), 2);
}

TEST_F(ReviewLifecycleTest, AClosedReviewIsNeverReopenedOrChangedByAnyRole) {
    review_in("closed");
    const auto before = audit_rows();
    auto supervisor = login("supervisor");
    auto batch = login("batch");
    for (const char* change :
         {"status = 'open', outcome = NULL, closed_on = NULL", "status = 'hearing', outcome = NULL, closed_on = NULL",
          "outcome = 'revoked'", "closed_on = '2025-11-21'"}) {
        const std::string sql = std::string("UPDATE supervision.revocation_review SET ") + change;
        EXPECT_TRUE(refused_naming(outcome(*supervisor, sql), "change of a closed review refused")) << change;
        EXPECT_TRUE(refused_naming(outcome(conn(), sql), "change of a closed review refused")) << change;
        EXPECT_EQ(outcome(*batch, sql), "privilege") << change;
    }
    // What the batch role may change on an open review, it may not on a closed one.
    for (const char* change : {"priority = 9", "due_on = '2025-11-30'"}) {
        const std::string sql = std::string("UPDATE supervision.revocation_review SET ") + change;
        EXPECT_TRUE(refused_naming(outcome(*batch, sql), "change of a closed review refused")) << change;
    }
    EXPECT_EQ(audit_rows(), before);
}

TEST_F(ReviewLifecycleTest, WritingAClosedReviewsOwnValuesAgainChangesNothingAndIsAccepted) {
    review_in("closed");
    const auto before = audit_rows();
    EXPECT_EQ(outcome(*login("supervisor"),
                      "UPDATE supervision.revocation_review SET status = 'closed', "
                      "outcome = 'no_action', closed_on = '2025-11-20'"),
              "");
    EXPECT_EQ(audit_rows(), before);
}

TEST_F(ReviewLifecycleTest, OutcomeAndClosedOnComeWithClosingAndOnlyThen) {
    review_in("open");
    auto supervisor = login("supervisor");
    const std::string set = "UPDATE supervision.revocation_review SET ";
    EXPECT_TRUE(
        refused_naming(outcome(*supervisor, set + "status = 'closed', closed_on = '2025-11-20'"), "closing refused"));
    EXPECT_TRUE(
        refused_naming(outcome(*supervisor, set + "status = 'closed', outcome = 'revoked'"), "closing refused"));
    EXPECT_TRUE(refused_naming(outcome(*supervisor, set + "outcome = 'revoked'"), "outcome or closed_on"));
    EXPECT_TRUE(refused_naming(outcome(*supervisor, set + "status = 'hearing', closed_on = '2025-11-20'"),
                               "outcome or closed_on"));
    EXPECT_TRUE(
        refused_naming(outcome(*supervisor, set + "status = 'closed', outcome = 'revoked', closed_on = '2025-11-03'"),
                       "closed_on 2025-11-03 refused"));
    EXPECT_TRUE(
        refused_naming(outcome(conn(), set + "status = 'closed', outcome = 'revoked', closed_on = '2025-11-03'"),
                       "closed_on 2025-11-03 refused"));
    EXPECT_EQ(audit_rows(), 1);
}

TEST_F(ReviewLifecycleTest, WhatWasFixedAtOpeningStaysEvenForTheOwner) {
    review_in("open");
    for (const char* change : {"permit_id = 'P-9'", "person_id = 'H-9'", "queue = 'study'", "opened_on = '2025-11-01'",
                               "opened_run = 7", "evidence = '{\"x\": 1}'", "review_id = 2"}) {
        EXPECT_NE(outcome(conn(), std::string("UPDATE supervision.revocation_review SET ") + change)
                      .find("review 1: change of"),
                  std::string::npos)
            << change;
    }
}

TEST_F(ReviewLifecycleTest, NoRoleDeletesAReview) {
    review_in("hearing");
    EXPECT_TRUE(refused_naming(outcome(conn(), "DELETE FROM supervision.revocation_review"), "deletion refused"));
    EXPECT_EQ(outcome(*login("batch"), "DELETE FROM supervision.revocation_review"), "privilege");
    EXPECT_EQ(outcome(*login("supervisor"), "DELETE FROM supervision.revocation_review"), "privilege");
}

TEST_F(ReviewLifecycleTest, TheBatchRoleChangesOnlyPriorityAndDueDateOfAnOpenOrHearingReview) {
    review_in("hearing");
    auto batch = login("batch");
    EXPECT_EQ(outcome(*batch, "UPDATE supervision.revocation_review SET priority = 2.5, due_on = '2025-11-20'"), "");
    for (const char* change :
         {"status = 'closed', outcome = 'revoked', closed_on = '2025-11-05'", "outcome = 'no_action'",
          "closed_on = '2025-11-05'", "queue = 'study'", "evidence = '{}'"}) {
        EXPECT_EQ(outcome(*batch, std::string("UPDATE supervision.revocation_review SET ") + change), "privilege")
            << change;
    }
}

TEST_F(ReviewLifecycleTest, TheGuardRefusesToRunOnAnyOtherTable) {
    auto supervisor = login("supervisor");
    EXPECT_EQ(outcome(*supervisor,
                      "CREATE TEMP TABLE revocation_review (LIKE supervision.revocation_review); "
                      "CREATE TRIGGER t BEFORE INSERT ON pg_temp.revocation_review FOR EACH ROW "
                      "EXECUTE FUNCTION supervision.review_lifecycle()"),
              "privilege");
}

}  // namespace
}  // namespace supervision::test
