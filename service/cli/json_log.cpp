#include "cli/json_log.h"

#include <date/date.h>
#include <nlohmann/json.hpp>

namespace supervision::cli {

namespace {

class JsonLineFormatter final : public spdlog::formatter {
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        const auto level = spdlog::level::to_string_view(msg.level);
        const nlohmann::ordered_json line{
            {"time", date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(msg.time))},
            {"level", std::string(level.data(), level.size())},
            {"logger", std::string(msg.logger_name.data(), msg.logger_name.size())},
            {"message", std::string(msg.payload.data(), msg.payload.size())},
        };
        const std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
        dest.append(text.data(), text.data() + text.size());
    }
    std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLineFormatter>(); }
};

}  // namespace

std::unique_ptr<spdlog::formatter> json_line_formatter() {
    return std::make_unique<JsonLineFormatter>();
}

}  // namespace supervision::cli
