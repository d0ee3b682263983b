// The case system's events (supervision.event): written in the run's writing transaction,
// notified on channel supervision_event with the last event_id when it commits. A consumer
// listens on a real second connection and reads the events after the last id it has: it
// receives exactly the committed events, never one of a failed or dry run, and one that
// was not listening (crashed, restarted) misses nothing and reads nothing twice.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <memory>
#include <string>
#include <vector>

namespace supervision::test {
namespace {

class Listener : public pqxx::notification_receiver {
public:
    explicit Listener(pqxx::connection& c) : pqxx::notification_receiver(c, "supervision_event") {}
    void operator()(const std::string& payload, int) override { payloads.push_back(payload); }
    std::vector<std::string> payloads;
};

// A consumer as the case system would write one: it remembers the last event_id it read.
struct Consumer {
    long long last = 0;
    std::vector<std::string> read(pqxx::connection& c) {
        pqxx::read_transaction tx(c);
        std::vector<std::string> out;
        for (const auto& r : tx.exec_params("SELECT event_id, kind, permit_id FROM supervision.event "
                                            "WHERE event_id > $1 ORDER BY event_id",
                                            last)) {
            last = r[0].as<long long>();
            out.push_back(r[1].as<std::string>() + ":" + r[2].as<std::string>());
        }
        return out;
    }
};

class EventsTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-06-30");
        set_source(conn(), "incomes", "2023-12-31");
        for (const char* id : {"P-1", "P-2"}) {
            PermitRow p;
            p.permit_id = id;
            p.person_id = std::string("H-") + id;
            p.valid_from = "2024-01-01";
            p.decision_date = "2023-12-01";
            insert(conn(), p);
            insert(conn(), EventRow{std::string("EV-") + id, std::string("H-") + id, "emigrated", "2024-06-20"});
        }
        listening_ = TestDatabase::instance().connect();
        listener_ = std::make_unique<Listener>(*listening_);
    }
    // Notifications that arrive within a second.
    std::vector<std::string> heard() {
        listening_->await_notification(1, 0);
        listening_->get_notifs();
        auto out = listener_->payloads;
        listener_->payloads.clear();
        return out;
    }

    std::unique_ptr<pqxx::connection> listening_;
    std::unique_ptr<Listener> listener_;
};

TEST_F(EventsTest, AListenerHearsExactlyTheCommittedEventsAndReadsThemOnce) {
    Consumer consumer;
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(heard(), std::vector<std::string>{"2"});
    EXPECT_EQ(consumer.read(*listening_), (std::vector<std::string>{"review_opened:P-1", "review_opened:P-2"}));
    // A night with nothing new: no event, no notification.
    run_on(conn(), "2024-07-02");
    EXPECT_TRUE(heard().empty());
    EXPECT_TRUE(consumer.read(*listening_).empty());
    // P-2's supervision ends (expired) while its review is open; P-1 gets a new signal.
    exec(conn(), "UPDATE registry.permit SET valid_until = '2024-07-02' WHERE permit_id = 'P-2'");
    insert(conn(), NoticeRow{"N-1", "H-P-1", std::string("E-1"), std::string("2024-07-03")});
    run_on(conn(), "2024-07-03");
    EXPECT_EQ(heard(), std::vector<std::string>{"5"});
    EXPECT_EQ(consumer.read(*listening_), (std::vector<std::string>{"signals_linked:P-1", "priority_raised:P-1",
                                                                    "supervision_ended_with_open_review:P-2"}));
}

TEST_F(EventsTest, AFailedOrDryRunLeavesNoEventAndNoNotification) {
    run_on(conn(), "2024-07-01", true);
    EXPECT_TRUE(heard().empty());
    // A failure after the events were written, in the same transaction (the evaluation state
    // is saved after them).
    exec(conn(),
         "CREATE FUNCTION public.refuse_change_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
         "RAISE EXCEPTION 'the change log refused'; END $$; "
         "CREATE TRIGGER fail BEFORE DELETE ON supervision.registry_change FOR EACH STATEMENT "
         "EXECUTE FUNCTION public.refuse_change_log()");
    EXPECT_THROW(run_on(conn(), "2024-07-01"), pqxx::sql_error);
    exec(conn(), "DROP TRIGGER fail ON supervision.registry_change; DROP FUNCTION public.refuse_change_log()");
    EXPECT_TRUE(heard().empty());
    EXPECT_EQ(count("SELECT count(*) FROM supervision.event"), 0);
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(heard(), std::vector<std::string>{"2"});
}

TEST_F(EventsTest, AConsumerThatWasNotListeningMissesNothingAndReadsNothingTwice) {
    Consumer consumer;
    run_on(conn(), "2024-07-01");
    EXPECT_EQ(consumer.read(*listening_).size(), 2u);
    // The consumer is down for two nights: it hears nothing, and reads all after its last id.
    listener_.reset();
    exec(conn(), "UPDATE registry.permit SET valid_until = '2024-07-02' WHERE permit_id = 'P-2'");
    run_on(conn(), "2024-07-03");
    insert(conn(), NoticeRow{"N-1", "H-P-1", std::string("E-1"), std::string("2024-07-04")});
    run_on(conn(), "2024-07-04");
    EXPECT_EQ(consumer.read(*listening_), (std::vector<std::string>{"supervision_ended_with_open_review:P-2",
                                                                    "signals_linked:P-1", "priority_raised:P-1"}));
    EXPECT_TRUE(consumer.read(*listening_).empty());
    EXPECT_EQ(consumer.last, count("SELECT max(event_id) FROM supervision.event"));
}

}  // namespace
}  // namespace supervision::test
