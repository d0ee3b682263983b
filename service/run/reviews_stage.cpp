#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

void score_and_queue(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("reviews");
    const auto as_of = rules::to_iso(ctx.as_of);
    db::exec_file(tx, "run/reviews/lock.sql");
    counts["signals_linked_to_open_reviews"] = static_cast<long long>(db::exec_file(tx, "run/reviews/link.sql", ctx.run_id).size());
    const auto waiting = db::exec_file(tx, "run/reviews/waiting.sql")[0][0].as<long long>();
    counts["signals_waiting_for_busy_review"] = waiting;
    if (waiting > 0) {
        spdlog::info("{} new signals wait, unreviewed, for reviews a supervisor was changing; the next run links "
                     "them or lets them compete",
                     waiting);
    }
    counts["review_candidates"] = static_cast<long long>(
        db::exec_file(tx, "run/reviews/candidates.sql", as_of).affected_rows());
    const long long opened = tally(db::exec_file(tx, "run/reviews/open.sql", as_of, ctx.run_id), "queue", "reviews",
                                   counts["reviews_opened_by_queue"]);
    counts["reviews_opened"] = opened;
    db::exec_file(tx, "run/reviews/link_opened.sql", ctx.run_id);
    db::exec_file(tx, "run/reviews/backlog.sql", as_of);
    db::exec_file(tx, "run/reviews/backlog_prune.sql");
    counts["backlog"] = tally(db::exec_file(tx, "run/reviews/backlog_counts.sql"), "queue", "permits",
                              counts["backlog_by_queue"]);
    log.done(opened);
}

}  // namespace supervision::run
