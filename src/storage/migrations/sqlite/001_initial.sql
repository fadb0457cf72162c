-- Vigil's first SQLite schema: Kener's monitors, api_keys and monitoring_data shapes, plus the
-- raw check results and the hour/day rollup tiers.

CREATE TABLE monitors (
  id INTEGER PRIMARY KEY,
  tag TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  image TEXT NOT NULL DEFAULT '',
  category_name TEXT NOT NULL DEFAULT '',
  monitor_type TEXT NOT NULL DEFAULT 'NONE',
  type_data TEXT NOT NULL DEFAULT '{}',
  cron TEXT NOT NULL DEFAULT '',
  interval_seconds INTEGER,
  default_status TEXT,
  status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  is_hidden TEXT NOT NULL DEFAULT 'NO' CHECK (is_hidden IN ('YES', 'NO')),
  confirmation_threshold INTEGER NOT NULL DEFAULT 1,
  include_degraded_in_downtime TEXT NOT NULL DEFAULT 'NO',
  monitor_settings_json TEXT NOT NULL DEFAULT '{}',
  external_url TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row per check, kept small: no rowid, the key is the only index (range reads and prunes
-- per tag walk it), status and error kind are small integers, timings integer microseconds, and
-- the due time is stored as the delay before the start. Zeros and NULLs cost one header byte.
CREATE TABLE check_results (
  monitor_tag TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  check_id INTEGER NOT NULL,
  start_delay_ms INTEGER NOT NULL,
  status INTEGER NOT NULL,
  latency_us INTEGER NOT NULL CHECK (latency_us >= 0),
  dns_us INTEGER NOT NULL,
  connect_us INTEGER NOT NULL,
  tls_us INTEGER NOT NULL,
  first_byte_us INTEGER NOT NULL,
  total_us INTEGER NOT NULL,
  http_code INTEGER NOT NULL,
  certificate_expiry_ms INTEGER,
  resolved_ip TEXT NOT NULL,
  dns_rcode INTEGER NOT NULL,
  error_kind INTEGER NOT NULL,
  error_message TEXT NOT NULL,
  PRIMARY KEY (monitor_tag, started_ms, check_id)
) WITHOUT ROWID;

-- Minute rollups in Kener's shape (status, latency = mean, type, error_message) plus the counts
-- and latency stats that let partial rows be merged exactly.
CREATE TABLE monitoring_data (
  monitor_tag TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  status TEXT NOT NULL,
  latency REAL NOT NULL,
  type TEXT NOT NULL,
  error_message TEXT NOT NULL,
  up_count INTEGER NOT NULL,
  degraded_count INTEGER NOT NULL,
  down_count INTEGER NOT NULL,
  maintenance_count INTEGER NOT NULL,
  latency_min REAL NOT NULL,
  latency_max REAL NOT NULL,
  latency_sum REAL NOT NULL,
  latency_count INTEGER NOT NULL,
  PRIMARY KEY (monitor_tag, timestamp)
) WITHOUT ROWID;

CREATE TABLE monitoring_data_hourly (
  monitor_tag TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  status TEXT NOT NULL,
  latency REAL NOT NULL,
  type TEXT NOT NULL,
  error_message TEXT NOT NULL,
  up_count INTEGER NOT NULL,
  degraded_count INTEGER NOT NULL,
  down_count INTEGER NOT NULL,
  maintenance_count INTEGER NOT NULL,
  latency_min REAL NOT NULL,
  latency_max REAL NOT NULL,
  latency_sum REAL NOT NULL,
  latency_count INTEGER NOT NULL,
  PRIMARY KEY (monitor_tag, timestamp)
) WITHOUT ROWID;

CREATE TABLE monitoring_data_daily (
  monitor_tag TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  status TEXT NOT NULL,
  latency REAL NOT NULL,
  type TEXT NOT NULL,
  error_message TEXT NOT NULL,
  up_count INTEGER NOT NULL,
  degraded_count INTEGER NOT NULL,
  down_count INTEGER NOT NULL,
  maintenance_count INTEGER NOT NULL,
  latency_min REAL NOT NULL,
  latency_max REAL NOT NULL,
  latency_sum REAL NOT NULL,
  latency_count INTEGER NOT NULL,
  PRIMARY KEY (monitor_tag, timestamp)
) WITHOUT ROWID;

CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  hashed_key TEXT NOT NULL UNIQUE,
  masked_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  created_at INTEGER NOT NULL
);
