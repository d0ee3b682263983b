// One source per list: the C++ lists (config::known_*, run/registers.h) are the truth, the
// SQL receives them (pg_temp.vocabulary). These tests read every SQL file of the run, the
// reports and the case file, and fail when one names a member that no list has: a signal
// type, a basis or a sequence compared or produced by name, a register by source, a signal
// type's own file.
#include "config/config.h"
#include "run/registers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace supervision {
namespace {

namespace fs = std::filesystem;

std::string source(const std::string& relative) {
    return std::string(SUPERVISION_SOURCE_DIR) + "/" + relative;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The statements of the service that read its lists: not the migrations, which are history.
std::vector<fs::path> sql_files() {
    std::vector<fs::path> files;
    for (const char* folder : {"sql/run", "sql/reports", "sql/casefile"}) {
        if (!fs::exists(source(folder))) continue;
        for (const auto& entry : fs::recursive_directory_iterator(source(folder))) {
            if (entry.path().extension() == ".sql") files.push_back(entry.path());
        }
    }
    return files;
}

// SQL without its comments.
std::string code(const std::string& sql) {
    return std::regex_replace(sql, std::regex("--[^\n]*"), "");
}

// Every 'word' that the column is compared with (=, <>, IN (…), NOT IN (…)) or that is
// produced as it ('word' AS column).
std::set<std::string> named(const std::string& sql, const std::string& column) {
    std::set<std::string> out;
    const std::regex compared("\\b" + column + "\\s*(=|<>|!=)\\s*'([a-z_]+)'");
    const std::regex produced("'([a-z_]+)'\\s+AS\\s+" + column + "\\b", std::regex::icase);
    const std::regex listed("\\b" + column + "\\s+(NOT\\s+)?IN\\s*\\((\\s*'[a-z_]+'(\\s*,\\s*'[a-z_]+')*\\s*)\\)",
                            std::regex::icase);
    const std::regex word("'([a-z_]+)'");
    for (std::sregex_iterator i(sql.begin(), sql.end(), compared), end; i != end; ++i) out.insert((*i)[2]);
    for (std::sregex_iterator i(sql.begin(), sql.end(), produced), end; i != end; ++i) out.insert((*i)[1]);
    for (std::sregex_iterator i(sql.begin(), sql.end(), listed), end; i != end; ++i) {
        const std::string inside = (*i)[2];
        for (std::sregex_iterator w(inside.begin(), inside.end(), word); w != end; ++w) out.insert((*w)[1]);
    }
    return out;
}

void expect_members(const std::string& column, const std::set<std::string>& list) {
    for (const auto& file : sql_files()) {
        for (const auto& member : named(code(slurp(file)), column)) {
            EXPECT_TRUE(list.count(member))
                << file.string() << " names " << column << " '" << member << "', which no list of the service has";
        }
    }
}

template <typename List>
std::set<std::string> set_of(const List& list) {
    return std::set<std::string>(std::begin(list), std::end(list));
}

TEST(Vocabulary, EverySignalTypeNamedInSqlIsOneTheServiceKnows) {
    expect_members("signal_type", set_of(config::known_signal_types()));
}

TEST(Vocabulary, EveryBasisAndSequenceNamedInSqlIsOneTheServiceKnows) {
    expect_members("basis", set_of(config::known_bases()));
    expect_members("sequence", set_of(config::known_sequences()));
}

TEST(Vocabulary, EveryRegisterNamedInSqlIsOneTheServiceKnows) {
    std::set<std::string> registers = set_of(run::kCapturedRegisters);
    for (const char* s : run::kSources) registers.insert(s);
    expect_members("source", registers);
}

// A signal type's statement is sql/run/15_signals/<type>.sql: a file for every type, and no
// file of a type that no list has.
TEST(Vocabulary, EverySignalFileIsAKnownTypeAndEveryTypeHasItsFile) {
    std::set<std::string> files;
    for (const auto& entry : fs::directory_iterator(source("sql/run/15_signals"))) {
        const std::string name = entry.path().stem().string();
        if (name != "common_evidence") files.insert(name);
    }
    EXPECT_EQ(files, set_of(config::known_signal_types()));
}

TEST(Vocabulary, ThematicSignalsComeLastForTheyMaySelectOnTheOthers) {
    EXPECT_EQ(config::known_signal_types().back(), "thematic");
}

TEST(Vocabulary, TheTypesDatedByRunAreSignalTypes) {
    for (const auto& type : config::signal_types_dated_by_run()) {
        EXPECT_TRUE(set_of(config::known_signal_types()).count(type)) << type;
    }
}

TEST(Vocabulary, EveryPersonRegisterHasItsValidationAndIsCaptured) {
    for (const char* r : run::kPersonRegisters) {
        EXPECT_TRUE(fs::exists(source("sql/run/10_validate/") + r + ".sql")) << r;
        EXPECT_TRUE(set_of(run::kCapturedRegisters).count(r)) << r;
    }
}

}  // namespace
}  // namespace supervision
