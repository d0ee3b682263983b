#pragma once
// rules.md §9: the statistics products, read from the stats views (exact counts); and,
// for the authority, the observed precision of each signal type (issue 4).
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
};

struct PrecisionRow {
    std::string signal_type;
    long long reviews = 0, revoked = 0, no_action = 0, open = 0;
    std::optional<Percent> precision;  // 100 × revoked / (revoked + no_action)
};

struct Statistics {
    bool all_bases = true;  // false: the growth-entrepreneur product
    std::vector<CohortRow> rows;
    std::vector<PrecisionRow> precision;  // the general statistics only
    std::optional<Forecast> forecast;     // the general statistics only
};

Statistics growth_entrepreneur_statistics(ReportSession& session);
Statistics general_statistics(ReportSession& session);

}  // namespace supervision::reports
