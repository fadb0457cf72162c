#include "storage/sqlite/sqlite_result_store.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace vigil {
namespace {

// On-disk codes: the index in these arrays, independent of the enums' declaration order.
constexpr std::array kStatusCodes{Status::kUp, Status::kDegraded, Status::kDown,
                                  Status::kMaintenance, Status::kNoData};
constexpr std::array kErrorKindCodes{ErrorKind::kNone, ErrorKind::kTimeout, ErrorKind::kRefused,
                                     ErrorKind::kDns,  ErrorKind::kTls,     ErrorKind::kProtocol,
                                     ErrorKind::kError};

template <class Enum, std::size_t N>
std::int64_t encode(const std::array<Enum, N>& codes, Enum value) {
  return std::find(codes.begin(), codes.end(), value) - codes.begin();
}

template <class Enum, std::size_t N>
Enum decode(const std::array<Enum, N>& codes, std::int64_t code) {
  if (code < 0 || code >= static_cast<std::int64_t>(N)) {
    throw std::runtime_error("sqlite: unknown code " + std::to_string(code) + " in check_results");
  }
  return codes[static_cast<std::size_t>(code)];
}

std::int64_t to_micros(double ms) {
  return std::llround(ms * 1000.0);
}
double to_millis(std::int64_t us) {
  return static_cast<double>(us) / 1000.0;
}

constexpr std::array kGranularities{Granularity::kMinute, Granularity::kHour, Granularity::kDay};

std::string table_of(Granularity granularity) {
  switch (granularity) {
    case Granularity::kMinute:
      return "monitoring_data";
    case Granularity::kHour:
      return "monitoring_data_hourly";
    case Granularity::kDay:
      return "monitoring_data_daily";
  }
  throw std::logic_error("unknown granularity");
}

// Bound as ?1..?18 by bind_result and read back in this order by read_result.
constexpr std::string_view kResultColumns =
    "monitor_tag, started_ms, check_id, start_delay_ms, status, latency_us, dns_us, connect_us, "
    "tls_us, first_byte_us, total_us, http_code, certificate_expiry_ms, resolved_ip, dns_rcode, "
    "error_kind, error_message, details";
constexpr int kResultColumnCount = 18;

void bind_result(SqliteStatement& stmt, const CheckResult& r) {
  stmt.bind_text(1, r.monitor_tag)
      .bind_int(2, r.started_ms)
      .bind_int(3, static_cast<std::int64_t>(r.check_id))
      .bind_int(4, r.started_ms - r.due_ms)
      .bind_int(5, encode(kStatusCodes, r.status))
      .bind_int(6, to_micros(r.latency_ms))
      .bind_int(7, to_micros(r.phases.dns_ms))
      .bind_int(8, to_micros(r.phases.connect_ms))
      .bind_int(9, to_micros(r.phases.tls_ms))
      .bind_int(10, to_micros(r.phases.first_byte_ms))
      .bind_int(11, to_micros(r.phases.total_ms))
      .bind_int(12, r.http_code)
      .bind_text(14, r.resolved_ip)
      .bind_int(15, r.dns_rcode)
      .bind_int(16, encode(kErrorKindCodes, r.error_kind))
      .bind_text(17, r.error_message)
      .bind_text(18, r.details);
  if (r.certificate_expiry_ms) stmt.bind_int(13, *r.certificate_expiry_ms);
}

CheckResult read_result(const SqliteStatement& stmt) {
  CheckResult r;
  r.monitor_tag = stmt.column_text(0);
  r.started_ms = stmt.column_int(1);
  r.check_id = static_cast<std::uint64_t>(stmt.column_int(2));
  r.due_ms = r.started_ms - stmt.column_int(3);
  r.status = decode(kStatusCodes, stmt.column_int(4));
  r.latency_ms = to_millis(stmt.column_int(5));
  r.phases.dns_ms = to_millis(stmt.column_int(6));
  r.phases.connect_ms = to_millis(stmt.column_int(7));
  r.phases.tls_ms = to_millis(stmt.column_int(8));
  r.phases.first_byte_ms = to_millis(stmt.column_int(9));
  r.phases.total_ms = to_millis(stmt.column_int(10));
  r.http_code = static_cast<int>(stmt.column_int(11));
  if (!stmt.is_null(12)) r.certificate_expiry_ms = stmt.column_int(12);
  r.resolved_ip = stmt.column_text(13);
  r.dns_rcode = static_cast<int>(stmt.column_int(14));
  r.error_kind = decode(kErrorKindCodes, stmt.column_int(15));
  r.error_message = stmt.column_text(16);
  r.details = stmt.column_text(17);
  return r;
}

// A bucket row after its monitor_tag, status and latency (mean) columns, which only Kener's
// readers use: read_bucket reads these in this order, bind_bucket binds them as ?4..?14.
constexpr std::string_view kBucketColumns =
    "timestamp, type, error_message, up_count, degraded_count, down_count, maintenance_count, "
    "latency_min, latency_max, latency_sum, latency_count";
constexpr int kBucketColumnCount = 14;

void bind_bucket(SqliteStatement& stmt, std::string_view tag, const Bucket& b) {
  stmt.bind_text(1, tag)
      .bind_text(2, to_string(b.status()))
      .bind_double(3, b.latency.avg())
      .bind_int(4, b.start)
      .bind_text(5, b.type)
      .bind_text(6, b.error_message)
      .bind_int(7, b.counts.up)
      .bind_int(8, b.counts.degraded)
      .bind_int(9, b.counts.down)
      .bind_int(10, b.counts.maintenance)
      .bind_double(11, b.latency.min)
      .bind_double(12, b.latency.max)
      .bind_double(13, b.latency.sum)
      .bind_int(14, b.latency.count);
}

// Reads kBucketColumns starting at column `first`.
Bucket read_bucket(const SqliteStatement& stmt, int first) {
  Bucket b;
  b.start = stmt.column_int(first);
  b.type = stmt.column_text(first + 1);
  b.error_message = stmt.column_text(first + 2);
  b.counts.up = stmt.column_int(first + 3);
  b.counts.degraded = stmt.column_int(first + 4);
  b.counts.down = stmt.column_int(first + 5);
  b.counts.maintenance = stmt.column_int(first + 6);
  b.latency.min = stmt.column_double(first + 7);
  b.latency.max = stmt.column_double(first + 8);
  b.latency.sum = stmt.column_double(first + 9);
  b.latency.count = stmt.column_int(first + 10);
  return b;
}

// The distinct tags of `table` as the CTE `tags(tag)`, found with one key seek per tag (SQLite's
// "loose index scan" idiom) instead of a scan of every row. The last row is NULL.
std::string distinct_tags_cte(const std::string& table) {
  return "WITH RECURSIVE tags(tag) AS (SELECT min(monitor_tag) FROM " + table +
         " UNION ALL SELECT (SELECT monitor_tag FROM " + table +
         " WHERE monitor_tag > tags.tag ORDER BY monitor_tag LIMIT 1) FROM tags"
         " WHERE tags.tag IS NOT NULL) ";
}

void insert_results(SqliteConnection& c, const std::vector<CheckResult>& results) {
  if (results.empty()) return;
  // ON CONFLICT DO NOTHING rather than INSERT OR IGNORE: OR IGNORE would also skip rows that
  // fail a CHECK, and a bad row must fail the whole batch instead.
  auto stmt = c.prepare("INSERT INTO check_results (" + std::string(kResultColumns) + ") VALUES (" +
                        sqlite_placeholders(kResultColumnCount) + ") ON CONFLICT DO NOTHING");
  for (const CheckResult& result : results) {
    bind_result(stmt, result);
    stmt.run();
    stmt.reset();
  }
}

void write_buckets(SqliteConnection& c, Granularity granularity,
                   const std::vector<BucketWrite>& writes) {
  auto of_granularity = [&](const BucketWrite& w) { return w.granularity == granularity; };
  if (std::none_of(writes.begin(), writes.end(), of_granularity)) return;
  std::string table = table_of(granularity);
  auto select = c.prepare("SELECT " + std::string(kBucketColumns) + " FROM " + table +
                          " WHERE monitor_tag = ?1 AND timestamp = ?2");
  auto upsert = c.prepare("INSERT OR REPLACE INTO " + table + " (monitor_tag, status, latency, " +
                          std::string(kBucketColumns) + ") VALUES (" +
                          sqlite_placeholders(kBucketColumnCount) + ")");
  for (const BucketWrite& w : writes) {
    if (!of_granularity(w)) continue;
    Bucket bucket = w.bucket;
    if (w.mode == BucketWriteMode::kAdd) {
      select.bind_text(1, w.monitor_tag).bind_int(2, w.bucket.start);
      if (select.step()) {
        bucket = read_bucket(select, 0);
        bucket.merge(w.bucket);
      }
      select.reset();
    }
    bind_bucket(upsert, w.monitor_tag, bucket);
    upsert.run();
    upsert.reset();
  }
}

}  // namespace

SqliteResultStore::SqliteResultStore(SqliteDatabase& database) : database_(database) {}

void SqliteResultStore::write(const WriteBatch& batch) {
  if (batch.empty()) return;
  database_.write([&](SqliteConnection& c) {
    insert_results(c, batch.results);
    for (Granularity granularity : kGranularities) write_buckets(c, granularity, batch.buckets);
  });
}

std::vector<Bucket> SqliteResultStore::read_buckets(std::string_view tag, Granularity granularity,
                                                    Seconds from, Seconds to) {
  std::vector<Bucket> buckets;
  database_.read([&](SqliteConnection& c) {
    auto stmt =
        c.prepare("SELECT " + std::string(kBucketColumns) + " FROM " + table_of(granularity) +
                  " WHERE monitor_tag = ?1 AND timestamp >= ?2 AND timestamp < ?3"
                  " ORDER BY timestamp");
    stmt.bind_text(1, tag).bind_int(2, from).bind_int(3, to);
    while (stmt.step()) buckets.push_back(read_bucket(stmt, 0));
  });
  return buckets;
}

std::map<std::string, Bucket> SqliteResultStore::sum_buckets(Granularity granularity, Seconds from,
                                                             Seconds to) {
  std::string table = table_of(granularity);
  // The latest row's type and latest non-empty error, as Bucket::merge keeps them; the start is
  // the earliest stored row's.
  auto latest = [&](std::string_view column, std::string_view condition) {
    return "(SELECT e." + std::string(column) + " FROM " + table +
           " e WHERE e.monitor_tag = d.monitor_tag AND e.timestamp >= ?1 AND e.timestamp < ?2" +
           std::string(condition) + " ORDER BY e.timestamp DESC LIMIT 1)";
  };
  std::string sql = distinct_tags_cte(table) + "SELECT d.monitor_tag, min(d.timestamp), " +
                    latest("type", "") + ", coalesce(" +
                    latest("error_message", " AND e.error_message <> ''") + ", ''), " +
                    "sum(d.up_count), sum(d.degraded_count), sum(d.down_count), "
                    "sum(d.maintenance_count), "
                    "coalesce(min(CASE WHEN d.latency_count > 0 THEN d.latency_min END), 0), "
                    "coalesce(max(CASE WHEN d.latency_count > 0 THEN d.latency_max END), 0), "
                    "sum(d.latency_sum), sum(d.latency_count) FROM tags JOIN " +
                    table +
                    " d ON d.monitor_tag = tags.tag AND d.timestamp >= ?1 AND d.timestamp < ?2 "
                    "GROUP BY d.monitor_tag";
  std::map<std::string, Bucket> sums;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(sql);
    stmt.bind_int(1, from).bind_int(2, to);
    while (stmt.step()) sums.emplace(stmt.column_text(0), read_bucket(stmt, 1));
  });
  return sums;
}

std::vector<CheckResult> SqliteResultStore::read_results(std::string_view tag, Millis from_ms,
                                                         Millis to_ms, std::size_t limit) {
  std::vector<CheckResult> results;
  auto max_rows = static_cast<std::int64_t>(
      std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()));
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT " + std::string(kResultColumns) +
                          " FROM check_results WHERE monitor_tag = ?1 AND started_ms >= ?2 AND "
                          "started_ms < ?3 ORDER BY started_ms DESC, check_id DESC LIMIT ?4");
    stmt.bind_text(1, tag).bind_int(2, from_ms).bind_int(3, to_ms).bind_int(4, max_rows);
    while (stmt.step()) results.push_back(read_result(stmt));
  });
  return results;
}

std::int64_t SqliteResultStore::count_results() {
  std::int64_t count = 0;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare("SELECT count(*) FROM check_results");
    if (stmt.step()) count = stmt.column_int(0);
  });
  return count;
}

std::int64_t SqliteResultStore::prune(const RetentionPolicy& policy, Seconds now) {
  // Day rows are kept forever.
  return prune_table("check_results", "started_ms", (now - policy.raw) * 1000) +
         prune_table(table_of(Granularity::kMinute), "timestamp", now - policy.minute) +
         prune_table(table_of(Granularity::kHour), "timestamp", now - policy.hour);
}

std::int64_t SqliteResultStore::prune_table(std::string_view table, std::string_view time_column,
                                            std::int64_t cutoff) {
  // No timestamp index: it would grow every raw row by about a third. Each tag's old rows are a
  // key range, found with one seek.
  constexpr std::size_t kTagsPerTransaction = 200;
  std::string name(table);
  std::vector<std::string> tags;
  database_.read([&](SqliteConnection& c) {
    auto stmt = c.prepare(distinct_tags_cte(name) + "SELECT tag FROM tags WHERE tag IS NOT NULL");
    while (stmt.step()) tags.push_back(stmt.column_text(0));
  });
  std::int64_t deleted = 0;
  for (std::size_t first = 0; first < tags.size(); first += kTagsPerTransaction) {
    std::size_t last = std::min(tags.size(), first + kTagsPerTransaction);
    database_.write([&](SqliteConnection& c) {
      auto stmt = c.prepare("DELETE FROM " + name + " WHERE monitor_tag = ?1 AND " +
                            std::string(time_column) + " < ?2");
      for (std::size_t i = first; i < last; ++i) {
        stmt.bind_text(1, tags[i]).bind_int(2, cutoff).run();
        deleted += c.changes();
        stmt.reset();
      }
    });
  }
  return deleted;
}

}  // namespace vigil
