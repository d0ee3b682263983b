#pragma once
// PostgreSQL array literals for binding whole columns as one parameter
// (INSERT … SELECT FROM unnest($1::text[], …)): libpqxx 6.4 has no array binding.
#include <optional>
#include <string>
#include <vector>

namespace supervision::db {

// {"a","b\"c",NULL}: every element quoted and escaped, so any text is safe.
std::string text_array(const std::vector<std::string>& values);
std::string optional_text_array(const std::vector<std::optional<std::string>>& values);
std::string number_array(const std::vector<double>& values);
std::string int_array(const std::vector<long long>& values);

}  // namespace supervision::db
