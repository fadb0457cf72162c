#pragma once

#include <string>
#include <vector>

#include "core/monitor_impact.hpp"
#include "core/notification_port.hpp"
#include "services/incident_listener.hpp"
#include "services/maintenance_listener.hpp"
#include "services/page_service.hpp"
#include "services/site_service.hpp"
#include "services/subscriber_service.hpp"

namespace vigil {

//! Queues the subscriber notifications: every new incident and incident comment for those who
//! want incidents, every maintenance reminder (READY), start (ONGOING), end (COMPLETED) and
//! cancellation for those who want maintenances; only subscribers whose scope matches (everything,
//! a global incident or maintenance, or one of its monitors chosen directly or on a chosen page).
//! Mails go to the "email" channel, events to the subscriber's "webhook"; each carries an
//! idempotency key so the same notification never reaches a subscriber twice.
class SubscriberNotifier final : public IncidentListener, public MaintenanceListener {
 public:
  //! Every reference must outlive the notifier.
  SubscriberNotifier(const SubscriberService& subscribers, const PageService& pages,
                     const SiteService& site, NotificationPort& port);

  void incident_created(const Incident& incident) override;
  void comment_added(const Incident& incident, const IncidentComment& comment) override;
  void event_status_changed(const MaintenanceEventDetail& detail) override;

  //! True when `subscriber`'s scope covers something global or linked to `monitors`.
  bool in_scope(const Subscriber& subscriber, bool global,
                const std::vector<MonitorImpact>& monitors) const;

 private:
  struct Notice;
  void send(const Notice& notice);

  const SubscriberService& subscribers_;
  const PageService& pages_;
  const SiteService& site_;
  NotificationPort& port_;
};

}  // namespace vigil
