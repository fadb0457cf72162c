#pragma once

#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/status.hpp"
#include "site/model/embedded_locales.hpp"

namespace vigil {

//! A language the status pages can be shown in.
struct LocaleInfo {
  std::string code;         //!< "en", "de", "pt-BR"
  std::string native_name;  //!< the language's name in itself: "English", "Deutsch"
};

//! Values for the {name} placeholders of a message.
using MessageArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

//! The status pages' texts in every language: flat key → text catalogues, one per locale.
//! Missing texts fall back to English, then to the key itself. Texts are plain (not HTML):
//! escape them when rendering. Immutable after construction, so safe to share across threads.
class MessageCatalog {
 public:
  //! The locale every other one falls back to.
  static constexpr std::string_view kFallbackLocale = "en";

  //! The catalogues embedded at build time (src/site/model/locales/*.json), parsed once.
  static const MessageCatalog& builtin();
  //! Parses catalogues; each must be a flat JSON object of strings with a "meta.name" (the
  //! native name) and English must be among them. Errors name the locale and the problem.
  static Result<MessageCatalog> parse(std::span<const EmbeddedLocale> locales);

  //! Every locale, in code order.
  const std::vector<LocaleInfo>& locales() const { return infos_; }
  //! True when `code` is one of locales() (case-insensitive).
  bool has_locale(std::string_view code) const;
  //! Every key of a locale (empty for an unknown locale), sorted.
  std::vector<std::string> keys(std::string_view locale) const;

  //! The text of `key` in `locale`, else in English, else `key` itself. The view lives as long
  //! as the catalogue (or as `key`, for an unknown key).
  std::string_view text(std::string_view locale, std::string_view key) const;
  //! text() with each {name} replaced by its value in `args`; unknown placeholders stay as is.
  std::string format(std::string_view locale, std::string_view key, MessageArgs args) const;

  //! "Nov 23" (date.short) in `locale`.
  std::string short_date(std::string_view locale, int month, int day) const;
  //! "Monday, November 23" (date.long); weekday 0 = Sunday.
  std::string long_date(std::string_view locale, int month, int day, int weekday) const;
  //! "November 2026" (date.month_year).
  std::string month_year(std::string_view locale, int year, int month) const;

  //! The locale to render a page in, from the first that is enabled: the `?locale=` value,
  //! the Accept-Language entries by quality (an exact tag first, then its primary language,
  //! "*" meaning the site default), the site default, English. `enabled` lists the locale codes
  //! the site allows; empty means all. Codes are returned as locales() spells them.
  std::string negotiate(std::string_view accept_language, std::string_view query_locale,
                        std::string_view site_default,
                        const std::vector<std::string>& enabled) const;

 private:
  //! Hashes std::string and std::string_view alike, so lookups need no copy of the key.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  struct Catalogue {
    LocaleInfo info;
    std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>> texts;
  };

  MessageCatalog() = default;
  //! The catalogue of a locale code (case-insensitive), or null.
  const Catalogue* find(std::string_view code) const;
  //! A locale that is in the catalogue and allowed by `enabled`, matching `tag` exactly or by
  //! its primary language; empty when none.
  std::string match(std::string_view tag, const std::vector<std::string>& enabled) const;

  std::vector<Catalogue> catalogues_;
  std::vector<LocaleInfo> infos_;
};

//! The catalogue key of a status's name: "status.up", "status.down", "status.no_data", ...
std::string_view status_key(Status status);

}  // namespace vigil
