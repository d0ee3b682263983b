#pragma once
// A signal's evidence (the jsonb each rule writes, sql/run/signals/<type>.sql) in sentences
// an official can read out to the holder and defend: the figures, the months or terms
// looked at, each parameter with the day it came into force, and how complete each
// register used was. Facts a sentence does not cover are still listed, by their key, so
// that nothing recorded is hidden.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace supervision::casefile {

// The signal type as a heading ("No income").
std::string signal_title(const std::string& signal_type);

// The evidence of one signal of that type, as sentences in order.
std::vector<std::string> describe_evidence(const std::string& signal_type, const nlohmann::json& evidence);

// Formatting shared with the case file's other sentences.
std::string money(const nlohmann::json& amount);            // 3827 → "€3,827.00"
std::string figure(const nlohmann::json& number);           // 1700 → "1,700"; 1.5 → "1.5"
std::string text_of(const nlohmann::json& value);           // a string as it is, a number as figure(), null as "none"
std::string joined(const std::vector<std::string>& items);  // "a, b and c"
// The first 12 characters of a configuration digest and "…" (the runs list has it whole).
std::string short_digest(const std::string& digest);

}  // namespace supervision::casefile
