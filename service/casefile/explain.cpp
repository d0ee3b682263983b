#include "casefile/explain.h"

#include "casefile/case_file.h"
#include "casefile/case_html.h"
#include "errors.h"

namespace supervision::casefile {

std::string explain(pqxx::connection& conn, const Subject& subject, const std::string& format) {
    if (format != "json" && format != "html") {
        throw UsageError("--format " + format + ": the case file is json or html");
    }
    const auto doc = load_case_file(conn, subject);
    return format == "json" ? doc.dump(2) + "\n" : case_html(doc);
}

}  // namespace supervision::casefile
