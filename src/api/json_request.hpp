#pragma once

#include <boost/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/time_units.hpp"
#include "http/http_message.hpp"

namespace vigil {

//! Parses a request body that must be one JSON object.
Result<boost::json::object> parse_json_object(std::string_view body);

//! An error naming the first key of `object` that is not in `allowed`.
std::optional<Error> reject_unknown_keys(const boost::json::object& object,
                                         std::initializer_list<std::string_view> allowed);

//! The HTTP response for an Error: 400/401/404/409/500 with {"error":{code,message}}.
HttpResponse error_response(const Error& error);

//! A 200/201 response with `value` serialised.
HttpResponse json_response(int status, const boost::json::value& value);

//! Reads an integer query parameter; an error when missing (if required) or not an integer.
Result<std::optional<std::int64_t>> integer_query(const HttpRequest& request,
                                                  const std::string& name, bool required);

//! Which page of a list to answer: the `page` (from 1) and `limit` query parameters.
struct PageQuery {
  std::int64_t page = 1;    //!< 1-based
  std::int64_t limit = 20;  //!< items per page

  //! Items before this page.
  std::int64_t offset() const { return (page - 1) * limit; }
};

//! Reads `page` (smaller than 1 reads as 1) and `limit` (clamped to 1-100, default 20); an
//! error when either is not an integer.
Result<PageQuery> page_query(const HttpRequest& request);

//! A comma-separated query parameter as a list (items trimmed, blanks dropped); nullopt when
//! the parameter is absent or empty.
std::optional<std::vector<std::string>> list_query(const HttpRequest& request,
                                                   const std::string& name);

//! Reads an integer from a path segment.
Result<std::int64_t> integer_segment(std::string_view text, std::string_view name);

//! A Unix time as ISO 8601 UTC text ("2024-01-02T03:04:05Z"), as in created_at / updated_at.
std::string iso8601(Seconds t);

//! JSON text stored by Vigil (settings, site values) as a value; null if it does not parse.
boost::json::value stored_json(std::string_view text);

}  // namespace vigil
