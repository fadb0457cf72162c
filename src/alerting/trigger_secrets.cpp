#include "alerting/trigger_secrets.hpp"

#include <algorithm>

#include "core/ascii_case.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::string_view kNothingStored = "is the mask but no secret is stored; send the secret";

bool is_mask(const json::value& value) {
  return value.is_string() && value.get_string() == kSecretMask;
}

bool is_secret_text(const json::value* value) {
  return value != nullptr && value->is_string() && !value->get_string().empty();
}

//! The name of a header entry ({key, value}) whose value is a credential; "" for other entries.
std::string_view credential_name(const json::value& entry) {
  const auto* header = entry.if_object();
  const auto* name = header ? header->if_contains("key") : nullptr;
  if (name == nullptr || !name->is_string() || !is_secret_text(header->if_contains("value")) ||
      !is_credential_header(name->get_string())) {
    return {};
  }
  return name->get_string();
}

//! The stored value of credential header `name` in the headers list `stored`, or nullptr.
const json::value* stored_credential(const json::value* stored, std::string_view name) {
  if (stored == nullptr || !stored->is_array()) return nullptr;
  for (const auto& entry : stored->get_array()) {
    std::string_view stored_name = credential_name(entry);
    if (!stored_name.empty() && equals_ignoring_case(stored_name, name)) {
      return &entry.get_object().at("value");
    }
  }
  return nullptr;
}

bool holds_credential(const json::value* headers) {
  return headers != nullptr && headers->is_array() &&
         std::any_of(headers->get_array().begin(), headers->get_array().end(),
                     [](const json::value& entry) { return !credential_name(entry).empty(); });
}

void keep_header_secrets(json::object& incoming, const json::object& stored, const std::string& key,
                         std::vector<std::string>& problems) {
  const json::value* kept = stored.if_contains(key);
  json::value* sent = incoming.if_contains(key);
  if (sent == nullptr) {
    if (holds_credential(kept)) incoming[key] = *kept;
    return;
  }
  if (!sent->is_array()) return;  // the channel reports the wrong type
  for (auto& entry : sent->get_array()) {
    auto* header = entry.if_object();
    json::value* value = header ? header->if_contains("value") : nullptr;
    const json::value* name = header ? header->if_contains("key") : nullptr;
    if (value == nullptr || !is_mask(*value) || name == nullptr || !name->is_string()) continue;
    if (const json::value* secret = stored_credential(kept, name->get_string())) {
      *value = *secret;
    } else {
      problems.push_back(key + ": header '" + std::string(name->get_string()) + "' " +
                         std::string(kNothingStored));
    }
  }
}

}  // namespace

bool is_credential_header(std::string_view name) {
  const std::string lower = to_lower(name);
  if (lower == "cookie") return true;
  static constexpr std::string_view kParts[] = {"auth", "key", "password", "secret", "token"};
  return std::any_of(std::begin(kParts), std::end(kParts),
                     [&](std::string_view part) { return lower.find(part) != std::string::npos; });
}

void mask_secrets(json::object& meta, const SecretSettings& secrets) {
  for (const auto& key : secrets.keys) {
    if (json::value* value = meta.if_contains(key); is_secret_text(value)) *value = kSecretMask;
  }
  json::value* headers = secrets.headers.empty() ? nullptr : meta.if_contains(secrets.headers);
  if (headers == nullptr || !headers->is_array()) return;
  for (auto& entry : headers->get_array()) {
    if (!credential_name(entry).empty()) entry.get_object()["value"] = kSecretMask;
  }
}

std::vector<std::string> keep_stored_secrets(json::object& incoming, const json::object& stored,
                                             const SecretSettings& secrets) {
  std::vector<std::string> problems;
  for (const auto& key : secrets.keys) {
    const json::value* sent = incoming.if_contains(key);
    if (sent != nullptr && !is_mask(*sent)) continue;
    if (const json::value* kept = stored.if_contains(key); is_secret_text(kept)) {
      incoming[key] = *kept;
    } else if (sent != nullptr) {
      problems.push_back(key + ": " + std::string(kNothingStored));
    }
  }
  if (!secrets.headers.empty()) keep_header_secrets(incoming, stored, secrets.headers, problems);
  return problems;
}

}  // namespace vigil
