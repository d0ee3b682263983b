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
        {"permit", "validate/permit"},
        {"income_record", "evaluate/income_read"},
        {"population_event", "validate/population_event"},
        {"company_status", "validate/company_status"},
        {"study_record", "validate/study_record"},
        {"benefit_payment", "validate/benefit_payment"},
        {"employment_notice", "validate/employment_notice"},
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
