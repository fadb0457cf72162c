#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/check_result.hpp"
#include "probes/sql/sql_request.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

//! One SQLite check: opens an existing database file (never creates one), runs the query and
//! steps through its rows. SQLite has no non-blocking API, so the work runs on a small shared
//! thread pool and only the result comes back to the event loop.
class SqliteCheck {
 public:
  //! The file (or file: URI) named by `connection`: a path, sqlite://path or sqlite:///abs/path.
  static std::string path_of(std::string_view connection);
  //! Why `connection` cannot be used, or nullopt.
  static std::optional<std::string> problem(std::string_view connection);
  //! Runs `request` off the loop; `done` is called once, on `io`.
  static void start(boost::asio::io_context& io, SqlRequest request,
                    std::function<void(CheckResult)> done);
};

}  // namespace vigil
