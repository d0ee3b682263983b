#pragma once
#include "config/config.h"

#include <string>

namespace supervision::config {

// Reads and validates a YAML configuration. Throws ConfigError with
// "<file>:<line>:<column>: <key>: <what is wrong>" for the first problem found.
Config load_config(const std::string& path);

// The same from text; `source_name` stands for the file in messages.
Config load_config_text(const std::string& text, const std::string& source_name);

}  // namespace supervision::config
