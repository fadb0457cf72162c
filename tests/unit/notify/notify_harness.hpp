#pragma once

#include <boost/json.hpp>

#include <map>
#include <optional>
#include <string>

#include "alerting/notify/channel_registry.hpp"
#include "alerting/notify/delivery_worker.hpp"
#include "alerting/notify/notifier.hpp"
#include "fake_clock.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_outbox_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {

//! The notifier on a real SQLite file with a fake clock and a fixed environment, and the
//! variables an alert sends (Kener's names).
class NotifyHarness {
 public:
  static constexpr Millis kStartMs = 1'700'000'000'000;

  NotifyHarness();

  //! The variables of a TRIGGERED (or RESOLVED) alert on monitor "api".
  static boost::json::object alert_variables(bool resolved = false);
  //! A message for `channel` with `config`, the alert variables and key `key`.
  static OutboxMessage message(const std::string& channel, const boost::json::object& config,
                               const std::string& key = "alert-1-api-TRIGGERED",
                               bool resolved = false);
  std::map<std::string, std::string> env{{"HOOK_TOKEN", "s3cret"}};
  TempDir dir;
  FakeClock clock{kStartMs};
  SqliteDatabase db{dir.file("vigil.db"), clock};
  SqliteOutboxStore store{db};
  ChannelRegistry channels;
  DeliverySettings settings;
  DeliveryWorker worker;
  Notifier notifier{store, channels, worker, clock};
};

}  // namespace vigil::testing
