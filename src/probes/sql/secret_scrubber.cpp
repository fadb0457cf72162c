#include "probes/sql/secret_scrubber.hpp"

#include <algorithm>

namespace vigil {
namespace {

constexpr std::string_view kMask = "***";
constexpr std::string_view kPasswordKey = "password=";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The password of a URL's userinfo ("scheme://user:password@host..."), as written.
std::string_view url_password(std::string_view connection) {
  std::size_t scheme_end = connection.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view rest = connection.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string_view userinfo = authority.substr(0, at);
  std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return {};
  return userinfo.substr(colon + 1);
}

}  // namespace

SecretScrubber SecretScrubber::for_connection_string(std::string_view connection) {
  SecretScrubber scrubber;
  std::string_view password = url_password(connection);
  scrubber.add(std::string(password));
  scrubber.add(percent_decode(password));
  // "?password=..." in a URL or "password=..." in a libpq keyword string.
  for (std::size_t at = connection.find(kPasswordKey); at != std::string_view::npos;
       at = connection.find(kPasswordKey, at + 1)) {
    std::string_view value = connection.substr(at + kPasswordKey.size());
    value = value.substr(0, value.find_first_of("& \t"));
    scrubber.add(std::string(value));
    scrubber.add(percent_decode(value));
  }
  return scrubber;
}

std::string SecretScrubber::scrub(std::string_view text) const {
  std::string out(text);
  for (const std::string& secret : secrets_) {
    for (std::size_t at = out.find(secret); at != std::string::npos;
         at = out.find(secret, at + kMask.size())) {
      out.replace(at, secret.size(), kMask);
    }
  }
  return out;
}

void SecretScrubber::add(std::string secret) {
  if (secret.empty() || std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) {
    return;
  }
  secrets_.push_back(std::move(secret));
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

}  // namespace vigil
