#include "run/metrics.h"

#include "io/replace_file.h"
#include "queues/metrics.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <locale>
#include <set>
#include <sstream>
#include <stdexcept>

namespace supervision::run {

namespace {

constexpr const char* kLastSuccess = "supervision_last_success_timestamp_seconds";

std::string number(double v) {
    if (std::isnan(v)) return "NaN";
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::setprecision(15) << v;
    return s.str();
}

// Label values escape backslash, double quote and newline (exposition format).
std::string label_value(const std::string& v) {
    std::string out;
    for (const char ch : v) {
        if (ch == '\\')
            out += "\\\\";
        else if (ch == '"')
            out += "\\\"";
        else if (ch == '\n')
            out += "\\n";
        else
            out += ch;
    }
    return out;
}

double day_seconds(rules::Day d) {
    return static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()).count());
}

// Writes families in the order they are declared; every one is a gauge.
class Exposition {
public:
    void family(const std::string& name, const std::string& help) {
        name_ = name;
        out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n";
    }
    void sample(double value) { out_ << name_ << ' ' << number(value) << '\n'; }
    void sample(const std::string& label, const std::string& value_of_label, double value) {
        out_ << name_ << '{' << label << "=\"" << label_value(value_of_label) << "\"} " << number(value) << '\n';
    }
    // One sample per key of a counts object, plus a zero for each expected key it lacks.
    void per_key(const std::string& label, const Counts& object, const std::vector<std::string>& expected) {
        std::set<std::string> keys(expected.begin(), expected.end());
        if (object.is_object()) {
            for (const auto& [k, v] : object.items()) keys.insert(k);
        }
        for (const auto& k : keys) {
            const bool present = object.is_object() && object.contains(k) && object[k].is_number();
            sample(label, k, present ? object[k].get<double>() : 0.0);
        }
    }
    std::string text() const { return out_.str(); }

private:
    std::ostringstream out_;
    std::string name_;
};

void write_status(Exposition& e, const RunOutcome& o) {
    e.family("supervision_run_status", "1 if the last run succeeded, 0 if it failed.");
    e.sample(o.succeeded ? 1 : 0);
    e.family("supervision_run_exit_code",
             "Exit code of the last run (0 success; docs/operations.md lists the others).");
    e.sample(o.exit_code);
    e.family("supervision_run_duration_seconds", "Wall-clock duration of the last run, command start to end.");
    e.sample(o.duration_seconds);
    e.family("supervision_run_finished_timestamp_seconds", "Unix time the last run ended.");
    e.sample(o.finished_at);
    if (o.as_of) {
        e.family("supervision_run_as_of_timestamp_seconds", "The last run's as_of day, as Unix time of its 00:00 UTC.");
        e.sample(day_seconds(*o.as_of));
    }
    if (o.last_success_at) {
        e.family(kLastSuccess, "Unix time the last successful run ended.");
        e.sample(*o.last_success_at);
    }
}

void write_stages(Exposition& e, const Counts& c) {
    if (!c.contains("stage_seconds") || !c["stage_seconds"].is_object()) return;
    e.family("supervision_run_stage_duration_seconds", "Duration of each stage of the last successful run.");
    for (const auto& [stage, seconds] : c["stage_seconds"].items()) e.sample("stage", stage, seconds.get<double>());
}

void write_permits(Exposition& e, const Counts& c) {
    e.family("supervision_run_enrolled_permits", "Permits enrolled into supervision by the last successful run.");
    e.sample(c.value("enrolled", 0.0));
    e.family("supervision_run_ended_permits", "Enrolments ended by the last successful run.");
    e.sample(c.value("ended", 0.0));
    e.family("supervision_supervised_permits", "Permits under supervision (evaluated) at the last successful run.");
    e.sample(c.value("evaluated", 0.0));
    if (!c.contains("evaluation") || !c["evaluation"].is_object()) return;
    const Counts& ev = c["evaluation"];
    e.family("supervision_run_full_evaluation",
             "1 if the last successful run evaluated every person, 0 if only those whose registers changed or "
             "whose day came (docs/incremental.md).");
    e.sample(ev.value("mode", std::string()) == "full" ? 1.0 : 0.0);
    if (ev.contains("persons") && ev["persons"].is_number()) {
        e.family("supervision_run_evaluated_persons", "Persons an incremental last successful run evaluated.");
        e.sample(ev["persons"].get<double>());
    }
}

void write_signals_and_reviews(Exposition& e, const RunOutcome& o) {
    const Counts& c = o.counts;
    const Counts none = Counts::object();
    e.family("supervision_signals_raised", "Supervision signals raised by the last successful run, per type.");
    e.per_key("type", c.value("signals_raised", none), o.signal_types);
    e.family("supervision_signals_resolved", "Supervision signals resolved by the last successful run, per type.");
    e.per_key("type", c.value("signals_resolved", none), o.signal_types);
    e.family("supervision_signals_open", "Open supervision signals after the last successful run, per type.");
    e.per_key("type", c.value("signals_open", none), o.signal_types);
    e.family("supervision_reviews_opened", "Revocation reviews opened by the last successful run, per queue.");
    e.per_key("queue", c.value("reviews_opened_by_queue", none), o.queues);
    e.family("supervision_review_backlog",
             "Permits waiting for review capacity after the last successful run, per queue.");
    e.per_key("queue", c.value("backlog_by_queue", none), o.queues);
    e.family("supervision_rejected_rows", "Register rows the last successful run could not use, per registry table.");
    e.per_key("source", c.value("rejected_rows_by_source", none), {});
}

void write_registers(Exposition& e, const Counts& c) {
    if (!c.contains("registers") || !c["registers"].is_object()) return;
    const Counts stale = c.value("stale_registers", Counts::array());
    e.family("supervision_register_stale",
             "1 if the register was refreshed longer ago than max_staleness_days allows.");
    for (const auto& [name, r] : c["registers"].items()) {
        e.sample("register", name, std::find(stale.begin(), stale.end(), Counts(name)) != stale.end() ? 1 : 0);
    }
    e.family("supervision_register_complete_through_timestamp_seconds",
             "The day through which the register is complete, as Unix time of its 00:00 UTC.");
    for (const auto& [name, r] : c["registers"].items()) {
        const auto ct = r.value("complete_through", Counts());
        const auto day = ct.is_string() ? rules::parse_iso_date(ct.get<std::string>()) : std::nullopt;
        if (day) e.sample("register", name, day_seconds(*day));
    }
}

}  // namespace

std::string metrics_text(const RunOutcome& o) {
    Exposition e;
    write_status(e, o);
    if (o.succeeded) {
        write_stages(e, o.counts);
        write_permits(e, o.counts);
        write_signals_and_reviews(e, o);
        write_registers(e, o.counts);
    }
    std::string text = e.text();
    if (o.succeeded && o.counts.contains("queue_flow")) text += queues::metrics_text(o.counts["queue_flow"]);
    return text;
}

void write_metrics_file(const std::string& path, const std::string& text) {
    try {
        io::replace_file(path, text);
    } catch (const io::WriteFailure& e) {
        throw std::runtime_error(std::string("the metrics file ") + e.what());
    }
}

std::optional<double> last_success_in(const std::string& path) {
    std::ifstream in(path);
    const std::string prefix = std::string(kLastSuccess) + ' ';
    for (std::string line; std::getline(in, line);) {
        if (line.compare(0, prefix.size(), prefix) != 0) continue;
        std::istringstream value(line.substr(prefix.size()));
        value.imbue(std::locale::classic());
        double v = 0;
        if (value >> v) return v;
    }
    return std::nullopt;
}

}  // namespace supervision::run
