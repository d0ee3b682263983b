// The queues' metric lines (queues/metrics.h): one gauge family per figure with its
// HELP and TYPE, one sample per queue, no sample where the figure is null, label values
// escaped, days in seconds. promtool's own check of the text is in tests/db/reports/queue_report_test.cpp.
#include "queues/metrics.h"

#include <gtest/gtest.h>

namespace supervision::test {
namespace {

using Json = nlohmann::json;

Json flow() {
    return Json::parse(R"({"as_of": "2025-12-01", "due_within_days": 7, "queues": [
      {"queue": "work", "open": 3, "hearing": 1, "due_within_7_days": 2, "overdue": 1,
       "open_age_days": {"median": 25.5, "max": 31}, "backlog": 2, "backlog_age_days": {"median": 5.5, "max": 11},
       "closed": 3, "decision_days": {"median": 1.0, "p90": 61.0},
       "month": {"month": "2025-12", "opened": 0, "decided": 1, "decided_per_opened": null}},
      {"queue": "we\"ird\\q", "open": 0, "hearing": 0, "due_within_7_days": 0, "overdue": 0,
       "open_age_days": {"median": null, "max": null}, "backlog": 0, "backlog_age_days": {"median": null, "max": null},
       "closed": 0, "decision_days": {"median": null, "p90": null},
       "month": {"month": "2025-12", "opened": 2, "decided": 1, "decided_per_opened": 0.5}}],
      "total": {"open": 3}})");
}

TEST(QueueMetrics, OneSamplePerQueueAndFigure) {
    const std::string t = queues::metrics_text(flow());
    for (const char* line :
         {"# HELP supervision_queue_reviews_overdue Open or hearing reviews due before the run's day, per queue.\n"
          "# TYPE supervision_queue_reviews_overdue gauge\n"
          "supervision_queue_reviews_overdue{queue=\"work\"} 1\n",
          "supervision_queue_reviews_open{queue=\"work\"} 4\n",
          "supervision_queue_reviews_due_soon{queue=\"work\"} 2\n",
          "supervision_queue_open_review_age_median_seconds{queue=\"work\"} 2203200\n",  // 25.5 days
          "supervision_queue_open_review_age_max_seconds{queue=\"work\"} 2678400\n",     // 31 days
          "supervision_queue_backlog_age_median_seconds{queue=\"work\"} 475200\n",       // 5.5 days
          "supervision_queue_backlog_age_max_seconds{queue=\"work\"} 950400\n",          // 11 days
          "supervision_queue_decision_median_seconds{queue=\"work\"} 86400\n",
          "supervision_queue_decision_p90_seconds{queue=\"work\"} 5270400\n",  // 61 days
          "supervision_queue_month_reviews_opened{queue=\"work\"} 0\n",
          "supervision_queue_month_reviews_decided{queue=\"work\"} 1\n",
          "supervision_queue_month_decided_per_opened_ratio{queue=\"we\\\"ird\\\\q\"} 0.5\n",
          "supervision_queue_reviews_overdue{queue=\"we\\\"ird\\\\q\"} 0\n"}) {
        EXPECT_NE(t.find(line), std::string::npos) << line << "\nnot in\n" << t;
    }
}

TEST(QueueMetrics, ANullFigureHasNoSample) {
    const std::string t = queues::metrics_text(flow());
    EXPECT_EQ(t.find("supervision_queue_month_decided_per_opened_ratio{queue=\"work\"}"), std::string::npos);
    EXPECT_EQ(t.find("supervision_queue_decision_median_seconds{queue=\"we"), std::string::npos);
    EXPECT_EQ(t.find("total"), std::string::npos) << "the total is the queues' sum, not a queue";
    // Every family is declared once, even without samples.
    EXPECT_NE(t.find("# TYPE supervision_queue_decision_p90_seconds gauge\n"), std::string::npos);
}

TEST(QueueMetrics, NoQueuesGivesTheFamiliesOnly) {
    const std::string t = queues::metrics_text(Json{{"queues", Json::array()}});
    EXPECT_EQ(t.find("{queue="), std::string::npos);
    EXPECT_NE(t.find("# HELP supervision_queue_reviews_open "), std::string::npos);
}

}  // namespace
}  // namespace supervision::test
