// Least privilege (sql/migrations/0005_roles_audit.sql): log in as a member of
// each role and prove what it can and cannot do; the nightly run works as a member of the
// batch role and gives the same outcome as a run by the database owner.
#include "support/outcome.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"
#include "support/test_database.h"

#include <unistd.h>

#include <memory>

namespace supervision::test {
namespace {

constexpr const char* kReview =
    "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, priority, status, opened_on, "
    "opened_run, due_on, evidence) VALUES (1, 'P-1', 'H-1', 'general', 2.5, 'open', '2025-11-04', 1, '2025-12-04', "
    "'{}')";
constexpr const char* kPermit =
    "INSERT INTO registry.permit (permit_id, person_id, basis, sequence, decision_date, valid_from, valid_until, "
    "status) "
    "VALUES ('P-1', 'H-1', 'specialist', 'first', '2024-01-01', '2024-01-01', '2026-12-31', 'granted')";
// Relations of the three schemas that a role may read, with their columns.
constexpr const char* kReadableWithIds =
    "SELECT coalesce(string_agg(DISTINCT format('%I.%I', n.nspname, c.relname), ', '), '') "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
    "WHERE n.nspname IN ('registry', 'supervision', 'stats') AND c.relkind IN ('r', 'p', 'v', 'm') "
    "AND a.attname IN ('person_id', 'permit_id') AND NOT a.attisdropped "
    "AND has_table_privilege($1, c.oid, 'SELECT')";
constexpr const char* kWritableViews =
    "SELECT coalesce(string_agg(format('%I.%I', n.nspname, c.relname), ', '), '') "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname IN ('registry', 'supervision', 'stats') AND c.relkind = 'v' "
    "AND (has_table_privilege($1, c.oid, 'INSERT') OR has_table_privilege($1, c.oid, 'UPDATE') "
    "OR has_table_privilege($1, c.oid, 'DELETE'))";
constexpr const char* kUnreadableStats =
    "SELECT coalesce(string_agg(c.relname, ', '), '') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'stats' AND c.relkind IN ('r', 'p', 'v', 'm') "
    "AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('person_id', "
    "'permit_id')) "
    "AND NOT has_table_privilege($1, c.oid, 'SELECT')";

// Every table of the service's own schemas but the migration ledger: a fresh history.
constexpr const char* kTruncateOutputs = R"(
DO $$ BEGIN
    EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ')
             FROM pg_tables WHERE schemaname IN ('supervision', 'stats') AND tablename NOT IN ('schema_version', 'signal_type'));
END $$)";

std::string user(const char* role) {
    return "t" + std::to_string(getpid()) + "_" + role;
}

class RolesTest : public DbTest {
protected:
    static void SetUpTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor", "stats_reader"}) {
            tx.exec0("CREATE ROLE " + tx.quote_name(user(role)) + " LOGIN IN ROLE " +
                     tx.quote_name(std::string("supervision_") + role));
        }
        // A member that gets the privileges only by SET ROLE.
        tx.exec0("CREATE ROLE " + tx.quote_name(user("noinherit")) +
                 " LOGIN NOINHERIT IN ROLE supervision_stats_reader");
    }
    static void TearDownTestSuite() {
        auto c = TestDatabase::instance().connect();
        pqxx::nontransaction tx(*c);
        for (const char* role : {"batch", "supervisor", "stats_reader", "noinherit"}) {
            tx.exec0("DROP ROLE IF EXISTS " + tx.quote_name(user(role)));
        }
    }

    std::unique_ptr<pqxx::connection> login(const char* role) {
        return std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + user(role));
    }
    // Whether the statement may run as that user; rolled back either way. Only a missing
    // privilege (42501) counts as "no": any other error fails the test.
    static bool can(pqxx::connection& c, const std::string& sql) {
        pqxx::work tx(c);
        try {
            tx.exec(sql);
            return true;
        } catch (const pqxx::insufficient_privilege&) {
            return false;
        }
    }
    std::string as_text(const char* sql, const std::string& role) {
        pqxx::read_transaction tx(conn());
        return tx.exec_params1(sql, role)[0].as<std::string>();
    }
};

TEST_F(RolesTest, GroupRolesExistCannotLogInAndTheMigratorOwnsTheSchemas) {
    EXPECT_EQ(count("SELECT count(*) FROM pg_roles WHERE rolname IN ('supervision_migrator', 'supervision_batch', "
                    "'supervision_supervisor', 'supervision_stats_reader') AND NOT rolcanlogin"),
              4);
    EXPECT_EQ(scalar("SELECT string_agg(nspname || ':' || pg_get_userbyid(nspowner), ' ' ORDER BY nspname) "
                     "FROM pg_namespace WHERE nspname IN ('registry', 'supervision', 'stats')"),
              "registry:supervision_migrator stats:supervision_migrator supervision:supervision_migrator");
    EXPECT_EQ(scalar("SELECT coalesce(string_agg(c.relname, ', '), 'none') FROM pg_class c JOIN pg_namespace n ON "
                     "n.oid = c.relnamespace WHERE n.nspname IN ('registry', 'supervision', 'stats') AND c.relkind IN "
                     "('r', 'v') AND c.relname IN ('permit', 'run', 'revocation_review', 'review_audit', "
                     "'schema_version', 'work_queue', 'supervision_cohort') "
                     "AND pg_get_userbyid(c.relowner) <> 'supervision_migrator'"),
              "none");
}

TEST_F(RolesTest, BatchRoleReadsRegistryWritesSupervisionAndCannotDecideAReview) {
    exec(conn(), kPermit);
    exec(conn(), kReview);
    auto batch = login("batch");
    EXPECT_TRUE(can(*batch, "SELECT * FROM registry.permit"));
    EXPECT_FALSE(can(*batch, "UPDATE registry.permit SET status = 'revoked'"));
    EXPECT_FALSE(can(*batch, "DELETE FROM registry.income_record"));
    EXPECT_TRUE(can(*batch, "UPDATE supervision.signal SET review_id = NULL"));
    EXPECT_TRUE(can(*batch, "DELETE FROM supervision.review_backlog"));
    EXPECT_TRUE(can(*batch, "SELECT * FROM stats.supervision_cohort"));
    EXPECT_TRUE(can(*batch,
                    "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, "
                    "priority, opened_on, opened_run, due_on, evidence) VALUES (2, 'P-2', 'H-2', 'general', 1, "
                    "'2025-11-04', 1, '2025-12-04', '{}')"));
    // Priority and due date are the batch role's (escalation): tests/db/reviews/lifecycle_test.cpp.
    for (const char* change : {"status = 'closed', outcome = 'revoked', closed_on = '2025-11-05'", "status = 'hearing'",
                               "outcome = 'no_action'", "closed_on = '2025-11-05'", "queue = 'study'"}) {
        EXPECT_FALSE(can(*batch, std::string("UPDATE supervision.revocation_review SET ") + change)) << change;
    }
    EXPECT_FALSE(can(*batch, "UPDATE supervision.work_queue SET status = 'hearing'")) << "not through the view either";
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.revocation_review"));
    EXPECT_FALSE(can(*batch, "SELECT * FROM supervision.review_audit"));
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.review_audit"));
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.schema_version"));
    EXPECT_FALSE(can(*batch, "CREATE TABLE supervision.x (i int)"));
    EXPECT_EQ(as_text(kWritableViews, "supervision_batch"), "");
}

TEST_F(RolesTest, SupervisorReadsTheQueueAndUpdatesOnlyStatusOutcomeAndClosing) {
    exec(conn(), kPermit);
    exec(conn(), kReview);
    auto supervisor = login("supervisor");
    EXPECT_TRUE(can(*supervisor, "SELECT * FROM supervision.work_queue"));
    EXPECT_TRUE(can(*supervisor, "SELECT * FROM supervision.signal"));
    EXPECT_TRUE(can(*supervisor, "SELECT * FROM supervision.review_audit"));
    EXPECT_TRUE(can(*supervisor, "UPDATE supervision.revocation_review SET status = 'hearing' WHERE review_id = 1"));
    EXPECT_TRUE(can(*supervisor,
                    "UPDATE supervision.revocation_review SET status = 'closed', outcome = 'no_action', "
                    "closed_on = '2025-11-20' WHERE review_id = 1"));
    for (const char* change : {"priority = 99", "due_on = '2026-01-01'", "queue = 'students'", "evidence = '{}'",
                               "permit_id = 'P-9'", "opened_on = '2025-01-01'"}) {
        EXPECT_FALSE(can(*supervisor, std::string("UPDATE supervision.revocation_review SET ") + change)) << change;
    }
    EXPECT_FALSE(can(*supervisor, "UPDATE supervision.work_queue SET status = 'hearing'"));
    EXPECT_FALSE(can(*supervisor,
                     "INSERT INTO supervision.revocation_review (review_id, permit_id, person_id, queue, "
                     "priority, opened_on, opened_run, due_on, evidence) VALUES (2, 'P-2', 'H-2', "
                     "'general', 1, '2025-11-04', 1, '2025-12-04', '{}')"));
    EXPECT_FALSE(can(*supervisor, "DELETE FROM supervision.revocation_review"));
    EXPECT_FALSE(can(*supervisor, "UPDATE supervision.signal SET status = 'resolved'"));
    EXPECT_FALSE(can(*supervisor, "SELECT * FROM registry.permit"));
    EXPECT_FALSE(can(*supervisor, "SELECT * FROM supervision.run"));
    EXPECT_FALSE(can(*supervisor, "UPDATE supervision.review_audit SET changed_by = 'someone'"));
    EXPECT_FALSE(can(*supervisor, "DELETE FROM supervision.review_audit"));
}

TEST_F(RolesTest, StatsReaderReadsStatsAndNothingWithAPersonOrPermitId) {
    auto reader = login("stats_reader");
    EXPECT_TRUE(can(*reader, "SELECT * FROM stats.growth_entrepreneur_cohort"));
    EXPECT_TRUE(can(*reader, "SELECT * FROM stats.supervision_cohort"));
    EXPECT_FALSE(can(*reader, "SELECT * FROM stats.permit_outcome")) << "one row per permit";
    EXPECT_FALSE(can(*reader, "SELECT * FROM supervision.signal"));
    EXPECT_FALSE(can(*reader, "SELECT * FROM supervision.work_queue"));
    EXPECT_FALSE(can(*reader, "SELECT * FROM registry.permit"));
    EXPECT_FALSE(can(*reader, "SELECT count(*) FROM supervision.run"));
    EXPECT_EQ(as_text(kReadableWithIds, "supervision_stats_reader"), "") << "readable with a person or permit id";
    EXPECT_EQ(as_text(kUnreadableStats, "supervision_stats_reader"), "") << "stats the reader cannot read";
}

TEST_F(RolesTest, EveryObjectBelongsToTheMigratorAndNoGuardIsExecutableByPublic) {
    EXPECT_EQ(scalar("SELECT coalesce(string_agg(format('%I.%I', n.nspname, c.relname), ', '), 'none') FROM pg_class c "
                     "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('registry', 'supervision', "
                     "'stats') AND c.relkind IN ('r', 'p', 'v', 'm') "
                     "AND pg_get_userbyid(c.relowner) <> 'supervision_migrator'"),
              "none");
    EXPECT_EQ(scalar("SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), 'none') FROM pg_proc p JOIN "
                     "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('registry', 'supervision', 'stats') "
                     "AND pg_get_userbyid(p.proowner) <> 'supervision_migrator'"),
              "none");
    EXPECT_EQ(scalar("SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), 'none') FROM pg_proc p JOIN "
                     "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('registry', 'supervision', 'stats') "
                     "AND (p.prorettype = 'trigger'::regtype OR p.prosecdef) "
                     "AND has_function_privilege('public', p.oid, 'EXECUTE')"),
              "none");
}

// The audit trail and the change capture write as their owner; no login may attach them
// to a table of its own, and they refuse to fire on any other table.
TEST_F(RolesTest, NoLoginCanForgeTheAuditTrailOrTheChangeLog) {
    for (const char* role : {"supervisor", "batch"}) {
        auto login_as = login(role);
        EXPECT_FALSE(can(*login_as,
                         "CREATE TEMP TABLE revocation_review (LIKE supervision.revocation_review); "
                         "CREATE TRIGGER t AFTER INSERT ON pg_temp.revocation_review FOR EACH ROW "
                         "EXECUTE FUNCTION supervision.audit_review()"))
            << role;
        EXPECT_FALSE(can(*login_as,
                         "CREATE TEMP TABLE permit (person_id text); CREATE TRIGGER t AFTER INSERT ON "
                         "pg_temp.permit REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
                         "EXECUTE FUNCTION supervision.capture_person_change()"))
            << role;
    }
    // Even attached by the owner, they refuse to write.
    const auto changes = count("SELECT count(*) FROM supervision.registry_change");
    for (const auto& [table, trigger] :
         {std::pair<std::string, std::string>{
              "revocation_review AS SELECT * FROM supervision.revocation_review WITH NO DATA",
              "AFTER INSERT ON pg_temp.revocation_review FOR EACH ROW EXECUTE FUNCTION "
              "supervision.audit_review()"},
          {"permit (person_id text)",
           "AFTER INSERT ON pg_temp.permit REFERENCING NEW TABLE AS new_rows FOR EACH "
           "STATEMENT EXECUTE FUNCTION supervision.capture_person_change()"}}) {
        pqxx::work tx(conn());
        tx.exec0("CREATE TEMP TABLE " + table);
        tx.exec0("CREATE TRIGGER t " + trigger);
        const std::string name = table.substr(0, table.find(' '));
        EXPECT_THROW(tx.exec0("INSERT INTO pg_temp." + name + " (person_id) VALUES ('H-forged')"),
                     pqxx::insufficient_privilege)
            << name;
    }
    EXPECT_EQ(count("SELECT count(*) FROM supervision.review_audit"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM supervision.registry_change"), changes);
}

// The ETL's loads are captured although nobody but the owner may execute the capture.
TEST_F(RolesTest, TheChangeCaptureFiresForALoaderWithoutExecuteOnIt) {
    const std::string etl = user("etl");
    exec(conn(), "CREATE ROLE " + etl + " LOGIN");
    exec(conn(), "GRANT USAGE ON SCHEMA registry TO " + etl + "; GRANT INSERT ON registry.permit TO " + etl);
    {
        auto loader = std::make_unique<pqxx::connection>(TestDatabase::instance().conninfo() + " user=" + etl);
        exec(*loader, kPermit);
    }
    exec(conn(), "REVOKE ALL ON registry.permit FROM " + etl + "; REVOKE ALL ON SCHEMA registry FROM " + etl +
                     "; DROP ROLE " + etl);
    EXPECT_EQ(scalar("SELECT string_agg(source || ':' || persons::text, ' ') FROM supervision.registry_change "
                     "WHERE NOT whole"),
              "permit:{H-1}");
}

// rules.md §7: the ledger is written by the run that holds the run lock, once from running
// to succeeded or failed; the batch role cannot rewrite or delete a finished run.
TEST_F(RolesTest, TheBatchRoleWritesTheRunLedgerOnlyAsARunDoes) {
    exec(conn(),
         "INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, service_version) "
         "VALUES (1, '2025-11-03', 'scheduled', 'running', 'x', 'x')");
    exec(conn(), "UPDATE supervision.run SET status = 'failed', finished_at = now()");
    auto batch = login("batch");
    const std::string start =
        "INSERT INTO supervision.run (run_id, as_of, mode, status, config_digest, "
        "service_version) VALUES (2, '2025-11-04', 'scheduled', ";
    EXPECT_FALSE(can(*batch, "UPDATE supervision.run SET status = 'succeeded'")) << "without the run lock";
    EXPECT_FALSE(can(*batch, start + "'running', 'x', 'x')")) << "without the run lock";
    pqxx::nontransaction(*batch).exec("SELECT pg_advisory_lock(hashtext('supervision.run'))");
    EXPECT_FALSE(can(*batch, "UPDATE supervision.run SET status = 'succeeded' WHERE run_id = 1")) << "finished";
    EXPECT_FALSE(can(*batch, "UPDATE supervision.run SET counts = '{}' WHERE run_id = 1")) << "finished";
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.run"));
    EXPECT_FALSE(can(*batch, start + "'succeeded', 'x', 'x')"));
    EXPECT_TRUE(can(*batch, start + "'running', 'x', 'x')"));
    exec(*batch, start + "'running', 'x', 'x')");
    EXPECT_FALSE(can(*batch, "UPDATE supervision.run SET as_of = '2025-11-05' WHERE run_id = 2"));
    EXPECT_TRUE(can(*batch, "UPDATE supervision.run SET status = 'succeeded', finished_at = now() WHERE run_id = 2"));
    EXPECT_TRUE(can(*batch, "UPDATE supervision.run SET status = 'failed', error = 'x' WHERE run_id = 2"));
}

// rules.md §5: the batch role extends, resolves and links signals as a run does, and
// nothing more: a resolved signal, what a signal was raised with and a link stay.
TEST_F(RolesTest, TheBatchRoleChangesSignalsOnlyAsARunDoes) {
    exec(conn(),
         "INSERT INTO supervision.signal (signal_id, permit_id, person_id, signal_type, status, period_start, "
         "period_end, raised_on, raised_run, resolved_on, resolved_run, resolution, weight, evidence, review_id, "
         "linked_run) VALUES "
         "(1, 'P-1', 'H-1', 'emigrated', 'open', '2025-10-01', '2025-11-01', '2025-11-01', 1, NULL, NULL, NULL, "
         "1, '{}', NULL, NULL), "
         "(2, 'P-2', 'H-2', 'emigrated', 'open', '2025-10-01', '2025-11-01', '2025-11-01', 1, NULL, NULL, NULL, "
         "1, '{}', 7, 1), "
         "(3, 'P-3', 'H-3', 'emigrated', 'resolved', '2025-10-01', '2025-11-01', '2025-11-01', 1, '2025-11-02', 2, "
         "'condition_ended', 1, '{}', NULL, NULL)");
    auto batch = login("batch");
    const std::string set = "UPDATE supervision.signal SET ";
    EXPECT_TRUE(can(*batch, set + "period_end = '2025-11-03', evidence = '{\"a\": 1}' WHERE signal_id = 1"));
    EXPECT_TRUE(can(*batch, set + "review_id = 7, linked_run = 3 WHERE signal_id = 1"));
    EXPECT_TRUE(can(*batch, set + "status = 'resolved', resolved_on = '2025-11-03', resolved_run = 3, "
                                  "resolution = 'condition_ended' WHERE signal_id = 1"));
    for (const char* change : {"evidence = '{\"forged\": true}' WHERE signal_id = 3",
                               "status = 'open', resolved_on = NULL WHERE signal_id = 3",
                               "raised_on = '2025-01-01' WHERE signal_id = 1", "weight = 0 WHERE signal_id = 1",
                               "period_end = '2025-10-15' WHERE signal_id = 1", "review_id = NULL WHERE signal_id = 2",
                               "review_id = 8 WHERE signal_id = 2", "permit_id = 'P-9' WHERE signal_id = 1"}) {
        EXPECT_FALSE(can(*batch, set + change)) << change;
    }
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.signal WHERE signal_id = 3"));
}

// rules.md §6: a supervisor records explanations, only adds them, and cannot say who or
// when; the case system reads the events; the batch role reads the explanations and writes
// events, and neither may change an explanation.
TEST_F(RolesTest, SupervisorsAddExplanationsAndReadEventsAndNobodyRewritesThem) {
    auto supervisor = login("supervisor");
    auto batch = login("batch");
    const std::string add =
        "INSERT INTO supervision.signal_explanation (permit_id, signal_type, explained_until, "
        "reason) VALUES ('P-1', 'no_income', '2025-12-31', 'parental leave')";
    EXPECT_TRUE(can(*supervisor, add));
    exec(*supervisor, add);
    EXPECT_EQ(scalar("SELECT recorded_by FROM supervision.signal_explanation"), user("supervisor"));
    EXPECT_FALSE(can(*supervisor,
                     "INSERT INTO supervision.signal_explanation (permit_id, signal_type, "
                     "explained_until, reason, recorded_by) VALUES ('P-1', 'no_income', '2025-12-31', "
                     "'x', 'someone else')"));
    EXPECT_FALSE(can(*supervisor,
                     "INSERT INTO supervision.signal_explanation (permit_id, signal_type, "
                     "explained_until, reason, recorded_at) VALUES ('P-1', 'no_income', '2025-12-31', "
                     "'x', '2020-01-01')"));
    EXPECT_FALSE(can(*supervisor, "UPDATE supervision.signal_explanation SET explained_until = '2030-01-01'"));
    EXPECT_FALSE(can(*supervisor, "DELETE FROM supervision.signal_explanation"));
    EXPECT_TRUE(can(*supervisor, "SELECT * FROM supervision.event"));
    EXPECT_FALSE(can(*supervisor,
                     "INSERT INTO supervision.event (event_id, run_id, kind, permit_id) VALUES (1, 1, "
                     "'review_opened', 'P-1')"));
    EXPECT_TRUE(can(*batch, "SELECT * FROM supervision.signal_explanation"));
    EXPECT_FALSE(can(*batch, add));
    EXPECT_FALSE(can(*batch, "UPDATE supervision.signal_explanation SET reason = 'x'"));
    EXPECT_TRUE(can(*batch,
                    "INSERT INTO supervision.event (event_id, run_id, kind, permit_id) VALUES (1, 1, "
                    "'review_opened', 'P-1')"));
    EXPECT_FALSE(can(*batch, "DELETE FROM supervision.event"));
    // Not even the owner changes an explanation; a type the service does not know is refused.
    EXPECT_THROW(exec(conn(), "UPDATE supervision.signal_explanation SET reason = 'x'"), pqxx::check_violation);
    EXPECT_THROW(exec(conn(), "DELETE FROM supervision.signal_explanation"), pqxx::check_violation);
    EXPECT_THROW(exec(*supervisor,
                      "INSERT INTO supervision.signal_explanation (permit_id, signal_type, "
                      "explained_until, reason) VALUES ('P-1', 'no_incom', '2025-12-31', 'x')"),
                 pqxx::foreign_key_violation);
    EXPECT_THROW(exec(*supervisor,
                      "INSERT INTO supervision.signal_explanation (permit_id, signal_type, "
                      "explained_until, reason) VALUES ('P-1', 'no_income', '2025-12-31', '  ')"),
                 pqxx::check_violation);
}

// The statistics reader produces every published export and nothing more: not the
// forecast, which reads the registers, and no row of the run ledger.
TEST_F(RolesTest, StatsReaderProducesThePublishedExportsAndNothingMore) {
    load_small_demo(conn(), "2025-11-04");
    const std::string cfg = " --config " + source_path("config/supervision.yaml");
    ASSERT_EQ(run_binary("run --as-of 2025-11-04 --db '" + TestDatabase::instance().conninfo() + "'" + cfg).exit_code,
              0);
    const std::string reader = " --db '" + TestDatabase::instance().conninfo() + " user=" + user("stats_reader") + "'";
    for (const char* published :
         {"growth-entrepreneurs --publish", "growth-entrepreneurs --publish --format csv", "statistics --publish",
          "statistics --publish --format csv", "statistics --publish --basis employed"}) {
        const auto p = run_binary(std::string("report ") + published + reader + cfg);
        EXPECT_EQ(p.exit_code, 0) << published << ": " << p.err;
        EXPECT_EQ(p.out.find("H-"), std::string::npos) << published << ": a person id";
    }
    const auto stats = run_binary("report statistics --publish" + reader + cfg);
    EXPECT_FALSE(nlohmann::json::parse(stats.out).contains("forecast") &&
                 !nlohmann::json::parse(stats.out)["forecast"].is_null());
    EXPECT_EQ(run_binary("report statistics" + reader + cfg).exit_code, 1) << "the forecast reads the registers";
    EXPECT_EQ(run_binary("report coverage --year 2025" + reader + cfg).exit_code, 1);
    EXPECT_EQ(run_binary("report statistics --publish --metrics-file /tmp/x.prom" + reader + cfg).exit_code, 2);
    auto login_as = login("stats_reader");
    EXPECT_TRUE(can(*login_as, "SELECT * FROM stats.completed_run"));
    EXPECT_TRUE(can(*login_as, "SELECT version FROM supervision.schema_version"));
    EXPECT_FALSE(can(*login_as, "SELECT * FROM supervision.schema_version"));
    EXPECT_FALSE(can(*login_as, "SELECT * FROM supervision.run"));
}

TEST_F(RolesTest, MembershipWithoutInheritGivesNothingUntilSetRole) {
    auto member = login("noinherit");
    EXPECT_FALSE(can(*member, "SELECT * FROM stats.supervision_cohort"));
    {
        pqxx::nontransaction tx(*member);
        tx.exec0("SET ROLE supervision_stats_reader");
    }
    EXPECT_TRUE(can(*member, "SELECT * FROM stats.supervision_cohort"));
    EXPECT_FALSE(can(*member, "SELECT * FROM registry.permit"));
}

// A later migration's new table (created by the migrating user) is the batch role's to
// write without a grant of its own (ALTER DEFAULT PRIVILEGES), and not the reader's.
TEST_F(RolesTest, LaterTablesGetTheBatchGrantsByDefault) {
    exec(conn(), "CREATE TABLE supervision.later_table (i int)");
    const bool batch_writes = as_text("SELECT has_table_privilege($1, 'supervision.later_table', 'INSERT')::text",
                                      "supervision_batch") == "true";
    const bool reader_reads = as_text("SELECT has_table_privilege($1, 'supervision.later_table', 'SELECT')::text",
                                      "supervision_stats_reader") == "true";
    exec(conn(), "DROP TABLE supervision.later_table");
    EXPECT_TRUE(batch_writes);
    EXPECT_FALSE(reader_reads);
}

// The nightly run as a member of supervision_batch: three days on the demo data, the same
// outcome as runs by the database owner; the second a full evaluation with workers, the
// third an incremental one.
TEST_F(RolesTest, NightlyRunWorksUnderTheBatchRole) {
    load_small_demo(conn(), "2025-11-04");
    const std::string cfg = " --config " + source_path("config/supervision.yaml");
    const std::string owner = " --db '" + TestDatabase::instance().conninfo() + "'";
    const std::string batch = " --db '" + TestDatabase::instance().conninfo() + " user=" + user("batch") + "'";
    for (const char* day : {"2025-11-03", "2025-11-04", "2025-11-05"}) {
        ASSERT_EQ(run_binary(std::string("run --as-of ") + day + owner + cfg).exit_code, 0);
    }
    const Outcome want = outcome_of(conn());
    ASSERT_NE(want.reviews.rfind("0:", 0), 0u);
    exec(conn(), kTruncateOutputs);
    // With workers: their sessions import the run's snapshot as the batch role.
    for (const char* day_and_options : {"2025-11-03", "2025-11-04 --workers 2 --full", "2025-11-05 --workers 2"}) {
        const auto p = run_binary(std::string("run --as-of ") + day_and_options + batch + cfg);
        ASSERT_EQ(p.exit_code, 0) << p.err;
        EXPECT_EQ(p.err.find("skipping"), std::string::npos) << "ANALYZE refused: " << p.err;
        if (std::string(day_and_options).find("--full") != std::string::npos) {
            // A full run refreshed the statistics of what it wrote, though the batch role owns no table.
            EXPECT_EQ(
                count("SELECT reltuples::bigint FROM pg_class WHERE oid = 'supervision.supervised_permit'::regclass"),
                count("SELECT count(*) FROM supervision.supervised_permit"));
        }
    }
    EXPECT_EQ(scalar("SELECT evaluation->>'mode' FROM supervision.run ORDER BY run_id DESC LIMIT 1"), "incremental");
    EXPECT_EQ(outcome_of(conn()), want);
    EXPECT_EQ(scalar("SELECT string_agg(DISTINCT changed_by || '/' || application, ',') FROM supervision.review_audit"),
              user("batch") + "/supervision.run");
}

}  // namespace
}  // namespace supervision::test
