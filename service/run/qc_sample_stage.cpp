#include "db/statement.h"
#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

// Issue 4: the day's quality-control sample, after scoring and queueing so that "no
// signal" means no open signal and no active review after this run.
void draw_qc_sample(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageLog log("qc_sample");
    const auto size = ctx.config->qc_sample_size.value_on(ctx.as_of).value_or(0);
    const auto rows = db::exec_file(tx, "run/qc/sample.sql", rules::to_iso(ctx.as_of), ctx.run_id,
                                    static_cast<long long>(size));
    const long long drawn = rows[0]["permits"].as<long long>();
    counts["qc_sample"] = drawn;
    log.done(drawn);
}

}  // namespace supervision::run
