#include "core/subscriber.hpp"

#include <algorithm>

#include "core/ascii_case.hpp"

namespace vigil {
namespace {

constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxUrl = 2048;

bool has_blank_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

template <class T>
void sort_unique(std::vector<T>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

}  // namespace

std::string_view to_string(SubscriberKind kind) {
  return kind == SubscriberKind::kEmail ? "EMAIL" : "WEBHOOK";
}

std::optional<SubscriberKind> parse_subscriber_kind(std::string_view text) {
  if (equals_ignoring_case(text, "EMAIL")) return SubscriberKind::kEmail;
  if (equals_ignoring_case(text, "WEBHOOK")) return SubscriberKind::kWebhook;
  return std::nullopt;
}

void normalize(SubscriberPreferences& preferences) {
  if (preferences.everything) {
    preferences.page_ids.clear();
    preferences.monitor_tags.clear();
  }
  sort_unique(preferences.page_ids);
  sort_unique(preferences.monitor_tags);
}

std::vector<std::string> validate_preferences(const SubscriberPreferences& preferences) {
  std::vector<std::string> problems;
  if (!preferences.incidents && !preferences.maintenances) {
    problems.emplace_back("preferences: choose incidents, maintenances or both");
  }
  if (!preferences.everything && preferences.page_ids.empty() && preferences.monitor_tags.empty()) {
    problems.emplace_back("preferences: choose at least one page or monitor, or everything");
  }
  return problems;
}

bool is_email_address(std::string_view text) {
  if (text.empty() || text.size() > kMaxEmail || has_blank_or_control(text)) return false;
  const auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool is_webhook_url(std::string_view text) {
  if (text.size() > kMaxUrl || has_blank_or_control(text)) return false;
  std::string_view rest;
  const std::string lower = to_lower(text.substr(0, 8));
  if (lower.starts_with("https://")) {
    rest = text.substr(8);
  } else if (lower.starts_with("http://")) {
    rest = text.substr(7);
  } else {
    return false;
  }
  const auto host_end = rest.find_first_of("/?#");
  const auto host = rest.substr(0, host_end);
  return !host.empty() && host.front() != ':' && host.find('@') == std::string_view::npos;
}

}  // namespace vigil
