#pragma once

namespace supervision::run {

// The part of the persons a session evaluates: those with
// supervision.shard_of(person_id, count) = index (run --workers, run/shards.h).
struct Shard {
    int count = 1;
    int index = 0;
};

}  // namespace supervision::run
