#pragma once
// rules.md §9: the statistics products, read from the stats views (exact counts); the
// statistics of one basis (the same measures, as the per-process reports are built); per
// basis and signal type, what the signals led to; and, for the authority, the observed
// precision of each signal type and the forecast.
#include "reports/forecast.h"
#include "reports/percent.h"
#include "reports/report_session.h"

#include <optional>
#include <string>
#include <vector>

namespace supervision::reports {

struct CohortRow {
    std::string basis;  // empty in the growth-entrepreneur product (one basis)
    int grant_year = 0;
    std::string sequence;
    long long granted = 0, enrolled = 0, with_signal = 0, with_review = 0;
    std::optional<Percent> review_share;
    long long revoked = 0, no_action = 0, open = 0;
    // Whether the cohort has had 12 months of evaluation (cohort_is_mature): an immature
    // cohort is shown but not compared with the others.
    bool mature = false;
};

struct PrecisionRow {
    std::string signal_type;
    long long reviews = 0, revoked = 0, no_action = 0, open = 0;
    std::optional<Percent> precision;  // 100 × revoked / (revoked + no_action)
};

struct SignalTypeRow {
    std::string basis;
    std::string signal_type;
    long long permits = 0;  // permits of the basis with at least one signal of the type
    long long signals = 0;
    PrecisionRow reviews;  // the reviews with a signal of the type linked, and how they ended
};

struct Statistics {
    bool all_bases = true;             // false: the growth-entrepreneur product
    std::optional<std::string> basis;  // the statistics of one basis
    std::optional<LastRun> last_run;   // maturity and the forecast are judged by it
    std::vector<CohortRow> rows;
    std::vector<PrecisionRow> precision;      // the general statistics: every basis; one basis: its own
    std::vector<SignalTypeRow> signal_types;  // per basis and type (one basis: its own)
    std::optional<Forecast> forecast;         // the general statistics and those of one basis
};

// A cohort (grant year Y) has had 12 months of evaluation when its grant year ended at least
// 12 months before the last completed run's as_of: add_months(as_of, -12) ≥ 31 December of
// Y, i.e. as_of on or after 31 December of Y + 1. None is mature before the first run.
bool cohort_is_mature(int grant_year, const std::optional<LastRun>& last_run);

Statistics growth_entrepreneur_statistics(ReportSession& session);
// with_forecast: a published export (--publish) is the statistics product alone, which
// the statistics reader may make; the forecast, a planning figure read from the registers,
// is internal.
Statistics general_statistics(ReportSession& session, bool with_forecast = true);
// `report statistics --basis B`: the cohorts, signal types, precision and forecast of B.
Statistics basis_statistics(ReportSession& session, const std::string& basis, bool with_forecast = true);

}  // namespace supervision::reports
