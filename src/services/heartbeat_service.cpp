#include "services/heartbeat_service.hpp"

#include <openssl/crypto.h>

namespace vigil {
namespace {

//! Compares secrets in constant time.
bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

HeartbeatService::HeartbeatService(HeartbeatBoard& board, HeartbeatStore& store, const Clock& clock,
                                   HeartbeatKeyReader keys)
    : board_(board), store_(store), clock_(clock), read_keys_(std::move(keys)) {}

void HeartbeatService::load() {
  for (const auto& [tag, signal] : store_.load_all()) board_.record(tag, signal);
}

void HeartbeatService::monitor_changed(const std::string& tag, const MonitorSpec* spec) {
  std::optional<HeartbeatKeys> keys = spec ? read_keys_(*spec) : std::nullopt;
  std::lock_guard lock(mutex_);
  if (auto old = keys_by_tag_.find(tag); old != keys_by_tag_.end()) {
    tag_by_token_.erase(old->second.push_token);
    keys_by_tag_.erase(old);
  }
  if (!keys) {
    if (!spec) board_.forget(tag);
    return;
  }
  if (!keys->push_token.empty()) tag_by_token_[keys->push_token] = tag;
  keys_by_tag_.emplace(tag, std::move(*keys));
}

std::optional<Error> HeartbeatService::push_with_secret(const std::string& tag,
                                                        const std::string& secret,
                                                        HeartbeatSignal signal) {
  {
    std::lock_guard lock(mutex_);
    auto it = keys_by_tag_.find(tag);
    if (it == keys_by_tag_.end()) {
      return Error{ErrorCode::kNotFound, "no HEARTBEAT monitor '" + tag + "'"};
    }
    if (it->second.secret.empty() || !same_secret(it->second.secret, secret)) {
      return Error{ErrorCode::kUnauthorized, "wrong heartbeat secret"};
    }
  }
  record(tag, std::move(signal));
  return std::nullopt;
}

std::optional<Error> HeartbeatService::push_with_token(const std::string& token,
                                                       HeartbeatSignal signal) {
  std::string tag;
  {
    std::lock_guard lock(mutex_);
    auto it = tag_by_token_.find(token);
    if (it == tag_by_token_.end()) {
      return Error{ErrorCode::kNotFound, "Monitor not found or not active."};
    }
    tag = it->second;
  }
  record(tag, std::move(signal));
  return std::nullopt;
}

void HeartbeatService::record(const std::string& tag, HeartbeatSignal signal) {
  signal.at_ms = clock_.now_ms();
  store_.save(tag, signal);
  board_.record(tag, signal);
}

}  // namespace vigil
