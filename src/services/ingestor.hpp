#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/bucket.hpp"
#include "core/clock.hpp"
#include "core/minute_merge.hpp"
#include "core/monitor_spec.hpp"
#include "pipeline/stage_ports.hpp"
#include "services/batch_writer.hpp"
#include "services/live_state.hpp"
#include "services/rollup_book.hpp"
#include "storage/result_store.hpp"

namespace vigil {

//! Receives check results and manual statuses and makes them durable: a raw row per result,
//! minute/hour/day rollups kept open in memory and written when they close, and the live state.
//! The rollups and the live state show each minute's merged layers (check → incident impact →
//! maintenance impact); the raw row keeps what the check saw. Reads through it see stored rows
//! plus everything accepted but not yet committed.
class Ingestor final : public ResultSink {
 public:
  //! Gives the confirmation threshold of a monitor (1 when unknown).
  using ThresholdLookup = std::function<int(const std::string& tag)>;
  //! Gives the incident and maintenance layers in force on a monitor at a time.
  using ImpactLookup = std::function<MinuteLayers(const std::string& tag, Seconds t)>;
  //! Told of every accepted result as the check saw it (before the impact layers).
  using SampleListener = std::function<void(const CheckResult& result)>;

  Ingestor(ResultStore& store, BatchWriter& writer, LiveState& live, const Clock& clock,
           ThresholdLookup threshold);

  //! ResultSink: folds a result into the rollups, queues its raw row, updates the live state.
  void submit(CheckResult result) override;
  //! Hands buckets whose period has ended to the writer (called by the writer before a commit).
  void close_buckets();
  //! Hands every open bucket to the writer and waits for the commit (shutdown).
  void flush_all();
  //! Replaces the minutes [from, to) with one manual sample each (status, latency per minute)
  //! and corrects the hour and day rollups; returns when committed.
  void replace_minutes(const std::string& tag, const std::vector<Bucket>& minutes);
  //! Sets where the incident and maintenance layers come from (none: the check's status shows).
  void set_impact_lookup(ImpactLookup lookup) { impacts_ = std::move(lookup); }
  //! Sets who hears of every accepted result (the alert engine).
  void set_sample_listener(SampleListener listener) { sampled_ = std::move(listener); }
  //! Called after replace_minutes() committed, with the monitor whose past was rewritten.
  void set_rewrite_listener(std::function<void(const std::string& tag)> listener) {
    rewritten_ = std::move(listener);
  }
  //! Tells the ingestor that the writer committed `ticket` (wired to BatchWriter's hook).
  void committed(std::uint64_t ticket) { book_.committed(ticket); }
  //! Forgets a deleted monitor's pending rows and live state.
  void forget(const std::string& tag);

  //! Rows of one monitor and tier with start in [from, to), stored plus pending.
  std::vector<Bucket> read(const std::string& tag, Granularity granularity, Seconds from,
                           Seconds to);
  //! Per monitor, the merge of its rows of one tier in [from, to), stored plus pending.
  std::map<std::string, Bucket> sum(Granularity granularity, Seconds from, Seconds to);

 private:
  //! Reads the store and the pending writes as one consistent view (see the .cpp).
  template <class ReadStored>
  auto consistent_read(const std::string& tag, Granularity granularity, Seconds from, Seconds to,
                       ReadStored read_stored);

  ResultStore& store_;
  BatchWriter& writer_;
  LiveState& live_;
  const Clock& clock_;
  ThresholdLookup threshold_;
  RollupBook book_;
  std::function<void(const std::string& tag)> rewritten_;
  ImpactLookup impacts_;
  SampleListener sampled_;
};

}  // namespace vigil
