#pragma once

#include <atomic>
#include <cstdint>

#include "core/histogram.hpp"
#include "pipeline/stage_ports.hpp"
#include "scheduler/scheduler.hpp"

namespace vigil {

//! Where executors deliver results in the single-process setup: records lateness and counts,
//! frees the monitor's slot in the scheduler, and passes the result to the ingestor.
class CompletedCheckSink final : public ResultSink {
 public:
  CompletedCheckSink(ResultSink& ingestor, Scheduler& scheduler)
      : ingestor_(ingestor), scheduler_(scheduler) {}

  //! ResultSink.
  void submit(CheckResult result) override;

  //! Start lateness (actual start − due time) of every check, in ms.
  const Histogram& lateness() const { return lateness_; }
  //! Checks completed so far.
  std::uint64_t completed() const { return completed_.load(); }
  //! Checks completed with a status other than UP.
  std::uint64_t failed() const { return failed_.load(); }

 private:
  ResultSink& ingestor_;
  Scheduler& scheduler_;
  Histogram lateness_;
  std::atomic<std::uint64_t> completed_{0};
  std::atomic<std::uint64_t> failed_{0};
};

}  // namespace vigil
