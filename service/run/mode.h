#pragma once
// How a run evaluates, in one place (docs/incremental.md): every person (full), or only the
// persons whose result can have changed since the last run (incremental), whose others'
// results are carried over. Both decide the same. Each stage asks the mode for what differs:
// the persons its statements read, the files it runs, the flags it binds. No stage tests
// which mode it is in.
#include "run/shard.h"

#include <pqxx/pqxx>

#include <map>
#include <optional>
#include <string>

namespace supervision::run {

class Mode {
public:
    // Every person: the mode of a run until its scope stage has decided.
    static Mode full();
    // The persons listed ({…}, one PostgreSQL array value), and per person register those of
    // them whose rows of it changed; completeness_moved: a register's complete_through differs
    // from the last run's.
    static Mode incremental(std::string persons, std::map<std::string, std::string> changed, bool completeness_moved);

    const char* name() const { return persons_ ? "incremental" : "full"; }

    // The persons the evaluation reads, bound to supervision.in_scope(); none for everyone.
    const std::optional<std::string>& persons() const { return persons_; }
    // Of those, the persons whose rows of a person register are validated again.
    std::optional<std::string> validated_in(const std::string& source) const;
    // Whether the run's findings cover every person: bound where a statement replaces the
    // whole of what it writes (the rejected rows, the signals resolved).
    bool covers_everyone() const { return !persons_; }

    // 10_validate: the rejections of the rows not validated again are taken over. Returns rows.
    long long carry_rejections(pqxx::transaction_base& tx) const;
    // 23_evaluated: the statement that writes supervision.evaluated_permit.
    const char* evaluated_script() const;
    // 24_signal_lifecycle: the conditions of the persons not evaluated again hold again.
    // Returns the signal types extended, one row each.
    pqxx::result carry_conditions(pqxx::transaction_base& tx, const std::string& as_of) const;
    // 28_evaluation_state: the statement that saves the persons' recheck days.
    const char* recheck_days_script() const;
    // 29_planner_statistics: whether the run rewrote the tables it writes (a full run does;
    // an incremental one changes too little to matter).
    bool rewrites_tables() const { return !persons_; }

    // The mode of one shard's session: its persons only (run/shards.h).
    Mode of_shard(pqxx::transaction_base& run_tx, const Shard& shard) const;

private:
    std::optional<std::string> persons_;
    std::map<std::string, std::string> changed_;  // register → its persons whose rows of it changed
    bool completeness_moved_ = false;
};

}  // namespace supervision::run
