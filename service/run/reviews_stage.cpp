#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

#include <algorithm>

namespace supervision::run {

namespace {

// rules.md §6.1 and escalation: the new signals of permits under review join their review,
// which may become more urgent. Only the reviews the run holds locked (lock.sql).
void link_to_open_reviews(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    const auto as_of = rules::to_iso(ctx.as_of);
    db::exec_file(tx, "run/reviews/lock.sql");
    counts["signals_linked_to_open_reviews"] =
        static_cast<long long>(db::exec_file(tx, "run/reviews/link.sql", ctx.run_id).size());
    const auto waiting = db::exec_file(tx, "run/reviews/waiting.sql")[0][0].as<long long>();
    counts["signals_waiting_for_busy_review"] = waiting;
    if (waiting > 0) {
        spdlog::info("{} new signals wait, unreviewed, for reviews a supervisor was changing; the next run links "
                     "them or lets them compete",
                     waiting);
    }
    counts["reviews_escalated"] =
        static_cast<long long>(db::exec_file(tx, "run/reviews/escalate.sql", as_of, ctx.run_id).affected_rows());
}

}  // namespace

void score_and_queue(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("reviews");
    const auto as_of = rules::to_iso(ctx.as_of);
    counts["signals_explained"] =
        static_cast<long long>(db::exec_file(tx, "run/reviews/explained.sql", as_of).affected_rows());
    link_to_open_reviews(tx, ctx, counts);
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

void write_events(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("events");
    const auto rows = db::exec_file(tx, "run/reviews/events.sql", ctx.run_id);
    long long last = 0;
    for (const auto& r : rows) last = std::max(last, r["last_event_id"].as<long long>());
    const long long written = tally(rows, "kind", "events", counts["events_by_kind"]);
    counts["events"] = written;
    if (written > 0) db::exec_file(tx, "run/reviews/notify.sql", std::to_string(last));
    log.done(written);
}

}  // namespace supervision::run
