#pragma once

#include <memory>
#include <string>

#include "core/site_settings.hpp"
#include "http/http_message.hpp"
#include "site/model/time_zone.hpp"
#include "site/site_deps.hpp"
#include "site/template_set.hpp"

namespace vigil {

//! What one rendering of a public page depends on besides the data: the visitor's language and
//! time zone, the site settings, and the time. Pages are cached per cache_key().
struct RenderContext {
  std::shared_ptr<const SiteSettings> site;
  std::string locale;              //!< negotiated language
  TimeZone zone;                   //!< the zone day boundaries and times are shown in
  bool visitor_zone = false;       //!< true when the visitor chose the zone (?tz=)
  bool locale_from_query = false;  //!< true when ?locale= chose the language
  Seconds now = 0;

  //! "<what>|<locale>|<zone>": the cache key of `what` rendered for this visitor.
  std::string cache_key(const std::string& what) const;
  //! A catalogue text in the visitor's language.
  std::string text(const SiteDeps& deps, std::string_view key) const;
  //! A catalogue text with {placeholders} filled in.
  std::string text(const SiteDeps& deps, std::string_view key, MessageArgs args) const;
  //! "2026-11-23 14:05" in the context's zone.
  std::string date_time(Seconds utc) const;
  //! "Nov 23" in the visitor's language, for a day of the zone.
  std::string short_date(const SiteDeps& deps, const LocalDay& day) const;
};

//! The context of a request: language from ?locale=, Accept-Language and the site default;
//! zone from ?tz= (an unknown zone is a kBadRequest error) or the site's `timezone`.
Result<RenderContext> make_render_context(const SiteDeps& deps, const HttpRequest& request);

//! The revision a cached public page is valid for: moves with the site revision, every shown
//! status change and every minute (today's bar, uptime and latency move with each minute).
std::uint64_t public_revision(const SiteDeps& deps);

//! Sets `key` only when `value` is not empty (an empty string would count as true in a section).
void set_if(ViewData& data, const std::string& key, const std::string& value);

//! The status as the CSS class suffix of the templates: "up", "down", "no_data", ...
std::string status_class(Status status);

//! The page around `content`: head with SEO tags, header with the page switcher, language and
//! theme controls, the announcement, footer; `title`/`description`/`image` override the site's.
struct LayoutOptions {
  std::string title;
  std::string description;
  std::string image;
  std::string canonical_path;  //!< e.g. "/monitors/web"; joined to siteURL
  std::string rss_path;        //!< empty for none
  std::string current_page;    //!< path of the page selected in the switcher
  std::string layout = "default-list";
  bool embed = false;        //!< bare body for iframes
  std::string forced_theme;  //!< embeds: light or dark from ?theme=
};

//! Renders templates/<name>.mustache with `view`, then wraps it in templates/layout.mustache.
std::string render_in_layout(const SiteDeps& deps, const RenderContext& ctx,
                             const std::string& name, ViewData view, const LayoutOptions& options);

//! The catalogue as nested view data for templates: {{t.page.uptime}}.
ViewData catalogue_view(const SiteDeps& deps, const std::string& locale);

//! A text/html 200 response.
HttpResponse html_response(std::string body);

}  // namespace vigil
