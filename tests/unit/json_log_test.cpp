// --log-format json (cli/json_log.h): every record is one line holding one JSON object,
// whatever the message contains.
#include "cli/json_log.h"

#include <gtest/gtest.h>
#include <spdlog/details/log_msg.h>
#include <nlohmann/json.hpp>

#include <string>

namespace supervision::cli {
namespace {

std::string format(const std::string& message, spdlog::level::level_enum level = spdlog::level::warn) {
    const auto formatter = json_line_formatter();
    spdlog::details::log_msg msg("supervision", level, message);
    spdlog::memory_buf_t buf;
    formatter->format(msg, buf);
    return std::string(buf.data(), buf.size());
}

TEST(JsonLogTest, OneObjectPerLineWithTimeLevelAndMessage) {
    const std::string line = format("stage=enrol rows=3");
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1);
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["message"], "stage=enrol rows=3");
    EXPECT_EQ(j["level"], "warning");
    EXPECT_EQ(j["logger"], "supervision");
    EXPECT_EQ(j["time"].get<std::string>().back(), 'Z');
}

TEST(JsonLogTest, QuotesNewlinesAndInvalidUtf8StayInsideTheObject) {
    const std::string line = format("a \"quoted\" \\ path\nsecond line \xff end");
    EXPECT_EQ(line.find('\n'), line.size() - 1);
    const auto j = nlohmann::json::parse(line);
    EXPECT_NE(j["message"].get<std::string>().find("\"quoted\" \\ path\nsecond line"), std::string::npos);
}

}  // namespace
}  // namespace supervision::cli
