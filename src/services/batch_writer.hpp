#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "storage/result_store.hpp"

namespace vigil {

//! The single writer thread: collects writes from any thread into one batch and commits it to
//! the ResultStore every `interval` (or sooner when `max_rows` are waiting), one transaction per
//! batch. Each enqueue gets a ticket; committed() tells which tickets are durable. A failed
//! commit is retried with the same rows, so nothing accepted is dropped.
class BatchWriter {
 public:
  //! Called on the writer thread just before each commit, so producers can add to the batch.
  using BeforeCommit = std::function<void()>;
  //! Called on the writer thread after a successful commit with its ticket.
  using AfterCommit = std::function<void(std::uint64_t ticket)>;

  BatchWriter(ResultStore& store, std::chrono::milliseconds interval, std::size_t max_rows);
  ~BatchWriter();
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  //! Sets the hooks; call before start().
  void set_hooks(BeforeCommit before, AfterCommit after);
  //! Starts the writer thread.
  void start();
  //! Adds rows to the open batch; returns the ticket of the commit that will include them.
  std::uint64_t enqueue(WriteBatch&& part);
  //! Blocks until everything enqueued before the call is committed.
  void flush();
  //! Flushes and stops the thread.
  void stop();
  //! Highest committed ticket (0 before the first commit).
  std::uint64_t committed() const { return committed_.load(); }
  //! Rows waiting in the open batch.
  std::size_t backlog() const;
  //! Commits that failed and were retried.
  std::uint64_t failures() const { return failures_.load(); }

 private:
  void run();
  void commit_once();

  ResultStore& store_;
  std::chrono::milliseconds interval_;
  std::size_t max_rows_;
  BeforeCommit before_;
  AfterCommit after_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable committed_cv_;
  WriteBatch open_;
  std::uint64_t open_ticket_ = 1;
  std::atomic<std::uint64_t> committed_{0};
  std::atomic<std::uint64_t> failures_{0};
  std::uint64_t flush_requested_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigil
