#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "alerting/alert_incident_writer.hpp"
#include "alerting/alert_message_builder.hpp"
#include "alerting/alert_sample.hpp"
#include "alerting/alert_service.hpp"
#include "alerting/alert_tracker.hpp"
#include "alerting/trigger_service.hpp"
#include "core/bucket.hpp"
#include "core/check_result.hpp"
#include "core/clock.hpp"
#include "core/notification_port.hpp"
#include "services/incident_service.hpp"
#include "services/monitor_service.hpp"
#include "services/site_service.hpp"
#include "storage/alert_store.hpp"

namespace vigil {

//! Evaluates the alert rules on every stored sample and turns transitions into stored alert
//! states, auto-incidents and queued notifications. observe() only queues the sample (bounded;
//! when full the sample is dropped and counted), so the probe thread never waits: one worker
//! thread evaluates in arrival order. Each transition is stored before its messages are queued
//! (a firing or a resolution together with its alert history entry);
//! their idempotency keys carry the stored transition number, so a crash in between re-queues
//! them at the next load() without sending anything twice.
class AlertEngine {
 public:
  //! True while `tag` is in a maintenance window at `t` (MaintenanceService::impact_at).
  using MaintenanceLookup = std::function<bool(const std::string& tag, Seconds t)>;
  //! The last `count` minute rows of `tag`, oldest first (Ingestor::read).
  using RecentReader = std::function<std::vector<Bucket>(const std::string& tag, int count)>;

  //! What the engine works with; every reference must outlive it.
  struct Parts {
    AlertStore& store;                 //!< alert states
    const AlertService& rules;         //!< the rules, indexed by monitor
    const TriggerService& triggers;    //!< where messages go
    IncidentService& incidents;        //!< auto-incidents
    const MonitorService& monitors;    //!< monitor names
    const SiteService& site;           //!< site name, URL and colours for messages
    NotificationPort& notifier;        //!< the outbox
    const Clock& clock;                //!< transition times, reminders, escalation
    MaintenanceLookup in_maintenance;  //!< mutes firing during maintenance
    RecentReader recent;               //!< for reevaluate()
  };

  //! Samples waiting for the worker before new ones are dropped.
  static constexpr std::size_t kDefaultQueueCapacity = 100'000;

  explicit AlertEngine(Parts parts, std::size_t queue_capacity = kDefaultQueueCapacity);
  ~AlertEngine();
  AlertEngine(const AlertEngine&) = delete;
  AlertEngine& operator=(const AlertEngine&) = delete;

  //! Restores the stored alert states (call once at start, before start()) and queues the
  //! messages of any transition stored but not yet handed to the notifier.
  void load();
  //! Starts the worker thread.
  void start();
  //! Finishes the queued work and stops the worker.
  void stop();

  //! Queues one stored sample (monitor_tag, status, latency_ms, started_ms) of a monitor some
  //! active rule watches or waits on (others are ignored at once); cheap, any thread.
  void observe(const CheckResult& result);
  //! Queues a re-evaluation of `tag` from its stored minute rows (after its past was rewritten,
  //! e.g. by the v4 data PATCH).
  void reevaluate(const std::string& tag);
  //! Blocks until every queued item has been evaluated.
  void wait_idle();
  //! Sends due reminders and escalations; call periodically (every 30 s is plenty).
  void tick();

  //! Acknowledges the firing alert of (rule, tag) on behalf of `by` (free text, may be empty):
  //! stops its reminders and escalation. kNotFound when the pair never fired, kConflict when it
  //! is not firing.
  Result<AlertState> acknowledge(std::int64_t rule_id, const std::string& tag, std::string by);
  //! The stored states of one rule, by monitor tag.
  std::vector<AlertState> states(std::int64_t rule_id) const;
  //! One page of a rule's history of status changes, newest first.
  AlertHistoryPage history(std::int64_t rule_id, std::int64_t offset, std::int64_t limit) const;
  //! Samples dropped because the queue was full.
  std::uint64_t dropped() const;

 private:
  struct Work {
    std::string tag;
    std::optional<AlertSample> sample;  //!< none: re-evaluate from stored rows
    Seconds at = 0;                     //!< the sample's time
  };
  using Key = std::pair<std::int64_t, std::string>;

  void enqueue(Work work);
  void run();
  void evaluate_sample(const std::string& tag, const AlertSample& sample, Seconds at);
  void evaluate_recent(const std::string& tag);
  void release_children(const std::string& parent);
  bool held(const AlertRule& rule, const std::string& tag) const;
  AlertTracker& tracker(std::int64_t rule_id, const std::string& tag);
  void decided(const AlertRule& rule, AlertTracker& pair,
               std::optional<AlertTransition> transition);
  void apply(const AlertRule& rule, AlertTracker& tracker, AlertTransition transition);
  void notify(const AlertRule& rule, const AlertState& state, AlertTransition transition);
  std::string monitor_name(const std::string& tag) const;
  Seconds now() const;

  Parts parts_;
  AlertMessageBuilder messages_;
  AlertIncidentWriter incident_writer_;
  const std::size_t capacity_;

  mutable std::mutex mutex_;  //!< evaluation: trackers and last statuses
  std::map<Key, AlertTracker> trackers_;
  std::set<Key> held_;  //!< pairs whose firing waits for a parent, so samples need not scan all
  std::unordered_map<std::string, Status> last_status_;

  mutable std::mutex queue_mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<Work> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::uint64_t dropped_ = 0;
  std::thread worker_;
};

}  // namespace vigil
