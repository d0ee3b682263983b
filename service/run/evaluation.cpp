#include "run/evaluation.h"

#include "run/stage_log.h"
#include "run/stages.h"

#include <utility>

namespace supervision::run {

namespace {
using Stage = void (*)(pqxx::transaction_base&, const RunContext&, Counts&);

// Each reads what the previous ones found; none writes a persistent table.
constexpr std::pair<const char*, Stage> kEvaluation[] = {
    {"validate", validate_registers}, {"find_ends", find_ends},  {"find_enrolments", find_enrolments},
    {"prepare", prepare_evaluation},  {"recheck", find_recheck_days},    {"signals", find_signals},
};
}  // namespace

void evaluate(pqxx::transaction_base& tx, const RunContext& ctx, Counts& counts) {
    StageClock clock(counts);
    for (const auto& [name, stage] : kEvaluation) {
        stage(tx, ctx, counts);
        clock.lap(name);
    }
}

}  // namespace supervision::run
