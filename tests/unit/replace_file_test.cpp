// Files written safely (io/replace_file.h): through a fresh temporary file of the same
// folder, never through a name planted beforehand; the mode of a replaced file kept, a new
// one's from the umask; nothing left behind on any failure.
#include "io/replace_file.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using supervision::io::replace_file;
using supervision::io::WriteFailure;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

mode_t mode_of(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

class ReplaceFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        char name[] = "/tmp/supervision_replace_file_XXXXXX";
        ASSERT_NE(::mkdtemp(name), nullptr);
        dir_ = name;
        ::chmod(dir_.c_str(), 0755);
    }
    void TearDown() override {
        ::chmod(dir_.c_str(), 0755);
        std::system(("rm -rf '" + dir_ + "'").c_str());
    }

    std::string at(const std::string& name) const { return dir_ + "/" + name; }
    void write(const std::string& name, const std::string& text, mode_t mode) const {
        std::ofstream(at(name), std::ios::binary) << text;
        ASSERT_EQ(::chmod(at(name).c_str(), mode), 0);
    }
    // The names in the folder, sorted.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        DIR* d = ::opendir(dir_.c_str());
        if (d == nullptr) return out;
        while (const dirent* e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != "..") out.push_back(n);
        }
        ::closedir(d);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::string dir_;
};

// Runs `body` in a child process (for limits and identities the test itself must not
// take); returns the child's exit code: 0 when body threw WriteFailure, 1 when it
// returned, 2 when it threw anything else.
template <typename Body>
int in_child(Body body) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        int code = 1;
        try {
            body();
        } catch (const WriteFailure&) {
            code = 0;
        } catch (...) {
            code = 2;
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(ReplaceFileTest, WritesTheTextAndLeavesNoOtherFile) {
    replace_file(at("report.csv"), "a,b\r\n");
    EXPECT_EQ(slurp(at("report.csv")), "a,b\r\n");
    replace_file(at("report.csv"), "c\r\n");
    EXPECT_EQ(slurp(at("report.csv")), "c\r\n");
    EXPECT_EQ(names(), std::vector<std::string>{"report.csv"});
}

TEST_F(ReplaceFileTest, SymlinksPlantedAtPredictableNamesAreNotFollowed) {
    write("victim", "precious\n", 0644);
    // The names a writer could be expected to use: the old report and metrics names and
    // the temporary file's name with a guessed suffix.
    const std::vector<std::string> planted{"report.csv.partial", "report.csv.tmp",
                                           "report.csv.tmp." + std::to_string(::getpid()), ".report.csv.XXXXXX",
                                           ".report.csv.tmp"};
    for (const auto& name : planted) ASSERT_EQ(::symlink(at("victim").c_str(), at(name).c_str()), 0) << name;
    replace_file(at("report.csv"), "new\n");
    EXPECT_EQ(slurp(at("report.csv")), "new\n");
    EXPECT_EQ(slurp(at("victim")), "precious\n");
    for (const auto& name : planted) {
        struct stat st {};
        ASSERT_EQ(::lstat(at(name).c_str(), &st), 0) << name;
        EXPECT_TRUE(S_ISLNK(st.st_mode)) << name << " is still the planted link";
    }
    EXPECT_EQ(names().size(), planted.size() + 2);  // the links, the victim and the report: nothing else
}

TEST_F(ReplaceFileTest, ASymlinkAtThePathItselfIsReplacedAsMvDoesAndItsTargetIsLeft) {
    write("victim", "precious\n", 0600);
    ASSERT_EQ(::symlink(at("victim").c_str(), at("report.csv").c_str()), 0);
    const mode_t mask = ::umask(022);
    replace_file(at("report.csv"), "new\n");
    ::umask(mask);
    EXPECT_EQ(slurp(at("victim")), "precious\n");
    EXPECT_EQ(mode_of(at("victim")), 0600u);
    struct stat st {};
    ASSERT_EQ(::lstat(at("report.csv").c_str(), &st), 0);
    EXPECT_TRUE(S_ISREG(st.st_mode));
    EXPECT_EQ(st.st_mode & 0777, 0644u);  // a new file's mode, not the target's
    EXPECT_EQ(slurp(at("report.csv")), "new\n");
}

TEST_F(ReplaceFileTest, AReplacedFileKeepsItsMode) {
    for (const mode_t mode : {0600, 0640, 0444, 0664}) {
        write("report.csv", "old\n", mode);
        replace_file(at("report.csv"), "new\n");
        EXPECT_EQ(mode_of(at("report.csv")), mode) << std::oct << mode;
        EXPECT_EQ(slurp(at("report.csv")), "new\n");
    }
}

TEST_F(ReplaceFileTest, ANewFileGetsTheModeOfAPlainCreateUnderTheUmask) {
    for (const mode_t mask : {022, 027, 077, 002}) {
        const mode_t saved = ::umask(mask);
        const int fd = ::open(at("plain").c_str(), O_WRONLY | O_CREAT | O_EXCL, 0666);
        ::close(fd);
        replace_file(at("new.csv"), "x\n");
        ::umask(saved);
        EXPECT_EQ(mode_of(at("new.csv")), mode_of(at("plain"))) << std::oct << mask;
        EXPECT_EQ(mode_of(at("new.csv")), 0666u & ~mask) << std::oct << mask;
        ::unlink(at("plain").c_str());
        ::unlink(at("new.csv").c_str());
    }
}

TEST_F(ReplaceFileTest, AMissingFolderNamesThePathAndTheReason) {
    const std::string path = at("no-such-folder/report.csv");
    try {
        replace_file(path, "x\n");
        FAIL() << "no exception";
    } catch (const WriteFailure& e) {
        EXPECT_EQ(std::string(e.what()), path + ": cannot be written (creating a temporary file in " +
                                             at("no-such-folder") + ": No such file or directory)");
    }
}

TEST_F(ReplaceFileTest, AFailedRenameRemovesTheTemporaryFile) {
    ASSERT_EQ(::mkdir(at("report.csv").c_str(), 0755), 0);  // a folder where the file would go
    try {
        replace_file(at("report.csv"), "x\n");
        FAIL() << "no exception";
    } catch (const WriteFailure& e) {
        EXPECT_NE(std::string(e.what()).find(at("report.csv") + ": cannot be written (renaming "), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(names(), std::vector<std::string>{"report.csv"});
}

TEST_F(ReplaceFileTest, AFailedWriteRemovesTheTemporaryFileAndKeepsTheOldOne) {
    write("report.csv", "old\n", 0640);
    // A file size limit of 100 bytes makes the write of 1 MB fail half-way (EFBIG).
    const int code = in_child([&] {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{100, 100};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        replace_file(at("report.csv"), std::string(1 << 20, 'x'));
    });
    EXPECT_EQ(code, 0) << "expected a WriteFailure";
    EXPECT_EQ(slurp(at("report.csv")), "old\n");
    EXPECT_EQ(names(), std::vector<std::string>{"report.csv"});
}

TEST_F(ReplaceFileTest, AnUnwritableFolderFailsAndLeavesTheOldFile) {
    write("report.csv", "old\n", 0644);
    ASSERT_EQ(::chmod(dir_.c_str(), 0555), 0);
    // As root the folder's mode does not stop writing: the child becomes nobody first.
    const int code = in_child([&] {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        replace_file(at("report.csv"), "new\n");
    });
    EXPECT_EQ(code, 0) << "expected a WriteFailure";
    EXPECT_EQ(slurp(at("report.csv")), "old\n");
    EXPECT_EQ(names(), std::vector<std::string>{"report.csv"});
}

}  // namespace
