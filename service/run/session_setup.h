#pragma once
#include "config/config.h"

#include <pqxx/pqxx>

namespace supervision::run {

// Creates the run's temporary tables in `tx` and fills them from the configuration.
void load_session(pqxx::transaction_base& tx, const config::Config& config);

}  // namespace supervision::run
