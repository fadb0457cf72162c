#include "core/monitor_spec.hpp"

#include "core/cron_expression.hpp"

namespace vigil {
namespace {

constexpr std::size_t kMaxTagLength = 64;
constexpr int kMaxIntervalSeconds = 86400;
constexpr int kMaxConfirmationThreshold = 60;

bool is_tag_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

bool is_valid_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxTagLength) return false;
  for (char c : tag) {
    if (!is_tag_char(c)) return false;
  }
  return true;
}

std::vector<std::string> validate_common_fields(const MonitorSpec& spec) {
  std::vector<std::string> problems;
  if (!is_valid_tag(spec.tag)) {
    problems.push_back("tag: must be 1-64 characters of a-z, 0-9, '_' and '-'");
  }
  if (is_blank(spec.name)) problems.push_back("name: must not be empty");
  if (!spec.cron.empty()) {
    // The parser's message already starts with "cron: " and names the bad field.
    if (auto cron = CronExpression::parse(spec.cron); !cron) {
      problems.push_back(cron.error().message);
    }
    if (spec.interval_seconds)
      problems.push_back("cron: set either cron or interval_seconds, not both");
  }
  if (spec.interval_seconds &&
      (*spec.interval_seconds < 1 || *spec.interval_seconds > kMaxIntervalSeconds)) {
    problems.push_back("interval_seconds: must be between 1 and 86400");
  }
  if (spec.confirmation_threshold < 1 || spec.confirmation_threshold > kMaxConfirmationThreshold) {
    problems.push_back("confirmation_threshold: must be between 1 and 60");
  }
  if (spec.default_status && *spec.default_status != Status::kUp &&
      *spec.default_status != Status::kDown && *spec.default_status != Status::kDegraded) {
    problems.push_back("default_status: must be UP, DOWN or DEGRADED");
  }
  if (spec.include_degraded_in_downtime != "YES" && spec.include_degraded_in_downtime != "NO") {
    problems.push_back("include_degraded_in_downtime: must be YES or NO");
  }
  return problems;
}

bool is_scheduled(const MonitorSpec& spec) {
  return spec.active && spec.monitor_type != "NONE" &&
         (spec.interval_seconds.has_value() || !spec.cron.empty());
}

}  // namespace vigil
