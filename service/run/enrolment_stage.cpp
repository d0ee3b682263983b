#include "db/statement.h"
#include "run/stages.h"
#include "run/tally.h"

namespace supervision::run {

long long find_ends(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    return static_cast<long long>(db::exec_file(tx, "run/11_find_ends/find_ends.sql", rules::to_iso(ctx.as_of),
                                                ctx.shard.count, ctx.shard.index, ctx.mode.persons())
                                      .affected_rows());
}

long long find_enrolments(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    const auto rows = db::exec_file(tx, "run/12_find_enrolments/find_enrolments.sql", rules::to_iso(ctx.as_of),
                                    ctx.shard.count, ctx.shard.index, ctx.mode.persons());
    db::exec_script(tx, "run/12_find_enrolments/analyze_found.sql");
    return static_cast<long long>(rows.affected_rows());
}

long long end_supervision(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto rows = db::exec_file(tx, "run/21_end/end.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long ended = tally(rows, "end_reason", "permits", counts["ended_by_reason"]);
    counts["ended"] = ended;
    return ended;
}

long long enrol_permits(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto rows = db::exec_file(tx, "run/22_enrol/enrol.sql", rules::to_iso(ctx.as_of), ctx.run_id);
    const long long enrolled = tally(rows, "line_id", "permits", counts["enrolled_by_line"]);
    counts["enrolled"] = enrolled;
    return enrolled;
}

long long record_evaluated(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    db::exec_script(tx, ctx.mode.evaluated_script());
    refresh_table_statistics(tx, ctx, {"supervised_permit", "evaluated_permit"});
    const auto active = db::exec_file(tx, "run/23_evaluated/active_counts.sql");
    counts["evaluated"] = tally(active, "line_id", "permits", counts["supervised_by_line"]);
    return counts["evaluated"].get<long long>();
}

}  // namespace supervision::run
