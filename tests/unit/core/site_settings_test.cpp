#include "core/site_settings.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vigil {
namespace {

TEST(SiteSettingsTest, KnowsKenersKeysOnceEach) {
  std::set<std::string_view> names;
  for (const SiteKey& key : site_keys()) {
    EXPECT_TRUE(names.insert(key.name).second) << key.name;
    EXPECT_EQ(find_site_key(key.name), &key);
  }
  for (std::string_view name :
       {"siteName", "siteURL", "title", "home", "logo", "favicon", "footerHTML", "colors", "font",
        "theme", "themeToggle", "customCSS", "tzToggle", "timezone", "i18n", "announcement",
        "metaTags", "globalPageVisibilitySettings"}) {
    EXPECT_NE(find_site_key(name), nullptr) << name;
  }
  EXPECT_EQ(find_site_key("sitename"), nullptr);
  EXPECT_EQ(find_site_key("nope"), nullptr);
}

TEST(SiteSettingsTest, DataTypesFollowKener) {
  EXPECT_EQ(find_site_key("siteName")->data_type, SiteDataType::kString);
  EXPECT_EQ(find_site_key("colors")->data_type, SiteDataType::kObject);
  EXPECT_STREQ(to_string(SiteDataType::kString), "string");
  EXPECT_STREQ(to_string(SiteDataType::kObject), "object");
}

TEST(SiteSettingsTest, HexColours) {
  EXPECT_TRUE(is_hex_colour("#67ab95"));
  EXPECT_TRUE(is_hex_colour("#ABCDEF"));
  EXPECT_FALSE(is_hex_colour("67ab95"));
  EXPECT_FALSE(is_hex_colour("#67ab9"));
  EXPECT_FALSE(is_hex_colour("#67ab9g"));
  EXPECT_FALSE(is_hex_colour("red"));
}

TEST(SiteSettingsTest, SiteUrls) {
  EXPECT_TRUE(is_site_url(""));
  EXPECT_TRUE(is_site_url("https://status.example.com"));
  EXPECT_TRUE(is_site_url("http://localhost:3000/status"));
  EXPECT_FALSE(is_site_url("status.example.com"));
  EXPECT_FALSE(is_site_url("ftp://example.com"));
  EXPECT_FALSE(is_site_url("https://"));
  EXPECT_FALSE(is_site_url("https:///path"));
  EXPECT_FALSE(is_site_url("https://exa mple.com"));
}

}  // namespace
}  // namespace vigil
