#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/heartbeat_board.hpp"
#include "core/monitor_spec.hpp"
#include "storage/heartbeat_store.hpp"

namespace vigil {

//! The credentials a HEARTBEAT monitor accepts pushes with.
struct HeartbeatKeys {
  std::string secret;      //!< Kener's secretString (empty: the Kener URL is disabled)
  std::string push_token;  //!< Uptime Kuma's push token
};

//! Reads a monitor's HeartbeatKeys; nullopt for monitors of other types.
using HeartbeatKeyReader = std::function<std::optional<HeartbeatKeys>(const MonitorSpec&)>;

//! The push side of HEARTBEAT monitors: checks a push's secret or token, records it on the board
//! (read by the heartbeat probe) and in the store (so a restart keeps its age).
class HeartbeatService {
 public:
  HeartbeatService(HeartbeatBoard& board, HeartbeatStore& store, const Clock& clock,
                   HeartbeatKeyReader keys);

  //! Loads the stored pushes onto the board (call once at start).
  void load();
  //! Keeps the token index current; `spec` is nullptr when the monitor was deleted.
  void monitor_changed(const std::string& tag, const MonitorSpec* spec);
  //! Kener's /ext/heartbeat/{tag}/{secret}: kNotFound for an unknown monitor or another type,
  //! kUnauthorized for a wrong secret.
  std::optional<Error> push_with_secret(const std::string& tag, const std::string& secret,
                                        HeartbeatSignal signal);
  //! Uptime Kuma's /api/push/{token}: kNotFound for an unknown token.
  std::optional<Error> push_with_token(const std::string& token, HeartbeatSignal signal);

 private:
  void record(const std::string& tag, HeartbeatSignal signal);

  HeartbeatBoard& board_;
  HeartbeatStore& store_;
  const Clock& clock_;
  HeartbeatKeyReader read_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, HeartbeatKeys> keys_by_tag_;
  std::unordered_map<std::string, std::string> tag_by_token_;
};

}  // namespace vigil
