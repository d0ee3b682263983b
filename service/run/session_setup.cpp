#include "run/session_setup.h"

#include "db/pg_array.h"
#include "db/statement.h"
#include "run/registers.h"
#include "run/stages.h"

namespace supervision::run {

namespace {

void load_lines(pqxx::transaction_base& tx, const config::Config& config) {
    std::vector<long long> ord, months;
    std::vector<std::string> id, effective, basis, sequence, validity, scope_field, scope_from;
    long long n = 0;
    for (const auto& line : config.coverage_lines) {
        ++n;
        for (const auto& b : line.bases) {
            ord.push_back(n);
            id.push_back(line.id);
            effective.push_back(rules::to_iso(line.effective_from));
            basis.push_back(b);
            sequence.push_back(line.sequence);
            validity.push_back(line.validity == config::ValidityRule::at_least ? "at_least" : "more_than");
            months.push_back(line.validity_months);
            scope_field.push_back(line.scope_field == config::ScopeField::valid_from ? "valid_from" : "decision_date");
            scope_from.push_back(rules::to_iso(line.scope_from));
        }
    }
    db::exec_file(tx, "run/00_session/load_coverage_lines.sql", db::int_array(ord), db::text_array(id),
                  db::text_array(effective), db::text_array(basis), db::text_array(sequence), db::text_array(validity),
                  db::int_array(months), db::text_array(scope_field), db::text_array(scope_from));
}

struct ParameterColumns {
    std::vector<std::string> name, basis, sequence, from;
    std::vector<double> value;
    void add(const std::string& n, const config::DatedParameter& p) {
        for (const auto& v : p.values()) {
            name.push_back(n);
            basis.push_back(v.basis);
            sequence.push_back(v.sequence);
            from.push_back(rules::to_iso(v.from));
            value.push_back(v.value);
        }
    }
};

void load_parameters(pqxx::transaction_base& tx, const config::Config& config) {
    ParameterColumns cols;
    for (const auto& [name, p] : config.parameters) cols.add(name, p);
    // Signal weights and queue settings are parameters too, named by their owner.
    for (const auto& [type, s] : config.signals) cols.add("weight." + type, s.weight);
    for (const auto& [queue, q] : config.queues) {
        cols.add("daily_capacity." + queue, q.daily_capacity);
        cols.add("sla_days." + queue, q.sla_days);
        cols.add("urgent_threshold." + queue, q.urgent_threshold);
        cols.add("urgent_sla_days." + queue, q.urgent_sla_days);
    }
    db::exec_file(tx, "run/00_session/load_parameters.sql", db::text_array(cols.name), db::text_array(cols.basis),
                  db::text_array(cols.sequence), db::text_array(cols.from), db::number_array(cols.value));
}

void load_signal_scope(pqxx::transaction_base& tx, const config::Config& config) {
    std::vector<std::string> type, basis, sequence;
    for (const auto& [t, sc] : config.signals) {
        const std::vector<std::string> all{config::kAny};
        for (const auto& b : sc.bases) {
            for (const auto& q : sc.sequences.empty() ? all : sc.sequences) {
                type.push_back(t);
                basis.push_back(b);
                sequence.push_back(q);
            }
        }
    }
    db::exec_file(tx, "run/00_session/load_signal_scope.sql", db::text_array(type), db::text_array(basis),
                  db::text_array(sequence));
}

void load_queues(pqxx::transaction_base& tx, const config::Config& config) {
    std::vector<std::string> basis, queue;
    for (const auto& [name, q] : config.queues) {
        for (const auto& b : q.bases) {
            basis.push_back(b);
            queue.push_back(name);
        }
    }
    db::exec_file(tx, "run/00_session/load_queue_bases.sql", db::text_array(basis), db::text_array(queue));
}

void load_terms(pqxx::transaction_base& tx, const config::Config& config) {
    std::vector<std::string> name;
    std::vector<long long> sm, sd, em, ed;
    for (const auto& t : config.study_terms) {
        name.push_back(t.name);
        sm.push_back(t.start_month);
        sd.push_back(t.start_day);
        em.push_back(t.end_month);
        ed.push_back(t.end_day);
    }
    db::exec_file(tx, "run/00_session/load_study_terms.sql", db::text_array(name), db::int_array(sm), db::int_array(sd),
                  db::int_array(em), db::int_array(ed));
}

// The lists the SQL joins instead of keeping copies (pg_temp.vocabulary).
void load_vocabulary(pqxx::transaction_base& tx) {
    std::vector<std::string> list, member;
    const auto add = [&](const char* name, const auto& members) {
        for (const auto& m : members) {
            list.emplace_back(name);
            member.emplace_back(m);
        }
    };
    add("basis", config::known_bases());
    add("sequence", config::known_sequences());
    add("signal_type", config::known_signal_types());
    add("signal_dated_by_run", config::signal_types_dated_by_run());
    add("person_register", kPersonRegisters);
    add("captured_register", kCapturedRegisters);
    add("source", kSources);
    db::exec_file(tx, "run/00_session/load_vocabulary.sql", db::text_array(list), db::text_array(member));
}

void load_campaigns(pqxx::transaction_base& tx, const config::Config& config) {
    auto day = [](const std::optional<rules::Day>& d) {
        return d ? std::optional<std::string>(rules::to_iso(*d)) : std::nullopt;
    };
    for (const auto& k : config.campaigns) {
        db::exec_file(tx, "run/00_session/load_campaign.sql", k.id, rules::to_iso(k.active_from),
                      rules::to_iso(k.active_until), db::text_array(k.bases), db::text_array(k.sequences),
                      day(k.decided_from), day(k.decided_until), db::text_array(k.with_open_signal));
    }
}

}  // namespace

void load_session(pqxx::transaction_base& tx, const config::Config& config) {
    db::exec_script(tx, "run/00_session/settings.sql");
    db::exec_script(tx, "run/00_session/temp_tables.sql");
    load_vocabulary(tx);
    load_lines(tx, config);
    load_parameters(tx, config);
    load_signal_scope(tx, config);
    load_queues(tx, config);
    load_terms(tx, config);
    load_campaigns(tx, config);
    db::exec_script(tx, "run/00_session/analyze.sql");
}

long long load_configuration(pqxx::transaction_base& tx, RunContext& ctx, Counts&) {
    load_session(tx, *ctx.config);
    return 0;
}

void discard_session(pqxx::connection& conn) {
    pqxx::nontransaction tx(conn);
    db::exec_script(tx, "run/00_session/discard.sql");
}

void set_lock_timeout(pqxx::connection& conn, int seconds) {
    pqxx::nontransaction tx(conn);
    db::exec_file(tx, "run/00_session/lock_timeout.sql", std::to_string(seconds) + "s");
}

}  // namespace supervision::run
