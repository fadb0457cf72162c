#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vigil {

//! What kind of failure an operation reports; the API maps each to an HTTP status.
enum class ErrorCode { kBadRequest, kUnauthorized, kNotFound, kConflict, kInternal };

//! An expected failure, carried as a value.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

//! Kener's error code text: BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, CONFLICT, INTERNAL_ERROR.
const char* to_string(ErrorCode code);

//! A kBadRequest error listing every problem, separated by "; ".
Error bad_request(const std::vector<std::string>& problems);

//! A value or an Error.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  //! True when the result holds a value.
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  //! The value; only valid when ok().
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  //! The error; only valid when !ok().
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace vigil
