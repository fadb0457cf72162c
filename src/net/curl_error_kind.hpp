#pragma once

#include <curl/curl.h>

#include "core/check_result.hpp"

namespace vigil {

//! Which ErrorKind a failed curl transfer is: timeout, refused, dns, tls, protocol or error.
ErrorKind curl_error_kind(CURLcode code);

}  // namespace vigil
