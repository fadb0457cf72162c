-- Subscribers (Kener's subscribers, plus webhooks and per-page / per-monitor scopes) and their
-- pending verification codes. Tokens and codes are kept only as hashes. Deleting a page or a
-- monitor drops it from every subscriber's choice; deleting a subscriber drops everything under it.

CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('EMAIL', 'WEBHOOK')),
  address TEXT NOT NULL,
  confirmed TEXT NOT NULL DEFAULT 'NO' CHECK (confirmed IN ('YES', 'NO')),
  status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
  wants_incidents TEXT NOT NULL DEFAULT 'YES' CHECK (wants_incidents IN ('YES', 'NO')),
  wants_maintenances TEXT NOT NULL DEFAULT 'YES' CHECK (wants_maintenances IN ('YES', 'NO')),
  everything TEXT NOT NULL DEFAULT 'YES' CHECK (everything IN ('YES', 'NO')),
  token_salt TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (kind, address)
);
CREATE INDEX subscribers_by_token ON subscribers (token_hash);

CREATE TABLE subscriber_pages (
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, page_id)
) WITHOUT ROWID;

CREATE TABLE subscriber_monitors (
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  PRIMARY KEY (subscriber_id, monitor_tag)
) WITHOUT ROWID;

-- Page ids and monitor tags of a pending choice are comma-separated: they are checked again
-- when the code is confirmed.
CREATE TABLE subscriber_codes (
  subscriber_id INTEGER PRIMARY KEY REFERENCES subscribers (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  wants_incidents TEXT NOT NULL CHECK (wants_incidents IN ('YES', 'NO')),
  wants_maintenances TEXT NOT NULL CHECK (wants_maintenances IN ('YES', 'NO')),
  everything TEXT NOT NULL CHECK (everything IN ('YES', 'NO')),
  page_ids TEXT NOT NULL DEFAULT '',
  monitor_tags TEXT NOT NULL DEFAULT ''
);
