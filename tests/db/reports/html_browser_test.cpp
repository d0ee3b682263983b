// The HTML coverage report in a real browser: the binary writes it for the hand-made
// registers of coverage_fixture.h, headless Chromium renders it (screenshot under
// .local/reports/, kept out of the repository) and its DOM shows the figures worked out
// by hand. scripts/check-html-report.sh does the browser part; scripts/install-deps.sh
// installs chromium, so this test always runs.
#include "db/reports/coverage_fixture.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace supervision::test {
namespace {

class HtmlBrowserTest : public DbTest {};

int run_shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(HtmlBrowserTest, ChromiumRendersTheTableAndTheChartWithTheFigures) {
    ASSERT_EQ(access("/usr/bin/chromium", X_OK), 0)
        << "chromium is not installed: run scripts/install-deps.sh (it installs the Debian package chromium)";
    load_coverage_registers(conn());
    run_coverage_history(conn());
    const std::string html = source_path(".local/reports/coverage-test-2025.html");
    run_shell("mkdir -p " + source_path(".local/reports"));
    const auto p =
        run_binary("report coverage --year 2025 --format html --out " + html + " --db '" +
                   TestDatabase::instance().conninfo() + "' --config " + source_path("config/supervision.yaml"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    // The figures of coverage_report_test.cpp: 9 eligible, 4 covered, 5 uncovered, 44.4 %;
    // specialist-extended 5 / 2 / 3 / 40.0 %, its bar 460 px × 40.0 % = 184 px wide.
    const std::string check =
        source_path("scripts/check-html-report.sh") + " " + html +
        " 'id=\"total-coverage\">44.4' 'id=\"total-eligible\">9<' 'id=\"total-covered\">4<'"
        " 'id=\"total-uncovered\">5<'"
        " '<td>specialist-extended</td><td class=\"n\">5</td><td class=\"n\">2</td><td class=\"n\">3</td><td "
        "class=\"n\">40.0'"
        " 'width=\"184\"' 'no run while valid' 'validity not started'"
        " 'revoked or withdrawn before enrolment' 'rejected: entrepreneur permit without company_id'"
        // The stock view beside it (report_cli_test.cpp, TheStockViewInJsonAndCsv): 9
        // in force, 5 covered, 55.6 %; specialist-extended 5 / 3 / 2 / 60.0 %, lag
        // median 181 and maximum 212 days; its bar 460 × 60.0 % = 276 px.
        " 'id=\"stock-total-coverage\">55.6' 'id=\"stock-total-eligible\">9<'"
        " 'id=\"stock-total-covered\">5<' 'id=\"stock-total-uncovered\">4<'"
        " 'id=\"stock-lag-median\">181<' 'id=\"stock-lag-max\">212<'"
        " '<td class=\"n sep\">5</td><td class=\"n\">3</td><td class=\"n\">2</td><td class=\"n\">60.0'"
        " 'class=\"stock\" x=\"190\" y=\"169\" width=\"276\"'"
        " 'Decisions: the permits decided in 2025' 'Stock: the permits in force on some day of 2025'"
        " 2>&1";
    EXPECT_EQ(run_shell(check), 0) << "the browser check failed; see its output above";
    std::ifstream png(source_path(".local/reports/coverage-test-2025.png"), std::ios::binary | std::ios::ate);
    EXPECT_GT(static_cast<long long>(png.tellg()), 10000) << "no real screenshot";
}

// The two views stand side by side as Chromium lays the page out: a copy of the report with a
// probe script (the report itself has none) writes the boxes' positions into the DOM.
TEST_F(HtmlBrowserTest, ChromiumLaysTheTwoViewsOutSideBySide) {
    ASSERT_EQ(access("/usr/bin/chromium", X_OK), 0) << "chromium is not installed: run scripts/install-deps.sh";
    load_coverage_registers(conn());
    run_coverage_history(conn());
    run_shell("mkdir -p " + source_path(".local/reports"));
    const auto p =
        run_binary("report coverage --year 2025 --view stock --format html --db '" +
                   TestDatabase::instance().conninfo() + "' --config " + source_path("config/supervision.yaml"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    std::string page = p.out;
    const auto body_end = page.rfind("</body>");
    ASSERT_NE(body_end, std::string::npos);
    page.insert(body_end,
                "<script>const a = document.getElementById('view').getBoundingClientRect();"
                "const b = document.getElementById('stock-view').getBoundingClientRect();"
                "document.body.setAttribute('data-layout', Math.abs(a.top - b.top) < 2 && b.left >= a.right"
                " ? 'side-by-side' : 'stacked');</script>");
    const std::string probe = source_path(".local/reports/coverage-test-2025-layout.html");
    std::ofstream(probe) << page;
    const std::string dom = source_path(".local/reports/coverage-test-2025-layout.dom.html");
    const int rc = run_shell(
        "profile=$(mktemp -d) && timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu"
        " --no-first-run --disable-background-networking --user-data-dir=\"$profile\""
        " --window-size=1100,2400 --dump-dom file://" +
        probe + " > " + dom + " 2>/dev/null; s=$?; rm -rf \"$profile\"; exit $s");
    ASSERT_EQ(rc, 0);
    std::ifstream in(dom);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("data-layout=\"side-by-side\""), std::string::npos) << text.str().substr(0, 400);
}

}  // namespace
}  // namespace supervision::test
