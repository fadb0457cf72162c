#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/check_result.hpp"
#include "core/error.hpp"
#include "probes/sql/sql_request.hpp"

namespace boost::asio {
class io_context;
}

namespace vigil {

//! One MySQL/MariaDB check with libmariadb's non-blocking API on the event loop: connect, run
//! the query, read its rows, disconnect.
class MysqlCheck {
 public:
  //! Where and as whom to connect, from a mysql:// (or mariadb://) URL.
  struct Target {
    std::string host;      //!< a name or an IP literal; "localhost" means the Unix socket
    unsigned port = 3306;  //!< 1..65535
    std::string user;      //!< percent-decoded
    std::string password;  //!< percent-decoded
    std::string database;  //!< empty for none
  };

  //! Parses `connection`; the error says what is wrong without repeating the password.
  static Result<Target> parse(std::string_view connection);
  //! Why `connection` cannot be used, or nullopt.
  static std::optional<std::string> problem(std::string_view connection);
  //! Runs `request`; `done` is called once, on `io`, never from within start().
  static void start(boost::asio::io_context& io, SqlRequest request,
                    std::function<void(CheckResult)> done);

 private:
  struct Session;
};

}  // namespace vigil
