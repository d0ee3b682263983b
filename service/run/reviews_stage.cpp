#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

namespace {
Counts per_queue(const pqxx::result& rows, const char* column, long long& total) {
    Counts out = Counts::object();
    for (const auto& r : rows) {
        out[r["queue"].as<std::string>()] = r[column].as<long long>();
        total += r[column].as<long long>();
    }
    return out;
}
}  // namespace

void score_and_queue(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("reviews");
    const auto as_of = rules::to_iso(ctx.as_of);
    counts["signals_linked_to_open_reviews"] = static_cast<long long>(db::exec_file(tx, "run/reviews/link.sql").size());
    counts["review_candidates"] = static_cast<long long>(
        db::exec_file(tx, "run/reviews/candidates.sql", as_of).affected_rows());
    long long opened = 0;
    counts["reviews_opened_by_queue"] =
        per_queue(db::exec_file(tx, "run/reviews/open.sql", as_of, ctx.run_id), "reviews", opened);
    counts["reviews_opened"] = opened;
    db::exec_file(tx, "run/reviews/link_opened.sql", ctx.run_id);
    db::exec_file(tx, "run/reviews/backlog.sql", as_of);
    db::exec_file(tx, "run/reviews/backlog_prune.sql");
    long long backlog = 0;
    counts["backlog_by_queue"] = per_queue(db::exec_file(tx, "run/reviews/backlog_counts.sql"), "permits", backlog);
    counts["backlog"] = backlog;
    log.done(opened);
}

}  // namespace supervision::run
