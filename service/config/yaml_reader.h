#pragma once
// Typed reads of YAML nodes that fail with the file, line, column and key path.
#include "config/dated_parameter.h"
#include "config/value_kinds.h"
#include "rules/dates.h"

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace supervision::config {

class YamlReader {
public:
    explicit YamlReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const YAML::Node& at, const std::string& key, const std::string& what) const;

    YAML::Node require(const YAML::Node& map, const std::string& key, const std::string& path) const;
    void only_keys(const YAML::Node& map, std::initializer_list<const char*> keys, const std::string& path) const;

    std::string string(const YAML::Node& n, const std::string& path) const;
    rules::Day date(const YAML::Node& n, const std::string& path) const;
    double number(const YAML::Node& n, const std::string& path) const;
    int positive_int(const YAML::Node& n, const std::string& path) const;
    std::vector<std::string> string_list(const YAML::Node& n, const std::string& path) const;
    // A list drawn from `allowed`; an unknown word is refused.
    std::vector<std::string> word_list(const YAML::Node& n, const std::vector<std::string>& allowed,
                                       const std::string& path) const;
    // A dated list whose every value must be of `kind` (value_kinds.h).
    DatedParameter dated(const YAML::Node& n, const std::string& name, const std::string& path, ValueKind kind) const;

    // Refuses a key given twice in any mapping of the document, at the second one. YAML
    // leaves a repeated key undefined and yaml-cpp keeps both, so one reader would take the
    // first and another the last: the file would say two things at once.
    void refuse_duplicate_keys(const YAML::Node& root) const;

private:
    std::string source_;
};

}  // namespace supervision::config
