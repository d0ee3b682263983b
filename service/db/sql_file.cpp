#include "db/sql_catalog.h"

#include <stdexcept>

namespace supervision::db {

const std::string& sql_file(const std::string& name) {
    const auto& files = sql_catalog();
    const auto it = files.find(name);
    if (it == files.end()) throw std::logic_error("no embedded SQL file sql/" + name);
    return it->second;
}

}  // namespace supervision::db
