#pragma once
// --log-format json: one JSON object per line on standard error, for log shippers
// (journald, Kubernetes, Loki): {"time": "…Z", "level": "info", "logger": …, "message": "…"}.
#include <spdlog/formatter.h>

#include <memory>

namespace supervision::cli {

// A formatter that writes each record as one JSON line; the message is escaped by the
// JSON library (invalid UTF-8 replaced), so a line is always one valid object.
std::unique_ptr<spdlog::formatter> json_line_formatter();

}  // namespace supervision::cli
