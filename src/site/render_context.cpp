#include "site/render_context.hpp"

#include <boost/json.hpp>

#include <map>
#include <mutex>

#include "core/ascii_case.hpp"
#include "site/model/markdown.hpp"

namespace vigil {
namespace {

std::vector<std::string> enabled_locales(const SiteSettings& site) {
  std::vector<std::string> codes;
  for (const auto& locale : site.locales) {
    if (locale.selected && !locale.disabled) codes.push_back(locale.code);
  }
  return codes;
}

// Custom CSS goes inside <style>: nothing in it may close the element.
std::string contained_css(std::string_view css) {
  std::string out;
  for (char c : css) {
    if (c != '<') out += c;
  }
  return out;
}

std::string colour_variables(const StatusColours& colours) {
  return "--up:" + colours.up + ";--down:" + colours.down + ";--degraded:" + colours.degraded +
         ";--maintenance:" + colours.maintenance + ";--no-data:" + colours.no_data + ";";
}

// The site's colours and font as CSS, light and dark, then the custom CSS.
std::string site_style(const SiteSettings& site) {
  std::string css = ":root{" + colour_variables(site.colors);
  if (!site.font_family.empty()) css += "--font:" + contained_css(site.font_family) + ";";
  css += "}:root[data-theme=dark]{" + colour_variables(site.colors_dark) + "}";
  css += "@media (prefers-color-scheme:dark){:root[data-theme=system]{" +
         colour_variables(site.colors_dark) + "}}";
  return css + contained_css(site.custom_css);
}

std::string status_labels_json(const SiteDeps& deps, const RenderContext& ctx) {
  boost::json::object labels;
  for (Status s :
       {Status::kUp, Status::kDown, Status::kDegraded, Status::kMaintenance, Status::kNoData}) {
    labels[to_string(s)] = ctx.text(deps, status_key(s));
  }
  return boost::json::serialize(labels);
}

// Nested catalogue keys ("page.uptime") as a tree, converted to view data.
struct TextTree {
  std::map<std::string, TextTree> children;
  std::string text;

  ViewData view() const {
    if (children.empty()) return ViewData(text);
    ViewData data;
    for (const auto& [name, child] : children) data.set(name, child.view());
    return data;
  }
};

}  // namespace

std::string RenderContext::cache_key(const std::string& what) const {
  return what + "|" + locale + "|" + zone.name();
}

std::string RenderContext::text(const SiteDeps& deps, std::string_view key) const {
  return std::string(deps.messages.text(locale, key));
}

std::string RenderContext::text(const SiteDeps& deps, std::string_view key,
                                MessageArgs args) const {
  return deps.messages.format(locale, key, args);
}

std::string RenderContext::date_time(Seconds utc) const {
  return zone.to_local(utc).date_time();
}

std::string RenderContext::short_date(const SiteDeps& deps, const LocalDay& day) const {
  return deps.messages.short_date(locale, day.month, day.day);
}

Result<RenderContext> make_render_context(const SiteDeps& deps, const HttpRequest& request) {
  RenderContext ctx;
  ctx.site = deps.site.settings();
  const auto query_locale = request.query_param("locale").value_or("");
  ctx.locale_from_query = !query_locale.empty();
  ctx.locale = deps.messages.negotiate(request.header("accept-language").value_or(""), query_locale,
                                       ctx.site->default_locale, enabled_locales(*ctx.site));
  if (auto tz = request.query_param("tz"); tz && !tz->empty()) {
    auto zone = TimeZone::locate(*tz);
    if (!zone.ok()) return zone.error();
    ctx.zone = *zone;
    ctx.visitor_zone = true;
  } else if (auto zone = TimeZone::locate(ctx.site->timezone); zone.ok()) {
    ctx.zone = *zone;
  }
  ctx.now = to_seconds(deps.clock.now_ms());
  return ctx;
}

std::uint64_t public_revision(const SiteDeps& deps) {
  // ResponseCache takes a higher revision as newer, so this must only grow: each part does, and
  // so does their sum whenever one of them moves.
  return deps.revision.value() + deps.live.revision() +
         static_cast<std::uint64_t>(to_seconds(deps.clock.now_ms()) / kMinute);
}

void set_if(ViewData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

std::string status_class(Status status) {
  return to_lower(to_string(status));
}

ViewData catalogue_view(const SiteDeps& deps, const std::string& locale) {
  static std::mutex mutex;
  static std::map<std::pair<const MessageCatalog*, std::string>, ViewData> views;
  std::lock_guard lock(mutex);
  auto [it, inserted] = views.try_emplace({&deps.messages, locale});
  if (inserted) {
    TextTree root;
    for (const auto& key : deps.messages.keys(MessageCatalog::kFallbackLocale)) {
      TextTree* node = &root;
      std::string_view rest = key;
      for (auto dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
        node = &node->children[std::string(rest.substr(0, dot))];
        rest.remove_prefix(dot + 1);
      }
      node->children[std::string(rest)].text = deps.messages.text(locale, key);
    }
    it->second = root.view();
  }
  return it->second;
}

std::string render_in_layout(const SiteDeps& deps, const RenderContext& ctx,
                             const std::string& name, ViewData view, const LayoutOptions& options) {
  const SiteSettings& site = *ctx.site;
  const ViewData t = catalogue_view(deps, ctx.locale);
  view.set("t", t);
  ViewData layout;
  layout.set("t", t);
  layout.set("content", deps.templates.render(name, std::move(view)));
  layout.set("locale", ctx.locale);
  layout.set("layout", options.layout);
  layout.set("embed", options.embed);
  const std::string theme = !options.forced_theme.empty() ? options.forced_theme
                            : site.theme == "none"        ? std::string("system")
                                                          : site.theme;
  layout.set("theme", theme);
  layout.set("status_labels_json", status_labels_json(deps, ctx));

  ViewData seo;
  seo.set("title", !options.title.empty()          ? options.title
                   : !site.meta_site_title.empty() ? site.meta_site_title
                                                   : site.title);
  set_if(seo, "description",
         options.description.empty() ? site.meta_site_description : options.description);
  set_if(seo, "image", options.image.empty() ? site.social_preview_image : options.image);
  if (!site.site_url.empty()) seo.set("url", site.site_url + options.canonical_path);
  layout.set("seo", seo);

  ViewData site_view;
  site_view.set("name", site.site_name);
  set_if(site_view, "logo", site.logo);
  set_if(site_view, "favicon", site.favicon);
  set_if(site_view, "font_url", site.font_css_src);
  site_view.set("style", site_style(site));
  layout.set("site", site_view);
  set_if(layout, "rss_url", options.rss_path);

  const auto pages = deps.pages.list();
  if (site.show_switcher && pages.size() > 1) {
    ViewData list{ViewData::type::list};
    for (const auto& page : pages) {
      ViewData item;
      item.set("path", page->page_path);
      item.set("title", page->page_title);
      item.set("current", page->page_path == options.current_page);
      list.push_back(item);
    }
    layout.set("show_switcher", true);
    layout.set("pages", list);
  }
  const auto codes = enabled_locales(site);
  if (codes.size() > 1) {
    ViewData list{ViewData::type::list};
    for (const auto& info : deps.messages.locales()) {
      if (std::find(codes.begin(), codes.end(), info.code) == codes.end()) continue;
      ViewData item;
      item.set("code", info.code);
      item.set("name", info.native_name);
      item.set("current", info.code == ctx.locale);
      list.push_back(item);
    }
    layout.set("locale_choice", true);
    layout.set("locales", list);
  }
  if (site.tz_toggle) {
    layout.set("tz_toggle", true);
    layout.set("tz_toggle_label", ctx.visitor_zone ? ctx.text(deps, "page.page_time_toggle")
                                                   : ctx.text(deps, "page.local_time"));
  }
  layout.set("theme_toggle", site.theme_toggle);
  if (site.announcement) {
    const auto& a = *site.announcement;
    set_if(layout, "announcement",
           render_markdown((a.title.empty() ? "" : "**" + a.title + "**\n\n") + a.message));
  }
  set_if(layout, "footer", site.footer_html.empty() ? "" : render_markdown(site.footer_html));
  layout.set("times_in", ctx.text(deps, "page.page_time", {{"zone", ctx.zone.name()}}));
  layout.set("rendered_at", ctx.date_time(ctx.now));
  return deps.templates.render("layout", std::move(layout));
}

HttpResponse html_response(std::string body) {
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  return response;
}

}  // namespace vigil
