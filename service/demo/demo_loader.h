#pragma once
// Loads the deterministic demo registers of sql/demo/generate.sql (docs/demo-data.md).
#include "rules/dates.h"

#include <pqxx/pqxx>

namespace supervision::demo {

struct DemoSpec {
    long long permits = 20000;
    long long seed = 42;
    rules::Day as_of;
    bool replace = false;  // without it, registry tables holding rows are left alone
};

// Returns the number of permits generated. Throws UsageError when the registry already
// holds rows and `replace` is not set, so real registers are never overwritten by accident.
long long load_demo(pqxx::connection& conn, const DemoSpec& spec);

}  // namespace supervision::demo
