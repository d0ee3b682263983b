// The case file as one printable HTML page for the official who hears the holder and may
// defend a revocation in court: what is decided first, then the permit and why it is
// supervised, each signal in sentences, the explanations, the reviews with their history,
// the holder's other permits and the runs. It shows the JSON document (case_file.h) and
// nothing else. Inline CSS only: no script, no font or image fetched.
#include "casefile/case_html.h"

#include "casefile/evidence_text.h"
#include "reports/html.h"

#include <map>
#include <sstream>

namespace supervision::casefile {

namespace {

using Json = nlohmann::json;
using reports::html::escape;

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:56rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.lead{font-size:1.1rem}.note,.run{color:#555;font-size:.85rem}.run{display:block;margin:.2rem 0}
.state{border-left:4px solid #5b7fa6;padding:.4rem .8rem;background:#f3f6fa}
table{border-collapse:collapse;margin:.4rem 0 1rem}th,td{padding:.25rem .5rem;vertical-align:top;border-bottom:1px solid #ddd;text-align:left;overflow-wrap:anywhere}
table.opening,table.history,#run-table{width:100%}caption{caption-side:bottom;text-align:left;padding-top:.3rem}
th{font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.k{white-space:nowrap}
article{border:1px solid #ddd;border-radius:4px;padding:.2rem .9rem .6rem;margin:.8rem 0;break-inside:avoid}
article.resolved{background:#fafafa}.tag{font-size:.8rem;padding:.05rem .4rem;border-radius:3px;background:#eee;margin-left:.4rem}
.tag.open{background:#fde7c8}.tag.explained{background:#dcebdc}
ul{margin:.3rem 0;padding-left:1.3rem}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}a{color:inherit}}
)";

std::string str(const Json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || j[key].is_null()) return "";
    return j[key].is_string() ? j[key].get<std::string>() : text_of(j[key]);
}

std::string dash(const std::string& s) {
    return s.empty() ? "–" : s;
}

void sentences(std::ostringstream& o, const Json& list, const char* cls = nullptr) {
    if (!list.is_array() || list.empty()) return;
    o << "<ul" << (cls ? std::string(" class=\"") + cls + "\"" : "") << ">";
    for (const auto& s : list) o << "<li>" << escape(s.get<std::string>()) << "</li>";
    o << "</ul>\n";
}

class Page {
public:
    explicit Page(const Json& doc) : d_(doc) {
        for (const auto& r : doc["runs"]) runs_[r["run_id"].get<long long>()] = r;
    }

    std::string render() {
        head();
        decision();
        permit();
        signals();
        explanations();
        reviews();
        events();
        other_permits();
        runs();
        o_ << "<footer class=\"note\"><p>Written by supervision " << escape(str(d_["case_file"], "service_version"))
           << " from the database as it stood when the file was asked for. Times are Helsinki time.</p></footer>\n"
           << "</body>\n</html>\n";
        return o_.str();
    }

private:
    // The run behind a step: its number, day, configuration digest and release.
    void run_line(const Json& run_id, const std::string& step) {
        if (!run_id.is_number()) return;
        const auto it = runs_.find(run_id.get<long long>());
        o_ << "<span class=\"run\">" << escape(step) << ": run " << run_id.get<long long>();
        if (it != runs_.end()) {
            o_ << " of " << escape(str(it->second, "as_of")) << ", configuration "
               << escape(short_digest(str(it->second, "config_digest"))) << ", supervision "
               << escape(str(it->second, "service_version"));
        }
        o_ << "</span>\n";
    }

    void head() {
        const std::string permit = str(d_["case_file"], "permit_id");
        o_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Case file "
           << escape(permit) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
           << "<h1>Case file: residence permit <span id=\"permit-id\">" << escape(permit) << "</span></h1>\n"
           << "<p class=\"note\">Holder <strong id=\"person-id\">" << escape(str(d_["holder"], "person_id"))
           << "</strong>";
        if (d_["judged_on"].is_object()) {
            o_ << " · judged on <span id=\"as-of\">" << escape(str(d_["judged_on"], "as_of"))
               << "</span>, the day of the last completed run (run " << escape(str(d_["judged_on"], "run_id")) << ")";
        }
        if (d_["case_file"]["asked_for"].contains("review_id")) {
            o_ << " · asked for review " << escape(str(d_["case_file"]["asked_for"], "review_id"));
        }
        o_ << "</p>\n";
    }

    void decision() {
        const auto& dec = d_["decision"];
        o_ << "<h2>Where the case stands</h2>\n<div class=\"state\" id=\"decision\" data-state=\""
           << escape(str(dec, "state")) << "\">";
        sentences(o_, dec["sentences"]);
        o_ << "</div>\n<table id=\"score-table\"><tbody>"
           << "<tr><th>Score of the unreviewed open signals</th><td class=\"n\" id=\"decision-score\">"
           << escape(figure(dec["score"])) << "</td></tr>"
           << "<tr><th>Threshold for a review</th><td class=\"n\" id=\"decision-threshold\">"
           << (dec["threshold"].is_object() ? escape(figure(dec["threshold"]["value"])) : "–") << "</td></tr>"
           << "<tr><th>Queue</th><td class=\"n\">" << escape(str(dec, "queue")) << "</td></tr>";
        if (dec.contains("rank")) {
            o_ << "<tr><th>Backlog rank</th><td class=\"n\" id=\"backlog-rank\">" << escape(str(dec, "rank")) << " of "
               << escape(str(dec, "of")) << "</td></tr>";
        }
        if (dec["daily_capacity"].is_object()) {
            o_ << "<tr><th>Reviews the queue opens a day</th><td class=\"n\" id=\"daily-capacity\">"
               << escape(figure(dec["daily_capacity"]["value"])) << "</td></tr>";
        }
        o_ << "</tbody></table>\n";
        if (d_["judged_on"].is_object()) run_line(d_["judged_on"]["run_id"], "Judged by");
    }

    void permit() {
        const auto& p = d_["permit"];
        o_ << "<h2>The permit and why it is supervised</h2>\n<table id=\"permit-table\"><tbody>\n";
        auto row = [this](const char* label, const std::string& value) {
            o_ << "<tr><th>" << label << "</th><td>" << escape(dash(value)) << "</td></tr>\n";
        };
        row("Basis", str(p, "basis"));
        row("Sequence", str(p, "sequence"));
        row("Decided on", str(p, "decision_date"));
        row("Valid", str(p, "valid_from") + " to " + str(p, "valid_until"));
        row("Status", str(p, "status") + (str(p, "status_date").empty() ? "" : " on " + str(p, "status_date")));
        row("Employer", str(p, "employer_id"));
        row("Company", str(p, "company_id"));
        row("Institution", str(p, "institution_id"));
        row("Required monthly income",
            p["required_monthly_income"].is_number() ? money(p["required_monthly_income"]) : std::string());
        o_ << "</tbody></table>\n";
        const auto& s = d_["supervision"];
        sentences(o_, s["sentences"]);
        run_line(s["enrolled_run"], "Enrolled by");
        run_line(s["ended_run"], "Ended by");
    }

    void signals() {
        o_ << "<h2>Signals</h2>\n";
        if (d_["signals"].empty()) {
            o_ << "<p>No signal has been raised for this permit.</p>\n";
            return;
        }
        o_ << "<p class=\"note\">Every signal raised for the permit, open and resolved. The figures are those of the"
           << " signal's latest evaluation; what a review was opened on is shown with the review.</p>\n";
        for (const auto& s : d_["signals"]) {
            const bool open = str(s, "status") == "open";
            o_ << "<article class=\"signal " << (open ? "open" : "resolved") << "\" id=\"signal-"
               << s["signal_id"].get<long long>() << "\" data-type=\"" << escape(str(s, "signal_type"))
               << "\">\n<h3>Signal " << s["signal_id"].get<long long>() << ": " << escape(str(s, "title"))
               << "<span class=\"tag " << (open ? "open" : "") << "\">" << (open ? "open" : "resolved") << "</span>";
            if (s["explained_on_as_of"].get<bool>()) o_ << "<span class=\"tag explained\">explained</span>";
            o_ << "</h3>\n";
            sentences(o_, s["steps"]);
            sentences(o_, s["sentences"], "evidence");
            run_line(s["raised_run"], "Raised by");
            run_line(s["linked_run"], "Linked to its review by");
            run_line(s["resolved_run"], "Resolved by");
            o_ << "</article>\n";
        }
    }

    void explanations() {
        o_ << "<h2>Explanations recorded by supervisors</h2>\n";
        if (d_["explanations"].empty()) {
            o_ << "<p>None.</p>\n";
            return;
        }
        o_ << "<table id=\"explanation-table\"><thead><tr><th>Recorded</th><th>By</th><th>Signal type</th>"
           << "<th>Explained until</th><th>Why</th><th>On " << escape(dash(str(d_["judged_on"], "as_of")))
           << "</th></tr></thead><tbody>\n";
        for (const auto& e : d_["explanations"]) {
            const std::string state = e["superseded_by"].is_number()
                                          ? "superseded by " + str(e, "superseded_by")
                                          : (e["in_force"].get<bool>() ? "in force" : "not in force");
            o_ << "<tr id=\"explanation-" << e["explanation_id"].get<long long>() << "\"><td class=\"k\">"
               << escape(str(e, "recorded_at")) << "</td><td>" << escape(str(e, "recorded_by")) << "</td><td>"
               << escape(signal_title(str(e, "signal_type"))) << "</td><td class=\"k\">"
               << escape(str(e, "explained_until")) << "</td><td>" << escape(str(e, "reason")) << "</td><td>"
               << escape(state) << "</td></tr>\n";
        }
        o_ << "</tbody><caption class=\"note\">The latest record of a signal type holds; while it is in force the"
           << " permit's open signals of that type count 0 in the score.</caption></table>\n";
    }

    void reviews() {
        o_ << "<h2>Reviews</h2>\n";
        if (d_["reviews"].empty()) {
            o_ << "<p>No review has been opened for this permit.</p>\n";
            return;
        }
        for (const auto& r : d_["reviews"]) {
            const long long id = r["review_id"].get<long long>();
            o_ << "<article class=\"review\" id=\"review-" << id << "\">\n<h3>Review " << id << "<span class=\"tag\">"
               << escape(str(r, "status")) << (str(r, "outcome").empty() ? "" : ": " + escape(str(r, "outcome")))
               << "</span></h3>\n";
            sentences(o_, r["sentences"]);
            run_line(r["opened_run"], "Opened by");
            if (!r["signals_at_opening"].empty()) {
                o_ << "<h4>Signals shown at opening</h4>\n<table class=\"opening\"><thead><tr><th>Signal</th>"
                   << "<th class=\"n\">Weight</th><th>Period</th><th>Evidence as it stood "
                      "then</th></tr></thead><tbody>\n";
                for (const auto& s : r["signals_at_opening"]) {
                    // An id, not a figure: written plain (figure() groups thousands).
                    const Json& sid = s["signal_id"];
                    o_ << "<tr><td>"
                       << (sid.is_number_integer() ? std::to_string(sid.get<long long>()) : escape(str(s, "signal_id")))
                       << ": " << escape(str(s, "title")) << "</td><td class=\"n\">" << escape(figure(s["weight"]))
                       << "</td><td class=\"k\">" << escape(str(s, "period_start")) << " to "
                       << escape(str(s, "period_end")) << "</td><td>";
                    sentences(o_, s["sentences"]);
                    o_ << "</td></tr>\n";
                }
                o_ << "</tbody></table>\n";
            }
            o_ << "<h4>History</h4>\n<table class=\"history\" id=\"history-" << id
               << "\"><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>\n";
            for (const auto& h : r["history"]) {
                o_ << "<tr data-audit=\"" << h["audit_id"].get<long long>() << "\"><td class=\"k\">"
                   << escape(str(h, "changed_at")) << "</td><td>" << escape(str(h, "changed_by"))
                   << (str(h, "application").empty() ? "" : " (" + escape(str(h, "application")) + ")") << "</td><td>"
                   << escape(str(h, "change")) << "</td></tr>\n";
            }
            o_ << "</tbody><caption class=\"note\">From the audit trail: every change of the review, by whom (the"
               << " login) and when.</caption></table>\n</article>\n";
        }
    }

    void events() {
        if (d_["events"].empty()) return;
        o_ << "<h2>What the case system was told</h2>\n<ul id=\"events\">";
        for (const auto& e : d_["events"]) o_ << "<li>" << escape(str(e, "sentence")) << "</li>";
        o_ << "</ul>\n";
    }

    void other_permits() {
        o_ << "<h2>The holder's other permits</h2>\n";
        if (d_["other_permits"].empty()) {
            o_ << "<p>None.</p>\n";
            return;
        }
        o_ << "<ul id=\"other-permits\">";
        for (const auto& p : d_["other_permits"]) o_ << "<li>" << escape(str(p, "sentence")) << "</li>";
        o_ << "</ul>\n";
    }

    void runs() {
        o_ << "<h2>The runs</h2>\n<table id=\"run-table\"><thead><tr><th class=\"n\">Run</th><th>Day</th><th>Mode</th>"
           << "<th>Configuration digest</th><th>Release</th></tr></thead><tbody>\n";
        for (const auto& r : d_["runs"]) {
            o_ << "<tr><td class=\"n\">" << r["run_id"].get<long long>() << "</td><td class=\"k\">"
               << escape(str(r, "as_of")) << "</td><td>" << escape(str(r, "mode")) << "</td><td><code>"
               << escape(str(r, "config_digest")) << "</code></td><td>" << escape(str(r, "service_version"))
               << "</td></tr>\n";
        }
        o_ << "</tbody><caption class=\"note\">Each step above names the run that did it, with the first characters of"
           << " its configuration's digest. The digest identifies the configuration the run used"
           << " (supervision.config_snapshot).</caption></table>\n";
    }

    const Json& d_;
    std::map<long long, Json> runs_;
    std::ostringstream o_;
};

}  // namespace

std::string case_html(const nlohmann::json& doc) {
    return Page(doc).render();
}

}  // namespace supervision::casefile
