#include "db/statement.h"
#include "run/stages.h"
#include "run/tally.h"

#include <map>

namespace supervision::run {

namespace {

// One statement per signal type (rules.md §5), sql/run/15_signals/<type>.sql, in the order
// of config::known_signal_types(): thematic last, as campaigns may select on the conditions
// of the others.
std::string signal_file(const std::string& type) {
    return "run/15_signals/" + type + ".sql";
}

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

long long prepare_evaluation(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    const auto as_of = rules::to_iso(ctx.as_of);
    const auto permits = db::exec_file(tx, "run/13_prepare/active_permits.sql", as_of, ctx.shard.count, ctx.shard.index,
                                       ctx.mode.persons())
                             .affected_rows();
    db::exec_file(tx, "run/13_prepare/income_persons.sql", as_of);
    db::exec_script(tx, "run/13_prepare/analyze_permits.sql");
    // The first month is bound as a value, so the planner sees how much of the Incomes
    // Register it reads and scans it instead of walking an index.
    const auto first_day = db::exec_file(tx, "run/13_prepare/person_months_from.sql", as_of)[0][0].as<std::string>();
    db::exec_file(tx, "run/13_prepare/income_suspects.sql", ctx.shard.count, ctx.shard.index, ctx.mode.persons());
    db::exec_script(tx, "run/13_prepare/analyze_suspects.sql");
    db::exec_file(tx, "run/13_prepare/income_read.sql", as_of, first_day, ctx.shard.count, ctx.shard.index,
                  ctx.mode.persons());
    db::exec_script(tx, "run/13_prepare/analyze_income.sql");
    db::exec_file(tx, "run/13_prepare/income_rejected.sql");
    const auto months = db::exec_file(tx, "run/13_prepare/income_months.sql").affected_rows();
    db::exec_file(tx, "run/13_prepare/work_history.sql", as_of);
    db::exec_script(tx, "run/13_prepare/analyze_months.sql");
    spdlog::debug("evaluating {} permits over {} person-months", permits, months);
    return static_cast<long long>(permits);
}

long long find_signals(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    const auto as_of = rules::to_iso(ctx.as_of);
    long long conditions = 0;
    for (const auto& type : config::known_signal_types()) {
        conditions += static_cast<long long>(db::exec_file(tx, signal_file(type), as_of).affected_rows());
    }
    db::exec_file(tx, "run/15_signals/common_evidence.sql", as_of, ctx.config->config_version, ctx.config_digest);
    return conditions;
}

long long find_recheck_days(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    const auto persons = db::exec_file(tx, "run/14_recheck/recheck.sql", rules::to_iso(ctx.as_of)).affected_rows();
    db::exec_file(tx, "run/14_recheck/evaluated_now.sql");
    return static_cast<long long>(persons);
}

long long update_signals(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto as_of = rules::to_iso(ctx.as_of);
    // The conditions of the persons an incremental run did not evaluate again hold again.
    const auto carried = ctx.mode.carry_conditions(tx, as_of).size();
    const auto extended = db::exec_file(tx, "run/24_signal_lifecycle/extend.sql").size() + carried;
    counts["signals_raised"] = by_type(db::exec_file(tx, "run/24_signal_lifecycle/raise.sql", as_of, ctx.run_id));
    counts["signals_resolved"] = by_type(
        db::exec_file(tx, "run/24_signal_lifecycle/resolve.sql", as_of, ctx.run_id, ctx.mode.covers_everyone()));
    Counts ended = by_type(db::exec_file(tx, "run/24_signal_lifecycle/resolve_ended.sql", as_of, ctx.run_id));
    for (const auto& [k, v] : ended.items()) {
        counts["signals_resolved"][k] = counts["signals_resolved"].value(k, 0LL) + v.get<long long>();
    }
    counts["signals_extended"] = static_cast<long long>(extended);
    counts["evaluation"]["signals_carried_forward"] = static_cast<long long>(carried);
    tally(db::exec_file(tx, "run/24_signal_lifecycle/open_counts.sql"), "signal_type", "signals",
          counts["signals_open"]);
    refresh_table_statistics(tx, ctx, {"signal"});
    return total(counts["signals_raised"]) + total(counts["signals_resolved"]);
}

}  // namespace supervision::run
