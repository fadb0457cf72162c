#include "probes/dns/dns_answer.hpp"

#include <ares.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <optional>

namespace vigil {
namespace {

constexpr std::size_t kHeaderSize = 12;

// Reads a DNS message front to back; every read is bounds-checked and a failure sticks.
class Cursor {
 public:
  explicit Cursor(std::span<const unsigned char> message) : message_(message) {}

  bool ok() const { return ok_; }
  std::size_t offset() const { return offset_; }
  bool skip(std::size_t count) {
    if (!ok_ || message_.size() - offset_ < count) return ok_ = false;
    offset_ += count;
    return true;
  }
  std::uint32_t number(std::size_t bytes) {
    std::uint32_t value = 0;
    if (!ok_ || message_.size() - offset_ < bytes) {
      ok_ = false;
      return 0;
    }
    for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | message_[offset_++];
    return value;
  }
  // A possibly compressed name; `limit` bounds its encoded bytes (the record's rdata end).
  std::string name(std::size_t limit) {
    if (!ok_ || offset_ >= limit) {
      ok_ = false;
      return "";
    }
    char* expanded = nullptr;
    long encoded = 0;
    if (ares_expand_name(message_.data() + offset_, message_.data(),
                         static_cast<int>(message_.size()), &expanded, &encoded) != ARES_SUCCESS) {
      ok_ = false;
      return "";
    }
    std::string text(expanded);
    ares_free_string(expanded);
    if (static_cast<std::size_t>(encoded) > limit - offset_) ok_ = false;
    offset_ += static_cast<std::size_t>(encoded);
    return text;
  }
  std::string bytes(std::size_t count) {
    if (!ok_ || message_.size() - offset_ < count) {
      ok_ = false;
      return "";
    }
    std::string text(reinterpret_cast<const char*>(message_.data() + offset_), count);
    offset_ += count;
    return text;
  }
  std::size_t size() const { return message_.size(); }

 private:
  std::span<const unsigned char> message_;
  std::size_t offset_ = 0;
  bool ok_ = true;
};

std::optional<std::string> address(Cursor& cursor, int family, std::size_t length,
                                   std::size_t expected) {
  if (length != expected) return std::nullopt;
  std::string raw = cursor.bytes(length);
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (!cursor.ok() || inet_ntop(family, raw.data(), text.data(), text.size()) == nullptr) {
    return std::nullopt;
  }
  return std::string(text.data());
}

// One record's data as text; nullopt, a failed cursor or a cursor short of `end` when the data
// does not have the type's shape.
std::optional<std::string> render(Cursor& cursor, DnsRecordType type, std::size_t end) {
  std::size_t length = end - cursor.offset();
  auto num = [&cursor](std::size_t bytes) { return std::to_string(cursor.number(bytes)); };
  switch (type) {
    case DnsRecordType::kA:
      return address(cursor, AF_INET, length, 4);
    case DnsRecordType::kAaaa:
      return address(cursor, AF_INET6, length, 16);
    case DnsRecordType::kCname:
    case DnsRecordType::kNs:
    case DnsRecordType::kPtr:
      return cursor.name(end);
    case DnsRecordType::kMx: {
      std::string priority = num(2);
      return priority + " " + cursor.name(end);
    }
    case DnsRecordType::kTxt: {
      std::string joined;
      while (cursor.ok() && cursor.offset() < end) joined += cursor.bytes(cursor.number(1));
      return joined;
    }
    case DnsRecordType::kSrv: {
      std::string priority = num(2);
      std::string weight = num(2);
      std::string port = num(2);
      return priority + " " + weight + " " + port + " " + cursor.name(end);
    }
    case DnsRecordType::kCaa: {
      std::string flags = num(1);
      std::string tag = cursor.bytes(cursor.number(1));
      std::size_t rest = cursor.offset() <= end ? end - cursor.offset() : 0;
      return flags + " " + tag + " " + cursor.bytes(rest);
    }
    case DnsRecordType::kSoa: {
      std::string text = cursor.name(end);
      text += " " + cursor.name(end);
      for (int i = 0; i < 5; ++i) text += " " + num(4);
      return text;
    }
  }
  return std::nullopt;
}

Error malformed(std::string what) {
  return Error{ErrorCode::kBadRequest, "malformed DNS response: " + std::move(what)};
}

}  // namespace

Result<DnsAnswer> DnsAnswer::parse(std::span<const unsigned char> message, DnsRecordType type) {
  Cursor cursor(message);
  if (message.size() < kHeaderSize) return malformed("shorter than a DNS header");
  cursor.skip(2);  // id, checked by whoever matched the response to its query
  std::uint32_t flags = cursor.number(2);
  if ((flags & 0x8000) == 0) return malformed("not a response");
  DnsAnswer answer;
  answer.rcode = static_cast<int>(flags & 0x000F);
  std::uint32_t questions = cursor.number(2);
  std::uint32_t answers = cursor.number(2);
  cursor.skip(4);  // authority and additional counts
  for (std::uint32_t i = 0; i < questions && cursor.ok(); ++i) {
    cursor.name(cursor.size());
    cursor.skip(4);
  }
  if (!cursor.ok()) return malformed("truncated question section");
  for (std::uint32_t i = 0; i < answers; ++i) {
    cursor.name(cursor.size());
    std::uint32_t record_type = cursor.number(2);
    cursor.skip(6);  // class, ttl
    std::size_t length = cursor.number(2);
    if (!cursor.ok() || cursor.size() - cursor.offset() < length) {
      return malformed("truncated answer record " + std::to_string(i + 1));
    }
    std::size_t end = cursor.offset() + length;
    if (record_type != static_cast<std::uint32_t>(type)) {
      cursor.skip(length);
      continue;
    }
    std::optional<std::string> text = render(cursor, type, end);
    if (!text || !cursor.ok() || cursor.offset() != end) {
      return malformed("bad " + std::string(to_string(type)) + " record " + std::to_string(i + 1));
    }
    answer.records.push_back(std::move(*text));
  }
  return answer;
}

std::string dns_rcode_name(int rcode) {
  static constexpr std::array<const char*, 6> kNames{"NOERROR",  "FORMERR", "SERVFAIL",
                                                     "NXDOMAIN", "NOTIMP",  "REFUSED"};
  if (rcode >= 0 && static_cast<std::size_t>(rcode) < kNames.size()) return kNames[rcode];
  return "RCODE " + std::to_string(rcode);
}

}  // namespace vigil
