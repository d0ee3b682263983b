#pragma once
// Typed errors: each type maps to one exit code of contract.md, and every message
// ends with what the operator should do.
#include <stdexcept>
#include <string>

namespace supervision {

enum class ExitCode : int {
    success = 0,
    unexpected = 1,
    usage = 2,
    config = 3,
    database = 4,
    lock_held = 5,
    as_of_refused = 6,  // earlier than the last completed run's, or after today
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

struct UsageError : Error {
    explicit UsageError(const std::string& m) : Error(ExitCode::usage, m) {}
};
struct ConfigError : Error {
    explicit ConfigError(const std::string& m) : Error(ExitCode::config, m) {}
};
struct DatabaseError : Error {
    explicit DatabaseError(const std::string& m) : Error(ExitCode::database, m) {}
};
struct LockHeldError : Error {
    explicit LockHeldError(const std::string& m) : Error(ExitCode::lock_held, m) {}
};
struct AsOfTooEarlyError : Error {
    explicit AsOfTooEarlyError(const std::string& m) : Error(ExitCode::as_of_refused, m) {}
};
struct AsOfInFutureError : Error {
    explicit AsOfInFutureError(const std::string& m) : Error(ExitCode::as_of_refused, m) {}
};

}  // namespace supervision
