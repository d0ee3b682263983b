#include "support/test_database.h"

#include <spdlog/spdlog.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    spdlog::set_level(spdlog::level::err);
    ::testing::AddGlobalTestEnvironment(new supervision::test::TestDatabase);
    return RUN_ALL_TESTS();
}
