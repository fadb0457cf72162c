#include "site/model/message_catalog.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace vigil {
namespace {

const MessageCatalog& catalog() {
  return MessageCatalog::builtin();
}

std::set<std::string> placeholders(std::string_view text) {
  static const std::regex placeholder(R"(\{([a-z_]+)\})");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

TEST(MessageCatalogTest, ShipsFourLanguagesWithNativeNames) {
  std::vector<std::pair<std::string, std::string>> locales;
  for (const LocaleInfo& info : catalog().locales())
    locales.emplace_back(info.code, info.native_name);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"de", "Deutsch"}, {"en", "English"}, {"es", "Español"}, {"fr", "Français"}};
  EXPECT_EQ(locales, expected);
  EXPECT_TRUE(catalog().has_locale("DE"));
  EXPECT_FALSE(catalog().has_locale("xx"));
}

TEST(MessageCatalogTest, EveryLanguageHasEveryKeyWithTheSamePlaceholders) {
  const std::vector<std::string> english = catalog().keys("en");
  ASSERT_GT(english.size(), 100u);
  for (const LocaleInfo& info : catalog().locales()) {
    SCOPED_TRACE(info.code);
    EXPECT_EQ(catalog().keys(info.code), english);
    for (const std::string& key : english) {
      const std::string_view text = catalog().text(info.code, key);
      EXPECT_FALSE(text.empty()) << key;
      EXPECT_EQ(placeholders(text), placeholders(catalog().text("en", key))) << key;
    }
  }
}

TEST(MessageCatalogTest, TheKeysThePagesUseExist) {
  const std::vector<std::string> english = catalog().keys("en");
  const std::set<std::string> keys(english.begin(), english.end());
  for (const char* key : {"banner.major_outage",
                          "banner.partial_outage",
                          "banner.degraded",
                          "banner.partial_degraded",
                          "banner.maintenance",
                          "banner.operational",
                          "banner.no_data",
                          "status.up",
                          "status.down",
                          "status.degraded",
                          "status.maintenance",
                          "status.no_data",
                          "page.uptime",
                          "page.latency",
                          "page.avg_latency",
                          "page.today",
                          "page.days_ago",
                          "page.ongoing_incidents",
                          "page.upcoming_maintenance",
                          "page.ongoing_maintenance",
                          "page.no_incidents",
                          "page.view_events",
                          "page.pages",
                          "page.theme_toggle",
                          "page.theme_light",
                          "page.theme_dark",
                          "page.theme_system",
                          "page.local_time",
                          "page.page_time",
                          "page.language",
                          "page.powered_by",
                          "page.last_updated",
                          "page.live",
                          "page.subscribe",
                          "page.history_days",
                          "page.group_members",
                          "page.not_found",
                          "page.back_home",
                          "monitor.latency_chart",
                          "monitor.uptime_over",
                          "monitor.range_1h",
                          "monitor.range_3h",
                          "monitor.range_6h",
                          "monitor.range_12h",
                          "monitor.range_24h",
                          "monitor.range_48h",
                          "monitor.range_7d",
                          "monitor.range_14d",
                          "monitor.range_30d",
                          "monitor.range_60d",
                          "monitor.range_90d",
                          "monitor.minutes_of_day",
                          "monitor.no_data_range",
                          "monitor.min",
                          "monitor.max",
                          "monitor.avg",
                          "tooltip.no_data",
                          "tooltip.minutes_down",
                          "tooltip.minutes_degraded",
                          "tooltip.minutes_maintenance",
                          "tooltip.uptime",
                          "events.title",
                          "events.none",
                          "events.previous",
                          "events.next",
                          "events.incident",
                          "events.maintenance",
                          "events.resolved",
                          "events.investigating",
                          "events.identified",
                          "events.monitoring",
                          "events.scheduled",
                          "events.ongoing",
                          "events.completed",
                          "events.cancelled",
                          "events.started_lasted",
                          "events.started_ongoing",
                          "incident.started",
                          "incident.ended",
                          "incident.not_ended",
                          "incident.affected",
                          "incident.updates",
                          "incident.no_updates",
                          "embed.view_status",
                          "rss.title",
                          "rss.incident_item",
                          "rss.maintenance_item"}) {
    EXPECT_TRUE(keys.count(key)) << key;
  }
}

TEST(MessageCatalogTest, EnglishMatchesKener) {
  EXPECT_EQ(catalog().text("en", "banner.major_outage"), "Major System Outage");
  EXPECT_EQ(catalog().text("en", "banner.partial_outage"), "Partial System Outage");
  EXPECT_EQ(catalog().text("en", "banner.degraded"), "Degraded Performance");
  EXPECT_EQ(catalog().text("en", "banner.partial_degraded"), "Partial Degraded Performance");
  EXPECT_EQ(catalog().text("en", "banner.maintenance"), "Under Maintenance");
  EXPECT_EQ(catalog().text("en", "banner.operational"), "All Systems Operational");
  EXPECT_EQ(catalog().text("en", "banner.no_data"), "No Status Available");
  EXPECT_EQ(catalog().text("en", "page.ongoing_incidents"), "Ongoing Incidents");
  EXPECT_EQ(catalog().text("en", "status.no_data"), "No Data");
}

TEST(MessageCatalogTest, FallsBackToEnglishThenTheKey) {
  EXPECT_EQ(catalog().text("de", "banner.operational"), "Alle Systeme betriebsbereit");
  EXPECT_EQ(catalog().text("xx", "banner.operational"), "All Systems Operational");
  EXPECT_EQ(catalog().text("de", "no.such.key"), "no.such.key");

  const EmbeddedLocale partial[] = {{"en", R"({"meta.name": "English", "a": "A", "b": "B"})"},
                                    {"de", R"({"meta.name": "Deutsch", "a": "Ä"})"}};
  Result<MessageCatalog> parsed = MessageCatalog::parse(partial);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->text("de", "a"), "Ä");
  EXPECT_EQ(parsed->text("de", "b"), "B");
}

TEST(MessageCatalogTest, SubstitutesPlaceholders) {
  EXPECT_EQ(catalog().format("en", "page.days_ago", {{"days", "3"}}), "3 days ago");
  EXPECT_EQ(catalog().format("de", "page.days_ago", {{"days", "3"}}), "vor 3 Tagen");
  EXPECT_EQ(catalog().format("en", "tooltip.uptime", {{"uptime", "99.5"}}), "99.5% uptime");
  EXPECT_EQ(catalog().format("en", "rss.title", {{"site", "Acme"}}), "Acme status");
  // Missing values and stray braces stay as written; values are not re-scanned.
  EXPECT_EQ(catalog().format("en", "page.days_ago", {}), "{days} days ago");
  EXPECT_EQ(catalog().format("en", "page.page_time", {{"zone", "{zone}"}}), "Times in {zone}");
  const EmbeddedLocale odd[] = {{"en", R"({"meta.name": "English", "k": "a {x} b { c} {"})"}};
  Result<MessageCatalog> parsed = MessageCatalog::parse(odd);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->format("en", "k", {{"x", "1"}}), "a 1 b { c} {");
}

TEST(MessageCatalogTest, FormatsDates) {
  EXPECT_EQ(catalog().short_date("en", 11, 23), "Nov 23");
  EXPECT_EQ(catalog().short_date("de", 11, 23), "23. Nov.");
  EXPECT_EQ(catalog().short_date("fr", 2, 1), "1 févr.");
  EXPECT_EQ(catalog().month_year("en", 2026, 11), "November 2026");
  EXPECT_EQ(catalog().month_year("es", 2026, 11), "noviembre de 2026");
  EXPECT_EQ(catalog().long_date("en", 11, 23, 1), "Monday, November 23");
  EXPECT_EQ(catalog().long_date("de", 11, 23, 1), "Montag, 23. November");
  EXPECT_EQ(
      catalog().format("en", "events.title", {{"month", catalog().month_year("en", 2026, 11)}}),
      "Events in November 2026");
}

TEST(MessageCatalogTest, StatusKeys) {
  EXPECT_EQ(catalog().text("en", status_key(Status::kDown)), "DOWN");
  EXPECT_EQ(status_key(Status::kUp), "status.up");
  EXPECT_EQ(status_key(Status::kDegraded), "status.degraded");
  EXPECT_EQ(status_key(Status::kMaintenance), "status.maintenance");
  EXPECT_EQ(status_key(Status::kNoData), "status.no_data");
}

TEST(MessageCatalogTest, NegotiatesTheLocale) {
  const std::vector<std::string> all;
  // The query parameter wins when enabled.
  EXPECT_EQ(catalog().negotiate("de-DE,de;q=0.9", "fr", "en", all), "fr");
  EXPECT_EQ(catalog().negotiate("de", "FR", "en", all), "fr");
  EXPECT_EQ(catalog().negotiate("de", "xx", "en", all), "de");
  // Accept-Language by quality, exact tag or primary language.
  EXPECT_EQ(catalog().negotiate("fr;q=0.5, es;q=0.8, de;q=0.1", "", "en", all), "es");
  EXPECT_EQ(catalog().negotiate("de-AT", "", "en", all), "de");
  EXPECT_EQ(catalog().negotiate("ja, es-MX;q=0.7", "", "en", all), "es");
  EXPECT_EQ(catalog().negotiate("en-US,en;q=0.9,de;q=0.8", "", "de", all), "en");
  // q=0 means "not this one"; malformed entries are skipped.
  EXPECT_EQ(catalog().negotiate("de;q=0, fr;q=abc, es;q=0.2", "", "en", all), "es");
  // "*" stands for the site default; nothing usable → site default → English.
  EXPECT_EQ(catalog().negotiate("ja, *;q=0.5", "", "fr", all), "fr");
  EXPECT_EQ(catalog().negotiate("", "", "de", all), "de");
  EXPECT_EQ(catalog().negotiate("ja", "", "zz", all), "en");
  EXPECT_EQ(catalog().negotiate(",,;;  ,", "", "", all), "en");
}

TEST(MessageCatalogTest, NegotiatesOnlyEnabledLocales) {
  const std::vector<std::string> enabled = {"en", "fr"};
  EXPECT_EQ(catalog().negotiate("de", "", "en", enabled), "en");
  EXPECT_EQ(catalog().negotiate("de, fr;q=0.5", "", "en", enabled), "fr");
  EXPECT_EQ(catalog().negotiate("", "de", "fr", enabled), "fr");
  // English disabled: the first enabled locale we have.
  EXPECT_EQ(catalog().negotiate("ja", "", "ja", {"xx", "es"}), "es");
}

TEST(MessageCatalogTest, BadCataloguesAreErrors) {
  const EmbeddedLocale not_json[] = {{"en", "{"}};
  EXPECT_FALSE(MessageCatalog::parse(not_json).ok());
  const EmbeddedLocale not_string[] = {{"en", R"({"meta.name": "English", "a": 1})"}};
  EXPECT_FALSE(MessageCatalog::parse(not_string).ok());
  const EmbeddedLocale no_name[] = {{"en", R"({"a": "A"})"}};
  EXPECT_FALSE(MessageCatalog::parse(no_name).ok());
  const EmbeddedLocale no_english[] = {{"de", R"({"meta.name": "Deutsch"})"}};
  EXPECT_FALSE(MessageCatalog::parse(no_english).ok());
}

}  // namespace
}  // namespace vigil
