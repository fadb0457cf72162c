#include "probes/heartbeat/heartbeat_probe.hpp"

#include <openssl/rand.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

namespace json = boost::json;

constexpr std::int64_t kMaxMinutes = 60 * 24 * 365;
constexpr const char* kTokenField = "pushToken";

std::string random_token() {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += kDigits[b >> 4];
    token += kDigits[b & 0xf];
  }
  return token;
}

//! The push token stored in a monitor's type_data, or empty.
std::string token_of(const std::string& type_data) {
  boost::system::error_code ec;
  json::value v = json::parse(type_data, ec);
  if (ec || !v.is_object()) return "";
  const json::value* token = v.as_object().if_contains(kTokenField);
  return token && token->is_string() ? std::string(token->as_string()) : "";
}

void prepare_token(MonitorSpec& spec, const MonitorSpec* previous) {
  boost::system::error_code ec;
  json::value v = json::parse(spec.type_data, ec);
  if (ec || !v.is_object()) return;  // validation reports it
  json::object& data = v.as_object();
  const json::value* token = data.if_contains(kTokenField);
  if (token && token->is_string() && !token->as_string().empty()) return;
  std::string kept = previous ? token_of(previous->type_data) : "";
  data[kTokenField] = kept.empty() ? random_token() : kept;
  spec.type_data = json::serialize(v);
}

}  // namespace

Result<HeartbeatProbe::Settings> HeartbeatProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  settings.secret = reader->string("secretString").value_or("");
  settings.push_token = reader->string(kTokenField).value_or("");
  settings.degraded_minutes =
      static_cast<int>(reader->integer("degradedRemainingMinutes", 1, kMaxMinutes)
                           .value_or(settings.degraded_minutes));
  settings.down_minutes = static_cast<int>(
      reader->integer("downRemainingMinutes", 1, kMaxMinutes).value_or(settings.down_minutes));
  if (settings.down_minutes <= settings.degraded_minutes) {
    reader->fail("downRemainingMinutes", "must be greater than degradedRemainingMinutes");
  }
  if (auto error = reader->finish()) return *error;
  return settings;
}

HeartbeatProbe::HeartbeatProbe(const std::string& tag, Settings settings,
                               const HeartbeatBoard& board)
    : tag_(tag), settings_(std::move(settings)), board_(board) {}

void HeartbeatProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  CheckResult result;
  auto signal = board_.last(tag_);
  if (!signal) {
    result.status = Status::kNoData;
    result.error_message = "no heartbeat received yet";
  } else {
    Millis age_ms = std::max<Millis>(0, ctx.clock.now_ms() - signal->at_ms);
    double age_minutes = static_cast<double>(age_ms) / 60000.0;
    result.latency_ms = signal->ping_ms.value_or(static_cast<double>(age_ms));
    result.details = "last_push_age_ms=" + std::to_string(age_ms);
    if (age_minutes >= settings_.down_minutes) {
      result.status = Status::kDown;
      result.error_kind = ErrorKind::kTimeout;
      result.error_message = "no heartbeat for " + std::to_string(age_ms / 60000) + " min";
    } else if (signal->status == Status::kDown) {
      result.status = Status::kDown;
      result.error_message = signal->message.empty() ? "pushed status down" : signal->message;
    } else if (age_minutes >= settings_.degraded_minutes) {
      result.status = Status::kDegraded;
      result.error_message = "last heartbeat " + std::to_string(age_ms / 60000) + " min ago";
    } else {
      result.status = Status::kUp;
      result.error_message = signal->message;
    }
  }
  boost::asio::post(ctx.io, [done = std::move(done), result = std::move(result)]() mutable {
    done(std::move(result));
  });
}

ProbeKind heartbeat_probe_kind(const HeartbeatBoard& board) {
  ProbeKind kind = parsed_probe_kind<HeartbeatProbe>(
      "HEARTBEAT", [&board](auto settings, const MonitorSpec& spec) {
        return Result<std::unique_ptr<Probe>>(
            std::make_unique<HeartbeatProbe>(spec.tag, std::move(settings), board));
      });
  kind.prepare = prepare_token;
  return kind;
}

}  // namespace vigil
