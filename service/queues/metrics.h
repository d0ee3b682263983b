#pragma once
// The queues' figures (queues/flow.h) as Prometheus text-format gauges, one sample per queue
// (docs/operations.md, "Metrics"), for the nightly run's metrics file.
#include <nlohmann/json.hpp>

#include <string>

namespace supervision::queues {

// Every family with its HELP and TYPE lines, from queues::flow()'s object. A median,
// maximum or ratio that is null (no review to take it of) has no sample for that queue.
std::string metrics_text(const nlohmann::json& flow);

}  // namespace supervision::queues
