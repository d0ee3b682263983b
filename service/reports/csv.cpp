#include "reports/csv.h"

namespace supervision::reports {

namespace {

// -?digits(.digits)?: what the reports write for a count, a share or an estimate.
bool plain_decimal(const std::string& s) {
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    const std::size_t int_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == int_start) return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    const std::size_t frac_start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > frac_start && i == s.size();
}

bool reads_as_formula(const std::string& s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

std::string quoted_if_needed(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string csv_field(const CsvCell& cell) {
    const std::string& v = cell.value();
    if (cell.is_number() && plain_decimal(v)) return v;
    return quoted_if_needed(reads_as_formula(v) ? "'" + v : v);
}

std::string csv_record(const std::vector<CsvCell>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_field(cells[i]);
    }
    return out + "\r\n";
}

}  // namespace supervision::reports
