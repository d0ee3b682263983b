#pragma once
// A percentage with one decimal (rules.md §9), held exactly as tenths so that the
// rounding is the same in every format: half away from zero, like PostgreSQL's round().
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace supervision::reports {

struct Percent {
    long long tenths = 0;  // 966 = 96.6 %

    // 100 × part / whole, one decimal; nullopt when whole is 0 (nothing to divide).
    static std::optional<Percent> of(long long part, long long whole) {
        if (whole <= 0) return std::nullopt;
        return Percent{(2000 * part + whole) / (2 * whole)};
    }
    // PostgreSQL's text of a numeric rounded to one decimal ("96.6", "100.0").
    static std::optional<Percent> parse(const std::optional<std::string>& text) {
        if (!text) return std::nullopt;
        const auto dot = text->find('.');
        const long long whole = std::stoll(text->substr(0, dot));
        const long long tenth = dot == std::string::npos || dot + 1 >= text->size() ? 0 : (*text)[dot + 1] - '0';
        return Percent{whole * 10 + tenth};
    }

    std::string text() const { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }
    double value() const { return static_cast<double>(tenths) / 10.0; }
};

inline nlohmann::json to_json(const std::optional<Percent>& p) {
    return p ? nlohmann::json(p->value()) : nlohmann::json();
}

}  // namespace supervision::reports
