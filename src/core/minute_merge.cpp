#include "core/minute_merge.hpp"

namespace vigil {

Status merge_minute(const MinuteLayers& layers) {
  Status merged = Status::kNoData;
  // Later layers override earlier ones; a NO_DATA layer says nothing and overrides nothing.
  for (const auto& layer :
       {layers.default_status, layers.check, layers.incident, layers.maintenance}) {
    if (layer && *layer != Status::kNoData) merged = *layer;
  }
  return merged;
}

}  // namespace vigil
