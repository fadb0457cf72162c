#pragma once

#include "probes/probe_registry.hpp"

namespace vigil {

//! The registry of every probe kind this binary ships (the one place that names them).
ProbeRegistry make_probe_registry();

}  // namespace vigil
