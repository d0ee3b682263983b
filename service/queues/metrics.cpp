#include "queues/metrics.h"

#include <cmath>
#include <iomanip>
#include <locale>
#include <sstream>
#include <vector>

namespace supervision::queues {

namespace {

// Label values escape backslash, double quote and newline (exposition format).
std::string label_value(const std::string& v) {
    std::string out;
    for (const char ch : v) {
        if (ch == '\\') {
            out += "\\\\";
        } else if (ch == '"') {
            out += "\\\"";
        } else if (ch == '\n') {
            out += "\\n";
        } else {
            out += ch;
        }
    }
    return out;
}

std::string number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

// A figure in days is exposed in seconds, Prometheus' base unit (× 86 400).
constexpr double kDay = 86400;

struct Family {
    const char* name;
    const char* help;
    std::vector<const char*> path;  // keys into a queue's object
    double scale = 1;
};

const std::vector<Family>& families() {
    static const std::vector<Family> f{
        {"supervision_queue_reviews_open", "Revocation reviews open or in hearing, per queue.", {"open+hearing"}},
        {"supervision_queue_reviews_due_soon",
         "Open or hearing reviews due from the run's day to 7 days after it, per queue.",
         {"due_within_7_days"}},
        {"supervision_queue_reviews_overdue",
         "Open or hearing reviews due before the run's day, per queue.",
         {"overdue"}},
        {"supervision_queue_open_review_age_median_seconds",
         "Median time from opening to the run's day of the open and hearing reviews, per queue.",
         {"open_age_days", "median"},
         kDay},
        {"supervision_queue_open_review_age_max_seconds",
         "Longest time from opening to the run's day of an open or hearing review, per queue.",
         {"open_age_days", "max"},
         kDay},
        {"supervision_queue_backlog_age_median_seconds",
         "Median time the backlog's permits have waited for capacity, per queue.",
         {"backlog_age_days", "median"},
         kDay},
        {"supervision_queue_backlog_age_max_seconds",
         "Longest time a backlog permit has waited for capacity, per queue.",
         {"backlog_age_days", "max"},
         kDay},
        {"supervision_queue_decision_median_seconds",
         "Median time from opening to decision of the closed reviews, per queue.",
         {"decision_days", "median"},
         kDay},
        {"supervision_queue_decision_p90_seconds",
         "90th percentile of the time from opening to decision of the closed reviews, per queue.",
         {"decision_days", "p90"},
         kDay},
        {"supervision_queue_month_reviews_opened",
         "Reviews opened in the calendar month of the run's day, per queue.",
         {"month", "opened"}},
        {"supervision_queue_month_reviews_decided",
         "Reviews decided (closed) in the calendar month of the run's day, per queue.",
         {"month", "decided"}},
        {"supervision_queue_month_decided_per_opened_ratio",
         "Reviews decided divided by reviews opened in the calendar month of the run's day, per queue.",
         {"month", "decided_per_opened"}},
    };
    return f;
}

// The value at the family's path; "open+hearing" is their sum. Null when absent.
nlohmann::json value_of(const nlohmann::json& queue, const Family& f) {
    if (std::string(f.path.front()) == "open+hearing") {
        return queue.value("open", 0LL) + queue.value("hearing", 0LL);
    }
    const nlohmann::json* at = &queue;
    for (const char* key : f.path) {
        if (!at->is_object() || !at->contains(key)) return nullptr;
        at = &(*at)[key];
    }
    return *at;
}

}  // namespace

std::string metrics_text(const nlohmann::json& flow) {
    std::ostringstream out;
    const nlohmann::json queues = flow.value("queues", nlohmann::json::array());
    for (const auto& f : families()) {
        out << "# HELP " << f.name << ' ' << f.help << "\n# TYPE " << f.name << " gauge\n";
        for (const auto& q : queues) {
            const auto v = value_of(q, f);
            if (!v.is_number()) continue;
            out << f.name << "{queue=\"" << label_value(q.value("queue", std::string())) << "\"} "
                << number(v.get<double>() * f.scale) << '\n';
        }
    }
    return out.str();
}

}  // namespace supervision::queues
