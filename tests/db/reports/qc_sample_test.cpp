// The quality-control sample: each run day draws the configured number of
// permits under supervision with no open signal and no active review, in the order of
// md5(as_of || permit_id), and stores it with the run; a rerun of the day keeps it.
#include "errors.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

const char* const kDefaultSize = "quality_control:\n  sample_size: [{from: 2000-01-01, value: 20}]";

// Three a day until 2024-07-02, none from 2024-07-03.
config::Config three_a_day() {
    return config_replacing(kDefaultSize,
                            "quality_control:\n  sample_size: [{from: 2000-01-01, value: 3}, "
                            "{from: 2024-07-03, value: 0}]");
}

class QcSampleTest : public DbTest {
protected:
    void SetUp() override {
        DbTest::SetUp();
        set_all_sources(conn(), "2024-06-30");
        set_source(conn(), "incomes", "2023-12-31");  // no income month: no income signals
        for (int i = 1; i <= 8; ++i) {
            PermitRow p;
            p.permit_id = "P-0" + std::to_string(i);
            p.person_id = "H-" + p.permit_id;
            p.decision_date = "2023-12-01";
            insert(conn(), p);
        }
        // P-05 emigrated: a signal and a review; it is never in the sample.
        insert(conn(), EventRow{"EV-5", std::string("H-P-05"), std::string("emigrated"), std::string("2024-06-20")});
    }
    std::string sample(const std::string& as_of) {
        return scalar(
            "SELECT coalesce(string_agg(permit_id || '#' || draw_rank || '@' || run_id, ' ' ORDER BY draw_rank), '') "
            "FROM supervision.qc_sample WHERE as_of = '" +
            as_of + "'");
    }
    // The first n of the population by md5(as_of || permit_id), worked out apart from the run.
    std::string expected(const std::string& as_of, int n, long long run_id) {
        return scalar("SELECT string_agg(id || '#' || r || '@" + std::to_string(run_id) +
                      "', ' ' ORDER BY r) FROM ("
                      "SELECT id, row_number() OVER (ORDER BY md5('" +
                      as_of +
                      "' || id), id) AS r "
                      "FROM unnest(ARRAY['P-01','P-02','P-03','P-04','P-06','P-07','P-08']) AS id) s WHERE r <= " +
                      std::to_string(n));
    }
};

TEST_F(QcSampleTest, DrawsTheConfiguredNumberReproduciblyWithoutSignalledPermits) {
    const auto cfg = three_a_day();
    const auto first = run_on(conn(), cfg, "2024-07-01");
    ASSERT_EQ(count("SELECT count(*) FROM supervision.revocation_review WHERE permit_id = 'P-05'"), 1);
    EXPECT_EQ(first.counts["qc_sample"].get<long long>(), 3);
    EXPECT_EQ(sample("2024-07-01"), expected("2024-07-01", 3, first.run_id));
    EXPECT_EQ(count("SELECT count(*) FROM supervision.qc_sample WHERE permit_id = 'P-05'"), 0);
    EXPECT_EQ(scalar("SELECT string_agg(DISTINCT line_id, ',') FROM supervision.qc_sample"), "specialist-extended");
}

TEST_F(QcSampleTest, ARerunOfTheDayKeepsTheSampleAndTheNextDayDrawsItsOwn) {
    const auto cfg = three_a_day();
    const auto first = run_on(conn(), cfg, "2024-07-01");
    const auto before = sample("2024-07-01");
    const auto again = run_on(conn(), cfg, "2024-07-01");
    EXPECT_EQ(again.counts["qc_sample"].get<long long>(), 3);
    EXPECT_EQ(sample("2024-07-01"), before);
    const auto next = run_on(conn(), cfg, "2024-07-02");
    EXPECT_EQ(sample("2024-07-02"), expected("2024-07-02", 3, next.run_id));
    EXPECT_NE(next.run_id, first.run_id);
    // From 2024-07-03 the size is 0: nothing drawn.
    const auto none = run_on(conn(), cfg, "2024-07-03");
    EXPECT_EQ(none.counts["qc_sample"].get<long long>(), 0);
    EXPECT_EQ(sample("2024-07-03"), "");
}

TEST_F(QcSampleTest, ADryRunStoresNoSample) {
    const auto dry = run_on(conn(), three_a_day(), "2024-07-01", true);
    EXPECT_EQ(dry.counts["qc_sample"].get<long long>(), 3);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.qc_sample"), 0);
}

TEST_F(QcSampleTest, ASampleLargerThanThePopulationTakesItAll) {
    const auto cfg =
        config_replacing(kDefaultSize, "quality_control:\n  sample_size: [{from: 2000-01-01, value: 100}]");
    const auto r = run_on(conn(), cfg, "2024-07-01");
    EXPECT_EQ(r.counts["qc_sample"].get<long long>(), 7);
    EXPECT_EQ(sample("2024-07-01"), expected("2024-07-01", 7, r.run_id));
}

TEST_F(QcSampleTest, ConfigurationWithoutTheKeyDrawsNoneAndABadSizeIsRefused) {
    const auto none = config_replacing(kDefaultSize, "");
    EXPECT_EQ(run_on(conn(), none, "2024-07-01").counts["qc_sample"].get<long long>(), 0);
    EXPECT_THROW(config_replacing(kDefaultSize, "quality_control:\n  sample_size: [{from: 2000-01-01, value: 2.5}]"),
                 ConfigError);
    EXPECT_THROW(config_replacing(kDefaultSize, "quality_control:\n  sample_size: [{from: 2000-01-01, value: -1}]"),
                 ConfigError);
    EXPECT_THROW(config_replacing(kDefaultSize, "quality_control:\n  size: [{from: 2000-01-01, value: 1}]"),
                 ConfigError);
}

}  // namespace
}  // namespace supervision::test
