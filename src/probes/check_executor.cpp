#include "probes/check_executor.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <utility>

namespace vigil {

//! A monitor's probe for one spec snapshot, or why its type_data does not build.
struct CheckExecutor::Compiled {
  std::shared_ptr<const MonitorSpec> spec;  // held so the snapshot's address stays unique
  std::unique_ptr<Probe> probe;
  std::string error;
};

CheckExecutor::CheckExecutor(boost::asio::io_context& io, CurlEngine& curl, const Clock& clock,
                             const ProbeRegistry& registry, ResultSink& results,
                             std::size_t max_in_flight)
    : io_(io),
      clock_(clock),
      registry_(registry),
      results_(results),
      context_{io, curl, clock},
      max_in_flight_(max_in_flight),
      alive_(std::make_shared<int>(0)) {}

CheckExecutor::~CheckExecutor() = default;

std::shared_ptr<CheckExecutor::Compiled> CheckExecutor::compiled_for(const CheckJob& job) {
  auto& cached = compiled_[job.monitor->tag];
  if (cached && cached->spec == job.monitor) return cached;
  cached = std::make_shared<Compiled>();
  cached->spec = job.monitor;
  auto built = registry_.build(*job.monitor);
  if (built) {
    cached->probe = std::move(*built);
  } else {
    cached->error = built.error().message;
  }
  return cached;
}

bool CheckExecutor::submit(CheckJob job) {
  if (in_flight_ >= max_in_flight_) {
    ++stats_.rejected;
    return false;
  }
  ++in_flight_;
  ++stats_.started;
  auto compiled = compiled_for(job);
  auto finish = [this, life = std::weak_ptr<int>(alive_), compiled, job,
                 started_ms = clock_.now_ms()](CheckResult result) {
    if (life.expired()) return;
    result.monitor_tag = job.monitor->tag;
    result.check_id = job.check_id;
    result.due_ms = job.due_ms;
    result.started_ms = started_ms;
    --in_flight_;
    ++stats_.finished;
    results_.submit(std::move(result));
  };
  if (compiled->probe) {
    compiled->probe->run(context_, std::move(finish));
    return true;
  }
  CheckResult failed;
  failed.status = Status::kDown;
  failed.error_kind = ErrorKind::kError;
  failed.error_message = compiled->error;
  boost::asio::post(io_, [finish = std::move(finish), failed = std::move(failed)]() mutable {
    finish(std::move(failed));
  });
  return true;
}

}  // namespace vigil
