#include "core/env_substitution.hpp"

#include <cstdlib>

namespace vigil {
namespace {

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

}  // namespace

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::string substitute_env(std::string_view text, const EnvLookup& lookup) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '$' || i + 1 == text.size()) {
      out += c;
      ++i;
      continue;
    }
    if (text[i + 1] == '$') {
      out += '$';
      i += 2;
      continue;
    }
    std::size_t end = i + 1;
    if (is_name_start(text[end])) {
      while (end < text.size() && is_name_char(text[end])) ++end;
    }
    std::string_view token = text.substr(i, end - i);
    std::optional<std::string> value;
    if (token.size() > 1) value = lookup(std::string(token.substr(1)));
    out += value ? std::string_view(*value) : token;
    i = end;
  }
  return out;
}

}  // namespace vigil
