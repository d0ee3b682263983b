// Personal data in transit: TLS is libpq's, chosen in the connection string
// (sslmode, sslrootcert; docs/reliability.md). Against a private server that accepts TCP
// only with TLS: verify-full with the server's root certificate works and the session is
// encrypted; without TLS the server refuses; with a root that did not sign the server's
// certificate the client refuses. Each refusal is exit 4 with a message.
#include "e2e/faults/fault_support.h"
#include "support/run_helpers.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

namespace supervision::test {
namespace {

constexpr const char* kInEncryptedSession = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

// A TCP port nobody listens on now.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    close(fd);
    return ntohs(a.sin_port);
}

class TlsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cluster_ = std::make_unique<PrivateCluster>(false);
        port_ = free_port();
        cluster_->start_tls(port_);
    }
    static void TearDownTestSuite() { cluster_.reset(); }
    std::string tcp(const std::string& ssl) {
        return "host=localhost port=" + std::to_string(port_) + " user=postgres dbname=postgres " + ssl;
    }
    int migrate(const std::string& conninfo, std::string* err = nullptr) {
        Child c("migrate --connect-attempts 1 --db '" + conninfo + "'");
        const int code = c.wait();
        if (err != nullptr) *err = c.err();
        return code;
    }
    static std::unique_ptr<PrivateCluster> cluster_;
    static int port_;
};

std::unique_ptr<PrivateCluster> TlsTest::cluster_;
int TlsTest::port_ = 0;

TEST_F(TlsTest, VerifyFullWithTheServersRootWorksAndEncrypts) {
    const std::string info = tcp("sslmode=verify-full sslrootcert=" + cluster_->root_certificate());
    std::string err;
    EXPECT_EQ(migrate(info, &err), 0) << err;
    pqxx::connection c(info);
    pqxx::read_transaction tx(c);
    EXPECT_TRUE(tx.exec1(kInEncryptedSession)[0].as<bool>());
}

TEST_F(TlsTest, WithoutTlsTheServerRefusesWithExitFour) {
    std::string err;
    EXPECT_EQ(migrate(tcp("sslmode=disable"), &err), 4) << err;
    EXPECT_NE(err.find("no encryption"), std::string::npos) << err;
}

TEST_F(TlsTest, ARootThatDidNotSignTheServerIsRefusedWithExitFour) {
    const std::string other = cluster_->dir() + "/other.crt";
    const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " +
                             cluster_->dir() + "/other.key -out " + other + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(make.c_str()), 0);
    std::string err;
    EXPECT_EQ(migrate(tcp("sslmode=verify-full sslrootcert=" + other), &err), 4) << err;
    EXPECT_NE(err.find("certificate verify failed"), std::string::npos) << err;
}

}  // namespace
}  // namespace supervision::test
