#include "reports/forecast.h"

#include "db/statement.h"
#include "reports/report_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace supervision::reports {

namespace {

// Days per month on average, to turn permit-days into permit-months.
constexpr double kDaysPerMonth = 365.25 / 12.0;

int month_number(rules::Day d) {
    return static_cast<int>(static_cast<unsigned>(date::year_month_day{d}.month()));
}
int year_of(rules::Day d) {
    return static_cast<int>(date::year_month_day{d}.year());
}

date::year_month month_after(rules::Day as_of, int i) {
    return rules::month_of(as_of) + date::months{i};
}

std::string month_label(date::year_month ym) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return buf;
}

long long at(const Series& s, int i) {
    return i >= 0 && i < static_cast<int>(s.size()) ? s[i] : 0;
}

template <class Map>
const typename Map::mapped_type* find_in(const Map& m, const typename Map::key_type& k) {
    const auto it = m.find(k);
    return it == m.end() ? nullptr : &it->second;
}

// Whether a coverage line of the basis and sequence is in force on the day.
bool line_in_force(const config::Config& config, const std::string& basis, const std::string& sequence,
                   rules::Day day) {
    for (const auto& l : config.coverage_lines) {
        if (l.sequence == sequence && l.effective_from <= day &&
            std::find(l.bases.begin(), l.bases.end(), basis) != l.bases.end()) {
            return true;
        }
    }
    return false;
}

// The bases a coverage line names, sorted.
std::vector<std::string> line_bases(const config::Config& config) {
    std::set<std::string> bases;
    for (const auto& l : config.coverage_lines) bases.insert(l.bases.begin(), l.bases.end());
    return {bases.begin(), bases.end()};
}

// The shares of a basis's started permits of one sequence (zero without any).
struct Shares {
    const StartedPermits* p = nullptr;
    double survivors(int k) const {
        return p && p->starts > 0 ? static_cast<double>(at(p->survivors, k)) / static_cast<double>(p->starts) : 0;
    }
    double offset(int k) const {
        return p && p->starts > 0 ? static_cast<double>(at(p->offsets, k)) / static_cast<double>(p->starts) : 0;
    }
    double monthly_new() const { return p ? static_cast<double>(p->new_starts) / 12.0 : 0; }
};

// rate per permit-day of the basis, or else pooled over the bases observed in its queue.
double review_rate(const ForecastInputs& in, const config::Config& config, const std::string& basis) {
    const auto* o = find_in(in.observed, basis);
    if (o && o->permit_days > 0) return static_cast<double>(o->reviews) / static_cast<double>(o->permit_days);
    const std::string queue = queue_of(config, basis);
    long long reviews = 0, days = 0;
    for (const auto& [b, obs] : in.observed) {
        if (queue_of(config, b) != queue) continue;
        reviews += obs.reviews;
        days += obs.permit_days;
    }
    return days > 0 ? static_cast<double>(reviews) / static_cast<double>(days) : 0.0;
}

// Early ends per permit-month of the basis, or else pooled over every basis observed.
double early_end_rate(const ForecastInputs& in, const std::string& basis) {
    const auto* o = find_in(in.observed, basis);
    long long ends = 0, days = 0;
    if (o && o->permit_days > 0) {
        ends = o->early_ends;
        days = o->permit_days;
    } else {
        for (const auto& [b, obs] : in.observed) {
            ends += obs.early_ends;
            days += obs.permit_days;
        }
    }
    return days > 0 ? std::min(1.0, static_cast<double>(ends) / (static_cast<double>(days) / kDaysPerMonth)) : 0.0;
}

// The expected permits of a basis under supervision at the end of month i = 0..horizon
// (docs/reports.md#forecast, steps 1-5).
std::vector<double> supervised_series(const ForecastInputs& in, const config::Config& config, const std::string& b,
                                      double extension, double early_end) {
    const int h = in.horizon;
    const Shares first{find_in(in.started, std::make_pair(b, std::string("first")))};
    const Shares ext{find_in(in.started, std::make_pair(b, std::string("extended")))};
    const Series none;
    const Series& stock = find_in(in.stock, b) ? in.stock.at(b) : none;
    const Series& waiting = find_in(in.waiting, b) ? in.waiting.at(b) : none;
    const Series& ending = find_in(in.first_ending, b) ? in.first_ending.at(b) : none;
    const double keep = 1.0 - early_end;
    std::vector<double> out(h + 1, 0.0);
    for (int i = 0; i <= h; ++i) {
        const rules::Day end = rules::last_day_of_month(month_after(in.as_of, i));
        const bool first_in = line_in_force(config, b, "first", end);
        const bool ext_in = line_in_force(config, b, "extended", end);
        // 1-2: today's stock and the permits waiting for their line, while valid.
        double v = static_cast<double>(at(stock, i) + at(waiting, i)) * std::pow(keep, i);
        // 3: today's first permits turning into extended ones.
        if (ext_in) {
            double from_today = 0;
            for (int j = 0; j <= i; ++j) from_today += static_cast<double>(at(ending, j)) * ext.survivors(i - j + 1);
            v += extension * from_today * std::pow(keep, i);
        }
        // 4: the permits starting from next month on, and their own extensions.
        for (int j = 1; j <= i; ++j) {
            const double kept = std::pow(keep, i - j);
            if (first_in) v += first.monthly_new() * first.survivors(i - j + 1) * kept;
            if (ext_in) {
                v += ext.monthly_new() * ext.survivors(i - j + 1) * kept;
                double turned = 0;
                for (int l = 0; j + l <= i; ++l) turned += first.offset(l) * ext.survivors(i - (j + l) + 1);
                v += extension * first.monthly_new() * turned * kept;
            }
        }
        out[i] = v;
    }
    return out;
}

// Sums the months of a year into its figures; the stock is the year's last month's.
ForecastPeriod year_of_months(const std::vector<ForecastPeriod>& months, int year, int first, int last) {
    ForecastPeriod y;
    y.label = std::to_string(year);
    y.first_day = months[first].first_day;
    y.supervised = months[last].supervised;
    y.supervised_total = months[last].supervised_total;
    y.has_officials = months[first].has_officials;
    for (int i = first; i <= last; ++i) {
        const auto& m = months[i];
        y.days += m.days;
        for (const auto& [q, v] : m.review_demand) y.review_demand[q] += v;
        for (const auto& [q, v] : m.new_reviews) y.new_reviews[q] += v;
        for (const auto& [q, v] : m.capacity) y.capacity[q] += v;
        y.review_demand_total += m.review_demand_total;
        y.new_reviews_total += m.new_reviews_total;
    }
    return y;
}

void set_officials(ForecastPeriod& p, const config::Config& config, double per_year_factor) {
    const auto per_person = config.forecast.decided_reviews_per_person_year.value_on(p.first_day);
    p.has_officials = per_person.has_value();
    if (!per_person) return;
    p.officials_total = 0;
    for (const auto& [q, demand] : p.review_demand) {
        p.officials[q] = demand * per_year_factor / *per_person;
        p.officials_total += p.officials[q];
    }
}

void capacity_alarms(Forecast& f, const ForecastPeriod& p, const config::Config& config) {
    const auto threshold = config.forecast.alarm_reviews_over_capacity_pct.value_on(p.first_day);
    if (!threshold) return;
    for (const auto& [q, demand] : p.review_demand) {
        const double capacity = p.capacity.count(q) ? p.capacity.at(q) : 0.0;
        if (capacity <= 0) {
            if (demand > 0)
                f.alarms.push_back(ForecastAlarm{"reviews_over_capacity", q, p.label, std::nullopt, *threshold});
            continue;
        }
        const double pct = 100.0 * demand / capacity;
        if (pct > *threshold) f.alarms.push_back(ForecastAlarm{"reviews_over_capacity", q, p.label, pct, *threshold});
    }
}

}  // namespace

std::string queue_of(const config::Config& config, const std::string& basis) {
    for (const auto& [name, q] : config.queues) {
        if (std::find(q.bases.begin(), q.bases.end(), basis) != q.bases.end()) return name;
    }
    return "general";
}

int horizon_months(rules::Day as_of) {
    return (12 - month_number(as_of)) + 12 * kForecastYears;
}

ForecastInputs read_forecast_inputs(ReportSession& session, rules::Day as_of) {
    ForecastInputs in;
    in.as_of = as_of;
    in.horizon = horizon_months(as_of);
    const int h = in.horizon;
    const auto day = rules::to_iso(as_of);
    auto& tx = session.tx();
    auto series = [h](std::map<std::string, Series>& m, const std::string& basis) -> Series& {
        auto& s = m[basis];
        if (s.empty()) s.assign(h + 1, 0);
        return s;
    };
    for (const auto& r : db::exec_file(tx, "reports/forecast_stock.sql", day, h)) {
        const auto basis = r["basis"].as<std::string>();
        const int i = r["month_index"].as<int>();
        if (i < 0) {
            in.supervised_now[basis] = r["permits"].as<long long>();
        } else {
            series(in.stock, basis)[i] = r["permits"].as<long long>();
        }
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_waiting.sql", day, h)) {
        series(in.waiting, r["basis"].as<std::string>())[r["month_index"].as<int>()] = r["permits"].as<long long>();
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_first_ending.sql", day, h)) {
        series(in.first_ending, r["basis"].as<std::string>())[r["month_index"].as<int>()] =
            r["permits"].as<long long>();
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_extensions.sql", day)) {
        in.extensions[r["basis"].as<std::string>()] = {r["ran_out"].as<long long>(), r["extended"].as<long long>()};
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_grants.sql", day, h)) {
        auto& s = in.started[{r["basis"].as<std::string>(), r["sequence"].as<std::string>()}];
        if (s.survivors.empty()) {
            s.survivors.assign(h + 2, 0);
            s.offsets.assign(h + 2, 0);
        }
        const int k = r["k"].as<int>();
        s.starts = r["starts"].as<long long>();
        s.new_starts = r["new_starts"].as<long long>();
        s.survivors[k] = r["survivors"].as<long long>();
        s.offsets[k] = r["offsets"].as<long long>();
    }
    for (const auto& r : db::exec_file(tx, "reports/forecast_supervision.sql", day)) {
        in.observed[r["basis"].as<std::string>()] = BasisObservation{
            r["permit_days"].as<long long>(), r["early_ends"].as<long long>(), r["reviews"].as<long long>()};
    }
    in.observed_days = db::exec_file(tx, "reports/forecast_observed_days.sql", day)[0]["days"].as<long long>();
    return in;
}

Forecast project(const ForecastInputs& in, const config::Config& config, const std::optional<std::string>& basis) {
    Forecast f;
    f.inputs = in;
    f.basis = basis;
    f.decided_per_person_year = config.forecast.decided_reviews_per_person_year.value_on(in.as_of);
    f.stock_growth_threshold = config.forecast.alarm_stock_growth_pct.value_on(in.as_of);
    f.over_capacity_threshold = config.forecast.alarm_reviews_over_capacity_pct.value_on(in.as_of);
    if (basis) {
        f.bases = {*basis};
        f.queues = {queue_of(config, *basis)};
    } else {
        f.bases = line_bases(config);
        for (const auto& [name, _] : config.queues) f.queues.push_back(name);
    }
    std::map<std::string, std::vector<double>> supervised;
    for (const auto& b : f.bases) {
        f.basis_queue[b] = queue_of(config, b);
        const auto* ext = find_in(in.extensions, b);
        f.extension_rate[b] =
            ext && ext->first > 0 ? static_cast<double>(ext->second) / static_cast<double>(ext->first) : 0.0;
        f.early_end_rate[b] = early_end_rate(in, b);
        f.review_rate[b] = review_rate(in, config, b);
        supervised[b] = supervised_series(in, config, b, f.extension_rate[b], f.early_end_rate[b]);
    }
    std::vector<ForecastPeriod> all;  // months 0..horizon
    for (int i = 0; i <= in.horizon; ++i) {
        const auto ym = month_after(in.as_of, i);
        ForecastPeriod m;
        m.label = month_label(ym);
        m.first_day = rules::first_day_of_month(ym);
        m.days = static_cast<int>(static_cast<unsigned>(date::year_month_day{rules::last_day_of_month(ym)}.day()));
        for (const auto& q : f.queues) m.review_demand[q] = 0;
        for (const auto& b : f.bases) {
            const double v = supervised[b][i];
            m.supervised[b] = v;
            m.supervised_total += v;
            m.review_demand[queue_of(config, b)] += f.review_rate[b] * v * m.days;
        }
        for (const auto& [q, demand] : m.review_demand) {
            const auto qc = config.queues.find(q);
            const auto cap = qc == config.queues.end() ? std::nullopt : qc->second.daily_capacity.value_on(m.first_day);
            m.capacity[q] = cap ? *cap * m.days : 0.0;
            m.new_reviews[q] = cap ? std::min(demand, m.capacity[q]) : demand;
            m.review_demand_total += demand;
            m.new_reviews_total += m.new_reviews[q];
        }
        set_officials(m, config, 12.0);
        all.push_back(std::move(m));
    }
    const int to_december = 12 - month_number(in.as_of);  // the index of this year's December
    for (int i = 1; i <= to_december + 12 && i <= in.horizon; ++i) {
        f.months.push_back(all[i]);
        capacity_alarms(f, all[i], config);
    }
    const int as_of_year = year_of(in.as_of);
    for (int k = 1; k <= kForecastYears; ++k) {
        const int first = to_december + 12 * (k - 1) + 1, last = to_december + 12 * k;
        auto y = year_of_months(all, as_of_year + k, first, last);
        const double before = all[first - 1].supervised_total;
        if (before > 0) y.growth_pct = 100.0 * (y.supervised_total - before) / before;
        set_officials(y, config, 1.0);
        const auto growth_threshold = config.forecast.alarm_stock_growth_pct.value_on(y.first_day);
        if (growth_threshold && y.growth_pct && *y.growth_pct > *growth_threshold) {
            f.alarms.push_back(ForecastAlarm{"stock_growth", "", y.label, y.growth_pct, *growth_threshold});
        }
        capacity_alarms(f, y, config);
        f.years.push_back(std::move(y));
    }
    return f;
}

namespace {

std::optional<double> mean_abs_pct_error(const std::vector<BacktestMonth>& months, bool supervised) {
    double sum = 0;
    int n = 0;
    for (const auto& m : months) {
        const double observed = static_cast<double>(supervised ? m.supervised_observed : m.reviews_observed);
        const double forecast = supervised ? m.supervised_forecast : m.reviews_forecast;
        if (observed <= 0) continue;
        sum += std::fabs(forecast - observed) / observed * 100.0;
        ++n;
    }
    if (n == 0) return std::nullopt;
    return sum / n;
}

// The forecast that the day a year before as_of would have made, against the months since;
// nullopt unless a run had completed by that day.
std::optional<Backtest> backtest(ReportSession& session, rules::Day as_of, const std::optional<std::string>& basis) {
    const rules::Day made_on = rules::add_months(as_of, -12);
    const auto runs = db::exec_file(session.tx(), "reports/first_run.sql");
    if (runs.empty() || runs[0]["as_of"].is_null() ||
        *rules::parse_iso_date(runs[0]["as_of"].as<std::string>()) > made_on) {
        return std::nullopt;
    }
    const auto then = project(read_forecast_inputs(session, made_on), session.config(), basis);
    Backtest b;
    b.made_on = made_on;
    const auto observed = db::exec_file(session.tx(), "reports/forecast_observed_months.sql", rules::to_iso(made_on),
                                        rules::to_iso(as_of), basis);
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const auto& r = observed[i];
        BacktestMonth m;
        m.month = r["month"].as<std::string>();
        const auto* fm = i < then.months.size() ? &then.months[i] : nullptr;
        if (fm == nullptr || fm->label != m.month) continue;  // beyond the monthly part of that forecast
        m.supervised_forecast = fm->supervised_total;
        m.reviews_forecast = fm->new_reviews_total;
        m.supervised_observed = r["supervised"].as<long long>();
        m.reviews_observed = r["reviews"].as<long long>();
        b.months.push_back(m);
    }
    b.supervised_error_pct = mean_abs_pct_error(b.months, true);
    b.reviews_error_pct = mean_abs_pct_error(b.months, false);
    return b;
}

}  // namespace

std::optional<Forecast> forecast(ReportSession& session, const std::optional<std::string>& basis) {
    if (!session.last_run()) return std::nullopt;
    const auto as_of = session.last_run()->as_of;
    auto f = project(read_forecast_inputs(session, as_of), session.config(), basis);
    f.backtest = backtest(session, as_of, basis);
    return f;
}

}  // namespace supervision::reports
