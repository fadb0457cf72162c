#include "core/site_settings.hpp"

#include <algorithm>
#include <cctype>

namespace vigil {
namespace {

using enum SiteDataType;

// Kener's names and data types; the defaults are the JSON form of SiteSettings{}.
constexpr SiteKey kSiteKeys[] = {
    {"title", kString, R"("Vigil")"},
    {"siteName", kString, R"("Vigil")"},
    {"siteURL", kString, R"("")"},
    {"home", kString, R"("/")"},
    {"logo", kString, R"("")"},
    {"favicon", kString, R"("")"},
    {"footerHTML", kString, R"("")"},
    {"customCSS", kString, R"("")"},
    {"theme", kString, R"("system")"},
    {"themeToggle", kString, R"("YES")"},
    {"tzToggle", kString, R"("YES")"},
    {"metaSiteTitle", kString, R"("")"},
    {"metaSiteDescription", kString, R"("")"},
    {"socialPreviewImage", kString, R"("")"},
    {"timezone", kString, R"("UTC")"},
    {"colors", kObject,
     R"({"UP":"#67ab95","DOWN":"#ca3038","DEGRADED":"#e6ca61","MAINTENANCE":"#6679cc",)"
     R"("NO_DATA":"#b8bcc2"})"},
    {"colorsDark", kObject,
     R"({"UP":"#67ab95","DOWN":"#ca3038","DEGRADED":"#e6ca61","MAINTENANCE":"#6679cc",)"
     R"("NO_DATA":"#52525b"})"},
    {"font", kObject, R"({"cssSrc":"","family":""})"},
    {"i18n", kObject,
     R"({"defaultLocale":"en","locales":[{"code":"en","name":"English","selected":true,)"
     R"("disabled":false}]})"},
    {"metaTags", kObject, "[]"},
    {"nav", kObject, "[]"},
    {"announcement", kObject, "null"},
    {"globalPageVisibilitySettings", kObject, R"({"showSwitcher":false,"forceExclusivity":false})"},
    {"subMenuOptions", kObject,
     R"({"showShareBadgeMonitor":true,"showShareEmbedMonitor":true,"showRssFeed":true})"},
};

}  // namespace

const char* to_string(SiteDataType type) {
  return type == kString ? "string" : "object";
}

std::span<const SiteKey> site_keys() {
  return kSiteKeys;
}

const SiteKey* find_site_key(std::string_view name) {
  auto it = std::find_if(std::begin(kSiteKeys), std::end(kSiteKeys),
                         [name](const SiteKey& key) { return key.name == name; });
  return it == std::end(kSiteKeys) ? nullptr : &*it;
}

bool is_hex_colour(std::string_view text) {
  constexpr std::size_t kLength = 7;
  return text.size() == kLength && text[0] == '#' &&
         std::all_of(text.begin() + 1, text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool is_site_url(std::string_view text) {
  if (text.empty()) return true;
  std::string_view rest;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (text.starts_with(scheme)) rest = text.substr(scheme.size());
  }
  return !rest.empty() && rest.front() != '/' && std::none_of(rest.begin(), rest.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
}

}  // namespace vigil
