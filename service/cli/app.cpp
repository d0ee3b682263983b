#include "cli/app.h"

#include "cli/commands.h"
#include "cli/json_log.h"
#include "errors.h"
#include "reports/request.h"

#include <CLI/CLI.hpp>
#include <pqxx/pqxx>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

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

// `report coverage | growth-entrepreneurs | statistics` (contract.md); fills `r`.
CLI::App* add_report_commands(CLI::App& app, reports::Request& r) {
    auto* report = app.add_subcommand("report", "coverage compliance and statistics reports (rules.md §9)");
    report->require_subcommand(1);
    auto common = [&r](CLI::App* c, std::initializer_list<std::string> formats) {
        c->add_option("--format", r.format, "output format")->check(CLI::IsMember(formats))->capture_default_str();
        c->add_option("--out", r.out, "write the report to this file (default: standard output)");
    };
    auto* coverage = report->add_subcommand("coverage", "annual coverage compliance report (indicator 5)");
    coverage->add_option("--year", r.year, "the year of the permits' decisions")->required()->check(CLI::Range(1900, 9999));
    common(coverage, {"json", "csv", "html"});
    auto* growth = report->add_subcommand("growth-entrepreneurs", "the growth-entrepreneur statistics product");
    common(growth, {"json", "csv"});
    growth->add_flag("--publish", r.publish, "suppress small cells (1-4 shown as <5) for publication");
    auto* statistics = report->add_subcommand("statistics", "statistics of every basis, signal precision, forecast");
    common(statistics, {"json", "csv"});
    statistics->add_flag("--publish", r.publish, "suppress small cells (1-4 shown as <5) for publication");
    statistics->add_option("--table", r.table, "the table a CSV holds: cohort, precision or forecast")
        ->check(CLI::IsMember({"cohort", "precision", "forecast"}))
        ->capture_default_str();
    return report;
}

int report(ExitCode code, const std::string& message) {
    spdlog::error("{}", message);
    finish_failed_run(static_cast<int>(code));  // a failed run's metrics file, if it asked for one
    return static_cast<int>(code);
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

    auto* migrate = app.add_subcommand("migrate", "create or upgrade all schemas; safe to repeat");

    RunCommand run;
    auto* run_cmd = app.add_subcommand("run", "the nightly run: enrol, evaluate, score, queue");
    run_cmd->add_option("--as-of", run.as_of, "YYYY-MM-DD (default: today in Europe/Helsinki)");
    run_cmd->add_flag("--dry-run", run.dry_run, "compute everything, write nothing, print the counts");
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
    load->add_option("--permits", demo.permits, "number of permits")->capture_default_str()->check(CLI::Range(1LL, 100000000LL));
    load->add_option("--seed", demo.seed, "generator seed")->capture_default_str();
    load->add_option("--as-of", demo.as_of, "the day the registers describe (default: today)");
    load->add_flag("--replace", demo.replace, "allow replacing registry tables that hold rows");

    reports::Request report_request;
    auto* report_cmd = add_report_commands(app, report_request);

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
        if (*check) return command_config_check(g);
        if (*load) return command_demo_load(g, demo);
        return report(ExitCode::usage, "no command given; see supervision --help");
    } catch (const Error& e) {
        return report(e.code(), e.what());
    } catch (const pqxx::broken_connection& e) {
        return report(ExitCode::database, std::string("lost the database connection: ") + e.what() +
                                              "; check that PostgreSQL runs and try again");
    } catch (const std::exception& e) {
        return report(ExitCode::unexpected, std::string("unexpected failure: ") + e.what() +
                                                "; nothing was kept of an unfinished run; report this with the log");
    }
}

}  // namespace supervision::cli
