#include "reports/html.h"

#include "version.h"

#include <cstdio>

namespace supervision::reports::html {

namespace {

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:76rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
.lead{font-size:1.1rem}.big{font-size:2.4rem;font-weight:bold}.ok{color:#1d6b2f}.short{color:#a14400}
.views{display:flex;gap:2rem;flex-wrap:wrap}.view{flex:1 1 24rem;border:1px solid #ddd;border-radius:4px;padding:.4rem 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}th,td{padding:.3rem .6rem;vertical-align:top;border-bottom:1px solid #ddd;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n,td.k{white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #555}
th.group{text-align:center;border-bottom:2px solid #999}td.sep,th.sep{border-left:2px solid #999}
tr.immature td{color:#777}tr.alarm td{background:#fdecea}
caption{text-align:left;color:#555;font-size:.9rem;caption-side:bottom;padding-top:.3rem}
.note{color:#555;font-size:.9rem}svg text{font-family:inherit;font-size:13px}
)";

}  // namespace

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string whole(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

void head(std::ostringstream& o, const std::string& title) {
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

void foot(std::ostringstream& o, const std::string& judged_by) {
    o << "<footer class=\"note\"><p>" << escape(judged_by) << " supervision " << kServiceVersion
      << ".</p></footer>\n</body>\n</html>\n";
}

}  // namespace supervision::reports::html
