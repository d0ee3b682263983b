#include "casefile/evidence_text.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace supervision::casefile {

namespace {

using Json = nlohmann::json;
using Sentences = std::vector<std::string>;

// The keys common_evidence.sql adds to every signal; described once, at the end.
const std::set<std::string> kCommonKeys{"signal_type",   "rule",   "config_version",
                                        "config_digest", "weight", "weight_in_force_from"};

// The registers whose completeness the rules record, as "<source>_complete_through".
const std::map<std::string, std::string>& register_names() {
    static const std::map<std::string, std::string> names{{"incomes", "the Incomes Register"},
                                                          {"population", "the population register"},
                                                          {"companies", "the trade register"},
                                                          {"studies", "the study register"},
                                                          {"benefits", "Kela's benefit register"}};
    return names;
}

bool has(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && !j[key].is_null();
}

std::string with_thousands(long long whole) {
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return (whole < 0 ? "-" : "") + digits;
}

std::string plural(long long n, const std::string& one, const std::string& many) {
    return with_thousands(n) + " " + (n == 1 || n == -1 ? one : many);
}

long long whole_of(const Json& v) {
    return v.is_number() ? static_cast<long long>(std::llround(v.get<double>())) : 0;
}

// "3 months (in force from 2000-01-01)" from {"value": 3, "in_force_from": "2000-01-01"}.
std::string dated(const Json& p, const std::string& one, const std::string& many) {
    if (!p.is_object() || !has(p, "value")) return "an unrecorded number of " + many;
    std::string out = plural(whole_of(p["value"]), one, many);
    if (has(p, "in_force_from")) out += " (in force from " + text_of(p["in_force_from"]) + ")";
    return out;
}

std::string grace_sentence(const Json& e) {
    if (!has(e, "grace_months")) return "";
    const long long g = whole_of(e["grace_months"]);
    if (g == 0) return "Every month of the permit's validity is evaluated (no grace months).";
    return "The first " + plural(g, "month", "months") + " of the permit's validity are not evaluated (grace).";
}

void add(Sentences& out, const std::string& s) {
    if (!s.empty()) out.push_back(s);
}

void income_below_requirement(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"months", "average_income", "average_requirement", "window_months", "grace_months"});
    const Json months = e.value("months", Json::array());
    std::vector<std::string> names;
    for (const auto& m : months) names.push_back(text_of(m.value("month", Json())));
    if (has(e, "average_income") && has(e, "average_requirement")) {
        add(out, "Over the " + plural(static_cast<long long>(months.size()), "month", "months") + " " + joined(names) +
                     ", the holder's gross income averaged " + money(e["average_income"]) +
                     " a month, below the average requirement of " + money(e["average_requirement"]) + ".");
    }
    for (const auto& m : months) {
        std::string s = text_of(m.value("month", Json())) + ": income " + money(m.value("income", Json())) +
                        " against a requirement of " + money(m.value("requirement", Json()));
        if (m.value("requirement_source", std::string()) == "permit") {
            s += " (the permit's own requirement)";
        } else if (has(m, "requirement_in_force_from")) {
            s += " (the configured requirement in force from " + text_of(m["requirement_in_force_from"]) + ")";
        }
        add(out, s + ".");
    }
    add(out, "The rule averages the last " +
                 dated(e.value("window_months", Json()), "evaluation month", "evaluation months") +
                 " and needs income above zero in at least one of them.");
    add(out, grace_sentence(e));
}

void no_income(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"months", "income_in_months", "unemployment_months", "long_work_history_from",
                 "long_work_history_days", "grace_months"});
    std::vector<std::string> names;
    for (const auto& m : e.value("months", Json::array())) names.push_back(text_of(m));
    add(out, "No income was reported for the holder in any of the " +
                 plural(static_cast<long long>(names.size()), "month", "months") + " " + joined(names) + " (total " +
                 money(e.value("income_in_months", Json(0))) + ").");
    const Json period = e.value("unemployment_months", Json());
    const std::string rule = period.is_object() ? period.value("rule", std::string()) : std::string();
    std::string why = "the general period";
    if (rule == "basis") why = "the long period for specialists and EU Blue Card holders";
    if (rule == "work_history") why = "the long period for a long work history";
    add(out, "The period allowed without income is " + dated(period, "month", "months") + ": " + why + ".");
    if (has(e, "long_work_history_days")) {
        const std::string days = plural(whole_of(e["long_work_history_days"]), "day", "days");
        if (has(e, "long_work_history_from")) {
            add(out, "The holder's work-based permits reach a work history of " + days + " on " +
                         text_of(e["long_work_history_from"]) + ".");
        } else {
            add(out, "The holder's work-based permits do not reach a work history of " + days + ".");
        }
    }
    add(out, grace_sentence(e));
}

void employment_ended(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"notices", "income_after_end_month"});
    for (const auto& n : e.value("notices", Json::array())) {
        std::string s = "Employer " + text_of(n.value("employer_id", Json())) + " reported (notice " +
                        text_of(n.value("notice_id", Json())) + ") that the employment ended on " +
                        text_of(n.value("employment_ended_on", Json())) + ". ";
        const long long after = whole_of(n.value("complete_months_after", Json(0)));
        if (after == 0) {
            s += "No month after the end month is complete in the Incomes Register yet: the notice alone raises the "
                 "signal.";
        } else {
            s += "No income has been reported in the " + plural(after, "complete month", "complete months") +
                 " after the end month (total " + money(e.value("income_after_end_month", Json(0))) + ").";
        }
        add(out, s);
    }
}

void emigrated(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"event_id", "event_type", "event_date", "valid_from"});
    add(out, "The population register records the holder's emigration on " + text_of(e.value("event_date", Json())) +
                 " (event " + text_of(e.value("event_id", Json())) + "), on or after the permit's validity began on " +
                 text_of(e.value("valid_from", Json())) + ". No return is recorded after it.");
}

void not_moved_to_finland(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"valid_from", "expected_registration_by", "registered_events"});
    add(out, "The permit became valid on " + text_of(e.value("valid_from", Json())) +
                 "; the holder was to be registered as living in Finland by " +
                 text_of(e.value("expected_registration_by", Json())) + ", three months later.");
    add(out, "The population register records " +
                 plural(whole_of(e.value("registered_events", Json(0))), "registration", "registrations") +
                 " of the holder.");
}

void company_inactive(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"company_id", "status", "status_date"});
    add(out, "The trade register's latest status of the holder's company " + text_of(e.value("company_id", Json())) +
                 " is '" + text_of(e.value("status", Json())) + "', dated " + text_of(e.value("status_date", Json())) +
                 ". The company is not operating.");
}

std::string term_text(const Json& t) {
    return text_of(t.value("name", Json())) + " term " + text_of(t.value("start", Json())) + " to " +
           text_of(t.value("end", Json()));
}

std::string term_status(const Json& t) {
    std::string s = t.value("status", std::string());
    if (s == "no_record") return "no study record";
    if (s == "absent_or_withdrawn") return "registered absent or withdrawn only";
    if (s == "present") return "attending, " + figure(t.value("credits", Json(0))) + " credits";
    if (s == "graduated") return "graduated";
    return s;
}

void study_inactive(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"reason", "latest_term", "previous_term", "grace_months"});
    const Json latest = e.value("latest_term", Json());
    const Json previous = e.value("previous_term", Json());
    if (e.value("reason", std::string()) == "two_terms_without_credits" && previous.is_object()) {
        add(out, "The holder attended the last two terms looked at and earned no credits in either: the " +
                     term_text(previous) + " (" + term_status(previous) + ") and the " + term_text(latest) + " (" +
                     term_status(latest) + ").");
    } else if (latest.is_object()) {
        add(out, "In the latest term looked at, the " + term_text(latest) + ", the study register shows " +
                     term_status(latest) + ".");
        if (previous.is_object()) {
            add(out, "The term before, the " + term_text(previous) + ", shows " + term_status(previous) + ".");
        }
    }
    add(out, grace_sentence(e));
}

void student_work_hours_exceeded(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"years", "hours_counted_through"});
    for (const auto& y : e.value("years", Json::array())) {
        const Json year = y.value("year", Json());
        std::string s = "In " + (year.is_number() ? std::to_string(whole_of(year)) : text_of(year)) +
                        " the holder worked " + figure(y.value("hours", Json(0))) +
                        " hours by the Incomes Register, more than the cap of " + figure(y.value("cap", Json())) +
                        " hours a year";
        if (has(y, "cap_in_force_from")) s += " (in force from " + text_of(y["cap_in_force_from"]) + ")";
        add(out, s + ".");
    }
    if (has(e, "hours_counted_through")) {
        add(out, "Hours are counted from every payer, through " + text_of(e["hours_counted_through"]) + ".");
    }
}

void social_assistance(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"payments", "window_months", "grace_months"});
    for (const auto& p : e.value("payments", Json::array())) {
        add(out, "Basic social assistance of " + money(p.value("amount", Json())) + " was paid for " +
                     text_of(p.value("period_start", Json())) + " to " + text_of(p.value("period_end", Json())) +
                     " (payment " + text_of(p.value("payment_id", Json())) + ").");
    }
    add(out, "The rule looks at the last " +
                 dated(e.value("window_months", Json()), "evaluation month", "evaluation months") + ".");
    add(out, grace_sentence(e));
}

std::string list_or(const Json& items, const std::string& none) {
    std::vector<std::string> out;
    for (const auto& i : items.is_array() ? items : Json::array()) out.push_back(text_of(i));
    return out.empty() ? none : joined(out);
}

void thematic(const Json& e, Sentences& out, std::set<std::string>& used) {
    used.insert({"campaign_id", "active_from", "active_until", "selection", "matched_open_signals"});
    const Json sel = e.value("selection", Json::object());
    std::string s = "The permit is selected by the thematic campaign " + text_of(e.value("campaign_id", Json())) +
                    ", active from " + text_of(e.value("active_from", Json())) + " to " +
                    text_of(e.value("active_until", Json())) + ": permits of the bases " +
                    list_or(sel.value("bases", Json()), "(any)") + ", sequences " +
                    list_or(sel.value("sequences", Json()), "(any)");
    if (has(sel, "decided_from")) s += ", decided from " + text_of(sel["decided_from"]);
    if (has(sel, "decided_until")) s += ", decided until " + text_of(sel["decided_until"]);
    add(out, s + ".");
    const Json wanted = sel.value("with_open_signal", Json::array());
    if (wanted.is_array() && !wanted.empty()) {
        add(out, "The campaign takes only permits with an open signal of " + list_or(wanted, "") +
                     "; this permit has " + list_or(e.value("matched_open_signals", Json()), "none") + ".");
    }
}

using Describer = void (*)(const Json&, Sentences&, std::set<std::string>&);

const std::map<std::string, Describer>& describers() {
    static const std::map<std::string, Describer> d{
        {"income_below_requirement", income_below_requirement},
        {"no_income", no_income},
        {"employment_ended", employment_ended},
        {"emigrated", emigrated},
        {"not_moved_to_finland", not_moved_to_finland},
        {"company_inactive", company_inactive},
        {"study_inactive", study_inactive},
        {"student_work_hours_exceeded", student_work_hours_exceeded},
        {"social_assistance", social_assistance},
        {"thematic", thematic},
    };
    return d;
}

void completeness(const Json& e, Sentences& out, std::set<std::string>& used) {
    for (const auto& [source, name] : register_names()) {
        const std::string key = source + "_complete_through";
        if (!e.contains(key)) continue;
        used.insert(key);
        if (e[key].is_null()) {
            add(out, "No complete period was recorded for " + name + ".");
        } else {
            add(out, "Figures from " + name + ", complete through " + text_of(e[key]) + ".");
        }
    }
}

void common(const Json& e, Sentences& out) {
    if (has(e, "weight")) {
        std::string s = "Weight " + figure(e["weight"]) + " in the score";
        if (has(e, "weight_in_force_from")) s += " (in force from " + text_of(e["weight_in_force_from"]) + ")";
        add(out, s + ".");
    }
    if (has(e, "rule")) {
        std::string s = "Decided by " + text_of(e["rule"]);
        if (has(e, "config_version")) s += " under configuration " + text_of(e["config_version"]);
        if (has(e, "config_digest")) s += " (digest " + short_digest(text_of(e["config_digest"])) + ")";
        add(out, s + ".");
    }
}

}  // namespace

std::string signal_title(const std::string& type) {
    static const std::map<std::string, std::string> titles{
        {"income_below_requirement", "Income below the requirement"},
        {"no_income", "No income"},
        {"employment_ended", "Employment ended"},
        {"emigrated", "Emigrated"},
        {"not_moved_to_finland", "Not moved to Finland"},
        {"company_inactive", "Company not operating"},
        {"study_inactive", "Studies not progressing"},
        {"student_work_hours_exceeded", "Student's work hours exceeded"},
        {"social_assistance", "Basic social assistance"},
        {"thematic", "Thematic supervision"},
    };
    const auto it = titles.find(type);
    return it == titles.end() ? type : it->second;
}

std::vector<std::string> describe_evidence(const std::string& type, const nlohmann::json& evidence) {
    Sentences out;
    std::set<std::string> used(kCommonKeys);
    const Json e = evidence.is_object() ? evidence : Json::object();
    const auto it = describers().find(type);
    if (it != describers().end()) it->second(e, out, used);
    completeness(e, out, used);
    for (const auto& [key, value] : e.items()) {
        if (used.count(key) == 0)
            out.push_back("Also recorded: " + key + " = " +
                          (value.is_string() ? value.get<std::string>() : value.dump()) + ".");
    }
    common(e, out);
    return out;
}

std::string money(const nlohmann::json& amount) {
    if (!amount.is_number()) return amount.is_string() ? "€" + amount.get<std::string>() : "an unrecorded amount";
    const double v = amount.get<double>();
    const long long cents = std::llround(std::fabs(v) * 100.0);
    char rest[8];
    std::snprintf(rest, sizeof rest, ".%02lld", cents % 100);
    return std::string(v < 0 ? "-" : "") + "€" + with_thousands(cents / 100) + rest;
}

std::string figure(const nlohmann::json& number) {
    if (!number.is_number()) return text_of(number);
    const double v = number.get<double>();
    if (!std::isfinite(v) || std::fabs(v) >= 1e15) return number.dump();
    // At most two decimals, without trailing zeros: 1.5 stays 1.5, 2.999 becomes 3.
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.2f", std::fabs(v));
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    const auto dot = s.find('.');
    const std::string whole = with_thousands(std::stoll(s.substr(0, dot)));
    const bool zero = s == "0";
    return (v < 0 && !zero ? "-" : "") + whole + (dot == std::string::npos ? "" : s.substr(dot));
}

std::string text_of(const nlohmann::json& value) {
    if (value.is_null()) return "none";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return figure(value);
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    return value.dump();
}

std::string short_digest(const std::string& digest) {
    return digest.size() > 12 ? digest.substr(0, 12) + "\u2026" : digest;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

}  // namespace supervision::casefile
