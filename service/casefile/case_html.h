#pragma once
// The case file (case_file.h) as one self-contained, printable HTML page.
#include <nlohmann/json.hpp>

#include <string>

namespace supervision::casefile {

// Every value escaped; inline CSS, no script, nothing fetched.
std::string case_html(const nlohmann::json& case_file);

}  // namespace supervision::casefile
