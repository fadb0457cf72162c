#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "counting_random.hpp"
#include "fake_clock.hpp"
#include "probes/probe_registry.hpp"
#include "recording_notification_port.hpp"
#include "services/incident_service.hpp"
#include "services/maintenance_service.hpp"
#include "services/subscriber_notifier.hpp"
#include "services/subscriber_service.hpp"
#include "site/model/html_escape.hpp"
#include "site/model/markdown.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_incident_store.hpp"
#include "storage/sqlite/sqlite_maintenance_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_page_store.hpp"
#include "storage/sqlite/sqlite_site_store.hpp"
#include "storage/sqlite/sqlite_subscriber_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {

//! Everything subscribers touch, wired as in the server, on a real SQLite file and a fake clock:
//! monitors api, db, web (web hidden), pages "shop" (api) and "data" (db), the incident and
//! maintenance services telling the notifier, and a recording outbox.
class SubscriberFixture : public ::testing::Test {
 protected:
  static constexpr Seconds kStart = 1'700'000'000;

  SubscriberFixture() {
    for (const char* tag : {"api", "db", "web"}) {
      MonitorSpec monitor;
      monitor.tag = tag;
      monitor.name = tag;
      monitor.hidden = std::string_view(tag) == "web";
      EXPECT_TRUE(monitors_.create(monitor).ok());
    }
    pages_.load();
    site_.load();
    EXPECT_TRUE(site_.update("siteURL", R"("https://status.example.com/")").ok());
    EXPECT_TRUE(site_.update("siteName", R"("Acme <Status>")").ok());
    shop_ = page("shop", "api");
    data_ = page("data", "db");
    incidents_.refresh();
    maintenances_.refresh();
    incidents_.set_listener(&notifier_);
    maintenances_.set_listener(&notifier_);
  }

  std::int64_t page(const std::string& path, const std::string& monitor) {
    PageSpec spec;
    spec.page_path = path;
    spec.page_title = path;
    spec.page_header = path;
    spec.monitors = {monitor};
    auto created = pages_.create(spec);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }

  static SubscriberPreferences scope(std::vector<std::int64_t> pages,
                                     std::vector<std::string> monitors) {
    SubscriberPreferences p;
    p.everything = false;
    p.page_ids = std::move(pages);
    p.monitor_tags = std::move(monitors);
    return p;
  }

  //! A variable of a queued message's variables.
  static std::string variable(const OutboxMessage& message, const char* name) {
    return std::string(boost::json::parse(message.variables).as_object().at(name).as_string());
  }

  //! The 6-digit code in the last verification mail to `email`.
  std::string code_sent_to(const std::string& email) const {
    const auto queued = port_.queued();
    for (auto it = queued.rbegin(); it != queued.rend(); ++it) {
      if (it->kind != "verification" || it->channel_config.find(email) == std::string::npos) {
        continue;
      }
      std::smatch match;
      const std::string body = variable(*it, "body");
      if (std::regex_search(body, match, std::regex("[0-9]{6}"))) return match.str();
    }
    ADD_FAILURE() << "no code mailed to " << email;
    return "";
  }

  //! Subscribes `email` through the public flow; returns the manage token.
  std::string confirmed(const std::string& email, SubscriberPreferences preferences) {
    EXPECT_FALSE(subscribers_.request_code(email, std::move(preferences)).has_value());
    auto token = subscribers_.confirm(email, code_sent_to(email));
    EXPECT_TRUE(token.ok()) << token.error().message;
    return token.ok() ? token.value() : "";
  }

  //! Addresses (email "to" or webhook "url") of the subscriber messages queued since `from`.
  std::vector<std::string> recipients_since(std::size_t from) const {
    std::vector<std::string> out;
    const auto queued = port_.queued();
    for (std::size_t i = from; i < queued.size(); ++i) {
      const auto& m = queued[i];
      if (m.kind != "subscriber") continue;
      auto config = boost::json::parse(m.channel_config).as_object();
      out.emplace_back(config.contains("to") ? config.at("to").as_string()
                                             : config.at("url").as_string());
    }
    return out;
  }

  void at(Seconds t) { clock_.set(t * 1000); }

  TempDir dir_;
  FakeClock clock_{kStart * 1000};
  SqliteDatabase database_{dir_.file("vigil.db"), clock_};
  SqliteMonitorStore monitor_store_{database_};
  SqlitePageStore page_store_{database_};
  SqliteSiteStore site_store_{database_};
  SqliteIncidentStore incident_store_{database_};
  SqliteMaintenanceStore maintenance_store_{database_};
  SqliteSubscriberStore subscriber_store_{database_};
  ProbeRegistry registry_;
  MonitorService monitors_{monitor_store_, registry_};
  SiteRevision revision_;
  PageService pages_{page_store_, monitors_, revision_};
  SiteService site_{site_store_, revision_};
  IncidentService incidents_{incident_store_, monitors_, revision_, clock_};
  MaintenanceService maintenances_{maintenance_store_, monitors_, revision_, clock_};
  RecordingNotificationPort port_;
  CountingRandom random_;
  SubscriberService subscribers_{subscriber_store_,
                                 pages_,
                                 monitors_,
                                 site_,
                                 port_,
                                 clock_,
                                 random_,
                                 MailFormat{html_escape, render_markdown},
                                 "test-secret"};
  SubscriberNotifier notifier_{subscribers_, pages_, site_, port_};
  std::int64_t shop_ = 0;
  std::int64_t data_ = 0;
};

}  // namespace vigil::testing
