#pragma once
// One line per stage on standard error: stage, rows, elapsed (issue: progress).
#include <spdlog/spdlog.h>

#include <chrono>
#include <string>

namespace supervision::run {

class StageLog {
public:
    explicit StageLog(std::string stage) : stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
    void done(long long rows) const {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_);
        spdlog::info("stage={} rows={} elapsed_ms={}", stage_, rows, ms.count());
    }

private:
    std::string stage_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace supervision::run
