#include <string>
#include <vector>

#include "db/pg_array.h"
#include "db/statement.h"
#include "run/stages.h"

namespace supervision::run {

// The day's quality-control sample, after scoring and queueing so that "no
// signal" means no open signal and no active review after this run. One sample per day:
// the run holds the run lock, so nothing draws the day's sample between the two steps.
long long draw_qc_sample(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    const auto as_of = rules::to_iso(ctx.as_of);
    long long drawn = db::exec_file(tx, "run/27_qc_sample/drawn.sql", as_of)[0]["permits"].as<long long>();
    const auto size = ctx.config->qc_sample_size.value_on(ctx.as_of).value_or(0);
    if (drawn == 0 && size > 0) {
        std::vector<std::string> permits;
        std::vector<std::string> lines;
        for (const auto& row : db::exec_file(tx, "run/27_qc_sample/draw.sql", as_of, static_cast<long long>(size))) {
            permits.push_back(row["permit_id"].as<std::string>());
            lines.push_back(row["line_id"].as<std::string>());
        }
        drawn = static_cast<long long>(db::exec_file(tx, "run/27_qc_sample/save.sql", as_of, ctx.run_id,
                                                     db::text_array(permits), db::text_array(lines))
                                           .affected_rows());
    }
    counts["qc_sample"] = drawn;
    return drawn;
}

}  // namespace supervision::run
