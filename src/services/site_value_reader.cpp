#include "services/site_value_reader.hpp"

#include <date/tz.h>
#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "services/json_field_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

using Problems = std::vector<std::string>;

// Reads one key's value from `top`, a reader over {key: value} with no path of its own.
using ReadFn = void (*)(JsonFieldReader& top, std::string_view key, SiteSettings& out,
                        Problems& problems);

struct KeyReader {
  std::string_view key;
  ReadFn read;
};

bool one_of(std::string_view value, std::initializer_list<std::string_view> choices) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

// A string member that must be one of `choices`.
void choice(JsonFieldReader& reader, std::string_view key, std::string& out,
            std::initializer_list<std::string_view> choices, std::string_view expected) {
  std::string value = out;
  reader.text(key, value);
  if (!one_of(value, choices)) return reader.fail(key, expected);
  out = std::move(value);
}

void yes_no(JsonFieldReader& reader, std::string_view key, bool& out) {
  std::string value = out ? "YES" : "NO";
  choice(reader, key, value, {"YES", "NO"}, "must be \"YES\" or \"NO\"");
  out = value == "YES";
}

// A JSON array whose items must be objects, each read by `read_item`.
template <class Item, class ReadItem>
std::vector<Item> read_items(const json::array& items, const std::string& path, Problems& problems,
                             ReadItem read_item) {
  std::vector<Item> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      problems.push_back(item_path + ": must be an object");
      continue;
    }
    JsonFieldReader item(items[i].get_object(), item_path, problems);
    out.push_back(read_item(item));
  }
  return out;
}

void read_colours(JsonFieldReader& top, std::string_view key, StatusColours& out,
                  Problems& problems) {
  const json::object* object = top.object(key);
  if (object == nullptr) return;
  JsonFieldReader colours(*object, top.field(key), problems);
  colours.require({"UP", "DOWN", "DEGRADED", "MAINTENANCE"});
  for (const auto& member : *object) {
    const json::value& value = member.value();
    if (!value.is_string() || !is_hex_colour(value.get_string())) {
      colours.fail(member.key(), "must be a hex colour like #67ab95");
    }
  }
  auto take = [object](std::string_view name, std::string& colour) {
    const json::value* value = object->if_contains(name);
    if (value != nullptr && value->is_string()) colour = std::string(value->get_string());
  };
  take("UP", out.up);
  take("DOWN", out.down);
  take("DEGRADED", out.degraded);
  take("MAINTENANCE", out.maintenance);
  take("NO_DATA", out.no_data);
}

void read_i18n(JsonFieldReader& top, std::string_view key, SiteSettings& out, Problems& problems) {
  const json::object* object = top.object(key);
  if (object == nullptr) return;
  JsonFieldReader i18n(*object, top.field(key), problems);
  i18n.require({"defaultLocale", "locales"});
  i18n.non_blank_text("defaultLocale", out.default_locale);
  const json::array* locales = i18n.array("locales");
  if (locales == nullptr) return;
  out.locales =
      read_items<SiteLocale>(*locales, i18n.field("locales"), problems, [](JsonFieldReader& item) {
        SiteLocale locale;
        item.require({"code"});
        item.non_blank_text("code", locale.code);
        item.text("name", locale.name);
        item.boolean("selected", locale.selected);
        item.boolean("disabled", locale.disabled);
        return locale;
      });
  if (object->contains("defaultLocale") &&
      std::none_of(out.locales.begin(), out.locales.end(),
                   [&](const SiteLocale& l) { return l.code == out.default_locale; })) {
    i18n.fail("defaultLocale", "must be the code of one of the locales");
  }
}

void read_announcement(JsonFieldReader& top, std::string_view key, SiteSettings& out,
                       Problems& problems) {
  out.announcement.reset();
  const json::object* object = top.object(key);
  if (object == nullptr) return;
  SiteAnnouncement announcement;
  JsonFieldReader reader(*object, top.field(key), problems);
  reader.require({"message"});
  reader.text("title", announcement.title);
  reader.non_blank_text("message", announcement.message);
  choice(reader, "type", announcement.type, {"INFO", "WARNING", "ERROR"},
         "must be INFO, WARNING or ERROR");
  if (object->contains("reshowAfterInHours") && !object->at("reshowAfterInHours").is_null()) {
    int hours = 0;
    reader.integer("reshowAfterInHours", hours);
    if (hours < 0) reader.fail("reshowAfterInHours", "must be at least 0");
    announcement.reshow_after_hours = hours;
  }
  reader.boolean("cancellable", announcement.cancellable);
  reader.text("ctaURL", announcement.cta_url);
  reader.text("ctaText", announcement.cta_text);
  out.announcement = std::move(announcement);
}

void read_time_zone(JsonFieldReader& top, std::string_view key, SiteSettings& out, Problems&) {
  std::string name = out.timezone;
  top.non_blank_text(key, name);
  try {
    date::locate_zone(name);
    out.timezone = std::move(name);
  } catch (const std::runtime_error&) {
    top.fail(key, "'" + name + "' is not an IANA time zone (e.g. UTC, Europe/Berlin)");
  }
}

const KeyReader kReaders[] = {
    {"title", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                 Problems&) { t.non_blank_text(k, s.title); }},
    {"siteName", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                    Problems&) { t.non_blank_text(k, s.site_name); }},
    {"siteURL",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems&) {
       std::string url = s.site_url;
       t.text(k, url);
       if (!is_site_url(url)) return t.fail(k, "must be empty or an http:// or https:// URL");
       // Links are written as site_url + "/path": a trailing slash would double.
       while (url.ends_with('/')) url.pop_back();
       s.site_url = std::move(url);
     }},
    {"home", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                Problems&) { t.non_blank_text(k, s.home); }},
    {"logo",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems&) { t.text(k, s.logo); }},
    {"favicon", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                   Problems&) { t.text(k, s.favicon); }},
    {"footerHTML", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                      Problems&) { t.text(k, s.footer_html); }},
    {"customCSS", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                     Problems&) { t.text(k, s.custom_css); }},
    {"theme",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems&) {
       choice(t, k, s.theme, {"light", "dark", "system", "none"},
              "must be light, dark, system or none");
     }},
    {"themeToggle", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                       Problems&) { yes_no(t, k, s.theme_toggle); }},
    {"tzToggle", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                    Problems&) { yes_no(t, k, s.tz_toggle); }},
    {"metaSiteTitle", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                         Problems&) { t.text(k, s.meta_site_title); }},
    {"metaSiteDescription", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                               Problems&) { t.text(k, s.meta_site_description); }},
    {"socialPreviewImage", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                              Problems&) { t.text(k, s.social_preview_image); }},
    {"timezone", read_time_zone},
    {"colors", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                  Problems& p) { read_colours(t, k, s.colors, p); }},
    {"colorsDark", [](JsonFieldReader& t, std::string_view k, SiteSettings& s,
                      Problems& p) { read_colours(t, k, s.colors_dark, p); }},
    {"font",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems& p) {
       const json::object* object = t.object(k);
       if (object == nullptr) return;
       JsonFieldReader font(*object, t.field(k), p);
       font.text("cssSrc", s.font_css_src);
       font.text("family", s.font_family);
     }},
    {"i18n", read_i18n},
    {"metaTags",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems& p) {
       const json::array* tags = t.array(k);
       if (tags == nullptr) return;
       s.meta_tags = read_items<SiteMetaTag>(*tags, t.field(k), p, [](JsonFieldReader& item) {
         SiteMetaTag tag;
         item.require({"key", "value"});
         item.non_blank_text("key", tag.key);
         item.text("value", tag.value);
         return tag;
       });
     }},
    {"nav",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems& p) {
       const json::array* links = t.array(k);
       if (links == nullptr) return;
       s.nav = read_items<SiteNavItem>(*links, t.field(k), p, [](JsonFieldReader& item) {
         SiteNavItem link;
         item.require({"name", "url"});
         item.non_blank_text("name", link.name);
         item.non_blank_text("url", link.url);
         item.text("iconURL", link.icon_url);
         return link;
       });
     }},
    {"announcement", read_announcement},
    {"globalPageVisibilitySettings",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems& p) {
       const json::object* object = t.object(k);
       if (object == nullptr) return;
       JsonFieldReader visibility(*object, t.field(k), p);
       visibility.boolean("showSwitcher", s.show_switcher);
       visibility.boolean("forceExclusivity", s.force_exclusivity);
     }},
    {"subMenuOptions",
     [](JsonFieldReader& t, std::string_view k, SiteSettings& s, Problems& p) {
       const json::object* object = t.object(k);
       if (object == nullptr) return;
       JsonFieldReader options(*object, t.field(k), p);
       options.boolean("showShareBadgeMonitor", s.show_share_badge);
       options.boolean("showShareEmbedMonitor", s.show_share_embed);
       options.boolean("showRssFeed", s.show_rss_feed);
     }},
};

// Kener's YES/NO flags, also accepted as JSON booleans.
bool is_flag(std::string_view key) {
  return key == "themeToggle" || key == "tzToggle";
}

}  // namespace

Result<std::string> apply_site_value(const SiteKey& key, std::string_view value_json,
                                     SiteSettings& settings) {
  auto reader = std::find_if(std::begin(kReaders), std::end(kReaders),
                             [&](const KeyReader& r) { return r.key == key.name; });
  if (reader == std::end(kReaders)) {
    return Error{ErrorCode::kInternal, std::string(key.name) + ": no reader"};
  }
  boost::system::error_code ec;
  json::value value = json::parse(value_json, ec);
  if (ec) return Error{ErrorCode::kBadRequest, std::string(key.name) + ": must be JSON"};
  if (is_flag(key.name) && value.is_bool()) value = value.get_bool() ? "YES" : "NO";
  if (value.is_null() && key.name != "announcement") {
    return Error{ErrorCode::kBadRequest, std::string(key.name) + ": must not be null"};
  }

  const json::object wrapper{{key.name, value}};
  Problems problems;
  JsonFieldReader top(wrapper, "", problems);
  SiteSettings read = settings;
  reader->read(top, key.name, read, problems);
  if (!problems.empty()) return bad_request(problems);
  settings = std::move(read);
  return json::serialize(value);
}

}  // namespace vigil
