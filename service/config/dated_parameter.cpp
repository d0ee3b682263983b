#include "config/dated_parameter.h"

#include <utility>

namespace supervision::config {

namespace {
bool key_matches(const std::string& entry_key, const std::string& wanted) {
    return entry_key == kAny || wanted == kAny || entry_key == wanted;
}
int specificity(const DatedValue& v) {
    return (v.basis != kAny ? 2 : 0) + (v.sequence != kAny ? 1 : 0);
}
}  // namespace

DatedParameter::DatedParameter(std::string name, std::vector<DatedValue> values)
    : name_(std::move(name)), values_(std::move(values)) {}

const DatedValue* DatedParameter::entry_on(rules::Day day, const std::string& basis,
                                           const std::string& sequence) const {
    const DatedValue* best = nullptr;
    for (const auto& v : values_) {
        if (v.from > day || !key_matches(v.basis, basis) || !key_matches(v.sequence, sequence)) continue;
        if (best == nullptr || v.from > best->from || (v.from == best->from && specificity(v) > specificity(*best))) {
            best = &v;
        }
    }
    return best;
}

std::optional<double> DatedParameter::value_on(rules::Day day, const std::string& basis,
                                               const std::string& sequence) const {
    const DatedValue* e = entry_on(day, basis, sequence);
    if (e == nullptr) return std::nullopt;
    return e->value;
}

}  // namespace supervision::config
