#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"
#include "run/tally.h"

#include <map>

namespace supervision::run {

namespace {

// One statement per signal type (rules.md §5); thematic last, as campaigns may select on
// the conditions of the others.
const char* const kSignalFiles[] = {
    "run/signals/income_below_requirement.sql", "run/signals/no_income.sql",
    "run/signals/employment_ended.sql",         "run/signals/emigrated.sql",
    "run/signals/not_moved_to_finland.sql",     "run/signals/company_inactive.sql",
    "run/signals/study_inactive.sql",           "run/signals/student_work_hours_exceeded.sql",
    "run/signals/social_assistance.sql",        "run/signals/thematic.sql",
};

Counts by_type(const pqxx::result& rows) {
    std::map<std::string, long long> n;
    for (const auto& r : rows) ++n[r[0].as<std::string>()];
    Counts out = Counts::object();
    for (const auto& [k, v] : n) out[k] = v;
    return out;
}

long long total(const Counts& c) {
    long long t = 0;
    for (const auto& [k, v] : c.items()) t += v.get<long long>();
    return t;
}

}  // namespace

void prepare_evaluation(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("prepare", ctx.shard);
    const auto as_of = rules::to_iso(ctx.as_of);
    const auto permits = db::exec_file(tx, "run/evaluate/active_permits.sql", as_of, ctx.shard.count,
                                       ctx.shard.index, ctx.scope.persons)
                             .affected_rows();
    db::exec_file(tx, "run/evaluate/income_persons.sql", as_of);
    db::exec_script(tx, "run/evaluate/analyze_permits.sql");
    // The first month is bound as a value, so the planner sees how much of the Incomes
    // Register it reads and scans it instead of walking an index.
    const auto first_day = db::exec_file(tx, "run/evaluate/person_months_from.sql", as_of)[0][0].as<std::string>();
    db::exec_file(tx, "run/evaluate/income_suspects.sql", ctx.shard.count, ctx.shard.index, ctx.scope.persons);
    db::exec_script(tx, "run/evaluate/analyze_suspects.sql");
    db::exec_file(tx, "run/evaluate/income_read.sql", as_of, first_day, ctx.shard.count, ctx.shard.index,
                  ctx.scope.persons);
    db::exec_script(tx, "run/evaluate/analyze_income.sql");
    db::exec_file(tx, "run/evaluate/income_rejected.sql");
    const auto months = db::exec_file(tx, "run/evaluate/income_months.sql").affected_rows();
    db::exec_file(tx, "run/evaluate/work_history.sql", as_of);
    db::exec_script(tx, "run/evaluate/analyze_months.sql");
    spdlog::debug("evaluating {} permits over {} person-months", permits, months);
    log.done(static_cast<long long>(permits));
}

void find_signals(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("signals", ctx.shard);
    const auto as_of = rules::to_iso(ctx.as_of);
    long long conditions = 0;
    for (const char* file : kSignalFiles) {
        conditions += static_cast<long long>(db::exec_file(tx, file, as_of).affected_rows());
    }
    db::exec_file(tx, "run/signals/common_evidence.sql", as_of, ctx.config->config_version, ctx.config_digest);
    log.done(conditions);
}

void find_recheck_days(pqxx::transaction_base& tx, const RunContext& ctx, Counts&) {
    StageLog log("recheck", ctx.shard);
    const auto persons = db::exec_file(tx, "run/evaluate/recheck.sql", rules::to_iso(ctx.as_of)).affected_rows();
    db::exec_file(tx, "run/evaluate/evaluated_now.sql");
    log.done(static_cast<long long>(persons));
}

void update_signals(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("signal_lifecycle");
    const auto as_of = rules::to_iso(ctx.as_of);
    // The conditions of the persons an incremental run did not evaluate again hold again.
    const auto carried =
        ctx.scope.incremental()
            ? db::exec_file(tx, "run/signals/carry_forward.sql", as_of, ctx.scope.completeness_moved).size()
            : 0;
    const auto extended = db::exec_file(tx, "run/signals/extend.sql").size() + carried;
    counts["signals_raised"] = by_type(db::exec_file(tx, "run/signals/raise.sql", as_of, ctx.run_id));
    counts["signals_resolved"] =
        by_type(db::exec_file(tx, "run/signals/resolve.sql", as_of, ctx.run_id, !ctx.scope.incremental()));
    Counts ended = by_type(db::exec_file(tx, "run/signals/resolve_ended.sql", as_of, ctx.run_id));
    for (const auto& [k, v] : ended.items()) {
        counts["signals_resolved"][k] = counts["signals_resolved"].value(k, 0LL) + v.get<long long>();
    }
    counts["signals_extended"] = static_cast<long long>(extended);
    if (ctx.scope.incremental()) counts["evaluation"]["signals_carried_forward"] = static_cast<long long>(carried);
    tally(db::exec_file(tx, "run/signals/open_counts.sql"), "signal_type", "signals", counts["signals_open"]);
    refresh_table_statistics(tx, ctx, {"signal"});
    log.done(total(counts["signals_raised"]) + total(counts["signals_resolved"]));
}

}  // namespace supervision::run
