#pragma once

#include "core/check_result.hpp"
#include "pipeline/check_job.hpp"

namespace vigil {

//! Where the scheduler sends due checks (an executor, or a transport to one).
class JobSink {
 public:
  virtual ~JobSink() = default;
  //! Hands over a job; false when the receiver is full and the job was not taken.
  virtual bool submit(CheckJob job) = 0;
};

//! Where executors send finished checks (the ingestor, or a transport to it).
class ResultSink {
 public:
  virtual ~ResultSink() = default;
  //! Hands over a result; the receiver owns storing it.
  virtual void submit(CheckResult result) = 0;
};

}  // namespace vigil
