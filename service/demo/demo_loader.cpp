#include "demo/demo_loader.h"

#include "db/migrations.h"
#include "db/statement.h"
#include "errors.h"

namespace supervision::demo {

long long load_demo(pqxx::connection& conn, const DemoSpec& spec) {
    db::require_current_schema(conn);
    pqxx::work tx(conn, "demo_load");
    if (!spec.replace && db::exec_file(tx, "demo/registry_rows.sql")[0][0].as<bool>()) {
        throw UsageError(
            "the registry tables already hold rows; pass --replace to overwrite them with demo data "
            "(never on a production database)");
    }
    db::exec_file(tx, "demo/parameters.sql", std::to_string(spec.seed), std::to_string(spec.permits),
                  rules::to_iso(spec.as_of));
    db::exec_script(tx, "demo/generate.sql");
    const long long n = db::exec_file(tx, "demo/permit_count.sql")[0][0].as<long long>();
    tx.commit();
    return n;
}

}  // namespace supervision::demo
