// The configuration loader: the defaults of config/supervision.yaml (rules.md §3, §5,
// §6) and the refusals of rules.md §2, each naming the file, line and key (exit code 3).
#include "config/config.h"
#include "config/loader.h"
#include "errors.h"
#include "rules/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
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

bool contains(const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
}

// ---- the default configuration: coverage lines (rules.md §3) ---------------------------

struct ExpectedLine {
    const char* id;
    const char* effective_from;
    std::vector<std::string> bases;
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
        {"students-first", "2023-09-28", {"student"}, "first", V::at_least, 6, S::valid_from, "2022-06-01"},
        {"growth-extended",
         "2024-04-24",
         {"growth_entrepreneur"},
         "extended",
         V::at_least,
         6,
         S::decision_date,
         "2023-01-01"},
        {"growth-first",
         "2024-04-24",
         {"growth_entrepreneur"},
         "first",
         V::more_than,
         12,
         S::decision_date,
         "2023-01-01"},
        // The EU Blue Card with the specialists: one process in the performance agreement.
        {"specialist-extended",
         "2024-06-17",
         {"specialist", "eu_blue_card"},
         "extended",
         V::at_least,
         6,
         S::decision_date,
         "2023-01-01"},
        {"specialist-first",
         "2024-06-17",
         {"specialist", "eu_blue_card"},
         "first",
         V::more_than,
         12,
         S::decision_date,
         "2023-01-01"},
        {"employed-extended", "2025-01-20", {"employed"}, "extended", V::at_least, 6, S::decision_date, "2023-01-01"},
        {"employed-first", "2025-01-20", {"employed"}, "first", V::more_than, 12, S::decision_date, "2024-01-01"},
        {"self-employed-extended",
         "2026-01-01",
         {"self_employed"},
         "extended",
         V::at_least,
         6,
         S::decision_date,
         "2025-01-01"},
        {"self-employed-first",
         "2026-01-01",
         {"self_employed"},
         "first",
         V::more_than,
         12,
         S::decision_date,
         "2025-01-01"},
        {"other-work-extended",
         "2026-01-01",
         {"other_work"},
         "extended",
         V::at_least,
         6,
         S::decision_date,
         "2025-01-01"},
        {"other-work-first", "2026-01-01", {"other_work"}, "first", V::more_than, 12, S::decision_date, "2025-01-01"},
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

TEST(DefaultConfig, CoverageLinesHaveTheBasesOfRules) {
    const auto& lines = default_config().coverage_lines;
    ASSERT_EQ(lines.size(), rules_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i].bases, rules_table()[i].bases) << lines[i].id;
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
    const V work{"specialist", "eu_blue_card", {"employed"}, "other_work"};
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
    EXPECT_EQ(q.at("work").bases, (V{"specialist", "eu_blue_card", {"employed"}, "other_work"}));
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
        const Edited e =
            replace_once("{from: 2025-06-11, value: 6}", std::string("{from: 2025-06-11, value: ") + bad + "}");
        const std::string m = load_error(e.text);
        EXPECT_TRUE(names(m, e.line, "parameters.unemployment_months_long[1].value")) << bad;
        EXPECT_TRUE(contains(m, "whole number of months from 1 to 120")) << m;
    }
    EXPECT_NO_THROW(load_config_text(
        replace_once("{from: 2025-06-11, value: 6}", "{from: 2025-06-11, value: 120}").text, "test.yaml"));
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
    const Edited e =
        replace_once("    bases: [student]\n    sequence: first", "    bases: [studnet]\n    sequence: first");
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

TEST(ConfigRefusal, UnknownKeyInTheForecastSection) {
    const Edited e = replace_once("  alarm_stock_growth_pct:", "  alarm_stock_grow_pct:");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "forecast.alarm_stock_grow_pct"));
    EXPECT_TRUE(contains(m, "unknown key")) << m;
}

TEST(ConfigRefusal, ForecastSectionWithoutOneOfItsKeys) {
    const Edited e = replace_once("  alarm_reviews_over_capacity_pct: [{from: 2000-01-01, value: 100}]\n", "");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(contains(m, "forecast.alarm_reviews_over_capacity_pct")) << m;
}

TEST(ConfigLoader, TheForecastSectionIsOptionalAndDefaultsToNoStaffingAndNoAlarms) {
    std::string yaml = default_text();
    yaml = yaml.substr(0, yaml.find("\n# The forecast's planning settings")) + "\n";
    const Config c = load_config_text(yaml, "test.yaml");
    EXPECT_FALSE(c.forecast.decided_reviews_per_person_year.value_on(D("2026-01-01")).has_value());
    EXPECT_FALSE(c.forecast.alarm_stock_growth_pct.value_on(D("2026-01-01")).has_value());
    const Config shipped = default_config();
    EXPECT_EQ(*shipped.forecast.decided_reviews_per_person_year.value_on(D("2026-01-01")), 300);
    EXPECT_EQ(*shipped.forecast.alarm_stock_growth_pct.value_on(D("2026-01-01")), 25);
    EXPECT_EQ(*shipped.forecast.alarm_reviews_over_capacity_pct.value_on(D("2026-01-01")), 100);
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
    const Edited e = replace_once("    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]",
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

// ---- parameter names: only known ones (rules.md §2) --------------------------------------

TEST(ConfigRefusal, MisspeltParameterBesideTheRealOne) {
    // The real name keeps its value; without the refusal the misspelt one would change nothing.
    const Edited e = replace_once("  max_staleness_days:\n",
                                  "  cooldown_dayz:\n    - {from: 2000-01-01, value: 30}\n"
                                  "  max_staleness_days:\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.cooldown_dayz"));
    EXPECT_TRUE(contains(m, "unknown parameter; check its spelling")) << m;
    EXPECT_TRUE(contains(m, "cooldown_days")) << m;  // the known names are listed
}

TEST(ConfigRefusal, MisspeltParameterInsteadOfTheRealOne) {
    const Edited e = replace_once("  cooldown_days:\n", "  cooldown_dayz:\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "parameters.cooldown_dayz"));
    EXPECT_TRUE(contains(m, "unknown parameter")) << m;
}

TEST(KnownParameters, AreTheRequiredOnesAndTheDefaultFileHasExactlyThem) {
    std::vector<std::string> known;
    for (const auto& p : supervision::config::known_parameters()) known.push_back(p.name);
    EXPECT_EQ(known, supervision::config::required_parameters());
    std::vector<std::string> in_file;
    for (const auto& kv : default_config().parameters) in_file.push_back(kv.first);
    std::sort(known.begin(), known.end());
    EXPECT_EQ(in_file, known);
    for (const auto& name : known) EXPECT_NE(supervision::config::find_parameter(name), nullptr) << name;
    EXPECT_EQ(supervision::config::find_parameter("cooldown_dayz"), nullptr);
}

// ---- a key given twice, in any mapping: refused at the second ------------------------------

struct DuplicateCase {
    const char* what;
    const char* snippet;      // unique in the default file
    const char* replacement;  // the snippet with one key given twice
    const char* key;          // the key path the message names
    int first_offset;         // lines from the snippet's first line to the key's first occurrence
    int second_offset;        // ... and to its second
};

TEST(ConfigRefusal, KeyGivenTwiceAnywhereNamesTheSecondOne) {
    const std::vector<DuplicateCase> cases{
        {"top level", "config_version: \"2026.1\"\n", "config_version: \"2026.1\"\nconfig_version: \"2027.1\"\n",
         "config_version", 0, 1},
        {"parameter", "  cooldown_days:\n    - {from: 2000-01-01, value: 90}\n",
         "  cooldown_days:\n    - {from: 2000-01-01, value: 90}\n  cooldown_days:\n    - {from: 2000-01-01, value: "
         "5}\n",
         "parameters.cooldown_days", 0, 2},
        {"entry of a dated list", "    - {from: 2000-01-01, value: 90}\n",
         "    - {from: 2000-01-01, value: 90, value: 5}\n", "parameters.cooldown_days[0].value", 0, 0},
        {"queue", "  general:\n    bases: []\n",
         "  study:\n    bases: []\n    daily_capacity: [{from: 2000-01-01, value: 1}]\n"
         "    sla_days: [{from: 2000-01-01, value: 1}]\n  general:\n    bases: []\n",
         "queues.study", -1, 0},
        {"key of a queue", "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]\n",
         "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: 50}]\n"
         "    daily_capacity: [{from: 2000-01-01, value: 5}]\n",
         "queues.study.daily_capacity", 1, 2},
        {"signal", "  thematic:\n",
         "  study_inactive:\n    bases: [family]\n    weight: [{from: 2000-01-01, value: 9}]\n"
         "  thematic:\n",
         "signals.study_inactive", -1, 0},
        {"key of a signal", "    weight: [{from: 2000-01-01, value: 0.5}]\n  emigrated:\n",
         "    weight: [{from: 2000-01-01, value: 0.5}]\n    weight: [{from: 2000-01-01, value: 5}]\n  emigrated:\n",
         "signals.employment_ended.weight", 0, 1},
        {"key of a coverage line", "  - id: growth-first\n", "  - id: growth-first\n    id: growth-second\n",
         "coverage_lines[2].id", 0, 1},
        {"flow mapping", "validity: {at_least_months: 6}\n    scope: {valid_from_on_or_after: 2022-06-01}",
         "validity: {at_least_months: 6, at_least_months: 7}\n    scope: {valid_from_on_or_after: 2022-06-01}",
         "coverage_lines[0].validity.at_least_months", 0, 0},
    };
    for (const auto& c : cases) {
        const Edited e = replace_once(c.snippet, c.replacement);
        const std::string m = load_error(e.text);
        // The first occurrence of a duplicate earlier in the file than the snippet is found
        // in the edited text by its key's last part.
        const int first = c.first_offset >= 0 ? e.line + c.first_offset : 0;
        EXPECT_TRUE(names(m, e.line + c.second_offset, c.key)) << c.what;
        EXPECT_TRUE(contains(m, "key given twice")) << c.what << ": " << m;
        if (first > 0) EXPECT_TRUE(contains(m, "(first on line " + std::to_string(first) + ")")) << c.what << ": " << m;
    }
}

TEST(ConfigRefusal, KeyGivenTwiceNamesTheLineOfTheFirst) {
    // study_inactive is on its own line in the default file; the second is added before thematic.
    const Edited e = replace_once("  thematic:\n",
                                  "  study_inactive:\n    bases: [family]\n"
                                  "    weight: [{from: 2000-01-01, value: 9}]\n  thematic:\n");
    const std::string m = load_error(e.text);
    EXPECT_TRUE(names(m, e.line, "signals.study_inactive"));
    EXPECT_TRUE(contains(m, "(first on line " + std::to_string(line_of(e.text, "  study_inactive:\n")) + ")")) << m;
}

TEST(ConfigRefusal, KeyGivenTwiceThroughAnAliasIsFoundOnceAndAliasesAreWalkedOnce) {
    // An alias used many times is one node: the walk stays linear (a chain of 40 aliases of
    // two each would be 2^40 visits otherwise) and finds nothing where nothing is repeated.
    std::string chain = "x0: &a0 [1, 2]\n";
    for (int i = 1; i <= 40; ++i) {
        chain += "x" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
                 std::to_string(i - 1) + "]\n";
    }
    const std::string m = load_error(chain);
    EXPECT_TRUE(names(m, 1, "x0")) << m;  // refused as an unknown top-level key, not hung
    EXPECT_TRUE(contains(m, "unknown key")) << m;
    const std::string dup = "a: &m {k: 1, k: 2}\nb: *m\n";
    EXPECT_TRUE(names(load_error(dup), 1, "a.k")) << load_error(dup);
}

// ---- values by meaning (value_kinds.h) -----------------------------------------------------

struct ValueCase {
    const char* what;
    const char* snippet;   // unique in the default file, with "@" where the value goes
    const char* original;  // the value the default file has there
    const char* key;
    int offset;  // lines from the snippet's first line to the value
    std::vector<const char*> bad;
    std::vector<std::pair<const char*, double>> good;  // as written, and the value loaded
};

std::string with_value(const char* snippet, const std::string& value) {
    std::string s = snippet;
    return s.replace(s.find('@'), 1, value);
}

double loaded_value(const Config& c, const std::string& key) {
    const auto d = D("2025-01-01");
    if (key == "queues.study.daily_capacity[0].value") return *c.queues.at("study").daily_capacity.value_on(d);
    if (key == "queues.study.sla_days[0].value") return *c.queues.at("study").sla_days.value_on(d);
    if (key == "signals.social_assistance.weight[0].value")
        return *c.signals.at("social_assistance").weight.value_on(d);
    if (key == "quality_control.sample_size[0].value") return *c.qc_sample_size.value_on(d);
    if (key == "forecast.decided_reviews_per_person_year[0].value") {
        return *c.forecast.decided_reviews_per_person_year.value_on(d);
    }
    if (key == "forecast.alarm_stock_growth_pct[0].value") return *c.forecast.alarm_stock_growth_pct.value_on(d);
    if (key == "forecast.alarm_reviews_over_capacity_pct[0].value") {
        return *c.forecast.alarm_reviews_over_capacity_pct.value_on(d);
    }
    if (key == "parameters.grace_months[1].value") return *c.parameter("grace_months").value_on(d, "*", "extended");
    if (key == "parameters.monthly_income_requirement[3].value") {
        return *c.parameter("monthly_income_requirement").value_on(D("2024-06-01"), "employed");
    }
    const std::string name = key.substr(11, key.find('[') - 11);  // parameters.<name>[0].value
    return *c.parameter(name).value_on(D("2030-01-01"));
}

const std::vector<ValueCase>& value_cases() {
    static const std::vector<ValueCase> cases{
        {"capacity",
         "    bases: [student]\n    daily_capacity: [{from: 2000-01-01, value: @}]",
         "50",
         "queues.study.daily_capacity[0].value",
         1,
         {"2.7", "-1", "100001", "1e12", ".nan"},
         {{"0", 0}, {"100000", 100000}, {"50.0", 50}}},
        {"SLA days",
         "    daily_capacity: [{from: 2000-01-01, value: 50}]\n    sla_days: [{from: 2000-01-01, value: @}]\n"
         "  work:",
         "30",
         "queues.study.sla_days[0].value",
         1,
         {"1e12", "3651", "-1", "0.5"},
         {{"0", 0}, {"3650", 3650}}},
        {"weight",
         "  social_assistance:\n    bases: [student]\n    weight: [{from: 2000-01-01, value: @}]",
         "0.5",
         "signals.social_assistance.weight[0].value",
         2,
         {"-1e308", "-1", "-0.001"},
         {{"0", 0}, {"1e308", 1e308}, {"0.25", 0.25}}},
        {"threshold",
         "  review_threshold:\n    - {from: 2000-01-01, value: @}",
         "1.0",
         "parameters.review_threshold[0].value",
         1,
         {"-5", "-0.5"},
         {{"0", 0}, {"1000000", 1e6}}},
        {"cooldown days",
         "  cooldown_days:\n    - {from: 2000-01-01, value: @}",
         "90",
         "parameters.cooldown_days[0].value",
         1,
         {"90.5", "3651", "-1", "1e12"},
         {{"0", 0}, {"3650", 3650}, {"90.0", 90}}},
        {"staleness days",
         "  max_staleness_days:\n    - {from: 2000-01-01, value: @}",
         "3",
         "parameters.max_staleness_days[0].value",
         1,
         {"2.5", "-3", "3651"},
         {{"0", 0}, {"3650", 3650}}},
        {"work history days",
         "  long_work_history_days:\n    - {from: 2025-06-11, value: @}",
         "730",
         "parameters.long_work_history_days[0].value",
         1,
         {"730.5", "-730", "3651"},
         {{"0", 0}, {"3650", 3650}}},
        {"grace months",
         "{sequences: [extended], from: 2000-01-01, value: @}",
         "0",
         "parameters.grace_months[1].value",
         0,
         {"-1", "121", "0.5"},
         {{"0", 0}, {"120", 120}}},
        {"window months",
         "  income_window_months:\n    - {from: 2000-01-01, value: @}",
         "3",
         "parameters.income_window_months[0].value",
         1,
         {"0", "121", "2.5"},
         {{"1", 1}, {"120", 120}}},
        {"amount",
         "{bases: [employed], from: 2024-01-01, value: @}",
         "1399",
         "parameters.monthly_income_requirement[3].value",
         0,
         {"-1", "-0.01"},
         {{"0", 0}, {"1399.99", 1399.99}}},
        {"hours",
         "  student_yearly_work_hours:\n    - {from: 2022-04-15, value: @}",
         "1560",
         "parameters.student_yearly_work_hours[0].value",
         1,
         {"-1", "-0.5"},
         {{"0", 0}, {"1560.5", 1560.5}}},
        {"quality-control sample",
         "  sample_size: [{from: 2000-01-01, value: @}]",
         "20",
         "quality_control.sample_size[0].value",
         0,
         {"2.5", "-1", "100001", "1e300"},
         {{"0", 0}, {"100000", 100000}}},
        // A divisor: officials needed = reviews / this.
        {"decided reviews per person-year",
         "  decided_reviews_per_person_year: [{from: 2000-01-01, value: @}]",
         "300",
         "forecast.decided_reviews_per_person_year[0].value",
         0,
         {"0", "2.5", "-1", "100001"},
         {{"1", 1}, {"100000", 100000}, {"300.0", 300}}},
        {"stock growth alarm",
         "  alarm_stock_growth_pct: [{from: 2000-01-01, value: @}]",
         "25",
         "forecast.alarm_stock_growth_pct[0].value",
         0,
         {"-1", "-0.5", "100000.5", "1e12"},
         {{"0", 0}, {"12.5", 12.5}, {"100000", 100000}}},
        {"over-capacity alarm",
         "  alarm_reviews_over_capacity_pct: [{from: 2000-01-01, value: @}]",
         "100",
         "forecast.alarm_reviews_over_capacity_pct[0].value",
         0,
         {"-100", "100001"},
         {{"0", 0}, {"150", 150}}},
    };
    return cases;
}

TEST(ConfigRefusal, ValuesOutsideTheirMeaningNameFileLineKeyAndWhatIsAllowed) {
    for (const auto& c : value_cases()) {
        for (const char* bad : c.bad) {
            const Edited e = replace_once(with_value(c.snippet, c.original), with_value(c.snippet, bad));
            const std::string m = load_error(e.text);
            EXPECT_TRUE(names(m, e.line + c.offset, c.key)) << c.what << " " << bad;
            EXPECT_TRUE(contains(m, std::string("'") + bad + "' is not ")) << c.what << " " << bad << ": " << m;
        }
    }
}

TEST(ConfigRefusal, EdgeValuesWithinTheirMeaningLoad) {
    for (const auto& c : value_cases()) {
        for (const auto& [text, expected] : c.good) {
            const Edited e = replace_once(with_value(c.snippet, c.original), with_value(c.snippet, text));
            try {
                const Config loaded = load_config_text(e.text, "test.yaml");
                EXPECT_EQ(loaded_value(loaded, c.key), expected) << c.what << " " << text;
            } catch (const ConfigError& err) {
                ADD_FAILURE() << c.what << " " << text << " was refused: " << err.what();
            }
        }
    }
}

TEST(ConfigRefusal, NonFiniteNumbersAreRefusedForEveryKind) {
    for (const char* bad : {".nan", ".inf", "-.inf", ".NaN", ".Inf"}) {
        const Edited e = replace_once("  review_threshold:\n    - {from: 2000-01-01, value: 1.0}",
                                      std::string("  review_threshold:\n    - {from: 2000-01-01, value: ") + bad + "}");
        const std::string m = load_error(e.text);
        EXPECT_TRUE(names(m, e.line + 1, "parameters.review_threshold[0].value")) << bad;
        EXPECT_TRUE(contains(m, "not a finite number")) << bad << ": " << m;
    }
}

TEST(ValueKinds, MessagesSayWhatIsAllowed) {
    using supervision::config::allows;
    using supervision::config::describe;
    using supervision::config::ValueKind;
    EXPECT_EQ(describe(ValueKind::day_count), "a whole number of days from 0 to 3650");
    EXPECT_EQ(describe(ValueKind::capacity), "a whole number from 0 to 100000");
    EXPECT_TRUE(allows(ValueKind::capacity, 0));
    EXPECT_TRUE(allows(ValueKind::capacity, 100000));
    EXPECT_FALSE(allows(ValueKind::capacity, 100000.5));
    EXPECT_FALSE(allows(ValueKind::weight, std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(allows(ValueKind::weight, std::numeric_limits<double>::infinity()));
    EXPECT_TRUE(allows(ValueKind::weight, std::numeric_limits<double>::max()));
    EXPECT_TRUE(allows(ValueKind::month_count, 0));
    EXPECT_FALSE(allows(ValueKind::month_window, 0));
    EXPECT_EQ(describe(ValueKind::productivity), "a whole number from 1 to 100000");
    EXPECT_FALSE(allows(ValueKind::productivity, 0));
    EXPECT_TRUE(allows(ValueKind::productivity, 1));
    EXPECT_EQ(describe(ValueKind::percent), "a finite percentage from 0 to 100000");
    EXPECT_TRUE(allows(ValueKind::percent, 0));
    EXPECT_FALSE(allows(ValueKind::percent, -0.1));
}

}  // namespace

// ---- escalation (rules.md §6): urgent_threshold and urgent_sla_days, both or neither ------

namespace {
const char* const kWorkSla =
    "bases: [specialist, eu_blue_card, employed, other_work]\n    daily_capacity: [{from: 2000-01-01, value: 50}]\n"
    "    sla_days: [{from: 2000-01-01, value: 30}]";
}  // namespace

TEST(QueueEscalation, NoneByDefault) {
    const Config c = load_config_text(default_text(), "test.yaml");
    EXPECT_TRUE(c.queues.at("work").urgent_threshold.values().empty());
    EXPECT_TRUE(c.queues.at("work").urgent_sla_days.values().empty());
}

TEST(QueueEscalation, BothGivenLoadWithTheirEdgeValues) {
    const auto e = replace_once(kWorkSla, std::string(kWorkSla) +
                                              "\n    urgent_threshold: [{from: 2027-01-01, value: 0}]"
                                              "\n    urgent_sla_days: [{from: 2027-01-01, value: 0}]");
    const Config c = load_config_text(e.text, "test.yaml");
    EXPECT_EQ(c.queues.at("work").urgent_threshold.values().size(), 1u);
    EXPECT_EQ(c.queues.at("work").urgent_sla_days.values().at(0).value, 0.0);
}

TEST(QueueEscalation, OneWithoutTheOtherIsRefusedNamingTheMissingKey) {
    const auto e =
        replace_once(kWorkSla, std::string(kWorkSla) + "\n    urgent_threshold: [{from: 2027-01-01, value: 2}]");
    const auto message = load_error(e.text);
    EXPECT_TRUE(contains(message, "queues.work.urgent_sla_days")) << message;
}

TEST(QueueEscalation, ValuesOutsideTheirMeaningAreRefused) {
    for (const auto& [threshold, days, key] :
         {std::tuple<const char*, const char*, const char*>{"-1", "7", "queues.work.urgent_threshold"},
          {"2", "3651", "queues.work.urgent_sla_days"},
          {"2", "1.5", "queues.work.urgent_sla_days"}}) {
        const auto e = replace_once(kWorkSla, std::string(kWorkSla) +
                                                  "\n    urgent_threshold: [{from: 2027-01-01, value: " + threshold +
                                                  "}]\n    urgent_sla_days: [{from: 2027-01-01, value: " + days + "}]");
        const auto message = load_error(e.text);
        EXPECT_TRUE(contains(message, key)) << message;
    }
}
