#include "alerting/notify/email_channel.hpp"

#include <cctype>

#include "alerting/notify/channel_config.hpp"
#include "alerting/notify/mail_composer.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

constexpr std::string_view kDefaultSubject = "[{{alert_status}}] {{alert_name}}";
constexpr std::string_view kDefaultBody =
    "<h2>[{{alert_status}}] {{alert_name}}</h2>\n"
    "<p>{{alert_message}}</p>\n"
    "<table>\n"
    "<tr><td>Monitor</td><td>{{monitor_name}}</td></tr>\n"
    "<tr><td>Severity</td><td>{{alert_severity}}</td></tr>\n"
    "<tr><td>{{alert_for}}</td><td>{{alert_value}}</td></tr>\n"
    "<tr><td>Time</td><td>{{alert_timestamp}}</td></tr>\n"
    "</table>\n"
    "{{#alert_cta_url}}<p><a "
    "href=\"{{alert_cta_url}}\">{{alert_cta_text}}</a></p>{{/alert_cta_url}}\n";

//! The bare address in "Name <a@b>" or "a@b"; empty when it is not one.
std::string bare_address(std::string_view text) {
  text = trim(text);
  if (auto open = text.rfind('<'); open != std::string_view::npos && text.back() == '>') {
    text = text.substr(open + 1, text.size() - open - 2);
  }
  auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == text.size()) return {};
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == ',') return {};
  }
  return std::string(text);
}

//! The idempotency key as the local part of a Message-ID.
std::string message_id(std::string_view key) {
  std::string id;
  for (unsigned char c : key)
    id += std::isalnum(c) || c == '-' || c == '.' ? static_cast<char>(c) : '_';
  return id + "@vigil";
}

}  // namespace

EmailChannel::EmailChannel(SmtpSettings server) : server_(std::move(server)) {}

Result<ChannelCall> EmailChannel::prepare(const ChannelInput& input) const {
  ChannelConfig config(input);
  MailCall call;
  call.server = server_;
  call.server.host = config.text("host", server_.host);
  call.server.port = config.integer("port", server_.port);
  call.server.username = config.text("username", server_.username);
  call.server.password = config.text("password", server_.password);
  call.server.secure = config.flag("secure", server_.secure);
  call.server.starttls = config.flag("starttls", server_.starttls);
  call.server.tls_verify = config.flag("tls_verify", server_.tls_verify);
  if (trim(call.server.host).empty()) config.fail("host", "is required (or set SMTP_HOST)");
  if (call.server.port < 1 || call.server.port > 65535) config.fail("port", "must be 1 to 65535");

  MailContent content;
  content.from = config.text("from", server_.from);
  call.from = bare_address(content.from);
  if (call.from.empty()) config.fail("from", "must be an email address (or set SMTP_FROM_EMAIL)");
  std::string to = config.required("to");
  for (std::size_t start = 0; start <= to.size();) {
    std::size_t comma = std::min(to.find(',', start), to.size());
    std::string_view item = trim(std::string_view(to).substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    std::string address = bare_address(item);
    if (address.empty()) config.fail("to", "'" + std::string(item) + "' is not an email address");
    call.to.push_back(address);
    content.to.emplace_back(item);
  }
  content.subject = config.render("subject", kDefaultSubject, TemplateEscape::kNone);
  for (char& c : content.subject) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  bool with_html = input.config.contains("html");
  content.html = config.render(with_html ? "html" : "body", kDefaultBody, TemplateEscape::kHtml);
  if (with_html) content.text = config.render("body", "", TemplateEscape::kNone);
  content.message_id = message_id(config.idempotency_key());
  content.date = config.now();
  content.unsubscribe_url = config.variable("unsubscribe_url");
  call.payload = compose_mail(content);
  return config.finish(std::move(call));
}

}  // namespace vigil
