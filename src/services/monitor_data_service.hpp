#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/bucket.hpp"
#include "core/error.hpp"
#include "core/status.hpp"
#include "services/ingestor.hpp"
#include "services/monitor_service.hpp"

namespace vigil {

//! One minute of one monitor as the v4 data routes show it (Kener's monitoring_data row).
struct DataPoint {
  std::string monitor_tag;
  Seconds timestamp = 0;  //!< minute start
  Status status = Status::kNoData;
  Bucket bucket;  //!< counts, latency stats, type and error message of the minute
};

//! The v4 monitor data use cases: read minute rows, and write MANUAL statuses (Kener's push path).
class MonitorDataService {
 public:
  //! Longest range one request may read or write (the minute tier's default retention).
  static constexpr Seconds kMaxRange = 90 * kDay;
  //! Returns a uniformly distributed number in [-1, 1]; injected for the deviation jitter.
  using Jitter = std::function<double()>;

  MonitorDataService(MonitorService& monitors, Ingestor& ingestor, Jitter jitter);

  //! Minute rows in [start_ts, end_ts) (both floored to minutes).
  Result<std::vector<DataPoint>> range(const std::string& tag, Seconds start_ts, Seconds end_ts);
  //! The minute containing `ts`; kNotFound when there is no row.
  Result<DataPoint> point(const std::string& tag, Seconds ts);
  //! Inserts or replaces the minute containing `ts` as a MANUAL row.
  Result<DataPoint> upsert_point(const std::string& tag, Seconds ts, Status status,
                                 double latency_ms);
  //! Overwrites every minute of [start_ts, end_ts) with MANUAL rows; latency varies by up to
  //! ±deviation. Returns how many minutes were written.
  Result<std::int64_t> update_range(const std::string& tag, Seconds start_ts, Seconds end_ts,
                                    Status status, double latency_ms, double deviation);

 private:
  std::optional<Error> check_monitor(const std::string& tag) const;
  DataPoint to_point(const std::string& tag, const Bucket& bucket) const;

  MonitorService& monitors_;
  Ingestor& ingestor_;
  Jitter jitter_;
};

}  // namespace vigil
