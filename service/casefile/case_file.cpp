#include "casefile/case_file.h"

#include "casefile/evidence_text.h"
#include "config/dated_parameter.h"
#include "rules/dates.h"
#include "version.h"

#include <map>
#include <optional>
#include <set>

namespace supervision::casefile {

namespace {

using Json = nlohmann::json;

std::string str(const Json& row, const char* key) {
    return row.is_object() && row.contains(key) && row[key].is_string() ? row[key].get<std::string>() : std::string();
}

bool is(const Json& row, const char* key, const char* value) {
    return str(row, key) == value;
}

std::optional<rules::Day> day_of(const Json& row, const char* key) {
    return rules::parse_iso_date(str(row, key));
}

// The runs and configurations the steps name.
class Ledger {
public:
    explicit Ledger(const CaseData& d) : d_(d) {}

    // "run 7 of 2025-11-04" (its configuration and release are in the runs list).
    std::string run_text(const Json& run_id) const {
        if (!run_id.is_number()) return "no run";
        const auto it = d_.runs.find(run_id.get<long long>());
        std::string s = "run " + std::to_string(run_id.get<long long>());
        if (it != d_.runs.end()) s += " of " + str(it->second, "as_of");
        return s;
    }

    // The configuration a run used; null when the run or its snapshot is not stored.
    const Json* config_of(const Json& run_id) const {
        if (!run_id.is_number()) return nullptr;
        const auto run = d_.runs.find(run_id.get<long long>());
        if (run == d_.runs.end()) return nullptr;
        const auto cfg = d_.configs.find(str(run->second, "config_digest"));
        return cfg == d_.configs.end() ? nullptr : &cfg->second;
    }

private:
    const CaseData& d_;
};

// A dated parameter as stored in a configuration snapshot (config/canonical.cpp).
config::DatedParameter parameter_of(const Json& entries) {
    std::vector<config::DatedValue> values;
    for (const auto& e : entries.is_array() ? entries : Json::array()) {
        const auto from = rules::parse_iso_date(e.value("from", std::string()));
        if (!from || !e.contains("value") || !e["value"].is_number()) continue;
        values.push_back({e.value("basis", std::string(config::kAny)), e.value("sequence", std::string(config::kAny)),
                          *from, e["value"].get<double>()});
    }
    return config::DatedParameter("", values);
}

// {"value", "in_force_from"} of the entry in force on the day, or null.
Json in_force(const Json* config, const std::vector<std::string>& path, const std::optional<rules::Day>& day,
              const std::string& basis = config::kAny, const std::string& sequence = config::kAny) {
    if (config == nullptr || !day) return Json();
    const Json* at = config;
    for (const auto& key : path) {
        if (!at->is_object() || !at->contains(key)) return Json();
        at = &(*at)[key];
    }
    const auto p = parameter_of(*at);
    const auto* e = p.entry_on(*day, basis, sequence);
    if (e == nullptr) return Json();
    return {{"value", e->value}, {"in_force_from", rules::to_iso(e->from)}};
}

// "30 days (in force from 2000-01-01)".
std::string value_text(const Json& p, const std::string& unit = "") {
    if (!p.is_object()) return "(not in the stored configuration)";
    return figure(p["value"]) + (unit.empty() ? "" : " " + unit) + " (in force from " + str(p, "in_force_from") + ")";
}

// The queue a basis goes to (rules.md §6): the configured queue naming it, else general.
std::string queue_of(const Json* config, const std::string& basis) {
    if (config != nullptr && config->contains("queues")) {
        for (const auto& [name, q] : (*config)["queues"].items()) {
            for (const auto& b : q.value("bases", Json::array())) {
                if (b == basis) return name;
            }
        }
    }
    return "general";
}

Json without(Json row, std::initializer_list<const char*> keys) {
    for (const char* k : keys) row.erase(k);
    return row;
}

// --- the permit and why it is supervised ------------------------------------------------

std::string end_reason_text(const std::string& reason) {
    if (reason == "expired") return "the permit expired";
    if (reason == "revoked") return "the permit was revoked";
    if (reason == "withdrawn") return "the permit was withdrawn";
    if (reason == "deceased") return "the holder died";
    return reason;
}

Json coverage_line(const Ledger& ledger, const Json& permit) {
    const Json* cfg = ledger.config_of(permit["enrolled_run"]);
    if (cfg == nullptr || !cfg->contains("coverage_lines")) return Json();
    for (const auto& l : (*cfg)["coverage_lines"]) {
        if (l.value("id", std::string()) == str(permit, "line_id")) return l;
    }
    return Json();
}

std::vector<std::string> condition_sentences(const Json& permit, const Json& line) {
    std::vector<std::string> out;
    const int months = line.value("validity_months", 0);
    const bool at_least = line.value("validity", std::string()) == "at_least";
    const auto from = day_of(permit, "valid_from");
    const auto until = day_of(permit, "valid_until");
    const std::string measure = std::string(at_least ? "at least " : "more than ") + std::to_string(months) + " months";
    if (from && until) {
        const bool holds = at_least ? rules::valid_at_least_months(*from, *until, months)
                                    : rules::valid_more_than_months(*from, *until, months);
        out.push_back("Validity: the line needs a permit valid for " + measure + ". " + rules::to_iso(*from) +
                      " plus " + std::to_string(months) + " months is " +
                      rules::to_iso(rules::add_months(*from, months)) + "; the permit is valid through " +
                      rules::to_iso(*until) + ", so the condition " +
                      (holds ? "holds." : "does not hold by the register as it stands now."));
    } else {
        out.push_back("Validity: the line needs a permit valid for " + measure + "; the register's validity dates (" +
                      str(permit, "valid_from") + " to " + str(permit, "valid_until") + ") cannot be judged now.");
    }
    const std::string field = line.value("scope_field", std::string());
    const char* column = field == "valid_from" ? "valid_from" : "decision_date";
    const auto scoped = day_of(permit, column);
    const auto scope_from = rules::parse_iso_date(line.value("scope_from", std::string()));
    const std::string what = field == "valid_from" ? "valid from" : "decided on";
    if (scoped && scope_from) {
        out.push_back("Scope: the line takes permits " + what + " " + rules::to_iso(*scope_from) +
                      " or later; this one is " + what + " " + rules::to_iso(*scoped) + ", so the condition " +
                      (*scoped >= *scope_from ? "holds." : "does not hold by the register as it stands now."));
    } else {
        out.push_back("Scope: the line takes permits " + what + " " + line.value("scope_from", std::string()) +
                      " or later; the register's date (" + str(permit, column) + ") cannot be judged now.");
    }
    return out;
}

Json supervision_section(const Ledger& ledger, const Json& permit) {
    Json s{{"line_id", permit["line_id"]},           {"enrolled_on", permit["enrolled_on"]},
           {"enrolled_run", permit["enrolled_run"]}, {"ended_on", permit["ended_on"]},
           {"end_reason", permit["end_reason"]},     {"ended_run", permit["ended_run"]}};
    const Json line = coverage_line(ledger, permit);
    s["line"] = line;
    std::vector<std::string> out;
    out.push_back("Under supervision since " + str(permit, "enrolled_on") + ": enrolled by " +
                  ledger.run_text(permit["enrolled_run"]) + " under the coverage line " + str(permit, "line_id") +
                  (line.is_object() ? " (in force from " + line.value("effective_from", std::string()) + ")" : "") +
                  ".");
    if (line.is_object()) {
        std::vector<std::string> bases;
        for (const auto& b : line.value("bases", Json::array())) bases.push_back(text_of(b));
        out.push_back("The line takes " + line.value("sequence", std::string()) + " permits on the basis " +
                      joined(bases) + ".");
        if (permit["in_register"].get<bool>()) {
            for (auto& c : condition_sentences(permit, line)) out.push_back(c);
        }
    } else {
        out.push_back("The configuration of the enrolling run is not stored: the line's conditions cannot be shown.");
    }
    if (!permit["in_register"].get<bool>()) {
        out.push_back(
            "The permit's row is no longer in the register: the enrolment stays, and the permit is not "
            "evaluated while the row is missing.");
    }
    const Json rejected = permit.value("rejected_reasons", Json::array());
    if (!rejected.empty()) {
        std::vector<std::string> reasons;
        for (const auto& r : rejected) reasons.push_back(text_of(r));
        out.push_back("The last run rejected the permit's register row (" + joined(reasons) +
                      "): while it is rejected the permit is not evaluated, and its signals and backlog place stay as "
                      "they are.");
    }
    if (permit["ended_on"].is_string()) {
        out.push_back("Supervision ended on " + str(permit, "ended_on") + ": " +
                      end_reason_text(str(permit, "end_reason")) + " (" + ledger.run_text(permit["ended_run"]) + ").");
    } else {
        out.push_back("Supervision continues.");
    }
    s["sentences"] = out;
    return s;
}

Json permit_section(const Json& p) {
    return without(
        p, {"asked", "person_id", "line_id", "enrolled_on", "enrolled_run", "ended_on", "end_reason", "ended_run"});
}

// --- explanations and signals ----------------------------------------------------------

Json explanations_section(const CaseData& d, const std::string& as_of) {
    Json out = Json::array();
    for (auto e : d.explanations) {
        std::string s = "Recorded by " + str(e, "recorded_by") + " at " + str(e, "recorded_at") +
                        " (Helsinki time): " + signal_title(str(e, "signal_type")) + " is explained until " +
                        str(e, "explained_until") + ", because: \u201c" + str(e, "reason") + "\u201d.";
        if (e["superseded_by"].is_number()) {
            s += " Superseded by explanation " + std::to_string(e["superseded_by"].get<long long>()) + ".";
        } else if (e["in_force"].get<bool>()) {
            s += " In force on " + as_of + ": the permit's open " + str(e, "signal_type") +
                 " signals count 0 in the score until then.";
        } else {
            s += " Not in force on " + (as_of.empty() ? std::string("any run's day") : as_of) + ".";
        }
        e["sentence"] = s;
        out.push_back(e);
    }
    return out;
}

std::set<std::string> explained_types(const CaseData& d) {
    std::set<std::string> out;
    for (const auto& e : d.explanations) {
        if (e["in_force"].get<bool>()) out.insert(str(e, "signal_type"));
    }
    return out;
}

std::string resolution_text(const std::string& r) {
    if (r == "condition_ended") return "the condition no longer held";
    if (r == "supervision_ended") return "supervision ended";
    return r;
}

Json signals_section(const CaseData& d, const Ledger& ledger, const std::set<std::string>& explained) {
    Json out = Json::array();
    for (auto s : d.signals) {
        const std::string type = str(s, "signal_type");
        s["title"] = signal_title(type);
        s["sentences"] = describe_evidence(type, s["evidence"]);
        const bool open = is(s, "status", "open");
        const bool unreviewed = open && s["review_id"].is_null();
        s["explained_on_as_of"] = open && explained.count(type) != 0;
        s["counts_in_score"] = unreviewed && explained.count(type) == 0;
        std::vector<std::string> steps;
        steps.push_back("Raised on " + str(s, "raised_on") + " by " + ledger.run_text(s["raised_run"]) +
                        "; the period looked at runs from " + str(s, "period_start") + " to " + str(s, "period_end") +
                        ".");
        if (s["review_id"].is_number()) {
            steps.push_back("Linked to review " + std::to_string(s["review_id"].get<long long>()) + " by " +
                            ledger.run_text(s["linked_run"]) + ".");
        }
        if (open) {
            steps.push_back(unreviewed ? (s["counts_in_score"].get<bool>()
                                              ? "Open and not yet reviewed: it counts in the score."
                                              : "Open and not yet reviewed, but explained by a supervisor: it counts "
                                                "0 in the score.")
                                       : "Open.");
        } else {
            steps.push_back("Resolved on " + str(s, "resolved_on") + " by " + ledger.run_text(s["resolved_run"]) +
                            ": " + resolution_text(str(s, "resolution")) + ".");
        }
        s["steps"] = steps;
        out.push_back(s);
    }
    return out;
}

// --- the score and the queue ------------------------------------------------------------

Json decision_section(const CaseData& d, const Ledger& ledger, const Json& permit, const Json& signals) {
    Json out;
    const Json& last = d.last_run;
    const std::string as_of = str(last, "as_of");
    const auto day = rules::parse_iso_date(as_of);
    const Json* cfg = last.is_object() ? ledger.config_of(last["run_id"]) : nullptr;
    const std::string basis = str(permit, "basis"), sequence = str(permit, "sequence");
    double score = 0, explained_weight = 0;
    Json counted = Json::array(), explained = Json::array();
    for (const auto& s : signals) {
        if (!is(s, "status", "open") || !s["review_id"].is_null()) continue;
        if (s["counts_in_score"].get<bool>()) {
            score += s["weight"].get<double>();
            counted.push_back(s["signal_id"]);
        } else {
            explained_weight += s["weight"].get<double>();
            explained.push_back(s["signal_id"]);
        }
    }
    const Json threshold = in_force(cfg, {"parameters", "review_threshold"}, day);
    const Json cooldown = in_force(cfg, {"parameters", "cooldown_days"}, day);
    const std::string queue = d.backlog.is_object() ? str(d.backlog, "queue") : queue_of(cfg, basis);
    const Json capacity = in_force(cfg, {"queues", queue, "daily_capacity"}, day);
    out["as_of"] = last.is_object() ? last["as_of"] : Json();
    out["score"] = score;
    out["counted_signals"] = counted;
    out["explained_signals"] = explained;
    out["explained_weight"] = explained_weight;
    out["threshold"] = threshold;
    out["queue"] = queue;
    out["daily_capacity"] = capacity;
    std::vector<std::string> sentences;
    if (!last.is_object()) {
        out["state"] = "no_run";
        sentences.push_back("No run has completed: nothing has been judged yet.");
        out["sentences"] = sentences;
        return out;
    }
    std::string score_text = "On " + as_of + " (the day of the last completed run, " + ledger.run_text(last["run_id"]) +
                             ") the unreviewed open signals score " + figure(score);
    if (!explained.empty())
        score_text += " (signals weighing " + figure(explained_weight) + " are explained and count 0)";
    score_text += "; the threshold for a review is " + value_text(threshold) + ".";
    const bool reaches = threshold.is_object() && score >= threshold["value"].get<double>() && !counted.empty();
    out["reaches_threshold"] = reaches;
    Json active;
    for (const auto& r : d.reviews) {
        if (r["permit_id"] == d.permit_id && (is(r, "status", "open") || is(r, "status", "hearing"))) active = r;
    }
    Json last_no_action;
    for (const auto& r : d.reviews) {
        if (r["permit_id"] == d.permit_id && is(r, "outcome", "no_action")) last_no_action = r;
    }
    if (active.is_object()) {
        out["state"] = is(active, "status", "hearing") ? "review_in_hearing" : "review_open";
        out["review_id"] = active["review_id"];
        sentences.push_back("Review " + std::to_string(active["review_id"].get<long long>()) + " is " +
                            (is(active, "status", "hearing") ? "in hearing" : "open") + " in the " +
                            str(active, "queue") + " queue since " + str(active, "opened_on") + ", due on " +
                            str(active, "due_on") +
                            ". New signals are linked to it; no second review opens while it is open.");
        if (!counted.empty() || !explained.empty()) sentences.push_back(score_text);
    } else if (permit["ended_on"].is_string()) {
        out["state"] = "supervision_ended";
        sentences.push_back("Supervision ended on " + str(permit, "ended_on") + ": no review opens.");
    } else if (d.backlog.is_object()) {
        out["state"] = "backlog";
        out["rank"] = d.backlog["rank"];
        out["of"] = d.backlog["waiting"];
        out["backlog_since"] = d.backlog["since"];
        out["backlog_score"] = d.backlog["score"];
        sentences.push_back(score_text);
        sentences.push_back("A review candidate with the score " + figure(d.backlog["score"]) +
                            " as the last run computed it. No review has opened for lack of capacity: the permit waits "
                            "in the backlog of the " +
                            queue + " queue since " + str(d.backlog, "since") + ", at rank " +
                            std::to_string(d.backlog["rank"].get<long long>()) + " of " +
                            std::to_string(d.backlog["waiting"].get<long long>()) +
                            " (by score, then the earliest signal, then permit id). The queue opens at most " +
                            value_text(capacity, "reviews a day") + ".");
    } else if (last_no_action.is_object() && cooldown.is_object() && day && day_of(last_no_action, "closed_on") &&
               (*day - *day_of(last_no_action, "closed_on")).count() < cooldown["value"].get<double>()) {
        out["state"] = "cooldown";
        const auto until =
            *day_of(last_no_action, "closed_on") + date::days{static_cast<int>(cooldown["value"].get<double>())};
        out["cooldown_until"] = rules::to_iso(until);
        sentences.push_back(score_text);
        sentences.push_back("Review " + std::to_string(last_no_action["review_id"].get<long long>()) +
                            " closed with no action on " + str(last_no_action, "closed_on") +
                            ": no new review opens for " + value_text(cooldown, "days") + ", until " +
                            rules::to_iso(until) + ".");
    } else if (counted.empty() && explained.empty()) {
        out["state"] = "no_unreviewed_signal";
        sentences.push_back("No open signal waits for review on " + as_of + ": there is nothing to score.");
    } else if (reaches) {
        out["state"] = "candidate_next_run";
        sentences.push_back(score_text);
        sentences.push_back(
            "The score reaches the threshold, but the last run did not hold the permit as a candidate "
            "(a review closed, or the permit was not evaluated, after it): the next run decides.");
    } else {
        out["state"] = "below_threshold";
        sentences.push_back(score_text);
        sentences.push_back("The score is below the threshold: no review.");
    }
    out["sentences"] = sentences;
    return out;
}

// --- reviews and their history ----------------------------------------------------------

std::string value_in_history(const std::string& key, const Json& v) {
    if (v.is_null()) return "none";
    if (key == "evidence")
        return "the evidence of " + std::to_string(v.value("signals", Json::array()).size()) + " signals";
    return text_of(v);
}

// What one audit row changed ("status from open to hearing"), and who did it.
std::string audit_change(const Json& a) {
    const Json before = a["old_values"].is_object() ? a["old_values"] : Json::object();
    const Json after = a["new_values"].is_object() ? a["new_values"] : Json::object();
    if (is(a, "operation", "INSERT")) {
        return "opened: status " + value_in_history("status", after.value("status", Json())) + ", priority " +
               value_in_history("priority", after.value("priority", Json())) + ", due on " +
               value_in_history("due_on", after.value("due_on", Json())) + ".";
    }
    if (is(a, "operation", "DELETE")) return "deleted.";
    std::vector<std::string> changes;
    // The lifecycle's columns first, in the order a case moves.
    const std::vector<std::string> order{"status", "outcome", "closed_on", "priority", "due_on"};
    std::set<std::string> keys;
    for (const auto& [k, v] : after.items()) keys.insert(k);
    for (const auto& [k, v] : before.items()) keys.insert(k);
    auto change = [&](const std::string& k) {
        changes.push_back(k + " from " + value_in_history(k, before.value(k, Json())) + " to " +
                          value_in_history(k, after.value(k, Json())));
        keys.erase(k);
    };
    for (const auto& k : order) {
        if (keys.count(k) != 0) change(k);
    }
    for (const auto& k : std::set<std::string>(keys)) change(k);
    return "changed " + joined(changes) + ".";
}

std::string audit_who(const Json& a) {
    std::string who = str(a, "changed_by");
    if (!str(a, "acting_role").empty() && str(a, "acting_role") != who) who += " acting as " + str(a, "acting_role");
    if (!str(a, "application").empty()) who += " (" + str(a, "application") + ")";
    return who;
}

Json reviews_section(const CaseData& d, const Ledger& ledger) {
    Json out = Json::array();
    for (const auto& r : d.reviews) {
        if (r["permit_id"] != d.permit_id) continue;
        Json v = without(r, {"evidence", "permit_id"});
        const Json* cfg = ledger.config_of(r["opened_run"]);
        const auto opened = day_of(r, "opened_on");
        const Json threshold = in_force(cfg, {"parameters", "review_threshold"}, opened);
        const Json sla = in_force(cfg, {"queues", str(r, "queue"), "sla_days"}, opened);
        v["score_at_opening"] = r["evidence"].value("score", Json());
        v["threshold_at_opening"] = threshold;
        v["sla_days_at_opening"] = sla;
        Json shown = Json::array();
        for (const auto& s : r["evidence"].value("signals", Json::array())) {
            const std::string type = s.value("signal_type", std::string());
            shown.push_back({{"signal_id", s.value("signal_id", Json())},
                             {"signal_type", type},
                             {"title", signal_title(type)},
                             {"weight", s.value("weight", Json())},
                             {"raised_on", s.value("raised_on", Json())},
                             {"period_start", s.value("period_start", Json())},
                             {"period_end", s.value("period_end", Json())},
                             {"sentences", describe_evidence(type, s.value("evidence", Json::object()))}});
        }
        v["signals_at_opening"] = shown;
        Json later = Json::array();
        for (const auto& s : d.signals) {
            if (s["review_id"] == r["review_id"] && s["linked_run"] != r["opened_run"]) later.push_back(s["signal_id"]);
        }
        v["signals_linked_later"] = later;
        Json history = Json::array();
        for (const auto& a : d.audit) {
            if (a["review_id"] != r["review_id"]) continue;
            Json h = without(a, {"review_id"});
            h["change"] = audit_change(a);
            h["sentence"] = str(a, "changed_at") + ": " + audit_who(a) + " " + h["change"].get<std::string>();
            history.push_back(h);
        }
        v["history"] = history;
        std::vector<std::string> s;
        s.push_back(
            "Opened on " + str(r, "opened_on") + " by " + ledger.run_text(r["opened_run"]) + " in the " +
            str(r, "queue") + " queue: the score " + text_of(v["score_at_opening"]) + " reached the threshold " +
            value_text(threshold) + ". Due on " + str(r, "due_on") +
            (sla.is_object() ? ", the queue's time for a decision being " + value_text(sla, "days") : std::string()) +
            "; priority " + figure(r["priority"]) + ".");
        s.push_back("The official was shown " + std::to_string(shown.size()) + " signal" +
                    (shown.size() == 1 ? "" : "s") + " at opening (below, as they stood then).");
        if (!later.empty()) {
            std::vector<std::string> ids;
            for (const auto& id : later) ids.push_back(text_of(id));
            s.push_back("Signals linked after opening: " + joined(ids) + ".");
        }
        if (is(r, "status", "closed")) {
            s.push_back("Closed on " + str(r, "closed_on") + " with the outcome " +
                        (is(r, "outcome", "revoked") ? "revoked" : "no action") + ".");
        } else {
            s.push_back(std::string("Status: ") + (is(r, "status", "hearing") ? "in hearing." : "open."));
        }
        v["sentences"] = s;
        out.push_back(v);
    }
    return out;
}

// --- events, other permits, runs --------------------------------------------------------

Json events_section(const CaseData& d, const Ledger& ledger) {
    static const std::map<std::string, std::string> kinds{
        {"review_opened", "a review opened"},
        {"signals_linked", "new signals linked to the open review"},
        {"priority_raised", "the review's priority raised"},
        {"supervision_ended_with_open_review", "supervision ended while a review was open"}};
    Json out = Json::array();
    for (auto e : d.events) {
        const auto it = kinds.find(str(e, "kind"));
        std::string s = str(e, "created_at") + ": " + ledger.run_text(e["run_id"]) +
                        " told the case system: " + (it == kinds.end() ? str(e, "kind") : it->second);
        if (e["review_id"].is_number()) s += " (review " + std::to_string(e["review_id"].get<long long>()) + ")";
        e["sentence"] = s + ".";
        out.push_back(e);
    }
    return out;
}

Json other_permits_section(const CaseData& d) {
    Json out = Json::array();
    for (const auto& p : d.permits) {
        if (p["asked"].get<bool>()) continue;
        Json o = without(p, {"asked", "person_id", "employer_id", "company_id", "institution_id",
                             "required_monthly_income", "enrolled_run", "ended_run"});
        Json reviews = Json::array();
        std::vector<std::string> outcomes;
        for (const auto& r : d.reviews) {
            if (r["permit_id"] != p["permit_id"]) continue;
            reviews.push_back(without(r, {"evidence", "permit_id", "priority", "opened_run"}));
            outcomes.push_back("review " + std::to_string(r["review_id"].get<long long>()) + " opened " +
                               str(r, "opened_on") +
                               (is(r, "status", "closed") ? ", closed " + str(r, "closed_on") + ": " +
                                                                (is(r, "outcome", "revoked") ? "revoked" : "no action")
                                                          : std::string(", ") + str(r, "status")));
        }
        o["reviews"] = reviews;
        std::string s = str(p, "permit_id") + ": " +
                        (p["in_register"].get<bool>()
                             ? str(p, "basis") + ", " + str(p, "sequence") + ", valid " + str(p, "valid_from") +
                                   " to " + str(p, "valid_until") + ", " + str(p, "status")
                             : std::string("no longer in the register"));
        if (p["enrolled_on"].is_string()) {
            s += "; supervised from " + str(p, "enrolled_on") +
                 (p["ended_on"].is_string()
                      ? " to " + str(p, "ended_on") + " (" + end_reason_text(str(p, "end_reason")) + ")"
                      : std::string(", still supervised"));
        } else {
            s += "; never under supervision";
        }
        s += outcomes.empty() ? "; no review." : "; " + joined(outcomes) + ".";
        o["sentence"] = s;
        out.push_back(o);
    }
    return out;
}

}  // namespace

nlohmann::json case_file(const CaseData& d, const Subject& subject) {
    const Ledger ledger(d);
    const Json& permit = d.permits.at(0);
    Json j;
    j["case_file"] = {
        {"permit_id", d.permit_id},
        {"asked_for", subject.review_id ? Json{{"review_id", *subject.review_id}} : Json{{"permit_id", d.permit_id}}},
        {"service_version", kServiceVersion}};
    j["judged_on"] = d.last_run;
    j["holder"] = {{"person_id", permit["person_id"]}};
    j["permit"] = permit_section(permit);
    j["supervision"] = supervision_section(ledger, permit);
    const std::string as_of = str(d.last_run, "as_of");
    const auto explained = explained_types(d);
    j["signals"] = signals_section(d, ledger, explained);
    j["decision"] = decision_section(d, ledger, permit, j["signals"]);
    j["explanations"] = explanations_section(d, as_of);
    j["reviews"] = reviews_section(d, ledger);
    j["events"] = events_section(d, ledger);
    j["other_permits"] = other_permits_section(d);
    j["runs"] = Json::array();
    for (const auto& [id, run] : d.runs) j["runs"].push_back(run);
    return j;
}

nlohmann::json load_case_file(pqxx::connection& conn, const Subject& subject) {
    pqxx::transaction<pqxx::isolation_level::repeatable_read, pqxx::read_only> tx(conn, "explain");
    const auto data = load_case(tx, subject);
    auto doc = case_file(data, subject);
    tx.commit();
    return doc;
}

}  // namespace supervision::casefile
