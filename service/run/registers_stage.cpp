#include "db/statement.h"
#include "errors.h"
#include "run/stages.h"

namespace supervision::run {

long long check_registers(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto max_days = ctx.config->parameter("max_staleness_days").value_on(ctx.as_of);
    if (!max_days)
        throw ConfigError(ctx.config->source_path + ": parameters.max_staleness_days: no value in force on " +
                          rules::to_iso(ctx.as_of));
    db::exec_file(tx, "run/01_registers/load.sql");
    const auto rows =
        db::exec_file(tx, "run/01_registers/staleness.sql", rules::to_iso(ctx.as_of), static_cast<int>(*max_days));
    Counts stale = Counts::array();
    for (const auto& row : rows) {
        const std::string source = row["source"].as<std::string>();
        counts["registers"][source]["complete_through"] =
            row["complete_through"].is_null() ? Counts() : Counts(row["complete_through"].as<std::string>());
        if (row["stale"].as<bool>()) {
            stale.push_back(source);
            spdlog::warn(
                "register {} is stale: refreshed {}, more than {} days before {}; signals use only its "
                "complete months, but ask the register's ETL team to refresh it",
                source, row["refreshed_at"].is_null() ? "never" : row["refreshed_at"].c_str(), *max_days,
                rules::to_iso(ctx.as_of));
        }
    }
    counts["stale_registers"] = stale;
    return static_cast<long long>(rows.size());
}

}  // namespace supervision::run
