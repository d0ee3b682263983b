#include "reports/statistics_format.h"

#include "errors.h"
#include "reports/csv.h"
#include "reports/forecast_format.h"
#include "reports/suppression.h"

namespace supervision::reports {

namespace {

nlohmann::json row_json(const CohortRow& c, bool all_bases, bool publish, bool with_maturity) {
    nlohmann::json j = nlohmann::json::object();
    if (all_bases) j["basis"] = c.basis;
    j["grant_year"] = c.grant_year;
    j["sequence"] = c.sequence;
    j["granted"] = count_json(c.granted, publish);
    j["enrolled"] = count_json(c.enrolled, publish);
    j["with_signal"] = count_json(c.with_signal, publish);
    j["with_review"] = count_json(c.with_review, publish);
    j["review_share_pct"] = share_json(c.review_share, {c.with_review}, publish);
    j["revoked"] = count_json(c.revoked, publish);
    j["no_action"] = count_json(c.no_action, publish);
    j["open"] = count_json(c.open, publish);
    if (with_maturity) j["mature"] = c.mature;
    return j;
}

nlohmann::json precision_json(const PrecisionRow& p, bool publish) {
    return {{"signal_type", p.signal_type},
            {"reviews", count_json(p.reviews, publish)},
            {"revoked", count_json(p.revoked, publish)},
            {"no_action", count_json(p.no_action, publish)},
            {"open", count_json(p.open, publish)},
            {"precision_pct", share_json(p.precision, {p.revoked, p.no_action}, publish)}};
}

nlohmann::json signal_type_json(const SignalTypeRow& t, bool publish) {
    auto j = precision_json(t.reviews, publish);
    j["basis"] = t.basis;
    j["permits"] = count_json(t.permits, publish);
    j["signals"] = count_json(t.signals, publish);
    return j;
}

std::string signal_types_csv(const Statistics& s, bool publish) {
    std::string out = csv_record(
        {"basis", "signal_type", "permits", "signals", "reviews", "revoked", "no_action", "open", "precision_pct"});
    for (const auto& t : s.signal_types) {
        const auto& p = t.reviews;
        out += csv_record(
            {t.basis, t.signal_type, CsvCell::number(count_text(t.permits, publish)),
             CsvCell::number(count_text(t.signals, publish)), CsvCell::number(count_text(p.reviews, publish)),
             CsvCell::number(count_text(p.revoked, publish)), CsvCell::number(count_text(p.no_action, publish)),
             CsvCell::number(count_text(p.open, publish)),
             CsvCell::number(share_text(p.precision, {p.revoked, p.no_action}, publish))});
    }
    return out;
}

std::string cohort_csv(const Statistics& s, bool publish) {
    std::vector<CsvCell> header{"grant_year",  "sequence",         "granted", "enrolled",  "with_signal",
                                "with_review", "review_share_pct", "revoked", "no_action", "open"};
    if (s.all_bases) header.insert(header.begin(), "basis");
    std::string out = csv_record(header);
    for (const auto& c : s.rows) {
        std::vector<CsvCell> f{CsvCell::number(c.grant_year),
                               c.sequence,
                               CsvCell::number(count_text(c.granted, publish)),
                               CsvCell::number(count_text(c.enrolled, publish)),
                               CsvCell::number(count_text(c.with_signal, publish)),
                               CsvCell::number(count_text(c.with_review, publish)),
                               CsvCell::number(share_text(c.review_share, {c.with_review}, publish)),
                               CsvCell::number(count_text(c.revoked, publish)),
                               CsvCell::number(count_text(c.no_action, publish)),
                               CsvCell::number(count_text(c.open, publish))};
        if (s.all_bases) f.insert(f.begin(), c.basis);
        out += csv_record(f);
    }
    return out;
}

std::string precision_csv(const Statistics& s, bool publish) {
    std::string out = csv_record({"signal_type", "reviews", "revoked", "no_action", "open", "precision_pct"});
    for (const auto& p : s.precision) {
        out +=
            csv_record({p.signal_type, CsvCell::number(count_text(p.reviews, publish)),
                        CsvCell::number(count_text(p.revoked, publish)),
                        CsvCell::number(count_text(p.no_action, publish)), CsvCell::number(count_text(p.open, publish)),
                        CsvCell::number(share_text(p.precision, {p.revoked, p.no_action}, publish))});
    }
    return out;
}

}  // namespace

nlohmann::json statistics_json(const Statistics& s, bool publish) {
    nlohmann::json j;
    if (s.basis) j["basis"] = *s.basis;
    j["rows"] = nlohmann::json::array();
    // The growth-entrepreneur product keeps exactly the stats columns; the statistics
    // reports mark each cohort's maturity.
    for (const auto& c : s.rows) j["rows"].push_back(row_json(c, s.all_bases, publish, s.all_bases));
    if (s.all_bases) {
        j["judged_by_run"] =
            s.last_run ? nlohmann::json{{"run_id", s.last_run->run_id}, {"as_of", rules::to_iso(s.last_run->as_of)}}
                       : nlohmann::json();
        j["signal_precision"] = nlohmann::json::array();
        for (const auto& p : s.precision) j["signal_precision"].push_back(precision_json(p, publish));
        j["signal_types"] = nlohmann::json::array();
        for (const auto& t : s.signal_types) j["signal_types"].push_back(signal_type_json(t, publish));
        j["forecast"] = s.forecast ? forecast_json(*s.forecast, publish) : nlohmann::json();
    }
    return j;
}

std::string statistics_csv(const Statistics& s, bool publish, const std::string& table) {
    if (table == "cohort") return cohort_csv(s, publish);
    if (!s.all_bases)
        throw UsageError("--table " + table + " is for `report statistics`; this report has only the cohort table");
    if (table == "precision") return precision_csv(s, publish);
    if (table == "signal-types") return signal_types_csv(s, publish);
    if (table == "forecast" || table == "forecast-years" || table == "alarms" || table == "backtest") {
        if (!s.forecast) {
            Forecast none;
            if (table == "forecast") return forecast_csv(none, publish);
            if (table == "forecast-years") return forecast_years_csv(none, publish);
            if (table == "alarms") return forecast_alarms_csv(none);
            return forecast_backtest_csv(none, publish);
        }
        if (table == "forecast") return forecast_csv(*s.forecast, publish);
        if (table == "forecast-years") return forecast_years_csv(*s.forecast, publish);
        if (table == "alarms") return forecast_alarms_csv(*s.forecast);
        return forecast_backtest_csv(*s.forecast, publish);
    }
    throw UsageError("--table " + table +
                     " is not one of cohort, precision, signal-types, forecast, forecast-years, alarms, backtest");
}

}  // namespace supervision::reports
