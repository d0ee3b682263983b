#include "reports/forecast.h"

#include "db/pg_array.h"
#include "db/statement.h"
#include "reports/report_session.h"

#include <algorithm>
#include <set>

namespace supervision::reports {

namespace {

// Month i = 1..12 after the month of as_of.
date::year_month month_after(rules::Day as_of, int i) { return rules::month_of(as_of) + date::months{i}; }

std::string month_label(date::year_month ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return buf;
}

// Expected permits of the new-grant stream under supervision at the end of month i: each
// month brings grants/12 permits, of which the share valid for at least k months is still
// valid k months later, so month i holds (1/12) × Σ_{k=1..i} survivors[k].
double stream(const Monthly& survivors, int i) {
    long long sum = 0;
    for (int k = 1; k <= i; ++k) sum += survivors[k - 1];
    return static_cast<double>(sum) / 12.0;
}

double review_rate(const QueueObservation& o) {
    return o.permit_days > 0 ? static_cast<double>(o.reviews) / static_cast<double>(o.permit_days) : 0.0;
}

}  // namespace

std::string queue_of(const config::Config& config, const std::string& basis) {
    for (const auto& [name, q] : config.queues) {
        if (std::find(q.bases.begin(), q.bases.end(), basis) != q.bases.end()) return name;
    }
    return "general";
}

ForecastInputs read_forecast_inputs(ReportSession& session) {
    ForecastInputs in;
    in.as_of = session.last_run()->as_of;
    const auto as_of = rules::to_iso(in.as_of);
    auto& tx = session.tx();
    for (const auto& r : db::exec_file(tx, "reports/forecast_stock.sql", as_of)) {
        in.stock[r["basis"].as<std::string>()].at(r["month_index"].as<int>() - 1) = r["permits"].as<long long>();
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_grants.sql", as_of)) {
        const auto basis = r["basis"].as<std::string>();
        in.grants[basis] = r["grants"].as<long long>();
        in.survivors[basis].at(r["months"].as<int>() - 1) = r["survivors"].as<long long>();
    }
    std::vector<std::string> bases, queues;
    for (const auto& [name, q] : session.config().queues) {
        for (const auto& b : q.bases) {
            bases.push_back(b);
            queues.push_back(name);
        }
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_review_rates.sql", as_of, db::text_array(bases),
                                       db::text_array(queues))) {
        in.observed[r["queue"].as<std::string>()] =
            QueueObservation{r["reviews"].as<long long>(), r["permit_days"].as<long long>()};
    }
    in.observed_days = db::exec_file(tx, "reports/forecast_observed_days.sql", as_of)[0]["days"].as<long long>();
    return in;
}

Forecast project(const ForecastInputs& in, const config::Config& config) {
    Forecast f{in, {}};
    std::set<std::string> bases;
    for (const auto& [b, _] : in.stock) bases.insert(b);
    for (const auto& [b, _] : in.survivors) bases.insert(b);
    for (int i = 1; i <= kForecastMonths; ++i) {
        const auto ym = month_after(in.as_of, i);
        ForecastMonth m;
        m.month = month_label(ym);
        m.days = static_cast<int>(static_cast<unsigned>(date::year_month_day{rules::last_day_of_month(ym)}.day()));
        std::map<std::string, double> queue_stock;
        for (const auto& b : bases) {
            const auto s = in.stock.find(b);
            const auto g = in.survivors.find(b);
            const double v = (s == in.stock.end() ? 0.0 : static_cast<double>(s->second[i - 1])) +
                             (g == in.survivors.end() ? 0.0 : stream(g->second, i));
            m.supervised[b] = v;
            m.supervised_total += v;
            queue_stock[queue_of(config, b)] += v;
        }
        for (const auto& [queue, observation] : in.observed) {
            double reviews = review_rate(observation) * queue_stock[queue] * m.days;
            const auto q = config.queues.find(queue);
            if (q != config.queues.end()) {
                const auto capacity = q->second.daily_capacity.value_on(rules::first_day_of_month(ym));
                if (capacity) reviews = std::min(reviews, *capacity * m.days);
            }
            m.new_reviews[queue] = reviews;
            m.new_reviews_total += reviews;
        }
        f.months.push_back(std::move(m));
    }
    return f;
}

std::optional<Forecast> forecast(ReportSession& session) {
    if (!session.last_run()) return std::nullopt;
    return project(read_forecast_inputs(session), session.config());
}

}  // namespace supervision::reports
