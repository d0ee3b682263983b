#include "reports/suppression.h"

#include <cmath>
#include <cstdio>

namespace supervision::reports {

namespace {
bool any_small(std::initializer_list<long long> counts) {
    for (long long c : counts) {
        if (is_small(c)) return true;
    }
    return false;
}

// One decimal, or a whole number when published.
double rounded(double value, bool publish) {
    return publish ? std::round(value) : std::round(value * 10.0) / 10.0;
}
}  // namespace

bool is_small(long long count) {
    return count >= 1 && count <= 4;
}

nlohmann::json count_json(long long count, bool publish) {
    if (publish && is_small(count)) return kSuppressed;
    return count;
}

std::string count_text(long long count, bool publish) {
    if (publish && is_small(count)) return kSuppressed;
    return std::to_string(count);
}

nlohmann::json share_json(const std::optional<Percent>& share, std::initializer_list<long long> from, bool publish) {
    if (!share || (publish && any_small(from))) return nullptr;
    return share->value();
}

std::string share_text(const std::optional<Percent>& share, std::initializer_list<long long> from, bool publish) {
    if (!share || (publish && any_small(from))) return "";
    return share->text();
}

nlohmann::json estimate_json(double value, bool publish) {
    if (publish && value > 0 && value < 5) return kSuppressed;
    return rounded(value, publish);
}

std::string estimate_text(double value, bool publish) {
    if (publish && value > 0 && value < 5) return kSuppressed;
    char buf[64];
    std::snprintf(buf, sizeof buf, publish ? "%.0f" : "%.1f", rounded(value, publish));
    return buf;
}

}  // namespace supervision::reports
