#include "site/model/message_catalog.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "core/ascii_case.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

constexpr std::string_view kNameKey = "meta.name";

//! "de" of "de-AT" or "de_AT".
std::string_view primary_language(std::string_view tag) {
  return tag.substr(0, tag.find_first_of("-_"));
}

//! One entry of an Accept-Language header.
struct LanguageRange {
  std::string_view tag;
  double quality = 1;
};

//! The acceptable (q > 0) ranges of an Accept-Language header, best first; malformed entries
//! are skipped.
std::vector<LanguageRange> parse_accept_language(std::string_view header) {
  std::vector<LanguageRange> ranges;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view entry = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semicolon = entry.find(';');
    LanguageRange range{trim(entry.substr(0, semicolon))};
    if (semicolon != std::string_view::npos) {
      const std::string_view param = trim(entry.substr(semicolon + 1));
      if (param.size() < 3 || to_lower(param[0]) != 'q' || param[1] != '=') continue;
      const std::string_view value = param.substr(2);
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(),
                                             range.quality, std::chars_format::fixed);
      if (ec != std::errc() || end != value.data() + value.size() || range.quality < 0 ||
          range.quality > 1) {
        continue;
      }
    }
    if (!range.tag.empty() && range.quality > 0) ranges.push_back(range);
  }
  std::stable_sort(
      ranges.begin(), ranges.end(),
      [](const LanguageRange& a, const LanguageRange& b) { return a.quality > b.quality; });
  return ranges;
}

bool is_enabled(std::string_view code, const std::vector<std::string>& enabled) {
  return enabled.empty() ||
         std::any_of(enabled.begin(), enabled.end(),
                     [code](const std::string& e) { return equals_ignoring_case(e, code); });
}

}  // namespace

const MessageCatalog& MessageCatalog::builtin() {
  static const MessageCatalog catalog = [] {
    Result<MessageCatalog> parsed = parse(embedded_locales());
    if (!parsed) {
      // The catalogues are compiled in and checked by the unit tests; this is a broken build.
      std::fprintf(stderr, "embedded message catalogues: %s\n", parsed.error().message.c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return catalog;
}

Result<MessageCatalog> MessageCatalog::parse(std::span<const EmbeddedLocale> locales) {
  MessageCatalog out;
  for (const EmbeddedLocale& locale : locales) {
    const std::string where = "locale " + std::string(locale.code) + ": ";
    boost::system::error_code ec;
    const boost::json::value json = boost::json::parse(locale.json, ec);
    if (ec) return Error{ErrorCode::kInternal, where + "invalid JSON: " + ec.message()};
    if (!json.is_object()) return Error{ErrorCode::kInternal, where + "not a JSON object"};
    Catalogue catalogue;
    catalogue.info.code = locale.code;
    for (const auto& [key, value] : json.get_object()) {
      if (!value.is_string()) {
        return Error{ErrorCode::kInternal, where + "\"" + std::string(key) + "\" is not a string"};
      }
      catalogue.texts.emplace(key, value.get_string());
    }
    auto name = catalogue.texts.find(kNameKey);
    if (name == catalogue.texts.end()) {
      return Error{ErrorCode::kInternal, where + "no \"" + std::string(kNameKey) + "\""};
    }
    catalogue.info.native_name = name->second;
    out.catalogues_.push_back(std::move(catalogue));
  }
  std::sort(out.catalogues_.begin(), out.catalogues_.end(),
            [](const Catalogue& a, const Catalogue& b) { return a.info.code < b.info.code; });
  if (!out.find(kFallbackLocale)) {
    return Error{ErrorCode::kInternal, "no catalogue for " + std::string(kFallbackLocale)};
  }
  for (const Catalogue& catalogue : out.catalogues_) out.infos_.push_back(catalogue.info);
  return out;
}

bool MessageCatalog::has_locale(std::string_view code) const {
  return find(code) != nullptr;
}

std::vector<std::string> MessageCatalog::keys(std::string_view locale) const {
  std::vector<std::string> out;
  if (const Catalogue* catalogue = find(locale)) {
    for (const auto& entry : catalogue->texts) out.push_back(entry.first);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string_view MessageCatalog::text(std::string_view locale, std::string_view key) const {
  for (std::string_view code : {locale, kFallbackLocale}) {
    if (const Catalogue* catalogue = find(code)) {
      auto it = catalogue->texts.find(key);
      if (it != catalogue->texts.end()) return it->second;
    }
  }
  return key;
}

std::string MessageCatalog::format(std::string_view locale, std::string_view key,
                                   MessageArgs args) const {
  const std::string_view pattern = text(locale, key);
  std::string out;
  out.reserve(pattern.size());
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(pos, open - pos));
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    auto arg = std::find_if(args.begin(), args.end(),
                            [name](const auto& pair) { return pair.first == name; });
    out.append(arg != args.end() ? arg->second : pattern.substr(open, close - open + 1));
    pos = close + 1;
  }
  if (pos < pattern.size()) out.append(pattern.substr(pos));
  return out;
}

std::string MessageCatalog::short_date(std::string_view locale, int month, int day) const {
  const std::string month_key = "date.month_short." + std::to_string(month);
  return format(locale, "date.short",
                {{"month", text(locale, month_key)}, {"day", std::to_string(day)}});
}

std::string MessageCatalog::long_date(std::string_view locale, int month, int day,
                                      int weekday) const {
  const std::string month_key = "date.month." + std::to_string(month);
  const std::string weekday_key = "date.weekday." + std::to_string(weekday);
  return format(locale, "date.long",
                {{"weekday", text(locale, weekday_key)},
                 {"month", text(locale, month_key)},
                 {"day", std::to_string(day)}});
}

std::string MessageCatalog::month_year(std::string_view locale, int year, int month) const {
  const std::string month_key = "date.month." + std::to_string(month);
  return format(locale, "date.month_year",
                {{"month", text(locale, month_key)}, {"year", std::to_string(year)}});
}

std::string MessageCatalog::negotiate(std::string_view accept_language,
                                      std::string_view query_locale, std::string_view site_default,
                                      const std::vector<std::string>& enabled) const {
  if (std::string chosen = match(query_locale, enabled); !chosen.empty()) return chosen;
  for (const LanguageRange& range : parse_accept_language(accept_language)) {
    const std::string_view tag = range.tag == "*" ? site_default : range.tag;
    if (std::string chosen = match(tag, enabled); !chosen.empty()) return chosen;
  }
  for (std::string_view fallback : {site_default, kFallbackLocale}) {
    if (std::string chosen = match(fallback, enabled); !chosen.empty()) return chosen;
  }
  // English itself is disabled and nothing else matched: the first enabled locale we have.
  for (const std::string& code : enabled) {
    if (const Catalogue* catalogue = find(code)) return catalogue->info.code;
  }
  return std::string(kFallbackLocale);
}

const MessageCatalog::Catalogue* MessageCatalog::find(std::string_view code) const {
  auto it = std::find_if(catalogues_.begin(), catalogues_.end(), [code](const Catalogue& c) {
    return equals_ignoring_case(c.info.code, code);
  });
  return it == catalogues_.end() ? nullptr : &*it;
}

std::string MessageCatalog::match(std::string_view tag,
                                  const std::vector<std::string>& enabled) const {
  tag = trim(tag);
  if (tag.empty()) return {};
  if (const Catalogue* exact = find(tag); exact && is_enabled(exact->info.code, enabled)) {
    return exact->info.code;
  }
  // Same primary language: "de-AT" → "de", "pt" → "pt-BR"; a plain "de" catalogue first.
  const std::string_view language = primary_language(tag);
  const Catalogue* best = nullptr;
  for (const Catalogue& catalogue : catalogues_) {
    const std::string_view code = catalogue.info.code;
    if (!equals_ignoring_case(primary_language(code), language) || !is_enabled(code, enabled)) {
      continue;
    }
    if (!best || code.size() < best->info.code.size()) best = &catalogue;
  }
  return best ? best->info.code : std::string();
}

std::string_view status_key(Status status) {
  switch (status) {
    case Status::kUp:
      return "status.up";
    case Status::kDegraded:
      return "status.degraded";
    case Status::kDown:
      return "status.down";
    case Status::kMaintenance:
      return "status.maintenance";
    case Status::kNoData:
      break;
  }
  return "status.no_data";
}

}  // namespace vigil
