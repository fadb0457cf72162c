#include "http/response_head.hpp"

#include <boost/beast/http/status.hpp>

#include <charconv>
#include <string_view>

namespace vigil {
namespace {

constexpr std::size_t kHeadReserve = 256;

void append_number(std::string& out, std::size_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// Header text with CR and LF replaced, so it cannot end the line it is written on.
void append_field_text(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += text;
  for (std::size_t i = start; i < out.size(); ++i) {
    if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
  }
}

void append_field(std::string& out, std::string_view name, std::string_view value) {
  append_field_text(out, name);
  out += ": ";
  append_field_text(out, value);
  out += "\r\n";
}

}  // namespace

bool is_bodyless(int status) {
  return status < 200 || status == 204 || status == 304;
}

std::string response_head(const HttpResponse& response, unsigned version, bool keep_alive,
                          std::optional<std::size_t> content_length) {
  namespace http = boost::beast::http;
  std::string out;
  out.reserve(kHeadReserve);
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  append_number(out, static_cast<std::size_t>(response.status));
  out += ' ';
  const auto reason = http::obsolete_reason(static_cast<http::status>(response.status));
  out.append(reason.data(), reason.size());
  out += "\r\nServer: Vigil\r\n";
  if (!response.content_type.empty()) append_field(out, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) append_field(out, name, value);
  if (version == 10 && keep_alive) out += "Connection: keep-alive\r\n";
  if (version != 10 && !keep_alive) out += "Connection: close\r\n";
  if (content_length && !is_bodyless(response.status)) {
    out += "Content-Length: ";
    append_number(out, *content_length);
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

}  // namespace vigil
