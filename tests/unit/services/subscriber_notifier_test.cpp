// SubscriberNotifier: who hears about incidents and maintenances (preferences per page and per
// monitor, global events, paused and unconfirmed subscribers), once each, with what content —
// driven through the real IncidentService and MaintenanceService on a fake clock.
#include "services/subscriber_notifier.hpp"

#include <gmock/gmock.h>

#include <algorithm>

#include "subscriber_fixture.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

class SubscriberNotifierTest : public SubscriberFixture {
 protected:
  SubscriberNotifierTest() {
    confirmed("all@example.com", {});
    confirmed("shop@example.com", scope({shop_}, {}));
    confirmed("db@example.com", scope({}, {"db"}));
    SubscriberPreferences maintenances_only;
    maintenances_only.incidents = false;
    confirmed("ops@example.com", maintenances_only);
    EXPECT_TRUE(subscribers_
                    .create(SubscriberKind::kWebhook, "https://hooks.example.com/api",
                            scope({}, {"api"}), true)
                    .ok());
    EXPECT_TRUE(subscribers_.create(SubscriberKind::kEmail, "paused@example.com", {}, false).ok());
    EXPECT_FALSE(subscribers_.request_code("pending@example.com", {}));  // never confirmed
    mark_ = port_.queued().size();
  }

  Incident incident(std::vector<MonitorImpact> monitors, bool global = false) {
    Incident i;
    i.title = "Checkout <failing>";
    i.start_date_time = kStart;
    i.global = global;
    i.monitors = std::move(monitors);
    auto created = incidents_.create(i);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created.value() : Incident{};
  }

  std::vector<std::string> since_mark() {
    auto out = recipients_since(mark_);
    mark_ = port_.queued().size();
    return out;
  }

  std::size_t mark_ = 0;
};

TEST_F(SubscriberNotifierTest, AnIncidentReachesOnlyTheSubscribersWhoseScopeItTouches) {
  Incident i = incident({{"api", Status::kDown}});
  EXPECT_THAT(since_mark(), UnorderedElementsAre("all@example.com", "shop@example.com",
                                                 "https://hooks.example.com/api"));
  ASSERT_TRUE(
      incidents_.add_comment(i.id, "We are **on it**", IncidentState::kIdentified, std::nullopt)
          .ok());
  EXPECT_THAT(since_mark(), UnorderedElementsAre("all@example.com", "shop@example.com",
                                                 "https://hooks.example.com/api"));
  incident({{"db", Status::kDegraded}});
  EXPECT_THAT(since_mark(), UnorderedElementsAre("all@example.com", "db@example.com"));
}

TEST_F(SubscriberNotifierTest, AGlobalIncidentReachesEveryoneWhoWantsIncidents) {
  incident({}, true);
  EXPECT_THAT(since_mark(),
              UnorderedElementsAre("all@example.com", "shop@example.com", "db@example.com",
                                   "https://hooks.example.com/api"));
}

TEST_F(SubscriberNotifierTest, TheSameNotificationIsNeverQueuedTwice) {
  Incident i = incident({{"api", Status::kDown}});
  auto comment = incidents_.add_comment(i.id, "Fixed", IncidentState::kResolved, std::nullopt);
  ASSERT_TRUE(comment.ok());
  since_mark();
  notifier_.comment_added(*incidents_.find(i.id), comment.value());
  notifier_.incident_created(i);
  EXPECT_THAT(since_mark(), IsEmpty());
}

TEST_F(SubscriberNotifierTest, MaintenanceRemindersStartsEndsAndCancellationsReachTheirScope) {
  Maintenance m;
  m.title = "Database upgrade";
  m.description = "Expect *short* pauses";
  m.start_date_time = kStart + 2 * kHour;
  m.rrule = "FREQ=MINUTELY;COUNT=1";
  m.duration_seconds = kHour;
  m.global = false;
  m.monitors = {{"db", Status::kMaintenance}};
  ASSERT_TRUE(maintenances_.create(m).ok());
  since_mark();
  const auto expected =
      UnorderedElementsAre("all@example.com", "db@example.com", "ops@example.com");

  at(kStart + kHour);  // the reminder
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_THAT(since_mark(), expected);
  at(kStart + 2 * kHour);  // the start
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_THAT(since_mark(), expected);
  EXPECT_EQ(maintenances_.advance_states(), 0);
  EXPECT_THAT(since_mark(), IsEmpty());
  at(kStart + 3 * kHour);  // the end
  EXPECT_EQ(maintenances_.advance_states(), 1);
  EXPECT_THAT(since_mark(), expected);

  m.start_date_time = kStart + kDay;
  auto later = maintenances_.create(m);
  ASSERT_TRUE(later.ok());
  MaintenanceEventQuery query;
  query.maintenance_id = later->id;
  auto event = maintenances_.events(query).events.at(0).event;
  ASSERT_TRUE(
      maintenances_.finish_event(later->id, event.id, MaintenanceEventStatus::kCancelled).ok());
  EXPECT_THAT(since_mark(), expected);
  const auto mail = port_.queued().back();
  EXPECT_THAT(variable(mail, "subject"), HasSubstr("Maintenance cancelled: Database upgrade"));
}

TEST_F(SubscriberNotifierTest, UnsubscribingStopsTheMails) {
  const std::string token = confirmed("leaving@example.com", {});
  mark_ = port_.queued().size();
  ASSERT_FALSE(subscribers_.unsubscribe(token).has_value());
  incident({}, true);
  EXPECT_THAT(since_mark(), Not(::testing::Contains("leaving@example.com")));
}

TEST_F(SubscriberNotifierTest, MailsCarryTheUpdateEscapedWithManageAndUnsubscribeLinks) {
  Incident i = incident({{"api", Status::kDown}});
  ASSERT_TRUE(
      incidents_
          .add_comment(i.id, "We are **on it** <script>", IncidentState::kIdentified, std::nullopt)
          .ok());
  const auto queued = port_.queued();
  const OutboxMessage* mail = nullptr;
  for (const auto& m : queued) {
    if (m.idempotency_key.find(":incident-comment:") != std::string::npos &&
        m.channel_config.find("shop@example.com") != std::string::npos) {
      mail = &m;
    }
  }
  ASSERT_NE(mail, nullptr);
  const auto shop = subscriber_store_.find_by_address(SubscriberKind::kEmail, "shop@example.com");
  EXPECT_EQ(mail->idempotency_key, "subscriber:" + std::to_string(shop->id) + ":incident-comment:" +
                                       std::to_string(incidents_.comments(i.id)->front().id));
  EXPECT_EQ(variable(*mail, "subject"), "[Acme <Status>] Checkout <failing>: IDENTIFIED");
  const std::string html = variable(*mail, "html");
  EXPECT_THAT(html, HasSubstr("Checkout &lt;failing&gt;"));
  EXPECT_THAT(html, HasSubstr("<strong>on it</strong>"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  const std::string token = subscribers_.manage_token(*shop);
  EXPECT_THAT(html, HasSubstr("https://status.example.com/unsubscribe/" + token));
  EXPECT_EQ(variable(*mail, "unsubscribe_url"), "https://status.example.com/unsubscribe/" + token);
  const std::string text = variable(*mail, "body");
  EXPECT_THAT(text, HasSubstr("We are **on it** <script>"));
  EXPECT_THAT(text, HasSubstr("https://status.example.com/subscription/" + token));
  EXPECT_THAT(text, HasSubstr("https://status.example.com/incidents/" + std::to_string(i.id)));
}

TEST_F(SubscriberNotifierTest, WithoutASiteUrlMailsHaveRelativeLinksAndNoUnsubscribeHeaderUrl) {
  ASSERT_TRUE(site_.update("siteURL", R"("")").ok());
  Incident i = incident({{"api", Status::kDown}});
  const auto queued = port_.queued();
  const auto mail = std::find_if(queued.begin(), queued.end(), [](const OutboxMessage& m) {
    return m.kind == "subscriber" && m.channel == "email";
  });
  ASSERT_NE(mail, queued.end());
  EXPECT_THAT(variable(*mail, "body"), HasSubstr("\nUnsubscribe: /unsubscribe/"));
  EXPECT_THAT(variable(*mail, "body"), HasSubstr("Details: /incidents/" + std::to_string(i.id)));
  EXPECT_FALSE(boost::json::parse(mail->variables).as_object().contains("unsubscribe_url"))
      << "List-Unsubscribe takes only an absolute URL";
}

TEST_F(SubscriberNotifierTest, WebhooksReceiveTheEventAsJson) {
  Incident i = incident({{"api", Status::kDown}});
  const auto hook = port_.queued().back();
  ASSERT_EQ(hook.channel, "webhook");
  EXPECT_EQ(hook.kind, "subscriber");
  auto config = boost::json::parse(hook.channel_config).as_object();
  EXPECT_EQ(config.at("url").as_string(), "https://hooks.example.com/api");
  auto payload = boost::json::parse(variable(hook, "payload")).as_object();
  EXPECT_EQ(payload.at("event").as_string(), "incident.created");
  const auto& body = payload.at("incident").as_object();
  EXPECT_EQ(body.at("id").as_int64(), i.id);
  EXPECT_EQ(body.at("title").as_string(), "Checkout <failing>");
  EXPECT_EQ(body.at("state").as_string(), "INVESTIGATING");
  EXPECT_EQ(body.at("monitors").as_array().at(0).as_object().at("monitor_tag").as_string(), "api");
}

}  // namespace
}  // namespace vigil::testing
