#pragma once

#include "alerting/notify/channel.hpp"

namespace vigil {

//! Matrix client-server API: PUT
//! homeserver/_matrix/client/v3/rooms/{room_id}/send/m.room.message/{txnId}, the message key as
//! txnId. Settings: homeserver (URL), access_token, room_id (required), message template.
class MatrixChannel final : public Channel {
 public:
  std::string_view type() const override { return "matrix"; }
  Result<ChannelCall> prepare(const ChannelInput& input) const override;
  SecretSettings secret_settings() const override { return {{"access_token"}, ""}; }
};

}  // namespace vigil
