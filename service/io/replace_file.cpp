#include "io/replace_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <vector>

namespace supervision::io {

namespace {

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void fail(const std::string& path, const std::string& step, int error) {
    throw WriteFailure(path + ": cannot be written (" + step + ": " + std::strerror(error) + ")");
}

// The process's umask, which can only be read by setting it: set back at once. The
// commands write their files from one thread, so nothing else creates a file meanwhile.
mode_t current_umask() {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// The permission bits the new file gets: those of the regular file it replaces, else
// what a plain create would give. lstat: a symbolic link at `path` is replaced, not
// followed, so its target's mode is not taken either.
mode_t mode_for(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 0777;
    return 0666 & ~current_umask();
}

// The temporary file: closed and removed unless it was renamed into place.
class Temporary {
public:
    Temporary(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    ~Temporary() {
        if (fd_ >= 0) ::close(fd_);
        if (!renamed_) ::unlink(path_.c_str());
    }
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    // Closes the file; returns the error of close(2), 0 when none.
    int close() {
        const int result = ::close(fd_);
        fd_ = -1;
        return result == 0 ? 0 : errno;
    }
    void renamed() { renamed_ = true; }

private:
    int fd_;
    std::string path_;
    bool renamed_ = false;
};

// A name of at most NAME_MAX (255) bytes however long the target's is.
std::string temporary_template(const std::string& path) {
    std::string name = name_of(path).substr(0, 200);
    return folder_of(path) + "/." + name + ".XXXXXX";
}

void write_all(const Temporary& file, const std::string& path, const std::string& text) {
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(file.fd(), data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            fail(path, "writing " + file.path(), error);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Makes the rename itself durable. The new file is in place whatever this returns, so a
// failure here is not reported as a failure to write it.
void sync_folder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void replace_file(const std::string& path, const std::string& text) {
    const mode_t mode = mode_for(path);
    const std::string name = temporary_template(path);
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    const int fd = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        fail(path, "creating a temporary file in " + folder_of(path), error);
    }
    Temporary file(fd, buffer.data());
    // mkstemp creates the file 0600; fchmod gives it its mode (the umask does not apply).
    int error = ::fchmod(file.fd(), mode) == 0 ? 0 : errno;
    if (error != 0) fail(path, "setting the mode of " + file.path(), error);
    write_all(file, path, text);
    error = ::fsync(file.fd()) == 0 ? 0 : errno;
    if (error != 0) fail(path, "syncing " + file.path(), error);
    error = file.close();
    if (error != 0) fail(path, "closing " + file.path(), error);
    error = ::rename(file.path().c_str(), path.c_str()) == 0 ? 0 : errno;
    if (error != 0) fail(path, "renaming " + file.path() + " over it", error);
    file.renamed();
    sync_folder(folder_of(path));
}

}  // namespace supervision::io
