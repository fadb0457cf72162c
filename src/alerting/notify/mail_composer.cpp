#include "alerting/notify/mail_composer.hpp"

#include <openssl/evp.h>

#include <ctime>

namespace vigil {
namespace {

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3), '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

//! Base64 in lines of 76 characters, each ended by CRLF.
std::string base64_lines(std::string_view data) {
  std::string encoded = base64(data);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

//! A header value as an RFC 2047 encoded word when it is not plain printable ASCII.
std::string header_text(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return "=?UTF-8?B?" + base64(text) + "?=";
  }
  return std::string(text);
}

std::string rfc5322_date(Seconds t) {
  std::time_t time = static_cast<std::time_t>(t);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

std::string part(std::string_view type, std::string_view body) {
  return "Content-Type: " + std::string(type) +
         "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64_lines(body);
}

}  // namespace

std::string compose_mail(const MailContent& content) {
  std::string to;
  for (const auto& address : content.to) to += (to.empty() ? "" : ", ") + address;
  std::string mail = "From: " + content.from + "\r\nTo: " + to +
                     "\r\nSubject: " + header_text(content.subject) +
                     "\r\nDate: " + rfc5322_date(content.date) + "\r\nMessage-ID: <" +
                     content.message_id + ">\r\nMIME-Version: 1.0\r\n";
  if (!content.text.empty() && !content.html.empty()) {
    const std::string boundary = "vigil-" + content.message_id;
    return mail + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" +
           boundary + "\r\n" + part("text/plain", content.text) + "--" + boundary + "\r\n" +
           part("text/html", content.html) + "--" + boundary + "--\r\n";
  }
  if (!content.html.empty()) return mail + part("text/html", content.html);
  return mail + part("text/plain", content.text);
}

}  // namespace vigil
