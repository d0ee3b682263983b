#include "run/nightly.h"

#include "db/migrations.h"
#include "errors.h"
#include "run/evaluation.h"
#include "run/ledger.h"
#include "run/scope.h"
#include "run/session_setup.h"
#include "run/shards.h"
#include "run/stage_log.h"
#include "run/stages.h"

#include <spdlog/spdlog.h>

#include <utility>

namespace supervision::run {

namespace {

void check_as_of(pqxx::connection& conn, rules::Day as_of) {
    const auto last = last_completed_as_of(conn);
    if (last && as_of < *last) {
        throw AsOfTooEarlyError("as_of " + rules::to_iso(as_of) + " is earlier than the last completed run's " +
                                rules::to_iso(*last) + "; run with --as-of " + rules::to_iso(*last) +
                                " or later, or use --dry-run to look at an earlier day");
    }
}

using Stage = void (*)(pqxx::transaction_base&, const RunContext&, Counts&);

// After the evaluation (run/evaluation.cpp), in order: what it found is written.
constexpr std::pair<const char*, Stage> kWriting[] = {
    {"rejected_rows", record_rejections}, {"end", end_supervision}, {"enrol", enrol_permits},
    {"evaluated", record_evaluated},      {"signal_lifecycle", update_signals}, {"reviews", score_and_queue}, {"qc_sample", draw_qc_sample},
    {"evaluation_state", save_evaluation_state}, {"statistics", refresh_statistics},
};

// All the work of one run, in pipeline order, inside one transaction. Returns how it
// evaluated (run/scope.h), for the run record.
Counts run_stages(pqxx::transaction_base& tx, RunContext ctx, const RunOptions& options, Counts& counts) {
    StageClock clock(counts);
    load_session(tx, *ctx.config);
    clock.lap("session");
    check_registers(tx, ctx, counts);
    clock.lap("registers");
    EvaluationPlan plan = plan_evaluation(tx, ctx, options.evaluation, counts);
    ctx.scope = plan.scope;
    clock.lap("scope");
    if (options.workers > 1) {
        evaluate_in_shards(tx, ctx, options.connect, options.workers, counts);
    } else {
        evaluate(tx, ctx, counts);
    }
    clock.restart();
    for (const auto& [name, stage] : kWriting) {
        stage(tx, ctx, counts);
        clock.lap(name);
    }
    return plan.state;
}

}  // namespace

RunResult run_nightly(pqxx::connection& conn, const config::Config& config, const RunOptions& options) {
    const rules::Day as_of = options.as_of.value_or(rules::today_in_helsinki());
    db::require_current_schema(conn);
    RunLock lock(conn);
    const auto identity = identify_config(conn, config);
    RunContext ctx{next_run_id(conn), as_of, options.dry_run, &config, identity.digest, Shard{}, Scope{}};
    if (!ctx.dry_run) {
        mark_abandoned_runs(conn, ctx.run_id);
        check_as_of(conn, as_of);
        record_start(conn, ctx.run_id, as_of, options.as_of ? "manual" : "scheduled", identity, config.config_version);
    }
    spdlog::info("run {} as_of={}{} config={} workers={}", ctx.run_id, rules::to_iso(as_of),
                 ctx.dry_run ? " (dry run)" : "", identity.digest.substr(0, 12), options.workers);
    Counts counts = Counts::object();
    try {
        // One snapshot for the whole run, shared with the workers: every stage reads the
        // registers as they were when the run began (docs/architecture.md).
        pqxx::transaction<pqxx::isolation_level::repeatable_read> tx(conn, "nightly");
        const Counts evaluation = run_stages(tx, ctx, options, counts);
        if (ctx.dry_run) {
            tx.abort();
        } else {
            record_success(tx, ctx.run_id, counts, evaluation);
            tx.commit();
        }
    } catch (const pqxx::in_doubt_error&) {
        throw DatabaseError("the connection was lost while run " + std::to_string(ctx.run_id) +
                            " committed; check supervision.run for its status before running again");
    } catch (const pqxx::broken_connection&) {
        throw DatabaseError("the database connection was lost during run " + std::to_string(ctx.run_id) +
                            "; nothing of it was kept: run again when the database is back");
    } catch (const std::exception& e) {
        if (!ctx.dry_run) record_failure(conn, ctx.run_id, e.what());
        throw;
    }
    return RunResult{ctx.run_id, as_of, counts};
}

}  // namespace supervision::run
