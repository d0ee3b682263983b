#include "run/session_setup.h"

#include "db/pg_array.h"
#include "db/statement.h"

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
    db::exec_file(tx, "run/session/load_coverage_lines.sql", db::int_array(ord), db::text_array(id),
                  db::text_array(effective), db::text_array(basis), db::text_array(sequence),
                  db::text_array(validity), db::int_array(months), db::text_array(scope_field),
                  db::text_array(scope_from));
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
    }
    db::exec_file(tx, "run/session/load_parameters.sql", db::text_array(cols.name), db::text_array(cols.basis),
                  db::text_array(cols.sequence), db::text_array(cols.from), db::number_array(cols.value));
}

}  // namespace

void load_session(pqxx::transaction_base& tx, const config::Config& config) {
    db::exec_script(tx, "run/session/temp_tables.sql");
    load_lines(tx, config);
    load_parameters(tx, config);
}

}  // namespace supervision::run
