#include "cli/app.h"

#include "cli/commands.h"
#include "cli/json_log.h"
#include "config/config.h"
#include "errors.h"
#include "reports/request.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <pqxx/pqxx>

#include <iostream>
#include <typeinfo>

namespace supervision::cli {

namespace {

void set_up_logging(const std::string& level, const std::string& format) {
    auto logger = spdlog::stderr_color_mt("supervision");
    if (format == "json") {
        logger->set_formatter(json_line_formatter());
    } else {
        logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    }
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::from_str(level));
}

// `report coverage | growth-entrepreneurs | statistics | queue` (contract.md); fills `r`.
CLI::App* add_report_commands(CLI::App& app, reports::Request& r) {
    auto* report = app.add_subcommand("report", "coverage compliance and statistics reports (rules.md §9)");
    report->require_subcommand(1);
    auto common = [&r](CLI::App* c, std::initializer_list<std::string> formats) {
        c->add_option("--format", r.format, "output format")->check(CLI::IsMember(formats))->capture_default_str();
        c->add_option("--out", r.out, "write the report to this file (default: standard output)");
    };
    auto* coverage = report->add_subcommand("coverage", "annual coverage compliance report (indicator 5)");
    coverage->add_option("--year", r.year, "the year of the permits' decisions")
        ->required()
        ->check(CLI::Range(1900, 9999));
    coverage
        ->add_option("--view", r.view,
                     "decisions: the permits decided in the year; stock: the permits in force in the year "
                     "(the HTML shows both)")
        ->check(CLI::IsMember({"decisions", "stock"}))
        ->capture_default_str();
    common(coverage, {"json", "csv", "html"});
    auto* growth = report->add_subcommand("growth-entrepreneurs", "the growth-entrepreneur statistics product");
    common(growth, {"json", "csv"});
    growth->add_flag("--publish", r.publish, "suppress small cells (1-4 shown as <5) for publication");
    auto* statistics =
        report->add_subcommand("statistics", "statistics of every basis or of one, signal types, precision, forecast");
    common(statistics, {"json", "csv", "html"});
    statistics->add_flag("--publish", r.publish, "suppress small cells (1-4 shown as <5) for publication");
    statistics->add_option("--basis", r.basis, "the statistics of this basis only")
        ->check(CLI::IsMember(config::known_bases()));
    statistics
        ->add_option("--table", r.table,
                     "the table a CSV holds: cohort, precision, signal-types, forecast, forecast-years, alarms or "
                     "backtest")
        ->check(
            CLI::IsMember({"cohort", "precision", "signal-types", "forecast", "forecast-years", "alarms", "backtest"}))
        ->capture_default_str();
    statistics->add_option("--metrics-file", r.metrics_file,
                           "also write the forecast and its alarms as Prometheus metrics here, atomically "
                           "(node_exporter textfile collector)");
    auto* queue = report->add_subcommand("queue", "the review queues: due, overdue, ages, decided per opened");
    common(queue, {"json", "csv", "html"});
    return report;
}

// `explain --permit P | --review R`: one permit's case file; fills `c`.
CLI::App* add_explain_command(CLI::App& app, ExplainCommand& c) {
    auto* explain = app.add_subcommand("explain", "the case file of one permit, in plain words, for an official");
    auto* permit = explain->add_option("--permit", c.permit, "the permit_id of a permit under supervision");
    explain->add_option("--review", c.review, "a review_id: the case file of its permit")
        ->check(CLI::PositiveNumber)
        ->excludes(permit);
    explain->add_option("--format", c.format, "json or html (one printable page)")
        ->check(CLI::IsMember({"json", "html"}))
        ->capture_default_str();
    explain->add_option("--out", c.out, "write the case file to this file (default: standard output)");
    return explain;
}

// Who may run the command that failed for want of a privilege (docs/reliability.md).
const char* role_hint = "run as a member of supervision_batch after `supervision migrate`";

int report(ExitCode code, const std::string& message) {
    spdlog::error("{}", message);
    finish_failed_run(static_cast<int>(code));  // a failed run's metrics file, if it asked for one
    return static_cast<int>(code);
}

// The first line of a server message, without its severity: DETAIL and CONTEXT lines may
// quote a row's values (person ids, amounts), which stay out of the log (the run record
// keeps the whole message).
std::string first_line(const std::string& message) {
    std::string line = message.substr(0, message.find('\n'));
    for (const char* severity : {"ERROR:", "FATAL:"}) {
        if (line.rfind(severity, 0) == 0) line.erase(0, line.find_first_not_of(' ', std::string(severity).size()));
    }
    return line;
}

// A failed statement: a server gone or shutting down (SQLSTATE class 08, 57P, or a plain
// sql_error without one: libpq's own "server closed the connection unexpectedly") exits 4
// like a lost connection; a missing privilege, a cancelled statement (statement_timeout)
// and anything else exit 1. (libpqxx 6.4 leaves sqlstate() empty on some typed errors.)
int report_sql_error(const pqxx::sql_error& e) {
    const std::string state = e.sqlstate();
    const std::string what = first_line(e.what());
    if (dynamic_cast<const pqxx::insufficient_privilege*>(&e) != nullptr) {
        return report(ExitCode::unexpected, "the database role lacks a privilege: " + what + "; " + role_hint +
                                                " (docs/reliability.md, roles)");
    }
    const bool no_state = state.empty() && typeid(e) == typeid(pqxx::sql_error);
    if (no_state || state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) {
        return report(ExitCode::database, "the database went away during the command: " + what +
                                              "; nothing of an unfinished run was kept: run again when it is back");
    }
    if (state == "57014") {
        return report(ExitCode::unexpected, "a statement was cancelled: " + what +
                                                "; nothing of the run was kept: find what blocked or slowed it "
                                                "(or raise statement_timeout for this role) and run again");
    }
    return report(ExitCode::unexpected, "unexpected database error " + state + ": " + what +
                                            "; nothing of an unfinished run was kept; report this with the log");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"supervision: nightly post-permit supervision of residence permits"};
    app.fallthrough();  // global options may stand after the subcommand too
    app.require_subcommand(1);
    GlobalOptions g;
    app.add_option("--db", g.db, "libpq connection string or URI (default: PGHOST, PGDATABASE, …)");
    app.add_option("--config", g.config, "YAML configuration")->capture_default_str();
    app.add_option("--log-level", g.log_level, "trace, debug, info, warn or error")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
        ->capture_default_str();
    app.add_option("--log-format", g.log_format, "text, or json (one JSON object per line)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    app.add_option("--connect-attempts", g.connect_attempts,
                   "tries to reach PostgreSQL at start before exiting 4; the waits between double")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    app.add_option("--connect-wait-ms", g.connect_wait_ms, "wait before the second try (at most 30 s apart)")
        ->check(CLI::Range(0, 30000))
        ->capture_default_str();

    auto* migrate = app.add_subcommand("migrate", "create or upgrade all schemas; safe to repeat");

    RunCommand run;
    auto* run_cmd = app.add_subcommand("run", "the nightly run: enrol, evaluate, score, queue");
    run_cmd->add_option("--as-of", run.as_of, "YYYY-MM-DD (default: today in Europe/Helsinki)");
    run_cmd->add_flag("--dry-run", run.dry_run, "compute everything, write nothing, print the counts");
    run_cmd
        ->add_option("--workers", run.workers,
                     "evaluate in this many database sessions at once, each for a share of the persons; "
                     "the outcome is the same for any number (about one per core of the database server)")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    run_cmd->add_flag("--full", run.full,
                      "evaluate every person, not only those whose registers changed or whose day came; the "
                      "outcome is the same (docs/incremental.md)");
    run_cmd
        ->add_option("--full-every-days", run.full_every_days,
                     "evaluate every person when the last full evaluation is this many days old or older")
        ->check(CLI::Range(1, 3660))
        ->capture_default_str();
    run_cmd
        ->add_option("--lock-timeout", run.lock_timeout_s,
                     "seconds a session of the run waits for a lock (an ETL load holding a register's table) "
                     "before the run stops with exit 4; waits are logged after 5 s")
        ->check(CLI::Range(1, 86400))
        ->capture_default_str();
    run_cmd->add_option("--metrics-file", run.metrics_file,
                        "write Prometheus text-format metrics here, atomically (node_exporter textfile "
                        "collector); not for dry runs");

    auto* config_cmd = app.add_subcommand("config", "configuration tools");
    config_cmd->require_subcommand(1);
    auto* check = config_cmd->add_subcommand("check", "validate the configuration and print its canonical form");

    DemoLoadCommand demo;
    auto* demo_cmd = app.add_subcommand("demo", "demo registers for trying the service out");
    demo_cmd->require_subcommand(1);
    auto* load = demo_cmd->add_subcommand("load", "replace the registry tables with generated demo registers");
    load->add_option("--permits", demo.permits, "number of permits")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 100000000LL));
    load->add_option("--seed", demo.seed, "generator seed")->capture_default_str();
    load->add_option("--as-of", demo.as_of, "the day the registers describe (default: today)");
    load->add_flag("--replace", demo.replace, "allow replacing registry tables that hold rows");
    DemoSuperviseCommand supervise;
    auto* supervise_cmd = demo_cmd->add_subcommand(
        "supervise", "the demo's supervisors hold hearings and decide the reviews due by --until (demo data only)");
    supervise_cmd->add_option("--until", supervise.until, "the last day they work (default: today)");
    supervise_cmd->add_option("--seed", supervise.seed, "decision seed")->capture_default_str();

    reports::Request report_request;
    auto* report_cmd = add_report_commands(app, report_request);
    ExplainCommand explain;
    auto* explain_cmd = add_explain_command(app, explain);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "supervision: " << e.what() << "; see supervision --help\n";
        return static_cast<int>(ExitCode::usage);
    }
    set_up_logging(g.log_level, g.log_format);
    try {
        if (*migrate) return command_migrate(g);
        if (*run_cmd) return command_run(g, run);
        if (*report_cmd) return command_report(g, report_cmd->get_subcommands().at(0)->get_name(), report_request);
        if (*explain_cmd) {
            role_hint = "run as a member of supervision_supervisor after `supervision migrate`";
            return command_explain(g, explain);
        }
        if (*check) return command_config_check(g);
        if (*load) return command_demo_load(g, demo);
        if (*supervise_cmd) return command_demo_supervise(g, supervise);
        return report(ExitCode::usage, "no command given; see supervision --help");
    } catch (const Error& e) {
        return report(e.code(), e.what());
    } catch (const pqxx::in_doubt_error&) {
        return report(ExitCode::database,
                      "the database connection was lost while a transaction committed; run "
                      "again when the database is back: the next run marks an unfinished run "
                      "failed and does its day again");
    } catch (const pqxx::broken_connection& e) {
        return report(ExitCode::database, std::string("lost the database connection: ") + first_line(e.what()) +
                                              "; check that PostgreSQL runs and try again");
    } catch (const pqxx::sql_error& e) {
        return report_sql_error(e);
    } catch (const std::exception& e) {
        return report(ExitCode::unexpected, std::string("unexpected failure: ") + first_line(e.what()) +
                                                "; nothing was kept of an unfinished run; report this with the log");
    }
}

}  // namespace supervision::cli
