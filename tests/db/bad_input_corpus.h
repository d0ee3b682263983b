#pragma once
// The bad input corpus (rules.md §8, docs/reliability.md): one bad register row of every
// kind the run rejects, with the key and reason it must be listed under. Each row can be
// written with a tag in its ids ('#' in a key stands for it), so that the whole corpus
// can be loaded at once into one set of registers (bad_input_standing_test.cpp); the
// one-kind-at-a-time tests use no tag (bad_input_test.cpp).
#include <pqxx/pqxx>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace supervision::test {

using TaggedInsert = std::function<void(pqxx::connection&, const std::string& tag)>;

struct BadRow {
    const char* name;
    const char* source;
    std::string key;  // '#' stands for the tag
    const char* reason;
    TaggedInsert insert;     // the bad row
    TaggedInsert companion;  // a good row the bad one is judged against, or none
    std::string kept_key;    // the companion's key ('' when none)
};
inline void PrintTo(const BadRow& b, std::ostream* os) {
    *os << b.name;
}

// `pattern` with every '#' replaced by `tag`.
std::string tagged(const std::string& pattern, const std::string& tag);

const std::vector<BadRow>& bad_input_corpus();

}  // namespace supervision::test
