-- Alerting: notification triggers (Kener's triggers), alert rules (Kener's
-- monitor_alerts_config) with their monitors, dependencies and triggers, and the alert state of
-- each (rule, monitor) pair (Kener's monitor_alerts_v2, one row per pair). Deleting a rule or a
-- monitor deletes its links and states; a trigger in use by a rule cannot be deleted.

CREATE TABLE triggers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  trigger_type TEXT NOT NULL,
  trigger_desc TEXT NOT NULL DEFAULT '',
  trigger_status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (trigger_status IN ('ACTIVE', 'INACTIVE')),
  trigger_meta TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE monitor_alerts_config (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_for TEXT NOT NULL CHECK (alert_for IN ('STATUS', 'LATENCY', 'UPTIME')),
  alert_value TEXT NOT NULL,
  failure_threshold INTEGER NOT NULL DEFAULT 1 CHECK (failure_threshold >= 1),
  success_threshold INTEGER NOT NULL DEFAULT 1 CHECK (success_threshold >= 1),
  severity TEXT NOT NULL DEFAULT 'WARNING' CHECK (severity IN ('WARNING', 'CRITICAL')),
  create_incident TEXT NOT NULL DEFAULT 'NO' CHECK (create_incident IN ('YES', 'NO')),
  is_active TEXT NOT NULL DEFAULT 'YES' CHECK (is_active IN ('YES', 'NO')),
  description TEXT NOT NULL DEFAULT '',
  reminder_minutes INTEGER NOT NULL DEFAULT 0 CHECK (reminder_minutes >= 0),
  escalation_after_minutes INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- role MONITOR: the rule watches the monitor; DEPENDS_ON: the rule holds firing while it is DOWN.
CREATE TABLE monitor_alerts_config_monitors (
  alert_config_id INTEGER NOT NULL REFERENCES monitor_alerts_config (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('MONITOR', 'DEPENDS_ON')),
  position INTEGER NOT NULL,
  PRIMARY KEY (alert_config_id, role, monitor_tag)
) WITHOUT ROWID;
CREATE INDEX monitor_alerts_config_monitors_by_tag ON monitor_alerts_config_monitors (monitor_tag);

-- role NOTIFY: told about every transition; ESCALATE: told when the alert escalates.
CREATE TABLE monitor_alerts_config_triggers (
  alert_config_id INTEGER NOT NULL REFERENCES monitor_alerts_config (id) ON DELETE CASCADE,
  trigger_id INTEGER NOT NULL REFERENCES triggers (id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('NOTIFY', 'ESCALATE')),
  position INTEGER NOT NULL,
  PRIMARY KEY (alert_config_id, role, trigger_id)
) WITHOUT ROWID;
CREATE INDEX monitor_alerts_config_triggers_by_trigger ON monitor_alerts_config_triggers (trigger_id);

CREATE TABLE monitor_alerts_v2 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_config_id INTEGER NOT NULL REFERENCES monitor_alerts_config (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  alert_status TEXT NOT NULL CHECK (alert_status IN ('TRIGGERED', 'RESOLVED')),
  triggered_at INTEGER NOT NULL,
  resolved_at INTEGER,
  incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
  acknowledged_at INTEGER,
  escalated TEXT NOT NULL DEFAULT 'NO' CHECK (escalated IN ('YES', 'NO')),
  last_notified_at INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  last_transition TEXT NOT NULL
    CHECK (last_transition IN ('TRIGGERED', 'RESOLVED', 'REMINDER', 'ESCALATED')),
  notified_sequence INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  UNIQUE (alert_config_id, monitor_tag)
);
