#pragma once

#include <functional>
#include <vector>

#include "core/bucket.hpp"
#include "core/time_units.hpp"

namespace vigil {

//! Reads one monitor's rollup rows (stored and still pending) of one tier whose start lies in
//! [from, to), in any order. The page model reads all its data through this.
using BucketReader = std::function<std::vector<Bucket>(Granularity, Seconds from, Seconds to)>;

}  // namespace vigil
