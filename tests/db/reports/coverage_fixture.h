#pragma once
// The hand-made registers of the coverage report tests (rules.md §9), shared by the
// in-process tests and the browser test. Runs on 2025-08-01 and 2025-09-01; year 2025.
//
// permit        line                 validity               status                   outcome
// C-1           specialist-extended  2025-02-01..2026-01-31 granted                  covered
// C-3           specialist-extended  2025-03-01..2026-02-28 revoked 2025-08-15       covered (enrolled 08-01, ended
// 09-01) U-NORUN       specialist-extended  2025-01-10..2025-07-20 granted                  no run while valid
// U-NOTSTARTED  specialist-extended  2025-10-01..2026-09-30 granted                  validity not started (after 09-01)
// U-REVOKED     specialist-extended  2025-02-01..2026-01-31 revoked 2025-04-01       revoked or withdrawn before
// enrolment C-2           specialist-first     2025-03-01..2026-03-31 granted (> 12 months)    covered U-REJECTED
// growth-first         2025-03-15..2026-06-30 no company_id, income -1 rejected: both reasons E-EDGE-IN
// employed-extended    2024-07-20..2025-01-20 (line from 2025-01-20)   no run while valid E-1           employed-first
// 2025-01-10..2026-02-28 granted                  covered not eligible: E-EDGE-OUT (ends 2025-01-19, before its line
// came into force), N-2024 (decided in 2024), N-SHORT (5 months), N-FAMILY (no line), N-SELF (self-employed: its line
// starts 2026-01-01, after 31.12.2025).
#include "db/reports/outcome_rows.h"
#include "support/registry_builder.h"
#include "support/run_helpers.h"

#include <pqxx/pqxx>

#include <string>

namespace supervision::test {

inline void load_coverage_registers(pqxx::connection& c) {
    set_all_sources(c, "2025-07-31");
    permit_of(c, "C-1", "specialist", "extended", "2025-01-10", "2025-02-01", "2026-01-31");
    permit_of(c, "C-3", "specialist", "extended", "2025-02-20", "2025-03-01", "2026-02-28", "revoked",
              std::string("2025-08-15"));
    permit_of(c, "U-NORUN", "specialist", "extended", "2025-01-05", "2025-01-10", "2025-07-20");
    permit_of(c, "U-NOTSTARTED", "specialist", "extended", "2025-05-20", "2025-10-01", "2026-09-30");
    permit_of(c, "U-REVOKED", "specialist", "extended", "2025-01-15", "2025-02-01", "2026-01-31", "revoked",
              std::string("2025-04-01"));
    permit_of(c, "C-2", "specialist", "first", "2025-02-01", "2025-03-01", "2026-03-31");
    permit_of(c, "U-REJECTED", "growth_entrepreneur", "first", "2025-03-01", "2025-03-15", "2026-06-30");
    exec(c,
         "UPDATE registry.permit SET company_id = NULL, required_monthly_income = -1 WHERE permit_id = 'U-REJECTED'");
    permit_of(c, "E-EDGE-IN", "employed", "extended", "2025-01-02", "2024-07-20", "2025-01-20");
    permit_of(c, "E-EDGE-OUT", "employed", "extended", "2025-01-02", "2024-07-19", "2025-01-19");
    permit_of(c, "E-1", "employed", "first", "2025-01-05", "2025-01-10", "2026-02-28");
    permit_of(c, "N-2024", "specialist", "extended", "2024-12-31", "2025-01-01", "2025-12-31");
    permit_of(c, "N-SHORT", "specialist", "extended", "2025-03-01", "2025-03-01", "2025-07-31");
    permit_of(c, "N-FAMILY", "family", "first", "2025-03-01", "2025-03-01", "2026-12-31");
    permit_of(c, "N-SELF", "self_employed", "extended", "2025-06-01", "2025-06-01", "2026-05-31");
}

inline void run_coverage_history(pqxx::connection& c) {
    run_on(c, "2025-08-01");
    run_on(c, "2025-09-01");
}

}  // namespace supervision::test
