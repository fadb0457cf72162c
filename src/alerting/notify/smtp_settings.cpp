#include "alerting/notify/smtp_settings.hpp"

#include <charconv>

namespace vigil {
namespace {

std::string first_set(const EnvLookup& env, const char* name, const char* alternative = nullptr) {
  if (auto value = env(name); value && !value->empty()) return *value;
  if (alternative) {
    if (auto value = env(alternative); value && !value->empty()) return *value;
  }
  return {};
}

}  // namespace

SmtpSettings smtp_settings_from_env(const EnvLookup& env) {
  SmtpSettings settings;
  settings.host = first_set(env, "SMTP_HOST");
  settings.username = first_set(env, "SMTP_USER");
  settings.password = first_set(env, "SMTP_PASS", "SMTP_PASSWORD");
  settings.from = first_set(env, "SMTP_FROM_EMAIL", "SMTP_SENDER");
  std::string secure = first_set(env, "SMTP_SECURE");
  settings.secure = secure == "1" || secure == "true";
  if (settings.secure) settings.port = 465;
  std::string port = first_set(env, "SMTP_PORT");
  int parsed = 0;
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), parsed);
  if (error == std::errc() && end == port.data() + port.size() && parsed > 0 && parsed < 65536) {
    settings.port = parsed;
  }
  return settings;
}

}  // namespace vigil
