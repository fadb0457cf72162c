#include "services/page_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "core/monitor_spec.hpp"
#include "core/trim.hpp"
#include "services/page_settings_reader.hpp"

namespace vigil {
namespace {

Error not_found(std::string_view token) {
  return Error{ErrorCode::kNotFound, "page '" + std::string(token) + "' not found"};
}

}  // namespace

PageService::PageService(PageStore& store, const MonitorService& monitors, SiteRevision& revision)
    : store_(store), monitors_(monitors), revision_(revision) {}

void PageService::load() {
  for (PageSpec& page : store_.list()) {
    std::vector<std::string> problems;
    auto effective = resolve_page_settings(page.page_settings_json, "{}", page.settings, problems);
    if (!effective) {
      spdlog::warn("page {}: stored settings are not usable ({}); using the defaults",
                   page_path_token(page.page_path), bad_request(problems).message);
      problems.clear();
      effective = resolve_page_settings("{}", "{}", page.settings, problems);
    }
    page.page_settings_json = std::move(*effective);
    remember(page, nullptr);
  }
}

std::vector<std::shared_ptr<const PageSpec>> PageService::list() const {
  std::vector<std::shared_ptr<const PageSpec>> out;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [path, page] : pages_) out.push_back(page);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
  return out;
}

std::shared_ptr<const PageSpec> PageService::find(std::string_view page_path) const {
  std::lock_guard lock(mutex_);
  auto it = pages_.find(page_path);
  return it == pages_.end() ? nullptr : it->second;
}

Result<std::shared_ptr<const PageSpec>> PageService::get(std::string_view token) const {
  auto page = find(token == kHomePageToken ? std::string_view() : token);
  if (!page) return not_found(token);
  return page;
}

std::optional<Error> PageService::prepare(PageSpec& page, std::string_view settings_patch) const {
  page.page_title = std::string(trim(page.page_title));
  page.page_header = std::string(trim(page.page_header));
  std::vector<std::string> problems = validate_page_fields(page);
  auto effective =
      resolve_page_settings(page.page_settings_json, settings_patch, page.settings, problems);
  for (const std::string& tag : page.monitors) {
    if (is_valid_tag(tag) && !monitors_.find(tag)) {
      problems.push_back("monitors: monitor '" + tag + "' does not exist");
    }
  }
  if (!problems.empty()) return bad_request(problems);
  page.page_settings_json = std::move(*effective);
  return std::nullopt;
}

void PageService::remember(const PageSpec& page, const std::string* old_path) {
  auto shared = std::make_shared<const PageSpec>(page);
  std::lock_guard lock(mutex_);
  if (old_path != nullptr) pages_.erase(*old_path);
  pages_[page.page_path] = std::move(shared);
}

Result<PageSpec> PageService::store_new(PageSpec page, std::string_view settings_patch) {
  if (auto error = prepare(page, settings_patch)) return *error;
  auto stored = store_.create(page);
  if (!stored.ok()) return stored;
  remember(stored.value(), nullptr);
  revision_.bump();
  spdlog::info("page {} created", page_path_token(page.page_path));
  return stored;
}

Result<PageSpec> PageService::store_changed(PageSpec page, std::string_view settings_patch,
                                            const std::string& old_path) {
  if (auto error = prepare(page, settings_patch)) return *error;
  auto stored = store_.update(page);
  if (!stored.ok()) return stored;
  remember(stored.value(), &old_path);
  revision_.bump();
  spdlog::info("page {} updated", page_path_token(page.page_path));
  return stored;
}

Result<PageSpec> PageService::create(PageSpec page) {
  auto path = sanitize_page_path(page.page_path);
  if (!path.ok()) return path.error();
  page.id = 0;
  page.page_path = std::move(path.value());
  std::lock_guard updating(update_mutex_);
  if (find(page.page_path)) {
    return Error{ErrorCode::kConflict,
                 "page '" + page_path_token(page.page_path) + "' already exists"};
  }
  std::string requested = std::exchange(page.page_settings_json, "{}");
  return store_new(std::move(page), requested);
}

Result<PageSpec> PageService::update(std::string_view token, const PagePatch& patch) {
  std::lock_guard updating(update_mutex_);
  auto current = get(token);
  if (!current.ok()) return current.error();
  PageSpec page = *current.value();
  const std::string old_path = page.page_path;
  if (patch.page_path && old_path.empty()) {
    if (*patch.page_path != kHomePageToken && !trim(*patch.page_path).empty()) {
      return Error{ErrorCode::kBadRequest, "page_path: the home page's path cannot be changed"};
    }
  } else if (patch.page_path) {
    auto path = sanitize_page_path(*patch.page_path);
    if (!path.ok()) return path.error();
    page.page_path = std::move(path.value());
  }
  page.page_title = patch.page_title.value_or(page.page_title);
  page.page_header = patch.page_header.value_or(page.page_header);
  page.page_subheader = patch.page_subheader.value_or(page.page_subheader);
  page.page_logo = patch.page_logo.value_or(page.page_logo);
  page.monitors = patch.monitors.value_or(page.monitors);
  return store_changed(std::move(page), patch.page_settings_json.value_or("{}"), old_path);
}

std::optional<Error> PageService::remove(std::string_view token) {
  std::lock_guard updating(update_mutex_);
  auto page = get(token);
  if (!page.ok()) return page.error();
  const PageSpec& doomed = *page.value();
  if (doomed.page_path.empty()) {
    return Error{ErrorCode::kBadRequest, "Cannot delete the home page"};
  }
  if (!store_.remove(doomed.id)) return not_found(token);
  {
    std::lock_guard lock(mutex_);
    pages_.erase(doomed.page_path);
  }
  revision_.bump();
  spdlog::info("page {} deleted", doomed.page_path);
  return std::nullopt;
}

void PageService::forget_monitor(std::string_view tag) {
  std::lock_guard updating(update_mutex_);
  bool changed = false;
  {
    std::lock_guard lock(mutex_);
    for (auto& [path, page] : pages_) {
      if (std::find(page->monitors.begin(), page->monitors.end(), tag) == page->monitors.end()) {
        continue;
      }
      auto copy = std::make_shared<PageSpec>(*page);
      std::erase(copy->monitors, tag);
      page = std::move(copy);
      changed = true;
    }
  }
  if (changed) revision_.bump();
}

std::vector<Error> PageService::reconcile(const std::vector<PageSpec>& declared) {
  std::vector<Error> errors;
  for (PageSpec page : declared) {
    std::lock_guard updating(update_mutex_);
    std::string settings = std::exchange(page.page_settings_json, "{}");
    auto existing = find(page.page_path);
    if (existing) page.id = existing->id;
    auto result =
        existing ? store_changed(page, settings, existing->page_path) : store_new(page, settings);
    if (!result.ok()) {
      errors.push_back(Error{result.error().code, "page '" + page_path_token(page.page_path) +
                                                      "': " + result.error().message});
    }
  }
  return errors;
}

}  // namespace vigil
