#include "support/validation_reasons.h"

#include "support/run_helpers.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <utility>

namespace supervision::test {

std::set<std::string> validation_reasons() {
    // register → the file that validates it (the Incomes Register where it is read once).
    const std::pair<const char*, const char*> files[] = {
        {"permit", "10_validate/permit"},
        {"income_record", "13_prepare/income_read"},
        {"population_event", "10_validate/population_event"},
        {"company_status", "10_validate/company_status"},
        {"study_record", "10_validate/study_record"},
        {"benefit_payment", "10_validate/benefit_payment"},
        {"employment_notice", "10_validate/employment_notice"},
    };
    const std::regex reason(R"(THEN '((?:[^']|'')+)' END)");
    std::set<std::string> in_sql;
    for (const auto& [source, file] : files) {
        std::ifstream in(source_path(std::string("sql/run/") + file + ".sql"));
        std::stringstream text;
        text << in.rdbuf();
        const std::string sql = text.str();
        for (auto it = std::sregex_iterator(sql.begin(), sql.end(), reason); it != std::sregex_iterator(); ++it) {
            in_sql.insert(std::string(source) + ": " + std::regex_replace((*it)[1].str(), std::regex("''"), "'"));
        }
    }
    return in_sql;
}

}  // namespace supervision::test
