-- Alert history: one row per status change of a (rule, monitor) alert, appended in the same
-- transaction as the state change and never updated; from_status is NULL on the pair's first
-- firing. It outlives a monitor's removal from the rule (no link to monitors) but not the rule.
-- Who acknowledged a firing alert is kept with its state. created_at indexes let retention
-- delete old finished deliveries and old history without scanning.

ALTER TABLE monitor_alerts_v2 ADD COLUMN acknowledged_by TEXT;

CREATE TABLE monitor_alerts_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_config_id INTEGER NOT NULL REFERENCES monitor_alerts_config (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL,
  from_status TEXT CHECK (from_status IN ('TRIGGERED', 'RESOLVED')),
  to_status TEXT NOT NULL CHECK (to_status IN ('TRIGGERED', 'RESOLVED')),
  value TEXT NOT NULL,
  incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
  acknowledged_by TEXT,
  acknowledged_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX monitor_alerts_history_by_rule ON monitor_alerts_history (alert_config_id, id);
CREATE INDEX monitor_alerts_history_by_time ON monitor_alerts_history (created_at);

CREATE INDEX outbox_by_time ON outbox (created_at);
