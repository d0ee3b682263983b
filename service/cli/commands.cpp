#include "cli/commands.h"

#include "casefile/explain.h"
#include "config/canonical.h"
#include "config/loader.h"
#include "db/connection.h"
#include "db/migrations.h"
#include "demo/demo_loader.h"
#include "demo/supervisors.h"
#include "errors.h"
#include "reports/queue_report.h"
#include "reports/render.h"
#include "run/metrics.h"
#include "run/nightly.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>

namespace supervision::cli {

namespace {

rules::Day parse_day(const std::optional<std::string>& text, const char* option) {
    if (!text) return rules::today_in_helsinki();
    const auto d = rules::parse_iso_date(*text);
    if (!d) throw UsageError(std::string(option) + " '" + *text + "' is not a date; write it as YYYY-MM-DD");
    return *d;
}

db::ConnectOptions connect_options(const GlobalOptions& g, const char* step) {
    return db::ConnectOptions{g.db, step, g.connect_attempts, g.connect_wait_ms};
}

std::unique_ptr<pqxx::connection> open(const GlobalOptions& g, const char* step) {
    return db::connect(connect_options(g, step));
}

}  // namespace

int command_migrate(const GlobalOptions& g) {
    auto conn = open(g, "migrate");
    const int applied = db::migrate(*conn);
    spdlog::info("schema at version {} ({} migration{} applied)", db::latest_version(), applied,
                 applied == 1 ? "" : "s");
    return 0;
}

namespace {

// Writes the metrics file when one was asked for (never for a dry run). Failing to write
// it is logged and leaves the run's outcome and exit code as they are.
void record_metrics(const RunCommand& c, run::RunOutcome& o, std::chrono::steady_clock::time_point started) {
    if (c.metrics_file.empty() || c.dry_run) return;
    using namespace std::chrono;
    o.finished_at = std::round(duration<double>(system_clock::now().time_since_epoch()).count());
    o.duration_seconds = std::round(duration<double>(steady_clock::now() - started).count() * 1000.0) / 1000.0;
    o.last_success_at = o.succeeded ? std::optional<double>(o.finished_at) : run::last_success_in(c.metrics_file);
    o.signal_types = config::known_signal_types();
    try {
        run::write_metrics_file(c.metrics_file, run::metrics_text(o));
        spdlog::debug("metrics written to {}", c.metrics_file);
    } catch (const std::exception& e) {
        spdlog::error(
            "{}; the run's outcome stands, but monitoring will not see it: check that the folder "
            "exists and that this user may write there",
            e.what());
    }
}

void run_and_print(const GlobalOptions& g, const RunCommand& c, run::RunOutcome& outcome) {
    outcome.as_of = parse_day(c.as_of, "--as-of");  // today in Europe/Helsinki when not given
    const auto config = config::load_config(g.config);
    for (const auto& [queue, q] : config.queues) outcome.queues.push_back(queue);
    run::RunOptions options;
    if (c.as_of) options.as_of = outcome.as_of;
    options.dry_run = c.dry_run;
    options.workers = c.workers;
    options.evaluation.full = c.full;
    options.evaluation.full_every_days = c.full_every_days;
    options.lock_timeout_s = c.lock_timeout_s;
    options.connect = connect_options(g, "run");
    auto conn = db::connect(options.connect);
    const auto result = run::run_nightly(*conn, config, options);
    nlohmann::json out{{"run_id", c.dry_run ? nlohmann::json() : nlohmann::json(result.run_id)},
                       {"as_of", rules::to_iso(result.as_of)},
                       {"dry_run", c.dry_run},
                       {"counts", result.counts}};
    std::cout << out.dump(2) << '\n';
    spdlog::info("run {} as_of={} {}: enrolled={} ended={} supervised={} rejected_rows={}",
                 c.dry_run ? "(dry)" : std::to_string(result.run_id), rules::to_iso(result.as_of),
                 c.dry_run ? "computed, nothing written" : "succeeded", result.counts.value("enrolled", 0LL),
                 result.counts.value("ended", 0LL), result.counts.value("evaluated", 0LL),
                 result.counts.value("rejected_rows", 0LL));
    outcome.as_of = result.as_of;
    outcome.counts = result.counts;
}

// The `run` in progress, whose metrics a failure still writes: only cli::main knows the
// exit code an error becomes, so it calls finish_failed_run() when it reports one.
struct PendingRun {
    RunCommand command;
    run::RunOutcome outcome;
    std::chrono::steady_clock::time_point started;
};

std::optional<PendingRun>& pending_run() {
    static std::optional<PendingRun> pending;
    return pending;
}

}  // namespace

int command_run(const GlobalOptions& g, const RunCommand& c) {
    auto& pending = pending_run();
    pending = PendingRun{c, run::RunOutcome{}, std::chrono::steady_clock::now()};
    run_and_print(g, c, pending->outcome);  // an error leaves the run pending for finish_failed_run
    pending->outcome.succeeded = true;
    record_metrics(c, pending->outcome, pending->started);
    pending.reset();
    return 0;
}

void finish_failed_run(int exit_code) {
    auto& pending = pending_run();
    if (!pending) return;
    pending->outcome.exit_code = exit_code;
    record_metrics(pending->command, pending->outcome, pending->started);
    pending.reset();
}

int command_demo_load(const GlobalOptions& g, const DemoLoadCommand& c) {
    demo::DemoSpec spec{c.permits, c.seed, parse_day(c.as_of, "--as-of"), c.replace};
    auto conn = open(g, "demo");
    const long long n = demo::load_demo(*conn, spec);
    spdlog::info("demo registers loaded: {} permits (seed {}, as of {})", n, c.seed, rules::to_iso(spec.as_of));
    return 0;
}

int command_demo_supervise(const GlobalOptions& g, const DemoSuperviseCommand& c) {
    const auto until = parse_day(c.until, "--until");
    auto conn = open(g, "demo");
    const auto d = demo::play_supervisors(*conn, until, c.seed);
    spdlog::info("demo supervisors through {}: {} to hearing, {} closed, {} permits revoked, {} signals explained",
                 rules::to_iso(until), d.heard, d.closed, d.revoked, d.explained);
    return 0;
}

int command_config_check(const GlobalOptions& g) {
    const auto config = config::load_config(g.config);
    std::cout << config::to_json(config).dump(2) << '\n';
    spdlog::info("{}: valid ({} coverage lines)", g.config, config.coverage_lines.size());
    return 0;
}

int command_report(const GlobalOptions& g, const std::string& which, const reports::Request& r) {
    const auto config = config::load_config(g.config);
    auto conn = open(g, "report");
    db::require_current_schema(*conn);
    const std::string text = which == "queue" ? reports::render_queue_report(*conn, config, r)
                                              : reports::render_report(*conn, config, which, r);
    reports::write_report(text, r.out);
    spdlog::info("report {} written to {}", which, r.out ? *r.out : std::string("standard output"));
    return 0;
}

int command_explain(const GlobalOptions& g, const ExplainCommand& c) {
    if (c.permit.has_value() == c.review.has_value()) {
        throw UsageError("explain: give either --permit P or --review R; see supervision explain --help");
    }
    auto conn = open(g, "explain");
    db::require_current_schema(*conn);
    const std::string text = casefile::explain(*conn, casefile::Subject{c.permit, c.review}, c.format);
    reports::write_report(text, c.out);
    spdlog::info("case file written to {}", c.out ? *c.out : std::string("standard output"));
    return 0;
}

}  // namespace supervision::cli
