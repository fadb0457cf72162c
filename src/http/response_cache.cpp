#include "http/response_cache.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <future>

#include "core/ascii_case.hpp"
#include "core/fnv1a.hpp"
#include "core/trim.hpp"

namespace vigil {
namespace {

// Below this size gzip saves too little to be worth the CPU and the extra header.
constexpr std::size_t kMinGzipSize = 1024;

//! gzip of `body`, or an empty string when zlib fails or the result is not smaller.
std::string gzip(const std::string& body) {
  z_stream stream{};
  constexpr int kGzipWindowBits = 15 + 16;  // 32 KiB window, gzip wrapper
  constexpr int kMemLevel = 8;
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kGzipWindowBits, kMemLevel,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, body.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END || out.size() >= body.size()) return {};
  return out;
}

std::string etag_of(std::string_view body) {
  char hex[17];
  const std::uint64_t hash = Fnv1a().update(body).value();
  constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 0; i < 16; ++i) hex[i] = kDigits[(hash >> (60 - 4 * i)) & 0xF];
  hex[16] = '\0';
  return "\"" + std::string(hex) + "\"";
}

//! The ETag of the gzip representation: the identity tag with "-gz" inside the quotes.
std::string gzip_etag(const std::string& etag) {
  return etag.substr(0, etag.size() - 1) + "-gz\"";
}

std::shared_ptr<const CachedBody> make_cached_body(HttpResponse response, std::uint64_t revision) {
  auto cached = std::make_shared<CachedBody>();
  cached->content_type = std::move(response.content_type);
  cached->body = std::move(response.body);
  if (cached->body.size() >= kMinGzipSize) cached->gzip_body = gzip(cached->body);
  cached->etag = etag_of(cached->body);
  cached->status = response.status;
  cached->revision = revision;
  return cached;
}

//! True when Accept-Encoding allows gzip: "gzip" or "x-gzip" with q > 0, or "*" with q > 0 and
//! gzip not listed.
bool accepts_gzip(std::optional<std::string_view> header) {
  if (!header) return false;
  double gzip_q = -1;
  double any_q = -1;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto semicolon = item.find(';');
    const std::string coding = to_lower(trim(item.substr(0, semicolon)));
    double q = 1;
    if (semicolon != std::string_view::npos) {
      const std::string params = to_lower(trim(item.substr(semicolon + 1)));
      if (params.starts_with("q=")) {
        const auto [ptr, ec] = std::from_chars(params.data() + 2, params.data() + params.size(), q);
        if (ec != std::errc()) q = 0;
      }
    }
    if (coding == "gzip" || coding == "x-gzip") gzip_q = std::max(gzip_q, q);
    if (coding == "*") any_q = q;
  }
  return gzip_q >= 0 ? gzip_q > 0 : any_q > 0;
}

//! True when If-None-Match is "*" or lists (weakly compared, W/ ignored) one of the tags.
bool none_match_hits(std::string_view header, const std::string& etag, const std::string& gz_etag) {
  if (trim(header) == "*") return true;
  std::size_t pos = 0;
  while (pos < header.size()) {
    if (header[pos] == ' ' || header[pos] == '\t' || header[pos] == ',') {
      ++pos;
      continue;
    }
    if (header.substr(pos, 2) == "W/") pos += 2;
    if (pos >= header.size() || header[pos] != '"') return false;
    const auto close = header.find('"', pos + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view tag = header.substr(pos, close - pos + 1);
    if (tag == etag || tag == gz_etag) return true;
    pos = close + 1;
  }
  return false;
}

HttpResponse respond(const HttpRequest& request, const CachedBody& cached,
                     std::string cache_control) {
  const bool use_gzip =
      !cached.gzip_body.empty() && accepts_gzip(request.header("accept-encoding"));
  const std::string gz_etag = gzip_etag(cached.etag);
  HttpResponse response;
  response.headers.reserve(4);
  response.headers.emplace_back("ETag", use_gzip ? gz_etag : cached.etag);
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (!cache_control.empty())
    response.headers.emplace_back("Cache-Control", std::move(cache_control));
  const auto if_none_match = request.header("if-none-match");
  const bool safe_method = request.method == "GET" || request.method == "HEAD";
  if (safe_method && if_none_match && none_match_hits(*if_none_match, cached.etag, gz_etag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.status = cached.status;
  response.content_type = cached.content_type;
  if (use_gzip) {
    response.body = cached.gzip_body;
    response.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    response.body = cached.body;
  }
  return response;
}

}  // namespace

//! A render in progress; waiters block on `result` (nullptr when it was not cacheable).
struct ResponseCache::Flight {
  std::promise<std::shared_ptr<const CachedBody>> promise;
  std::shared_future<std::shared_ptr<const CachedBody>> result = promise.get_future().share();
};

ResponseCache::ResponseCache(std::size_t max_entries)
    : max_per_shard_(std::max<std::size_t>(1, max_entries / kShards)) {}

HttpResponse ResponseCache::serve(const HttpRequest& request, const std::string& key,
                                  std::uint64_t revision, std::string cache_control,
                                  const std::function<HttpResponse()>& render) {
  std::optional<HttpResponse> uncached;
  const auto cached = fetch(key, revision, render, uncached);
  if (!cached) return std::move(*uncached);
  return respond(request, *cached, std::move(cache_control));
}

void ResponseCache::clear() {
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.entries.clear();
  }
}

std::shared_ptr<const CachedBody> ResponseCache::fetch(const std::string& key,
                                                       std::uint64_t revision,
                                                       const std::function<HttpResponse()>& render,
                                                       std::optional<HttpResponse>& uncached) {
  Shard& shard = shard_for(key);
  bool waited_for_failure = false;
  for (;;) {
    std::shared_ptr<Flight> flight;
    bool leader = false;
    {
      std::lock_guard lock(shard.mutex);
      auto [it, inserted] = shard.entries.try_emplace(key);
      if (inserted) make_room(shard, key);
      Entry& entry = it->second;
      if (entry.body && entry.body->revision >= revision) return entry.body;
      if (entry.flight) {
        flight = entry.flight;
      } else if (!waited_for_failure) {
        flight = entry.flight = std::make_shared<Flight>();
        leader = true;
      } else if (!entry.body) {
        shard.entries.erase(it);
      }
    }
    if (leader) {
      HttpResponse response;
      try {
        response = render();
      } catch (...) {
        land(shard, key, flight, nullptr);
        throw;
      }
      if (response.status != 200) {
        land(shard, key, flight, nullptr);
        uncached = std::move(response);
        return nullptr;
      }
      auto body = make_cached_body(std::move(response), revision);
      land(shard, key, flight, body);
      return body;
    }
    if (!flight) {
      // A render for this key just failed to give a cacheable answer: render without the cache.
      HttpResponse response = render();
      if (response.status != 200) {
        uncached = std::move(response);
        return nullptr;
      }
      return make_cached_body(std::move(response), revision);
    }
    auto body = flight->result.get();
    if (body && body->revision >= revision) return body;
    waited_for_failure = body == nullptr;
  }
}

void ResponseCache::land(Shard& shard, const std::string& key,
                         const std::shared_ptr<Flight>& flight,
                         std::shared_ptr<const CachedBody> body) {
  {
    std::lock_guard lock(shard.mutex);
    const auto it = shard.entries.find(key);
    if (it != shard.entries.end() && it->second.flight == flight) {
      it->second.flight.reset();
      const auto& current = it->second.body;
      if (body && (!current || current->revision < body->revision)) it->second.body = body;
      if (!it->second.body) shard.entries.erase(it);
    }
  }
  flight->promise.set_value(std::move(body));
}

void ResponseCache::make_room(Shard& shard, const std::string& keep) {
  auto it = shard.entries.begin();
  while (shard.entries.size() > max_per_shard_ && it != shard.entries.end()) {
    if (it->first == keep || it->second.flight) {
      ++it;
    } else {
      it = shard.entries.erase(it);
    }
  }
}

ResponseCache::Shard& ResponseCache::shard_for(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

}  // namespace vigil
