#pragma once
// RFC 4180 CSV: CRLF line ends; a field with a comma, a double quote, CR or LF is quoted
// and its quotes doubled. UTF-8, no byte-order mark.
//
// A spreadsheet reads a cell that starts with =, +, - or @ as a formula (a tab or a carriage
// return first can lead to the same), so a text cell that starts with one of these (a
// permit id of a register row is anyone's text) gets a single quote ' in front, which the
// spreadsheet shows as text (OWASP, CSV injection). A number cell is written as it is, so
// that -3 or -1.5 stays a number; a number cell whose text is not a plain decimal number is
// treated as text.
#include <string>
#include <utility>
#include <vector>

namespace supervision::reports {

class CsvCell {
public:
    // A text cell (implicit, so that text is the default and a number must be said).
    CsvCell(std::string text) : value_(std::move(text)) {}
    CsvCell(const char* text) : value_(text) {}
    // A figure already formatted by its report ("44.4", "-3", or "" and "<5" for none and
    // suppressed, which are text).
    static CsvCell number(std::string formatted) {
        CsvCell c(std::move(formatted));
        c.number_ = true;
        return c;
    }
    static CsvCell number(long long n) { return number(std::to_string(n)); }

    const std::string& value() const { return value_; }
    bool is_number() const { return number_; }

private:
    std::string value_;
    bool number_ = false;
};

std::string csv_field(const CsvCell& cell);
// One record with its CRLF.
std::string csv_record(const std::vector<CsvCell>& cells);

}  // namespace supervision::reports
