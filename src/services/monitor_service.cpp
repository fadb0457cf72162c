#include "services/monitor_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace vigil {
namespace {

constexpr const char* kDefaultCron = "* * * * *";

bool matches(const MonitorSpec& m, const MonitorFilter& f) {
  if (f.status && *f.status != (m.active ? "ACTIVE" : "INACTIVE")) return false;
  if (f.category_name && *f.category_name != m.category_name) return false;
  if (f.monitor_type && *f.monitor_type != m.monitor_type) return false;
  if (f.is_hidden && *f.is_hidden != (m.hidden ? "YES" : "NO")) return false;
  return true;
}

}  // namespace

MonitorService::MonitorService(MonitorStore& store, const MonitorTypeCatalog& catalog)
    : store_(store), catalog_(catalog) {}

void MonitorService::load() {
  for (const auto& spec : store_.list()) remember(spec);
}

std::vector<MonitorSpec> MonitorService::list(const MonitorFilter& filter) const {
  std::vector<MonitorSpec> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [tag, spec] : cache_) {
      if (matches(*spec, filter)) out.push_back(*spec);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const MonitorSpec& a, const MonitorSpec& b) { return a.tag < b.tag; });
  return out;
}

std::shared_ptr<const MonitorSpec> MonitorService::find(const std::string& tag) const {
  std::lock_guard lock(mutex_);
  auto it = cache_.find(tag);
  return it == cache_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const MonitorSpec>> MonitorService::all() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<const MonitorSpec>> out;
  out.reserve(cache_.size());
  for (const auto& [tag, spec] : cache_) out.push_back(spec);
  return out;
}

std::optional<Error> MonitorService::normalise_and_validate(MonitorSpec& spec,
                                                            const MonitorSpec* previous) const {
  std::transform(spec.monitor_type.begin(), spec.monitor_type.end(), spec.monitor_type.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  if (spec.monitor_type.empty()) spec.monitor_type = "NONE";
  if (spec.monitor_type != "NONE" && spec.cron.empty() && !spec.interval_seconds) {
    spec.cron = kDefaultCron;
  }
  catalog_.prepare(spec, previous);
  auto problems = validate_common_fields(spec);
  if (auto type_problem = catalog_.check(spec)) {
    problems.push_back(*type_problem);
  } else if (auto dependency_problem = check_dependencies(spec)) {
    problems.push_back(*dependency_problem);
  }
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

std::optional<std::string> MonitorService::check_dependencies(const MonitorSpec& spec) const {
  // Every member must exist, and following members from `spec` must never lead back to it.
  std::vector<std::string> pending = catalog_.dependencies(spec);
  for (const auto& tag : pending) {
    if (tag != spec.tag && !find(tag)) return "type_data: member '" + tag + "' does not exist";
  }
  std::vector<std::string> seen;
  while (!pending.empty()) {
    std::string tag = pending.back();
    pending.pop_back();
    if (tag == spec.tag) return "type_data: member '" + tag + "' would make a cycle of groups";
    if (std::find(seen.begin(), seen.end(), tag) != seen.end()) continue;
    seen.push_back(tag);
    if (auto member = find(tag)) {
      for (auto& next : catalog_.dependencies(*member)) pending.push_back(std::move(next));
    }
  }
  return std::nullopt;
}

void MonitorService::remember(const MonitorSpec& spec) {
  auto shared = std::make_shared<const MonitorSpec>(spec);
  {
    std::lock_guard lock(mutex_);
    cache_[spec.tag] = shared;
  }
  if (listener_) listener_(spec.tag, shared);
}

Result<MonitorSpec> MonitorService::create(MonitorSpec spec) {
  if (auto error = normalise_and_validate(spec, nullptr)) return *error;
  auto stored = store_.create(spec);
  if (!stored.ok()) return stored;
  remember(stored.value());
  spdlog::info("monitor {} created ({})", spec.tag, spec.monitor_type);
  return stored;
}

Result<MonitorSpec> MonitorService::update(MonitorSpec spec) {
  auto previous = find(spec.tag);
  if (auto error = normalise_and_validate(spec, previous.get())) return *error;
  auto stored = store_.update(spec);
  if (!stored.ok()) return stored;
  remember(stored.value());
  spdlog::info("monitor {} updated", spec.tag);
  return stored;
}

std::optional<Error> MonitorService::remove(const std::string& tag) {
  if (!store_.remove(tag)) return Error{ErrorCode::kNotFound, "monitor '" + tag + "' not found"};
  {
    std::lock_guard lock(mutex_);
    cache_.erase(tag);
  }
  if (listener_) listener_(tag, nullptr);
  spdlog::info("monitor {} deleted", tag);
  return std::nullopt;
}

std::vector<Error> MonitorService::reconcile(const std::vector<MonitorSpec>& declared) {
  // Groups may be declared before their members: retry the failures while any pass makes progress.
  std::vector<MonitorSpec> todo = declared;
  std::vector<Error> errors;
  for (std::size_t before = todo.size() + 1; !todo.empty() && todo.size() < before;) {
    before = todo.size();
    std::vector<MonitorSpec> failed;
    errors.clear();
    for (const auto& spec : todo) {
      auto result = find(spec.tag) ? update(spec) : create(spec);
      if (!result.ok()) {
        errors.push_back(Error{result.error().code, spec.tag + ": " + result.error().message});
        failed.push_back(spec);
      }
    }
    todo = std::move(failed);
  }
  return errors;
}

}  // namespace vigil
