#include "app/vigil_server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>

#include "alerting/alert_engine.hpp"
#include "alerting/alert_service.hpp"
#include "alerting/notify/channel_registry.hpp"
#include "alerting/notify/delivery_worker.hpp"
#include "alerting/notify/notifier.hpp"
#include "alerting/trigger_service.hpp"
#include "api/alert_routes.hpp"
#include "api/delivery_routes.hpp"
#include "api/incident_routes.hpp"
#include "api/maintenance_routes.hpp"
#include "api/monitor_data_routes.hpp"
#include "api/monitor_routes.hpp"
#include "api/openapi_document.hpp"
#include "api/page_routes.hpp"
#include "api/push_routes.hpp"
#include "api/site_routes.hpp"
#include "api/subscriber_routes.hpp"
#include "api/trigger_routes.hpp"
#include "app/completed_check_sink.hpp"
#include "app/metrics_page.hpp"
#include "app/probe_catalog.hpp"
#include "core/env_substitution.hpp"
#include "http/http_server.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "net/curl_engine.hpp"
#include "probes/check_executor.hpp"
#include "scheduler/scheduler.hpp"
#include "services/api_key_service.hpp"
#include "services/batch_writer.hpp"
#include "services/heartbeat_service.hpp"
#include "services/incident_service.hpp"
#include "services/ingestor.hpp"
#include "services/live_state.hpp"
#include "services/maintenance_reconciler.hpp"
#include "services/maintenance_service.hpp"
#include "services/manual_status_repeater.hpp"
#include "services/monitor_data_service.hpp"
#include "services/monitor_service.hpp"
#include "services/page_service.hpp"
#include "services/periodic_job.hpp"
#include "services/retention_sweep.hpp"
#include "services/secure_random.hpp"
#include "services/site_revision.hpp"
#include "services/site_service.hpp"
#include "services/status_summary_service.hpp"
#include "services/subscriber_notifier.hpp"
#include "services/subscriber_service.hpp"
#include "site/badge/badge_routes.hpp"
#include "site/live_feed.hpp"
#include "site/model/day_history_cache.hpp"
#include "site/model/html_escape.hpp"
#include "site/model/markdown.hpp"
#include "site/model/message_catalog.hpp"
#include "site/public_routes.hpp"
#include "site/subscribe_routes.hpp"
#include "site/template_set.hpp"
#include "storage/sqlite/sqlite_alert_store.hpp"
#include "storage/sqlite/sqlite_api_key_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_heartbeat_store.hpp"
#include "storage/sqlite/sqlite_incident_store.hpp"
#include "storage/sqlite/sqlite_maintenance_store.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "storage/sqlite/sqlite_outbox_store.hpp"
#include "storage/sqlite/sqlite_page_store.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"
#include "storage/sqlite/sqlite_site_store.hpp"
#include "storage/sqlite/sqlite_subscriber_store.hpp"
#include "storage/sqlite/sqlite_trigger_store.hpp"

namespace vigil {
namespace {

constexpr std::size_t kMaxChecksInFlight = 50000;
constexpr auto kCommitInterval = std::chrono::milliseconds(250);
constexpr std::size_t kCommitRows = 20000;
constexpr auto kShutdownGrace = std::chrono::seconds(120);

//! Uniform in [from, to), from a generator per thread (callers run on several threads).
double uniform(double from, double to) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(from, to)(engine);
}

double uniform_jitter() {
  return uniform(-1.0, 1.0);
}

}  // namespace

//! Everything the server owns, in construction order (destroyed in reverse).
struct VigilServer::Parts {
  explicit Parts(const ServerSettings& settings)
      : database(settings.database_path),
        monitor_store(database),
        result_store(database),
        key_store(database),
        heartbeat_store(database),
        page_store(database),
        site_store(database),
        incident_store(database),
        maintenance_store(database),
        outbox_store(database),
        trigger_store(database),
        alert_store(database),
        subscriber_store(database),
        probes(make_probe_registry(board, live)),
        monitors(monitor_store, probes),
        pages(page_store, monitors, revision),
        site(site_store, revision),
        incidents(incident_store, monitors, revision, clock),
        maintenances(maintenance_store, monitors, revision, clock),
        writer(result_store, kCommitInterval, kCommitRows),
        ingestor(result_store, writer, live, clock,
                 [this](const std::string& tag) {
                   auto spec = monitors.find(tag);
                   return spec ? spec->confirmation_threshold : 1;
                 }),
        data(monitors, ingestor, uniform_jitter),
        summaries(
            [this](Granularity g, Seconds from, Seconds to) { return ingestor.sum(g, from, to); },
            live, clock),
        keys(key_store, settings.secret),
        channels(ChannelRegistry::with_all_channels(process_environment())),
        delivery(outbox_store, channels, clock, [] { return uniform(0.0, 1.0); }),
        notifier(outbox_store, channels, delivery, clock),
        triggers(trigger_store, notifier, site, clock),
        alerts(alert_store, monitors, triggers),
        alert_engine(AlertEngine::Parts{
            alert_store, alerts, triggers, incidents, monitors, site, notifier, clock,
            [this](const std::string& tag, Seconds t) {
              return maintenances.impact_at(tag, t).has_value();
            },
            [this](const std::string& tag, int count) { return recent_minutes(tag, count); }}),
        subscribers(subscriber_store, pages, monitors, site, notifier, clock, secure_random,
                    MailFormat{html_escape, render_markdown}, settings.secret),
        subscriber_notifier(subscribers, pages, site, notifier),
        alert_ticks("alert reminders", std::chrono::seconds(30), std::chrono::seconds(30),
                    [this] { alert_engine.tick(); }),
        heartbeats(board, heartbeat_store, clock, heartbeat_keys),
        curl(probe_io),
        scheduler(probe_io, clock, executor_proxy),
        completed(ingestor, scheduler),
        executor(probe_io, curl, clock, probes, completed, kMaxChecksInFlight),
        repeater(monitors, ingestor, clock, repeats_last_status),
        sweep(result_store, outbox_store, alert_store, settings.retention, clock),
        retention("retention", std::chrono::seconds(60), std::chrono::hours(24),
                  [this] { spdlog::info("retention: deleted {} expired rows", sweep.run()); }),
        repeating("manual status", std::chrono::seconds(1), std::chrono::seconds(10),
                  [this] { repeater.fill_current_minute(); }),
        maintenance_planning("maintenance planning", std::chrono::seconds(0), std::chrono::hours(1),
                             [this] { maintenances.expand_upcoming(); }),
        maintenance_states("maintenance states", std::chrono::seconds(0), std::chrono::seconds(10),
                           [this] { maintenances.advance_states(); }),
        templates(theme_dir()),
        feed(live),
        live_polling("live feed", std::chrono::seconds(1), std::chrono::seconds(1),
                     [this] { feed.poll(); }) {}

  //! VIGIL_THEME_DIR: a folder whose files replace the built-in templates and assets.
  static std::optional<std::filesystem::path> theme_dir() {
    const char* dir = std::getenv("VIGIL_THEME_DIR");
    if (dir == nullptr || *dir == '\0') return std::nullopt;
    return std::filesystem::path(dir);
  }

  //! The last `count` minute rows of `tag`, oldest first (what alert re-evaluation reads).
  std::vector<Bucket> recent_minutes(const std::string& tag, int count) {
    const Seconds next_minute = floor_to(to_seconds(clock.now_ms()), kMinute) + kMinute;
    auto rows =
        ingestor.read(tag, Granularity::kMinute, next_minute - (count + 1) * kMinute, next_minute);
    if (rows.size() > static_cast<std::size_t>(count)) {
      rows.erase(rows.begin(), rows.end() - count);
    }
    return rows;
  }

  //! Lets the scheduler be built before the executor it feeds.
  struct ExecutorProxy final : JobSink {
    CheckExecutor* target = nullptr;
    bool submit(CheckJob job) override { return target->submit(std::move(job)); }
  };

  SystemClock clock;
  SqliteDatabase database;
  SqliteMonitorStore monitor_store;
  SqliteResultStore result_store;
  SqliteApiKeyStore key_store;
  SqliteHeartbeatStore heartbeat_store;
  SqlitePageStore page_store;
  SqliteSiteStore site_store;
  SqliteIncidentStore incident_store;
  SqliteMaintenanceStore maintenance_store;
  SqliteOutboxStore outbox_store;
  SqliteTriggerStore trigger_store;
  SqliteAlertStore alert_store;
  SqliteSubscriberStore subscriber_store;
  SiteRevision revision;
  HeartbeatBoard board;
  LiveState live;
  ProbeRegistry probes;
  MonitorService monitors;
  PageService pages;
  SiteService site;
  IncidentService incidents;
  MaintenanceService maintenances;
  BatchWriter writer;
  Ingestor ingestor;
  MonitorDataService data;
  StatusSummaryService summaries;
  ResponseCache responses;
  ApiKeyService keys;
  ChannelRegistry channels;
  DeliveryWorker delivery;
  Notifier notifier;
  TriggerService triggers;
  AlertService alerts;
  AlertEngine alert_engine;
  SecureRandom secure_random;
  SubscriberService subscribers;
  SubscriberNotifier subscriber_notifier;
  PeriodicJob alert_ticks;
  HeartbeatService heartbeats;
  boost::asio::io_context probe_io{1};
  CurlEngine curl;
  ExecutorProxy executor_proxy;
  Scheduler scheduler;
  CompletedCheckSink completed;
  CheckExecutor executor;
  ManualStatusRepeater repeater;
  RetentionSweep sweep;
  PeriodicJob retention;
  PeriodicJob repeating;
  PeriodicJob maintenance_planning;
  PeriodicJob maintenance_states;
  TemplateSet templates;
  DayHistoryCache history;
  LiveFeed feed;
  PeriodicJob live_polling;
  Router router;
};

VigilServer::VigilServer(ServerSettings settings, VigilConfig config)
    : settings_(std::move(settings)), config_(std::move(config)) {}

VigilServer::~VigilServer() = default;

int VigilServer::run() {
  Parts p(settings_);
  p.executor_proxy.target = &p.executor;

  p.monitors.load();
  for (const auto& error : p.monitors.reconcile(config_.monitors)) {
    spdlog::error("config: {}", error.message);
  }
  p.site.load();
  for (const auto& error : p.site.reconcile(config_.site)) {
    spdlog::error("config: {}", error.message);
  }
  p.pages.load();
  for (const auto& error : p.pages.reconcile(config_.pages)) {
    spdlog::error("config: {}", error.message);
  }
  p.incidents.refresh();
  p.maintenances.refresh();
  for (const auto& error : MaintenanceReconciler(p.maintenances).reconcile(config_.maintenances)) {
    spdlog::error("config: {}", error.message);
  }
  p.incidents.set_listener(&p.subscriber_notifier);
  p.maintenances.set_listener(&p.subscriber_notifier);
  p.triggers.load();
  p.alerts.refresh();
  for (const auto& error : p.triggers.reconcile(config_.triggers)) {
    spdlog::error("config: {}", error.message);
  }
  for (const auto& error : p.alerts.reconcile(config_.alerts)) {
    spdlog::error("config: {}", error.message);
  }
  p.alert_engine.load();
  p.ingestor.set_sample_listener(
      [&](const CheckResult& result) { p.alert_engine.observe(result); });
  p.ingestor.set_rewrite_listener([&](const std::string& tag) {
    p.history.invalidate(tag);
    p.summaries.forget_past();
    p.revision.bump();
    p.alert_engine.reevaluate(tag);  // Kener: the data PATCH routes re-run alert evaluation
  });
  p.ingestor.set_impact_lookup([&](const std::string& tag, Seconds t) {
    MinuteLayers layers;
    layers.incident = p.incidents.impact_at(tag, t);
    layers.maintenance = p.maintenances.impact_at(tag, t);
    return layers;
  });
  p.heartbeats.load();
  p.monitors.set_listener([&](const std::string& tag, std::shared_ptr<const MonitorSpec> spec) {
    p.revision.bump();  // names, visibility and the monitor set show on pages and badges
    p.heartbeats.monitor_changed(tag, spec.get());
    if (spec) {
      p.scheduler.upsert(std::move(spec));
    } else {
      p.scheduler.remove(tag);
      p.pages.forget_monitor(tag);
      p.incidents.refresh();
      p.maintenances.refresh();
      p.alerts.refresh();
      p.history.invalidate(tag);
      p.ingestor.forget(tag);
      boost::asio::post(p.probe_io, [&p, tag] { p.executor.forget(tag); });
    }
  });
  for (auto& spec : p.monitors.all()) {
    p.heartbeats.monitor_changed(spec->tag, spec.get());
    p.scheduler.upsert(spec);
  }

  p.writer.set_hooks([&] { p.ingestor.close_buckets(); },
                     [&](std::uint64_t ticket) { p.ingestor.committed(ticket); });
  p.writer.start();
  p.retention.start();
  p.repeating.start();
  p.maintenance_planning.start();
  p.maintenance_states.start();
  p.live_polling.start();
  p.delivery.start();
  p.alert_engine.start();
  p.alert_ticks.start();

  p.router.add("GET", "/healthcheck", [](const HttpRequest&, const PathParams&) {
    return HttpResponse::json(200, R"({"status":"ok"})");
  });
  p.router.add("GET", "/metrics", [&](const HttpRequest&, const PathParams&) {
    MetricsSnapshot m;
    m.scheduler = p.scheduler.stats();
    m.checks_completed = p.completed.completed();
    m.checks_failed = p.completed.failed();
    // The executor's own counter belongs to the probe loop; derive in-flight from atomics.
    m.checks_in_flight = m.scheduler.dispatched > m.checks_completed
                             ? m.scheduler.dispatched - m.checks_completed
                             : 0;
    m.write_backlog = p.writer.backlog();
    m.write_failures = p.writer.failures();
    m.writes_committed = p.writer.committed();
    m.lateness = &p.completed.lateness();
    HttpResponse response;
    response.content_type = "text/plain; version=0.0.4";
    response.body = render_metrics(m);
    return response;
  });
  add_openapi_route(p.router);
  add_monitor_routes(p.router, p.keys, p.monitors);
  add_page_routes(p.router, p.keys, p.pages, p.monitors);
  add_site_routes(p.router, p.keys, p.site);
  add_monitor_data_routes(p.router, p.keys, p.data);
  add_push_routes(p.router, p.heartbeats);
  add_incident_routes(p.router, p.keys, p.incidents);
  add_maintenance_routes(p.router, p.keys, p.maintenances, p.clock);
  add_delivery_routes(p.router, p.keys, p.outbox_store);
  add_trigger_routes(p.router, p.keys, p.triggers);
  add_alert_routes(p.router, p.keys, p.alerts, p.alert_engine);
  add_subscriber_routes(p.router, p.keys, p.subscribers, p.pages);
  add_badge_routes(p.router,
                   BadgeRouteDeps{p.monitors, p.summaries, p.live, p.revision, p.responses, p.clock,
                                  [&] { return p.site.settings()->site_name; }});
  const SiteDeps site_deps{p.monitors,
                           p.pages,
                           p.site,
                           p.summaries,
                           p.ingestor,
                           p.incidents,
                           p.maintenances,
                           p.history,
                           p.live,
                           p.revision,
                           p.clock,
                           p.templates,
                           MessageCatalog::builtin(),
                           p.responses,
                           p.feed};
  add_subscribe_routes(p.router, site_deps, p.subscribers);
  add_public_routes(p.router, site_deps);

  HttpServerOptions http_options;
  http_options.port = static_cast<std::uint16_t>(settings_.port);
  HttpServer http(http_options,
                  [&](const HttpRequest& request) { return p.router.dispatch(request); });
  http.start();
  p.scheduler.start();
  spdlog::info("vigil serving on port {} with {} monitors (database {})", http.port(),
               p.monitors.all().size(), settings_.database_path);

  boost::asio::signal_set signals(p.probe_io, SIGINT, SIGTERM);
  boost::asio::steady_timer drain_timer(p.probe_io);
  auto deadline = std::chrono::steady_clock::now() + kShutdownGrace;
  std::function<void()> wait_for_checks = [&] {
    if (p.executor.in_flight() == 0 || std::chrono::steady_clock::now() >= deadline) {
      p.probe_io.stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](boost::system::error_code) { wait_for_checks(); });
  };
  signals.async_wait([&](boost::system::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: stopping; waiting for {} running checks", signal,
                 p.executor.in_flight());
    p.scheduler.stop();
    deadline = std::chrono::steady_clock::now() + kShutdownGrace;
    wait_for_checks();
  });
  p.probe_io.run();

  http.stop();
  p.retention.stop();
  p.repeating.stop();
  p.maintenance_planning.stop();
  p.maintenance_states.stop();
  p.live_polling.stop();
  p.alert_ticks.stop();
  p.alert_engine.stop();
  p.delivery.stop();
  p.ingestor.flush_all();
  p.writer.stop();
  spdlog::info("vigil stopped; all results written");
  return 0;
}

}  // namespace vigil
