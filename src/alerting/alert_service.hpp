#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "alerting/trigger_service.hpp"
#include "core/alert_rule.hpp"
#include "core/declared_alert_rule.hpp"
#include "core/error.hpp"
#include "services/monitor_service.hpp"
#include "storage/alert_store.hpp"

namespace vigil {

//! Alert rule use cases: validated create/update/delete (monitors, dependencies and triggers
//! must exist) and config reconciliation. Keeps every rule in memory, indexed by monitor, for
//! the engine's per-sample lookups.
class AlertService {
 public:
  //! All arguments must outlive the service.
  AlertService(AlertStore& store, const MonitorService& monitors, const TriggerService& triggers);

  //! Loads every stored rule (at start, and after the store changed behind the service: a
  //! deleted monitor takes its links with it).
  void refresh();
  //! Every rule, by id.
  std::vector<AlertRule> list() const;
  //! One rule, or nullptr.
  std::shared_ptr<const AlertRule> find(std::int64_t id) const;
  //! The active rules that watch `tag`, by id.
  std::vector<std::shared_ptr<const AlertRule>> rules_for(const std::string& tag) const;
  //! True when an active rule watches `tag` or waits on it (depends_on): only then do its
  //! samples matter to the engine.
  bool watches(const std::string& tag) const;
  //! Validates and stores a new rule.
  Result<AlertRule> create(AlertRule rule);
  //! Validates and stores a changed rule (matched by id); kNotFound when absent.
  Result<AlertRule> update(AlertRule rule);
  //! Deletes a rule with its alert states; kNotFound when absent.
  std::optional<Error> remove(std::int64_t id);
  //! Makes every declared rule (from the config file) exist as declared, matched by its
  //! description: created, or updated in place; trigger names are resolved to ids. Returns
  //! the errors.
  std::vector<Error> reconcile(const std::vector<DeclaredAlertRule>& declared);

 private:
  std::optional<Error> check(AlertRule& rule) const;
  Result<AlertRule> store_checked(AlertRule rule, bool creating);
  void remember(std::vector<AlertRule> rules);
  std::optional<std::vector<std::int64_t>> trigger_ids(const std::vector<std::string>& names,
                                                       std::vector<std::string>& problems) const;

  AlertStore& store_;
  const MonitorService& monitors_;
  const TriggerService& triggers_;
  std::mutex update_mutex_;  //!< one change at a time
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const AlertRule>> rules_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<const AlertRule>>> by_tag_;
  std::unordered_set<std::string> parents_;  //!< depends_on tags of active rules
};

}  // namespace vigil
