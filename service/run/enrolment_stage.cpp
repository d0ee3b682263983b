#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

namespace {
long long per_key(const pqxx::result& rows, const char* key, Counts& into) {
    long long total = 0;
    into = Counts::object();
    for (const auto& row : rows) {
        into[row[key].as<std::string>()] = row["permits"].as<long long>();
        total += row["permits"].as<long long>();
    }
    return total;
}
}  // namespace

void end_supervision(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("end");
    const auto rows = db::exec_file(tx, "run/enrolment/end.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long ended = per_key(rows, "end_reason", counts["ended_by_reason"]);
    counts["ended"] = ended;
    log.done(ended);
}

void enrol_permits(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("enrol");
    const auto rows = db::exec_file(tx, "run/enrolment/enrol.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long enrolled = per_key(rows, "line_id", counts["enrolled_by_line"]);
    counts["enrolled"] = enrolled;
    const auto active = db::exec_file(tx, "run/enrolment/active_counts.sql");
    counts["evaluated"] = per_key(active, "line_id", counts["supervised_by_line"]);
    log.done(enrolled);
}

}  // namespace supervision::run
