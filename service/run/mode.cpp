#include "run/mode.h"

#include "db/statement.h"
#include "run/registers.h"

namespace supervision::run {

Mode Mode::full() {
    return Mode();
}

Mode Mode::incremental(std::string persons, std::map<std::string, std::string> changed, bool completeness_moved) {
    Mode m;
    m.persons_ = std::move(persons);
    m.changed_ = std::move(changed);
    m.completeness_moved_ = completeness_moved;
    return m;
}

std::optional<std::string> Mode::validated_in(const std::string& source) const {
    if (!persons_) return std::nullopt;
    const auto it = changed_.find(source);
    return it == changed_.end() ? std::string("{}") : it->second;
}

long long Mode::carry_rejections(pqxx::transaction_base& tx) const {
    if (!persons_) return 0;
    for (const char* source : kPersonRegisters) {
        db::exec_file(tx, "run/incremental/revalidated.sql", std::string(source), validated_in(source));
    }
    return static_cast<long long>(db::exec_file(tx, "run/incremental/carry_rejections.sql", persons_).affected_rows());
}

const char* Mode::evaluated_script() const {
    return persons_ ? "run/incremental/evaluated.sql" : "run/23_evaluated/evaluated.sql";
}

pqxx::result Mode::carry_conditions(pqxx::transaction_base& tx, const std::string& as_of) const {
    if (!persons_) return pqxx::result();
    return db::exec_file(tx, "run/incremental/carry_forward.sql", as_of, completeness_moved_);
}

const char* Mode::recheck_days_script() const {
    return persons_ ? "run/incremental/save_recheck.sql" : "run/28_evaluation_state/save_recheck.sql";
}

Mode Mode::of_shard(pqxx::transaction_base& run_tx, const Shard& shard) const {
    if (!persons_) return *this;
    Mode m = *this;
    m.persons_ = db::exec_file(run_tx, "run/incremental/list.sql", shard.count, shard.index)[0][0].as<std::string>();
    for (const char* source : kPersonRegisters) {
        m.changed_[source] =
            db::exec_file(run_tx, "run/incremental/list_changed.sql", shard.count, shard.index, source)[0][0]
                .as<std::string>();
    }
    return m;
}

}  // namespace supervision::run
