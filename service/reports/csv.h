#pragma once
// RFC 4180 CSV: CRLF line ends; a field with a comma, a double quote, CR or LF is quoted
// and its quotes doubled. UTF-8, no byte-order mark.
#include <string>
#include <vector>

namespace supervision::reports {

std::string csv_field(const std::string& value);
// One record with its CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace supervision::reports
