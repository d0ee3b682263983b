#pragma once
// The demo's supervisors (docs/demo-data.md): between the nights of a backfilled demo
// history, the officials hold hearings and decide reviews at published rates, and the
// permits of revoked reviews are revoked in the register. Only on demo registers.
#include "rules/dates.h"

#include <pqxx/pqxx>

namespace supervision::demo {

struct SupervisorsDay {
    long long heard = 0;      // reviews that went to hearing
    long long closed = 0;     // reviews closed, revoked or no_action
    long long revoked = 0;    // permits revoked in the register
    long long explained = 0;  // signals explained (supervision.signal_explanation)
};

// Takes every step of the reviews' drawn courses that falls due on or before `until`, in
// one transaction: open → hearing, then → closed, then the revocations in the register,
// and now and then an explained signal.
// The same seed and days give the same decisions. Throws UsageError unless the registry
// holds the demo registers (sql/demo/generate.sql marks them).
SupervisorsDay play_supervisors(pqxx::connection& conn, rules::Day until, long long seed);

}  // namespace supervision::demo
