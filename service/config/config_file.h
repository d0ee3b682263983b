#pragma once
// Reading the configuration file itself, before any YAML: only a regular file of a sane
// size is read, so that a wrong --config (a folder, /dev/zero, a FIFO, a log) is refused at
// once with exit 3 instead of exhausting memory or waiting for a writer forever.
#include <cstddef>
#include <string>

namespace supervision::config {

// The largest configuration read. The shipped file is about 8 KB and a decade of dated
// entries adds a few KB more; yaml-cpp keeps every scalar as a node many times its text, so
// 1 MiB leaves a hundredfold room for real files while bounding what a wrong path costs.
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;

// The whole text of the file at `path`. Throws ConfigError naming the path and what to
// do when it is missing or unreadable, not a regular file, or larger than kMaxConfigBytes.
std::string read_config_file(const std::string& path);

}  // namespace supervision::config
