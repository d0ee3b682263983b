#pragma once
// One line per stage on standard error: stage, rows, elapsed, so an operator sees the progress.
#include "run/run_context.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <string>

namespace supervision::run {

class StageLog {
public:
    explicit StageLog(std::string stage, const Shard& shard = {})
        : stage_(std::move(stage)), shard_(shard), start_(std::chrono::steady_clock::now()) {}
    void done(long long rows) const {
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_);
        if (shard_.count > 1) {
            spdlog::info("stage={} shard={}/{} rows={} elapsed_ms={}", stage_, shard_.index, shard_.count, rows,
                         ms.count());
        } else {
            spdlog::info("stage={} rows={} elapsed_ms={}", stage_, rows, ms.count());
        }
    }

private:
    std::string stage_;
    Shard shard_;
    std::chrono::steady_clock::time_point start_;
};

// Stage durations into the run's counts (counts["stage_seconds"][stage], to the
// millisecond), for the metrics file: lap(stage) after each stage's call.
class StageClock {
public:
    explicit StageClock(Counts& counts) : counts_(counts), last_(std::chrono::steady_clock::now()) {}
    void lap(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - last_).count();
        counts_["stage_seconds"][stage] = std::round(seconds * 1000.0) / 1000.0;
        last_ = now;
    }
    // Starts the next lap now: the time since the last one was counted elsewhere.
    void restart() { last_ = std::chrono::steady_clock::now(); }

private:
    Counts& counts_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace supervision::run
