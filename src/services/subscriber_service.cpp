#include "services/subscriber_service.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>

#include "core/ascii_case.hpp"
#include "core/trim.hpp"
#include "services/subscriber_mail.hpp"

namespace vigil {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kCodeDigits = 6;
constexpr std::uint32_t kCodeRange = 1'000'000;

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) out += fmt::format("{:02x}", data[i]);
  return out;
}

Error not_found(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "Subscriber with id '" + std::to_string(id) + "' not found"};
}

Error wrong_code() {
  return Error{ErrorCode::kBadRequest, "code: the code is wrong or has expired"};
}

Error unknown_token() {
  return Error{ErrorCode::kNotFound, "This subscription link is not valid (any more)"};
}

}  // namespace

SubscriberService::SubscriberService(SubscriberStore& store, const PageService& pages,
                                     const MonitorService& monitors, const SiteService& site,
                                     NotificationPort& notifier, const Clock& clock,
                                     RandomSource& random, MailFormat format, std::string secret,
                                     SubscriberRules rules)
    : store_(store),
      pages_(pages),
      monitors_(monitors),
      site_(site),
      notifier_(notifier),
      clock_(clock),
      random_(random),
      format_(std::move(format)),
      secret_(std::move(secret)),
      rules_(rules) {}

Seconds SubscriberService::now() const {
  return to_seconds(clock_.now_ms());
}

std::string SubscriberService::hmac(std::string_view label, std::string_view text) const {
  const std::string message = std::string(label) + ":" + std::string(text);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  return to_hex(digest, length);
}

std::string SubscriberService::random_hex(std::size_t bytes) const {
  std::string raw(bytes, '\0');
  random_.fill(reinterpret_cast<unsigned char*>(raw.data()), raw.size());
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string SubscriberService::random_code() const {
  // Rejection sampling keeps every code equally likely.
  constexpr std::uint32_t kLimit = UINT32_MAX - UINT32_MAX % kCodeRange;
  std::uint32_t value = 0;
  do {
    unsigned char bytes[4];
    random_.fill(bytes, sizeof bytes);
    std::memcpy(&value, bytes, sizeof value);
  } while (value >= kLimit);
  return fmt::format("{:0{}}", value % kCodeRange, kCodeDigits);
}

std::string SubscriberService::manage_token(const Subscriber& subscriber) const {
  return hmac("manage", subscriber.token_salt);
}

std::string SubscriberService::link(std::string_view path) const {
  std::string base = site_.settings()->site_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(path);
}

Subscriber SubscriberService::fresh(SubscriberKind kind, std::string address) const {
  Subscriber subscriber;
  subscriber.kind = kind;
  subscriber.address = std::move(address);
  subscriber.token_salt = random_hex(kSaltBytes);
  subscriber.token_hash = hmac("token", manage_token(subscriber));
  return subscriber;
}

bool SubscriberService::known_page(std::int64_t id) const {
  const auto pages = pages_.list();
  return std::any_of(pages.begin(), pages.end(), [id](const auto& page) { return page->id == id; });
}

bool SubscriberService::offered_monitor(const std::string& tag, bool visitor) const {
  auto monitor = monitors_.find(tag);
  return monitor && !(visitor && monitor->hidden);
}

std::optional<Error> SubscriberService::check(SubscriberPreferences& preferences,
                                              bool visitor) const {
  normalize(preferences);
  std::vector<std::string> problems = validate_preferences(preferences);
  for (auto id : preferences.page_ids) {
    if (!known_page(id)) {
      problems.push_back("preferences.pages: page " + std::to_string(id) + " not found");
    }
  }
  for (const auto& tag : preferences.monitor_tags) {
    if (!offered_monitor(tag, visitor)) {
      problems.push_back("preferences.monitors: monitor '" + tag + "' not found");
    }
  }
  if (!problems.empty()) return bad_request(problems);
  return std::nullopt;
}

std::vector<Subscriber> SubscriberService::list() const {
  return store_.list();
}

Result<Subscriber> SubscriberService::get(std::int64_t id) const {
  auto found = store_.get(id);
  if (!found) return not_found(id);
  return *found;
}

Result<Subscriber> SubscriberService::create(SubscriberKind kind, std::string_view address,
                                             SubscriberPreferences preferences, bool active) {
  std::string clean(trim(address));
  if (kind == SubscriberKind::kEmail) {
    clean = to_lower(clean);
    if (!is_email_address(clean)) {
      return Error{ErrorCode::kBadRequest, "address: not a valid email address"};
    }
  } else if (!is_webhook_url(clean)) {
    return Error{ErrorCode::kBadRequest, "address: not an http:// or https:// URL"};
  }
  if (auto error = check(preferences, false)) return *error;
  auto existing = store_.find_by_address(kind, clean);
  if (existing && existing->confirmed) {
    return Error{ErrorCode::kConflict, "address: '" + clean + "' is subscribed already"};
  }
  // An address that asked for a code but never confirmed it is taken over.
  Subscriber subscriber = existing ? *existing : fresh(kind, std::move(clean));
  subscriber.confirmed = true;
  subscriber.active = active;
  subscriber.preferences = std::move(preferences);
  if (existing) store_.remove_code(existing->id);
  Subscriber stored =
      existing ? store_.update(subscriber).value_or(subscriber) : store_.create(subscriber);
  spdlog::info("subscriber {} added ({})", stored.id, to_string(stored.kind));
  return stored;
}

Result<Subscriber> SubscriberService::update(std::int64_t id, const SubscriberPatch& patch) {
  auto found = store_.get(id);
  if (!found) return not_found(id);
  Subscriber subscriber = *found;
  if (patch.active) subscriber.active = *patch.active;
  if (patch.preferences) {
    subscriber.preferences = *patch.preferences;
    if (auto error = check(subscriber.preferences, false)) return *error;
  }
  auto stored = store_.update(subscriber);
  if (!stored) return not_found(id);
  return *stored;
}

std::optional<Error> SubscriberService::remove(std::int64_t id) {
  if (!store_.remove(id)) return not_found(id);
  spdlog::info("subscriber {} deleted", id);
  return std::nullopt;
}

void SubscriberService::send_code(const Subscriber& subscriber, const std::string& code,
                                  Seconds sent_at) {
  const std::string site = site_.settings()->site_name;
  const Seconds minutes = rules_.code_lifetime / kMinute;
  SubscriberMail mail;
  mail.subject = fmt::format("{}: your verification code {}", site, code);
  mail.text = fmt::format(
      "Your code to confirm your subscription to {} is {}.\n\nIt is valid for {} minutes. If you "
      "did not ask for it, ignore this mail.\n",
      site, code, minutes);
  mail.html = fmt::format(
      "<p>Your code to confirm your subscription to {} is</p><p style=\"font-size:24px;"
      "letter-spacing:4px\"><strong>{}</strong></p><p>It is valid for {} minutes. If you did not "
      "ask for it, ignore this mail.</p>",
      format_.escape(site), code, minutes);
  notifier_.enqueue(
      email_message(subscriber.address, mail, "verification",
                    fmt::format("subscriber:{}:verification:{}", subscriber.id, sent_at)));
}

std::optional<Error> SubscriberService::request_code(std::string_view email,
                                                     SubscriberPreferences preferences) {
  const std::string address = to_lower(trim(email));
  if (!is_email_address(address)) {
    return Error{ErrorCode::kBadRequest, "email: not a valid email address"};
  }
  if (auto error = check(preferences, true)) return error;
  std::lock_guard lock(codes_mutex_);
  const Seconds at = now();
  auto subscriber = store_.find_by_address(SubscriberKind::kEmail, address);
  if (subscriber) {
    auto pending = store_.code(subscriber->id);
    if (pending && at < pending->sent_at + rules_.resend_after) {
      return Error{ErrorCode::kBadRequest,
                   fmt::format("email: a code was sent just now; ask again in {} seconds",
                               pending->sent_at + rules_.resend_after - at)};
    }
  } else {
    subscriber = store_.create(fresh(SubscriberKind::kEmail, address));
  }
  const std::string code = random_code();
  SubscriberCode pending;
  pending.subscriber_id = subscriber->id;
  pending.code_hash = hmac("code:" + std::to_string(subscriber->id), code);
  pending.sent_at = at;
  pending.expires_at = at + rules_.code_lifetime;
  pending.preferences = std::move(preferences);
  store_.put_code(pending);
  send_code(*subscriber, code, at);
  return std::nullopt;
}

Result<std::string> SubscriberService::confirm(std::string_view email, std::string_view code) {
  const std::string address = to_lower(trim(email));
  std::lock_guard lock(codes_mutex_);
  auto subscriber = store_.find_by_address(SubscriberKind::kEmail, address);
  if (!subscriber) return wrong_code();
  auto pending = store_.code(subscriber->id);
  if (!pending) return wrong_code();
  if (now() >= pending->expires_at) {
    store_.remove_code(subscriber->id);
    return wrong_code();
  }
  if (hmac("code:" + std::to_string(subscriber->id), trim(code)) != pending->code_hash) {
    if (store_.count_failed_attempt(subscriber->id) >= rules_.max_attempts) {
      store_.remove_code(subscriber->id);
    }
    return wrong_code();
  }
  store_.remove_code(subscriber->id);
  // Pages or monitors may have gone since the code was sent: keep the ones still there (with
  // none left, only global events reach the subscriber, as after a later deletion).
  SubscriberPreferences preferences = pending->preferences;
  std::erase_if(preferences.page_ids, [&](std::int64_t id) { return !known_page(id); });
  std::erase_if(preferences.monitor_tags,
                [&](const std::string& tag) { return !offered_monitor(tag, true); });
  subscriber->confirmed = true;
  subscriber->preferences = std::move(preferences);
  store_.update(*subscriber);
  spdlog::info("subscriber {} confirmed", subscriber->id);
  return manage_token(*subscriber);
}

Result<Subscriber> SubscriberService::by_token(std::string_view token) const {
  if (token.empty()) return unknown_token();
  auto found = store_.find_by_token_hash(hmac("token", token));
  if (!found || !found->confirmed || found->kind != SubscriberKind::kEmail) return unknown_token();
  return *found;
}

Result<Subscriber> SubscriberService::change_preferences(std::string_view token,
                                                         SubscriberPreferences preferences) {
  auto found = by_token(token);
  if (!found.ok()) return found;
  if (auto error = check(preferences, true)) return *error;
  Subscriber subscriber = found.value();
  subscriber.preferences = std::move(preferences);
  auto stored = store_.update(subscriber);
  if (!stored) return unknown_token();
  return *stored;
}

std::optional<Error> SubscriberService::unsubscribe(std::string_view token) {
  auto found = by_token(token);
  if (!found.ok()) return found.error();
  if (!store_.remove(found->id)) return unknown_token();
  spdlog::info("subscriber {} unsubscribed", found->id);
  return std::nullopt;
}

std::vector<Subscriber> SubscriberService::recipients() const {
  auto all = store_.list();
  std::erase_if(all, [](const Subscriber& s) { return !s.receives(); });
  return all;
}

}  // namespace vigil
