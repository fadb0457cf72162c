#include "storage/sqlite/sqlite_alert_store.hpp"

#include <map>
#include <string>

#include "storage/sqlite/kener_flags.hpp"
#include "storage/sqlite/sqlite_batched_delete.hpp"

namespace vigil {
namespace {

constexpr std::string_view kMonitorRole = "MONITOR";
constexpr std::string_view kDependsOnRole = "DEPENDS_ON";
constexpr std::string_view kNotifyRole = "NOTIFY";
constexpr std::string_view kEscalateRole = "ESCALATE";

void bind_optional(SqliteStatement& stmt, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    stmt.bind_int(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

std::optional<std::int64_t> optional_int(const SqliteStatement& stmt, int index) {
  if (stmt.is_null(index)) return std::nullopt;
  return stmt.column_int(index);
}

AlertRule read_rule(const SqliteStatement& stmt) {
  AlertRule rule;
  rule.id = stmt.column_int(0);
  rule.alert_for = parse_alert_for(stmt.column_text(1)).value_or(AlertFor::kStatus);
  rule.alert_value = stmt.column_text(2);
  rule.failure_threshold = static_cast<int>(stmt.column_int(3));
  rule.success_threshold = static_cast<int>(stmt.column_int(4));
  rule.severity = parse_alert_severity(stmt.column_text(5)).value_or(AlertSeverity::kWarning);
  rule.create_incident = is_yes_flag(stmt.column_text(6));
  rule.active = is_yes_flag(stmt.column_text(7));
  rule.description = stmt.column_text(8);
  rule.reminder_minutes = static_cast<int>(stmt.column_int(9));
  if (!stmt.is_null(10)) {
    rule.escalation = AlertEscalation{static_cast<int>(stmt.column_int(10)), {}};
  }
  rule.created_at = stmt.column_int(11);
  rule.updated_at = stmt.column_int(12);
  return rule;
}

// Binds the rule's own columns to ?1..?10.
void bind_rule(SqliteStatement& stmt, const AlertRule& rule) {
  stmt.bind_text(1, to_string(rule.alert_for))
      .bind_text(2, rule.alert_value)
      .bind_int(3, rule.failure_threshold)
      .bind_int(4, rule.success_threshold)
      .bind_text(5, to_string(rule.severity))
      .bind_text(6, yes_no_flag(rule.create_incident))
      .bind_text(7, yes_no_flag(rule.active))
      .bind_text(8, rule.description)
      .bind_int(9, rule.reminder_minutes);
  bind_optional(
      stmt, 10,
      rule.escalation ? std::optional<std::int64_t>(rule.escalation->after_minutes) : std::nullopt);
}

//! Fills every rule's monitor and trigger lists (two statements for all rules).
void load_links(SqliteConnection& c, std::vector<AlertRule>& rules) {
  std::map<std::int64_t, AlertRule*> by_id;
  for (auto& rule : rules) by_id[rule.id] = &rule;
  auto monitors = c.prepare(
      "SELECT alert_config_id, role, monitor_tag FROM monitor_alerts_config_monitors "
      "ORDER BY alert_config_id, position");
  while (monitors.step()) {
    auto it = by_id.find(monitors.column_int(0));
    if (it == by_id.end()) continue;
    AlertRule& rule = *it->second;
    (monitors.column_text(1) == kMonitorRole ? rule.monitors : rule.depends_on)
        .push_back(monitors.column_text(2));
  }
  auto triggers = c.prepare(
      "SELECT alert_config_id, role, trigger_id FROM monitor_alerts_config_triggers "
      "ORDER BY alert_config_id, position");
  while (triggers.step()) {
    auto it = by_id.find(triggers.column_int(0));
    if (it == by_id.end()) continue;
    AlertRule& rule = *it->second;
    if (triggers.column_text(1) == kNotifyRole) {
      rule.triggers.push_back(triggers.column_int(2));
    } else if (rule.escalation) {
      rule.escalation->triggers.push_back(triggers.column_int(2));
    }
  }
}

template <class Item>
void insert_links(SqliteConnection& c, std::string_view table, std::string_view column,
                  std::int64_t rule_id, std::string_view role, const std::vector<Item>& items) {
  auto stmt = c.prepare("INSERT INTO " + std::string(table) + " (alert_config_id, role, " +
                        std::string(column) + ", position) VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < items.size(); ++i) {
    stmt.bind_int(1, rule_id).bind_text(2, role);
    if constexpr (std::is_same_v<Item, std::string>) {
      stmt.bind_text(3, items[i]);
    } else {
      stmt.bind_int(3, items[i]);
    }
    stmt.bind_int(4, static_cast<std::int64_t>(i)).run();
    stmt.reset();
  }
}

void replace_links(SqliteConnection& c, const AlertRule& rule) {
  for (std::string_view table :
       {"monitor_alerts_config_monitors", "monitor_alerts_config_triggers"}) {
    auto clear = c.prepare("DELETE FROM " + std::string(table) + " WHERE alert_config_id = ?1");
    clear.bind_int(1, rule.id).run();
  }
  insert_links(c, "monitor_alerts_config_monitors", "monitor_tag", rule.id, kMonitorRole,
               rule.monitors);
  insert_links(c, "monitor_alerts_config_monitors", "monitor_tag", rule.id, kDependsOnRole,
               rule.depends_on);
  insert_links(c, "monitor_alerts_config_triggers", "trigger_id", rule.id, kNotifyRole,
               rule.triggers);
  if (rule.escalation) {
    insert_links(c, "monitor_alerts_config_triggers", "trigger_id", rule.id, kEscalateRole,
                 rule.escalation->triggers);
  }
}

AlertState read_state(const SqliteStatement& stmt) {
  AlertState state;
  state.id = stmt.column_int(0);
  state.rule_id = stmt.column_int(1);
  state.monitor_tag = stmt.column_text(2);
  state.status = parse_alert_status(stmt.column_text(3)).value_or(AlertStatus::kResolved);
  state.triggered_at = stmt.column_int(4);
  state.resolved_at = optional_int(stmt, 5);
  state.incident_id = optional_int(stmt, 6);
  state.acknowledged_at = optional_int(stmt, 7);
  state.escalated = is_yes_flag(stmt.column_text(8));
  state.last_notified_at = stmt.column_int(9);
  state.sequence = stmt.column_int(10);
  state.last_transition =
      parse_alert_transition(stmt.column_text(11)).value_or(AlertTransition::kTriggered);
  state.notified_sequence = stmt.column_int(12);
  state.acknowledged_by = stmt.column_text(13);
  return state;
}

//! Inserts or replaces the state of (state.rule_id, state.monitor_tag) and sets its id.
void upsert_state(SqliteConnection& c, AlertState& state, Seconds now) {
  auto stmt = c.prepare(
      "INSERT INTO monitor_alerts_v2 (alert_config_id, monitor_tag, alert_status, "
      "triggered_at, resolved_at, incident_id, acknowledged_at, escalated, last_notified_at, "
      "sequence, last_transition, notified_sequence, updated_at, acknowledged_by) VALUES (" +
      sqlite_placeholders(14) +
      ") ON CONFLICT (alert_config_id, monitor_tag) DO UPDATE SET "
      "alert_status = excluded.alert_status, triggered_at = excluded.triggered_at, "
      "resolved_at = excluded.resolved_at, incident_id = excluded.incident_id, "
      "acknowledged_at = excluded.acknowledged_at, escalated = excluded.escalated, "
      "last_notified_at = excluded.last_notified_at, sequence = excluded.sequence, "
      "last_transition = excluded.last_transition, "
      "notified_sequence = excluded.notified_sequence, updated_at = excluded.updated_at, "
      "acknowledged_by = excluded.acknowledged_by RETURNING id");
  stmt.bind_int(1, state.rule_id)
      .bind_text(2, state.monitor_tag)
      .bind_text(3, to_string(state.status))
      .bind_int(4, state.triggered_at);
  bind_optional(stmt, 5, state.resolved_at);
  bind_optional(stmt, 6, state.incident_id);
  bind_optional(stmt, 7, state.acknowledged_at);
  stmt.bind_text(8, yes_no_flag(state.escalated))
      .bind_int(9, state.last_notified_at)
      .bind_int(10, state.sequence)
      .bind_text(11, to_string(state.last_transition))
      .bind_int(12, state.notified_sequence)
      .bind_int(13, now)
      .bind_text(14, state.acknowledged_by);
  if (stmt.step()) state.id = stmt.column_int(0);
}

AlertHistoryEntry read_history_entry(const SqliteStatement& stmt) {
  AlertHistoryEntry entry;
  entry.id = stmt.column_int(0);
  entry.rule_id = stmt.column_int(1);
  entry.monitor_tag = stmt.column_text(2);
  entry.from_status = parse_alert_status(stmt.column_text(3));
  entry.to_status = parse_alert_status(stmt.column_text(4)).value_or(AlertStatus::kTriggered);
  entry.value = stmt.column_text(5);
  entry.incident_id = optional_int(stmt, 6);
  entry.acknowledged_by = stmt.column_text(7);
  entry.acknowledged_at = optional_int(stmt, 8);
  entry.created_at = stmt.column_int(9);
  return entry;
}

}  // namespace

Seconds SqliteAlertStore::now() const {
  return to_seconds(database_.clock().now_ms());
}

std::vector<AlertRule> SqliteAlertStore::list_rules() {
  std::vector<AlertRule> rules;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "SELECT id, alert_for, alert_value, failure_threshold, success_threshold, severity, "
        "create_incident, is_active, description, reminder_minutes, escalation_after_minutes, "
        "created_at, updated_at FROM monitor_alerts_config ORDER BY id");
    while (stmt.step()) rules.push_back(read_rule(stmt));
    load_links(c, rules);
  });
  return rules;
}

AlertRule SqliteAlertStore::create_rule(const AlertRule& rule) {
  AlertRule stored = rule;
  stored.created_at = stored.updated_at = now();
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "INSERT INTO monitor_alerts_config (alert_for, alert_value, failure_threshold, "
        "success_threshold, severity, create_incident, is_active, description, reminder_minutes, "
        "escalation_after_minutes, created_at, updated_at) VALUES (" +
        sqlite_placeholders(12) + ") RETURNING id");
    bind_rule(stmt, stored);
    stmt.bind_int(11, stored.created_at).bind_int(12, stored.updated_at);
    if (stmt.step()) stored.id = stmt.column_int(0);
    replace_links(c, stored);
  });
  return stored;
}

std::optional<AlertRule> SqliteAlertStore::update_rule(const AlertRule& rule) {
  AlertRule stored = rule;
  stored.updated_at = now();
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "UPDATE monitor_alerts_config SET alert_for = ?1, alert_value = ?2, "
        "failure_threshold = ?3, success_threshold = ?4, severity = ?5, create_incident = ?6, "
        "is_active = ?7, description = ?8, reminder_minutes = ?9, escalation_after_minutes = ?10, "
        "updated_at = ?11 WHERE id = ?12 RETURNING created_at");
    bind_rule(stmt, stored);
    stmt.bind_int(11, stored.updated_at).bind_int(12, stored.id);
    found = stmt.step();
    if (!found) return;
    stored.created_at = stmt.column_int(0);
    replace_links(c, stored);
    c.prepare(
         "DELETE FROM monitor_alerts_v2 WHERE alert_config_id = ?1 AND monitor_tag NOT IN "
         "(SELECT monitor_tag FROM monitor_alerts_config_monitors WHERE alert_config_id = ?1 "
         "AND role = 'MONITOR')")
        .bind_int(1, stored.id)
        .run();
  });
  if (!found) return std::nullopt;
  return stored;
}

bool SqliteAlertStore::remove_rule(std::int64_t id) {
  bool found = false;
  database_.write([&](SqliteConnection& c) {
    c.prepare("DELETE FROM monitor_alerts_config WHERE id = ?1").bind_int(1, id).run();
    found = c.changes() > 0;
  });
  return found;
}

std::vector<AlertState> SqliteAlertStore::states(std::optional<std::int64_t> rule_id) {
  std::vector<AlertState> states;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(
        "SELECT id, alert_config_id, monitor_tag, alert_status, triggered_at, resolved_at, "
        "incident_id, acknowledged_at, escalated, last_notified_at, sequence, last_transition, "
        "notified_sequence, acknowledged_by FROM monitor_alerts_v2 "
        "WHERE ?1 IS NULL OR alert_config_id = ?1 "
        "ORDER BY alert_config_id, monitor_tag");
    bind_optional(stmt, 1, rule_id);
    while (stmt.step()) states.push_back(read_state(stmt));
  });
  return states;
}

AlertState SqliteAlertStore::save_state(const AlertState& state) {
  AlertState stored = state;
  database_.write([&](SqliteConnection& c) { upsert_state(c, stored, now()); });
  return stored;
}

AlertState SqliteAlertStore::save_transition(const AlertState& state,
                                             const AlertHistoryEntry& change) {
  AlertState stored = state;
  database_.write([&](SqliteConnection& c) {
    upsert_state(c, stored, now());
    auto stmt = c.prepare(
        "INSERT INTO monitor_alerts_history (alert_config_id, monitor_tag, from_status, "
        "to_status, value, incident_id, acknowledged_by, acknowledged_at, created_at) VALUES (" +
        sqlite_placeholders(9) + ")");
    stmt.bind_int(1, change.rule_id).bind_text(2, change.monitor_tag);
    if (change.from_status) {
      stmt.bind_text(3, to_string(*change.from_status));
    } else {
      stmt.bind_null(3);
    }
    stmt.bind_text(4, to_string(change.to_status)).bind_text(5, change.value);
    bind_optional(stmt, 6, change.incident_id);
    stmt.bind_text(7, change.acknowledged_by);
    bind_optional(stmt, 8, change.acknowledged_at);
    stmt.bind_int(9, change.created_at).run();
  });
  return stored;
}

AlertHistoryPage SqliteAlertStore::history(std::int64_t rule_id, std::int64_t offset,
                                           std::int64_t limit) {
  AlertHistoryPage page;
  database_.read([&](SqliteConnection& c) {
    auto count =
        c.prepare("SELECT COUNT(*) FROM monitor_alerts_history WHERE alert_config_id = ?1");
    count.bind_int(1, rule_id);
    if (count.step()) page.total = count.column_int(0);
    auto stmt = c.prepare(
        "SELECT id, alert_config_id, monitor_tag, from_status, to_status, value, incident_id, "
        "acknowledged_by, acknowledged_at, created_at FROM monitor_alerts_history "
        "WHERE alert_config_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3");
    stmt.bind_int(1, rule_id).bind_int(2, limit).bind_int(3, offset);
    while (stmt.step()) page.entries.push_back(read_history_entry(stmt));
  });
  return page;
}

std::int64_t SqliteAlertStore::prune_history(Seconds before) {
  return delete_in_batches(database_, "monitor_alerts_history", "created_at < ?1", before);
}

}  // namespace vigil
