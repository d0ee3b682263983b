#include "db/migrations.h"
#include "errors.h"
#include "support/test_database.h"

namespace supervision::test {
namespace {

class MigrationTest : public DbTest {};

TEST_F(MigrationTest, DatabaseIsAtTheBinarysVersion) {
    EXPECT_EQ(count("SELECT max(version) FROM supervision.schema_version"), db::latest_version());
    EXPECT_NO_THROW(db::require_current_schema(conn()));
}

TEST_F(MigrationTest, RepeatingMigrateAppliesNothing) {
    EXPECT_EQ(db::migrate(conn()), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.schema_version"), db::latest_version());
}

TEST_F(MigrationTest, EveryMigrationIsRecordedWithItsChecksum) {
    EXPECT_EQ(count("SELECT count(*) FROM supervision.schema_version WHERE checksum ~ '^[0-9a-f]{32}$'"),
              db::latest_version());
}

TEST_F(MigrationTest, RegistrySchemaHasTheContractsColumns) {
    // contract.md: the ETL writes exactly these columns.
    EXPECT_EQ(scalar("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
                     "WHERE table_schema = 'registry' AND table_name = 'permit'"),
              "permit_id,person_id,basis,sequence,decision_date,valid_from,valid_until,status,status_date,"
              "employer_id,company_id,institution_id,required_monthly_income,updated_at");
    EXPECT_EQ(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'registry'"), 8);
}

TEST_F(MigrationTest, ADatabaseNewerThanTheBinaryIsRefused) {
    const int future = db::latest_version() + 1;
    {
        pqxx::work tx(conn());
        tx.exec_params0("INSERT INTO supervision.schema_version (version, name, checksum) VALUES ($1, 'future', 'x')",
                        future);
        tx.commit();
    }
    EXPECT_THROW(db::migrate(conn()), DatabaseError);
    EXPECT_THROW(db::require_current_schema(conn()), DatabaseError);
    pqxx::work tx(conn());
    tx.exec_params0("DELETE FROM supervision.schema_version WHERE version = $1", future);
    tx.commit();
}

}  // namespace
}  // namespace supervision::test
