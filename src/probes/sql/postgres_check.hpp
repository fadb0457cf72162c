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

//! One PostgreSQL check with libpq's asynchronous API on the event loop: connect, run the
//! query, read every result, disconnect.
class PostgresCheck {
 public:
  //! Why libpq cannot use `connection` (a postgresql:// URL or a keyword string), or nullopt.
  static std::optional<std::string> problem(std::string_view connection);
  //! Runs `request`; `done` is called once, on `io`, never from within start().
  static void start(boost::asio::io_context& io, SqlRequest request,
                    std::function<void(CheckResult)> done);

 private:
  struct Session;
};

}  // namespace vigil
