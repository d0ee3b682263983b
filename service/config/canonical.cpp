#include "config/canonical.h"

namespace supervision::config {

nlohmann::json to_json(const DatedParameter& p) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : p.values()) {
        out.push_back(
            {{"basis", v.basis}, {"sequence", v.sequence}, {"from", rules::to_iso(v.from)}, {"value", v.value}});
    }
    return out;
}

namespace {

nlohmann::json line_json(const CoverageLine& l) {
    return {{"id", l.id},
            {"effective_from", rules::to_iso(l.effective_from)},
            {"bases", l.bases},
            {"sequence", l.sequence},
            {"validity", l.validity == ValidityRule::at_least ? "at_least" : "more_than"},
            {"validity_months", l.validity_months},
            {"scope_field", l.scope_field == ScopeField::valid_from ? "valid_from" : "decision_date"},
            {"scope_from", rules::to_iso(l.scope_from)}};
}

nlohmann::json campaign_json(const Campaign& k) {
    auto opt = [](const std::optional<rules::Day>& d) {
        return d ? nlohmann::json(rules::to_iso(*d)) : nlohmann::json();
    };
    return {{"id", k.id},
            {"active_from", rules::to_iso(k.active_from)},
            {"active_until", rules::to_iso(k.active_until)},
            {"bases", k.bases},
            {"sequences", k.sequences},
            {"decided_from", opt(k.decided_from)},
            {"decided_until", opt(k.decided_until)},
            {"with_open_signal", k.with_open_signal}};
}

}  // namespace

nlohmann::json to_json(const Config& c) {
    nlohmann::json j;
    j["config_version"] = c.config_version;
    j["coverage_lines"] = nlohmann::json::array();
    for (const auto& l : c.coverage_lines) j["coverage_lines"].push_back(line_json(l));
    for (const auto& [name, p] : c.parameters) j["parameters"][name] = to_json(p);
    for (const auto& [type, s] : c.signals) {
        j["signals"][type] = {{"bases", s.bases}, {"sequences", s.sequences}, {"weight", to_json(s.weight)}};
    }
    for (const auto& [name, q] : c.queues) {
        j["queues"][name] = {
            {"bases", q.bases}, {"daily_capacity", to_json(q.daily_capacity)}, {"sla_days", to_json(q.sla_days)}};
        if (!q.urgent_threshold.values().empty()) {
            j["queues"][name]["urgent_threshold"] = to_json(q.urgent_threshold);
            j["queues"][name]["urgent_sla_days"] = to_json(q.urgent_sla_days);
        }
    }
    j["study_terms"] = nlohmann::json::array();
    for (const auto& t : c.study_terms) {
        j["study_terms"].push_back(
            {{"name", t.name}, {"start", {t.start_month, t.start_day}}, {"end", {t.end_month, t.end_day}}});
    }
    j["campaigns"] = nlohmann::json::array();
    for (const auto& k : c.campaigns) j["campaigns"].push_back(campaign_json(k));
    j["quality_control"] = {{"sample_size", to_json(c.qc_sample_size)}};
    j["forecast"] = {{"decided_reviews_per_person_year", to_json(c.forecast.decided_reviews_per_person_year)},
                     {"alarm_stock_growth_pct", to_json(c.forecast.alarm_stock_growth_pct)},
                     {"alarm_reviews_over_capacity_pct", to_json(c.forecast.alarm_reviews_over_capacity_pct)}};
    return j;
}

}  // namespace supervision::config
