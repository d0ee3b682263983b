#pragma once
// Whether a run evaluates every person (full) or only the persons whose result can have
// changed since the last run (incremental), and why (docs/incremental.md): the scope stage,
// choose_mode (run/stages.h), which needs the session's configuration and register tables.
// Both modes give the same outcome; an incremental run reads only what changed.
#include "run/mode.h"
#include "run/run_context.h"
