// The metrics file (service/run/metrics.h): Prometheus text format of one run's outcome,
// written the textfile-collector way. No database.
#include "run/metrics.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace supervision::run {
namespace {

RunOutcome succeeded_run() {
    RunOutcome o;
    o.succeeded = true;
    o.as_of = *rules::parse_iso_date("2025-11-04");
    o.duration_seconds = 12.5;
    o.finished_at = 1762240000;
    o.last_success_at = 1762240000;
    o.signal_types = {"emigrated", "no_income"};
    o.queues = {"study", "work"};
    o.counts = nlohmann::json::parse(R"({
        "enrolled": 7, "ended": 2, "evaluated": 40,
        "evaluation": {"mode": "incremental", "reason": "3 persons changed", "persons": 3},
        "stage_seconds": {"registers": 0.004, "signals": 1.25},
        "signals_raised": {"no_income": 3}, "signals_resolved": {}, "signals_open": {"no_income": 5, "thematic": 1},
        "reviews_opened_by_queue": {"work": 2}, "backlog_by_queue": {"work": 1},
        "rejected_rows_by_source": {"permit": 4},
        "registers": {"incomes": {"complete_through": "2025-10-31"}, "studies": {"complete_through": null}},
        "stale_registers": ["studies"]})");
    return o;
}

// name{labels} → value, and how often each HELP and TYPE line occurs per family.
struct Parsed {
    std::map<std::string, std::string> samples;
    std::map<std::string, int> help, type;
};

Parsed parse(const std::string& text) {
    Parsed p;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string a, b, c;
        words >> a >> b >> c;
        if (a == "#" && b == "HELP")
            ++p.help[c];
        else if (a == "#" && b == "TYPE") {
            ++p.type[c];
            EXPECT_EQ(line.substr(line.rfind(' ') + 1), "gauge") << line;
        } else {
            p.samples[a] = b;
        }
    }
    return p;
}

TEST(MetricsTest, EverySampleBelongsToAFamilyWithOneHelpAndOneTypeLine) {
    const auto p = parse(metrics_text(succeeded_run()));
    ASSERT_FALSE(p.samples.empty());
    for (const auto& [sample, value] : p.samples) {
        const std::string family = sample.substr(0, sample.find('{'));
        EXPECT_EQ(p.help.count(family) ? p.help.at(family) : 0, 1) << family;
        EXPECT_EQ(p.type.count(family) ? p.type.at(family) : 0, 1) << family;
    }
    for (const auto& [family, n] : p.help) EXPECT_EQ(p.type.count(family), 1u) << family;
}

TEST(MetricsTest, SucceededRunReportsItsCounts) {
    const auto s = parse(metrics_text(succeeded_run())).samples;
    EXPECT_EQ(s.at("supervision_run_status"), "1");
    EXPECT_EQ(s.at("supervision_run_exit_code"), "0");
    EXPECT_EQ(s.at("supervision_run_duration_seconds"), "12.5");
    EXPECT_EQ(s.at("supervision_run_as_of_timestamp_seconds"), "1762214400");  // 2025-11-04T00:00Z
    EXPECT_EQ(s.at("supervision_last_success_timestamp_seconds"), "1762240000");
    EXPECT_EQ(s.at("supervision_run_stage_duration_seconds{stage=\"signals\"}"), "1.25");
    EXPECT_EQ(s.at("supervision_run_enrolled_permits"), "7");
    EXPECT_EQ(s.at("supervision_run_ended_permits"), "2");
    EXPECT_EQ(s.at("supervision_supervised_permits"), "40");
    EXPECT_EQ(s.at("supervision_run_full_evaluation"), "0");
    EXPECT_EQ(s.at("supervision_run_evaluated_persons"), "3");
    EXPECT_EQ(s.at("supervision_reviews_opened{queue=\"work\"}"), "2");
    EXPECT_EQ(s.at("supervision_review_backlog{queue=\"work\"}"), "1");
    EXPECT_EQ(s.at("supervision_rejected_rows{source=\"permit\"}"), "4");
    EXPECT_EQ(s.at("supervision_register_complete_through_timestamp_seconds{register=\"incomes\"}"), "1761868800");
    EXPECT_EQ(s.count("supervision_register_complete_through_timestamp_seconds{register=\"studies\"}"), 0u);
    EXPECT_EQ(s.at("supervision_register_stale{register=\"studies\"}"), "1");
    EXPECT_EQ(s.at("supervision_register_stale{register=\"incomes\"}"), "0");
}

TEST(MetricsTest, KnownTypesAndQueuesAreWrittenEvenWhenZero) {
    const auto s = parse(metrics_text(succeeded_run())).samples;
    EXPECT_EQ(s.at("supervision_signals_raised{type=\"no_income\"}"), "3");
    EXPECT_EQ(s.at("supervision_signals_raised{type=\"emigrated\"}"), "0");
    EXPECT_EQ(s.at("supervision_signals_resolved{type=\"no_income\"}"), "0");
    EXPECT_EQ(s.at("supervision_signals_open{type=\"thematic\"}"), "1");  // a key outside the list stays
    EXPECT_EQ(s.at("supervision_reviews_opened{queue=\"study\"}"), "0");
    EXPECT_EQ(s.at("supervision_review_backlog{queue=\"study\"}"), "0");
}

TEST(MetricsTest, FailedRunReportsStatusExitCodeAndTheLastSuccessOnly) {
    RunOutcome o;
    o.exit_code = 4;
    o.as_of = *rules::parse_iso_date("2025-11-05");
    o.finished_at = 1762330000;
    o.last_success_at = 1762240000;
    const auto s = parse(metrics_text(o)).samples;
    EXPECT_EQ(s.at("supervision_run_status"), "0");
    EXPECT_EQ(s.at("supervision_run_exit_code"), "4");
    EXPECT_EQ(s.at("supervision_last_success_timestamp_seconds"), "1762240000");
    EXPECT_EQ(s.count("supervision_run_enrolled_permits"), 0u);
    EXPECT_EQ(s.count("supervision_supervised_permits"), 0u);
}

TEST(MetricsTest, FailedRunWithoutAnEarlierSuccessOmitsTheLastSuccess) {
    RunOutcome o;
    o.exit_code = 1;
    const auto text = metrics_text(o);
    EXPECT_EQ(text.find("supervision_last_success_timestamp_seconds"), std::string::npos);
    EXPECT_EQ(text.find("supervision_run_as_of_timestamp_seconds"), std::string::npos);
}

TEST(MetricsTest, LabelValuesAreEscaped) {
    RunOutcome o = succeeded_run();
    o.queues = {"a\"b\\c\nd"};
    EXPECT_NE(metrics_text(o).find("supervision_reviews_opened{queue=\"a\\\"b\\\\c\\nd\"} 0\n"), std::string::npos);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(MetricsFileTest, WritesAtomicallyAndLeavesNoTemporaryFile) {
    const std::string path = "/tmp/supervision_metrics_test_" + std::to_string(::getpid()) + ".prom";
    write_metrics_file(path, "old\n");
    const std::string text = metrics_text(succeeded_run());
    write_metrics_file(path, text);
    EXPECT_EQ(slurp(path), text);
    const std::string temporary_prefix = ".supervision_metrics_test_" + std::to_string(::getpid()) + ".prom.";
    for (const auto& e : std::filesystem::directory_iterator("/tmp")) {
        EXPECT_NE(e.path().filename().string().rfind(temporary_prefix, 0), 0u) << "left behind: " << e.path();
    }
    EXPECT_EQ(last_success_in(path), 1762240000.0);
    std::remove(path.c_str());
}

TEST(MetricsFileTest, LastSuccessOfAMissingOrForeignFileIsUnknown) {
    EXPECT_EQ(last_success_in("/nonexistent/supervision.prom"), std::nullopt);
    const std::string path = "/tmp/supervision_metrics_foreign_" + std::to_string(::getpid()) + ".prom";
    write_metrics_file(path, "supervision_last_success_timestamp_seconds_other 5\n");
    EXPECT_EQ(last_success_in(path), std::nullopt);
    std::remove(path.c_str());
}

TEST(MetricsFileTest, AnUnwritableFolderThrowsNamingThePath) {
    try {
        write_metrics_file("/nonexistent/folder/supervision.prom", "x\n");
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(
                      "the metrics file /nonexistent/folder/supervision.prom: cannot be written (", 0),
                  0u)
            << e.what();
    }
}

}  // namespace
}  // namespace supervision::run
