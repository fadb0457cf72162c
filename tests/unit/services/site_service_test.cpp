// Site settings: defaults, validated updates, the typed snapshot and config reconciliation.
#include "services/site_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_site_store.hpp"
#include "temp_dir.hpp"

namespace vigil::testing {
namespace {

using ::testing::HasSubstr;

// A value for every key that differs from its default.
const std::map<std::string, std::string> kChangedValues = {
    {"title", R"("Acme status")"},
    {"siteName", R"("Acme")"},
    {"siteURL", R"("https://status.acme.test")"},
    {"home", R"("https://acme.test")"},
    {"logo", R"("/logo.svg")"},
    {"favicon", R"("/favicon.ico")"},
    {"footerHTML", R"("<p>Acme</p>")"},
    {"customCSS", R"("body{margin:0}")"},
    {"theme", R"("dark")"},
    {"themeToggle", R"("NO")"},
    {"tzToggle", R"("NO")"},
    {"metaSiteTitle", R"("Acme uptime")"},
    {"metaSiteDescription", R"("Is Acme up?")"},
    {"socialPreviewImage", R"("/og.png")"},
    {"timezone", R"("Europe/Berlin")"},
    {"colors", R"({"UP":"#00ff00","DOWN":"#ff0000","DEGRADED":"#ffff00","MAINTENANCE":"#0000ff",)"
               R"("NO_DATA":"#eeeeee"})"},
    {"colorsDark", R"({"UP":"#00aa00","DOWN":"#aa0000","DEGRADED":"#aaaa00",)"
                   R"("MAINTENANCE":"#0000aa","NO_DATA":"#111111"})"},
    {"font", R"({"cssSrc":"https://fonts.test/inter.css","family":"Inter"})"},
    {"i18n", R"({"defaultLocale":"de","locales":[{"code":"de","name":"Deutsch"},)"
             R"({"code":"en","name":"English","selected":false}]})"},
    {"metaTags", R"([{"key":"og:type","value":"website"}])"},
    {"nav", R"([{"name":"Docs","url":"https://docs.acme.test","iconURL":""}])"},
    {"announcement", R"({"title":"Heads up","message":"Planned work tonight","type":"WARNING",)"
                     R"("reshowAfterInHours":12,"cancellable":false,"ctaURL":"/events",)"
                     R"("ctaText":"Details"})"},
    {"globalPageVisibilitySettings", R"({"showSwitcher":true,"forceExclusivity":true})"},
    {"subMenuOptions",
     R"({"showShareBadgeMonitor":false,"showShareEmbedMonitor":false,"showRssFeed":false})"},
};

class SiteServiceTest : public ::testing::Test {
 protected:
  SiteServiceTest() { service_.load(); }

  Error update_error(const std::string& key, const std::string& value) {
    auto result = service_.update(key, value);
    EXPECT_FALSE(result.ok()) << key << " = " << value;
    return result.ok() ? Error{} : result.error();
  }

  TempDir dir_;
  SqliteDatabase database_{dir_.file("vigil.db")};
  SqliteSiteStore store_{database_};
  SiteRevision revision_;
  SiteService service_{store_, revision_};
};

TEST_F(SiteServiceTest, EveryKeyHasItsDefaultBeforeAnythingIsSet) {
  auto entries = service_.entries();
  ASSERT_EQ(entries.size(), site_keys().size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].key, site_keys()[i].name);
    EXPECT_EQ(entries[i].value_json, site_keys()[i].default_json);
  }
  EXPECT_EQ(*service_.settings(), SiteSettings{});
  EXPECT_EQ(service_.entry("theme")->value_json, R"("system")");
  EXPECT_EQ(service_.entry("colors")->data_type, SiteDataType::kObject);
}

TEST_F(SiteServiceTest, EveryKeyAcceptsAValueAndItsDefaultRestoresTheTypedDefault) {
  ASSERT_EQ(kChangedValues.size(), site_keys().size());
  for (const auto& [key, value] : kChangedValues) {
    auto before = *service_.settings();
    auto updated = service_.update(key, value);
    ASSERT_TRUE(updated.ok()) << key << ": " << updated.error().message;
    EXPECT_NE(*service_.settings(), before) << key << " changed nothing";
  }
  for (const SiteKey& key : site_keys()) {
    ASSERT_TRUE(service_.update(key.name, key.default_json).ok()) << key.name;
  }
  EXPECT_EQ(*service_.settings(), SiteSettings{});
}

TEST_F(SiteServiceTest, UpdatesReachTheSnapshotTheStoreAndARestart) {
  const auto start = revision_.value();
  auto updated = service_.update("siteName", R"("Vigil demo")");
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->value_json, R"("Vigil demo")");
  EXPECT_EQ(updated->data_type, SiteDataType::kString);
  EXPECT_EQ(service_.settings()->site_name, "Vigil demo");
  EXPECT_GT(revision_.value(), start);
  ASSERT_TRUE(service_.update("colors", kChangedValues.at("colors")).ok());

  SiteService restarted(store_, revision_);
  restarted.load();
  EXPECT_EQ(restarted.settings()->site_name, "Vigil demo");
  EXPECT_EQ(restarted.settings()->colors.up, "#00ff00");
  EXPECT_EQ(restarted.entry("siteName")->value_json, R"("Vigil demo")");
}

TEST_F(SiteServiceTest, TypedSnapshotReadsNestedValues) {
  for (const char* key : {"i18n", "announcement", "nav", "globalPageVisibilitySettings"}) {
    ASSERT_TRUE(service_.update(key, kChangedValues.at(key)).ok()) << key;
  }
  const SiteSettings& s = *service_.settings();
  EXPECT_EQ(s.default_locale, "de");
  ASSERT_EQ(s.locales.size(), 2u);
  EXPECT_FALSE(s.locales[1].selected);
  ASSERT_TRUE(s.announcement.has_value());
  EXPECT_EQ(s.announcement->type, "WARNING");
  EXPECT_EQ(s.announcement->reshow_after_hours, 12);
  EXPECT_FALSE(s.announcement->cancellable);
  ASSERT_EQ(s.nav.size(), 1u);
  EXPECT_EQ(s.nav[0].url, "https://docs.acme.test");
  EXPECT_TRUE(s.show_switcher);
  EXPECT_TRUE(s.force_exclusivity);

  ASSERT_TRUE(service_.update("announcement", "null").ok());
  EXPECT_FALSE(service_.settings()->announcement.has_value());
}

TEST_F(SiteServiceTest, YesNoFlagsAcceptBooleans) {
  auto updated = service_.update("themeToggle", "false");
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->value_json, R"("NO")");
  EXPECT_FALSE(service_.settings()->theme_toggle);
}

TEST_F(SiteServiceTest, UnknownKeysAreNotFound) {
  Error error = update_error("favourite_colour", R"("blue")");
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_THAT(error.message, HasSubstr("'favourite_colour' is not a valid configuration key"));
  EXPECT_THAT(error.message, HasSubstr("siteName"));
  EXPECT_EQ(service_.entry("favourite_colour").error().code, ErrorCode::kNotFound);
}

TEST_F(SiteServiceTest, BadValuesNameTheProblem) {
  const std::pair<const char*, const char*> cases[] = {
      {"siteName", R"("")"},
      {"siteName", "null"},
      {"siteName", "42"},
      {"siteURL", R"("status.acme.test")"},
      {"theme", R"("blue")"},
      {"themeToggle", R"("maybe")"},
      {"timezone", R"("Mars/Olympus")"},
      {"colors", R"({"UP":"#00ff00","DOWN":"red","DEGRADED":"#ffff00","MAINTENANCE":"#0000ff"})"},
      {"colors", R"({"UP":"#00ff00"})"},
      {"i18n", R"({"defaultLocale":"fr","locales":[{"code":"en"}]})"},
      {"nav", R"([{"name":"Docs"}])"},
      {"metaTags", R"(["og:type"])"},
      {"announcement", R"({"message":"x","type":"LOUD"})"},
      {"globalPageVisibilitySettings", R"({"showSwitcher":"yes"})"},
  };
  const char* expected[] = {
      "siteName: must be a non-empty string",
      "siteName: must not be null",
      "siteName: must be a non-empty string",
      "siteURL: must be empty or an http:// or https:// URL",
      "theme: must be light, dark, system or none",
      "themeToggle: must be \"YES\" or \"NO\"",
      "timezone: 'Mars/Olympus' is not an IANA time zone",
      "colors.DOWN: must be a hex colour like #67ab95",
      "colors.DOWN: is required",
      "i18n.defaultLocale: must be the code of one of the locales",
      "nav[0].url: is required",
      "metaTags[0]: must be an object",
      "announcement.type: must be INFO, WARNING or ERROR",
      "globalPageVisibilitySettings.showSwitcher: must be true or false",
  };
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    Error error = update_error(cases[i].first, cases[i].second);
    EXPECT_EQ(error.code, ErrorCode::kBadRequest);
    EXPECT_THAT(error.message, HasSubstr(expected[i])) << cases[i].second;
  }
  EXPECT_EQ(*service_.settings(), SiteSettings{});
}

TEST_F(SiteServiceTest, SiteUrlLosesTrailingSlashesSoLinksDoNotDouble) {
  ASSERT_TRUE(service_.update("siteURL", R"("https://status.acme.test/")").ok());
  EXPECT_EQ(service_.settings()->site_url, "https://status.acme.test");
  ASSERT_TRUE(service_.update("siteURL", R"("https://acme.test/status//")").ok());
  EXPECT_EQ(service_.settings()->site_url, "https://acme.test/status");
}

TEST_F(SiteServiceTest, StoredValuesThatNoLongerPassAreIgnored) {
  store_.put({"theme", SiteDataType::kString, R"("sepia")"});
  store_.put({"oldKenerKey", SiteDataType::kString, R"("x")"});
  store_.put({"siteName", SiteDataType::kString, R"("Kept")"});
  service_.load();
  EXPECT_EQ(service_.settings()->theme, "system");
  EXPECT_EQ(service_.entry("theme")->value_json, R"("system")");
  EXPECT_EQ(service_.settings()->site_name, "Kept");
}

TEST_F(SiteServiceTest, ReconcileStoresDeclaredValuesAndReportsBadOnes) {
  auto errors = service_.reconcile({
      {"siteName", SiteDataType::kString, R"("Vigil demo")"},
      {"theme", SiteDataType::kString, R"("neon")"},
  });
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "site: theme: must be light, dark, system or none");
  EXPECT_EQ(service_.settings()->site_name, "Vigil demo");

  const auto settled = revision_.value();
  EXPECT_TRUE(service_.reconcile({{"siteName", SiteDataType::kString, R"("Vigil demo")"}}).empty());
  EXPECT_EQ(revision_.value(), settled) << "an unchanged value is not a change";
}

}  // namespace
}  // namespace vigil::testing
