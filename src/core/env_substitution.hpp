#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

//! Looks up an environment variable; injected so tests need not touch the real environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

//! The process environment (getenv).
EnvLookup process_environment();

//! Replaces each `$NAME` ([A-Za-z_][A-Za-z0-9_]*) in `text` with that variable's value; a
//! variable that is not set is left as written. `$$` is a literal `$`.
std::string substitute_env(std::string_view text, const EnvLookup& lookup);

}  // namespace vigil
