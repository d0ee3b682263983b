// The report commands as the scheduler and the statistics product run them: the binary,
// its exit codes, stdout or --out, and the published exports (no cell from 1 to 4, no
// person id anywhere).
#include "db/reports/coverage_fixture.h"
#include "db/reports/statistics_fixture.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace supervision::test {
namespace {

class ReportCliTest : public DbTest {
protected:
    std::string db() { return "--db '" + TestDatabase::instance().conninfo() + "'"; }
    std::string cfg() { return "--config " + source_path("config/supervision.yaml"); }
    Process report(const std::string& args) { return run_binary("report " + args + " " + db() + " " + cfg()); }
};

// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line ends).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

TEST_F(ReportCliTest, CoverageJsonGoesToStdoutAndLogsToStderr) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto p = report("coverage --year 2025");
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["total"]["eligible"], 9);
    EXPECT_EQ(j["total"]["coverage_pct"], 44.4);
    EXPECT_NE(p.err.find("report coverage written"), std::string::npos);
}

TEST_F(ReportCliTest, OutWritesTheFileAndNothingToStdout) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const std::string path = "/tmp/supervision_report_" + std::to_string(getpid()) + ".csv";
    const auto p = report("coverage --year 2025 --format csv --out " + path);
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(p.out, "");
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(path.c_str());
    const auto rows = parse_csv(text.str());
    ASSERT_EQ(rows.size(), 18u);
    EXPECT_EQ(rows[12], (std::vector<std::string>{"total", "total", "9", "4", "5", "44.4", "", ""}));
}

TEST_F(ReportCliTest, BadCommandLinesExitTwo) {
    EXPECT_EQ(report("coverage --year 2025 --format xml").exit_code, 2);
    EXPECT_EQ(report("coverage").exit_code, 2);  // --year is required
    EXPECT_EQ(report("statistics --format pdf").exit_code, 2);
    EXPECT_EQ(report("coverage --year 2025 --view flows").exit_code, 2);
    EXPECT_EQ(report("statistics --basis tourist").exit_code, 2);
    EXPECT_EQ(report("growth-entrepreneurs --format html").exit_code, 2);
    EXPECT_EQ(report("statistics --table persons").exit_code, 2);
    EXPECT_EQ(report("nonsense").exit_code, 2);
    const auto p = report("coverage --year 2025 --out /nonexistent-folder/x.json");
    EXPECT_EQ(p.exit_code, 2);
    EXPECT_NE(p.err.find("cannot be written"), std::string::npos);
}

// A published export is the statistics product: the forecast, internal, is not in it.
TEST_F(ReportCliTest, APublishedExportCarriesNoForecast) {
    load_statistics_history(conn());
    completed_run(conn(), 1, "2025-06-15");
    EXPECT_TRUE(nlohmann::json::parse(report("statistics").out)["forecast"].is_object());
    EXPECT_TRUE(nlohmann::json::parse(report("statistics --publish").out)["forecast"].is_null());
    const auto p = report("statistics --format csv --publish --table forecast");
    EXPECT_EQ(p.exit_code, 2) << p.err;
    EXPECT_NE(p.err.find("a published export carries no forecast"), std::string::npos) << p.err;
}

TEST_F(ReportCliTest, PublishedCsvHasNoCellFromOneToFourAndNoPersonId) {
    load_statistics_history(conn());
    completed_run(conn(), 1, "2025-06-15");  // so that the forecast has figures
    const std::regex small("^[1-4]$");
    for (const char* args : {"growth-entrepreneurs --format csv --publish", "statistics --format csv --publish",
                             "statistics --format csv --publish --table precision",
                             "statistics --format csv --publish --table signal-types",
                             "statistics --format csv --publish --basis growth_entrepreneur"}) {
        const auto p = report(args);
        ASSERT_EQ(p.exit_code, 0) << args << ": " << p.err;
        const auto rows = parse_csv(p.out);
        ASSERT_GE(rows.size(), 2u) << args;
        for (const auto& row : rows) {
            EXPECT_EQ(row.size(), rows[0].size()) << args;
            for (const auto& cell : row) {
                EXPECT_FALSE(std::regex_match(cell, small)) << args << ": a cell of " << cell;
            }
        }
        EXPECT_EQ(p.out.find("PERSON-"), std::string::npos) << args;
        EXPECT_NE(p.out.find("<5"), std::string::npos) << args;  // there was something to suppress
    }
    for (const char* args :
         {"statistics --format csv --publish --table forecast-years",
          "statistics --format csv --publish --table alarms", "statistics --format csv --publish --table backtest"}) {
        const auto p = report(args);
        ASSERT_EQ(p.exit_code, 0) << args << ": " << p.err;
        for (const auto& row : parse_csv(p.out)) {
            for (const auto& cell : row) EXPECT_FALSE(std::regex_match(cell, small)) << args << ": a cell of " << cell;
        }
    }
}

TEST_F(ReportCliTest, PublishedJsonShowsSuppressedCountsAsStrings) {
    load_statistics_history(conn());
    const auto p = report("growth-entrepreneurs --publish");
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["rows"][0]["granted"], "<5");
    EXPECT_EQ(j["rows"][0]["no_action"], "<5");
    EXPECT_EQ(j["rows"][0]["revoked"], 0);
    EXPECT_TRUE(j["rows"][0]["review_share_pct"].is_null());
    EXPECT_EQ(j["rows"][2]["granted"], 5);
}

TEST_F(ReportCliTest, NoReportCarriesAPersonIdOnTheRunsOwnOutput) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    ASSERT_GT(count("SELECT count(*) FROM supervision.signal"), 0);  // the runs raised signals and opened reviews
    for (const char* args :
         {"coverage --year 2025", "coverage --year 2025 --format csv", "coverage --year 2025 --format html",
          "coverage --year 2025 --view stock", "coverage --year 2025 --view stock --format csv", "growth-entrepreneurs",
          "growth-entrepreneurs --format csv", "statistics", "statistics --format csv",
          "statistics --format csv --table precision", "statistics --format csv --table forecast",
          "statistics --format csv --table signal-types", "statistics --format html",
          "statistics --basis specialist --format html", "statistics --publish",
          "growth-entrepreneurs --publish --format csv"}) {
        const auto p = report(args);
        ASSERT_EQ(p.exit_code, 0) << args << ": " << p.err;
        EXPECT_EQ(p.out.find("PERSON-"), std::string::npos) << args;
    }
}

TEST_F(ReportCliTest, NoReportCarriesAPersonIdOnTheStatisticsHistory) {
    load_statistics_history(conn());
    completed_run(conn(), 1, "2025-06-15");
    for (const char* args : {"coverage --year 2024 --format html", "growth-entrepreneurs", "statistics",
                             "statistics --format csv", "statistics --format csv --table precision"}) {
        const auto p = report(args);
        ASSERT_EQ(p.exit_code, 0) << args << ": " << p.err;
        EXPECT_EQ(p.out.find("PERSON-"), std::string::npos) << args;
    }
}

// A permit id is anyone's text: one a spreadsheet would run as a formula is neutralised
// in the CSV (a leading ', then quoted), escaped in HTML and kept exact in JSON.
TEST_F(ReportCliTest, APermitIdLikeAFormulaIsNeutralisedInCsvAndEscapedInHtml) {
    const std::string formula = "=HYPERLINK(\"http://x\")";
    load_coverage_registers(conn());
    permit_of(conn(), formula, "growth_entrepreneur", "first", "2025-03-01", "2025-03-15", "2026-06-30");
    exec(conn(), "UPDATE registry.permit SET company_id = NULL WHERE permit_id = " + conn().quote(formula));
    run_coverage_history(conn());

    const auto csv = report("coverage --year 2025 --format csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("\r\nuncovered,growth-first,,,,,\"'=HYPERLINK(\"\"http://x\"\")\",rejected: entrepreneur "
                           "permit without company_id\r\n"),
              std::string::npos)
        << csv.out;
    const auto rows = parse_csv(csv.out);
    const auto row =
        std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r.size() == 8 && r[6][0] == '\''; });
    ASSERT_NE(row, rows.end()) << csv.out;
    EXPECT_EQ((*row)[6], "'" + formula);
    // The figures of the same report are numbers, unquoted.
    EXPECT_NE(csv.out.find("\r\ntotal,total,10,4,6,40.0,,\r\n"), std::string::npos) << csv.out;

    const auto html = report("coverage --year 2025 --format html");
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_NE(html.out.find("<td class=\"k\">=HYPERLINK(&quot;http://x&quot;)</td>"), std::string::npos);
    EXPECT_EQ(html.out.find(formula), std::string::npos);

    const auto json = report("coverage --year 2025");
    ASSERT_EQ(json.exit_code, 0) << json.err;
    bool found = false;
    const auto j = nlohmann::json::parse(json.out);
    for (const auto& u : j["uncovered"]) found = found || u["permit_id"] == formula;
    EXPECT_TRUE(found) << json.out;
}

// rules.md §9: the stock view on the command line, for the registers of coverage_fixture.h:
// 9 permits in force in 2025 under a line in force, 5 covered (55.6 %); the lag of
// specialist-extended from the first day of validity under the line to 2025-08-01: C-1 181,
// C-3 153, N-2024 212 days (median 181).
TEST_F(ReportCliTest, TheStockViewInJsonAndCsv) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const auto p = report("coverage --year 2025 --view stock");
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["view"], "stock");
    EXPECT_EQ(j["total"]["eligible"], 9);
    EXPECT_EQ(j["total"]["covered"], 5);
    EXPECT_EQ(j["total"]["coverage_pct"], 55.6);
    EXPECT_EQ(j["lines"][3]["line"], "specialist-extended");
    EXPECT_EQ(j["lines"][3]["enrolment_lag_days"], nlohmann::json::parse(R"({"median": 181, "max": 212})"));
    const auto csv = report("coverage --year 2025 --view stock --format csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_NE(csv.out.find("\r\nline,specialist-extended,5,3,2,60.0,,,181,212\r\n"), std::string::npos) << csv.out;
    // --view decisions is the default, as it always was.
    EXPECT_EQ(report("coverage --year 2025 --view decisions").out, report("coverage --year 2025").out);
}

TEST_F(ReportCliTest, StatisticsOfOneBasisAndAsHtml) {
    load_statistics_history(conn());
    completed_run(conn(), 1, "2025-06-15");
    const auto p = report("statistics --basis growth_entrepreneur");
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["basis"], "growth_entrepreneur");
    EXPECT_EQ(j["rows"].size(), 3u);
    EXPECT_EQ(j["forecast"]["basis"], "growth_entrepreneur");
    EXPECT_EQ(j["signal_types"][0]["signal_type"], "company_inactive");
    const auto html = report("statistics --format html --basis growth_entrepreneur");
    ASSERT_EQ(html.exit_code, 0) << html.err;
    EXPECT_NE(html.out.find("<h1>Supervision statistics: growth_entrepreneur</h1>"), std::string::npos);
    EXPECT_EQ(html.out.find("<script"), std::string::npos);
}

TEST_F(ReportCliTest, StatisticsWriteTheForecastAsPrometheusMetrics) {
    load_statistics_history(conn());
    const std::string path = "/tmp/supervision_forecast_" + std::to_string(getpid()) + ".prom";
    // Before any run: no forecast, and the file says so.
    auto p = report("statistics --metrics-file " + path);
    ASSERT_EQ(p.exit_code, 0) << p.err;
    std::ifstream before(path);
    std::stringstream b;
    b << before.rdbuf();
    EXPECT_NE(b.str().find("\nsupervision_forecast_available 0\n"), std::string::npos) << b.str();
    completed_run(conn(), 1, "2025-06-15");
    p = report("statistics --format csv --metrics-file " + path);
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(p.out.substr(0, 5), "basis");  // the report itself still goes to standard output
    std::ifstream after(path);
    std::stringstream a;
    a << after.rdbuf();
    std::remove(path.c_str());
    EXPECT_NE(a.str().find("\nsupervision_forecast_available 1\n"), std::string::npos) << a.str();
    EXPECT_NE(a.str().find("supervision_forecast_supervised_permits{year=\"2026\"} "), std::string::npos) << a.str();
    EXPECT_NE(a.str().find("\nsupervision_forecast_alarms "), std::string::npos);
    EXPECT_EQ(a.str().find("PERSON-"), std::string::npos);
    const auto bad = report("statistics --metrics-file /nonexistent-folder/forecast.prom");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--metrics-file"), std::string::npos) << bad.err;
}

// ---- --out writes safely (io/replace_file.h) -----------------------------------------------

// A temporary folder for --out, removed with the test.
class OutFolder {
public:
    OutFolder() {
        char name[] = "/tmp/supervision_out_XXXXXX";
        if (::mkdtemp(name) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = name;
        ::chmod(dir_.c_str(), 0755);
    }
    ~OutFolder() {
        ::chmod(dir_.c_str(), 0755);
        std::system(("rm -rf '" + dir_ + "'").c_str());
    }
    std::string at(const std::string& name) const { return dir_ + "/" + name; }
    const std::string& dir() const { return dir_; }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(dir_)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::string dir_;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void put(const std::string& path, const std::string& text, mode_t mode) {
    std::ofstream(path, std::ios::binary) << text;
    ::chmod(path.c_str(), mode);
}

mode_t mode_of(const std::string& path) {
    struct stat st {};
    ::lstat(path.c_str(), &st);
    return st.st_mode & 07777;
}

TEST_F(ReportCliTest, OutDoesNotFollowASymlinkPlantedAtThePartialName) {
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const OutFolder folder;
    put(folder.at("victim"), "precious\n", 0644);
    ASSERT_EQ(::symlink(folder.at("victim").c_str(), folder.at("report.csv.partial").c_str()), 0);
    const auto p = report("coverage --year 2025 --format csv --out " + folder.at("report.csv"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(slurp(folder.at("victim")), "precious\n");
    EXPECT_EQ(parse_csv(slurp(folder.at("report.csv"))).size(), 18u);
    EXPECT_EQ(folder.names(), (std::vector<std::string>{"report.csv", "report.csv.partial", "victim"}));
}

TEST_F(ReportCliTest, OutKeepsTheModeOfTheFileItReplaces) {
    const OutFolder folder;
    put(folder.at("report.json"), "old\n", 0600);
    const auto p = report("coverage --year 2025 --out " + folder.at("report.json"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(mode_of(folder.at("report.json")), 0600u);
    EXPECT_EQ(nlohmann::json::parse(slurp(folder.at("report.json")))["year"], 2025);
}

TEST_F(ReportCliTest, OutGivesANewFileTheModeOfTheUmask) {
    const OutFolder folder;
    const mode_t saved = ::umask(027);  // the binary inherits it
    const auto p = report("coverage --year 2025 --out " + folder.at("report.json"));
    ::umask(saved);
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(mode_of(folder.at("report.json")), 0640u);
}

TEST_F(ReportCliTest, OutToAnUnwritableFolderExitsTwoAndLeavesTheFolderAsItWas) {
    const OutFolder folder;
    put(folder.at("report.json"), "old\n", 0644);
    ASSERT_EQ(::chmod(folder.dir().c_str(), 0555), 0);
    // As root a folder's mode does not stop writing: the binary then runs as nobody. It reads
    // a copy of the configuration, since a checkout in root's home is out of nobody's reach.
    const std::string as = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
    const OutFolder readable;
    put(readable.at("supervision.yaml"), slurp(source_path("config/supervision.yaml")), 0644);
    const std::string config = "--config " + readable.at("supervision.yaml");
    const auto p = run_binary_with(
        as, "report coverage --year 2025 --out " + folder.at("report.json") + " " + db() + " " + config);
    EXPECT_EQ(p.exit_code, 2) << p.err;
    EXPECT_NE(p.err.find("--out " + folder.at("report.json") + ": cannot be written (creating a temporary file in " +
                         folder.dir() + ": Permission denied); name a file in a writable folder"),
              std::string::npos)
        << p.err;
    EXPECT_EQ(folder.names(), std::vector<std::string>{"report.json"});
    EXPECT_EQ(slurp(folder.at("report.json")), "old\n");
}

TEST_F(ReportCliTest, OutNamingAFolderExitsTwoAndLeavesNoTemporaryFile) {
    const OutFolder folder;
    ASSERT_EQ(::mkdir(folder.at("reports").c_str(), 0755), 0);
    const auto p = report("coverage --year 2025 --out " + folder.at("reports"));
    EXPECT_EQ(p.exit_code, 2) << p.err;
    EXPECT_NE(p.err.find("cannot be written (renaming "), std::string::npos) << p.err;
    EXPECT_EQ(folder.names(), std::vector<std::string>{"reports"});
}

// rules.md §8: a permit with a date that is no calendar day stops no report (exit 0), as it
// stops no run. In the coverage report a permit decided in the year with a validity that
// never ends ('infinity') is eligible and uncovered, with its rejection as the reason; in
// the statistics by grant year a permit decided '-infinity' or 'infinity' has no year and
// is left out of the year rows (docs/reports.md).
TEST_F(ReportCliTest, APermitWithInfiniteDatesStopsNoReport) {
    insert(conn(), PermitRow{});  // P-1: specialist, decided 2024-01-01, enrolled
    PermitRow endless;
    endless.permit_id = "P-endless";
    endless.person_id = "H-2";
    endless.decision_date = "2024-02-01";
    endless.valid_from = "2024-02-01";
    endless.valid_until = "infinity";
    insert(conn(), endless);
    PermitRow past = endless;
    past.permit_id = "P-past";
    past.person_id = "H-3";
    past.decision_date = "-infinity";
    past.valid_until = "2026-12-31";
    insert(conn(), past);
    PermitRow future = past;
    future.permit_id = "P-future";
    future.person_id = "H-4";
    future.decision_date = "infinity";
    insert(conn(), future);
    PermitRow growth = growth_extended("P-growth", "H-5", "C-5");
    growth.decision_date = "-infinity";
    insert(conn(), growth);
    set_all_sources(conn(), "2024-06-16");
    run_on(conn(), "2024-06-17");
    ASSERT_EQ(count("SELECT count(*) FROM supervision.rejected_row WHERE reason LIKE '%is not a calendar day'"), 4);

    const auto coverage = report("coverage --year 2024");
    ASSERT_EQ(coverage.exit_code, 0) << coverage.err;
    const auto c = nlohmann::json::parse(coverage.out);
    EXPECT_EQ(c["total"]["eligible"], 2);
    EXPECT_EQ(c["total"]["covered"], 1);
    ASSERT_EQ(c["uncovered"].size(), 1u);
    EXPECT_EQ(c["uncovered"][0]["permit_id"], "P-endless");
    EXPECT_EQ(c["uncovered"][0]["reason"], "rejected: valid_until is not a calendar day");
    EXPECT_EQ(report("coverage --year 2024 --format html").exit_code, 0);

    const auto statistics = report("statistics");
    ASSERT_EQ(statistics.exit_code, 0) << statistics.err;
    const auto rows = nlohmann::json::parse(statistics.out)["rows"];
    ASSERT_EQ(rows.size(), 1u) << rows.dump();
    EXPECT_EQ(rows[0]["basis"], "specialist");
    EXPECT_EQ(rows[0]["grant_year"], 2024);
    EXPECT_EQ(rows[0]["granted"], 2);  // P-1 and P-endless: the year of a decision that is a day
    EXPECT_EQ(rows[0]["enrolled"], 1);
    const auto growth_rows = report("growth-entrepreneurs");
    ASSERT_EQ(growth_rows.exit_code, 0) << growth_rows.err;
    EXPECT_TRUE(nlohmann::json::parse(growth_rows.out)["rows"].empty());
    for (const char* args : {"statistics --format csv", "statistics --format csv --table forecast",
                             "growth-entrepreneurs --format csv --publish", "coverage --year 2024 --view stock",
                             "statistics --format html", "statistics --basis specialist"}) {
        EXPECT_EQ(report(args).exit_code, 0) << args;
    }
    // In the stock of 2024 (up to the run of 2024-06-17), whatever the decision year: P-1,
    // P-endless (valid to 'infinity') and P-future (decided 'infinity', which is on or after
    // every scope date) were valid under specialist-extended; the last two are uncovered for
    // their rejection. P-past and P-growth, decided '-infinity', are out of every scope.
    const auto stock = nlohmann::json::parse(report("coverage --year 2024 --view stock").out);
    EXPECT_EQ(stock["total"]["eligible"], 3);
    EXPECT_EQ(stock["total"]["covered"], 1);
    ASSERT_EQ(stock["uncovered"].size(), 2u);
    EXPECT_EQ(stock["uncovered"][0]["permit_id"], "P-endless");
    EXPECT_EQ(stock["uncovered"][0]["reason"], "rejected: valid_until is not a calendar day");
    EXPECT_EQ(stock["uncovered"][1]["permit_id"], "P-future");
    EXPECT_EQ(stock["uncovered"][1]["reason"], "rejected: decision_date is not a calendar day");
}

}  // namespace
}  // namespace supervision::test
