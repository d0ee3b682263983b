#include "reports/queue_report.h"

#include "errors.h"
#include "queues/flow.h"
#include "reports/csv.h"
#include "reports/report_session.h"

#include <cstdio>

namespace supervision::reports {

namespace {

nlohmann::json in_force(const config::DatedParameter& p, rules::Day day) {
    const auto v = p.value_on(day);
    return v ? nlohmann::json(static_cast<long long>(*v)) : nlohmann::json();
}

// A figure as the CSV writes it: whole counts as they are, medians with one decimal,
// ratios with two; blank for none.
CsvCell figure(const nlohmann::json& v, int decimals) {
    if (!v.is_number()) return CsvCell::number("");
    if (decimals == 0) return CsvCell::number(v.get<long long>());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v.get<double>());
    return CsvCell::number(buf);
}

const nlohmann::json& at(const nlohmann::json& j, const char* a, const char* b) {
    static const nlohmann::json none;
    return j.contains(a) && j[a].contains(b) ? j[a][b] : none;
}

std::vector<CsvCell> figures_record(const char* kind, const std::string& queue, const nlohmann::json& q) {
    return {kind,
            queue,
            "",
            figure(q["open"], 0),
            figure(q["hearing"], 0),
            figure(q["due_within_7_days"], 0),
            figure(q["overdue"], 0),
            figure(at(q, "open_age_days", "median"), 1),
            figure(at(q, "open_age_days", "max"), 0),
            figure(q["backlog"], 0),
            figure(at(q, "backlog_age_days", "median"), 1),
            figure(at(q, "backlog_age_days", "max"), 0),
            figure(q["closed"], 0),
            figure(at(q, "decision_days", "median"), 1),
            figure(at(q, "decision_days", "p90"), 1),
            CsvCell::number(""),
            CsvCell::number(""),
            CsvCell::number("")};
}

std::vector<CsvCell> month_record(const char* kind, const std::string& queue, const nlohmann::json& m) {
    std::vector<CsvCell> cells{kind, queue, m["month"].get<std::string>()};
    for (int i = 0; i < 12; ++i) cells.push_back(CsvCell::number(""));
    cells.push_back(figure(m["opened"], 0));
    cells.push_back(figure(m["decided"], 0));
    cells.push_back(figure(m["decided_per_opened"], 2));
    return cells;
}

}  // namespace

nlohmann::json queue_report(pqxx::connection& conn, const config::Config& config) {
    ReportSession session(conn, config);
    const auto& last = session.last_run();
    // Before the first run there is no review: the figures are zeros on any day.
    const rules::Day as_of = last ? last->as_of : rules::today_in_helsinki();
    std::vector<std::string> queues;
    for (const auto& [name, q] : config.queues) queues.push_back(name);
    auto report = queues::flow(session.tx(), as_of, queues);
    report["judged_by_run"] =
        last ? nlohmann::json{{"run_id", last->run_id}, {"as_of", rules::to_iso(last->as_of)}} : nlohmann::json();
    for (auto& q : report["queues"]) {
        const auto it = config.queues.find(q["queue"].get<std::string>());
        q["daily_capacity"] = it == config.queues.end() ? nlohmann::json() : in_force(it->second.daily_capacity, as_of);
        q["sla_days"] = it == config.queues.end() ? nlohmann::json() : in_force(it->second.sla_days, as_of);
    }
    report["months"] = queues::months(session.tx(), as_of, queues);
    return report;
}

std::string queue_csv(const nlohmann::json& r) {
    std::string out =
        csv_record({"kind", "queue", "month", "open", "hearing", "due_within_7_days", "overdue", "open_age_median_days",
                    "open_age_max_days", "backlog", "backlog_age_median_days", "backlog_age_max_days", "closed",
                    "decision_median_days", "decision_p90_days", "opened", "decided", "decided_per_opened"});
    for (const auto& q : r["queues"]) out += csv_record(figures_record("queue", q["queue"].get<std::string>(), q));
    out += csv_record(figures_record("total", "", r["total"]));
    for (const auto& m : r["months"]["by_queue"])
        out += csv_record(month_record("month", m["queue"].get<std::string>(), m));
    for (const auto& m : r["months"]["total"]) out += csv_record(month_record("month_total", "", m));
    return out;
}

std::string render_queue_report(pqxx::connection& conn, const config::Config& config, const Request& request) {
    if (request.format != "json" && request.format != "csv" && request.format != "html") {
        throw UsageError("--format " + request.format + ": the queue report is json, csv or html");
    }
    const auto report = queue_report(conn, config);
    if (request.format == "json") return report.dump(2) + "\n";
    if (request.format == "csv") return queue_csv(report);
    return queue_html(report);
}

}  // namespace supervision::reports
