#include "config/yaml_reader.h"

#include "config/config.h"
#include "errors.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace supervision::config {

void YamlReader::fail(const YAML::Node& at, const std::string& key, const std::string& what) const {
    const YAML::Mark m = at.Mark();
    std::string where = source_;
    if (m.line >= 0) where += ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
    throw ConfigError(where + ": " + key + ": " + what);
}

YAML::Node YamlReader::require(const YAML::Node& map, const std::string& key, const std::string& path) const {
    if (!map.IsMap()) fail(map, path, "expected a mapping with key '" + key + "'");
    for (const auto& kv : map) {
        if (kv.first.Scalar() == key) return kv.second;
    }
    fail(map, path.empty() ? key : path + "." + key, "missing; add it (see config/supervision.yaml)");
}

void YamlReader::only_keys(const YAML::Node& map, std::initializer_list<const char*> keys,
                           const std::string& path) const {
    if (!map.IsMap()) fail(map, path, "expected a mapping");
    for (const auto& kv : map) {
        const std::string k = kv.first.Scalar();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* a) { return k == a; })) {
            fail(kv.first, path.empty() ? k : path + "." + k, "unknown key; check its spelling");
        }
    }
}

std::string YamlReader::string(const YAML::Node& n, const std::string& path) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, path, "expected a non-empty value");
    return n.Scalar();
}

rules::Day YamlReader::date(const YAML::Node& n, const std::string& path) const {
    if (!n.IsScalar()) fail(n, path, "expected a date YYYY-MM-DD");
    const auto d = rules::parse_iso_date(n.Scalar());
    if (!d) fail(n, path, "'" + n.Scalar() + "' is not a valid date YYYY-MM-DD");
    return *d;
}

double YamlReader::number(const YAML::Node& n, const std::string& path) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, path, "expected a number");
    try {
        const double v = n.as<double>();
        if (!std::isfinite(v)) fail(n, path, "'" + n.Scalar() + "' is not a finite number");
        return v;
    } catch (const YAML::Exception&) {
        fail(n, path, "'" + n.Scalar() + "' is not a number");
    }
}

int YamlReader::positive_int(const YAML::Node& n, const std::string& path) const {
    const double v = number(n, path);
    if (v < 1 || v > 1000000 || std::floor(v) != v) fail(n, path, "expected a whole number ≥ 1");
    return static_cast<int>(v);
}

std::vector<std::string> YamlReader::string_list(const YAML::Node& n, const std::string& path) const {
    if (!n.IsSequence()) fail(n, path, "expected a list, e.g. [a, b]");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n.size(); ++i) out.push_back(string(n[i], path + "[" + std::to_string(i) + "]"));
    return out;
}

std::vector<std::string> YamlReader::word_list(const YAML::Node& n, const std::vector<std::string>& allowed,
                                               const std::string& path) const {
    auto words = string_list(n, path);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (std::find(allowed.begin(), allowed.end(), w) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            fail(n[i], path, "unknown value '" + w + "'; expected one of: " + list);
        }
        if (!seen.insert(w).second) fail(n[i], path, "'" + w + "' is listed twice");
    }
    return words;
}

DatedParameter YamlReader::dated(const YAML::Node& n, const std::string& name, const std::string& path,
                                 ValueKind kind) const {
    if (!n.IsSequence() || n.size() == 0) {
        fail(n, path, "expected a non-empty list of {from: YYYY-MM-DD, value: N}");
    }
    std::vector<DatedValue> values;
    // Per (basis, sequence) key: the previous start, to refuse unsorted and duplicate starts.
    std::map<std::pair<std::string, std::string>, rules::Day> last_start;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const YAML::Node e = n[i];
        const std::string ep = path + "[" + std::to_string(i) + "]";
        only_keys(e, {"from", "value", "bases", "sequences", "source"}, ep);
        const rules::Day from = date(require(e, "from", ep), ep + ".from");
        const YAML::Node value_node = require(e, "value", ep);
        const double value = number(value_node, ep + ".value");
        if (!allows(kind, value)) {
            fail(value_node, ep + ".value", "'" + value_node.Scalar() + "' is not " + describe(kind));
        }
        std::vector<std::string> bases{kAny}, sequences{kAny};
        if (e["bases"]) bases = word_list(e["bases"], known_bases(), ep + ".bases");
        if (e["sequences"]) sequences = word_list(e["sequences"], known_sequences(), ep + ".sequences");
        for (const auto& b : bases) {
            for (const auto& s : sequences) {
                const auto key = std::make_pair(b, s);
                const auto prev = last_start.find(key);
                if (prev != last_start.end() && prev->second == from) {
                    fail(e, ep + ".from", "duplicate start " + rules::to_iso(from) + " for the same key");
                }
                if (prev != last_start.end() && prev->second > from) {
                    fail(e, ep + ".from",
                         "list is not sorted: " + rules::to_iso(from) + " comes after " + rules::to_iso(prev->second) +
                             "; sort the entries by 'from'");
                }
                last_start[key] = from;
                values.push_back(DatedValue{b, s, from, value});
            }
        }
    }
    return DatedParameter(name, std::move(values));
}

namespace {

// A mapping or list met while walking the document; its key path is built from its
// parents only when a message needs it, so that a deep document costs no long strings.
struct Visit {
    YAML::Node node;
    std::size_t parent;  // index into the walk; npos for the root
    std::string label;   // "key" under a mapping, "[i]" under a list
};

std::string path_of(const std::vector<Visit>& walk, std::size_t i) {
    std::vector<const std::string*> labels;
    for (; i != std::string::npos; i = walk[i].parent) labels.push_back(&walk[i].label);
    std::string path;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
        const std::string& l = **it;
        if (l.empty()) continue;
        path += (path.empty() || l.front() == '[') ? l : "." + l;
    }
    return path;
}

}  // namespace

void YamlReader::refuse_duplicate_keys(const YAML::Node& root) const {
    // Iterative, and each node once: an alias is the node it names, so a chain of aliases
    // neither deepens the stack nor is walked more than once (a node is known by where it
    // starts in the text, and by its type).
    std::vector<Visit> walk{{root, std::string::npos, ""}};
    std::set<std::pair<std::size_t, int>> seen;
    for (std::size_t i = 0; i < walk.size(); ++i) {
        const YAML::Node n = walk[i].node;
        if (n.Mark().pos >= 0 &&
            !seen.emplace(static_cast<std::size_t>(n.Mark().pos), static_cast<int>(n.Type())).second) {
            continue;
        }
        if (n.IsSequence()) {
            std::size_t k = 0;
            for (const auto& e : n) {
                if (e.IsMap() || e.IsSequence()) walk.push_back({e, i, "[" + std::to_string(k) + "]"});
                ++k;
            }
            continue;
        }
        if (!n.IsMap()) continue;
        std::map<std::string, int> first_line;
        for (const auto& kv : n) {
            if (!kv.first.IsScalar()) continue;
            const std::string& key = kv.first.Scalar();
            const auto [at, fresh] = first_line.emplace(key, kv.first.Mark().line + 1);
            if (!fresh) {
                const std::string parent = path_of(walk, i);
                fail(kv.first, parent.empty() ? key : parent + "." + key,
                     "key given twice (first on line " + std::to_string(at->second) + "); keep one");
            }
            if (kv.second.IsMap() || kv.second.IsSequence()) walk.push_back({kv.second, i, key});
        }
    }
}

}  // namespace supervision::config
