#include "core/trigger.hpp"

#include <algorithm>

#include "core/trim.hpp"

namespace vigil {
namespace {

constexpr std::string_view kTypes[] = {
    "webhook",  "slack", "discord", "email",    "telegram",   "teams",       "pagerduty",
    "opsgenie", "ntfy",  "gotify",  "pushover", "mattermost", "google_chat", "matrix",
};

constexpr std::size_t kMaxNameLength = 128;

}  // namespace

std::span<const std::string_view> trigger_types() {
  return kTypes;
}

bool is_trigger_type(std::string_view type) {
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

std::vector<std::string> validate_trigger(const Trigger& trigger) {
  std::vector<std::string> problems;
  if (trim(trigger.name).empty()) {
    problems.push_back("name: must not be empty");
  } else if (trigger.name.size() > kMaxNameLength) {
    problems.push_back("name: must be at most 128 characters");
  }
  if (!is_trigger_type(trigger.trigger_type)) {
    std::string known;
    for (std::string_view type : kTypes) known += (known.empty() ? "" : ", ") + std::string(type);
    problems.push_back("trigger_type: must be one of " + known);
  }
  return problems;
}

}  // namespace vigil
