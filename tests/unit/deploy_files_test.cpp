// The deployment files, checked without Docker or Kubernetes (neither exists where the
// tests run): docker/compose.yaml and deploy/kubernetes/cronjob.yaml parse as YAML and
// have the structure the runbook relies on; docker/Dockerfile runs the README's scripts
// in its build stage and installs only runtime packages in its runtime stage.
// (docker/check-runtime.sh checks the runtime packages against the binary's libraries.)
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string source(const std::string& relative) {
    return std::string(SUPERVISION_SOURCE_DIR) + "/" + relative;
}

std::string slurp(const std::string& relative) {
    std::ifstream in(source(relative));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool exists(const std::string& relative) {
    return std::ifstream(source(relative)).good();
}

std::vector<std::string> strings(const YAML::Node& list) {
    std::vector<std::string> out;
    for (const auto& n : list) out.push_back(n.as<std::string>());
    return out;
}

// ---- docker/compose.yaml -------------------------------------------------------------

class ComposeTest : public ::testing::Test {
protected:
    YAML::Node compose = YAML::LoadFile(source("docker/compose.yaml"));
    YAML::Node service(const std::string& name) { return compose["services"][name]; }
};

TEST_F(ComposeTest, PostgresFifteenWithAHealthcheckAndItsPasswordFromASecret) {
    const auto pg = service("postgres");
    ASSERT_TRUE(pg.IsMap());
    EXPECT_EQ(pg["image"].as<std::string>().rfind("postgres:15", 0), 0u);
    EXPECT_NE(YAML::Dump(pg["healthcheck"]["test"]).find("pg_isready"), std::string::npos);
    EXPECT_FALSE(pg["environment"]["POSTGRES_PASSWORD"]) << "a password in plain text";
    EXPECT_EQ(pg["environment"]["POSTGRES_PASSWORD_FILE"].as<std::string>(), "/run/secrets/db_password");
}

TEST_F(ComposeTest, MigrateRunsOnceWhenTheDatabaseIsHealthyAndTheRunAfterIt) {
    const auto migrate = service("migrate");
    EXPECT_EQ(strings(migrate["command"]), std::vector<std::string>{"migrate"});
    EXPECT_EQ(migrate["depends_on"]["postgres"]["condition"].as<std::string>(), "service_healthy");
    EXPECT_EQ(migrate["restart"].as<std::string>(), "no");
    const auto run = service("run");
    const auto command = strings(run["command"]);
    ASSERT_FALSE(command.empty());
    EXPECT_EQ(command.front(), "run");
    EXPECT_NE(std::find(command.begin(), command.end(), "--metrics-file"), command.end());
    EXPECT_EQ(run["depends_on"]["migrate"]["condition"].as<std::string>(), "service_completed_successfully");
    EXPECT_EQ(run["image"].as<std::string>(), migrate["image"].as<std::string>());
}

TEST_F(ComposeTest, TheImageIsBuiltFromTheRepositoryWithDockerDockerfile) {
    const auto build = service("migrate")["build"];
    EXPECT_EQ(build["context"].as<std::string>(), "..");
    EXPECT_TRUE(exists(build["dockerfile"].as<std::string>()));
}

TEST_F(ComposeTest, TheConnectionComesFromADeclaredSecretFile) {
    for (const char* name : {"migrate", "run"}) {
        const auto s = service(name);
        const auto file = s["environment"]["PGSERVICEFILE"].as<std::string>();
        ASSERT_EQ(file.rfind("/run/secrets/", 0), 0u) << name;
        const std::string secret = file.substr(std::string("/run/secrets/").size());
        EXPECT_EQ(strings(s["secrets"]), std::vector<std::string>{secret}) << name;
        EXPECT_TRUE(compose["secrets"][secret]["file"]) << secret;
        EXPECT_TRUE(s["environment"]["PGSERVICE"]) << name;
        EXPECT_FALSE(s["environment"]["PGPASSWORD"]) << name;
    }
    EXPECT_NE(slurp("docker/init-secrets.sh").find("pg_service.conf"), std::string::npos);
}

// ---- deploy/kubernetes/cronjob.yaml --------------------------------------------------

class KubernetesTest : public ::testing::Test {
protected:
    void SetUp() override {
        for (const auto& doc : YAML::LoadAllFromFile(source("deploy/kubernetes/cronjob.yaml"))) {
            docs[doc["kind"].as<std::string>()] = doc;
        }
    }
    std::map<std::string, YAML::Node> docs;
};

TEST_F(KubernetesTest, ASecretAMigrateJobAndTheNightlyCronJob) {
    EXPECT_EQ(docs.size(), 3u);
    for (const char* kind : {"Secret", "Job", "CronJob"}) EXPECT_TRUE(docs.count(kind)) << kind;
}

TEST_F(KubernetesTest, NightlyInHelsinkiNeverTwoAtOnce) {
    const auto spec = docs["CronJob"]["spec"];
    EXPECT_EQ(spec["schedule"].as<std::string>(), "30 2 * * *");
    EXPECT_EQ(spec["timeZone"].as<std::string>(), "Europe/Helsinki");
    EXPECT_EQ(spec["concurrencyPolicy"].as<std::string>(), "Forbid");
    const auto job = spec["jobTemplate"]["spec"];
    EXPECT_LE(job["backoffLimit"].as<int>(), 2);
    EXPECT_EQ(job["template"]["spec"]["restartPolicy"].as<std::string>(), "Never");
    // The exit codes that need a person are never retried.
    const auto no_retry = job["podFailurePolicy"]["rules"][0];
    EXPECT_EQ(no_retry["action"].as<std::string>(), "FailJob");
    EXPECT_EQ(no_retry["onExitCodes"]["values"].as<std::vector<int>>(), (std::vector<int>{2, 3, 5, 6}));
}

// Both pods read the libpq service file from a volume of the Secret defined here.
void expect_connection_from_secret(const YAML::Node& pod, const YAML::Node& secret, const std::string& args0) {
    const auto container = pod["containers"][0];
    EXPECT_EQ(container["args"][0].as<std::string>(), args0);
    std::string file;
    for (const auto& e : container["env"]) {
        if (e["name"].as<std::string>() == "PGSERVICEFILE") file = e["value"].as<std::string>();
        EXPECT_NE(e["name"].as<std::string>(), "PGPASSWORD");
    }
    ASSERT_FALSE(file.empty()) << args0;
    const auto mount = container["volumeMounts"][0];
    const auto folder = mount["mountPath"].as<std::string>() + "/";
    ASSERT_EQ(file.rfind(folder, 0), 0u) << file;
    EXPECT_TRUE(secret["stringData"][file.substr(folder.size())]) << file;
    const auto volume = pod["volumes"][0];
    EXPECT_EQ(volume["name"].as<std::string>(), mount["name"].as<std::string>());
    EXPECT_EQ(volume["secret"]["secretName"].as<std::string>(), secret["metadata"]["name"].as<std::string>());
    EXPECT_TRUE(pod["securityContext"]["runAsNonRoot"].as<bool>());
}

TEST_F(KubernetesTest, TheConnectionComesFromTheSecret) {
    expect_connection_from_secret(docs["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["spec"], docs["Secret"],
                                  "run");
    expect_connection_from_secret(docs["Job"]["spec"]["template"]["spec"], docs["Secret"], "migrate");
}

// ---- docker/Dockerfile -----------------------------------------------------------------

// The Dockerfile's stages: FROM line → the instructions up to the next FROM.
std::map<std::string, std::string> stages() {
    std::map<std::string, std::string> out;
    std::istringstream in(slurp("docker/Dockerfile"));
    std::string current;
    const std::regex from(R"(^FROM\s+(\S+)\s+AS\s+(\S+))", std::regex::icase);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, from))
            current = m[1].str() + " " + m[2].str();
        else if (!current.empty() && line.rfind("#", 0) != 0)
            out[current] += line + "\n";
    }
    return out;
}

TEST(DockerfileTest, BuildStageRunsTheReadmeScriptsAndTheTests) {
    const auto s = stages();
    ASSERT_TRUE(s.count("debian:12 build"));
    const auto& build = s.at("debian:12 build");
    for (const char* step : {"scripts/install-deps.sh", "scripts/build.sh", "scripts/with-temp-pg.sh ctest"}) {
        EXPECT_NE(build.find(step), std::string::npos) << step;
    }
}

TEST(DockerfileTest, RuntimeStageHasOnlyRuntimePackagesTheBinaryAndTheConfigAsNonRoot) {
    const auto s = stages();
    ASSERT_TRUE(s.count("debian:12-slim runtime"));
    const auto& runtime = s.at("debian:12-slim runtime");
    EXPECT_NE(runtime.find("docker/runtime-packages.txt"), std::string::npos);
    EXPECT_EQ(runtime.find("-dev"), std::string::npos);
    EXPECT_EQ(runtime.find("install-deps"), std::string::npos);
    EXPECT_NE(runtime.find("COPY --from=build /src/build/service/supervision /usr/bin/supervision"), std::string::npos);
    EXPECT_NE(runtime.find("/etc/supervision/supervision.yaml"), std::string::npos);
    EXPECT_TRUE(std::regex_search(runtime, std::regex(R"(\nUSER supervision\n)")));
}

TEST(DockerfileTest, EveryCopiedFileExists) {
    std::istringstream in(slurp("docker/Dockerfile"));
    const std::regex copy(R"(^COPY\s+(?!--from)(\S+)\s)");
    int copies = 0;
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, copy) || m[1] == ".") continue;
        ++copies;
        EXPECT_TRUE(exists(m[1].str())) << line;
    }
    EXPECT_GE(copies, 2);
}

}  // namespace
