#include "services/ingestor.hpp"

#include <spdlog/spdlog.h>

namespace vigil {
namespace {

//! How a replaced minute changes the hour and day that contain it: new minus old.
Bucket correction(const Bucket& old_row, const Bucket& new_row, Seconds start) {
  Bucket delta;
  delta.start = start;
  delta.counts = new_row.counts;
  delta.counts.up -= old_row.counts.up;
  delta.counts.degraded -= old_row.counts.degraded;
  delta.counts.down -= old_row.counts.down;
  delta.counts.maintenance -= old_row.counts.maintenance;
  delta.latency.sum = new_row.latency.sum - old_row.latency.sum;
  delta.latency.count = new_row.latency.count - old_row.latency.count;
  delta.latency.min = new_row.latency.min;
  delta.latency.max = new_row.latency.max;
  delta.type = new_row.type;
  return delta;
}

}  // namespace

Ingestor::Ingestor(ResultStore& store, BatchWriter& writer, LiveState& live, const Clock& clock,
                   ThresholdLookup threshold)
    : store_(store),
      writer_(writer),
      live_(live),
      clock_(clock),
      threshold_(std::move(threshold)) {}

void Ingestor::submit(CheckResult result) {
  if (result.latency_ms < 0) result.latency_ms = 0;
  if (sampled_) sampled_(result);
  MinuteLayers layers;
  if (impacts_) layers = impacts_(result.monitor_tag, to_seconds(result.started_ms));
  layers.check = result.status;
  const Status shown = merge_minute(layers);
  const std::string_view type = layers.maintenance ? "MAINTENANCE"
                                : layers.incident  ? "INCIDENT"
                                                   : row_type(result.error_kind);
  book_.add(result, shown, type);
  LiveStatus observed{shown, result.latency_ms, result.started_ms, std::string(type)};
  if (auto previous = live_.observe(result.monitor_tag, observed, threshold_(result.monitor_tag))) {
    spdlog::info("monitor {}: {} -> {}{}{}", result.monitor_tag, to_string(*previous),
                 to_string(shown), result.error_message.empty() ? "" : ": ", result.error_message);
  }
  WriteBatch part;
  part.results.push_back(std::move(result));
  writer_.enqueue(std::move(part));
}

void Ingestor::close_buckets() {
  auto closed = book_.take_closed(to_seconds(clock_.now_ms()), false);
  if (closed.empty()) return;
  WriteBatch part;
  part.buckets = closed;
  book_.handed(closed, writer_.enqueue(std::move(part)));
}

void Ingestor::flush_all() {
  auto all = book_.take_closed(0, true);
  if (!all.empty()) {
    WriteBatch part;
    part.buckets = all;
    book_.handed(all, writer_.enqueue(std::move(part)));
  }
  writer_.flush();
}

void Ingestor::replace_minutes(const std::string& tag, const std::vector<Bucket>& minutes) {
  if (minutes.empty()) return;
  Seconds from = minutes.front().start;
  Seconds to = minutes.back().start + kMinute;
  std::map<Seconds, Bucket> old_rows;
  for (auto& row : read(tag, Granularity::kMinute, from, to)) old_rows.emplace(row.start, row);

  WriteBatch part;
  for (const Bucket& minute : minutes) {
    book_.discard_open(tag, Granularity::kMinute, minute.start);
    part.buckets.push_back(
        BucketWrite{tag, Granularity::kMinute, minute, BucketWriteMode::kReplace});
    const Bucket& old_row = old_rows[minute.start];
    for (Granularity g : {Granularity::kHour, Granularity::kDay}) {
      book_.adjust_open(tag, g, correction(old_row, minute, floor_to(minute.start, period_of(g))));
    }
  }
  book_.handed(part.buckets, writer_.enqueue(std::move(part)));
  const Bucket& last = minutes.back();
  if (last.start + kMinute >= floor_to(to_seconds(clock_.now_ms()), kMinute)) {
    live_.set(tag, LiveStatus{last.status(), last.latency.avg(), last.start * 1000, last.type});
  }
  writer_.flush();
  if (rewritten_) rewritten_(tag);
}

void Ingestor::forget(const std::string& tag) {
  book_.forget(tag);
  live_.remove(tag);
}

template <class ReadStored>
auto Ingestor::consistent_read(const std::string& tag, Granularity granularity, Seconds from,
                               Seconds to, ReadStored read_stored) {
  // Pending writes are copied before the store is read. A commit in between would show its rows
  // twice (or, if it happened before the copy, still once); retry until no commit happened.
  for (int attempt = 0;; ++attempt) {
    std::uint64_t before = writer_.committed();
    auto pending = book_.pending(tag, granularity, from, to, before);
    auto stored = read_stored();
    if (writer_.committed() == before || attempt >= 5) {
      return std::make_pair(std::move(stored), std::move(pending));
    }
  }
}

std::vector<Bucket> Ingestor::read(const std::string& tag, Granularity granularity, Seconds from,
                                   Seconds to) {
  auto [stored, pending] = consistent_read(
      tag, granularity, from, to, [&] { return store_.read_buckets(tag, granularity, from, to); });
  std::map<Seconds, Bucket> rows;
  for (auto& b : stored) rows.emplace(b.start, std::move(b));
  for (const auto& w : pending) {
    Bucket& row = rows[w.bucket.start];
    row.start = w.bucket.start;
    apply_bucket_write(row, w);
  }
  std::vector<Bucket> out;
  out.reserve(rows.size());
  for (auto& [start, row] : rows) {
    if (row.counts.total() != 0) out.push_back(std::move(row));
  }
  return out;
}

std::map<std::string, Bucket> Ingestor::sum(Granularity granularity, Seconds from, Seconds to) {
  auto [sums, pending] = consistent_read("", granularity, from, to,
                                         [&] { return store_.sum_buckets(granularity, from, to); });
  for (const auto& w : pending) {
    // A pending replace cannot be folded into a sum; until it commits the sum shows the old row.
    if (w.mode == BucketWriteMode::kAdd) sums[w.monitor_tag].merge(w.bucket);
  }
  return sums;
}

}  // namespace vigil
