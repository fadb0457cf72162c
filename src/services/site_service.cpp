#include "services/site_service.hpp"

#include <spdlog/spdlog.h>

#include "services/site_value_reader.hpp"

namespace vigil {
namespace {

Error unknown_key(std::string_view key) {
  std::string known;
  for (const SiteKey& site_key : site_keys()) {
    known += (known.empty() ? "" : ", ") + std::string(site_key.name);
  }
  return Error{ErrorCode::kNotFound,
               "Config key '" + std::string(key) +
                   "' is not a valid configuration key (known keys: " + known + ")"};
}

}  // namespace

SiteService::SiteService(SiteStore& store, SiteRevision& revision)
    : store_(store), revision_(revision), settings_(std::make_shared<const SiteSettings>()) {}

void SiteService::load() {
  SiteSettings settings;
  std::map<std::string, std::string, std::less<>> values;
  for (const SiteDataEntry& row : store_.list()) {
    const SiteKey* key = find_site_key(row.key);
    if (key == nullptr) {
      spdlog::warn("site: ignoring stored setting '{}', which Vigil does not know", row.key);
      continue;
    }
    auto applied = apply_site_value(*key, row.value_json, settings);
    if (!applied.ok()) {
      spdlog::warn("site: stored {} is not usable ({}); using the default", row.key,
                   applied.error().message);
      continue;
    }
    values[row.key] = row.value_json;
  }
  std::lock_guard lock(mutex_);
  values_ = std::move(values);
  settings_ = std::make_shared<const SiteSettings>(std::move(settings));
}

std::vector<SiteDataEntry> SiteService::entries() const {
  std::vector<SiteDataEntry> out;
  std::lock_guard lock(mutex_);
  for (const SiteKey& key : site_keys()) {
    auto stored = values_.find(key.name);
    out.push_back(
        SiteDataEntry{std::string(key.name), key.data_type,
                      stored != values_.end() ? stored->second : std::string(key.default_json)});
  }
  return out;
}

Result<SiteDataEntry> SiteService::entry(std::string_view key) const {
  const SiteKey* site_key = find_site_key(key);
  if (site_key == nullptr) return unknown_key(key);
  std::lock_guard lock(mutex_);
  auto stored = values_.find(key);
  return SiteDataEntry{
      std::string(key), site_key->data_type,
      stored != values_.end() ? stored->second : std::string(site_key->default_json)};
}

Result<SiteDataEntry> SiteService::update(std::string_view key, std::string_view value_json) {
  const SiteKey* site_key = find_site_key(key);
  if (site_key == nullptr) return unknown_key(key);
  std::lock_guard updating(update_mutex_);
  SiteSettings settings = *this->settings();
  auto value = apply_site_value(*site_key, value_json, settings);
  if (!value.ok()) return value.error();
  SiteDataEntry entry{std::string(key), site_key->data_type, std::move(value.value())};
  if (auto current = this->entry(key); current.ok() && current.value() == entry) return entry;

  store_.put(entry);
  {
    std::lock_guard lock(mutex_);
    values_[entry.key] = entry.value_json;
    settings_ = std::make_shared<const SiteSettings>(std::move(settings));
  }
  revision_.bump();
  spdlog::info("site setting {} updated", entry.key);
  return entry;
}

std::shared_ptr<const SiteSettings> SiteService::settings() const {
  std::lock_guard lock(mutex_);
  return settings_;
}

std::vector<Error> SiteService::reconcile(const std::vector<SiteDataEntry>& declared) {
  std::vector<Error> errors;
  for (const SiteDataEntry& entry : declared) {
    auto result = update(entry.key, entry.value_json);
    if (!result.ok())
      errors.push_back(Error{result.error().code, "site: " + result.error().message});
  }
  return errors;
}

}  // namespace vigil
