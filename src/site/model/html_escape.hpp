#pragma once

#include <string>
#include <string_view>

namespace vigil {

//! Escapes text for HTML and XML content and quoted attribute values: & < > " '.
std::string html_escape(std::string_view text);

}  // namespace vigil
