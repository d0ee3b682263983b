#include "run/nightly.h"

#include "db/migrations.h"
#include "db/statement.h"
#include "errors.h"
#include "run/evaluation.h"
#include "run/ledger.h"
#include "run/lock_watch.h"
#include "run/pipeline.h"
#include "run/session_setup.h"
#include "run/shards.h"

#include <spdlog/spdlog.h>

#include <utility>

namespace supervision::run {

namespace {

// rules.md §7: a recorded run is never for a day before the last completed run's, nor for a
// day after today: one such run would refuse every real night until that day.
void check_as_of(pqxx::connection& conn, rules::Day as_of, rules::Day today) {
    if (as_of > today) {
        throw AsOfInFutureError("as_of " + rules::to_iso(as_of) + " is after today (" + rules::to_iso(today) +
                                ", Europe/Helsinki); run for today or an earlier day, or use --dry-run to look ahead");
    }
    const auto last = last_completed_as_of(conn);
    if (last && as_of < *last) {
        throw AsOfTooEarlyError("as_of " + rules::to_iso(as_of) + " is earlier than the last completed run's " +
                                rules::to_iso(*last) + "; run with --as-of " + rules::to_iso(*last) +
                                " or later, or use --dry-run to look at an earlier day");
    }
}

// SQLSTATE lock_not_available: a statement waited longer than lock_timeout.
constexpr const char* kLockTimeout = "55P03";

std::string lock_timeout_message(const RunContext& ctx, const std::optional<std::string>& wait) {
    return "run " + std::to_string(ctx.run_id) + " waited longer than --lock-timeout (" +
           std::to_string(ctx.lock_timeout_s) + " s) for " + wait.value_or("a lock") +
           "; nothing of it was kept: let that session finish (or end it), then run again";
}

// The evaluation half: in a REPEATABLE READ transaction, so that every stage and every
// worker reads the registers as of one moment. It writes only the session's temporary
// tables, which outlive its commit. The setup stages choose the mode (ctx.mode).
void evaluate_run(pqxx::connection& conn, RunContext& ctx, const RunOptions& options, Counts& counts) {
    pqxx::transaction<pqxx::isolation_level::repeatable_read> tx(conn, "evaluation");
    run_phase(Phase::setup, tx, ctx, counts);
    if (options.workers > 1) {
        evaluate_in_shards(tx, ctx, options.connect, options.workers, counts);
    } else {
        evaluate(tx, ctx, counts);
    }
    try {
        tx.commit();
    } catch (const pqxx::in_doubt_error&) {
        // Nothing of the evaluation outlives its session: whatever happened, nothing is kept.
        throw pqxx::broken_connection("the connection was lost as the evaluation ended");
    }
}

// The writing half: in READ COMMITTED, so that the reviews stage sees and locks the reviews
// as the supervisors last committed them, not as they were when the evaluation began
// (docs/architecture.md, "Supervisors during a run"). Only this transaction writes
// persistent rows; it commits with the run record's success, or not at all.
void write_run(pqxx::connection& conn, RunContext& ctx, Counts& counts) {
    pqxx::work tx(conn, "writing");
    db::exec_script(tx, "run/00_session/settings.sql");
    run_phase(Phase::writing, tx, ctx, counts);
    if (ctx.dry_run) {
        tx.abort();
        return;
    }
    record_success(tx, ctx.run_id, counts, ctx.evaluation_state);
    tx.commit();
}

}  // namespace

RunResult run_nightly(pqxx::connection& conn, const config::Config& config, const RunOptions& options) {
    const rules::Day as_of = options.as_of.value_or(rules::today_in_helsinki());
    db::require_current_schema(conn);
    RunLock lock(conn);
    const auto identity = identify_config(conn, config);
    LockWatch lock_watch(options.connect);
    lock_watch.watch(conn.backendpid());
    set_lock_timeout(conn, options.lock_timeout_s);
    RunContext ctx;
    ctx.run_id = next_run_id(conn);
    ctx.as_of = as_of;
    ctx.dry_run = options.dry_run;
    ctx.config = &config;
    ctx.config_digest = identity.digest;
    ctx.policy = options.evaluation;
    ctx.lock_timeout_s = options.lock_timeout_s;
    ctx.lock_watch = &lock_watch;
    if (!ctx.dry_run) {
        mark_abandoned_runs(conn, ctx.run_id);
        check_as_of(conn, as_of, options.today.value_or(rules::today_in_helsinki()));
        record_start(conn, ctx.run_id, as_of, options.as_of ? "manual" : "scheduled", identity, config.config_version);
    }
    spdlog::info("run {} as_of={}{} config={} workers={}", ctx.run_id, rules::to_iso(as_of),
                 ctx.dry_run ? " (dry run)" : "", identity.digest.substr(0, 12), options.workers);
    Counts counts = Counts::object();
    try {
        evaluate_run(conn, ctx, options, counts);
        write_run(conn, ctx, counts);
        discard_session(conn);
    } catch (const pqxx::in_doubt_error&) {
        throw DatabaseError("the connection was lost while run " + std::to_string(ctx.run_id) +
                            " committed; check supervision.run for its status before running again");
    } catch (const pqxx::broken_connection&) {
        throw DatabaseError("the database connection was lost during run " + std::to_string(ctx.run_id) +
                            "; nothing of it was kept: run again when the database is back");
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() != kLockTimeout) {
            if (!ctx.dry_run) record_failure(conn, ctx.run_id, e.what());
            throw;
        }
        const std::string message = lock_timeout_message(ctx, lock_watch.last_wait());
        if (!ctx.dry_run) record_failure(conn, ctx.run_id, message);
        throw DatabaseError(message);
    } catch (const std::exception& e) {
        if (!ctx.dry_run) record_failure(conn, ctx.run_id, e.what());
        throw;
    }
    return RunResult{ctx.run_id, as_of, counts};
}

}  // namespace supervision::run
