#include "config/loader.h"

#include "config/config_file.h"
#include "config/yaml_reader.h"
#include "errors.h"

#include <algorithm>
#include <set>

namespace supervision::config {

namespace {

std::string at(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

CoverageLine read_line(const YamlReader& r, const YAML::Node& n, const std::string& p) {
    r.only_keys(n, {"id", "effective_from", "bases", "sequence", "validity", "scope"}, p);
    CoverageLine line;
    line.id = r.string(r.require(n, "id", p), p + ".id");
    line.effective_from = r.date(r.require(n, "effective_from", p), p + ".effective_from");
    line.bases = r.word_list(r.require(n, "bases", p), known_bases(), p + ".bases");
    if (line.bases.empty()) r.fail(n, p + ".bases", "name at least one basis");
    const YAML::Node seq = r.require(n, "sequence", p);
    line.sequence = r.string(seq, p + ".sequence");
    if (line.sequence != "first" && line.sequence != "extended") {
        r.fail(seq, p + ".sequence", "'" + line.sequence + "' is neither 'first' nor 'extended'");
    }
    const YAML::Node v = r.require(n, "validity", p);
    r.only_keys(v, {"at_least_months", "more_than_months"}, p + ".validity");
    if (v.size() != 1) r.fail(v, p + ".validity", "give exactly one of at_least_months, more_than_months");
    line.validity = v["at_least_months"] ? ValidityRule::at_least : ValidityRule::more_than;
    const std::string vkey = v["at_least_months"] ? "at_least_months" : "more_than_months";
    line.validity_months = r.positive_int(v[vkey], p + ".validity." + vkey);
    const YAML::Node s = r.require(n, "scope", p);
    r.only_keys(s, {"valid_from_on_or_after", "decision_date_on_or_after"}, p + ".scope");
    if (s.size() != 1) {
        r.fail(s, p + ".scope", "give exactly one of valid_from_on_or_after, decision_date_on_or_after");
    }
    line.scope_field = s["valid_from_on_or_after"] ? ScopeField::valid_from : ScopeField::decision_date;
    const std::string skey = s["valid_from_on_or_after"] ? "valid_from_on_or_after" : "decision_date_on_or_after";
    line.scope_from = r.date(s[skey], p + ".scope." + skey);
    return line;
}

std::vector<CoverageLine> read_lines(const YamlReader& r, const YAML::Node& n) {
    if (!n.IsSequence() || n.size() == 0) r.fail(n, "coverage_lines", "expected a non-empty list");
    std::vector<CoverageLine> lines;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        lines.push_back(read_line(r, n[i], at("coverage_lines", i)));
        if (!ids.insert(lines.back().id).second) {
            r.fail(n[i], at("coverage_lines", i) + ".id", "duplicate line id '" + lines.back().id + "'");
        }
    }
    return lines;
}

std::map<std::string, DatedParameter> read_parameters(const YamlReader& r, const YAML::Node& n) {
    if (!n.IsMap()) r.fail(n, "parameters", "expected a mapping of parameter name to dated list");
    std::map<std::string, DatedParameter> out;
    for (const auto& kv : n) {
        const std::string name = kv.first.Scalar();
        const ParameterSpec* spec = find_parameter(name);
        if (spec == nullptr) {
            std::string names;
            for (const auto& p : known_parameters()) names += (names.empty() ? "" : ", ") + p.name;
            r.fail(kv.first, "parameters." + name, "unknown parameter; check its spelling (known: " + names + ")");
        }
        out[name] = r.dated(kv.second, name, "parameters." + name, spec->kind);
    }
    for (const auto& name : required_parameters()) {
        if (out.count(name) == 0) r.fail(n, "parameters." + name, "missing; add it (see config/supervision.yaml)");
    }
    return out;
}

std::map<std::string, SignalConfig> read_signals(const YamlReader& r, const YAML::Node& n) {
    if (!n.IsMap()) r.fail(n, "signals", "expected a mapping of signal type to settings");
    std::map<std::string, SignalConfig> out;
    for (const auto& kv : n) {
        const std::string type = kv.first.Scalar();
        const std::string p = "signals." + type;
        const auto& types = known_signal_types();
        if (std::find(types.begin(), types.end(), type) == types.end()) {
            r.fail(kv.first, p, "unknown signal type; see rules.md §5 for the ten types");
        }
        r.only_keys(kv.second, {"bases", "sequences", "weight"}, p);
        SignalConfig s;
        s.bases = r.word_list(r.require(kv.second, "bases", p), known_bases(), p + ".bases");
        if (kv.second["sequences"]) {
            s.sequences = r.word_list(kv.second["sequences"], known_sequences(), p + ".sequences");
        }
        s.weight = r.dated(r.require(kv.second, "weight", p), type, p + ".weight", kSignalWeightKind);
        out[type] = std::move(s);
    }
    for (const auto& type : known_signal_types()) {
        if (out.count(type) == 0) r.fail(n, "signals." + type, "missing; every signal type needs bases and weight");
    }
    return out;
}

std::map<std::string, QueueConfig> read_queues(const YamlReader& r, const YAML::Node& n) {
    if (!n.IsMap()) r.fail(n, "queues", "expected a mapping of queue name to settings");
    std::map<std::string, QueueConfig> out;
    std::set<std::string> placed;
    for (const auto& kv : n) {
        const std::string name = kv.first.Scalar();
        const std::string p = "queues." + name;
        r.only_keys(kv.second, {"bases", "daily_capacity", "sla_days", "urgent_threshold", "urgent_sla_days"}, p);
        QueueConfig q;
        const YAML::Node bases = r.require(kv.second, "bases", p);
        q.bases = r.word_list(bases, known_bases(), p + ".bases");
        for (std::size_t i = 0; i < q.bases.size(); ++i) {
            if (!placed.insert(q.bases[i]).second) {
                r.fail(bases[i], p + ".bases", "basis '" + q.bases[i] + "' is already in another queue");
            }
        }
        q.daily_capacity = r.dated(r.require(kv.second, "daily_capacity", p), "daily_capacity", p + ".daily_capacity",
                                   kDailyCapacityKind);
        q.sla_days = r.dated(r.require(kv.second, "sla_days", p), "sla_days", p + ".sla_days", kSlaDaysKind);
        if (kv.second["urgent_threshold"] || kv.second["urgent_sla_days"]) {
            q.urgent_threshold = r.dated(r.require(kv.second, "urgent_threshold", p), "urgent_threshold",
                                         p + ".urgent_threshold", kUrgentThresholdKind);
            q.urgent_sla_days = r.dated(r.require(kv.second, "urgent_sla_days", p), "urgent_sla_days",
                                        p + ".urgent_sla_days", kUrgentSlaDaysKind);
        }
        out[name] = std::move(q);
    }
    if (out.count("general") == 0) {
        r.fail(n, "queues.general", "missing; bases in no queue go to 'general' (rules.md §6)");
    }
    return out;
}

void read_month_day(const YamlReader& r, const YAML::Node& n, const std::string& p, unsigned& month, unsigned& day) {
    const std::string s = r.string(n, p);
    const auto d = rules::parse_iso_date("2000-" + s);  // 2000 is a leap year: 02-29 is allowed
    if (s.size() != 5 || !d) r.fail(n, p, "'" + s + "' is not a month-day MM-DD");
    const date::year_month_day ymd{*d};
    month = static_cast<unsigned>(ymd.month());
    day = static_cast<unsigned>(ymd.day());
}

std::vector<StudyTerm> read_terms(const YamlReader& r, const YAML::Node& n) {
    if (!n.IsSequence() || n.size() == 0) r.fail(n, "study_terms", "expected a non-empty list of terms");
    std::vector<StudyTerm> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string p = at("study_terms", i);
        r.only_keys(n[i], {"name", "start", "end"}, p);
        StudyTerm t;
        t.name = r.string(r.require(n[i], "name", p), p + ".name");
        read_month_day(r, r.require(n[i], "start", p), p + ".start", t.start_month, t.start_day);
        read_month_day(r, r.require(n[i], "end", p), p + ".end", t.end_month, t.end_day);
        if (t.end_month * 100 + t.end_day < t.start_month * 100 + t.start_day) {
            r.fail(n[i], p, "a term must end after it starts within one calendar year");
        }
        out.push_back(t);
    }
    return out;
}

std::vector<Campaign> read_campaigns(const YamlReader& r, const YAML::Node& n) {
    std::vector<Campaign> out;
    if (!n) return out;
    if (!n.IsSequence()) r.fail(n, "campaigns", "expected a list (or [])");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string p = at("campaigns", i);
        const YAML::Node c = n[i];
        r.only_keys(c,
                    {"id", "active_from", "active_until", "bases", "sequences", "decided_from", "decided_until",
                     "with_open_signal"},
                    p);
        Campaign k;
        k.id = r.string(r.require(c, "id", p), p + ".id");
        if (!ids.insert(k.id).second) r.fail(c, p + ".id", "duplicate campaign id '" + k.id + "'");
        k.active_from = r.date(r.require(c, "active_from", p), p + ".active_from");
        k.active_until = r.date(r.require(c, "active_until", p), p + ".active_until");
        if (k.active_until < k.active_from) r.fail(c, p + ".active_until", "ends before active_from");
        k.bases = r.word_list(r.require(c, "bases", p), known_bases(), p + ".bases");
        if (c["sequences"]) k.sequences = r.word_list(c["sequences"], known_sequences(), p + ".sequences");
        if (c["decided_from"]) k.decided_from = r.date(c["decided_from"], p + ".decided_from");
        if (c["decided_until"]) k.decided_until = r.date(c["decided_until"], p + ".decided_until");
        if (c["with_open_signal"]) {
            k.with_open_signal = r.word_list(c["with_open_signal"], known_signal_types(), p + ".with_open_signal");
        }
        out.push_back(std::move(k));
    }
    return out;
}

// Optional; without it no permits are drawn for quality control.
DatedParameter read_quality_control(const YamlReader& r, const YAML::Node& n) {
    if (!n) return DatedParameter("qc_sample_size", {});
    r.only_keys(n, {"sample_size"}, "quality_control");
    return r.dated(r.require(n, "sample_size", "quality_control"), "qc_sample_size", "quality_control.sample_size",
                   kQcSampleSizeKind);
}

// Optional; without it the forecast has no staffing figure and no alarms. With it, every
// key is required (a misspelt one must not turn a figure off in silence).
ForecastConfig read_forecast(const YamlReader& r, const YAML::Node& n) {
    ForecastConfig f;
    if (!n) {
        f.decided_reviews_per_person_year = DatedParameter("decided_reviews_per_person_year", {});
        f.alarm_stock_growth_pct = DatedParameter("alarm_stock_growth_pct", {});
        f.alarm_reviews_over_capacity_pct = DatedParameter("alarm_reviews_over_capacity_pct", {});
        return f;
    }
    r.only_keys(n, {"decided_reviews_per_person_year", "alarm_stock_growth_pct", "alarm_reviews_over_capacity_pct"},
                "forecast");
    auto dated = [&](const char* key, ValueKind kind) {
        return r.dated(r.require(n, key, "forecast"), key, std::string("forecast.") + key, kind);
    };
    f.decided_reviews_per_person_year = dated("decided_reviews_per_person_year", kDecidedPerPersonYearKind);
    f.alarm_stock_growth_pct = dated("alarm_stock_growth_pct", kAlarmPercentKind);
    f.alarm_reviews_over_capacity_pct = dated("alarm_reviews_over_capacity_pct", kAlarmPercentKind);
    return f;
}

Config read_document(const YamlReader& r, const YAML::Node& root, const std::string& source) {
    if (!root.IsMap()) r.fail(root, "(top level)", "expected a mapping; is this the right file?");
    r.only_keys(root,
                {"config_version", "coverage_lines", "parameters", "signals", "queues", "study_terms", "campaigns",
                 "quality_control", "forecast"},
                "");
    Config c;
    c.source_path = source;
    c.config_version = r.string(r.require(root, "config_version", ""), "config_version");
    c.coverage_lines = read_lines(r, r.require(root, "coverage_lines", ""));
    c.parameters = read_parameters(r, r.require(root, "parameters", ""));
    c.signals = read_signals(r, r.require(root, "signals", ""));
    c.queues = read_queues(r, r.require(root, "queues", ""));
    c.study_terms = read_terms(r, r.require(root, "study_terms", ""));
    c.campaigns = read_campaigns(r, root["campaigns"]);
    c.qc_sample_size = read_quality_control(r, root["quality_control"]);
    c.forecast = read_forecast(r, root["forecast"]);
    return c;
}

}  // namespace

Config load_config_text(const std::string& text, const std::string& source_name) {
    const YamlReader reader(source_name);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        throw ConfigError(source_name + ":" + std::to_string(e.mark.line + 1) + ":" +
                          std::to_string(e.mark.column + 1) + ": (syntax): " + e.msg + "; fix the YAML syntax");
    }
    if (root.IsNull() && root.Mark().line < 0) {
        // Empty, or comments only: no node to point at, so the message names line 1 (fuzzing found it).
        throw ConfigError(source_name + ":1:1: (top level): the file holds no settings; is this the right file?");
    }
    try {
        reader.refuse_duplicate_keys(root);
        return read_document(reader, root, source_name);
    } catch (const YAML::Exception& e) {
        throw ConfigError(source_name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
}

Config load_config(const std::string& path) {
    return load_config_text(read_config_file(path), path);
}

}  // namespace supervision::config
