// Times the 90-day uptime of many monitors computed from the rollups, as status pages and
// badges compute it. Writes N monitors' minute, hour and day rows for D days into a fresh SQLite
// store, then runs StatusSummaryService::summaries over all of them several times.
// Usage: uptime_bench [MONITORS] [DAYS]   (defaults 1000 90)
// Prints: uptime90d_1000_monitors_ms=<median> (named after the defaults whatever N and D are).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/clock.hpp"
#include "core/rollup_plan.hpp"
#include "services/live_state.hpp"
#include "services/status_summary_service.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_result_store.hpp"

namespace {

using namespace vigil;

constexpr int kRuns = 7;

Bucket full_bucket(Seconds start, Granularity granularity, int monitor) {
  Bucket bucket;
  bucket.start = start;
  const std::int64_t minutes = period_of(granularity) / kMinute;
  const std::int64_t down = (monitor + start / kDay) % 97 == 0 ? minutes / 10 : 0;
  bucket.counts.up = minutes - down;
  bucket.counts.down = down;
  for (std::int64_t i = 0; i < minutes; i += std::max<std::int64_t>(1, minutes / 8)) {
    bucket.latency.add(50.0 + static_cast<double>((monitor * 7 + i) % 90));
  }
  return bucket;
}

// Rows for every span the 90-day window reads, as the ingestor would have written them: the
// spans' rows, and today's day row so far (the ingestor rolls every tier up at once).
void fill(ResultStore& store, int monitors, Seconds now, Seconds window) {
  const Seconds end = now / kMinute * kMinute + kMinute;
  const Seconds today = floor_to(now, kDay);
  for (int m = 0; m < monitors; ++m) {
    const std::string tag = "m" + std::to_string(m);
    WriteBatch batch;
    Bucket today_so_far;
    today_so_far.start = today;
    for (const auto& span : plan_rollup_spans(end - window, end)) {
      for (Seconds t = span.from; t < span.to; t += period_of(span.granularity)) {
        const Bucket bucket = full_bucket(t, span.granularity, m);
        if (t >= today) today_so_far.merge(bucket);
        batch.buckets.push_back(BucketWrite{tag, span.granularity, bucket, BucketWriteMode::kAdd});
      }
    }
    batch.buckets.push_back(
        BucketWrite{tag, Granularity::kDay, today_so_far, BucketWriteMode::kAdd});
    store.write(batch);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int monitors = argc > 1 ? std::stoi(argv[1]) : 1000;
  const int days = argc > 2 ? std::stoi(argv[2]) : 90;
  const auto dir =
      std::filesystem::temp_directory_path() / ("vigil-uptime-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  {
    SystemClock clock;
    SqliteDatabase database((dir / "vigil.db").string());
    SqliteResultStore store(database);
    const Seconds window = days * kDay;
    fill(store, monitors, to_seconds(clock.now_ms()), window);

    std::vector<std::shared_ptr<const MonitorSpec>> specs;
    for (int m = 0; m < monitors; ++m) {
      auto spec = std::make_shared<MonitorSpec>();
      spec->tag = "m" + std::to_string(m);
      specs.push_back(spec);
    }
    LiveState live;
    StatusSummaryService summaries(
        [&](Granularity g, Seconds from, Seconds to) { return store.sum_buckets(g, from, to); },
        live, clock);

    std::vector<double> timings;
    std::size_t with_uptime = 0;
    std::vector<std::int64_t> first_counts;
    for (int run = 0; run < kRuns; ++run) {
      const auto started = std::chrono::steady_clock::now();
      const auto result = summaries.summaries(specs, window);
      timings.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
      with_uptime =
          static_cast<std::size_t>(std::count_if(result.begin(), result.end(), [](const auto& s) {
            return s.uptime_percent.has_value();
          }));
      // Every run must see the same samples: the cache may only save reads.
      std::vector<std::int64_t> counts;
      for (const auto& summary : result) counts.push_back(summary.counts.total());
      if (run == 0) first_counts = counts;
      if (counts != first_counts) {
        std::fprintf(stderr, "run %d saw other sample counts than the first\n", run);
        return 1;
      }
    }
    // The first run reads every span; later ones find the settled past cached.
    const double cold = timings.front();
    std::sort(timings.begin(), timings.end());
    std::printf(
        "%d monitors x %d days: %zu uptimes computed; cold (first) %.1f ms, "
        "min %.1f ms, median %.1f ms\n",
        monitors, days, with_uptime, cold, timings.front(), timings[kRuns / 2]);
    std::printf("uptime90d_1000_monitors_ms=%.1f\n", timings[kRuns / 2]);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
