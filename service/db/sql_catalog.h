#pragma once
// The SQL files of sql/, compiled into the binary (cmake/GenerateSqlCatalog.cmake).
#include <map>
#include <string>

namespace supervision::db {

// Every file, keyed by its path under sql/ (e.g. "run/22_enrol/enrol.sql").
const std::map<std::string, std::string>& sql_catalog();

// One file's text; a missing name is a programming error (std::logic_error).
const std::string& sql_file(const std::string& name);

}  // namespace supervision::db
