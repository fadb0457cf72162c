#include "services/batch_writer.hpp"

#include <spdlog/spdlog.h>

namespace vigil {

BatchWriter::BatchWriter(ResultStore& store, std::chrono::milliseconds interval,
                         std::size_t max_rows)
    : store_(store), interval_(interval), max_rows_(max_rows) {}

BatchWriter::~BatchWriter() {
  stop();
}

void BatchWriter::set_hooks(BeforeCommit before, AfterCommit after) {
  before_ = std::move(before);
  after_ = std::move(after);
}

void BatchWriter::start() {
  thread_ = std::thread([this] { run(); });
}

std::uint64_t BatchWriter::enqueue(WriteBatch&& part) {
  std::lock_guard lock(mutex_);
  auto& results = open_.results;
  results.insert(results.end(), std::make_move_iterator(part.results.begin()),
                 std::make_move_iterator(part.results.end()));
  auto& buckets = open_.buckets;
  buckets.insert(buckets.end(), std::make_move_iterator(part.buckets.begin()),
                 std::make_move_iterator(part.buckets.end()));
  if (results.size() + buckets.size() >= max_rows_) wake_.notify_one();
  return open_ticket_;
}

std::size_t BatchWriter::backlog() const {
  std::lock_guard lock(mutex_);
  return open_.results.size() + open_.buckets.size();
}

void BatchWriter::flush() {
  std::unique_lock lock(mutex_);
  if (!thread_.joinable()) {
    lock.unlock();
    commit_once();
    return;
  }
  std::uint64_t target = open_ticket_;
  flush_requested_ = std::max(flush_requested_, target);
  wake_.notify_one();
  committed_cv_.wait(lock, [&] { return committed_.load() >= target; });
}

void BatchWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void BatchWriter::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, interval_, [&] {
        return stopping_ || flush_requested_ >= open_ticket_ ||
               open_.results.size() + open_.buckets.size() >= max_rows_;
      });
    }
    commit_once();
    std::lock_guard lock(mutex_);
    if (stopping_ && open_.empty()) break;
  }
}

void BatchWriter::commit_once() {
  if (before_) before_();
  WriteBatch batch;
  std::uint64_t ticket;
  {
    std::lock_guard lock(mutex_);
    batch = std::move(open_);
    open_ = WriteBatch{};
    ticket = open_ticket_++;
  }
  for (int attempt = 0;; ++attempt) {
    try {
      if (!batch.empty()) store_.write(batch);
      break;
    } catch (const std::exception& e) {
      failures_.fetch_add(1);
      spdlog::error("storage: commit of {} results and {} rollup rows failed (attempt {}): {}",
                    batch.results.size(), batch.buckets.size(), attempt + 1, e.what());
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::min(5000, 100 << std::min(attempt, 6))));
    }
  }
  {
    std::lock_guard lock(mutex_);
    committed_.store(ticket);
  }
  if (after_) after_(ticket);
  committed_cv_.notify_all();
}

}  // namespace vigil
