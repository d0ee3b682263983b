#pragma once
// The effective configuration as canonical JSON: what the run stores beside its digest,
// so that an auditor can see the exact parameters of any past run.
#include "config/config.h"

#include <nlohmann/json.hpp>

namespace supervision::config {

nlohmann::json to_json(const Config& c);
nlohmann::json to_json(const DatedParameter& p);

}  // namespace supervision::config
