// Reading the configuration file (config_file.h): only a regular file of at most 1 MiB is
// read; anything else is refused at once with exit 3, naming the path and what to do.
#include "config/config_file.h"
#include "config/loader.h"
#include "errors.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <string>

namespace {

using supervision::ConfigError;
using supervision::ExitCode;
using supervision::config::kMaxConfigBytes;
using supervision::config::load_config;

const std::string kDefaultPath = std::string(SUPERVISION_SOURCE_DIR) + "/config/supervision.yaml";

std::string default_text() {
    std::ifstream in(kDefaultPath);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class ConfigFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        char name[] = "/tmp/supervision_config_file_XXXXXX";
        ASSERT_NE(::mkdtemp(name), nullptr);
        dir_ = name;
    }
    void TearDown() override { std::system(("rm -rf '" + dir_ + "'").c_str()); }

    std::string write(const std::string& name, const std::string& text) {
        const std::string path = dir_ + "/" + name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    std::string dir_;
};

// The message of the ConfigError loading `path` throws (exit code 3).
std::string refusal(const std::string& path) {
    try {
        load_config(path);
    } catch (const ConfigError& e) {
        EXPECT_EQ(e.code(), ExitCode::config);
        return e.what();
    }
    ADD_FAILURE() << path << " loaded";
    return "";
}

bool contains(const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
}

TEST_F(ConfigFileTest, ADirectoryIsRefusedAsADirectory) {
    const std::string m = refusal(dir_);
    EXPECT_EQ(m.rfind(dir_ + ": is a directory, not a regular file; pass the YAML configuration file with --config", 0),
              0u)
        << m;
}

TEST_F(ConfigFileTest, DevZeroIsRefusedWithoutReadingIt) {
    const std::string m = refusal("/dev/zero");
    EXPECT_EQ(m.rfind("/dev/zero: is a character device, not a regular file;", 0), 0u) << m;
}

TEST_F(ConfigFileTest, AFifoIsRefusedAtOnceWithoutWaitingForAWriter) {
    const std::string fifo = dir_ + "/config.yaml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto loading = std::async(std::launch::async, [&] { return refusal(fifo); });
    if (loading.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        // Unblock the reader so that the test ends, failed.
        const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (w >= 0) ::close(w);
        FAIL() << "loading a FIFO waited for a writer";
    }
    const std::string m = loading.get();
    EXPECT_EQ(m.rfind(fifo + ": is a FIFO (named pipe), not a regular file;", 0), 0u) << m;
}

TEST_F(ConfigFileTest, AFileOverOneMebibyteIsRefusedAndOneOfExactlyThatSizeLoads) {
    const std::string text = default_text();
    ASSERT_LT(text.size() + 2, kMaxConfigBytes);
    // Padding with a comment keeps the configuration the same.
    std::string at_limit = text + "#" + std::string(kMaxConfigBytes - text.size() - 2, 'x') + "\n";
    ASSERT_EQ(at_limit.size(), kMaxConfigBytes);
    EXPECT_NO_THROW(load_config(write("at-limit.yaml", at_limit)));

    const std::string over = write("over.yaml", at_limit + "\n");
    const std::string m = refusal(over);
    EXPECT_EQ(m.rfind(over + ": is 1048577 bytes, more than the 1 MiB a configuration may have;", 0), 0u) << m;
}

TEST_F(ConfigFileTest, AMissingOrUnreadableFileNamesThePathAndTheReason) {
    const std::string missing = dir_ + "/missing.yaml";
    const std::string m = refusal(missing);
    EXPECT_EQ(m.rfind(missing + ": cannot be read (No such file or directory); pass the YAML configuration", 0), 0u)
        << m;
}

TEST_F(ConfigFileTest, ASymlinkToARegularFileIsReadThroughIt) {
    const std::string target = write("real.yaml", default_text());
    const std::string link = dir_ + "/link.yaml";
    ASSERT_EQ(::symlink(target.c_str(), link.c_str()), 0);
    EXPECT_EQ(load_config(link).coverage_lines.size(), 11u);
}

}  // namespace
