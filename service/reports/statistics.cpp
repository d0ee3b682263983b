#include "reports/statistics.h"

#include "db/statement.h"

namespace supervision::reports {

namespace {

std::optional<std::string> text_or_null(const pqxx::field& f) {
    return f.is_null() ? std::nullopt : std::optional<std::string>(f.as<std::string>());
}

CohortRow cohort_row(const pqxx::row& r, bool with_basis, const std::optional<LastRun>& last_run) {
    CohortRow c;
    if (with_basis) c.basis = r["basis"].as<std::string>();
    c.grant_year = r["grant_year"].as<int>();
    c.sequence = r["sequence"].as<std::string>();
    c.granted = r["granted"].as<long long>();
    c.enrolled = r["enrolled"].as<long long>();
    c.with_signal = r["with_signal"].as<long long>();
    c.with_review = r["with_review"].as<long long>();
    c.review_share = Percent::parse(text_or_null(r["review_share_pct"]));
    c.revoked = r["revoked"].as<long long>();
    c.no_action = r["no_action"].as<long long>();
    c.open = r["open"].as<long long>();
    c.mature = cohort_is_mature(c.grant_year, last_run);
    return c;
}

PrecisionRow precision_row(const pqxx::row& r, const std::string& type) {
    return PrecisionRow{type,
                        r["reviews"].as<long long>(),
                        r["revoked"].as<long long>(),
                        r["no_action"].as<long long>(),
                        r["open"].as<long long>(),
                        Percent::parse(text_or_null(r["precision_pct"]))};
}

std::vector<SignalTypeRow> signal_types(ReportSession& session, const std::optional<std::string>& basis) {
    std::vector<SignalTypeRow> out;
    for (const auto& r : db::exec_file(session.tx(), "reports/signal_types.sql")) {
        const auto b = r["basis"].as<std::string>();
        if (basis && b != *basis) continue;
        const auto type = r["signal_type"].as<std::string>();
        out.push_back(
            SignalTypeRow{b, type, r["permits"].as<long long>(), r["signals"].as<long long>(), precision_row(r, type)});
    }
    return out;
}

}  // namespace

bool cohort_is_mature(int grant_year, const std::optional<LastRun>& last_run) {
    if (!last_run) return false;
    const rules::Day year_end = date::year{grant_year} / date::December / 31;
    return rules::add_months(last_run->as_of, -12) >= year_end;
}

Statistics growth_entrepreneur_statistics(ReportSession& session) {
    Statistics s;
    s.all_bases = false;
    s.last_run = session.last_run();
    for (const auto& r : db::exec_file(session.tx(), "reports/growth_entrepreneur_cohort.sql")) {
        s.rows.push_back(cohort_row(r, false, s.last_run));
    }
    return s;
}

Statistics general_statistics(ReportSession& session, bool with_forecast) {
    Statistics s;
    s.last_run = session.last_run();
    for (const auto& r : db::exec_file(session.tx(), "reports/supervision_cohort.sql")) {
        s.rows.push_back(cohort_row(r, true, s.last_run));
    }
    for (const auto& r : db::exec_file(session.tx(), "reports/signal_precision.sql")) {
        s.precision.push_back(precision_row(r, r["signal_type"].as<std::string>()));
    }
    s.signal_types = signal_types(session, std::nullopt);
    if (with_forecast) s.forecast = forecast(session);
    return s;
}

Statistics basis_statistics(ReportSession& session, const std::string& basis, bool with_forecast) {
    Statistics s;
    s.basis = basis;
    s.last_run = session.last_run();
    for (const auto& r : db::exec_file(session.tx(), "reports/supervision_cohort.sql")) {
        if (r["basis"].as<std::string>() == basis) s.rows.push_back(cohort_row(r, true, s.last_run));
    }
    s.signal_types = signal_types(session, basis);
    for (const auto& t : s.signal_types) s.precision.push_back(t.reviews);
    if (with_forecast) s.forecast = forecast(session, basis);
    return s;
}

}  // namespace supervision::reports
