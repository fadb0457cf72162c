#include "alerting/notify/templated_post_channel.hpp"

#include "alerting/notify/channel_config.hpp"
#include "core/ascii_case.hpp"

namespace vigil {
namespace {

//! The method in upper case, or "" when it is not one a notification can use.
std::string_view known_method(std::string_view method) {
  for (std::string_view m : {"POST", "PUT", "PATCH", "GET", "DELETE"}) {
    if (equals_ignoring_case(method, m)) return m;
  }
  return {};
}

}  // namespace

TemplatedPostChannel::TemplatedPostChannel(std::string type, std::string body_key,
                                           std::string default_body, bool secret_url)
    : type_(std::move(type)),
      body_key_(std::move(body_key)),
      default_body_(std::move(default_body)),
      secret_url_(secret_url) {}

Result<ChannelCall> TemplatedPostChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  std::string url = config.url("url");
  std::string_view method = known_method(config.text("method", "POST"));
  if (method.empty()) config.fail("method", "must be POST, PUT, PATCH, GET or DELETE");
  HttpCall call =
      json_post(std::move(url), config.render(body_key_, default_body_, TemplateEscape::kJson),
                config.headers("headers"));
  if (!method.empty()) call.method = method;
  return config.finish(std::move(call));
}

SecretSettings TemplatedPostChannel::secret_settings() const {
  SecretSettings secrets{{}, "headers"};
  if (secret_url_) secrets.keys.push_back("url");
  return secrets;
}

}  // namespace vigil
