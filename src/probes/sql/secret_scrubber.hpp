#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

//! Replaces every secret a connection string carries with "***" in text meant for users, logs
//! and the API, so a database password never leaves the probe.
class SecretScrubber {
 public:
  //! The secrets of `connection`: the URL password as written and percent-decoded, and any
  //! `password=` parameter value.
  static SecretScrubber for_connection_string(std::string_view connection);

  //! `text` with each secret replaced by "***".
  std::string scrub(std::string_view text) const;

 private:
  void add(std::string secret);

  std::vector<std::string> secrets_;  // longest first, so a secret's prefix never leaks
};

}  // namespace vigil
