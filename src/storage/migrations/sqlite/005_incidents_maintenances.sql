-- Incidents with their monitor impacts and timeline comments, and maintenances with their
-- monitor impacts and planned windows (Kener's tables; maintenance_events is Kener's
-- maintenances_events). Deleting a monitor deletes its links; deleting an incident or a
-- maintenance deletes everything under it.

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  start_date_time INTEGER NOT NULL,
  end_date_time INTEGER,
  state TEXT NOT NULL DEFAULT 'INVESTIGATING'
    CHECK (state IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
  incident_source TEXT NOT NULL DEFAULT 'API'
    CHECK (incident_source IN ('DASHBOARD', 'API', 'ALERT')),
  is_global TEXT NOT NULL DEFAULT 'YES' CHECK (is_global IN ('YES', 'NO')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX incidents_by_start ON incidents (start_date_time);
CREATE INDEX incidents_by_end ON incidents (end_date_time);

CREATE TABLE incident_monitors (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  monitor_impact TEXT NOT NULL CHECK (monitor_impact IN ('DOWN', 'DEGRADED')),
  PRIMARY KEY (incident_id, monitor_tag)
) WITHOUT ROWID;
CREATE INDEX incident_monitors_by_tag ON incident_monitors (monitor_tag);

CREATE TABLE incident_comments (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  comment TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
  commented_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX incident_comments_by_incident ON incident_comments (incident_id, commented_at);

CREATE TABLE maintenances (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  start_date_time INTEGER NOT NULL,
  rrule TEXT NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
  timezone TEXT NOT NULL DEFAULT 'UTC',
  status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  is_global TEXT NOT NULL DEFAULT 'YES' CHECK (is_global IN ('YES', 'NO')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE maintenance_monitors (
  maintenance_id INTEGER NOT NULL REFERENCES maintenances (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  monitor_impact TEXT NOT NULL DEFAULT 'MAINTENANCE'
    CHECK (monitor_impact IN ('UP', 'DOWN', 'DEGRADED', 'MAINTENANCE')),
  PRIMARY KEY (maintenance_id, monitor_tag)
) WITHOUT ROWID;
CREATE INDEX maintenance_monitors_by_tag ON maintenance_monitors (monitor_tag);

-- occurrence_start is the rule's time the event was planned for; it stays when the window is
-- moved by hand, so the next expansion does not plan that occurrence again.
CREATE TABLE maintenance_events (
  id INTEGER PRIMARY KEY,
  maintenance_id INTEGER NOT NULL REFERENCES maintenances (id) ON DELETE CASCADE,
  occurrence_start INTEGER NOT NULL,
  start_date_time INTEGER NOT NULL,
  end_date_time INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'SCHEDULED'
    CHECK (status IN ('SCHEDULED', 'READY', 'ONGOING', 'COMPLETED', 'CANCELLED')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (maintenance_id, start_date_time)
);
CREATE INDEX maintenance_events_by_occurrence ON maintenance_events (maintenance_id, occurrence_start);
CREATE INDEX maintenance_events_by_start ON maintenance_events (start_date_time);
CREATE INDEX maintenance_events_by_status ON maintenance_events (status);
