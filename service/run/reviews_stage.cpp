#include "db/statement.h"
#include "queues/flow.h"
#include "run/stages.h"
#include "run/tally.h"

#include <algorithm>

namespace supervision::run {

namespace {

// rules.md §6.1 and escalation: the new signals of permits under review join their review,
// which may become more urgent. Only the reviews the run holds locked (lock.sql).
void link_to_open_reviews(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    const auto as_of = rules::to_iso(ctx.as_of);
    db::exec_file(tx, "run/25_reviews/lock.sql");
    counts["signals_linked_to_open_reviews"] =
        static_cast<long long>(db::exec_file(tx, "run/25_reviews/link.sql", ctx.run_id).size());
    const auto waiting = db::exec_file(tx, "run/25_reviews/waiting.sql")[0][0].as<long long>();
    counts["signals_waiting_for_busy_review"] = waiting;
    if (waiting > 0) {
        spdlog::info(
            "{} new signals wait, unreviewed, for reviews a supervisor was changing; the next run links "
            "them or lets them compete",
            waiting);
    }
    counts["reviews_escalated"] =
        static_cast<long long>(db::exec_file(tx, "run/25_reviews/escalate.sql", as_of, ctx.run_id).affected_rows());
}

}  // namespace

long long score_and_queue(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto as_of = rules::to_iso(ctx.as_of);
    counts["signals_explained"] =
        static_cast<long long>(db::exec_file(tx, "run/25_reviews/explained.sql", as_of).affected_rows());
    link_to_open_reviews(tx, ctx, counts);
    counts["review_candidates"] =
        static_cast<long long>(db::exec_file(tx, "run/25_reviews/candidates.sql", as_of).affected_rows());
    const long long opened = tally(db::exec_file(tx, "run/25_reviews/open.sql", as_of, ctx.run_id), "queue", "reviews",
                                   counts["reviews_opened_by_queue"]);
    counts["reviews_opened"] = opened;
    db::exec_file(tx, "run/25_reviews/link_opened.sql", ctx.run_id);
    db::exec_file(tx, "run/25_reviews/backlog.sql", as_of);
    db::exec_file(tx, "run/25_reviews/backlog_prune.sql");
    counts["backlog"] =
        tally(db::exec_file(tx, "run/25_reviews/backlog_counts.sql"), "queue", "permits", counts["backlog_by_queue"]);
    return opened;
}

long long count_queue_flow(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    std::vector<std::string> queues;
    for (const auto& [name, queue] : ctx.config->queues) queues.push_back(name);
    counts["queue_flow"] = queues::flow(tx, ctx.as_of, queues);
    return static_cast<long long>(counts["queue_flow"]["queues"].size());
}

long long write_events(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto rows = db::exec_file(tx, "run/26_events/events.sql", ctx.run_id);
    long long last = 0;
    for (const auto& r : rows) last = std::max(last, r["last_event_id"].as<long long>());
    const long long written = tally(rows, "kind", "events", counts["events_by_kind"]);
    counts["events"] = written;
    if (written > 0) db::exec_file(tx, "run/26_events/notify.sql", std::to_string(last));
    return written;
}

}  // namespace supervision::run
