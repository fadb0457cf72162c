#include "app/server_settings.hpp"

#include <openssl/rand.h>
#include <sys/stat.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigil {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite://";

std::optional<std::string> first_of(const EnvLookup& env, const char* a, const char* b) {
  if (auto v = env(a); v && !v->empty()) return v;
  if (auto v = env(b); v && !v->empty()) return v;
  return std::nullopt;
}

Result<std::string> load_or_create_secret(const std::string& data_dir) {
  namespace fs = std::filesystem;
  fs::path file = fs::path(data_dir) / "secret_key";
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return Error{ErrorCode::kInternal, "cannot create " + data_dir + ": " + ec.message()};
  if (std::ifstream in{file}) {
    std::stringstream text;
    text << in.rdbuf();
    std::string secret = text.str();
    while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back()))) {
      secret.pop_back();
    }
    if (!secret.empty()) return secret;
  }
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) return Error{ErrorCode::kInternal, "no randomness"};
  std::string secret;
  for (unsigned char c : random) {
    static constexpr char kDigits[] = "0123456789abcdef";
    secret += kDigits[c >> 4];
    secret += kDigits[c & 0xf];
  }
  {
    std::ofstream out{file, std::ios::trunc};
    out << secret << "\n";
    if (!out) return Error{ErrorCode::kInternal, "cannot write " + file.string()};
  }
  ::chmod(file.c_str(), 0600);
  return secret;
}

Result<int> parse_port(const std::string& text, const char* source) {
  int port = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc() || end != text.data() + text.size() || port < 0 || port > 65535) {
    return Error{ErrorCode::kBadRequest, std::string(source) + ": '" + text + "' is not a port"};
  }
  return port;
}

}  // namespace

Result<ServerSettings> resolve_settings(const CommandLineSettings& flags, const VigilConfig& config,
                                        const EnvLookup& env) {
  ServerSettings s;
  if (flags.data_dir) {
    s.data_dir = *flags.data_dir;
  } else if (auto v = env("VIGIL_DATA_DIR"); v && !v->empty()) {
    s.data_dir = *v;
  } else if (config.server.data_dir) {
    s.data_dir = *config.server.data_dir;
  }

  if (flags.port) {
    s.port = *flags.port;
  } else if (auto v = first_of(env, "VIGIL_PORT", "PORT")) {
    auto port = parse_port(*v, "PORT");
    if (!port.ok()) return port.error();
    s.port = *port;
  } else if (config.server.port) {
    s.port = *config.server.port;
  }

  std::optional<std::string> url = first_of(env, "VIGIL_DATABASE_URL", "DATABASE_URL");
  if (!url) url = config.server.database_url;
  if (flags.data_dir || !url) {
    s.database_path = (std::filesystem::path(s.data_dir) / "vigil.db").string();
  } else if (url->starts_with(kSqliteScheme) && url->size() > kSqliteScheme.size()) {
    s.database_path = url->substr(kSqliteScheme.size());
  } else {
    return Error{ErrorCode::kBadRequest,
                 "DATABASE_URL '" + *url + "' is not supported yet; use sqlite://PATH"};
  }

  if (auto from_env = first_of(env, "VIGIL_SECRET_KEY", "KENER_SECRET_KEY")) {
    s.secret = *from_env;
  } else {
    auto generated = load_or_create_secret(s.data_dir);
    if (!generated.ok()) return generated.error();
    s.secret = *generated;
  }

  const RetentionSection& r = config.retention;
  if (r.raw_days) s.retention.raw = *r.raw_days * kDay;
  if (r.minute_days) s.retention.minute = *r.minute_days * kDay;
  if (r.hour_days) s.retention.hour = *r.hour_days * kDay;
  if (r.delivery_log_days) s.retention.deliveries = *r.delivery_log_days * kDay;
  if (r.alert_history_days) s.retention.alert_history = *r.alert_history_days * kDay;
  return s;
}

}  // namespace vigil
