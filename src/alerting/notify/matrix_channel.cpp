#include "alerting/notify/matrix_channel.hpp"

#include <boost/json/serialize.hpp>
#include <cctype>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/default_templates.hpp"

namespace vigil {
namespace {

//! `text` percent-encoded for one path segment.
std::string path_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

Result<ChannelCall> MatrixChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string homeserver = config.url("homeserver");
  std::vector<std::string> headers{"Authorization: Bearer " + config.required("access_token")};
  std::string room = config.required("room_id");
  boost::json::object body{
      {"msgtype", "m.text"},
      {"body", config.render("message", kDefaultMessageTemplate, TemplateEscape::kNone)}};
  HttpCall call = json_post(homeserver + "/_matrix/client/v3/rooms/" + path_segment(room) +
                                "/send/m.room.message/" + path_segment(config.idempotency_key()),
                            boost::json::serialize(body), std::move(headers));
  call.method = "PUT";
  return config.finish(std::move(call));
}

}  // namespace vigil
