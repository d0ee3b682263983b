#include "run/scope.h"

#include "db/statement.h"
#include "run/registers.h"
#include "run/stages.h"
#include "version.h"

#include <spdlog/spdlog.h>

#include <optional>
#include <string>

namespace supervision::run {

namespace {

// Past this share of the persons in the registers, reading their rows person by person
// through the indexes costs about what one pass over the registers does: the run is full.
// Trade-off: higher makes some heavy days slower than a full run, lower makes more runs full.
constexpr double kIncrementalShareLimit = 0.25;
// Below this many persons a run is quick either way, and stays incremental.
constexpr long long kIncrementalAlwaysPersons = 1000;

// The keys every person's evaluation depends on at once, and how a change of each reads.
struct KeyName {
    const char* key;
    const char* change;
};
constexpr KeyName kKeys[] = {
    {"service_version", "the service version changed"},
    {"config_digest", "the configuration changed"},
    {"incomes_month_end", "the Incomes Register's last complete month moved"},
    {"benefits_month_end", "the benefits register's last complete month moved"},
    {"studies_term_end", "the study register's last complete term moved"},
    {"year", "a new year began (student hours)"},
};

Counts column(const pqxx::field& f) {
    return f.is_null() ? Counts() : Counts(f.as<std::string>());
}

// Each register's complete_through this run, which the evidence of signals cites.
Counts completeness(pqxx::transaction_base& tx) {
    Counts out = Counts::object();
    for (const auto& row : db::exec_file(tx, "run/02_scope/completeness.sql")) {
        out[row["source"].as<std::string>()] = column(row["complete_through"]);
    }
    return out;
}

Counts current_keys(pqxx::transaction_base& tx, const RunContext& ctx) {
    const auto row = db::exec_file(tx, "run/02_scope/keys.sql", rules::to_iso(ctx.as_of))[0];
    return Counts{{"service_version", kServiceVersion},
                  {"config_digest", ctx.config_digest},
                  {"incomes_month_end", column(row["incomes_month_end"])},
                  {"benefits_month_end", column(row["benefits_month_end"])},
                  {"studies_term_end", column(row["studies_term_end"])},
                  {"year", row["year"].as<int>()},
                  {"population_complete_through", column(row["population_complete_through"])}};
}

struct LastRun {
    rules::Day as_of;
    Counts evaluation;
};

std::optional<LastRun> last_run(pqxx::transaction_base& tx) {
    const auto rows = db::exec_file(tx, "run/02_scope/last_state.sql");
    if (rows.empty() || rows[0]["evaluation"].is_null()) return std::nullopt;
    Counts evaluation = Counts::parse(rows[0]["evaluation"].as<std::string>());
    if (!evaluation.contains("keys") || !evaluation.contains("last_full_as_of")) return std::nullopt;
    return LastRun{*rules::parse_iso_date(rows[0]["as_of"].as<std::string>()), evaluation};
}

// The first reason that makes this run full, given the last run's state; empty when none.
std::string full_reason(pqxx::transaction_base& tx, const RunContext& ctx, const EvaluationPolicy& policy,
                        const std::optional<LastRun>& last, const Counts& keys) {
    if (policy.full) return "requested (--full)";
    if (!last) return "no earlier run kept an evaluation state";
    const std::string since = rules::to_iso(last->as_of);
    if (ctx.as_of < last->as_of) return "as_of is before the last run's " + since;
    for (const auto& k : kKeys) {
        if (last->evaluation["keys"].value(k.key, Counts()) != keys[k.key]) return k.change;
    }
    if (db::exec_file(tx, "run/02_scope/config_dates.sql", since, rules::to_iso(ctx.as_of))[0][0].as<long long>() > 0) {
        return "a dated parameter, coverage line or campaign day falls after " + since;
    }
    const auto last_full = *rules::parse_iso_date(last->evaluation["last_full_as_of"].get<std::string>());
    const auto days = (ctx.as_of - last_full).count();
    if (days >= policy.full_every_days) {
        return "the last full evaluation was " + std::to_string(days) + " days ago (--full-every-days " +
               std::to_string(policy.full_every_days) + ")";
    }
    for (const auto& row : db::exec_file(tx, "run/02_scope/capture_off.sql")) {
        return std::string("change capture is not always enabled on registry.") + row[0].c_str();
    }
    for (const auto& row : db::exec_file(tx, "run/02_scope/whole_changes.sql")) {
        return std::string("registry.") + row[0].c_str() + " was truncated or changed in bulk";
    }
    return {};
}

// Fills pg_temp.scope_person; returns why the run is full after all, or empty.
std::string collect_persons(pqxx::transaction_base& tx, const RunContext& ctx, const LastRun& last, const Counts& keys,
                            long long& persons) {
    const std::string since = rules::to_iso(last.as_of);
    const bool population_moved =
        last.evaluation["keys"].value("population_complete_through", Counts()) != keys["population_complete_through"];
    db::exec_file(tx, "run/incremental/changed_by_register.sql");
    db::exec_file(tx, "run/incremental/persons.sql", since, rules::to_iso(ctx.as_of), population_moved);
    const auto size = db::exec_file(tx, "run/incremental/size.sql")[0];
    persons = size["persons"].as<long long>();
    const auto all = size["persons_in_registers"].as<long long>();
    if (persons > kIncrementalAlwaysPersons &&
        static_cast<double>(persons) > kIncrementalShareLimit * static_cast<double>(all)) {
        return "the changes reach " + std::to_string(persons) + " persons, more than a quarter of the about " +
               std::to_string(all) + " in the registers";
    }
    return {};
}

}  // namespace

long long choose_mode(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const Counts keys = current_keys(tx, ctx);
    const Counts registers = completeness(tx);
    const auto last = last_run(tx);
    std::string reason = full_reason(tx, ctx, ctx.policy, last, keys);
    long long persons = 0;
    if (reason.empty()) reason = collect_persons(tx, ctx, *last, keys, persons);

    const bool incremental = reason.empty();
    ctx.mode = Mode::full();
    if (incremental) {
        db::exec_script(tx, "run/incremental/analyze.sql");
        const bool completeness_moved = last->evaluation.value("complete_through", Counts()) != registers;
        ctx.mode = Mode::incremental("{}", {}, completeness_moved).of_shard(tx, Shard{});
        reason = std::to_string(persons) + " persons changed, due or starting since " + rules::to_iso(last->as_of);
    }
    // The register changes this run takes into account: the ones its snapshot sees, which is
    // the evaluation's whole transaction's (REPEATABLE READ).
    db::exec_file(tx, "run/02_scope/changes_seen.sql");
    const Counts summary{
        {"mode", ctx.mode.name()}, {"reason", reason}, {"persons", incremental ? Counts(persons) : Counts()}};
    counts["evaluation"] = summary;
    ctx.evaluation_state = summary;
    ctx.evaluation_state["keys"] = keys;
    ctx.evaluation_state["complete_through"] = registers;
    ctx.evaluation_state["last_full_as_of"] =
        incremental ? last->evaluation["last_full_as_of"] : Counts(rules::to_iso(ctx.as_of));
    spdlog::info("evaluation {}: {}", ctx.mode.name(), reason);
    return incremental ? persons : 0;
}

}  // namespace supervision::run
