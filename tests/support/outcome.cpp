#include "support/outcome.h"

namespace supervision::test {

namespace {
constexpr const char* kEnrolments =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s', permit_id, line_id, enrolled_on, "
    "ended_on, end_reason), ',' ORDER BY permit_id)), '') FROM supervision.supervised_permit";
constexpr const char* kSignals =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', signal_id, "
    "permit_id, signal_type, signal_key, status, period_start, period_end, raised_on, resolved_on, resolution, "
    "weight, evidence, review_id), ',' ORDER BY signal_id)), '') FROM supervision.signal";
constexpr const char* kReviews =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', review_id, permit_id, "
    "queue, priority, status, outcome, opened_on, due_on, closed_on, evidence), ',' ORDER BY review_id)), '') "
    "FROM supervision.revocation_review";
constexpr const char* kBacklog =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s|%s|%s', permit_id, queue, score, since, "
    "first_raised), ',' ORDER BY permit_id)), '') FROM supervision.review_backlog";
constexpr const char* kRejected =
    "SELECT count(*) || ':' || coalesce(md5(string_agg(format('%s|%s|%s', source, source_key, reason), ',' "
    "ORDER BY source, source_key, reason)), '') FROM supervision.rejected_row";

std::string one(pqxx::transaction_base& tx, const char* sql) {
    return tx.exec1(sql)[0].as<std::string>();
}
}  // namespace

Outcome outcome_of(pqxx::connection& c) {
    pqxx::read_transaction tx(c);
    return Outcome{one(tx, kEnrolments), one(tx, kSignals), one(tx, kReviews), one(tx, kBacklog), one(tx, kRejected)};
}

std::string describe(const Outcome& o) {
    return "enrolments " + o.enrolments + ", signals " + o.signals + ", reviews " + o.reviews + ", backlog " +
           o.backlog + ", rejected " + o.rejected;
}

}  // namespace supervision::test
