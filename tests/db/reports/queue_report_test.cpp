// The queue report (docs/reports.md, "Queues: SLA and flow"): every figure of a hand-made
// fixture worked out by hand, its edges (due that day is not overdue, due the day before
// is; a review opened in one month and decided in the next), the same figures recomputed
// from the tables by direct SQL (on the fixture and on the demo), and the metric lines the
// nightly run writes from them.
#include "reports/queue_report.h"
#include "db/reports/queue_fixture.h"
#include "queues/flow.h"
#include "queues/metrics.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <vector>

namespace supervision::test {
namespace {

using Json = nlohmann::json;

class QueueReportTest : public DbTest {
protected:
    Json report() { return reports::queue_report(conn(), default_config()); }
    static const Json& queue(const Json& r, const std::string& name) {
        for (const auto& q : r["queues"]) {
            if (q["queue"] == name) return q;
        }
        throw std::logic_error("no queue " + name + " in the report");
    }
    static Json month(const Json& rows, const std::string& m, const std::string& q = "") {
        for (const auto& row : rows) {
            if (row["month"] == m && (q.empty() || row["queue"] == q)) return row;
        }
        return Json();
    }
    // The last completed run's day, by direct SQL.
    std::string as_of() {
        return scalar("SELECT as_of FROM supervision.run WHERE status = 'succeeded' ORDER BY run_id DESC LIMIT 1");
    }
};

// Linear interpolation between the two nearest ranks (PostgreSQL's percentile_cont),
// rounded to one decimal; null without values.
Json percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return Json();
    const double pos = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    const double v = sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
    return std::round(v * 10.0) / 10.0;
}

Json maximum(const std::vector<double>& sorted) {
    return sorted.empty() ? Json() : Json(static_cast<long long>(sorted.back()));
}

TEST_F(QueueReportTest, EveryFigureOfTheFixtureAsWorkedOutByHand) {
    load_queue_fixture(conn());
    const Json r = report();
    EXPECT_EQ(r["as_of"], "2025-12-01");
    EXPECT_EQ(r["judged_by_run"]["run_id"], 1);
    // Every configured queue is listed, with or without reviews, in name order.
    std::vector<std::string> names;
    for (const auto& q : r["queues"]) names.push_back(q["queue"].get<std::string>());
    EXPECT_EQ(names, (std::vector<std::string>{"enterprise", "general", "study", "work"}));

    const Json& work = queue(r, "work");
    EXPECT_EQ(work["open"], 3);
    EXPECT_EQ(work["hearing"], 1);
    EXPECT_EQ(work["due_within_7_days"], 2) << "R1 due that day and R3 due 7 days after; not R4, 8 days after";
    EXPECT_EQ(work["overdue"], 1) << "R2, due the day before; not R1, due that day";
    EXPECT_EQ(work["open_age_days"], (Json{{"median", 25.5}, {"max", 31}})) << "ages 1, 21, 30, 31";
    EXPECT_EQ(work["backlog"], 2);
    EXPECT_EQ(work["backlog_age_days"], (Json{{"median", 5.5}, {"max", 11}})) << "0 and 11 days";
    EXPECT_EQ(work["closed"], 3);
    EXPECT_EQ(work["decision_days"], (Json{{"median", 1.0}, {"p90", 61.0}})) << "1, 1, 76: 1 + 0.8 × 75";
    EXPECT_EQ(work["month"],
              (Json{{"month", "2025-12"}, {"opened", 0}, {"decided", 1}, {"decided_per_opened", nullptr}}));
    EXPECT_EQ(work["daily_capacity"], 50);
    EXPECT_EQ(work["sla_days"], 30);

    const Json& study = queue(r, "study");
    EXPECT_EQ(study["open"], 1);
    EXPECT_EQ(study["due_within_7_days"], 0);
    EXPECT_EQ(study["overdue"], 0);
    EXPECT_EQ(study["open_age_days"], (Json{{"median", 0.0}, {"max", 0}})) << "opened that day";
    EXPECT_EQ(study["backlog_age_days"], (Json{{"median", nullptr}, {"max", nullptr}}));
    EXPECT_EQ(study["decision_days"], (Json{{"median", 0.0}, {"p90", 0.0}})) << "decided the day it opened";
    EXPECT_EQ(study["month"]["decided_per_opened"], 0.0);

    const Json& enterprise = queue(r, "enterprise");
    EXPECT_EQ(enterprise["open"], 0);
    EXPECT_EQ(enterprise["backlog"], 1);
    EXPECT_EQ(enterprise["backlog_age_days"], (Json{{"median", 61.0}, {"max", 61}}));
    EXPECT_EQ(enterprise["decision_days"], (Json{{"median", nullptr}, {"p90", nullptr}}));

    const Json& t = r["total"];
    EXPECT_EQ(t["open"], 4);
    EXPECT_EQ(t["hearing"], 1);
    EXPECT_EQ(t["due_within_7_days"], 2);
    EXPECT_EQ(t["overdue"], 1);
    EXPECT_EQ(t["open_age_days"], (Json{{"median", 21.0}, {"max", 31}})) << "0, 1, 21, 30, 31";
    EXPECT_EQ(t["backlog"], 3);
    EXPECT_EQ(t["backlog_age_days"], (Json{{"median", 11.0}, {"max", 61}}));
    EXPECT_EQ(t["closed"], 4);
    EXPECT_EQ(t["decision_days"], (Json{{"median", 1.0}, {"p90", 53.5}})) << "0, 1, 1, 76: 1 + 0.7 × 75";
    EXPECT_EQ(t["month"], (Json{{"month", "2025-12"}, {"opened", 1}, {"decided", 1}, {"decided_per_opened", 1.0}}));
}

TEST_F(QueueReportTest, DecidedPerOpenedByCalendarMonthAcrossTheMonthBoundary) {
    load_queue_fixture(conn());
    const Json m = report()["months"];
    // From the first month with a review (R7, September) to the month of the run's day.
    std::vector<std::string> months;
    for (const auto& row : m["total"]) months.push_back(row["month"].get<std::string>());
    EXPECT_EQ(months, (std::vector<std::string>{"2025-09", "2025-10", "2025-11", "2025-12"}));
    EXPECT_EQ(m["by_queue"].size(), 4u * 4u) << "every configured queue, every month";
    auto ratio = [](const Json& row) { return row["decided_per_opened"]; };
    // work: opened 1 / 2 / 4 / 0, decided 0 / 0 / 2 / 1 (R5 opened 31 October, decided 1 November).
    EXPECT_EQ(
        month(m["by_queue"], "2025-10", "work"),
        (Json{{"queue", "work"}, {"month", "2025-10"}, {"opened", 2}, {"decided", 0}, {"decided_per_opened", 0.0}}));
    EXPECT_EQ(month(m["by_queue"], "2025-11", "work")["opened"], 4);
    EXPECT_EQ(month(m["by_queue"], "2025-11", "work")["decided"], 2);
    EXPECT_EQ(ratio(month(m["by_queue"], "2025-11", "work")), 0.5);
    EXPECT_EQ(ratio(month(m["by_queue"], "2025-12", "work")), nullptr) << "decided 1, opened none";
    EXPECT_EQ(ratio(month(m["by_queue"], "2025-11", "study")), 1.0);
    EXPECT_EQ(ratio(month(m["by_queue"], "2025-09", "study")), nullptr);
    EXPECT_EQ(month(m["by_queue"], "2025-12", "general")["opened"], 0);
    EXPECT_EQ(month(m["total"], "2025-11"),
              (Json{{"month", "2025-11"}, {"opened", 5}, {"decided", 3}, {"decided_per_opened", 0.6}}));
    EXPECT_EQ(ratio(month(m["total"], "2025-12")), 1.0);
}

// The report against the tables, figure by figure, with SQL written for the check (the
// queries of docs/reports.md, "Checking the reports against the database").
void expect_agrees_with_direct_sql(pqxx::connection& c, const Json& r, const std::string& as_of);

TEST_F(QueueReportTest, EveryFigureAgreesWithDirectSqlOnTheFixture) {
    load_queue_fixture(conn());
    expect_agrees_with_direct_sql(conn(), report(), as_of());
}

TEST_F(QueueReportTest, EveryFigureAgreesWithDirectSqlOnTheDemo) {
    load_small_demo(conn(), "2025-11-05");
    // A campaign and a work queue of 3 reviews a day: a backlog forms.
    const auto cfg = config_with_campaign(
        "{id: demo, active_from: 2025-01-01, active_until: 2026-12-31, bases: [specialist], decided_from: 2025-01-01}");
    for (const char* day : {"2025-11-03", "2025-11-04"}) run_on(conn(), cfg, day);
    // Officials decide some reviews: a hearing, a revocation the next day, one without action.
    exec(conn(), "UPDATE supervision.revocation_review SET status = 'hearing' WHERE review_id % 5 = 1");
    exec(conn(),
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'revoked', "
         "closed_on = opened_on + 1 WHERE review_id % 5 = 2");
    exec(conn(),
         "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
         "closed_on = opened_on WHERE review_id % 5 = 3");
    run_on(conn(), cfg, "2025-11-05");
    ASSERT_GT(count("SELECT count(*) FROM supervision.review_backlog"), 0) << "the demo leaves a backlog";
    ASSERT_GT(count("SELECT count(*) FROM supervision.revocation_review WHERE status = 'closed'"), 0);
    const Json r = report();
    EXPECT_EQ(r["as_of"], "2025-11-05");
    expect_agrees_with_direct_sql(conn(), r, as_of());
    EXPECT_EQ(r["total"]["open"].get<long long>() + r["total"]["hearing"].get<long long>(),
              count("SELECT count(*) FROM supervision.work_queue"));
}

void expect_agrees_with_direct_sql(pqxx::connection& c, const Json& r, const std::string& as_of) {
    auto one = [&c](const std::string& sql) {
        pqxx::read_transaction tx(c);
        return tx.exec1(sql)[0].as<long long>();
    };
    auto sorted = [&c](const std::string& sql) {
        pqxx::read_transaction tx(c);
        std::vector<double> out;
        for (const auto& row : tx.exec(sql)) out.push_back(row[0].as<double>());
        std::sort(out.begin(), out.end());
        return out;
    };
    const std::string day = "date '" + as_of + "'";
    std::vector<Json> rows(r["queues"].begin(), r["queues"].end());
    rows.push_back(r["total"]);
    long long open_sum = 0;
    for (const auto& q : rows) {
        const bool total = !q.contains("queue");
        const std::string where = total ? "true" : "queue = '" + q["queue"].get<std::string>() + "'";
        SCOPED_TRACE(total ? std::string("total") : q["queue"].get<std::string>());
        const std::string reviews = " FROM supervision.revocation_review WHERE " + where;
        EXPECT_EQ(q["open"], one("SELECT count(*)" + reviews + " AND status = 'open'"));
        EXPECT_EQ(q["hearing"], one("SELECT count(*)" + reviews + " AND status = 'hearing'"));
        EXPECT_EQ(q["overdue"],
                  one("SELECT count(*)" + reviews + " AND status IN ('open', 'hearing') AND due_on < " + day));
        EXPECT_EQ(q["due_within_7_days"], one("SELECT count(*)" + reviews +
                                              " AND status IN ('open', 'hearing') AND "
                                              "due_on BETWEEN " +
                                              day + " AND " + day + " + 7"));
        EXPECT_EQ(q["closed"], one("SELECT count(*)" + reviews + " AND status = 'closed'"));
        EXPECT_EQ(q["backlog"], one("SELECT count(*) FROM supervision.review_backlog WHERE " + where));
        const auto ages = sorted("SELECT " + day + " - opened_on" + reviews + " AND status IN ('open', 'hearing')");
        EXPECT_EQ(q["open_age_days"], (Json{{"median", percentile(ages, 0.5)}, {"max", maximum(ages)}}));
        const auto waits = sorted("SELECT " + day + " - since FROM supervision.review_backlog WHERE " + where);
        EXPECT_EQ(q["backlog_age_days"], (Json{{"median", percentile(waits, 0.5)}, {"max", maximum(waits)}}));
        const auto decisions = sorted("SELECT closed_on - opened_on" + reviews + " AND status = 'closed'");
        EXPECT_EQ(q["decision_days"],
                  (Json{{"median", percentile(decisions, 0.5)}, {"p90", percentile(decisions, 0.9)}}));
        const std::string month = "to_char(" + day + ", 'YYYY-MM')";
        EXPECT_EQ(q["month"]["opened"],
                  one("SELECT count(*)" + reviews + " AND to_char(opened_on, 'YYYY-MM') = " + month));
        EXPECT_EQ(q["month"]["decided"], one("SELECT count(*)" + reviews +
                                             " AND status = 'closed' AND "
                                             "to_char(closed_on, 'YYYY-MM') = " +
                                             month));
        if (!total) open_sum += q["open"].get<long long>();
    }
    EXPECT_EQ(open_sum, r["total"]["open"].get<long long>());
    // Per month: opened by opened_on's month, decided by closed_on's, each review once.
    std::map<std::pair<std::string, std::string>, std::pair<long long, long long>> direct;
    {
        pqxx::read_transaction tx(c);
        for (const auto& row : tx.exec("SELECT queue, to_char(opened_on, 'YYYY-MM'), count(*) FROM "
                                       "supervision.revocation_review GROUP BY 1, 2")) {
            direct[{row[0].as<std::string>(), row[1].as<std::string>()}].first = row[2].as<long long>();
        }
        for (const auto& row : tx.exec("SELECT queue, to_char(closed_on, 'YYYY-MM'), count(*) FROM "
                                       "supervision.revocation_review WHERE status = 'closed' GROUP BY 1, 2")) {
            direct[{row[0].as<std::string>(), row[1].as<std::string>()}].second = row[2].as<long long>();
        }
    }
    long long opened = 0, decided = 0;
    for (const auto& m : r["months"]["by_queue"]) {
        const auto it = direct.find({m["queue"].get<std::string>(), m["month"].get<std::string>()});
        const auto want = it == direct.end() ? std::pair<long long, long long>{0, 0} : it->second;
        EXPECT_EQ(m["opened"], want.first) << m.dump();
        EXPECT_EQ(m["decided"], want.second) << m.dump();
        if (want.first > 0) {
            EXPECT_DOUBLE_EQ(
                m["decided_per_opened"].get<double>(),
                std::round(100.0 * static_cast<double>(want.second) / static_cast<double>(want.first)) / 100.0);
        } else {
            EXPECT_TRUE(m["decided_per_opened"].is_null()) << m.dump();
        }
        opened += m["opened"].get<long long>();
        decided += m["decided"].get<long long>();
    }
    EXPECT_EQ(opened, one("SELECT count(*) FROM supervision.revocation_review")) << "every review opened in a month";
    EXPECT_EQ(decided, one("SELECT count(*) FROM supervision.revocation_review WHERE status = 'closed'"));
}

TEST_F(QueueReportTest, QueueFlowForTheRunListsTheQueuesWithReviewsAndItsMetricsPassPromtool) {
    load_queue_fixture(conn());
    Json flow;
    {
        pqxx::read_transaction tx(conn());
        flow = queues::flow(tx, *rules::parse_iso_date("2025-12-01"));
    }
    std::vector<std::string> names;
    for (const auto& q : flow["queues"]) names.push_back(q["queue"].get<std::string>());
    EXPECT_EQ(names, (std::vector<std::string>{"enterprise", "study", "work"})) << "no configuration: queues with rows";
    EXPECT_EQ(flow["due_within_days"], 7);
    const std::string text = queues::metrics_text(flow);
    EXPECT_NE(text.find("supervision_queue_reviews_overdue{queue=\"work\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("supervision_queue_reviews_open{queue=\"work\"} 4\n"), std::string::npos) << text;
    EXPECT_NE(text.find("supervision_queue_decision_p90_seconds{queue=\"work\"} 5270400\n"), std::string::npos) << text;
    EXPECT_NE(text.find("supervision_queue_open_review_age_median_seconds{queue=\"work\"} 2203200\n"),
              std::string::npos);
    EXPECT_EQ(text.find("supervision_queue_decision_median_seconds{queue=\"enterprise\"}"), std::string::npos)
        << "no closed review: no sample";
    // Prometheus' own parser and linter.
    const std::string path = "/tmp/supervision_queue_metrics_" + std::to_string(getpid()) + ".prom";
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs(text.c_str(), f);
        std::fclose(f);
    }
    const int status = std::system(("promtool check metrics < " + path + " > " + path + ".log 2>&1").c_str());
    std::ifstream log(path + ".log");
    const std::string said((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    std::remove(path.c_str());
    std::remove((path + ".log").c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << said << text;
}

TEST_F(QueueReportTest, BeforeAnyRunEveryQueueIsEmpty) {
    const Json r = report();
    EXPECT_TRUE(r["judged_by_run"].is_null());
    EXPECT_EQ(r["queues"].size(), 4u);
    EXPECT_EQ(r["total"]["open"], 0);
    EXPECT_TRUE(r["total"]["open_age_days"]["median"].is_null());
    EXPECT_EQ(r["months"]["total"].size(), 1u) << "the current month only";
}

// A queue with a long past: the chart shows the last 24 months, so that it fits the page
// and stays readable, and says so; the table keeps every month.
TEST_F(QueueReportTest, TheChartShowsTheLastTwoYearsAndTheTableEveryMonth) {
    Json r = report();
    Json months = Json::array();
    for (int i = 0; i < 30; ++i) {
        char month[8];
        std::snprintf(month, sizeof month, "%04d-%02d", 2024 + i / 12, i % 12 + 1);
        months.push_back({{"month", month}, {"opened", 10 + i}, {"decided", 5}, {"decided_per_opened", 0.5}});
    }
    r["months"]["total"] = months;
    r["months"]["by_queue"] = Json::array();
    const std::string html = reports::queue_html(r);
    auto occurrences = [&html](const std::string& what) {
        std::size_t n = 0;
        for (auto at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
        return n;
    };
    EXPECT_EQ(occurrences("<g class=\"month\""), 24u);
    EXPECT_EQ(html.find("<g class=\"month\" data-month=\"2024-06\""), std::string::npos) << "older than two years";
    EXPECT_NE(html.find("<g class=\"month\" data-month=\"2024-07\""), std::string::npos);
    EXPECT_NE(html.find("<g class=\"month\" data-month=\"2026-06\""), std::string::npos);
    EXPECT_NE(html.find("the last 24 months, the table has every one"), std::string::npos);
    EXPECT_EQ(occurrences("<tr data-month=\""), 30u);

    r["months"]["total"] = Json(months.begin(), months.begin() + 24);
    const std::string two_years = reports::queue_html(r);
    EXPECT_EQ(two_years.find("the last 24 months"), std::string::npos) << "nothing left out, nothing to say";
}

}  // namespace
}  // namespace supervision::test
