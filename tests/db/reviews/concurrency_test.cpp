// rules.md §6: supervisors' changes commit at any moment, also while a run is in progress.
// A run never links a signal to a review whose closing committed before the link, and
// never fails or waits because supervisors worked (docs/architecture.md, "Supervisors
// during a run"). Real concurrent sessions: a run on its own connection in a thread, a
// supervisor logged in as the supervisor role, and a test session that holds a table lock
// to stop the run at a chosen point of its writing transaction.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/signal_queries.h"
#include "support/test_database.h"

#include <unistd.h>

#include <chrono>
#include <exception>
#include <memory>
#include <thread>

namespace supervision::test {
namespace {

std::string user(const char* role) {
    return "c" + std::to_string(getpid()) + "_" + role;
}

// A run on a connection of its own, in a thread: join() returns its result or rethrows.
class BackgroundRun {
public:
    explicit BackgroundRun(const std::string& as_of) : conn_(TestDatabase::instance().connect()) {
        thread_ = std::thread([this, as_of] {
            try {
                result_ = run_on(*conn_, as_of);
            } catch (...) {
                error_ = std::current_exception();
            }
        });
    }
    ~BackgroundRun() {
        if (thread_.joinable()) thread_.join();
    }
    run::RunResult join() {
        thread_.join();
        if (error_) std::rethrow_exception(error_);
        return result_;
    }

private:
    std::unique_ptr<pqxx::connection> conn_;
    std::thread thread_;
    run::RunResult result_;
    std::exception_ptr error_;
};

class SupervisorsDuringARunTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("CREATE ROLE " + tx.quote_name(user("officer")) + " LOGIN IN ROLE supervision_supervisor");
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user("officer")));
    }
    // A specialist who emigrated: the first night opens review 1 on that signal; then the
    // employer's notice of an ended employment arrives for the next night.
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-06-30");
        set_source(conn(), "incomes", "2023-12-31");  // no complete income month: no income signals
        PermitRow p;
        p.valid_from = "2024-01-01";
        p.decision_date = "2023-12-01";
        insert(conn(), p);
        insert(conn(), EventRow{"EV-1", "H-1", "emigrated", "2024-06-20"});
        run_on(conn(), "2024-07-01");
        ASSERT_EQ(scalar("SELECT string_agg(review_id || ':' || status, ' ') FROM supervision.revocation_review"),
                  "1:open");
        insert(conn(), NoticeRow{"N-1", "H-1", std::string("E-1"), std::string("2024-07-01")});
        officer_ = std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + user("officer"));
        blocker_ = TestDatabase::instance().connect();
    }
    // Stops the next run at the first statement of its writing transaction that writes
    // `table`, until release(); the run reads freely meanwhile.
    void hold(const std::string& table) {
        hold_ = std::make_unique<pqxx::work>(*blocker_);
        hold_->exec0("LOCK TABLE " + table + " IN SHARE MODE");
    }
    void release() {
        hold_->commit();
        hold_.reset();
    }
    // Waits until some session waits for a lock on `table` (the run has reached it).
    void await_waiting_on(const std::string& table) {
        await("NOT l.granted AND l.relation = '" + table + "'::regclass");
    }
    // Waits until the officer's session waits for a lock.
    void await_officer_waiting() { await("NOT l.granted AND a.usename = '" + user("officer") + "'"); }
    void await(const std::string& condition) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (count("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE " + condition) ==
               0) {
            ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "never waited: " << condition;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    void close_review(pqxx::connection& c, const std::string& outcome, const std::string& on) {
        exec(c, "UPDATE supervision.revocation_review SET status = 'closed', outcome = '" + outcome +
                    "', closed_on = '" + on + "' WHERE review_id = 1");
    }
    std::optional<SignalRow> ended() { return open_signal(conn(), "P-1", "employment_ended"); }

    std::unique_ptr<pqxx::connection> officer_;
    std::unique_ptr<pqxx::connection> blocker_;
    std::unique_ptr<pqxx::work> hold_;
};

TEST_F(SupervisorsDuringARunTest, AReviewClosedAfterTheRunBeganAndBeforeItCommittedGetsNoNewSignal) {
    hold("supervision.rejected_row_current");  // the writing transaction's first write
    BackgroundRun run("2024-07-02");
    await_waiting_on("supervision.rejected_row_current");
    // The run's evaluation has seen review 1 open; the supervisor closes it now.
    close_review(*officer_, "no_action", "2024-07-02");
    release();
    const auto result = run.join();
    EXPECT_EQ(scalar("SELECT status FROM supervision.run WHERE run_id = " + std::to_string(result.run_id)),
              "succeeded");
    const auto signal = ended();
    ASSERT_TRUE(signal);
    EXPECT_FALSE(signal->review_id) << "linked to a review closed before the link";
    EXPECT_EQ(result.counts["signals_linked_to_open_reviews"], 0);
    // Unreviewed, it competes like any other: the no_action cooldown keeps it from a review.
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.review_backlog"), 0);
}

TEST_F(SupervisorsDuringARunTest, ASignalArrivingAsItsReviewIsRevokedCompetesForANewReview) {
    hold("supervision.rejected_row_current");
    BackgroundRun run("2024-07-02");
    await_waiting_on("supervision.rejected_row_current");
    close_review(*officer_, "revoked", "2024-07-02");
    release();
    run.join();
    // The permit stays valid in the register until the revocation is recorded there: the
    // new signal alone (0.5) is under the threshold, so it waits, unreviewed.
    const auto signal = ended();
    ASSERT_TRUE(signal);
    EXPECT_FALSE(signal->review_id);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.revocation_review"), 1);
    // The person leaves again: 1.5 in unreviewed signals, no cooldown after `revoked`.
    insert(conn(), EventRow{"EV-2", "H-1", "returned", "2024-07-02"});
    run_on(conn(), "2024-07-03");
    insert(conn(), EventRow{"EV-3", "H-1", "emigrated", "2024-07-04"});
    run_on(conn(), "2024-07-04");
    EXPECT_EQ(scalar("SELECT string_agg(review_id || ':' || status || ':' || priority, ' ' ORDER BY review_id) "
                     "FROM supervision.revocation_review"),
              "1:closed:1 2:open:1.5");
    EXPECT_EQ(ended()->review_id, std::optional<long long>(2));
}

TEST_F(SupervisorsDuringARunTest, AReviewASupervisorIsChangingIsLeftAloneAndTheRunDoesNotWait) {
    pqxx::work change(*officer_);
    change.exec0("UPDATE supervision.revocation_review SET status = 'hearing' WHERE review_id = 1");
    // Uncommitted: the supervisor's transaction holds the review's row lock for the whole run.
    const auto result = run_on(conn(), "2024-07-02");
    EXPECT_EQ(result.counts["signals_waiting_for_busy_review"], 1);
    EXPECT_EQ(result.counts["signals_linked_to_open_reviews"], 0);
    EXPECT_EQ(result.counts["reviews_escalated"], 0);
    EXPECT_FALSE(ended()->review_id);
    change.commit();
    // The next night links it to the review, now in hearing.
    const auto next = run_on(conn(), "2024-07-03");
    EXPECT_EQ(next.counts["signals_linked_to_open_reviews"], 1);
    EXPECT_EQ(ended()->review_id, std::optional<long long>(1));
    EXPECT_EQ(scalar("SELECT status FROM supervision.revocation_review WHERE review_id = 1"), "hearing");
}

TEST_F(SupervisorsDuringARunTest, ASupervisorsCloseWaitsForTheRunThatLinkedASignalAndThenSucceeds) {
    hold("supervision.review_backlog");  // written after the link
    BackgroundRun run("2024-07-02");
    await_waiting_on("supervision.review_backlog");
    std::exception_ptr officer_error;
    std::thread officer([&] {
        try {
            close_review(*officer_, "no_action", "2024-07-02");
        } catch (...) {
            officer_error = std::current_exception();
        }
    });
    await_officer_waiting();  // the review is the run's until it commits
    release();
    run.join();
    officer.join();
    if (officer_error) std::rethrow_exception(officer_error);
    // The link committed first, then the closing: the official closed with the signal shown.
    EXPECT_EQ(ended()->review_id, std::optional<long long>(1));
    EXPECT_EQ(scalar("SELECT status || ' ' || outcome FROM supervision.revocation_review WHERE review_id = 1"),
              "closed no_action");
    // Inserted, escalated by the run (1.0 + 0.5), then closed by the official.
    EXPECT_EQ(scalar("SELECT string_agg(operation || ':' || coalesce(new_values->>'priority', '') || ':' || "
                     "coalesce(new_values->>'status', ''), ' ' ORDER BY audit_id) FROM supervision.review_audit "
                     "WHERE review_id = 1"),
              "INSERT:1:open UPDATE:1.5: UPDATE::closed");
}

TEST_F(SupervisorsDuringARunTest, ReviewsWithoutNewSignalsAreNeverLockedByTheRun) {
    hold("supervision.review_backlog");
    exec(conn(), "DELETE FROM registry.employment_notice");  // nothing new for review 1
    BackgroundRun run("2024-07-02");
    await_waiting_on("supervision.review_backlog");
    // The run is in its writing transaction; the supervisor's change goes through at once.
    close_review(*officer_, "no_action", "2024-07-02");
    release();
    run.join();
    EXPECT_EQ(scalar("SELECT status FROM supervision.revocation_review WHERE review_id = 1"), "closed");
}

}  // namespace
}  // namespace supervision::test
