#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/http_message.hpp"

namespace vigil {

//! A rendered response kept for reuse: identity and gzip bodies and their ETag.
struct CachedBody {
  std::string content_type;
  std::string body;
  std::string gzip_body;  //!< empty when the body is too small to be worth compressing
  std::string etag;       //!< strong, quoted: "\"<16 hex digits>\"" of the identity body
  int status = 200;
  std::uint64_t revision = 0;
};

//! Renders each key once per revision and answers requests from the cached bytes: gzip when the
//! client accepts it, `ETag` and `If-None-Match` → 304, `Vary: Accept-Encoding`, `Cache-Control`
//! as given. Thread-safe; concurrent requests for a stale key render it once (single flight),
//! others wait for that render.
//! The gzip representation's ETag is the identity one with "-gz" appended inside the quotes; an
//! If-None-Match naming either matches. Headers set by `render` are not kept. When full, an
//! arbitrary entry is dropped (no LRU bookkeeping on the hot path).
class ResponseCache {
 public:
  explicit ResponseCache(std::size_t max_entries = 10000);

  //! Answers `request` for `key` at `revision`; `render` is called when the cached entry is
  //! missing or older. Revisions must only grow: a lower one is taken as an older view. Only 200 responses are cached (others are returned as rendered).
  HttpResponse serve(const HttpRequest& request, const std::string& key, std::uint64_t revision,
                     std::string cache_control, const std::function<HttpResponse()>& render);
  //! Drops every entry.
  void clear();

 private:
  struct Flight;
  struct Entry {
    std::shared_ptr<const CachedBody> body;
    std::shared_ptr<Flight> flight;  //!< the render in progress, if any
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
  };
  static constexpr std::size_t kShards = 16;

  //! A fresh cached body for `key`, rendering it (once across threads) when needed; a non-200
  //! rendered response is put in `uncached` instead and nullptr returned.
  std::shared_ptr<const CachedBody> fetch(const std::string& key, std::uint64_t revision,
                                          const std::function<HttpResponse()>& render,
                                          std::optional<HttpResponse>& uncached);
  //! Ends this thread's flight for `key`: stores `body` (when not null) and wakes the waiters.
  void land(Shard& shard, const std::string& key, const std::shared_ptr<Flight>& flight,
            std::shared_ptr<const CachedBody> body);
  //! Drops entries of `shard` (lock held) until it has room, sparing `keep` and renders in
  //! progress.
  void make_room(Shard& shard, const std::string& keep);
  Shard& shard_for(const std::string& key);

  std::size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace vigil
