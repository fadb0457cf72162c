#include "services/subscriber_notifier.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <ctime>

#include "services/subscriber_mail.hpp"

namespace vigil {

namespace json = boost::json;

//! One notification, before it is addressed to each subscriber.
struct SubscriberNotifier::Notice {
  bool about_incident = true;           // false: about a maintenance
  bool global = true;                   // shown on every page
  std::vector<MonitorImpact> monitors;  // what it affects
  std::string key;                      // unique per notification, e.g. incident-comment:7
  std::string subject;                  // mail subject
  std::string text;                     // plain-text mail body, without the footer
  std::string html;                     // HTML mail body, without the footer
  json::object payload;                 // the webhook JSON
};

namespace {

std::string utc(Seconds t) {
  return fmt::format("{:%Y-%m-%d %H:%M} UTC", fmt::gmtime(static_cast<std::time_t>(t)));
}

std::string iso(Seconds t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(t)));
}

json::array monitors_json(const std::vector<MonitorImpact>& monitors) {
  json::array list;
  for (const auto& m : monitors) {
    list.push_back(json::object{{"monitor_tag", m.monitor_tag},
                                {"monitor_impact", std::string(to_string(m.impact))}});
  }
  return list;
}

std::string tags_text(const std::vector<MonitorImpact>& monitors) {
  std::string out;
  for (const auto& m : monitors) {
    if (!out.empty()) out += ", ";
    out += m.monitor_tag;
  }
  return out;
}

json::object incident_json(const Incident& incident, const std::string& url) {
  json::object out{{"id", incident.id},
                   {"title", incident.title},
                   {"state", std::string(to_string(incident.state))},
                   {"start_date_time", incident.start_date_time},
                   {"is_global", incident.global},
                   {"monitors", monitors_json(incident.monitors)},
                   {"url", url}};
  out["end_date_time"] = incident.end_date_time ? json::value(*incident.end_date_time) : nullptr;
  return out;
}

//! "incident.created", or the maintenance event name of a status.
std::string_view maintenance_event_name(MaintenanceEventStatus status) {
  switch (status) {
    case MaintenanceEventStatus::kReady:
      return "maintenance.reminder";
    case MaintenanceEventStatus::kOngoing:
      return "maintenance.started";
    case MaintenanceEventStatus::kCompleted:
      return "maintenance.ended";
    case MaintenanceEventStatus::kCancelled:
      return "maintenance.cancelled";
    case MaintenanceEventStatus::kScheduled:
      break;
  }
  return "";
}

std::string_view maintenance_headline(MaintenanceEventStatus status) {
  switch (status) {
    case MaintenanceEventStatus::kReady:
      return "Upcoming maintenance";
    case MaintenanceEventStatus::kOngoing:
      return "Maintenance started";
    case MaintenanceEventStatus::kCompleted:
      return "Maintenance completed";
    default:
      return "Maintenance cancelled";
  }
}

}  // namespace

SubscriberNotifier::SubscriberNotifier(const SubscriberService& subscribers,
                                       const PageService& pages, const SiteService& site,
                                       NotificationPort& port)
    : subscribers_(subscribers), pages_(pages), site_(site), port_(port) {}

bool SubscriberNotifier::in_scope(const Subscriber& subscriber, bool global,
                                  const std::vector<MonitorImpact>& monitors) const {
  const auto& p = subscriber.preferences;
  if (p.everything || global) return true;
  const auto pages = pages_.list();
  auto chosen = [&](const std::string& tag) {
    if (std::binary_search(p.monitor_tags.begin(), p.monitor_tags.end(), tag)) return true;
    for (const auto& page : pages) {
      if (!std::binary_search(p.page_ids.begin(), p.page_ids.end(), page->id)) continue;
      if (std::find(page->monitors.begin(), page->monitors.end(), tag) != page->monitors.end()) {
        return true;
      }
    }
    return false;
  };
  return std::any_of(monitors.begin(), monitors.end(),
                     [&](const MonitorImpact& m) { return chosen(m.monitor_tag); });
}

void SubscriberNotifier::send(const Notice& notice) {
  const auto& format = subscribers_.format();
  const auto site = site_.settings();
  for (const auto& subscriber : subscribers_.recipients()) {
    const auto& p = subscriber.preferences;
    if (!(notice.about_incident ? p.incidents : p.maintenances)) continue;
    if (!in_scope(subscriber, notice.global, notice.monitors)) continue;
    const std::string key = fmt::format("subscriber:{}:{}", subscriber.id, notice.key);
    if (subscriber.kind == SubscriberKind::kWebhook) {
      OutboxMessage message;
      message.idempotency_key = key;
      message.kind = "subscriber";
      message.channel = "webhook";
      message.channel_config = json::serialize(
          json::object{{"url", subscriber.address}, {"webhook_body", "{{{payload}}}"}});
      json::object variables = notice.payload;
      variables["payload"] = json::serialize(notice.payload);
      message.variables = json::serialize(variables);
      port_.enqueue(std::move(message));
      continue;
    }
    const std::string token = subscribers_.manage_token(subscriber);
    const std::string manage = subscribers_.link("/subscription/" + token);
    const std::string unsubscribe = subscribers_.link("/unsubscribe/" + token);
    SubscriberMail mail;
    mail.subject = fmt::format("[{}] {}", site->site_name, notice.subject);
    mail.text = fmt::format(
        "{}\n--\nYou receive this because you subscribed to {}.\nChange what you receive: {}\n"
        "Unsubscribe: {}\n",
        notice.text, site->site_name, manage, unsubscribe);
    mail.html = fmt::format(
        "{}<hr><p style=\"font-size:12px;color:#666\">You receive this because you subscribed to "
        "{}. <a href=\"{}\">Change what you receive</a> · <a href=\"{}\">Unsubscribe</a></p>",
        notice.html, format.escape(site->site_name), format.escape(manage),
        format.escape(unsubscribe));
    if (!site->site_url.empty()) mail.unsubscribe_url = unsubscribe;  // headers need a full URL
    port_.enqueue(email_message(subscriber.address, mail, "subscriber", key));
  }
}

void SubscriberNotifier::incident_created(const Incident& incident) {
  const auto& format = subscribers_.format();
  const std::string url = subscribers_.link("/incidents/" + std::to_string(incident.id));
  const std::string affected = incident.global ? "all services" : tags_text(incident.monitors);
  Notice notice;
  notice.global = incident.global;
  notice.monitors = incident.monitors;
  notice.key = fmt::format("incident:{}:created", incident.id);
  notice.subject = fmt::format("New incident: {}", incident.title);
  notice.text =
      fmt::format("{}\nState: {}\nSince: {}\nAffects: {}\n\nDetails: {}\n", incident.title,
                  to_string(incident.state), utc(incident.start_date_time), affected, url);
  notice.html = fmt::format(
      "<h2>{}</h2><p><strong>{}</strong> · since {} · affects {}</p><p><a href=\"{}\">Details</a>"
      "</p>",
      format.escape(incident.title), to_string(incident.state), utc(incident.start_date_time),
      format.escape(affected), format.escape(url));
  notice.payload = json::object{{"event", "incident.created"},
                                {"site_name", site_.settings()->site_name},
                                {"site_url", site_.settings()->site_url},
                                {"incident", incident_json(incident, url)}};
  send(notice);
}

void SubscriberNotifier::comment_added(const Incident& incident, const IncidentComment& comment) {
  const auto& format = subscribers_.format();
  const std::string url = subscribers_.link("/incidents/" + std::to_string(incident.id));
  Notice notice;
  notice.global = incident.global;
  notice.monitors = incident.monitors;
  notice.key = fmt::format("incident-comment:{}", comment.id);
  notice.subject = fmt::format("{}: {}", incident.title, to_string(comment.state));
  notice.text =
      fmt::format("{}\nState: {}\nUpdate at {}:\n\n{}\n\nDetails: {}\n", incident.title,
                  to_string(comment.state), utc(comment.commented_at), comment.comment, url);
  notice.html =
      fmt::format("<h2>{}</h2><p><strong>{}</strong> · {}</p>{}<p><a href=\"{}\">Details</a></p>",
                  format.escape(incident.title), to_string(comment.state),
                  utc(comment.commented_at), format.markdown(comment.comment), format.escape(url));
  notice.payload =
      json::object{{"event", "incident.comment"},
                   {"site_name", site_.settings()->site_name},
                   {"site_url", site_.settings()->site_url},
                   {"incident", incident_json(incident, url)},
                   {"comment", json::object{{"id", comment.id},
                                            {"comment", comment.comment},
                                            {"state", std::string(to_string(comment.state))},
                                            {"timestamp", comment.commented_at},
                                            {"timestamp_iso", iso(comment.commented_at)}}}};
  send(notice);
}

void SubscriberNotifier::event_status_changed(const MaintenanceEventDetail& detail) {
  const auto status = detail.event.status;
  const std::string_view event_name = maintenance_event_name(status);
  if (event_name.empty() || !detail.maintenance.active) return;  // inactive plans show nowhere
  const auto& format = subscribers_.format();
  const auto& m = detail.maintenance;
  const std::string url = subscribers_.link("/");
  const std::string window =
      fmt::format("{} to {}", utc(detail.event.start_date_time), utc(detail.event.end_date_time));
  const std::string affected = m.global ? "all services" : tags_text(m.monitors);
  Notice notice;
  notice.about_incident = false;
  notice.global = m.global;
  notice.monitors = m.monitors;
  notice.key = fmt::format("maintenance-event:{}:{}", detail.event.id, to_string(status));
  notice.subject = fmt::format("{}: {}", maintenance_headline(status), m.title);
  notice.text =
      fmt::format("{}: {}\nWindow: {}\nAffects: {}\n\n{}\n\nStatus page: {}\n",
                  maintenance_headline(status), m.title, window, affected, m.description, url);
  notice.html =
      fmt::format("<h2>{}: {}</h2><p>{} · affects {}</p>{}<p><a href=\"{}\">Status page</a></p>",
                  maintenance_headline(status), format.escape(m.title), window,
                  format.escape(affected), format.markdown(m.description), format.escape(url));
  json::object maintenance{{"id", m.id},
                           {"title", m.title},
                           {"description", m.description},
                           {"is_global", m.global},
                           {"monitors", monitors_json(m.monitors)},
                           {"event_id", detail.event.id},
                           {"status", std::string(to_string(status))},
                           {"start_date_time", detail.event.start_date_time},
                           {"end_date_time", detail.event.end_date_time}};
  notice.payload = json::object{{"event", event_name},
                                {"site_name", site_.settings()->site_name},
                                {"site_url", site_.settings()->site_url},
                                {"maintenance", std::move(maintenance)}};
  send(notice);
}

}  // namespace vigil
