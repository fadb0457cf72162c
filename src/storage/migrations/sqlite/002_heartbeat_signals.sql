-- The last push of each HEARTBEAT monitor (Kener's last_heartbeat cache, made durable).
-- Deleting the monitor deletes its row.
CREATE TABLE heartbeat_signals (
  monitor_tag TEXT PRIMARY KEY REFERENCES monitors (tag) ON DELETE CASCADE,
  at_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  message TEXT NOT NULL,
  ping_ms REAL
) WITHOUT ROWID;
