#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

//! Kener's site_data data_type: "string" values are JSON strings, "object" values anything else.
enum class SiteDataType { kString, kObject };

//! "string" or "object".
const char* to_string(SiteDataType type);

//! One known site_data key: Kener's name, its data_type and its default as JSON text.
struct SiteKey {
  std::string_view name;          //!< e.g. "siteName"
  SiteDataType data_type;         //!< how Kener types the value
  std::string_view default_json;  //!< the value before anyone sets it
};

//! Every site_data key Vigil knows, in the order the API lists them.
std::span<const SiteKey> site_keys();

//! The known key called `name`, or nullptr.
const SiteKey* find_site_key(std::string_view name);

//! One site_data row: a key and its value as JSON text.
struct SiteDataEntry {
  std::string key;                                 //!< a known key
  SiteDataType data_type = SiteDataType::kString;  //!< the key's data_type
  std::string value_json;                          //!< the value, JSON text
  bool operator==(const SiteDataEntry&) const = default;
};

//! Status colours (Kener's colors / colorsDark), each "#rrggbb".
struct StatusColours {
  std::string up;           //!< UP
  std::string down;         //!< DOWN
  std::string degraded;     //!< DEGRADED
  std::string maintenance;  //!< MAINTENANCE
  std::string no_data;      //!< NO_DATA (Vigil's addition)
  bool operator==(const StatusColours&) const = default;
};

//! A language visitors may pick (i18n.locales[]).
struct SiteLocale {
  std::string code;       //!< e.g. "en", "pt-BR"
  std::string name;       //!< shown in the selector
  bool selected = true;   //!< offered to visitors
  bool disabled = false;  //!< hidden from the selector
  bool operator==(const SiteLocale&) const = default;
};

//! A navigation link in the header (nav[]).
struct SiteNavItem {
  std::string name;      //!< link text
  std::string url;       //!< target
  std::string icon_url;  //!< iconURL; may be empty
  bool operator==(const SiteNavItem&) const = default;
};

//! An extra <meta> tag (metaTags[]).
struct SiteMetaTag {
  std::string key;    //!< name or property, e.g. "og:type"
  std::string value;  //!< content
  bool operator==(const SiteMetaTag&) const = default;
};

//! The banner shown above every page (Kener's announcement).
struct SiteAnnouncement {
  std::string title;                      //!< bold first line
  std::string message;                    //!< the text
  std::string type = "INFO";              //!< INFO, WARNING or ERROR
  std::optional<int> reshow_after_hours;  //!< reshowAfterInHours; nullopt: never again
  bool cancellable = true;                //!< visitors may dismiss it
  std::string cta_url;                    //!< ctaURL; empty for no button
  std::string cta_text;                   //!< ctaText
  bool operator==(const SiteAnnouncement&) const = default;
};

//! Every site setting resolved to a value (the stored one or the default), for the renderer.
struct SiteSettings {
  std::string title = "Vigil";        //!< title: the browser title
  std::string site_name = "Vigil";    //!< siteName: shown next to the logo
  std::string site_url;               //!< siteURL: public base URL; empty when unknown
  std::string home = "/";             //!< home: where the logo links
  std::string logo;                   //!< logo URL; empty for none
  std::string favicon;                //!< favicon URL; empty for Vigil's
  std::string footer_html;            //!< footerHTML: raw HTML; empty for Vigil's footer
  std::string custom_css;             //!< customCSS: injected into <head>
  std::string theme = "system";       //!< theme: light, dark, system or none (= system)
  bool theme_toggle = true;           //!< themeToggle YES/NO: visitors may switch theme
  bool tz_toggle = true;              //!< tzToggle YES/NO: visitors may switch time zone
  std::string meta_site_title;        //!< metaSiteTitle: SEO title; empty for title
  std::string meta_site_description;  //!< metaSiteDescription: SEO description
  std::string social_preview_image;   //!< socialPreviewImage: og:image URL
  std::string timezone = "UTC";       //!< timezone (Vigil): IANA zone for day boundaries
  StatusColours colors{"#67ab95", "#ca3038", "#e6ca61", "#6679cc", "#b8bcc2"};       //!< colors
  StatusColours colors_dark{"#67ab95", "#ca3038", "#e6ca61", "#6679cc", "#52525b"};  //!< colorsDark
  std::string font_css_src;           //!< font.cssSrc: stylesheet URL; empty for the system font
  std::string font_family;            //!< font.family
  std::string default_locale = "en";  //!< i18n.defaultLocale
  std::vector<SiteLocale> locales{{"en", "English", true, false}};  //!< i18n.locales
  std::vector<SiteMetaTag> meta_tags;                               //!< metaTags
  std::vector<SiteNavItem> nav;                                     //!< nav
  std::optional<SiteAnnouncement> announcement;                     //!< announcement; nullopt: none
  bool show_switcher = false;      //!< globalPageVisibilitySettings.showSwitcher
  bool force_exclusivity = false;  //!< globalPageVisibilitySettings.forceExclusivity
  bool show_share_badge = true;    //!< subMenuOptions.showShareBadgeMonitor
  bool show_share_embed = true;    //!< subMenuOptions.showShareEmbedMonitor
  bool show_rss_feed = true;       //!< subMenuOptions.showRssFeed
  bool operator==(const SiteSettings&) const = default;
};

//! True for "#rrggbb" (hex digits in either case).
bool is_hex_colour(std::string_view text);

//! True for "" or an http:// or https:// URL with a host and no spaces.
bool is_site_url(std::string_view text);

}  // namespace vigil
