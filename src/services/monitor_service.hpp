#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/monitor_spec.hpp"
#include "core/monitor_type_catalog.hpp"
#include "storage/monitor_store.hpp"

namespace vigil {

//! Kener's list filters (each optional, matched exactly).
struct MonitorFilter {
  std::optional<std::string> status;  //!< ACTIVE / INACTIVE
  std::optional<std::string> category_name;
  std::optional<std::string> monitor_type;
  std::optional<std::string> is_hidden;  //!< YES / NO
};

//! Monitor use cases: validated create/update/delete, listing, config reconciliation. Keeps an
//! in-memory copy of every monitor for hot lookups and tells a listener about each change.
class MonitorService {
 public:
  //! Called after a change is stored: the new spec, or nullptr when `tag` was deleted.
  using ChangeListener =
      std::function<void(const std::string& tag, std::shared_ptr<const MonitorSpec> spec)>;

  MonitorService(MonitorStore& store, const MonitorTypeCatalog& catalog);

  //! Loads every stored monitor into memory (call once at start).
  void load();
  //! Sets the change listener (the scheduler and the ingestor in the composition root).
  void set_listener(ChangeListener listener) { listener_ = std::move(listener); }

  //! Monitors matching the filter, ordered by tag.
  std::vector<MonitorSpec> list(const MonitorFilter& filter) const;
  //! A monitor as it may be shown (API, logs): secrets in its type_data masked.
  MonitorSpec redacted(const MonitorSpec& spec) const { return catalog_.redact(spec); }
  //! The in-memory copy of one monitor, or nullptr.
  std::shared_ptr<const MonitorSpec> find(const std::string& tag) const;
  //! Every monitor (in-memory copies).
  std::vector<std::shared_ptr<const MonitorSpec>> all() const;
  //! Validates and stores a new monitor; kConflict when the tag exists.
  Result<MonitorSpec> create(MonitorSpec spec);
  //! Validates and stores a changed monitor (matched by tag); kNotFound when absent.
  Result<MonitorSpec> update(MonitorSpec spec);
  //! Deletes a monitor and its data; kNotFound when absent.
  std::optional<Error> remove(const std::string& tag);
  //! Creates or updates every declared monitor (from the config file); returns the errors.
  std::vector<Error> reconcile(const std::vector<MonitorSpec>& declared);

 private:
  std::optional<Error> normalise_and_validate(MonitorSpec& spec, const MonitorSpec* previous) const;
  std::optional<std::string> check_dependencies(const MonitorSpec& spec) const;
  void remember(const MonitorSpec& spec);

  MonitorStore& store_;
  const MonitorTypeCatalog& catalog_;
  ChangeListener listener_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const MonitorSpec>> cache_;
};

}  // namespace vigil
