// The case file of a demo permit and the queue report in a real browser: the binary writes
// them (the case file logged in as an official of supervision_supervisor), headless Chromium
// renders them (screenshots under .local/reports/, kept out of the repository), and the
// rendered pages show the figures of the tables. scripts/check-html-page.sh does the
// browser part; scripts/install-deps.sh installs chromium, so these tests always run.
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace supervision::test {
namespace {

using Json = nlohmann::json;

std::string official() {
    return "t" + std::to_string(getpid()) + "_browser_official";
}

int run_shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A shell word.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class CaseFileBrowserTest : public DbTest {
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
    std::string db(bool as_official) {
        return " --db '" + TestDatabase::instance().conninfo() + (as_official ? " user=" + official() : "") + "'";
    }
    // Three nights of the demo; between them an official puts a review in hearing and
    // explains one of its permit's signal types. Returns that permit.
    std::string demo_with_a_case() {
        load_small_demo(conn(), "2025-11-05");
        for (const char* day : {"2025-11-03", "2025-11-04"}) run_on(conn(), day);
        const std::string permit = scalar(
            "SELECT r.permit_id FROM supervision.revocation_review r JOIN supervision.signal s "
            "ON s.review_id = r.review_id GROUP BY r.permit_id, r.review_id "
            "ORDER BY count(*) DESC, r.review_id LIMIT 1");
        auto o = std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + official());
        exec(*o, "UPDATE supervision.revocation_review SET status = 'hearing' WHERE permit_id = '" + permit + "'");
        exec(*o,
             "INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, reason) "
             "SELECT permit_id, signal_type, '2026-03-31', 'Hearing 12 November: the holder showed a new contract' "
             "FROM supervision.signal WHERE permit_id = '" +
                 permit + "' ORDER BY signal_id LIMIT 1");
        run_on(conn(), "2025-11-05");
        return permit;
    }
};

TEST_F(CaseFileBrowserTest, ChromiumRendersADemoPermitsCaseFileWithItsFigures) {
    ASSERT_EQ(access("/usr/bin/chromium", X_OK), 0)
        << "chromium is not installed: run scripts/install-deps.sh (it installs the Debian package chromium)";
    const std::string permit = demo_with_a_case();
    const std::string html = source_path(".local/reports/case-file-demo.html");
    run_shell("mkdir -p " + source_path(".local/reports"));
    const auto p = run_binary("explain --permit " + permit + " --format html --out " + html + db(true));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = run_binary("explain --permit " + permit + db(true));
    ASSERT_EQ(j.exit_code, 0) << j.err;
    const Json d = Json::parse(j.out);
    const std::string review = scalar("SELECT review_id FROM supervision.revocation_review WHERE permit_id = '" +
                                      permit + "' ORDER BY review_id LIMIT 1");
    const std::string person =
        scalar("SELECT person_id FROM supervision.supervised_permit WHERE permit_id = '" + permit + "'");
    const std::string first_signal = scalar("SELECT signal_id FROM supervision.signal WHERE permit_id = '" + permit +
                                            "' ORDER BY signal_id LIMIT 1");
    std::vector<std::string> expected{
        "<span id=\"permit-id\">" + permit + "</span>",
        "<strong id=\"person-id\">" + person + "</strong>",
        "<span id=\"as-of\">2025-11-05</span>",
        "id=\"review-" + review + "\"",
        "id=\"signal-" + first_signal + "\"",
        "<td>" + official() + "</td><td>changed status from open to hearing.</td>",
        "Hearing 12 November: the holder showed a new contract",
        "<span class=\"tag explained\">explained</span>",
        scalar("SELECT 'Opened by: run ' || run_id || ' of ' || as_of || ', configuration ' || "
               "left(config_digest, 12) || '\u2026' || "
               "', supervision ' || service_version FROM supervision.run WHERE run_id = (SELECT opened_run FROM "
               "supervision.revocation_review WHERE review_id = " +
               review + ")"),
        "Judged by: run 3 of 2025-11-05",
        "<code>" + scalar("SELECT config_digest FROM supervision.run WHERE run_id = 3") + "</code>",
        "Where the case stands",
        d["reviews"][0]["sentences"][0].get<std::string>(),
    };
    std::string check = "PAGE_HEIGHT=3600 " + source_path("scripts/check-html-page.sh") + " " + quoted(html);
    for (const auto& e : expected) check += " " + quoted(e);
    EXPECT_EQ(run_shell(check + " 2>&1"), 0) << "the browser check failed; see its output above";
    std::ifstream png(source_path(".local/reports/case-file-demo.png"), std::ios::binary | std::ios::ate);
    EXPECT_GT(static_cast<long long>(png.tellg()), 20000) << "no real screenshot";
    // Nobody else's permit or person id, in either format.
    const std::string both = slurp(html) + j.out;
    pqxx::read_transaction tx(conn());
    long long others = 0;
    for (const auto& r :
         tx.exec_params("SELECT permit_id, person_id FROM registry.permit WHERE person_id <> $1", person)) {
        ++others;
        for (const auto& id : {r[0].as<std::string>(), r[1].as<std::string>()}) {
            EXPECT_EQ(both.find(id), std::string::npos) << id << " of another person in " << permit << "'s case file";
        }
    }
    EXPECT_GT(others, 2000);
}

TEST_F(CaseFileBrowserTest, ChromiumRendersTheQueueReportWithItsChartsAndFigures) {
    ASSERT_EQ(access("/usr/bin/chromium", X_OK), 0) << "chromium is not installed: run scripts/install-deps.sh";
    demo_with_a_case();
    const std::string html = source_path(".local/reports/queue-demo.html");
    run_shell("mkdir -p " + source_path(".local/reports"));
    const auto p = run_binary("report queue --format html --out " + html + db(false) + " --config " +
                              source_path("config/supervision.yaml"));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const std::string overdue = scalar(
        "SELECT count(*) FROM supervision.revocation_review WHERE status IN "
        "('open', 'hearing') AND due_on < '2025-11-05'");
    const std::string active = scalar("SELECT count(*) FROM supervision.work_queue");
    const std::string backlog = scalar("SELECT count(*) FROM supervision.review_backlog");
    const std::string check =
        source_path("scripts/check-html-page.sh") + " " + quoted(html) + " " + quoted("<svg id=\"queue-chart\"") + " " +
        quoted("<svg id=\"flow-chart\"") + " " + quoted("id=\"total-overdue\">" + overdue + "<") + " " +
        quoted("id=\"total-open\">" + active + "<") + " " + quoted("id=\"total-backlog\">" + backlog + "<") + " " +
        quoted("<table id=\"month-table\">") + " " + quoted("data-month=\"2025-11\"") + " 2>&1";
    EXPECT_EQ(run_shell(check), 0) << "the browser check failed; see its output above";
}

}  // namespace
}  // namespace supervision::test
