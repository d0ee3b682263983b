#include "config/config_file.h"

#include "errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace supervision::config {

namespace {

const char* const kWhatToDo = "pass the YAML configuration file with --config (e.g. /etc/supervision/supervision.yaml)";

[[noreturn]] void refuse(const std::string& path, const std::string& what) {
    throw ConfigError(path + ": " + what + "; " + kWhatToDo);
}

[[noreturn]] void refuse_errno(const std::string& path, int error) {
    refuse(path, std::string("cannot be read (") + std::strerror(error) + ")");
}

std::string file_type(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a plain file";
}

void refuse_unless_regular_and_small(const std::string& path, const struct stat& st) {
    if (!S_ISREG(st.st_mode)) refuse(path, "is " + file_type(st.st_mode) + ", not a regular file");
    if (static_cast<unsigned long long>(st.st_size) > kMaxConfigBytes) {
        refuse(path, "is " + std::to_string(st.st_size) + " bytes, more than the 1 MiB a configuration may have");
    }
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() { ::close(fd_); }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

std::string read_config_file(const std::string& path) {
    // The path is looked at before it is opened, so that nothing but a regular file is
    // opened at all (opening a device can have effects of its own).
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) refuse_errno(path, errno);
    refuse_unless_regular_and_small(path, st);
    // O_NONBLOCK: should the path become a FIFO between stat and open, opening returns at
    // once instead of waiting for a writer; fstat then refuses it.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) refuse_errno(path, errno);
    const Descriptor file(fd);
    if (::fstat(file.get(), &st) != 0) refuse_errno(path, errno);
    refuse_unless_regular_and_small(path, st);
    // Read at most one byte more than allowed: a file that grew since fstat is refused too.
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(file.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) refuse_errno(path, errno);
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxConfigBytes) refuse(path, "is more than the 1 MiB a configuration may have");
    }
    return text;
}

}  // namespace supervision::config
