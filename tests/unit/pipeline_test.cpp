// The pipeline is declared once (service/run/pipeline.cpp): its SQL folders exist and are
// all of sql/run's numbered folders, in pipeline order, and docs/architecture.md's table
// says the same, row for row.
#include "run/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace supervision::run {
namespace {

std::string source(const std::string& relative) {
    return std::string(SUPERVISION_SOURCE_DIR) + "/" + relative;
}

TEST(Pipeline, EveryStageHasItsOwnNumberedFolderInPipelineOrder) {
    std::vector<std::string> folders;
    for (const auto& stage : pipeline()) {
        if (*stage.folder == '\0') continue;  // its statements are a report's
        EXPECT_TRUE(std::filesystem::is_directory(source("sql/run/") + stage.folder)) << stage.folder;
        folders.emplace_back(stage.folder);
    }
    std::vector<std::string> sorted = folders;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(folders, sorted) << "the folders' numbers follow the pipeline";
    std::set<std::string> numbered;
    for (const auto& entry : std::filesystem::directory_iterator(source("sql/run"))) {
        const std::string name = entry.path().filename().string();
        if (!name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) numbered.insert(name);
    }
    EXPECT_EQ(numbered, std::set<std::string>(folders.begin(), folders.end()));
}

TEST(Pipeline, StageNamesAreUnique) {
    std::set<std::string> names;
    for (const auto& stage : pipeline()) EXPECT_TRUE(names.insert(stage.name).second) << stage.name;
}

TEST(PipelineDocs, ArchitectureTableMatchesThePipeline) {
    std::ifstream in(source("docs/architecture.md"));
    std::string line;
    std::vector<std::string> rows;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (line.rfind("| stage | phase | SQL | reads | writes |", 0) == 0) {
            in_table = true;
            continue;
        }
        if (!in_table) continue;
        if (line.rfind("|---", 0) == 0) continue;
        if (line.rfind("|", 0) != 0) break;
        rows.push_back(line);
    }
    std::vector<std::string> expected;
    for (const auto& s : pipeline()) {
        const std::string sql = *s.folder == '\0' ? "—" : std::string("`sql/run/") + s.folder + "/`";
        expected.push_back(std::string("| ") + s.name + " | " + phase_name(s.phase) + " | " + sql + " | " + s.reads +
                           " | " + s.writes + " |");
    }
    EXPECT_EQ(rows, expected);
}

}  // namespace
}  // namespace supervision::run
