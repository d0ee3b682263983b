#include "config/config.h"

#include "errors.h"

namespace supervision::config {

const std::vector<std::string>& known_bases() {
    static const std::vector<std::string> v{"student",  "specialist",    "eu_blue_card", "growth_entrepreneur",
                                            "employed", "self_employed", "other_work",   "researcher",
                                            "family",   "other"};
    return v;
}

const std::vector<std::string>& known_sequences() {
    static const std::vector<std::string> v{"first", "extended"};
    return v;
}

const std::vector<std::string>& known_signal_types() {
    static const std::vector<std::string> v{
        "income_below_requirement", "no_income",        "employment_ended", "emigrated",
        "not_moved_to_finland",     "company_inactive", "study_inactive",   "student_work_hours_exceeded",
        "social_assistance",        "thematic"};
    return v;
}

const std::vector<std::string>& signal_types_dated_by_run() {
    static const std::vector<std::string> v{"emigrated", "company_inactive", "employment_ended", "not_moved_to_finland",
                                            "thematic"};
    return v;
}

const std::vector<std::string>& required_parameters() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> names;
        for (const auto& p : known_parameters()) names.push_back(p.name);
        return names;
    }();
    return v;
}

const DatedParameter& Config::parameter(const std::string& name) const {
    const auto it = parameters.find(name);
    if (it == parameters.end()) {
        throw ConfigError(source_path + ": parameters." + name + ": missing; add it (see config/supervision.yaml)");
    }
    return it->second;
}

}  // namespace supervision::config
