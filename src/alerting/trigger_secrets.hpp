#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/secret_settings.hpp"

namespace vigil {

//! What the API shows in place of a stored secret.
inline constexpr std::string_view kSecretMask = "********";

//! True when a header called `name` carries a credential: Cookie, or a name containing "auth",
//! "key", "password", "secret" or "token", in any case (Authorization, X-Api-Key, …).
bool is_credential_header(std::string_view name);

//! Replaces each secret of `meta` (a trigger_meta object) by kSecretMask; empty values and
//! values that are not text are left as they are.
void mask_secrets(boost::json::object& meta, const SecretSettings& secrets);

//! Puts back from `stored` each secret that `incoming` (a changed trigger_meta) leaves out or
//! sends as kSecretMask; a headers setting left out is kept whole when it holds a credential.
//! Returns a "key: problem" line for each mask that has no stored secret behind it.
std::vector<std::string> keep_stored_secrets(boost::json::object& incoming,
                                             const boost::json::object& stored,
                                             const SecretSettings& secrets);

}  // namespace vigil
