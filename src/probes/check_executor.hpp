#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "pipeline/stage_ports.hpp"
#include "probes/probe_registry.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

class CurlEngine;

//! Counters an executor keeps.
struct ExecutorStats {
  std::uint64_t started = 0;
  std::uint64_t finished = 0;
  std::uint64_t rejected = 0;  //!< jobs refused because max_in_flight was reached
};

//! Runs check jobs with their probes on one event loop and sends each result on. A monitor's
//! probe is built once per spec snapshot and reused while the spec is unchanged.
class CheckExecutor final : public JobSink {
 public:
  CheckExecutor(boost::asio::io_context& io, CurlEngine& curl, const Clock& clock,
                const ProbeRegistry& registry, ResultSink& results, std::size_t max_in_flight);
  ~CheckExecutor() override;

  //! JobSink: must be called on the loop's thread; false when max_in_flight is reached.
  bool submit(CheckJob job) override;
  //! Checks currently running.
  std::size_t in_flight() const { return in_flight_; }
  //! Drops the cached probe of a deleted monitor (call on the loop's thread).
  void forget(const std::string& tag) { compiled_.erase(tag); }
  //! Counters so far.
  const ExecutorStats& stats() const { return stats_; }

 private:
  struct Compiled;
  std::shared_ptr<Compiled> compiled_for(const CheckJob& job);

  boost::asio::io_context& io_;
  const Clock& clock_;
  const ProbeRegistry& registry_;
  ResultSink& results_;
  ProbeContext context_;
  std::size_t max_in_flight_;
  std::size_t in_flight_ = 0;
  ExecutorStats stats_;
  std::unordered_map<std::string, std::shared_ptr<Compiled>> compiled_;
  std::shared_ptr<int> alive_;  // checks still running after destruction see it expired
};

}  // namespace vigil
