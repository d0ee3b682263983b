#include "run/tally.h"

namespace supervision::run {

long long tally(const pqxx::result& rows, const char* key, const char* count, Counts& into) {
    long long total = 0;
    into = Counts::object();
    for (const auto& row : rows) {
        const auto n = row[count].as<long long>();
        into[row[key].as<std::string>()] = n;
        total += n;
    }
    return total;
}

}  // namespace supervision::run
