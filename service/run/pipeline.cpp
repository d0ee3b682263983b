#include "run/pipeline.h"

#include "run/stage_log.h"
#include "run/stages.h"

namespace supervision::run {

const std::vector<Stage>& pipeline() {
    using P = Phase;
    static const std::vector<Stage> stages{
        {"session", P::setup, "00_session", "the configuration",
         "the session's configuration tables (coverage_line, parameter, signal_scope, queue_basis, study_term, "
         "campaign) and working tables",
         "", load_configuration},
        {"registers", P::setup, "01_registers", "registry.source_status",
         "pg_temp.register: each register's completeness; stale registers in the counts", "", check_registers},
        {"scope", P::setup, "02_scope",
         "the last run's evaluation state, supervision.registry_change, supervision.person_recheck",
         "the mode (full, or incremental with pg_temp.scope_person); the register changes seen", "", choose_mode},
        {"validate", P::evaluation, "10_validate", "every register but the Incomes Register", "pg_temp.rejected_now",
         "rejected_now", validate_registers},
        {"find_ends", P::evaluation, "11_find_ends", "supervision.supervised_permit, registry.permit, deaths",
         "pg_temp.end_now", "end_now", find_ends},
        {"find_enrolments", P::evaluation, "12_find_enrolments", "registry.permit, the coverage lines",
         "pg_temp.enrol_now", "enrol_now", find_enrolments},
        {"prepare", P::evaluation, "13_prepare", "the above, registry.income_record (read once)",
         "pg_temp.active_permit, person_month, work_history; the Incomes Register's rejections", "",
         prepare_evaluation},
        {"recheck", P::evaluation, "14_recheck", "the evaluated persons' registers",
         "pg_temp.recheck_now, evaluated_now", "evaluated_now", find_recheck_days},
        {"signals", P::evaluation, "15_signals", "the evaluated permits and their registers",
         "pg_temp.signal_now: each type's conditions with their evidence", "signal_now", find_signals},
        {"rejected_rows", P::writing, "20_rejected_rows", "pg_temp.rejected_now", "supervision.rejected_row_*", "",
         record_rejections},
        {"end", P::writing, "21_end", "pg_temp.end_now", "supervision.supervised_permit (ended)", "", end_supervision},
        {"enrol", P::writing, "22_enrol", "pg_temp.enrol_now", "supervision.supervised_permit (enrolled)", "",
         enrol_permits},
        {"evaluated", P::writing, "23_evaluated", "pg_temp.evaluated_now",
         "supervision.evaluated_permit; the counts per line", "", record_evaluated},
        {"signal_lifecycle", P::writing, "24_signal_lifecycle", "pg_temp.signal_now",
         "supervision.signal: carried over (incremental), extended, raised, resolved", "", update_signals},
        {"reviews", P::writing, "25_reviews", "supervision.signal, signal_explanation, revocation_review",
         "locks and links to open reviews, escalation, candidates, revocation_review, review_backlog", "",
         score_and_queue},
        {"events", P::writing, "26_events", "what this run opened, linked, raised and ended",
         "supervision.event; NOTIFY supervision_event at commit", "", write_events},
        {"queue_flow", P::writing, "", "supervision.revocation_review, review_backlog (sql/queues/flow.sql)",
         "the queues' SLA and flow figures in the counts and metrics", "", count_queue_flow},
        {"qc_sample", P::writing, "27_qc_sample", "supervision.evaluated_permit, signal, revocation_review",
         "supervision.qc_sample", "", draw_qc_sample},
        {"evaluation_state", P::writing, "28_evaluation_state", "pg_temp.evaluated_now, change_seen",
         "supervision.person_recheck; the register changes taken into account deleted", "", save_evaluation_state},
        {"planner_statistics", P::writing, "29_planner_statistics", "the tables a full run rewrote",
         "their planner statistics (ANALYZE), for the next run", "", refresh_planner_statistics},
    };
    return stages;
}

const char* phase_name(Phase phase) {
    switch (phase) {
        case Phase::setup:
            return "setup";
        case Phase::evaluation:
            return "evaluation";
        case Phase::writing:
            return "writing";
    }
    return "";
}

void run_phase(Phase phase, pqxx::transaction_base& tx, RunContext& ctx, Counts& counts) {
    StageClock clock(counts);
    for (const auto& stage : pipeline()) {
        if (stage.phase != phase) continue;
        const StageLog log(stage.name, ctx.shard);
        log.done(stage.work(tx, ctx, counts));
        clock.lap(stage.name);
    }
}

}  // namespace supervision::run
