#pragma once

#include <memory>

#include "app/server_settings.hpp"
#include "config/vigil_config.hpp"

namespace vigil {

//! The composition root of `vigil serve`: opens the store, wires scheduler → executor →
//! ingestor → writer and the HTTP API, runs until SIGINT/SIGTERM, then shuts down without
//! losing a result.
class VigilServer {
 public:
  VigilServer(ServerSettings settings, VigilConfig config);
  ~VigilServer();

  //! Runs until a stop signal; returns the process exit code.
  int run();

 private:
  struct Parts;
  ServerSettings settings_;
  VigilConfig config_;
};

}  // namespace vigil
