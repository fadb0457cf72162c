#include "alerting/notify/mail_composer.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <ctime>

namespace vigil {
namespace {

//! Header lines are folded to at most this many characters where they have room.
constexpr std::size_t kFoldAt = 78;
//! The multipart boundary: base64 lines never start with "--", so it cannot occur in a part.
constexpr std::string_view kBoundary = "vigil-alternative";
//! UTF-8 bytes per RFC 2047 encoded word: 52 base64 characters, a 64-character word, so
//! "Subject: " and one word stay within the 76 characters RFC 2047 allows a line.
constexpr std::size_t kEncodedWordBytes = 39;

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

bool printable_ascii(unsigned char c) {
  return c >= 0x20 && c <= 0x7e;
}

//! A header value as is when it is printable ASCII, otherwise as RFC 2047 encoded words of at
//! most kEncodedWordBytes bytes each (never splitting a UTF-8 character), separated by spaces.
std::string header_text(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), printable_ascii)) return std::string(text);
  std::string words;
  while (!text.empty()) {
    std::size_t size = std::min(text.size(), kEncodedWordBytes);
    auto continuation = [&](std::size_t i) {
      return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
    };
    while (size > 1 && size < text.size() && continuation(size)) --size;
    words += (words.empty() ? "=?UTF-8?B?" : " =?UTF-8?B?") + base64(text.substr(0, size)) + "?=";
    text.remove_prefix(size);
  }
  return words;
}

//! `url` fit for a header: bytes outside printable ASCII, spaces, quotes and angle brackets
//! percent-encoded.
std::string header_uri(std::string_view url) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (printable_ascii(c) && c != ' ' && c != '"' && c != '<' && c != '>') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 0xf]};
    }
  }
  return out;
}

//! "name: value" ended by CRLF, folded before a space (one between two non-spaces) so that each
//! line has at most kFoldAt characters where the value allows it.
std::string header(std::string_view name, std::string_view value) {
  const std::string line = std::string(name) + ": " + std::string(value);
  auto foldable = [&](std::size_t i) {
    return line[i] == ' ' && line[i - 1] != ' ' && i + 1 < line.size() && line[i + 1] != ' ';
  };
  std::string out;
  std::size_t start = 0;
  while (line.size() - start > kFoldAt) {
    // The last fold point that keeps this line within kFoldAt, else the first one after it.
    std::size_t fold = std::string::npos;
    for (std::size_t i = start + 1; i < line.size(); ++i) {
      if (!foldable(i)) continue;
      if (i - start <= kFoldAt || fold == std::string::npos) fold = i;
      if (i - start >= kFoldAt) break;
    }
    if (fold == std::string::npos) break;
    out += line.substr(start, fold - start) + "\r\n";
    start = fold;
  }
  return out + line.substr(start) + "\r\n";
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
  std::string mail = header("From", content.from) + header("To", to) +
                     header("Subject", header_text(content.subject)) +
                     header("Date", rfc5322_date(content.date)) +
                     header("Message-ID", "<" + content.message_id + ">");
  if (!content.unsubscribe_url.empty()) {
    mail += header("List-Unsubscribe", "<" + header_uri(content.unsubscribe_url) + ">") +
            header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
  mail += "MIME-Version: 1.0\r\n";
  if (!content.text.empty() && !content.html.empty()) {
    const std::string boundary(kBoundary);
    return mail + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" +
           boundary + "\r\n" + part("text/plain", content.text) + "--" + boundary + "\r\n" +
           part("text/html", content.html) + "--" + boundary + "--\r\n";
  }
  if (!content.html.empty()) return mail + part("text/html", content.html);
  return mail + part("text/plain", content.text);
}

}  // namespace vigil
