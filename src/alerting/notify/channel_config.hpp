#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alerting/notify/channel.hpp"
#include "alerting/notify/template_renderer.hpp"
#include "services/json_field_reader.hpp"

namespace vigil {

//! Reads a channel's settings for one message: `$NAME` substituted in every text, templates
//! rendered with the message's variables, each problem collected as "field: problem".
class ChannelConfig {
 public:
  //! Reads `input`, which must outlive this object.
  explicit ChannelConfig(const ChannelInput& input);

  //! A text setting, or `fallback` when absent.
  std::string text(std::string_view key, std::string fallback = "");
  //! A text setting that must be present and not blank.
  std::string required(std::string_view key);
  //! An http(s) URL setting (required unless `fallback` is given), without a trailing '/'.
  std::string url(std::string_view key, std::string_view fallback = "");
  //! A boolean setting.
  bool flag(std::string_view key, bool fallback);
  //! An integer setting.
  int integer(std::string_view key, int fallback);
  //! Kener's headers list ([{"key": name, "value": value}]) as "Name: value" lines.
  std::vector<std::string> headers(std::string_view key);
  //! The template in setting `key` (or `fallback_template`) rendered with the variables.
  std::string render(std::string_view key, std::string_view fallback_template,
                     TemplateEscape escape);
  //! A variable as text ("" when absent).
  std::string variable(std::string_view name) const;
  //! The message's idempotency key.
  std::string_view idempotency_key() const { return input_.idempotency_key; }
  //! The current time (Unix s).
  Seconds now() const { return input_.now; }
  //! Reports a problem with setting `key`.
  void fail(std::string_view key, std::string_view problem);
  //! `call`, or a kBadRequest error listing every problem found while reading.
  Result<ChannelCall> finish(ChannelCall call) const;

 private:
  const ChannelInput& input_;
  std::vector<std::string> problems_;
  JsonFieldReader reader_;
};

//! A JSON POST of `body` to `url` carrying `headers` as well.
HttpCall json_post(std::string url, std::string body, std::vector<std::string> headers = {});

}  // namespace vigil
