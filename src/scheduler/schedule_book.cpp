#include "scheduler/schedule_book.hpp"

#include <algorithm>

#include "core/check_result.hpp"
#include "core/fnv1a.hpp"

namespace vigil {
namespace {

constexpr Millis kMillisPerSecond = 1000;
// Stale heap items are dropped lazily; rebuild once they outnumber live ones this much.
constexpr std::size_t kStaleSlack = 64;

// Orders heap items so that std::push_heap & co. keep the earliest due time at the front.
constexpr auto kDueLater = [](const auto& a, const auto& b) { return a.due > b.due; };

Millis positive_mod(Millis value, Millis modulus) {
  const Millis r = value % modulus;
  return r < 0 ? r + modulus : r;
}

}  // namespace

struct ScheduleBook::Entry {
  std::shared_ptr<const MonitorSpec> spec;
  std::optional<CronExpression> cron;  // set for cron monitors
  Millis interval_ms = 0;              // set for interval monitors
  Millis offset_ms = 0;                // spread offset within the interval
  Millis due_ms = 0;
  std::uint64_t generation = 0;                // the one heap item that is not stale
  std::optional<std::uint64_t> running_check;  // check id while a check runs

  //! The first due time strictly after `now_ms`; nullopt when the cron never matches.
  std::optional<Millis> next_due_after(Millis now_ms) const {
    if (!cron) return now_ms - positive_mod(now_ms - offset_ms, interval_ms) + interval_ms;
    auto minute = cron->next_after(to_seconds(now_ms));
    if (!minute) return std::nullopt;
    return *minute * kMillisPerSecond;
  }
};

Millis ScheduleBook::spread_offset(const std::string& tag, Millis interval_ms) {
  if (interval_ms <= 0) return 0;
  return static_cast<Millis>(Fnv1a().update(tag).value() % static_cast<std::uint64_t>(interval_ms));
}

bool ScheduleBook::upsert(std::shared_ptr<const MonitorSpec> spec, Millis now_ms) {
  const std::string tag = spec->tag;
  auto entry = std::make_shared<Entry>();
  std::optional<Millis> due;
  if (is_scheduled(*spec) && spec->interval_seconds) {
    entry->interval_ms = Millis{*spec->interval_seconds} * kMillisPerSecond;
    if (entry->interval_ms > 0) {
      entry->offset_ms = spread_offset(tag, entry->interval_ms);
      due = entry->next_due_after(now_ms);
    }
  } else if (is_scheduled(*spec)) {
    if (auto cron = CronExpression::parse(spec->cron)) {
      entry->cron = std::move(*cron);
      due = entry->next_due_after(now_ms);
    }
  }
  if (!due) {
    // Deactivated, made passive or given a broken schedule: it leaves the schedule.
    remove(tag);
    return false;
  }
  if (auto old = entries_.find(tag); old != entries_.end()) {
    entry->running_check = old->second->running_check;
  }
  entry->spec = std::move(spec);
  entry->due_ms = *due;
  entry->generation = next_generation_++;
  push_heap_entry(tag, entry->due_ms, entry->generation);
  entries_[tag] = std::move(entry);
  return true;
}

void ScheduleBook::remove(const std::string& tag) {
  entries_.erase(tag);
}

std::vector<CheckJob> ScheduleBook::take_due(Millis now_ms) {
  std::vector<CheckJob> jobs;
  while (!heap_.empty() && heap_.front().due <= now_ms) {
    std::pop_heap(heap_.begin(), heap_.end(), kDueLater);
    HeapItem item = std::move(heap_.back());
    heap_.pop_back();
    auto it = entries_.find(item.tag);
    if (it == entries_.end() || it->second->generation != item.generation) continue;
    Entry& entry = *it->second;
    if (entry.running_check) {
      ++stats_.skipped;
    } else {
      entry.running_check = make_check_id(item.tag, entry.due_ms);
      jobs.push_back(CheckJob{entry.spec, *entry.running_check, entry.due_ms});
      ++stats_.dispatched;
    }
    // Due times missed while the loop was late collapse into this one run.
    auto next = entry.next_due_after(now_ms);
    if (!next) {
      entries_.erase(it);
      continue;
    }
    entry.due_ms = *next;
    entry.generation = next_generation_++;
    push_heap_entry(item.tag, entry.due_ms, entry.generation);
  }
  return jobs;
}

void ScheduleBook::finished(const std::string& tag, std::uint64_t check_id) {
  auto it = entries_.find(tag);
  if (it != entries_.end() && it->second->running_check == check_id) {
    it->second->running_check.reset();
  }
}

void ScheduleBook::refused(const CheckJob& job) {
  finished(job.monitor->tag, job.check_id);
  --stats_.dispatched;
  ++stats_.skipped;
}

std::optional<Millis> ScheduleBook::next_due() const {
  // The front may be stale (removed or rescheduled monitor); it is never later than the true
  // earliest due time, so waking for it costs at most one take_due that returns nothing.
  if (heap_.empty()) return std::nullopt;
  return heap_.front().due;
}

SchedulerStats ScheduleBook::stats() const {
  SchedulerStats out = stats_;
  out.monitors = entries_.size();
  return out;
}

void ScheduleBook::push_heap_entry(const std::string& tag, Millis due, std::uint64_t generation) {
  if (heap_.size() > 2 * entries_.size() + kStaleSlack) {
    std::erase_if(heap_, [this](const HeapItem& item) {
      auto it = entries_.find(item.tag);
      return it == entries_.end() || it->second->generation != item.generation;
    });
    std::make_heap(heap_.begin(), heap_.end(), kDueLater);
  }
  heap_.push_back(HeapItem{due, generation, tag});
  std::push_heap(heap_.begin(), heap_.end(), kDueLater);
}

}  // namespace vigil
