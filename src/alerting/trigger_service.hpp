#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "alerting/alert_message_builder.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/notification_port.hpp"
#include "core/trigger.hpp"
#include "services/site_service.hpp"
#include "storage/trigger_store.hpp"

namespace vigil {

//! Trigger use cases: validated create/update/delete (settings checked by the notifier), the
//! "send test" action and config reconciliation. Keeps every trigger in memory for the engine.
class TriggerService {
 public:
  //! All arguments must outlive the service.
  TriggerService(TriggerStore& store, NotificationPort& notifier, const SiteService& site,
                 const Clock& clock);

  //! Loads every stored trigger into memory (call once at start).
  void load();
  //! Every trigger, by id.
  std::vector<Trigger> list() const;
  //! One trigger, or nullopt.
  std::optional<Trigger> find(std::int64_t id) const;
  //! The trigger called `name`, or nullopt.
  std::optional<Trigger> find_by_name(const std::string& name) const;
  //! `trigger` as the API shows it: the secrets of its trigger_meta replaced by kSecretMask.
  Trigger masked(Trigger trigger) const;
  //! Validates and stores a new trigger; kConflict when the name is taken, kBadRequest for a
  //! secret sent as the mask.
  Result<Trigger> create(Trigger trigger);
  //! Validates and stores a changed trigger (matched by id); kNotFound when absent. A secret of
  //! trigger_meta left out or sent as kSecretMask keeps its stored value.
  Result<Trigger> update(Trigger trigger);
  //! Deletes a trigger; kNotFound when absent, kConflict while an alert rule uses it.
  std::optional<Error> remove(std::int64_t id);
  //! Sends a sample TRIGGERED alert through the trigger at once and reports how it went;
  //! kNotFound when absent.
  Result<DeliveryOutcome> send_test(std::int64_t id);
  //! Makes every declared trigger (from the config file) exist as declared, matched by name:
  //! created, or updated in place (trigger_meta exactly as declared). Returns the errors.
  std::vector<Error> reconcile(const std::vector<Trigger>& declared);

 private:
  std::optional<Error> check(Trigger& trigger) const;
  std::optional<Error> keep_secrets(Trigger& trigger, const std::string& stored_meta) const;
  Result<Trigger> store_checked(Trigger trigger, bool creating);

  TriggerStore& store_;
  NotificationPort& notifier_;
  AlertMessageBuilder messages_;
  const Clock& clock_;
  std::mutex update_mutex_;  //!< one change at a time, so name checks hold
  mutable std::mutex mutex_;
  std::map<std::int64_t, Trigger> cache_;
};

}  // namespace vigil
