#pragma once
// A digest of everything the runs decided (enrolments, signals, reviews, backlog,
// rejected rows), for comparing two histories row by row. Columns that only name the run
// that wrote a row (enrolled_run, raised_run, …) are left out: a run killed on the way
// leaves its failed record and so shifts later run ids, which is bookkeeping, not outcome.
#include <pqxx/pqxx>

#include <ostream>
#include <string>

namespace supervision::test {

struct Outcome {
    std::string enrolments, signals, reviews, backlog, rejected;
    bool operator==(const Outcome& o) const {
        return enrolments == o.enrolments && signals == o.signals && reviews == o.reviews && backlog == o.backlog &&
               rejected == o.rejected;
    }
};

Outcome outcome_of(pqxx::connection& c);
std::string describe(const Outcome& o);
inline void PrintTo(const Outcome& o, std::ostream* os) {
    *os << describe(o);
}

}  // namespace supervision::test
