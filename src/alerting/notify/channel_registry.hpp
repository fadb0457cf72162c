#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "alerting/notify/channel.hpp"
#include "core/outbox_message.hpp"

namespace vigil {

//! The channels Vigil can deliver through, by trigger_type, and the environment their `$NAME`
//! references are read from.
class ChannelRegistry {
 public:
  //! No channels yet; `$NAME` is looked up in `env`.
  explicit ChannelRegistry(EnvLookup env);
  //! Every built-in channel; email goes through the server in Kener's SMTP_* variables of `env`
  //! unless a trigger names its own.
  static ChannelRegistry with_all_channels(EnvLookup env);

  //! Adds a channel (replacing one of the same type).
  void add(std::unique_ptr<Channel> channel);
  //! The channel for `type`, or nullptr.
  const Channel* find(std::string_view type) const;
  //! The types known, in the order added.
  std::vector<std::string_view> types() const;
  //! The call delivering `message` at time `now`, or a kBadRequest error: an unknown channel,
  //! settings or variables that are not JSON objects, or the channel's "field: problem" list.
  Result<ChannelCall> prepare(const OutboxMessage& message, Seconds now) const;

 private:
  EnvLookup env_;
  std::vector<std::unique_ptr<Channel>> channels_;
};

}  // namespace vigil
