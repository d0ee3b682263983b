#include "run/evaluation.h"

#include "run/pipeline.h"

namespace supervision::run {

void evaluate(pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    run_phase(Phase::evaluation, tx, ctx, counts);
}

}  // namespace supervision::run
