#include "reports/report_session.h"

#include "db/statement.h"
#include "run/session_setup.h"

namespace supervision::reports {

ReportSession::ReportSession(pqxx::connection& conn, const config::Config& config)
    : tx_(std::make_unique<pqxx::transaction<pqxx::isolation_level::repeatable_read>>(conn, "report")),
      config_(config) {
    run::load_session(*tx_, config);
    const auto r = db::exec_file(*tx_, "reports/last_run.sql");
    if (!r.empty()) {
        last_run_ = LastRun{r[0]["run_id"].as<long long>(), *rules::parse_iso_date(r[0]["as_of"].as<std::string>())};
    }
}

ReportSession::~ReportSession() {
    try {
        tx_->abort();
    } catch (...) {  // a broken connection has nothing left to roll back
    }
}

}  // namespace supervision::reports
