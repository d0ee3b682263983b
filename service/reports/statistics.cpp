#include "reports/statistics.h"

#include "db/statement.h"

namespace supervision::reports {

namespace {

std::optional<std::string> text_or_null(const pqxx::field& f) {
    return f.is_null() ? std::nullopt : std::optional<std::string>(f.as<std::string>());
}

CohortRow cohort_row(const pqxx::row& r, bool with_basis) {
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
    return c;
}

}  // namespace

Statistics growth_entrepreneur_statistics(ReportSession& session) {
    Statistics s;
    s.all_bases = false;
    for (const auto& r : db::exec_file(session.tx(), "reports/growth_entrepreneur_cohort.sql")) {
        s.rows.push_back(cohort_row(r, false));
    }
    return s;
}

Statistics general_statistics(ReportSession& session) {
    Statistics s;
    for (const auto& r : db::exec_file(session.tx(), "reports/supervision_cohort.sql")) {
        s.rows.push_back(cohort_row(r, true));
    }
    for (const auto& r : db::exec_file(session.tx(), "reports/signal_precision.sql")) {
        s.precision.push_back(PrecisionRow{r["signal_type"].as<std::string>(), r["reviews"].as<long long>(),
                                           r["revoked"].as<long long>(), r["no_action"].as<long long>(),
                                           r["open"].as<long long>(),
                                           Percent::parse(text_or_null(r["precision_pct"]))});
    }
    s.forecast = forecast(session);
    return s;
}

}  // namespace supervision::reports
