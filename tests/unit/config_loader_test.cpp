// The configuration loader: the defaults of config/supervision.yaml (rules.md §3, §5,
// §6) and the refusals of rules.md §2, each naming the file, line and key (exit code 3).
#include "config/config.h"
#include "config/loader.h"
#include "errors.h"
#include "rules/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using supervision::ConfigError;
using supervision::ExitCode;
using supervision::config::Config;
using supervision::config::CoverageLine;
using supervision::config::load_config;
using supervision::config::load_config_text;
using supervision::config::ScopeField;
using supervision::config::ValidityRule;
using supervision::rules::Day;
using supervision::rules::to_iso;

const std::string kDefaultPath = std::string(SUPERVISION_SOURCE_DIR) + "/config/supervision.yaml";

const std::string& default_text() {
    static const std::string text = [] {
        std::ifstream in(kDefaultPath);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    return text;
}

const Config& default_config() {
    static const Config c = load_config(kDefaultPath);
    return c;
}

Day D(const std::string& text) {
    const auto d = supervision::rules::parse_iso_date(text);
    if (!d) {
        ADD_FAILURE() << "not a valid test date: '" << text << "'";
        return Day{};
    }
    return *d;
}

// The 1-based line on which `needle` first occurs in `text` (0 when it does not).
int line_of(const std::string& text, const std::string& needle) {
    const auto pos = text.find(needle);
    if (pos == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// The default configuration with exactly one change: the unique `snippet` replaced.
struct Edited {
    std::string text;
    int line = 0;  // the line on which the snippet started
};

Edited replace_once(const std::string& snippet, const std::string& replacement) {
    Edited out{default_text(), 0};
    const auto pos = out.text.find(snippet);
    if (pos == std::string::npos) {
        ADD_FAILURE() << "snippet not found in the default configuration:\n" << snippet;
        return out;
    }
    if (out.text.find(snippet, pos + 1) != std::string::npos) {
        ADD_FAILURE() << "snippet is not unique in the default configuration:\n" << snippet;
    }
    out.line = line_of(out.text, snippet);
    out.text.replace(pos, snippet.size(), replacement);
    return out;
}

// The message of the ConfigError that loading `text` as "test.yaml" throws.
std::string load_error(const std::string& text) {
    try {
        load_config_text(text, "test.yaml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected a ConfigError, but the configuration loaded";
    return "";
}

// The message names the file and line ("test.yaml:LINE:") and the key path.
::testing::AssertionResult names(const std::string& message, int line, const std::string& key) {
    const std::string where = "test.yaml:" + std::to_string(line) + ":";
    if (message.rfind(where, 0) != 0) {
        return ::testing::AssertionFailure() << "message does not start with '" << where << "': " << message;
    }
    if (message.find(key) == std::string::npos) {
        return ::testing::AssertionFailure() << "message does not name the key '" << key << "': " << message;
    }
    return ::testing::AssertionSuccess();
}

bool contains(const std::string& message, const std::string& part) { return message.find(part) != std::string::npos; }

// ---- the default configuration: coverage lines (rules.md §3) ---------------------------

struct ExpectedLine {
    const char* id;
    const char* effective_from;
    const char* basis;
    const char* sequence;
    ValidityRule validity;
    int months;
    ScopeField scope_field;
    const char* scope_from;
};

const std::vector<ExpectedLine>& rules_table() {
    using S = ScopeField;
    using V = ValidityRule;
    static const std::vector<ExpectedLine> t{
        {"students-first", "2023-09-28", "student", "first", V::at_least, 6, S::valid_from, "2022-06-01"},
        {"growth-extended", "2024-04-24", "growth_entrepreneur", "extended", V::at_least, 6, S::decision_date,
         "2023-01-01"},
        {"growth-first", "2024-04-24", "growth_entrepreneur", "first", V::more_than, 12, S::decision_date,
         "2023-01-01"},
        {"specialist-extended", "2024-06-17", "specialist", "extended", V::at_least, 6, S::decision_date,
         "2023-01-01"},
        {"specialist-first", "2024-06-17", "specialist", "first", V::more_than, 12, S::decision_date, "2023-01-01"},
        {"employed-extended", "2025-01-20", "employed", "extended", V::at_least, 6, S::decision_date, "2023-01-01"},
        {"employed-first", "2025-01-20", "employed", "first", V::more_than, 12, S::decision_date, "2024-01-01"},
        {"self-employed-extended", "2026-01-01", "self_employed", "extended", V::at_least, 6, S::decision_date,
         "2025-01-01"},
        {"self-employed-first", "2026-01-01", "self_employed", "first", V::more_than, 12, S::decision_date,
         "2025-01-01"},
        {"other-work-extended", "2026-01-01", "other_work", "extended", V::at_least, 6, S::decision_date,
         "2025-01-01"},
        {"other-work-first", "2026-01-01", "other_work", "first", V::more_than, 12, S::decision_date, "2025-01-01"},
    };
    return t;
}

TEST(DefaultConfig, LoadsWithVersionAndNoCampaigns) {
    const Config& c = default_config();
    EXPECT_EQ(c.config_version, "2026.1");
    EXPECT_EQ(c.source_path, kDefaultPath);
    EXPECT_TRUE(c.campaigns.empty());
}

TEST(DefaultConfig, HasTheElevenCoverageLinesInTheOrderOfRules) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), 11u);
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i].id, rules_table()[i].id) << "line " << i;
}

TEST(DefaultConfig, CoverageLinesHaveTheEffectiveFromDatesOfRules) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(to_iso(lines[i].effective_from), rules_table()[i].effective_from) << lines[i].id;
    }
}

TEST(DefaultConfig, CoverageLinesHaveOneBasisEach) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].bases, std::vector<std::string>{rules_table()[i].basis}) << lines[i].id;
    }
}

TEST(DefaultConfig, CoverageLinesHaveTheSequencesOfRules) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].sequence, rules_table()[i].sequence) << lines[i].id;
    }
}

TEST(DefaultConfig, ExtendedLinesNeedAtLeastSixMonthsAndFirstLinesMoreThanTwelve) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].validity, rules_table()[i].validity) << lines[i].id;
        EXPECT_EQ(lines[i].validity_months, rules_table()[i].months) << lines[i].id;
    }
}

TEST(DefaultConfig, StudentsFirstIsScopedByValidFrom) {
    const CoverageLine& line = default_config().coverage_lines.at(0);
    ASSERT_EQ(line.id, "students-first");
    EXPECT_EQ(line.scope_field, ScopeField::valid_from);
    EXPECT_EQ(to_iso(line.scope_from), "2022-06-01");
}

TEST(DefaultConfig, EmployedFirstIsScopedByDecisionsFrom2024) {
    const CoverageLine& line = default_config().coverage_lines.at(6);
    ASSERT_EQ(line.id, "employed-first");
    EXPECT_EQ(line.scope_field, ScopeField::decision_date);
    EXPECT_EQ(to_iso(line.scope_from), "2024-01-01");
}

TEST(DefaultConfig, LinesOf2026AreScopedByDecisionsFrom2025) {
    for (const auto& line : default_config().coverage_lines) {
        if (line.effective_from != D("2026-01-01")) continue;
        EXPECT_EQ(line.scope_field, ScopeField::decision_date) << line.id;
        EXPECT_EQ(to_iso(line.scope_from), "2025-01-01") << line.id;
    }
}

TEST(DefaultConfig, AllCoverageLineScopesMatchRules) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].scope_field, rules_table()[i].scope_field) << lines[i].id;
        EXPECT_EQ(to_iso(lines[i].scope_from), rules_table()[i].scope_from) << lines[i].id;
    }
}

// ---- the default configuration: parameters, signals, queues, terms ---------------------

TEST(DefaultConfig, HasEveryRequiredParameter) {
    for (const auto& name : supervision::config::required_parameters()) {
        EXPECT_EQ(default_config().parameters.count(name), 1u) << name;
    }
}

TEST(DefaultConfig, ReviewThresholdAndCooldownDefaults) {
    const Config& c = default_config();
    EXPECT_EQ(c.parameter("review_threshold").value_on(D("2025-01-01")), 1.0);
    EXPECT_EQ(c.parameter("cooldown_days").value_on(D("2025-01-01")), 90.0);
    EXPECT_EQ(c.parameter("max_staleness_days").value_on(D("2025-01-01")), 3.0);
}

TEST(DefaultConfig, HasAllTenSignalTypes) {
    const auto& signals = default_config().signals;
    EXPECT_EQ(signals.size(), 10u);
    for (const auto& type : supervision::config::known_signal_types()) EXPECT_EQ(signals.count(type), 1u) << type;
}

TEST(DefaultConfig, SocialAssistanceAndEmploymentEndedWeighHalf) {
    const auto& signals = default_config().signals;
    for (const char* type : {"social_assistance", "employment_ended"}) {
        EXPECT_EQ(signals.at(type).weight.value_on(D("2025-01-01")), 0.5) << type;
    }
}

TEST(DefaultConfig, OtherSignalTypesWeighOne) {
    for (const auto& [type, signal] : default_config().signals) {
        if (type == "social_assistance" || type == "employment_ended") continue;
        EXPECT_EQ(signal.weight.value_on(D("2025-01-01")), 1.0) << type;
    }
}

TEST(DefaultConfig, SignalBasesFollowRules) {
    using V = std::vector<std::string>;
    const auto& s = default_config().signals;
    const V work{"specialist", "eu_blue_card", "employed", "other_work"};
    EXPECT_EQ(s.at("income_below_requirement").bases, (V{"specialist", "eu_blue_card", "employed"}));
    EXPECT_EQ(s.at("no_income").bases, work);
    EXPECT_EQ(s.at("employment_ended").bases, work);
    EXPECT_EQ(s.at("emigrated").bases, supervision::config::known_bases());
    EXPECT_EQ(s.at("not_moved_to_finland").bases, V{"growth_entrepreneur"});
    EXPECT_EQ(s.at("not_moved_to_finland").sequences, V{"first"});
    EXPECT_EQ(s.at("company_inactive").bases, (V{"growth_entrepreneur", "self_employed"}));
    EXPECT_EQ(s.at("study_inactive").bases, V{"student"});
    EXPECT_EQ(s.at("student_work_hours_exceeded").bases, V{"student"});
    EXPECT_EQ(s.at("social_assistance").bases, V{"student"});
}

TEST(DefaultConfig, HasTheFourQueues) {
    std::vector<std::string> names;
    for (const auto& kv : default_config().queues) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"enterprise", "general", "study", "work"}));
}

TEST(DefaultConfig, QueuesTakeFiftyADayWithThirtyDaySla) {
    for (const auto& [name, queue] : default_config().queues) {
        EXPECT_EQ(queue.daily_capacity.value_on(D("2025-01-01")), 50.0) << name;
        EXPECT_EQ(queue.sla_days.value_on(D("2025-01-01")), 30.0) << name;
    }
}

TEST(DefaultConfig, QueueBasesFollowRules) {
    using V = std::vector<std::string>;
    const auto& q = default_config().queues;
    EXPECT_EQ(q.at("study").bases, V{"student"});
    EXPECT_EQ(q.at("work").bases, (V{"specialist", "eu_blue_card", "employed", "other_work"}));
    EXPECT_EQ(q.at("enterprise").bases, (V{"growth_entrepreneur", "self_employed"}));
    EXPECT_TRUE(q.at("general").bases.empty());
}

TEST(DefaultConfig, StudyTermsAreAutumnAndSpring) {
    const auto& t = default_config().study_terms;
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0].name, "autumn");
    EXPECT_EQ(t[0].start_month * 100 + t[0].start_day, 801u);
    EXPECT_EQ(t[0].end_month * 100 + t[0].end_day, 1231u);
    EXPECT_EQ(t[1].name, "spring");
    EXPECT_EQ(t[1].start_month * 100 + t[1].start_day, 101u);
    EXPECT_EQ(t[1].end_month * 100 + t[1].end_day, 731u);
}

TEST(DefaultConfig, LoadsTheSameFromText) {
    const Config c = load_config_text(default_text(), "test.yaml");
    EXPECT_EQ(c.source_path, "test.yaml");
    EXPECT_EQ(c.coverage_lines.size(), 11u);
}

// ---- refusals: each names the file, line and key ----------------------------------------

TEST(ConfigRefusal, UnsortedDatedList) {
    const Edited e = replace_once("{from: 2025-06-11, value: 6}", "{from: 1999-06-11, value: 6}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.unemployment_months_long[1].from"));
    EXPECT_TRUE(contains(m, "not sorted")) << m;
}

TEST(ConfigRefusal, WindowsOfEvaluationMonthsAreWholeMonthsFromOneTo120) {
    for (const char* bad : {"0", "121", "2.5"}) {
        const Edited e = replace_once("{from: 2025-06-11, value: 6}", std::string("{from: 2025-06-11, value: ") + bad + "}");
        const std::string m = load_error(e.text);
        EXPECT_TRUE(names(m, e.line, "parameters.unemployment_months_long[1].value")) << bad;
        EXPECT_TRUE(contains(m, "whole number of months from 1 to 120")) << m;
    }
    EXPECT_NO_THROW(load_config_text(replace_once("{from: 2025-06-11, value: 6}", "{from: 2025-06-11, value: 120}").text,
                                     "test.yaml"));
}

TEST(ConfigRefusal, DuplicateStart) {
    const Edited e = replace_once("{from: 2025-06-11, value: 6}", "{from: 2000-01-01, value: 6}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.unemployment_months_long[1].from"));
    EXPECT_TRUE(contains(m, "duplicate start 2000-01-01")) << m;
}

TEST(ConfigRefusal, DuplicateStartOfTheSameKeyedEntry) {
    const Edited e = replace_once("{bases: [specialist, eu_blue_card], from: 2025-01-01, value: 3827}",
                                  "{bases: [eu_blue_card], from: 2024-01-01, value: 3827}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.monthly_income_requirement[1].from"));
    EXPECT_TRUE(contains(m, "duplicate start 2024-01-01")) << m;
}

TEST(ConfigRefusal, InvalidDate) {
    const Edited e = replace_once("effective_from: 2023-09-28", "effective_from: 2024-02-30");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "coverage_lines[0].effective_from"));
    EXPECT_TRUE(contains(m, "2024-02-30")) << m;
}

TEST(ConfigRefusal, InvalidDateInADatedList) {
    const Edited e = replace_once("{from: 2022-04-15, value: 1560}", "{from: 2023-02-29, value: 1560}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.student_yearly_work_hours[0].from"));
    EXPECT_TRUE(contains(m, "2023-02-29")) << m;
}

TEST(ConfigRefusal, MissingValue) {
    const Edited e = replace_once("{from: 2022-04-15, value: 1560}", "{from: 2022-04-15}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.student_yearly_work_hours[0].value"));
    EXPECT_TRUE(contains(m, "missing")) << m;
}

TEST(ConfigRefusal, EmptyValue) {
    const Edited e = replace_once("{from: 2022-04-15, value: 1560}", "{from: 2022-04-15, value: }");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.student_yearly_work_hours[0].value"));
    EXPECT_TRUE(contains(m, "expected a number")) << m;
}

TEST(ConfigRefusal, MissingRequiredParameter) {
    const Edited e = replace_once(
        "  cooldown_days:\n"
        "    - {from: 2000-01-01, value: 90}\n",
        "");
    const std::string m = load_error(e.text);
    // A missing key is reported where its mapping starts: the first parameter.
    EXPECT_TRUE(names(m, line_of(e.text, "  grace_months:"), "parameters.cooldown_days"));
    EXPECT_TRUE(contains(m, "missing")) << m;
}

TEST(ConfigRefusal, UnknownBasis) {
    const Edited e = replace_once("    bases: [student]\n    sequence: first", "    bases: [studnet]\n    sequence: first");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "coverage_lines[0].bases"));
    EXPECT_TRUE(contains(m, "unknown value 'studnet'")) << m;
}

TEST(ConfigRefusal, UnknownBasisInAParameter) {
    const Edited e = replace_once("{bases: [employed], from: 2024-01-01, value: 1399}",
                                  "{bases: [employee], from: 2024-01-01, value: 1399}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.monthly_income_requirement[3].bases"));
    EXPECT_TRUE(contains(m, "'employee'")) << m;
}

TEST(ConfigRefusal, UnknownKey) {
    const Edited e = replace_once("    effective_from: 2023-09-28", "    efective_from: 2023-09-28");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "coverage_lines[0].efective_from"));
    EXPECT_TRUE(contains(m, "unknown key")) << m;
}

TEST(ConfigRefusal, UnknownTopLevelKey) {
    const Edited e = replace_once("campaigns: []", "campaign: []");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "campaign"));
    EXPECT_TRUE(contains(m, "unknown key")) << m;
}

TEST(ConfigRefusal, LineWithBothValidityKinds) {
    const Edited e = replace_once("    validity: {at_least_months: 6}\n    scope: {valid_from_on_or_after: 2022-06-01}",
                                  "    validity: {at_least_months: 6, more_than_months: 12}\n"
                                  "    scope: {valid_from_on_or_after: 2022-06-01}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "coverage_lines[0].validity"));
    EXPECT_TRUE(contains(m, "exactly one")) << m;
}

TEST(ConfigRefusal, DuplicateLineId) {
    const Edited e = replace_once("  - id: growth-first\n", "  - id: growth-extended\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "coverage_lines[2].id"));
    EXPECT_TRUE(contains(m, "duplicate line id 'growth-extended'")) << m;
}

TEST(ConfigRefusal, YamlSyntaxError) {
    const Edited e = replace_once("    effective_from: 2023-09-28\n", "    effective_from: 2023-09-28: x\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "(syntax)"));
}

TEST(ConfigRefusal, UnknownSignalType) {
    const Edited e = replace_once("  study_inactive:\n", "  study_inactiv:\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "signals.study_inactiv"));
    EXPECT_TRUE(contains(m, "unknown signal type")) << m;
}

TEST(ConfigRefusal, QueuesWithoutGeneral) {
    const Edited e = replace_once(
        "  general:\n"
        "    bases: []\n"
        "    daily_capacity: [{from: 2000-01-01, value: 50}]\n"
        "    sla_days: [{from: 2000-01-01, value: 30}]\n",
        "");
    const std::string m = load_error(e.text);
    // Reported where the queues mapping starts: its first queue.
    EXPECT_TRUE(names(m, line_of(e.text, "  study:\n"), "queues.general"));
    EXPECT_TRUE(contains(m, "missing")) << m;
}

TEST(ConfigRefusal, BasisInTwoQueues) {
    const Edited e = replace_once("    bases: [specialist, eu_blue_card, employed, other_work]\n    daily_capacity",
                                  "    bases: [specialist, eu_blue_card, employed, other_work, student]\n"
                                  "    daily_capacity");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "queues.work.bases"));
    EXPECT_TRUE(contains(m, "'student'")) << m;
}

TEST(ConfigRefusal, NonNumericValue) {
    const Edited e = replace_once("{bases: [specialist, eu_blue_card], from: 2024-01-01, value: 3638}",
                                  "{bases: [specialist, eu_blue_card], from: 2024-01-01, value: 3638 EUR}");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.monthly_income_requirement[0].value"));
    EXPECT_TRUE(contains(m, "'3638 EUR' is not a number")) << m;
}

TEST(ConfigRefusal, NonNumericQueueCapacity) {
    const Edited e = replace_once(
        "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]",
        "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: fifty}]");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line + 1, "queues.study.daily_capacity[0].value"));
}

TEST(ConfigRefusal, MissingFileNamesThePath) {
    const std::string path = std::string(SUPERVISION_SOURCE_DIR) + "/config/no-such-file.yaml";
    try {
        load_config(path);
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& e) {
        EXPECT_TRUE(contains(e.what(), path)) << e.what();
    }
}

TEST(ConfigRefusal, ConfigErrorExitsWithCodeThree) {
    const Edited e = replace_once("effective_from: 2023-09-28", "effective_from: 2024-02-30");
    try {
        load_config_text(e.text, "test.yaml");
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& err) {
        EXPECT_EQ(err.code(), ExitCode::config);
        EXPECT_EQ(static_cast<int>(err.code()), 3);
    }
}

TEST(ConfigRefusal, MissingFileExitsWithCodeThree) {
    try {
        load_config("/nonexistent/supervision.yaml");
        FAIL() << "expected a ConfigError";
    } catch (const ConfigError& err) {
        EXPECT_EQ(err.code(), ExitCode::config);
    }
}

}  // namespace
