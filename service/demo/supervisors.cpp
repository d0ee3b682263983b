#include "demo/supervisors.h"

#include "db/migrations.h"
#include "db/statement.h"
#include "errors.h"

namespace supervision::demo {

SupervisorsDay play_supervisors(pqxx::connection& conn, rules::Day until, long long seed) {
    db::require_current_schema(conn);
    pqxx::work tx(conn, "demo_supervise");
    if (!db::exec_file(tx, "demo/is_demo.sql")[0][0].as<bool>()) {
        throw UsageError(
            "the registry does not hold the demo registers (`supervision demo load`); the demo's "
            "supervisors decide reviews only on demo data, never on a production database");
    }
    const auto day = rules::to_iso(until);
    SupervisorsDay d;
    // Hearings first, so that a review heard and decided within the same days passes through
    // hearing, as the database requires.
    d.heard = static_cast<long long>(db::exec_file(tx, "demo/supervise_hearing.sql", day, seed).affected_rows());
    d.closed = static_cast<long long>(db::exec_file(tx, "demo/supervise_close.sql", day, seed).affected_rows());
    d.revoked = static_cast<long long>(db::exec_file(tx, "demo/supervise_revoke.sql", day).affected_rows());
    d.explained = static_cast<long long>(db::exec_file(tx, "demo/supervise_explain.sql", day, seed).affected_rows());
    tx.commit();
    return d;
}

}  // namespace supervision::demo
