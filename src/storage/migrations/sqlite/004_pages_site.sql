-- Status pages and site settings in Kener's shapes. Every database has a home page (path '').

CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  page_path TEXT NOT NULL UNIQUE,
  page_title TEXT NOT NULL,
  page_header TEXT NOT NULL,
  page_subheader TEXT NOT NULL DEFAULT '',
  page_logo TEXT NOT NULL DEFAULT '',
  page_settings_json TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The monitors of each page in display order. Deleting a page or a monitor deletes its links.
CREATE TABLE pages_monitors (
  page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
  monitor_tag TEXT NOT NULL REFERENCES monitors (tag) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (page_id, monitor_tag)
) WITHOUT ROWID;

-- The foreign key's cascade looks links up by tag.
CREATE INDEX pages_monitors_by_tag ON pages_monitors (monitor_tag);

-- One row per site setting that has been set; value is JSON text.
CREATE TABLE site_data (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  data_type TEXT NOT NULL CHECK (data_type IN ('string', 'object'))
) WITHOUT ROWID;

INSERT INTO pages (page_path, page_title, page_header, page_subheader, created_at, updated_at)
VALUES ('', 'Home', 'Service Status', 'Real-time status of our services',
        CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
