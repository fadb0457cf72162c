#include "services/impact_index.hpp"

namespace vigil {
namespace {

std::optional<Status> strongest(const std::vector<ImpactWindow>& windows, const std::string& tag,
                                Seconds t) {
  std::optional<Status> found;
  for (const auto& window : windows) {
    if (window.monitor_tag == tag && window.start <= t && t < window.end) {
      found = found ? worst(*found, window.impact) : window.impact;
    }
  }
  return found;
}

}  // namespace

ImpactIndex::ImpactIndex(Source source) : source_(std::move(source)) {}

void ImpactIndex::rebuild(Seconds now) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->since = now - kLookback;
  for (auto& window : source_(snapshot->since, kForever)) {
    snapshot->by_tag[window.monitor_tag].push_back(std::move(window));
  }
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(snapshot);
}

std::optional<Status> ImpactIndex::at(const std::string& tag, Seconds t) const {
  std::shared_ptr<const Snapshot> snapshot;
  {
    std::lock_guard lock(mutex_);
    snapshot = snapshot_;
  }
  if (t < snapshot->since) return strongest(source_(t, t + 1), tag, t);
  auto it = snapshot->by_tag.find(tag);
  return it == snapshot->by_tag.end() ? std::nullopt : strongest(it->second, tag, t);
}

}  // namespace vigil
