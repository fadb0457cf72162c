#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "alerting/alert_engine.hpp"
#include "alerting/alert_service.hpp"
#include "alerting/trigger_service.hpp"
#include "fake_clock.hpp"
#include "fake_monitor_type_catalog.hpp"
#include "recording_notification_port.hpp"
#include "services/incident_service.hpp"
#include "services/monitor_service.hpp"
#include "services/site_service.hpp"
#include "storage/sqlite/sqlite_alert_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_incident_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_site_store.hpp"
#include "storage/sqlite/sqlite_trigger_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {

//! Real SQLite stores and services for alerting tests, on a fresh temporary database, with a
//! fake clock and a recording notifier. Monitors "api", "db" and "gateway" exist.
class AlertingHarness : public ::testing::Test {
 protected:
  static constexpr Seconds kStart = 1'700'000'000;

  AlertingHarness() {
    for (const char* tag : {"api", "db", "gateway"}) {
      MonitorSpec spec;
      spec.tag = tag;
      spec.name = std::string(tag) + " service";
      spec.monitor_type = "NONE";
      auto created = monitors_.create(spec);
      EXPECT_TRUE(created.ok()) << created.error().message;
    }
    site_.load();
    triggers_.load();
    alerts_.refresh();
    incidents_.refresh();
  }

  //! Stores a webhook trigger called `name`.
  Trigger webhook(const std::string& name, bool active = true) {
    Trigger trigger;
    trigger.name = name;
    trigger.trigger_type = "webhook";
    trigger.active = active;
    trigger.trigger_meta = R"({"url":"http://127.0.0.1:9/)" + name + R"("})";
    auto created = triggers_.create(trigger);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.value();
  }

  //! Stores a rule; `edit` adjusts the defaults (STATUS DOWN on "api", thresholds 1).
  template <class Edit>
  AlertRule rule(Edit edit) {
    AlertRule rule;
    rule.monitors = {"api"};
    edit(rule);
    auto created = alerts_.create(rule);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.value();
  }

  //! A new engine on the harness's database and services.
  std::unique_ptr<AlertEngine> make_engine() {
    return std::make_unique<AlertEngine>(AlertEngine::Parts{
        alert_store_, alerts_, triggers_, incidents_, monitors_, site_, port_, clock_,
        [this](const std::string& tag, Seconds) { return maintenance_.contains(tag); },
        [this](const std::string& tag, int count) {
          std::vector<Bucket> rows = recent_[tag];
          if (rows.size() > static_cast<std::size_t>(count)) {
            rows.erase(rows.begin(), rows.end() - count);
          }
          return rows;
        }});
  }

  //! A check result of `tag` at the fake clock's time.
  CheckResult sample(const std::string& tag, Status status, double latency_ms = 10) const {
    CheckResult result;
    result.monitor_tag = tag;
    result.status = status;
    result.latency_ms = latency_ms;
    result.started_ms = clock_.now_ms();
    return result;
  }

  //! Feeds samples of `tag` one minute apart through `engine` and waits for them.
  void feed(AlertEngine& engine, const std::string& tag, const std::vector<Status>& statuses) {
    for (Status status : statuses) {
      engine.observe(sample(tag, status));
      engine.wait_idle();
      clock_.advance(kMinute * 1000);
    }
  }

  //! "kind/alert_status/monitor_tag" of each queued message, e.g. "alert/TRIGGERED/api".
  std::vector<std::string> queued_summary() const {
    std::vector<std::string> out;
    for (const auto& m : port_.queued()) {
      auto v = boost::json::parse(m.variables).as_object();
      std::string what = std::string(v.at("alert_status").as_string());
      if (v.at("is_reminder").as_bool()) what = "REMINDER";
      if (v.at("is_escalation").as_bool()) what = "ESCALATED";
      out.push_back(what + "/" + std::string(v.at("monitor_tag").as_string()) + "/" +
                    std::to_string(*m.trigger_id));
    }
    return out;
  }

  TempDir dir_;
  FakeClock clock_{kStart * 1000};
  SqliteDatabase database_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitor_store_{database_};
  SqliteIncidentStore incident_store_{database_};
  SqliteSiteStore site_store_{database_};
  SqliteTriggerStore trigger_store_{database_};
  SqliteAlertStore alert_store_{database_};
  FakeMonitorTypeCatalog catalog_;
  MonitorService monitors_{monitor_store_, catalog_};
  SiteRevision revision_;
  SiteService site_{site_store_, revision_};
  IncidentService incidents_{incident_store_, monitors_, revision_, clock_};
  RecordingNotificationPort port_;
  TriggerService triggers_{trigger_store_, port_, site_, clock_};
  AlertService alerts_{alert_store_, monitors_, triggers_};
  std::set<std::string> maintenance_;                  //!< tags in maintenance
  std::map<std::string, std::vector<Bucket>> recent_;  //!< minute rows for reevaluate()
};

}  // namespace vigil::testing
