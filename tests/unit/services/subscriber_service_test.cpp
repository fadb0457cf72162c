// SubscriberService: the status page's email flow (6-digit code valid five minutes, wrong tries
// burn it, re-requests rate limited, manage token, unsubscribe) and the admin's subscribers, on a
// real SQLite file with a fake clock; codes are read from the mails queued in a recording outbox.
#include "services/subscriber_service.hpp"

#include <gmock/gmock.h>

#include "subscriber_fixture.hpp"

namespace vigil::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class SubscriberServiceTest : public SubscriberFixture {};

TEST_F(SubscriberServiceTest, ACodeConfirmsTheSubscriptionWithinFiveMinutes) {
  ASSERT_FALSE(subscribers_.request_code("  Ada@Example.com ", scope({shop_}, {"db"})));
  ASSERT_EQ(port_.queued().size(), 1u);
  const OutboxMessage mail = port_.queued()[0];
  EXPECT_EQ(mail.kind, "verification");
  EXPECT_EQ(mail.channel, "email");
  EXPECT_THAT(mail.channel_config, HasSubstr(R"("to":"ada@example.com")"));
  const std::string code = code_sent_to("ada@example.com");
  EXPECT_THAT(variable(mail, "subject"), HasSubstr(code));
  EXPECT_THAT(variable(mail, "html"), HasSubstr("Acme &lt;Status&gt;"));
  EXPECT_FALSE(subscribers_.recipients().size());

  at(kStart + 5 * kMinute - 1);
  auto token = subscribers_.confirm("ada@example.com", code);
  ASSERT_TRUE(token.ok()) << token.error().message;
  auto subscriber = subscribers_.by_token(token.value());
  ASSERT_TRUE(subscriber.ok());
  EXPECT_TRUE(subscriber->confirmed);
  EXPECT_FALSE(subscriber->preferences.everything);
  EXPECT_THAT(subscriber->preferences.page_ids, ElementsAre(shop_));
  EXPECT_THAT(subscriber->preferences.monitor_tags, ElementsAre("db"));
  EXPECT_EQ(subscribers_.recipients().size(), 1u);
  // Used once: the same code does not confirm again.
  EXPECT_FALSE(subscribers_.confirm("ada@example.com", code).ok());
}

TEST_F(SubscriberServiceTest, AnExpiredCodeIsRefused) {
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  const std::string code = code_sent_to("ada@example.com");
  at(kStart + 5 * kMinute);
  auto token = subscribers_.confirm("ada@example.com", code);
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, ErrorCode::kBadRequest);
  EXPECT_THAT(token.error().message, HasSubstr("expired"));
  EXPECT_TRUE(subscribers_.recipients().empty());
  EXPECT_FALSE(subscriber_store_.code(subscribers_.list().front().id).has_value());
}

TEST_F(SubscriberServiceTest, WrongCodesBurnTheCode) {
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  const std::string code = code_sent_to("ada@example.com");
  const std::string wrong = code == "000000" ? "000001" : "000000";
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(subscribers_.confirm("ada@example.com", wrong).ok());
  EXPECT_FALSE(subscribers_.confirm("ada@example.com", code).ok());
  EXPECT_TRUE(subscribers_.recipients().empty());
}

TEST_F(SubscriberServiceTest, FourWrongCodesStillLeaveTheRightOneWorking) {
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  const std::string code = code_sent_to("ada@example.com");
  const std::string wrong = code == "000000" ? "000001" : "000000";
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(subscribers_.confirm("ada@example.com", wrong).ok());
  EXPECT_TRUE(subscribers_.confirm("ada@example.com", code).ok());
}

TEST_F(SubscriberServiceTest, ANewCodeIsSentAtMostOnceAMinuteAndReplacesTheOldOne) {
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  const std::string first = code_sent_to("ada@example.com");
  at(kStart + 59);
  auto again = subscribers_.request_code("ada@example.com", {});
  ASSERT_TRUE(again.has_value());
  EXPECT_THAT(again->message, HasSubstr("ask again in 1 seconds"));
  EXPECT_EQ(port_.queued().size(), 1u);

  at(kStart + 60);
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  ASSERT_EQ(port_.queued().size(), 2u);
  const std::string second = code_sent_to("ada@example.com");
  ASSERT_NE(first, second);
  EXPECT_FALSE(subscribers_.confirm("ada@example.com", first).ok());
  EXPECT_TRUE(subscribers_.confirm("ada@example.com", second).ok());
}

TEST_F(SubscriberServiceTest, CodesAndTokensAreStoredOnlyAsHashes) {
  const std::string token = confirmed("ada@example.com", {});
  auto stored = subscriber_store_.list().front();
  EXPECT_EQ(token.size(), 64u);
  EXPECT_NE(stored.token_hash, token);
  EXPECT_EQ(stored.token_hash.find(token), std::string::npos);
  at(kStart + kMinute);
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", {}));
  auto code = subscriber_store_.code(stored.id);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->code_hash.find(code_sent_to("ada@example.com")), std::string::npos);
}

TEST_F(SubscriberServiceTest, VisitorsCannotChooseHiddenMonitorsUnknownPagesOrNothing) {
  auto hidden = subscribers_.request_code("ada@example.com", scope({}, {"web"}));
  ASSERT_TRUE(hidden.has_value());
  EXPECT_THAT(hidden->message, HasSubstr("monitor 'web' not found"));
  auto page = subscribers_.request_code("ada@example.com", scope({9999}, {}));
  ASSERT_TRUE(page.has_value());
  EXPECT_THAT(page->message, HasSubstr("page 9999 not found"));
  auto empty = subscribers_.request_code("ada@example.com", scope({}, {}));
  ASSERT_TRUE(empty.has_value());
  SubscriberPreferences neither;
  neither.incidents = neither.maintenances = false;
  EXPECT_TRUE(subscribers_.request_code("ada@example.com", neither).has_value());
  EXPECT_TRUE(subscribers_.request_code("not an address", {}).has_value());
  EXPECT_TRUE(port_.queued().empty());
}

TEST_F(SubscriberServiceTest, TheManageTokenChangesPreferencesAndUnsubscribes) {
  const std::string token = confirmed("ada@example.com", {});
  auto changed = subscribers_.change_preferences(token, scope({data_}, {}));
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_THAT(subscribers_.by_token(token)->preferences.page_ids, ElementsAre(data_));
  EXPECT_FALSE(subscribers_.change_preferences(token, scope({}, {"web"})).ok());

  EXPECT_FALSE(subscribers_.unsubscribe(token).has_value());
  EXPECT_EQ(subscribers_.by_token(token).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(subscribers_.unsubscribe(token).has_value());
  EXPECT_TRUE(subscribers_.list().empty());
  EXPECT_EQ(subscribers_.by_token("forged").error().code, ErrorCode::kNotFound);
}

TEST_F(SubscriberServiceTest, ResubscribingKeepsTheTokenAndAppliesTheNewChoice) {
  const std::string token = confirmed("ada@example.com", {});
  at(kStart + kHour);
  EXPECT_EQ(confirmed("ada@example.com", scope({shop_}, {})), token);
  EXPECT_THAT(subscribers_.by_token(token)->preferences.page_ids, ElementsAre(shop_));
}

TEST_F(SubscriberServiceTest, APageDeletedBeforeConfirmingDropsOutOfTheChoice) {
  ASSERT_FALSE(subscribers_.request_code("ada@example.com", scope({shop_}, {"db"})));
  ASSERT_FALSE(pages_.remove("shop").has_value());
  auto token = subscribers_.confirm("ada@example.com", code_sent_to("ada@example.com"));
  ASSERT_TRUE(token.ok()) << token.error().message;
  const auto p = subscribers_.by_token(token.value())->preferences;
  EXPECT_FALSE(p.everything);
  EXPECT_TRUE(p.page_ids.empty());
  EXPECT_THAT(p.monitor_tags, ElementsAre("db"));
}

TEST_F(SubscriberServiceTest, AdminsAddChangeAndDeleteEmailAndWebhookSubscribers) {
  auto email = subscribers_.create(SubscriberKind::kEmail, "Bob@Example.com", {}, true);
  ASSERT_TRUE(email.ok()) << email.error().message;
  EXPECT_EQ(email->address, "bob@example.com");
  EXPECT_TRUE(email->confirmed);
  EXPECT_TRUE(port_.queued().empty());
  EXPECT_EQ(subscribers_.create(SubscriberKind::kEmail, "bob@example.com", {}, true).error().code,
            ErrorCode::kConflict);

  auto hook = subscribers_.create(SubscriberKind::kWebhook, "https://hooks.example.com/in",
                                  scope({}, {"web"}), false);
  ASSERT_TRUE(hook.ok()) << hook.error().message;  // admins may choose hidden monitors
  EXPECT_FALSE(hook->active);
  EXPECT_EQ(subscribers_.create(SubscriberKind::kWebhook, "ftp://x", {}, true).error().code,
            ErrorCode::kBadRequest);
  EXPECT_EQ(subscribers_.create(SubscriberKind::kEmail, "bob@", {}, true).error().code,
            ErrorCode::kBadRequest);

  ASSERT_FALSE(subscribers_.request_code("carol@example.com", {}));
  auto taken_over = subscribers_.create(SubscriberKind::kEmail, "carol@example.com", {}, true);
  ASSERT_TRUE(taken_over.ok()) << taken_over.error().message;
  EXPECT_TRUE(taken_over->confirmed);
  EXPECT_FALSE(subscriber_store_.code(taken_over->id).has_value());

  SubscriberPatch patch;
  patch.active = true;
  patch.preferences = scope({shop_}, {});
  auto updated = subscribers_.update(hook->id, patch);
  ASSERT_TRUE(updated.ok());
  EXPECT_TRUE(updated->active);
  EXPECT_THAT(updated->preferences.page_ids, ElementsAre(shop_));
  patch.preferences = scope({}, {});
  EXPECT_EQ(subscribers_.update(hook->id, patch).error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(subscribers_.update(999, {}).error().code, ErrorCode::kNotFound);

  EXPECT_EQ(subscribers_.list().size(), 3u);
  EXPECT_FALSE(subscribers_.remove(email->id).has_value());
  EXPECT_EQ(subscribers_.remove(email->id)->code, ErrorCode::kNotFound);
  EXPECT_EQ(subscribers_.get(email->id).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace vigil::testing
