#include "site/public_routes.hpp"

#include "site/embeds.hpp"
#include "site/events_page.hpp"
#include "site/feeds.hpp"
#include "site/incident_page.hpp"
#include "site/model/event_month.hpp"
#include "site/monitor_card.hpp"
#include "site/monitor_page.hpp"
#include "site/status_page.hpp"

namespace vigil {
namespace {

constexpr auto kPageCacheControl = "public, max-age=10";
constexpr auto kAssetCacheControl = "public, max-age=3600";

using Render = std::function<HttpResponse(const RenderContext&)>;

// Query parameters other than the ones the context already accounts for, in a stable order.
std::string variant_of(const HttpRequest& request) {
  std::string variant = request.path;
  for (const auto& [name, value] : request.query) {
    if (name == "locale" || name == "tz") continue;
    variant += "&" + name + "=" + value;
  }
  return variant;
}

HttpResponse not_found_page(const SiteDeps& deps, const RenderContext& ctx) {
  LayoutOptions options;
  options.title = ctx.text(deps, "page.not_found");
  HttpResponse response =
      html_response(render_in_layout(deps, ctx, "not_found", ViewData{}, options));
  response.status = 404;
  return response;
}

// Answers a public GET from the cache, rendering it with the visitor's context when stale.
HttpResponse cached(const SiteDeps& deps, const HttpRequest& request, const Render& render) {
  auto ctx = make_render_context(deps, request);
  if (!ctx.ok()) return HttpResponse::error(400, "BAD_REQUEST", ctx.error().message);
  HttpResponse response =
      deps.cache.serve(request, ctx->cache_key(variant_of(request)), public_revision(deps),
                       kPageCacheControl, [&] { return render(*ctx); });
  if (!ctx->locale_from_query) response.headers.emplace_back("Vary", "Accept-Language");
  return response;
}

HttpResponse page_at(const SiteDeps& deps, const HttpRequest& request, const std::string& path) {
  return cached(deps, request, [&](const RenderContext& ctx) {
    auto page = deps.pages.find(path);
    return page ? render_status_page(deps, ctx, *page) : not_found_page(deps, ctx);
  });
}

// The monitor a public route names, if it may be shown.
std::shared_ptr<const MonitorSpec> visible_monitor(const SiteDeps& deps, const std::string& tag) {
  auto visible = visible_monitors(deps, {tag});
  return visible.empty() ? nullptr : visible.front();
}

HttpResponse asset(const SiteDeps& deps, const HttpRequest& request, const std::string& path,
                   const std::string& content_type) {
  return deps.cache.serve(request, "asset:" + path, 0, kAssetCacheControl, [&] {
    HttpResponse response;
    response.content_type = content_type;
    response.body = *deps.templates.file(path);
    return response;
  });
}

}  // namespace

void add_public_routes(Router& router, const SiteDeps& deps) {
  router.add("GET", "/", [&deps](const HttpRequest& request, const PathParams&) {
    return page_at(deps, request, "");
  });
  router.add("GET", "/{page_path}", [&deps](const HttpRequest& request, const PathParams& p) {
    return page_at(deps, request, p.at("page_path"));
  });
  router.add("GET", "/monitors/{tag}", [&deps](const HttpRequest& request, const PathParams& p) {
    return cached(deps, request, [&](const RenderContext& ctx) {
      auto monitor = visible_monitor(deps, p.at("tag"));
      return monitor ? render_monitor_page(deps, ctx, *monitor, request)
                     : not_found_page(deps, ctx);
    });
  });
  router.add(
      "GET", "/incidents/{incident_id}", [&deps](const HttpRequest& request, const PathParams& p) {
        return cached(deps, request, [&](const RenderContext& ctx) {
          auto incident = public_incident(deps, p.at("incident_id"));
          return incident ? render_incident_page(deps, ctx, *incident) : not_found_page(deps, ctx);
        });
      });
  router.add("GET", "/events/{month}", [&deps](const HttpRequest& request, const PathParams& p) {
    auto month = parse_event_month(p.at("month"));
    if (!month.ok()) return HttpResponse::error(400, "BAD_REQUEST", month.error().message);
    return cached(deps, request,
                  [&](const RenderContext& ctx) { return render_events_page(deps, ctx, *month); });
  });

  auto embed = [&deps](std::string widget, bool loader) {
    return [&deps, widget, loader](const HttpRequest& request, const PathParams& p) {
      const std::string name = widget.empty() ? p.at("widget") : widget;
      return cached(deps, request, [&](const RenderContext& ctx) {
        return loader ? render_embed_loader(deps, ctx, request, name)
                      : render_embed(deps, ctx, request, name);
      });
    };
  };
  router.add("GET", "/embed/{widget}", embed("", false));
  router.add("GET", "/embed/{widget}/js", embed("", true));
  router.add("GET", "/embed/events/live", embed("events/live", false));
  router.add("GET", "/embed/events/live/js", embed("events/live", true));

  router.add("GET", "/rss.xml", [&deps](const HttpRequest& request, const PathParams&) {
    return cached(deps, request, [&](const RenderContext& ctx) {
      return render_rss(deps, ctx, request, std::nullopt,
                        ctx.text(deps, "rss.title", {{"site", ctx.site->site_name}}), "/");
    });
  });
  router.add("GET", "/{page_path}/rss.xml",
             [&deps](const HttpRequest& request, const PathParams& p) {
               return cached(deps, request, [&](const RenderContext& ctx) {
                 auto page = deps.pages.find(p.at("page_path"));
                 if (!page) return not_found_page(deps, ctx);
                 return render_rss(deps, ctx, request, page->monitors, page->page_title,
                                   "/" + page->page_path);
               });
             });
  router.add("GET", "/monitors/{tag}/rss.xml",
             [&deps](const HttpRequest& request, const PathParams& p) {
               return cached(deps, request, [&](const RenderContext& ctx) {
                 auto monitor = visible_monitor(deps, p.at("tag"));
                 if (!monitor) return not_found_page(deps, ctx);
                 return render_rss(deps, ctx, request, std::vector<std::string>{monitor->tag},
                                   monitor->name, "/monitors/" + monitor->tag);
               });
             });
  router.add("GET", "/sitemap.xml", [&deps](const HttpRequest& request, const PathParams&) {
    return cached(deps, request,
                  [&](const RenderContext& ctx) { return render_sitemap(deps, ctx, request); });
  });
  router.add("GET", "/robots.txt", [&deps](const HttpRequest& request, const PathParams&) {
    return render_robots(deps, request);
  });
  router.add("GET", "/assets/site.css", [&deps](const HttpRequest& request, const PathParams&) {
    return asset(deps, request, "assets/site.css", "text/css; charset=utf-8");
  });
  router.add("GET", "/assets/live.js", [&deps](const HttpRequest& request, const PathParams&) {
    return asset(deps, request, "assets/live.js", "text/javascript; charset=utf-8");
  });
  router.add("GET", "/api/live", [&deps](const HttpRequest& request, const PathParams&) {
    HttpResponse response;
    response.stream = deps.feed.subscribe(split_tags(request.query_param("tags").value_or("")));
    if (!response.stream) {
      return HttpResponse::error(503, "UNAVAILABLE", "Too many live connections");
    }
    return response;
  });
}

}  // namespace vigil
