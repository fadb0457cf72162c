#include "alerting/notify/channel_config.hpp"

#include <boost/json/serialize.hpp>

#include "core/trim.hpp"

namespace vigil {

ChannelConfig::ChannelConfig(const ChannelInput& input)
    : input_(input), reader_(input.config, "", problems_) {}

std::string ChannelConfig::text(std::string_view key, std::string fallback) {
  reader_.text(key, fallback);
  return substitute_env(fallback, input_.env);
}

std::string ChannelConfig::required(std::string_view key) {
  std::string value = text(key);
  const auto* present = input_.config.if_contains(key);
  bool wrong_type = present && !present->is_null() && !present->is_string();
  if (trim(value).empty() && !wrong_type) fail(key, "is required");
  return value;
}

std::string ChannelConfig::url(std::string_view key, std::string_view fallback) {
  std::string value = fallback.empty() ? required(key) : text(key, std::string(fallback));
  if (!value.empty() && value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) {
    fail(key, "must be an http:// or https:// URL");
  }
  while (!value.empty() && value.back() == '/') value.pop_back();
  return value;
}

bool ChannelConfig::flag(std::string_view key, bool fallback) {
  reader_.boolean(key, fallback);
  return fallback;
}

int ChannelConfig::integer(std::string_view key, int fallback) {
  reader_.integer(key, fallback);
  return fallback;
}

std::vector<std::string> ChannelConfig::headers(std::string_view key) {
  std::vector<std::string> lines;
  const boost::json::array* list = reader_.array(key);
  if (list == nullptr) return lines;
  for (const auto& item : *list) {
    const auto* header = item.if_object();
    const auto* name = header ? header->if_contains("key") : nullptr;
    const auto* value = header ? header->if_contains("value") : nullptr;
    if (!name || !name->is_string() || trim(name->get_string()).empty() || !value ||
        !value->is_string()) {
      fail(key, "each header must be {\"key\": name, \"value\": text}");
      break;
    }
    lines.push_back(std::string(trim(name->get_string())) + ": " +
                    substitute_env(std::string_view(value->get_string()), input_.env));
  }
  return lines;
}

std::string ChannelConfig::render(std::string_view key, std::string_view fallback_template,
                                  TemplateEscape escape) {
  std::string source = text(key, std::string(fallback_template));
  if (trim(source).empty()) source = substitute_env(fallback_template, input_.env);
  auto rendered = render_template(source, input_.variables, escape);
  if (!rendered.ok()) {
    fail(key, "invalid template: " + rendered.error().message);
    return {};
  }
  return std::move(rendered.value());
}

std::string ChannelConfig::variable(std::string_view name) const {
  const auto* value = input_.variables.if_contains(name);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return std::string(value->get_string());
  return boost::json::serialize(*value);
}

void ChannelConfig::fail(std::string_view key, std::string_view problem) {
  reader_.fail(key, problem);
}

Result<ChannelCall> ChannelConfig::finish(ChannelCall call) const {
  if (!problems_.empty()) return bad_request(problems_);
  return call;
}

HttpCall json_post(std::string url, std::string body, std::vector<std::string> headers) {
  headers.insert(headers.begin(), "Content-Type: application/json");
  return HttpCall{"POST", std::move(url), std::move(headers), std::move(body)};
}

}  // namespace vigil
