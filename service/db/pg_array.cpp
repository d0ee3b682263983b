#include "db/pg_array.h"

#include <iomanip>
#include <sstream>

namespace supervision::db {

namespace {
void append_quoted(std::string& out, const std::string& v) {
    out += '"';
    for (const char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}
}  // namespace

std::string text_array(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        append_quoted(out, values[i]);
    }
    return out + "}";
}

std::string optional_text_array(const std::vector<std::optional<std::string>>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        if (values[i]) {
            append_quoted(out, *values[i]);
        } else {
            out += "NULL";
        }
    }
    return out + "}";
}

std::string number_array(const std::vector<double>& values) {
    std::ostringstream out;
    out << std::setprecision(15) << '{';
    for (std::size_t i = 0; i < values.size(); ++i) out << (i > 0 ? "," : "") << values[i];
    out << '}';
    return out.str();
}

std::string int_array(const std::vector<long long>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i > 0 ? "," : "") + std::to_string(values[i]);
    return out + "}";
}

}  // namespace supervision::db
