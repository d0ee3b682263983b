#pragma once
// The case file of one permit as one JSON document (docs/reports.md, "The case file"):
// every figure from the tables, and beside it the sentences an official reads. The HTML
// page (case_html.cpp) shows this document and nothing else.
#include "casefile/case_data.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <string>

namespace supervision::casefile {

// The document from the rows:
//   case_file     what was asked for, the permit, the release that wrote the file
//   judged_on     the last completed run (its as_of is the day the score, the queue and
//                 the explanations are judged on), or null
//   holder        the person the permit was enrolled for
//   permit        its register row (as it stands now) and the register's rejections of it
//   supervision   the coverage line as the enrolling run's configuration had it, the
//                 enrolment and any end, with the conditions judged again in sentences
//   decision      the score of the unreviewed open signals against the threshold and
//                 what the queue did with it (review open, backlog rank k of n for a
//                 capacity of c, cooldown, below the threshold)
//   signals       every signal, open and resolved, with its evidence and its sentences
//   explanations  recorded by supervisors; whether each is in force on judged_on.as_of
//   reviews       the permit's reviews with the score and threshold at opening, the
//                 signals shown then, and the history of the audit trail
//   events        what the runs told the case system about the permit
//   other_permits the holder's other permits with their reviews and outcomes
//   runs          every run a step names: as_of, configuration digest, release
nlohmann::json case_file(const CaseData& data, const Subject& subject);

// Reads the case in one repeatable-read, read-only transaction and builds the document.
nlohmann::json load_case_file(pqxx::connection& conn, const Subject& subject);

}  // namespace supervision::casefile
