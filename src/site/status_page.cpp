#include "site/status_page.hpp"

#include "site/events_view.hpp"
#include "site/model/banner.hpp"
#include "site/model/markdown.hpp"
#include "site/monitor_card.hpp"

namespace vigil {

HttpResponse render_status_page(const SiteDeps& deps, const RenderContext& ctx,
                                const PageSpec& page) {
  const PageSettings& settings = page.settings;
  const BarWindow bars{settings.history_days_desktop,
                       std::min(settings.history_days_mobile, settings.history_days_desktop)};
  const auto monitors = visible_monitors(deps, page.monitors);
  const auto summaries = deps.summaries.summaries(monitors, bars.days * kDay);

  ViewData view;
  ViewData page_view;
  page_view.set("header", page.page_header);
  page_view.set("path", page.page_path);
  set_if(page_view, "subheader", render_markdown(page.page_subheader));
  set_if(page_view, "logo", page.page_logo);
  view.set("page", page_view);

  std::vector<Status> statuses;
  ViewData cards{ViewData::type::list};
  for (std::size_t i = 0; i < monitors.size(); ++i) {
    statuses.push_back(summaries[i].status);
    cards.push_back(monitor_card(deps, ctx, *monitors[i], summaries[i], bars));
  }
  view.set("monitors", cards);
  const Banner banner = make_banner(statuses);
  ViewData banner_view;
  banner_view.set("status", status_class(banner.status));
  banner_view.set("text", ctx.text(deps, banner.message_key));
  view.set("banner", banner_view);

  EventScope scope;
  if (!page.page_path.empty() || ctx.site->force_exclusivity) scope = page.monitors;
  add_events_panel(deps, ctx, scope, panel_options(settings), view);

  LayoutOptions options;
  options.title = !settings.meta_page_title.empty() ? settings.meta_page_title : page.page_title;
  options.description = settings.meta_page_description;
  options.image = settings.social_page_preview_image;
  options.canonical_path = "/" + page.page_path;
  options.rss_path = page.page_path.empty() ? "/rss.xml" : "/" + page.page_path + "/rss.xml";
  options.current_page = page.page_path;
  options.layout = settings.monitor_layout_style;
  return html_response(render_in_layout(deps, ctx, "page", std::move(view), options));
}

}  // namespace vigil
