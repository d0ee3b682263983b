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
    EXPECT_EQ(count("SELECT count(*) FROM supervision.schema_version"),
              static_cast<long long>(db::known_migrations().size()));
}

TEST_F(MigrationTest, EveryMigrationIsRecordedWithItsChecksum) {
    std::string known;
    for (const auto& m : db::known_migrations()) known += (known.empty() ? "" : ",") + std::to_string(m.version);
    EXPECT_EQ(scalar("SELECT string_agg(version::text, ',' ORDER BY version) FROM supervision.schema_version "
                     "WHERE checksum ~ '^[0-9a-f]{32}$'"),
              known);
}

// A number may be left free (reserved by work done side by side); a recorded migration the
// binary does not know is refused like a newer database, and a known one missing makes
// the commands ask for `supervision migrate`.
TEST_F(MigrationTest, AMigrationTheBinaryDoesNotKnowIsRefusedAndAMissingOneIsAskedFor) {
    int unknown = 1;
    for (const auto& m : db::known_migrations()) {
        if (m.version != unknown) break;
        ++unknown;
    }
    {
        pqxx::work tx(conn());
        tx.exec_params0("INSERT INTO supervision.schema_version (version, name, checksum) VALUES ($1, 'other', 'x')",
                        unknown);
        tx.commit();
    }
    EXPECT_THROW(db::migrate(conn()), DatabaseError);
    EXPECT_THROW(db::require_current_schema(conn()), DatabaseError);
    {
        pqxx::work tx(conn());
        tx.exec_params0("DELETE FROM supervision.schema_version WHERE version = $1", unknown);
        tx.commit();
    }
    // Without the record of the first migration, the commands ask for `supervision migrate`
    // although a later one is recorded. (Its objects exist: the record is put back as it was.)
    const auto first = db::known_migrations().front();
    const std::string checksum =
        scalar("SELECT checksum FROM supervision.schema_version WHERE version = " + std::to_string(first.version));
    {
        pqxx::work tx(conn());
        tx.exec_params0("DELETE FROM supervision.schema_version WHERE version = $1", first.version);
        tx.commit();
    }
    try {
        db::require_current_schema(conn());
        ADD_FAILURE() << "a database without migration " << first.version << " was taken as current";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("without migration " + std::to_string(first.version)), std::string::npos)
            << e.what();
    }
    {
        pqxx::work tx(conn());
        tx.exec_params0("INSERT INTO supervision.schema_version (version, name, checksum) VALUES ($1, $2, $3)",
                        first.version, first.file, checksum);
        tx.commit();
    }
    EXPECT_NO_THROW(db::require_current_schema(conn()));
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
